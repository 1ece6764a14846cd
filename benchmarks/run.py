"""Benchmark sphinx-profile against a hand-written page and sphinxcontrib-bibtex.

Run from the repository root, after ``pip install -e ".[bench]"``::

    python benchmarks/run.py            # N = 100, 1,000, 10,000; writes benchmarks/results.rst
    python benchmarks/run.py --quick    # N = 100, 1,000; fewer runs; prints only
    python benchmarks/run.py --sizes 100,1000 --runs 5 --pairs 20 --output results.rst
    python benchmarks/run.py --lab      # the lab site instead (see lab.py); takes its options

It writes the same N generated publications as four Sphinx projects (see
``sites.py``) in a temporary folder and times whole ``sphinx-build`` processes:

* full builds (``-E -b html -q``) of each project for every N, plus each
  project with no entries, ``--runs`` times, the four sites in alternating
  order, so each site is compared with its partner run for run;
* a no-op rebuild (a second build, nothing changed) of the YAML project and
  of the hand-written one, ``--pairs`` times, with the documents each re-read;
* a one-page project that uses no directive, with and without
  ``sphinx_profile`` in ``extensions``, ``--pairs`` times.

It prints the tables and the targets of the issue, and writes them as
reStructuredText, which ``docs/guide/performance.rst`` includes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import BuildFailed, Run, run_process, sphinx_build
from report import Results, render
from sites import LABELS, VARIANTS, make_entries, sample_titles, write_site, write_tiny_site

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results.rst"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=None, help="comma-separated N (default 100,1000,10000)")
    parser.add_argument("--runs", type=int, default=None, help="runs of each full build (3)")
    parser.add_argument("--pairs", type=int, default=None, help="pairs of short builds (15)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generated entries")
    parser.add_argument("--noop-size", type=int, default=1000, help="N of the no-op rebuild")
    parser.add_argument(
        "--quick", action="store_true", help="N = 100, 1,000, one run, 5 pairs; print only"
    )
    parser.add_argument("--output", type=Path, default=None, help="the reST file to write")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder, keep it")
    args = parser.parse_args(argv)
    quick = args.quick
    args.sizes = [
        int(size) for size in (args.sizes or ("100,1000" if quick else "100,1000,10000")).split(",")
    ]
    args.runs = args.runs or (1 if quick else 3)
    args.pairs = args.pairs or (5 if quick else 15)
    if args.output is None and not quick:
        args.output = DEFAULT_OUTPUT
    return args


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def check_page(variant: str, output: Path, titles: list[str], run: Run) -> str | None:
    """Why the page is not what the benchmark expects, or ``None`` if it is."""
    html = (output / "index.html").read_text("utf-8")
    missing = [title for title in titles if title not in html]
    if missing or (variant != "scbib" and run.warnings):
        first = run.warnings[0] if run.warnings else f"the page lacks the entry {missing[0]!r}"
        return f"the build warned or lost entries: {first.strip()}"
    return None


def full_builds(results: Results, root: Path, seed: int) -> None:
    variants = [v for v in VARIANTS if v not in results.skipped]
    for size in [0, *results.sizes]:
        entries = make_entries(size, seed)
        sites = {v: write_site(root / f"n{size}" / v, v, entries) for v in variants}
        outputs = {v: root / f"n{size}" / f"{v}-html" for v in variants}
        # One untimed build of each: it warms the file cache and checks the page.
        for variant in list(variants):
            run = sphinx_build(sites[variant], outputs[variant])
            problem = check_page(variant, outputs[variant], sample_titles(entries), run)
            if problem and variant in ("bib", "scbib"):
                say(f"  {LABELS[variant]}: skipped: {problem}")
                results.skipped[variant] = problem
                variants.remove(variant)
            elif problem:
                raise SystemExit(f"{LABELS[variant]}, N = {size}: {problem}")
        for index in range(results.runs):
            order = variants if index % 2 == 0 else variants[::-1]
            for variant in order:
                run = sphinx_build(sites[variant], outputs[variant])
                results.full.setdefault((variant, size), []).append(run)
            summary = ", ".join(
                f"{LABELS[v]} {results.full[(v, size)][-1].seconds:.2f} s" for v in variants
            )
            say(f"  N = {size:,}, run {index + 1}/{results.runs}: {summary}")


def noop_rebuilds(results: Results, root: Path, seed: int) -> None:
    entries = make_entries(results.noop_size, seed)
    sites = {v: write_site(root / "noop" / v, v, entries) for v in ("yaml", "rst")}
    outputs = {v: root / "noop" / f"{v}-html" for v in sites}
    for variant in sites:
        sphinx_build(sites[variant], outputs[variant])  # the full build to rebuild from
    for index in range(results.pairs):
        order = ["yaml", "rst"] if index % 2 == 0 else ["rst", "yaml"]
        for variant in order:
            run = sphinx_build(sites[variant], outputs[variant], fresh=False, quiet=False)
            results.noop.setdefault(variant, []).append(run)
    say(f"  no-op rebuilds: {results.pairs} pairs done")


def extension_overhead(results: Results, root: Path) -> None:
    sites = {flag: write_tiny_site(root / "tiny" / str(flag), flag) for flag in (False, True)}
    outputs = {flag: root / "tiny" / f"{flag}-html" for flag in sites}
    for flag in sites:
        sphinx_build(sites[flag], outputs[flag])  # warm-up
    for index in range(results.pairs):
        for flag in (True, False) if index % 2 == 0 else (False, True):
            results.tiny.setdefault(flag, []).append(sphinx_build(sites[flag], outputs[flag]))
    say(f"  one-page site with and without the extension: {results.pairs} pairs done")


def measured_version() -> str:
    """Which sphinx-profile the builds import: its commit, if it is a git checkout."""
    probe = run_process(
        [sys.executable, "-c", "import sphinx_profile; print(sphinx_profile.__file__)"],
        cwd=Path(tempfile.gettempdir()),
    )
    checkout = Path(probe.stdout.strip()).parent.parent

    def git(*args: str) -> str:
        command = ["git", "-C", str(checkout), *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--", "sphinx_profile")
    except (OSError, subprocess.CalledProcessError):
        return "The sphinx-profile measured is not a git checkout."
    changes = " plus uncommitted changes" if dirty else ""
    return f"sphinx-profile measured: commit {commit}{changes}."


def load_average() -> str:
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--lab" in argv:
        from lab import main as lab_main

        return lab_main([arg for arg in argv if arg != "--lab"])
    args = parse_args(argv)
    results = Results(args.sizes, args.runs, args.pairs, args.noop_size)
    if importlib.util.find_spec("sphinxcontrib.bibtex") is None:
        results.skipped["scbib"] = "sphinxcontrib-bibtex is not installed (pip install -e .[bench])"
    with tempfile.TemporaryDirectory(prefix="sphinx-profile-bench-") as temporary:
        root = args.keep or Path(temporary)
        say(f"building in {root}")
        version, load_before = measured_version(), load_average()
        try:
            full_builds(results, root, args.seed)
            noop_rebuilds(results, root, args.seed)
            extension_overhead(results, root)
        except BuildFailed as err:
            raise SystemExit(str(err)) from None
    results.context = load_note(version, load_before)
    command = "python benchmarks/run.py " + shlex.join(argv)
    publish(render(results, command.strip()), args.output)
    return 0


def load_note(version: str, load_before: str) -> str:
    """What was measured, and the machine's load around the measurement."""
    return (
        f"{version} Load average (1 minute) {load_before} before the first build, "
        f"{load_average()} after the last."
    )


def publish(text: str, output: Path | None) -> None:
    """Print the report; write it to ``output`` if given."""
    print(text)
    if output is not None:
        output.write_text(text, "utf-8")
        say(f"wrote {output}")


if __name__ == "__main__":
    sys.exit(main())
