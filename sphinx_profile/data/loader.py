"""Read a YAML data file into plain values plus the line and column of every key.

Built on ``yaml.compose`` (the node graph, which keeps source marks) rather than
``yaml.safe_load``, for three reasons: positions for error messages, YAML 1.1
traps defused (``no``/``on`` stay text, ``2021-05`` stays text, ``1.10`` keeps
its spelling), and bounds on size, nesting and alias expansion. Nothing here
constructs Python objects from tags, so loading is safe by construction.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .issues import DataIssue, Subtype
from .limits import DEFAULT_LIMITS, DEFAULT_MAX_BYTES, LimitExceeded, Limits, read_bytes

Position = tuple[int, int]
"""1-based (line, column)."""

DataPath = tuple[int | str, ...]
"""Where a value sits in the document, e.g. ``(3, "links", "code")``."""

__all__ = ["DEFAULT_MAX_BYTES", "DataFileError", "YamlDocument", "parse_yaml", "read_text"]

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?")
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_CORE_TAG = "tag:yaml.org,2002:"
# The tags of YAML's own types. Anything else ("!!python/object", "!Ref") is
# application-specific: never acted on, reported as ignored.
_KNOWN_TAGS = frozenset(
    _CORE_TAG + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary")
)
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)  # absent when built without libyaml
_SURROGATE = re.compile("[\ud800-\udfff]")


class SpelledNumber(float):
    """A plain YAML number that remembers how it was written (``1.10``)."""

    text: str

    def __new__(cls, text: str) -> SpelledNumber:
        number = super().__new__(cls, text.replace("_", ""))
        number.text = text
        return number


class DataFileError(Exception):
    """The file as a whole cannot be read (syntax error, bad encoding, too large)."""

    def __init__(
        self, message: str, position: Position | None = None, subtype: Subtype = Subtype.FILE
    ) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.subtype = subtype


@dataclass
class YamlDocument:
    """Plain values (dict, list, str, int, float, bool, None) with their positions."""

    data: Any
    value_positions: dict[DataPath, Position] = field(default_factory=dict)
    key_positions: dict[DataPath, Position] = field(default_factory=dict)
    warnings: list[tuple[str, Position] | tuple[str, Position, Subtype]] = field(
        default_factory=list
    )
    """Problems found while reading: message, position and, if not ``data``, the subtype."""
    not_shown: dict[str, Position] = field(default_factory=dict)
    """Message -> where: fields of another tool's file that no page shows, one each."""
    owner: str | None = None
    """The name of the person a CV file (RenderCV, JSON Resume) is about."""

    def issues(self) -> list[DataIssue]:
        """The warnings as issues (subtype ``data`` unless one is given), then the fields
        reported as not shown."""
        return [
            *(DataIssue(warning[0], *warning[1], *warning[2:]) for warning in self.warnings),
            *(
                DataIssue(message, *position, Subtype.NOT_SHOWN)
                for message, position in self.not_shown.items()
            ),
        ]

    def position(self, path: DataPath, *, key: bool = False) -> Position:
        """The position of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path and path not in self.value_positions:
            path = path[:-1]
        return self.value_positions.get(path, (1, 1))


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a data file as text (see :func:`decode`), at most ``max_bytes`` of it.

    Raises ``OSError`` when the file cannot be read (or is no regular file).
    """
    try:
        raw = read_bytes(path, max_bytes)
    except LimitExceeded as err:
        raise DataFileError(err.message, (err.line, err.column), err.subtype) from None
    return decode(raw)


def decode(raw: bytes) -> str:
    """A data file's bytes as text: UTF-8 (a BOM is allowed) or BOM-marked UTF-16."""
    bom = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not bom and b"\x00" in raw:
        # Valid UTF-8 but never YAML: most often UTF-16 saved without its byte order mark.
        raise DataFileError(_UTF16_WITHOUT_BOM, _byte_position(raw, raw.index(b"\x00")))
    try:
        if bom:
            return raw.decode("utf-16")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataFileError(_not_utf8(raw, err), _byte_position(raw, err.start)) from None


