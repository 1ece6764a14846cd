"""Run ``sphinx-build`` as a whole process and measure its wall time and peak memory.

Each build is a fresh child process of this one. Its wall time is taken around
the process, start to exit, so it includes starting Python and importing
Sphinx, as a user waits for it. Its peak memory is the child's own maximum
resident set size, read with ``os.wait4`` (per child, unlike
``getrusage(RUSAGE_CHILDREN)``, which keeps the maximum over all children).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_UPDATED = re.compile(r"(\d+) added, (\d+) changed, (\d+) removed")


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    """User plus system CPU time: less sensitive than wall time to other load."""
    peak_mib: float
    returncode: int
    stdout: str
    stderr: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if "WARNING" in line or "ERROR" in line]

    @property
    def documents_read(self) -> int | None:
        """Added plus changed documents, from Sphinx's "updating environment" line."""
        match = _UPDATED.search(self.stdout)
        return int(match.group(1)) + int(match.group(2)) if match else None


def run_process(args: Sequence[str], cwd: Path | None = None) -> Run:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(list(args), stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    # ru_maxrss is in kibibytes on Linux and in bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, peak, process.returncode, stdout, stderr)


def sphinx_build(
    source: Path, output: Path, *, fresh: bool = True, quiet: bool = True, jobs: int = 1
) -> Run:
    """``sphinx-build [-E] [-q] [-j N] -b html source output`` in a new process.

    A fresh build also deletes ``output`` first (untimed), so nothing from an
    earlier run is reused: no doctree, no HTML file.
    """
    if fresh and output.exists():
        shutil.rmtree(output)
    args = [sys.executable, "-m", "sphinx", "-b", "html"]
    args += ["-E"] if fresh else []
    args += ["-q"] if quiet else []
    args += ["-j", str(jobs)] if jobs != 1 else []
    # Run inside the project, as a user would (and so that ``python -m`` does not
    # put the folder this script was started from first on the child's path).
    run = run_process([*args, str(source), str(output)], cwd=source)
    if run.returncode != 0:
        raise BuildFailed(source, run)
    return run


class BuildFailed(Exception):
    def __init__(self, source: Path, run: Run) -> None:
        tail = "\n".join(run.stderr.strip().splitlines()[-15:])
        super().__init__(f"sphinx-build failed for {source} (exit {run.returncode}):\n{tail}")
        self.run = run


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def median_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median of the per-pair ratios (run i of A over run i of B)."""
    return statistics.median(a / b for a, b in zip(numerators, denominators, strict=True))


def median_difference(first: Sequence[float], second: Sequence[float]) -> float:
    return statistics.median(a - b for a, b in zip(first, second, strict=True))
