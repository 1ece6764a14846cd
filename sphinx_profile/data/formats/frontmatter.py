"""Markdown files with front matter (Jekyll, Hugo): the metadata with its lines, and the body.

The front matter is parsed by this project's YAML loader, so every key keeps
the line it has *in the Markdown file*, and a problem is reported there. Hugo's
TOML front matter (``+++``) is read with :mod:`tomllib`, which gives no
positions: a scan of its ``key =`` and ``[table]`` lines gives each key its line.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..limits import DEFAULT_LIMITS, Limits
from ..loader import DataFileError, DataPath, Position, YamlDocument, parse_yaml, read_text

MARKDOWN_SUFFIXES = (".md", ".markdown")

_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z| ?[+-]\d{2}:?\d{2})?)?")


@dataclass(frozen=True)
class FrontMatterFile:
    """One Markdown file: its front matter (``data`` is a mapping) and its body."""

    path: Path
    front: YamlDocument
    body: str
    body_line: int
    """The 1-based line of the file where the body starts."""

    @property
    def data(self) -> dict[str, Any]:
        return self.front.data if isinstance(self.front.data, dict) else {}


def split_front_matter(text: str) -> tuple[str | None, str, str, int]:
    """``(delimiter, front matter, body, body line)``; without front matter ``(None, "", text, 1)``.

    The front matter text starts with an empty line for the opening delimiter, so
    the line numbers the YAML parser gives are the file's own.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() not in ("---", "+++"):
        return None, "", text, 1
    delimiter = lines[0].rstrip()
    for index in range(1, len(lines)):
        if lines[index].rstrip() == delimiter:
            front = "\n" + "".join(lines[1:index])
            return delimiter, front, "".join(lines[index + 1 :]), index + 2
    raise DataFileError(f"the front matter opened by '{delimiter}' on line 1 is never closed")


def read_front_matter(path: Path, limits: Limits = DEFAULT_LIMITS) -> FrontMatterFile:
    """Read ``path``; raises :class:`DataFileError` for bad YAML or an unclosed front matter."""
    delimiter, front, body, body_line = split_front_matter(read_text(path, limits.bytes))
    if delimiter == "+++":
        document = _toml(front)
    else:
        document = parse_yaml(front, limits) if delimiter else YamlDocument(data={})
    if document.data is None:
        document.data = {}
    if not isinstance(document.data, dict):
        raise DataFileError("the front matter is not a mapping of keys to values", (2, 1))
    return FrontMatterFile(path, document, body, body_line)


def _toml(text: str) -> YamlDocument:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataFileError(f"TOML syntax error: {err}") from None
    values, keys = _toml_positions(text)
    return YamlDocument(
        data=_plain(data), value_positions={(): (1, 1), **values}, key_positions=keys
    )


_TOML_TABLE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_TOML_PART = re.compile(r"""[A-Za-z0-9_-]+|"([^"]*)"|'([^']*)'""")


def _toml_path(dotted: str) -> tuple[str, ...]:
    return tuple(
        match.group(1) if match.group(1) is not None else match.group(2) or match.group(0)
        for match in _TOML_PART.finditer(dotted)
    )


def _toml_positions(
    text: str,
) -> tuple[dict[DataPath, Position], dict[DataPath, Position]]:
    """The line of each key of a TOML text, from its ``key =`` and ``[table]`` lines.

    A light scan, not a parser: a line inside a multi-line string that looks like
    ``key =`` may be taken for one, which only moves where a message points.
    ``[[array]]`` tables count their entries, so ``links[1].url`` has its own line.
    """
    values: dict[DataPath, Position] = {}
    keys: dict[DataPath, Position] = {}
    table: DataPath = ()
    arrays: dict[tuple[str, ...], int] = {}
    in_string = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.count('"""') % 2 or line.count("'''") % 2:
            in_string = not in_string
            if not in_string:
                continue
        elif in_string:
            continue
        header = _TOML_TABLE.match(line)
        if header and "=" not in line.split("]")[0]:
            path = _toml_path(header.group(2))
            if header.group(1) == "[[":
                index = arrays[path] = arrays.get(path, -1) + 1
                table = (*path, index)
                keys.setdefault(path, (number, 1))
                values.setdefault(path, (number, 1))
            else:
                table = path
            for end in range(1, len(path)):
                keys.setdefault(path[:end], (number, 1))
                values.setdefault(path[:end], (number, 1))
            keys.setdefault(table, (number, 1))
            values.setdefault(table, (number, 1))
            continue
        found = _TOML_KEY.match(line)
        if found:
            key_path = (*table, *_toml_path(found.group(1)))
            column = len(line) - len(line.lstrip()) + 1
            keys.setdefault(key_path, (number, column))
            values.setdefault(key_path, (number, found.end() + 1))
    return values, keys


def _plain(value: Any) -> Any:
    """TOML dates as the text YAML would give."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, _dt.date | _dt.datetime | _dt.time):
        return value.isoformat()
    return value


def iso_date(value: Any) -> Any:
    """``2013-07-01T00:00:00Z`` or ``2012-08-14 10:00:00 +0000`` -> ``2013-07-01``.

    Jekyll and Hugo write date-times; this site shows dates. Anything else is
    returned as it is, for validation to report.
    """
    if isinstance(value, str):
        match = _ISO_DATETIME.fullmatch(value.strip())
        if match:
            return match.group(1)
    return value


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files of a collection folder, in name order; hidden files are skipped.

    Hugo's page bundles (``folder/<name>/index.md``) count as one file each;
    ``_index.md`` is a section's own page, not an entry.
    """
    found: list[Path] = []
    for child in sorted(folder.iterdir()):
        if child.name.startswith((".", "_")):
            continue
        if child.is_file() and child.suffix.lower() in MARKDOWN_SUFFIXES:
            found.append(child)
        elif child.is_dir():
            bundle = next(
                (
                    child / f"index{suffix}"
                    for suffix in MARKDOWN_SUFFIXES
                    if (child / f"index{suffix}").is_file()
                ),
                None,
            )
            if bundle is not None:
                found.append(bundle)
    return found
