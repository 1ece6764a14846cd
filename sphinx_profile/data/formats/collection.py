"""A folder of Markdown files with front matter read as records: the shared machinery.

Jekyll collections (``_publications/``, ``_talks/``) and Hugo sections
(``content/publication/``) hold one entry per file. Each file becomes a
:class:`CollectionEntry`: one record in this project's schema, the positions of
its values in the Markdown file, and a note for every key that was not carried
over, so nothing is left out without a word. The formats themselves are in
:mod:`.jekyll` and :mod:`.hugoblox`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..limits import DEFAULT_LIMITS, Limits
from ..loader import DataFileError, DataPath, Position, YamlDocument
from .frontmatter import FrontMatterFile, iso_date, markdown_files, read_front_matter
from .translate import Translation, slug

_DATE_PREFIX = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-?")


@dataclass(frozen=True)
class Note:
    """Something of a source file that was not carried over, and why."""

    message: str
    position: Position = (1, 1)


@dataclass
class CollectionEntry:
    """One Markdown file read as one record of ``kind`` (``document.data`` is ``[record]``)."""

    path: Path
    kind: str
    document: YamlDocument
    source: FrontMatterFile | None = None
    notes: list[Note] = field(default_factory=list)
    """Keys not carried over (each also a warning of ``document`` when read by a directive)."""
    ignored: list[str] = field(default_factory=list)
    """Keys that only steer the old site's layout (``layout``, ``permalink``); no warning."""
    left_out: str | None = None
    """Why the file gave no record (``published: false``), or ``None``."""

    @property
    def record(self) -> dict[str, Any] | None:
        data = self.document.data
        return data[0] if isinstance(data, list) and data and isinstance(data[0], dict) else None

    @property
    def front(self) -> dict[str, Any]:
        return self.source.data if self.source else {}

    @property
    def body(self) -> str:
        return self.source.body if self.source else ""


class EntryBuilder:
    """Builds the record of one file: values copied with their positions, notes for the rest."""

    def __init__(self, file: FrontMatterFile, kind: str, layout_keys: frozenset[str]) -> None:
        self.file = file
        self.kind = kind
        self.layout_keys = layout_keys
        self.translation = Translation(file.front, [])
        self.record: dict[str, Any] = {}
        self.used: set[str] = set()
        self.notes: list[Note] = []

    @property
    def data(self) -> dict[str, Any]:
        return self.file.data

    def value(self, key: str) -> Any:
        """The value of ``key``, marked as used; an empty value is ``None``."""
        self.used.add(key)
        value = self.data.get(key)
        return None if value == "" or value == [] or value == {} else value

    def take(self, key: str, target: str, convert: Callable[[Any], Any] | None = None) -> Any:
        """Copy ``key`` to the record's ``target`` (unless empty), keeping its position."""
        value = self.value(key)
        if value is None or target in self.record:
            return None
        self.translation.copy((key,), (0, target))
        self.record[target] = convert(value) if convert else value
        return self.record[target]

    def put(self, target: DataPath, value: Any, key: str | DataPath | None) -> None:
        """A value made here, reported at ``key`` (a key, or the path of a value within one;
        ``None``: at the top of the file)."""
        container: Any = self.record
        for part in target[:-1]:
            container = container.setdefault(part, {})
        container[target[-1]] = value
        source = (key,) if isinstance(key, str) else tuple(key or ())
        self.translation.place((0, *target), source)

    def link(self, label: str, key: str) -> None:
        """``key``'s URL becomes the link ``label``."""
        url = self.value(key)
        if isinstance(url, str) and url.strip():
            links = self.record.setdefault("links", {})
            if label not in links:
                self.put(("links", label), url.strip(), key)

    def date(self, key: str, target: str = "date") -> None:
        """A date or date-time (``2013-07-01T00:00:00Z``) as a date; a plain year as ``year``."""
        value = self.value(key)
        if value is None or target in self.record:
            return
        if isinstance(value, int) and not isinstance(value, bool) and target == "date":
            self.put(("year",), value, key)
        else:
            self.put((target,), iso_date(value), key)

    def body(self, target: str) -> None:
        """The Markdown body (if any) becomes the record's ``target``."""
        body = self.file.body.strip()
        if body and target not in self.record:
            self.put((target,), body, None)

    def note(self, message: str, key: str | None = None) -> None:
        position = self.file.front.position((key,), key=True) if key else (1, 1)
        self.notes.append(Note(message, position))

    def finish(self, source_name: str) -> CollectionEntry:
        """The entry; every key neither used nor a layout key gets a note."""
        ignored = []
        for key, value in self.data.items():
            if key in self.used or value in (None, "", [], {}):
                continue
            if key in self.layout_keys:
                ignored.append(key)
                continue
            self.note(f"{source_name} key '{key}' is not shown on this site", key)
        result = self.translation.result
        result.data = [self.record]
        self.translation.place((0,), ())
        result.warnings.extend((note.message, note.position) for note in self.notes)
        return CollectionEntry(
            self.file.path, self.kind, result, self.file, self.notes, sorted(ignored)
        )


def entry_id(path: Path, taken: set[str]) -> str:
    """An id from the file (or bundle folder) name, without Jekyll's date prefix."""
    stem = path.parent.name if path.stem == "index" else path.stem
    return slug(_DATE_PREFIX.sub("", stem) or stem, taken)


Mapper = Callable[[FrontMatterFile, set[str]], CollectionEntry]


def read_folder(
    folder: Path, kind: str, mapper: Mapper, limits: Limits = DEFAULT_LIMITS
) -> list[CollectionEntry]:
    """Every Markdown file of ``folder`` through ``mapper``; a file that cannot be read is an
    entry without a record, whose document carries the reason."""
    taken: set[str] = set()
    entries = []
    for path in markdown_files(folder):
        try:
            file = read_front_matter(path, limits)
        except (DataFileError, OSError) as err:
            message = err.message if isinstance(err, DataFileError) else f"cannot read: {err}"
            position = (err.position if isinstance(err, DataFileError) else None) or (1, 1)
            document = YamlDocument(data=None, warnings=[(message, position)])
            entries.append(CollectionEntry(path, kind, document, left_out=message))
            continue
        if file.data.get("published") is False or file.data.get("draft") is True:
            # Jekyll and Hugo leave such a file out of the site; so does this reader.
            reason = "published: false" if file.data.get("published") is False else "draft: true"
            document = YamlDocument(data=None)
            entries.append(CollectionEntry(path, kind, document, file, left_out=reason))
            continue
        entries.append(mapper(file, taken))
    return entries
