"""Turn the measurements into reStructuredText tables and the list of targets."""

from __future__ import annotations

import datetime
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata

from measure import Run, median, median_difference, median_ratio
from sites import LABELS

TIMES = "\N{MULTIPLICATION SIGN}"
DASH = "\N{EN DASH}"

TIME_PAIRS = (("yaml", "rst"), ("bib", "scbib"))
"""(measured site, the site it is compared with), run in alternating order."""


@dataclass
class Results:
    sizes: list[int]
    runs: int
    pairs: int
    noop_size: int
    full: dict[tuple[str, int], list[Run]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    noop: dict[str, list[Run]] = field(default_factory=dict)
    tiny: dict[bool, list[Run]] = field(default_factory=dict)
    context: str = ""
    """What was measured and under which load, written under the machine line."""

    def times(self, variant: str, size: int) -> list[float]:
        return [run.seconds for run in self.full.get((variant, size), [])]

    def cpu_times(self, variant: str, size: int) -> list[float]:
        return [run.cpu_seconds for run in self.full.get((variant, size), [])]

    def peaks(self, variant: str, size: int) -> list[float]:
        return [run.peak_mib for run in self.full.get((variant, size), [])]

    def per_entry_ms(self, variant: str, size: int) -> float | None:
        """Build time above the empty site's, per entry."""
        times, empty = self.times(variant, size), self.times(variant, 0)
        if not size or not times or not empty:
            return None
        return (median(times) - median(empty)) / size * 1000


@dataclass(frozen=True)
class Target:
    text: str
    measured: str
    met: bool | None  # None: not measured


# -- tables --------------------------------------------------------------------------


def simple_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A reST simple table, which also reads well as plain text."""
    columns = list(zip(header, *rows, strict=True))
    widths = [max(len(cell) for cell in column) for column in columns]
    rule = "  ".join("=" * width for width in widths)

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

    body = [line(row).rstrip() for row in rows]
    return "\n".join([rule, line(header).rstrip(), rule, *body, rule])


def _seconds(values: Sequence[float]) -> str:
    return f"{median(values):.2f}" if values else DASH


def full_build_table(results: Results) -> str:
    partner = {a: b for a, b in TIME_PAIRS}
    header = [
        "entries",
        "site",
        "wall time (s)",
        "CPU time (s)",
        "per entry (ms)",
        "peak memory (MiB)",
        "compared with",
        "time ratio",
        "memory ratio",
    ]
    rows = []
    for size in [0, *results.sizes]:
        for variant in LABELS:
            times = results.times(variant, size)
            if not times:
                continue
            per_entry = results.per_entry_ms(variant, size)
            peaks = results.peaks(variant, size)
            other = partner.get(variant, "")
            other_times = results.times(other, size) if other else []
            row = [
                f"{size:,}" if size else "0 (empty)",
                LABELS[variant],
                _seconds(times),
                _seconds(results.cpu_times(variant, size)),
                f"{per_entry:.3f}" if per_entry is not None else DASH,
                f"{median(peaks):.0f}",
            ]
            if other_times:
                row += [
                    LABELS[other],
                    f"{median_ratio(times, other_times):.2f}",
                    f"{median(peaks) / median(results.peaks(other, size)):.2f}",
                ]
            else:
                row += [DASH, DASH, DASH]
            rows.append(row)
    return simple_table(header, rows)


def noop_table(results: Results) -> str:
    rows = []
    for variant, runs in results.noop.items():
        read = {run.documents_read for run in runs}
        rows.append(
            [
                LABELS[variant],
                _seconds([run.seconds for run in runs]),
                ", ".join("?" if count is None else str(count) for count in sorted(read, key=str)),
            ]
        )
    return simple_table(["site", "no-op rebuild (s)", "documents read"], rows)


def tiny_table(results: Results) -> str:
    rows = []
    for with_extension, label in ((False, "without sphinx_profile"), (True, "with sphinx_profile")):
        runs = results.tiny.get(with_extension, [])
        rows.append([label, _seconds([run.seconds for run in runs])])
    return simple_table(["one-page site, no directive", "build (s)"], rows)


# -- targets -------------------------------------------------------------------------


def targets(results: Results) -> list[Target]:
    return [
        _ratio_target(
            results,
            f"N = 1,000, YAML, full style: wall time ≤ 0.75 {TIMES} hand-written reST",
            "yaml",
            "rst",
            1000,
            0.75,
        ),
        _memory_target(results),
        _ratio_target(
            results,
            f"N = 1,000, .bib: wall time ≤ 0.5 {TIMES} sphinxcontrib-bibtex",
            "bib",
            "scbib",
            1000,
            0.5,
        ),
        _linear_target(results),
        *_noop_targets(results),
        _import_target(results),
    ]


def _missing(results: Results, *variants: str) -> str:
    reasons = [results.skipped[v] for v in variants if v in results.skipped]
    return "not measured" + (f" ({reasons[0]})" if reasons else "")


def _ratio_target(
    results: Results, text: str, variant: str, other: str, size: int, limit: float
) -> Target:
    times, other_times = results.times(variant, size), results.times(other, size)
    if not times or not other_times:
        return Target(text, _missing(results, variant, other), None)
    ratio = median_ratio(times, other_times)
    measured = f"{ratio:.2f} {TIMES} ({median(times):.2f} s vs {median(other_times):.2f} s)"
    return Target(text, measured, ratio <= limit)


def _memory_target(results: Results) -> Target:
    text = f"N = 1,000, YAML, full style: peak memory ≤ 1.1 {TIMES} hand-written reST"
    peaks, other = results.peaks("yaml", 1000), results.peaks("rst", 1000)
    if not peaks or not other:
        return Target(text, _missing(results, "yaml", "rst"), None)
    ratio = median(peaks) / median(other)
    return Target(
        text, f"{ratio:.2f} {TIMES} ({median(peaks):.0f} vs {median(other):.0f} MiB)", ratio <= 1.1
    )


def _linear_target(results: Results) -> Target:
    text = (
        f"YAML: time per entry at N = 10,000 ≤ 1.2 {TIMES} at N = 1,000 "
        "(the empty site's time subtracted)"
    )
    small, large = results.per_entry_ms("yaml", 1000), results.per_entry_ms("yaml", 10000)
    if small is None or large is None:
        return Target(text, "not measured (needs sizes 1000 and 10000)", None)
    ratio = large / small
    measured = f"{ratio:.2f} {TIMES} ({large:.3f} vs {small:.3f} ms per entry)"
    # The same ratio for the hand-written page: how much of the growth is Sphinx's own.
    reference_small, reference_large = (
        results.per_entry_ms("rst", 1000),
        results.per_entry_ms("rst", 10000),
    )
    if reference_small and reference_large:
        measured += f"; hand-written reST: {reference_large / reference_small:.2f} {TIMES}"
    return Target(text, measured, ratio <= 1.2)


def _noop_targets(results: Results) -> list[Target]:
    size = f"N = {results.noop_size:,}"
    read_text = f"no-op rebuild of the YAML site ({size}) reads no document"
    time_text = f"no-op rebuild ≤ 1.1 {TIMES} the same site without the extension ({size})"
    yaml_runs, rst_runs = results.noop.get("yaml", []), results.noop.get("rst", [])
    if not yaml_runs or not rst_runs:
        return [Target(read_text, "not measured", None), Target(time_text, "not measured", None)]
    read = [run.documents_read for run in yaml_runs]
    known = [count for count in read if count is not None]
    read_measured = (
        f"{max(known)} documents read" if known else "unknown (no 'updating environment' line)"
    )
    times = [run.seconds for run in yaml_runs]
    other = [run.seconds for run in rst_runs]
    ratio = median_ratio(times, other)
    return [
        Target(read_text, read_measured, bool(known) and max(known) == 0 and None not in read),
        Target(
            time_text,
            f"{ratio:.2f} {TIMES} ({median(times):.2f} s vs {median(other):.2f} s)",
            ratio <= 1.1,
        ),
    ]


def _import_target(results: Results) -> Target:
    text = "import sphinx_profile + setup(), no directive used: ≤ 100 ms"
    with_ext, without = results.tiny.get(True, []), results.tiny.get(False, [])
    if not with_ext or not without:
        return Target(text, "not measured", None)
    added = median_difference([r.seconds for r in with_ext], [r.seconds for r in without]) * 1000
    return Target(text, f"{added:+.0f} ms (median of {len(with_ext)} pairs)", added <= 100)


def targets_table(items: Sequence[Target]) -> str:
    rows = [
        [item.text, item.measured, "n/a" if item.met is None else ("yes" if item.met else "no")]
        for item in items
    ]
    return simple_table(["target", "measured", "met"], rows)


# -- the whole report ----------------------------------------------------------------


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_info() -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    python = platform.python_version()
    packages = ", ".join(
        f"{name} {_version(name)}"
        for name in (
            "sphinx",
            "docutils",
            "sphinx-profile",
            "pydantic",
            "PyYAML",
            "pybtex",
            "sphinxcontrib-bibtex",
        )
    )
    return (
        f"Measured {now} on {platform.system()} {platform.machine()}, {_cpu_model()}, "
        f"{os.cpu_count()} CPUs; Python {python} ({sys.implementation.name}); {packages}."
    )


def render(results: Results, command: str) -> str:
    notes = [
        f"- {LABELS[variant]}: skipped, {reason}." for variant, reason in results.skipped.items()
    ]
    parts = [
        ".. This file is written by benchmarks/run.py; do not edit it by hand.",
        "",
        machine_info(),
        "",
        f"Command: ``{command}``: {results.runs} runs of each full build, "
        f"{results.pairs} pairs of each short build. {results.context}",
        "",
        ".. rubric:: Targets",
        "",
        targets_table(targets(results)),
        "",
        ".. rubric:: Full builds (sphinx-build -E -b html -q, medians)",
        "",
        full_build_table(results),
        "",
        *([*notes, ""] if notes else []),
        f".. rubric:: No-op rebuilds (nothing changed, N = {results.noop_size:,}, medians)",
        "",
        noop_table(results),
        "",
        ".. rubric:: Cost of loading the extension (medians)",
        "",
        tiny_table(results),
        "",
    ]
    return "\n".join(parts)
