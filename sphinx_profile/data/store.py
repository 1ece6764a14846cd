"""Read each data file once: read within the bounds, parse, validate, cached by content.

The cache is per process; a parallel Sphinx build forks workers that inherit
it. It is keyed by the file's content (a digest of the bytes read), not its
modification time, so a file restored with an older time, or changed within
the same second, is never served from the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .formats import read_json, translate
from .issues import DataIssue, Subtype
from .limits import DEFAULT_LIMITS, LimitExceeded, Limits, cannot_read, digest, read_bytes
from .loader import DataFileError, YamlDocument, decode, parse_yaml
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
    digest: str = ""
    """What the content was when read (see ``limits.current_digest``), for rebuilds."""


def load_data_file(
    path: Path, kind: str, max_bytes: int | None = None, *, limits: Limits | None = None
) -> LoadedFile:
    """Load ``path`` as records of ``kind``; never raises for bad content.

    ``limits`` bound the work (``max_bytes`` alone replaces the size bound).
    """
    if limits is None:
        limits = DEFAULT_LIMITS if max_bytes is None else Limits(bytes=max_bytes)
    try:
        raw = read_bytes(path, limits.bytes)
    except FileNotFoundError:
        issue = DataIssue("data file not found", subtype=Subtype.FILE)
        return LoadedFile(path, kind, issues=(issue,), missing=True, digest="missing")
    except LimitExceeded as err:
        issue = DataIssue(err.message, err.line, err.column, err.subtype)
        return LoadedFile(path, kind, issues=(issue,), digest="too-large")
    except OSError as err:
        issue = DataIssue(cannot_read(err), subtype=Subtype.FILE)
        return LoadedFile(path, kind, issues=(issue,), digest=f"unreadable:{err.errno}:{err}")
    key = (path, kind, digest(raw), limits)
    loaded = _CACHE.get(key)
    if loaded is None:
        loaded = _CACHE[key] = _load(path, kind, raw, limits, key[2])
        if len(_CACHE) > _CACHE_SIZE:
            del _CACHE[next(iter(_CACHE))]  # the oldest
    return loaded


_CACHE: dict[tuple[Path, str, str, Limits], LoadedFile] = {}
_CACHE_SIZE = 256


def _load(path: Path, kind: str, raw: bytes, limits: Limits, content: str) -> LoadedFile:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        message = f"unsupported data file type {path.suffix!r}; use one of {known}"
        issue = DataIssue(message, subtype=Subtype.FILE)
        return LoadedFile(path, kind, issues=(issue,), digest=content)
    try:
        document = reader(decode(raw), path, kind, limits)
    except DataFileError as err:
        line, column = err.position or (0, 0)
        issue = DataIssue(err.message, line, column, err.subtype)
        return LoadedFile(path, kind, issues=(issue,), digest=content)
    validated = validate_document(document, kind, limits)
    return LoadedFile(
        path,
        kind,
        tuple(validated.records),
        tuple(validated.issues),
        left_out=tuple(validated.left_out.items()),
        digest=content,
    )


def _read_yaml(text: str, path: Path, kind: str, limits: Limits) -> YamlDocument:
    # A RenderCV file (a top-level "cv:") or a JSON Resume in YAML is translated.
    return translate(parse_yaml(text, limits), kind, path.name)


def _read_bibtex(text: str, path: Path, kind: str, limits: Limits) -> YamlDocument:
    from .bibtex import read_bibtex  # a site without .bib files never loads it

    return read_bibtex(text, kind, limits)


Reader = Callable[[str, Path, str, Limits], YamlDocument]

READERS: dict[str, Reader] = {
    ".yaml": _read_yaml,
    ".yml": _read_yaml,
    ".bib": _read_bibtex,
    ".json": read_json,
}
"""File suffix -> a reader of the file's text giving positioned raw values in this schema.

Readers of other formats (BibTeX, JSON Resume) translate into the same raw
values, so validation, error messages and caching are shared by all formats.
"""


def clear_cache() -> None:
    _CACHE.clear()
