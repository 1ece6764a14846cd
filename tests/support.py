"""Helpers shared by the test modules (importable as ``support``; conftest is not)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

try:  # Sphinx >= 7.3
    from sphinx.util.console import strip_escape_sequences as _strip_escapes
except ImportError:  # pragma: no cover - older Sphinx
    from sphinx.util.console import strip_colors as _strip_escapes

ROOTS = Path(__file__).parent / "roots"


def strip_ansi(text: str) -> str:
    """Warnings as the user reads them, without terminal colour codes."""
    return _strip_escapes(text)


def warnings_of(app: SphinxTestApp) -> str:
    # ``_warning`` is the stream in every Sphinx release; ``.warning`` came in 7.3.
    return strip_ansi(app._warning.getvalue())


def copy_root(name: str, destination: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` (without any old build)."""
    shutil.copytree(ROOTS / f"test-{name}", destination, ignore=shutil.ignore_patterns("_build"))
    return destination
