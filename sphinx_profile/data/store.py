"""Read each data file once: read within the bounds, parse, validate, cached by content.

The cache is per process; a parallel Sphinx build forks workers that inherit
it. It is keyed by the file's content (a digest of the bytes read), not its
modification time, so a file restored with an older time, or changed within
the same second, is never served from the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .formats import read_json, translate
from .issues import DataIssue, Subtype
from .limits import DEFAULT_LIMITS, Limits, cannot_read, read_file
from .loader import DataFileError, YamlDocument, decode, parse_yaml
from .models import Model
from .validate import validate_document

if TYPE_CHECKING:
    from .formats.collection import CollectionEntry

T = TypeVar("T")


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
    owner: str | None = None
    """Whom the file is about, when it is a CV of another tool (RenderCV, JSON Resume)."""
    parts: tuple[tuple[Path, str], ...] = ()
    """For a folder of Markdown files (Jekyll, Hugo): each file and its digest."""


def load_data_file(
    path: Path, kind: str, max_bytes: int | None = None, *, limits: Limits | None = None
) -> LoadedFile:
    """Load ``path`` as records of ``kind``; never raises for bad content.

    ``limits`` bound the work (``max_bytes`` alone replaces the size bound).
    """
    if limits is None:
        limits = DEFAULT_LIMITS if max_bytes is None else Limits(bytes=max_bytes)
    if is_folder_source(path):
        return _load_folder(path, kind, limits)
    read = read_file(path, limits.bytes)
    if read.raw is None:
        issues = (read.issue,) if read.issue else ()
        return LoadedFile(path, kind, issues=issues, missing=read.missing, digest=read.digest)
    raw = read.raw
    return cached(
        _CACHE,
        (path, kind, read.digest, limits),
        lambda: _load(path, kind, raw, limits, read.digest),
    )


_CACHE: dict[tuple[object, ...], LoadedFile] = {}


def cached(cache: dict[tuple[object, ...], T], key: tuple[object, ...], make: Callable[[], T]) -> T:
    """``cache[key]``, made by ``make`` the first time; the oldest of 256 entries goes."""
    found = cache.get(key)
    if found is None:
        found = cache[key] = make()
        if len(cache) > 256:
            del cache[next(iter(cache))]
    return found


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
        owner=validated.owner,
    )


def is_folder_source(path: Path) -> bool:
    """A Jekyll collection or Hugo section; a folder named like a data file is a mistake."""
    return path.is_dir() and path.suffix.lower() not in READERS


def _load_folder(path: Path, kind: str, limits: Limits) -> LoadedFile:
    """Every Markdown file of a folder, cached by the content of each."""
    from .formats.folders import folder_files

    try:
        parts = tuple((file, read_file(file, limits.bytes).digest) for file in folder_files(path))
    except OSError as err:
        issue = DataIssue(cannot_read(err), subtype=Subtype.FILE)
        return LoadedFile(path, kind, issues=(issue,))
    key = (path, kind, parts, limits)
    return cached(_CACHE, key, lambda: _load_folder_now(path, kind, limits, parts))


def _load_folder_now(
    path: Path, kind: str, limits: Limits, parts: tuple[tuple[Path, str], ...]
) -> LoadedFile:
    from .formats.collection import entry_id
    from .formats.folders import read_entries
    from .validate import LEFT_OUT

    try:
        entries = read_entries(path, kind, limits)
    except DataFileError as err:
        issue = DataIssue(err.message, subtype=err.subtype)
        return LoadedFile(path, kind, issues=(issue,), parts=parts)
    records: list[Model] = []
    issues: list[DataIssue] = []
    left_out: list[tuple[str, DataIssue]] = []
    for entry in entries:
        validated = validate_document(entry.document, kind, limits)
        records.extend(validated.records)
        issues.extend(replace(issue, path=entry.path) for issue in validated.issues)
        left_out.extend(
            (entry_id_, replace(issue, path=entry.path))
            for entry_id_, issue in validated.left_out.items()
        )
        if entry.left_out is not None:
            # A file the old site did not publish, or that cannot be read, gives no record;
            # its id is still known, so a reference to it says why it is missing.
            line = _left_out_line(entry)
            reason = DataIssue(LEFT_OUT + entry.left_out, line, path=entry.path)
            left_out.append((entry_id(entry.path, set()), reason))
    if not entries:
        issues.append(DataIssue("the folder holds no Markdown files", subtype=Subtype.FILE))
    return LoadedFile(
        path, kind, tuple(records), tuple(issues), left_out=tuple(left_out), parts=parts
    )


def _left_out_line(entry: CollectionEntry) -> int:
    """Where the reason a file gave no record is: its error, or its ``published: false``."""
    if entry.document.warnings:
        return entry.document.warnings[0][1][0]
    key = "published" if "published" in entry.front else "draft"
    return entry.source.front.position((key,), key=True)[0] if entry.source else 1


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
