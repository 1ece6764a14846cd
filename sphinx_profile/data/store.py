"""Read each data file once: parse and validate, cached by path, size and mtime.

The cache is per process; a parallel Sphinx build forks workers that inherit
it, and a file that changed on disk gets a new key, so no entry is ever stale.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .formats import read_json, translate
from .issues import DataIssue, Subtype
from .loader import DEFAULT_MAX_BYTES, DataFileError, YamlDocument, load_yaml_file
from .models import Model
from .validate import validate_document


@dataclass(frozen=True)
class LoadedFile:
    """The valid records of one data file and every problem found in it."""

    path: Path
    kind: str
    records: tuple[Model, ...] = ()
    issues: tuple[DataIssue, ...] = field(default_factory=tuple)
    missing: bool = False
    left_out: tuple[tuple[str, DataIssue], ...] = ()
    """``(id, the problem that left it out)`` of each entry left out that gives an id."""


def load_data_file(path: Path, kind: str, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedFile:
    """Load ``path`` as records of ``kind``; never raises for bad content."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return LoadedFile(
            path,
            kind,
            issues=(DataIssue("data file not found", subtype=Subtype.FILE),),
            missing=True,
        )
    except OSError as err:
        return LoadedFile(
            path, kind, issues=(DataIssue(f"cannot read: {err.strerror}", subtype=Subtype.FILE),)
        )
    return _load_cached(path, kind, stat.st_size, stat.st_mtime_ns, max_bytes)


@lru_cache(maxsize=256)
def _load_cached(path: Path, kind: str, size: int, mtime_ns: int, max_bytes: int) -> LoadedFile:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        message = f"unsupported data file type {path.suffix!r}; use one of {known}"
        return LoadedFile(path, kind, issues=(DataIssue(message, subtype=Subtype.FILE),))
    try:
        document = reader(path, kind, max_bytes)
    except DataFileError as err:
        line, column = err.position or (0, 0)
        issue = DataIssue(err.message, line, column, err.subtype)
        return LoadedFile(path, kind, issues=(issue,))
    except OSError as err:
        issue = DataIssue(f"cannot read: {err.strerror}", subtype=Subtype.FILE)
        return LoadedFile(path, kind, issues=(issue,))
    validated = validate_document(document, kind)
    return LoadedFile(
        path,
        kind,
        tuple(validated.records),
        tuple(validated.issues),
        left_out=tuple(validated.left_out.items()),
    )


def _read_yaml(path: Path, kind: str, max_bytes: int) -> YamlDocument:
    # A RenderCV file (a top-level "cv:") or a JSON Resume in YAML is translated.
    return translate(load_yaml_file(path, max_bytes), kind, path.name)


def _read_bibtex(path: Path, kind: str, max_bytes: int) -> YamlDocument:
    from .bibtex import read_bibtex  # a site without .bib files never loads it

    return read_bibtex(path, kind, max_bytes)


Reader = Callable[[Path, str, int], YamlDocument]

READERS: dict[str, Reader] = {
    ".yaml": _read_yaml,
    ".yml": _read_yaml,
    ".bib": _read_bibtex,
    ".json": read_json,
}
"""File suffix -> a reader giving positioned raw values in this project's schema.

Readers of other formats (BibTeX, JSON Resume) translate into the same raw
values, so validation, error messages and caching are shared by all formats.
"""


def clear_cache() -> None:
    _load_cached.cache_clear()