def _byte_position(raw: bytes, offset: int) -> Position:
    line = raw.count(b"\n", 0, offset) + 1
    return (line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1)


_UTF16_WITHOUT_BOM = (
    "file is not valid UTF-8 text; it looks like UTF-16 without a byte order mark "
    "(save it as UTF-8)"
)


def _not_utf8(raw: bytes, err: UnicodeDecodeError) -> str:
    if err.encoding == "utf-16":
        return "file starts like UTF-16 text but is not valid UTF-16 (save it as UTF-8)"
    # Most often Latin-1 or Windows-1252 from an old editor; the position shows the character.
    return "file is not valid UTF-8 text (save it as UTF-8)"


def parse_yaml(text: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Parse one YAML document; raises :class:`DataFileError` on syntax errors and bounds."""
    try:
        root = _compose(text, limits.depth)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else None
        problem = err.problem or "invalid YAML"
        context = f" {err.context}" if err.context else ""
        raise DataFileError(f"YAML syntax error: {problem}{context}", position) from None
    except yaml.reader.ReaderError as err:
        # A control character YAML does not allow; its offset gives the line.
        before = text[: err.position]
        position = (before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1)
        code = ord(err.character) if isinstance(err.character, str) else err.character
        message = f"character U+{code:04X} is not allowed in YAML; remove it"
        raise DataFileError(message, position) from None
    except yaml.YAMLError as err:
        raise DataFileError(f"YAML error: {err}") from None
    document = YamlDocument(data=None)
    if root is not None:
        builder = _Builder(document, limits)
        document.data = builder.build(root, (), depth=0)
    return document


def _compose(text: str, max_depth: int) -> yaml.Node | None:
    """The node graph, from libyaml when PyYAML has it (about ten times faster).

    Both parsers give the same nodes, tags, styles and marks for a valid
    document; only their error messages differ, so a document libyaml rejects
    is parsed again by the pure-Python parser, whose messages are the ones
    users see everywhere else.
    """
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_bounded_loader(max_depth))


class _BoundedLoader(yaml.SafeLoader):
    """The pure-Python loader, refusing deep nesting before it exhausts the stack.

    PyYAML composes nested collections recursively; libyaml stops at 1000
    levels itself, but a deeper document then falls back to this parser.
    """

    _depth = 0
    max_depth = DEFAULT_LIMITS.depth

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > self.max_depth + 1:
                mark = self.peek_event().start_mark
                position = (mark.line + 1, mark.column + 1)
                raise DataFileError(_too_deep(self.max_depth), position, Subtype.DEPTH)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


@cache
def _bounded_loader(max_depth: int) -> type[_BoundedLoader]:
    # PyYAML makes the loader itself from a class: the bound is a class attribute.
    # Never above the interpreter's stack, whatever the setting.
    depth = min(max_depth, sys.getrecursionlimit() // 8)
    return type("BoundedLoader", (_BoundedLoader,), {"max_depth": depth})


def _too_deep(max_depth: int) -> str:
    return f"nesting deeper than {max_depth} levels (profile_max_depth)"


def load_yaml_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, limits: Limits = DEFAULT_LIMITS
) -> YamlDocument:
    return parse_yaml(read_text(path, max_bytes), limits)


def _mark(node: yaml.Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Plain values from the node graph, counting what aliases make of it.

    An alias is a reference in the graph but a copy in the values: each bound
    (values, characters, depth) is counted on the values, so a small file whose
    aliases repeat a long text is refused before the copies are made.
    """

    def __init__(self, document: YamlDocument, limits: Limits) -> None:
        self.document = document
        self.limits = limits
        self.nodes_built = 0
        self.characters = 0
        # Python refuses to convert longer digit strings to int (and its work is quadratic).
        self.max_digits = min(limits.digits, sys.get_int_max_str_digits() or limits.digits)

    def build(self, node: yaml.Node, path: DataPath, depth: int) -> Any:
        self.nodes_built += 1
        if self.nodes_built > self.limits.values:
            why = "too many aliases, or far too much data; profile_max_values"
            raise _expanded(node, f"{self.limits.values:,} values", why, Subtype.VALUES)
        if depth > self.limits.depth:
            raise DataFileError(_too_deep(self.limits.depth), _mark(node), Subtype.DEPTH)
        self.document.value_positions[path] = _mark(node)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _KNOWN_TAGS:
            self._ignored_tag(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if not path:  # the top-level list of records: let go of each record's nodes once built
                return [self._take(node.value, index) for index in range(len(node.value))]
            return [
                self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)
            ]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _take(self, items: list[yaml.Node | None], index: int) -> Any:
        """Build ``items[index]`` and drop it from the node graph, which is then freed record
        by record: a long file's graph (two marks per value) is larger than its values.
        A node reached again through an alias is held by the alias itself."""
        item, items[index] = items[index], None
        assert item is not None
        return self.build(item, (index,), 1)

    def _mapping(self, node: yaml.MappingNode, path: DataPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataFileError("a mapping key must be plain text", _mark(key_node))
            key = str(key_node.value)
            self._count(len(key), key_node)
            if key == "<<" and key_node.tag == _CORE_TAG + "merge":
                raise DataFileError("YAML merge keys ('<<') are not supported", _mark(key_node))
            if key in result:
                first = self.document.key_positions[(*path, key)]
                self.document.warnings.append(
                    (
                        f"duplicate key '{key}' (first at line {first[0]}); the last one wins",
                        _mark(key_node),
                    )
                )
            self.document.key_positions[(*path, key)] = _mark(key_node)
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def _ignored_tag(self, node: yaml.Node) -> None:
        if node.tag == "!":
            return
        tag = node.tag.replace(_CORE_TAG, "!!", 1)[:60]
        shape = {yaml.ScalarNode: "text", yaml.SequenceNode: "a plain list"}.get(
            type(node), "a plain mapping"
        )
        # Tags are never acted on (no object is constructed), so "!!python/…" is harmless.
        message = f"YAML tag {tag!r} is ignored; the value is read as {shape}"
        self.document.warnings.append((message, _mark(node)))

    def _count(self, characters: int, node: yaml.Node) -> None:
        self.characters += characters
        if self.characters > self.limits.characters:
            why = "an alias repeats a long text too often; profile_max_characters"
            bound = f"{self.limits.characters:,} characters"
            raise _expanded(node, bound, why, Subtype.EXPANSION)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        self._count(len(node.value), node)
        text = _whole_characters(node.value)
        if node.style or node.tag not in _KNOWN_TAGS:
            if node.tag not in _KNOWN_TAGS:
                self._ignored_tag(node)
            return text
        if node.tag != _CORE_TAG + "str" and node.tag.endswith(("null", "bool", "int", "float")):
            digits = sum(char.isdigit() for char in text) if len(text) > self.max_digits else 0
            if digits > self.max_digits:
                message = (
                    f"a number of {digits:,} digits is read as text "
                    f"(more than {self.max_digits:,}; profile_max_digits)"
                )
                self.document.warnings.append((message, _mark(node), Subtype.DIGITS))
                return text
            return _plain_scalar(text)
        return text


def _expanded(node: yaml.Node, bound: str, why: str, subtype: Subtype) -> DataFileError:
    return DataFileError(f"document expands to more than {bound} ({why})", _mark(node), subtype)


def _whole_characters(text: str) -> str:
    """Join ``"\\ud83d\\ude00"`` escapes into one character; a lone half becomes U+FFFD.

    Half characters cannot be written to an output file, so none may leave the loader.
    """
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _plain_scalar(text: str) -> Any:
    """YAML 1.2 core-schema reading of a plain scalar: only true/false are booleans."""
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.fullmatch(text):
        return int(text.replace("_", ""))
    if _FLOAT.fullmatch(text):
        return SpelledNumber(text)
    return text
