"""Benchmark a lab site: many members sharing one publication file, edited one entry at a time.

Run from the repository root, after ``pip install -e ".[bench]"``::

    python benchmarks/lab.py            # 50 members, 2,000 papers; writes lab_results.rst
    python benchmarks/run.py --lab      # the same
    python benchmarks/lab.py --quick    # 20 members, 500 papers, one run; prints only

It writes the lab site and its hand-written twin (see ``lab_sites.py``) in a
temporary folder and times whole ``sphinx-build -b html`` processes:

* full builds (``-E``) of both, ``--runs`` times, in alternating order;
* no-op rebuilds (nothing changed) of both, ``--runs`` times;
* a one-entry edit: the title of one paper of one member changes (in the
  YAML file of the lab site; in every page that shows it in the twin), and
  both are rebuilt, ``--runs`` times (the title goes back and forth);
* a one-entry addition and its removal: a new paper by one member;
* full builds of the lab site with ``-j 1`` and ``-j 2``, whose HTML pages
  must be identical, ``--runs`` times.

After each incremental build the pages are checked: the new title is on the
paper's page, the publications page and the member's page; an added paper
has its page, a removed one's page is gone. It prints the tables and the
targets of the issue and writes them as reStructuredText, which
``docs/guide/performance.rst`` includes.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lab_sites import (
    LAB_LABELS,
    LAB_VARIANTS,
    Lab,
    make_lab,
    new_paper,
    write_lab_data,
    write_lab_variant,
    write_twin_pages,
)
from measure import BuildFailed, Run, median, median_ratio, sphinx_build
from report import Target, machine_info, simple_table, targets_table

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "lab_results.rst"
DASH = "\N{EN DASH}"
TIMES = "\N{MULTIPLICATION SIGN}"

SCENARIOS = {
    "full": "full build (-E)",
    "noop": "no-op rebuild",
    "edit": "one-entry edit (a title)",
    "add": "one-entry addition",
    "remove": "one-entry removal",
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=None, help="lab members (50)")
    parser.add_argument("--papers", type=int, default=None, help="shared papers (2,000)")
    parser.add_argument("--runs", type=int, default=None, help="times each build is timed (3)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the generated lab")
    parser.add_argument(
        "--quick", action="store_true", help="20 members, 500 papers, one run; print only"
    )
    parser.add_argument("--output", type=Path, default=None, help="the reST file to write")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder, keep it")
    args = parser.parse_args(argv)
    args.members = args.members or (20 if args.quick else 50)
    args.papers = args.papers or (500 if args.quick else 2000)
    args.runs = args.runs or (1 if args.quick else 3)
    if args.output is None and not args.quick:
        args.output = DEFAULT_OUTPUT
    return args


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class LabResults:
    members: int
    papers: int
    runs: int
    times: dict[tuple[str, str], list[Run]] = field(default_factory=dict)
    """(scenario, variant) -> runs; variant is ``lab``, ``twin``, ``j1`` or ``j2``."""
    identical: list[bool] = field(default_factory=list)
    """Whether the ``-j 2`` build's HTML pages equal the ``-j 1`` build's, run by run."""
    differences: list[str] = field(default_factory=list)
    context: str = ""

    def add(self, scenario: str, variant: str, run: Run) -> None:
        self.times.setdefault((scenario, variant), []).append(run)

    def seconds(self, scenario: str, variant: str) -> list[float]:
        return [run.seconds for run in self.times.get((scenario, variant), [])]


class Sites:
    """The two projects and their outputs, and the lab they show now."""

    def __init__(self, root: Path, lab: Lab) -> None:
        self.lab = lab
        self.source = {v: write_lab_variant(root / v, v, lab) for v in LAB_VARIANTS}
        self.output = {v: root / f"{v}-html" for v in LAB_VARIANTS}

    def build(self, variant: str, *, fresh: bool) -> Run:
        run = sphinx_build(self.source[variant], self.output[variant], fresh=fresh, quiet=False)
        if run.warnings:
            raise SystemExit(f"{LAB_LABELS[variant]}: the build warned: {run.warnings[0]}")
        return run

    def change(self, lab: Lab, papers: set[str]) -> None:
        """Show ``lab`` now: the YAML files of the lab site, the pages of the twin."""
        self.lab = lab
        write_lab_data(self.source["lab"], lab)
        write_twin_pages(self.source["twin"], lab, papers)
        for key in papers:  # the twin's page of a removed paper goes
            page = self.source["twin"] / "papers" / f"{key}.rst"
            if page.exists() and key not in {paper.key for paper in lab.papers}:
                page.unlink()

    def page(self, variant: str, name: str) -> str:
        path = self.output[variant] / f"{name}.html"
        return path.read_text("utf-8") if path.exists() else ""


def paper_page(variant: str, key: str) -> str:
    return f"publications/{key}" if variant == "lab" else f"papers/{key}"


def check_shown(sites: Sites, key: str, title: str, member: str, present: bool = True) -> None:
    for variant in LAB_VARIANTS:
        names = ["publications", f"members/{member}"]
        if present or variant == "lab":  # Sphinx leaves a removed document's HTML file
            names.append(paper_page(variant, key))
        for name in names:
            if (title in sites.page(variant, name)) != present:
                state = "lacks" if present else "still shows"
                raise SystemExit(f"{LAB_LABELS[variant]}: {name}.html {state} {title!r}")


def full_builds(results: LabResults, sites: Sites) -> None:
    for variant in LAB_VARIANTS:  # untimed: warms the file cache, checks the build
        sites.build(variant, fresh=True)
    for index in range(results.runs):
        for variant in LAB_VARIANTS if index % 2 == 0 else LAB_VARIANTS[::-1]:
            results.add("full", variant, sites.build(variant, fresh=True))
        say(f"  full builds, run {index + 1}/{results.runs}: {_last(results, 'full')}")


def noop_rebuilds(results: LabResults, sites: Sites) -> None:
    for variant in LAB_VARIANTS:
        sites.build(variant, fresh=False)  # settle anything the full build left to do
    for index in range(results.runs):
        for variant in LAB_VARIANTS if index % 2 == 0 else LAB_VARIANTS[::-1]:
            results.add("noop", variant, sites.build(variant, fresh=False))
        say(f"  no-op rebuilds, run {index + 1}/{results.runs}: {_last(results, 'noop')}")


def one_entry_edits(results: LabResults, sites: Sites) -> None:
    original = sites.lab
    member = original.members[0]
    paper = original.member_papers(member)[0]
    for index in range(results.runs):
        title = paper.title + " (revised)" if index % 2 == 0 else paper.title
        sites.change(original.with_title(paper.key, title), {paper.key})
        for variant in LAB_VARIANTS if index % 2 == 0 else LAB_VARIANTS[::-1]:
            results.add("edit", variant, sites.build(variant, fresh=False))
        check_shown(sites, paper.key, title, member.id)
        say(f"  one-entry edits, run {index + 1}/{results.runs}: {_last(results, 'edit')}")
    sites.change(original, {paper.key})
    for variant in LAB_VARIANTS:
        sites.build(variant, fresh=False)


def one_entry_additions(results: LabResults, sites: Sites) -> None:
    original = sites.lab
    member = original.members[-1]
    added = new_paper(original, member)
    for index in range(results.runs):
        order = LAB_VARIANTS if index % 2 == 0 else LAB_VARIANTS[::-1]
        sites.change(original.with_paper(added), {added.key})
        for variant in order:
            results.add("add", variant, sites.build(variant, fresh=False))
        check_shown(sites, added.key, added.title, member.id)
        sites.change(original, {added.key})
        for variant in order:
            results.add("remove", variant, sites.build(variant, fresh=False))
        check_shown(sites, added.key, added.title, member.id, present=False)
        summary = f"{_last(results, 'add')}; removal: {_last(results, 'remove')}"
        say(f"  one-entry additions, run {index + 1}/{results.runs}: {summary}")


def parallel_builds(results: LabResults, sites: Sites, root: Path) -> None:
    source = sites.source["lab"]
    outputs = {jobs: root / f"lab-j{jobs}-html" for jobs in (1, 2)}
    for index in range(results.runs):
        for jobs in (1, 2) if index % 2 == 0 else (2, 1):
            run = sphinx_build(source, outputs[jobs], fresh=True, jobs=jobs)
            results.add("full", f"j{jobs}", run)
        problem = compare_outputs(outputs[1], outputs[2])
        results.identical.append(problem is None)
        if problem is not None:
            results.differences.append(problem)
        j1, j2 = results.seconds("full", "j1")[-1], results.seconds("full", "j2")[-1]
        say(f"  -j 1 {j1:.2f} s, -j 2 {j2:.2f} s, identical: {problem is None}")


def compare_outputs(first: Path, second: Path) -> str | None:
    """The first HTML page that differs between two outputs (or exists in one only)."""
    pages = {path.relative_to(first) for path in first.rglob("*.html")}
    others = {path.relative_to(second) for path in second.rglob("*.html")}
    if pages != others:
        return f"pages in one output only: {sorted(pages ^ others)[:3]}"
    for page in sorted(pages):
        if (first / page).read_bytes() != (second / page).read_bytes():
            return f"{page} differs"
    return None


def _last(results: LabResults, scenario: str) -> str:
    return ", ".join(
        f"{LAB_LABELS[v]} {results.seconds(scenario, v)[-1]:.2f} s"
        for v in LAB_VARIANTS
        if results.seconds(scenario, v)
    )


# -- the report ----------------------------------------------------------------------


def _median_seconds(values: list[float]) -> str:
    return f"{median(values):.2f}" if values else DASH


def _peak(runs: list[Run]) -> str:
    return f"{median([run.peak_mib for run in runs]):.0f}" if runs else DASH


def _read(runs: list[Run]) -> str:
    counts = [run.documents_read for run in runs if run.documents_read is not None]
    return f"{median(counts):.0f}" if counts else DASH


def scenario_table(results: LabResults) -> str:
    rows = []
    for scenario, label in SCENARIOS.items():
        lab = results.times.get((scenario, "lab"), [])
        twin = results.times.get((scenario, "twin"), [])
        ratio = (
            f"{median_ratio([r.seconds for r in lab], [r.seconds for r in twin]):.2f}"
            if lab and twin
            else DASH
        )
        rows.append(
            [
                label,
                _median_seconds([r.seconds for r in lab]),
                _median_seconds([r.seconds for r in twin]),
                ratio,
                _median_seconds([r.cpu_seconds for r in lab]),
                _median_seconds([r.cpu_seconds for r in twin]),
                _read(lab),
                _read(twin),
                _peak(lab),
                _peak(twin),
            ]
        )
    header = [
        "build",
        "lab (s)",
        "twin (s)",
        f"lab {TIMES} twin",
        "lab CPU (s)",
        "twin CPU (s)",
        "lab pages read",
        "twin pages read",
        "lab peak (MiB)",
        "twin peak (MiB)",
    ]
    return simple_table(header, rows)


def parallel_table(results: LabResults) -> str:
    rows = []
    for jobs in (1, 2):
        runs = results.times.get(("full", f"j{jobs}"), [])
        rows.append([f"-j {jobs}", _median_seconds([r.seconds for r in runs]), _peak(runs)])
    return simple_table(["lab site, full build", "wall time (s)", "peak (MiB)"], rows)


def lab_targets(results: LabResults) -> list[Target]:
    def ratio(first: tuple[str, str], second: tuple[str, str]) -> float | None:
        a, b = results.seconds(*first), results.seconds(*second)
        return median_ratio(a, b) if a and b and len(a) == len(b) else None

    def target(text: str, value: float | None, limit: float, what: str) -> Target:
        if value is None:
            return Target(text, "not measured", None)
        return Target(text, f"{value:.2f} {TIMES} {what}", value <= limit)

    edit, full = results.seconds("edit", "lab"), results.seconds("full", "lab")
    edit_ratio = median(edit) / median(full) if edit and full else None
    parallel = ratio(("full", "j2"), ("full", "j1"))
    items = [
        target(
            f"full build {TIMES} twin's full build {chr(0x2264)} 1.0",
            ratio(("full", "lab"), ("full", "twin")),
            1.0,
            "twin",
        ),
        target(
            f"no-op rebuild {TIMES} twin's no-op rebuild {chr(0x2264)} 1.1",
            ratio(("noop", "lab"), ("noop", "twin")),
            1.1,
            "twin",
        ),
        target(
            f"one-entry edit {TIMES} full build {chr(0x2264)} 0.2",
            edit_ratio,
            0.2,
            "full build",
        ),
        target(
            f"-j 2 full build {TIMES} -j 1 {chr(0x2264)} 0.75",
            parallel,
            0.75,
            "-j 1",
        ),
    ]
    if results.identical:
        same = all(results.identical)
        detail = "every run" if same else f"differs: {results.differences[0]}"
        items.append(Target("-j 2 and -j 1 give identical HTML pages", detail, same))
    return items


def render_lab(results: LabResults, command: str) -> str:
    return "\n".join(
        [
            ".. This file is written by benchmarks/lab.py; do not edit it by hand.",
            "",
            machine_info(),
            "",
            f"Command: ``{command}``: a lab of {results.members} members sharing "
            f"{results.papers:,} papers; each build timed {results.runs} times. "
            f"{results.context}",
            "",
            ".. rubric:: Targets (lab site)",
            "",
            targets_table(lab_targets(results)),
            "",
            ".. rubric:: Lab site and hand-written twin (medians)",
            "",
            scenario_table(results),
            "",
            ".. rubric:: Parallel full builds of the lab site (medians)",
            "",
            parallel_table(results),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    from run import load_average, load_note, measured_version, publish

    args = parse_args(sys.argv[1:] if argv is None else argv)
    results = LabResults(args.members, args.papers, args.runs)
    with tempfile.TemporaryDirectory(prefix="sphinx-profile-lab-") as temporary:
        root = args.keep or Path(temporary)
        say(f"building in {root}")
        version, load_before = measured_version(), load_average()
        sites = Sites(root, make_lab(args.members, args.papers, args.seed))
        try:
            full_builds(results, sites)
            noop_rebuilds(results, sites)
            one_entry_edits(results, sites)
            one_entry_additions(results, sites)
            parallel_builds(results, sites, root)
        except BuildFailed as err:
            raise SystemExit(str(err)) from None
    results.context = load_note(version, load_before)
    command = "python benchmarks/lab.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    publish(render_lab(results, command.strip()), args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
