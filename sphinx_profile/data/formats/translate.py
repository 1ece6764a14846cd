"""Build a document in this project's schema out of another tool's, keeping positions.

A reader of a foreign format moves values to new paths (``work[2].startDate``
becomes ``[2].startDate``); :class:`Translation` moves the line and column of
every value and key along with them, so a problem found later is still reported
at its place in the original file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..loader import DataPath, Position, YamlDocument
from ..models import Model

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class Translation:
    """A new :class:`YamlDocument` assembled from parts of ``source``."""

    def __init__(self, source: YamlDocument, data: Any) -> None:
        self.source = source
        self.result = YamlDocument(data=data, warnings=list(source.warnings))
        self.result.value_positions[()] = source.position(())

    def get(self, path: DataPath) -> Any:
        """The source value at ``path``, or ``None``."""
        value = self.source.data
        for part in path:
            if isinstance(value, dict) and isinstance(part, str):
                value = value.get(part)
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            else:
                return None
        return value

    def copy(self, source: DataPath, target: DataPath) -> Any:
        """The value at ``source``, its positions (and all below it) moved to ``target``."""
        value = self.get(source)
        self._move(value, source, target)
        return value

    def place(self, target: DataPath, source: DataPath) -> None:
        """A value made by the translation sits where ``source`` was written."""
        self.result.value_positions[target] = self.source.position(source)
        self.result.key_positions[target] = self.source.position(source, key=True)

    def warn(self, message: str, source: DataPath) -> None:
        self.result.warnings.append((message, self.source.position(source)))

    def position(self, source: DataPath) -> Position:
        return self.source.position(source)

    def record(
        self,
        source: DataPath,
        target: DataPath,
        model: type[Model],
        renames: dict[str, str] | None = None,
        handled: frozenset[str] = frozenset(),
    ) -> dict[str, Any] | None:
        """Copy the mapping at ``source`` as a record of ``model`` at ``target``.

        Keys ``model`` knows (aliases included) are kept as written, so messages
        name the key the user wrote; ``renames`` maps other keys onto the model's;
        ``handled`` are keys the caller maps itself. Every other key with a value
        is a field this site does not show: it is left out and reported once
        (:meth:`not_shown`). Empty keys (``summary:`` with nothing, as RenderCV's
        examples write them) are dropped.
        """
        entry = self.get(source)
        if not isinstance(entry, dict):
            # Left as it is, so validation reports it where it is.
            return self.copy(source, target)
        renames = renames or {}
        known = set(model.known_keys())
        record: dict[str, Any] = {}
        for key, value in entry.items():
            if is_empty(value) or key in handled:
                continue
            new_key = renames.get(key, key if key in known else None)
            if new_key is None:
                self.not_shown((*source, key))
            elif new_key not in record:
                record[new_key] = self.copy((*source, key), (*target, new_key))
        self.place(target, source)
        return record

    def not_shown(self, source: DataPath, what: str = "field") -> None:
        """Report, once per file and name, that the value at ``source`` is not shown."""
        name = field_name(source)
        reason = "no directive shows it" if what == "section" else "no page shows it"
        message = f"{what} {name!r} is not shown: {reason}"
        self.result.not_shown.setdefault(message, self.source.position(source, key=True))

    def _move(self, value: Any, source: DataPath, target: DataPath) -> None:
        if source in self.source.value_positions:
            self.result.value_positions[target] = self.source.value_positions[source]
        if source in self.source.key_positions:
            self.result.key_positions[target] = self.source.key_positions[source]
        children: Iterable[tuple[Any, Any]] = ()
        if isinstance(value, dict):
            children = value.items()
        elif isinstance(value, list):
            children = enumerate(value)
        for part, child in children:
            self._move(child, (*source, part), (*target, part))


def is_empty(value: Any) -> bool:
    """Nothing written: ``key:`` alone, an empty text, list or mapping."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def field_name(path: DataPath) -> str:
    """How a message names the field at ``path``: ``work[].description``."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += "[]"
        else:
            name += f".{part}" if name else str(part)
    return name


def slug(text: str, taken: set[str]) -> str:
    """A readable id made from a title, unique among ``taken`` (which it joins)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-").split("-")
    base = "-".join(words[:6])[:48].strip("-") or "entry"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate
