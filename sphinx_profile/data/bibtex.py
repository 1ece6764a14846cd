"""Read a BibTeX file (Google Scholar, Zotero, DBLP, al-folio) into publication records.

pybtex parses; this module keeps every entry of a repeated key (under a
derived id), fills a ``crossref``'d entry's missing fields from its parent
(and leaves out a parent that is only cross-referenced), keeps each entry's
original text for the BibTeX toggle, and records the line of every entry and
field so problems point into the ``.bib`` file. What each field means is
:mod:`.bibtex_record`'s business. pybtex is an optional dependency
(``sphinx-profile[bibtex]``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import Any

from . import alfolio
from .bibtex_record import VENUE_FIELDS, convert_fields, schema_keys
from .issues import Subtype
from .latex import latex_to_text
from .limits import DEFAULT_LIMITS, Limits
from .loader import DataFileError, DataPath, Position, YamlDocument

Sources = dict[str, tuple[str, Position, dict[str, Position]]]

MISSING_PYBTEX = "reading .bib files needs pybtex: pip install 'sphinx-profile[bibtex]'"

_MARKS = re.compile(
    r"\$\^?\{?(?:\*|\\dagger)\}?\$"  # $^*$, $^\dagger$, $\dagger$
    r"|\\textsuperscript\{(?:\*|\\dagger|\\textdagger)\}"
    r"|\\textdagger(?:\{\})?|\\dagger|\*|†"
)
_ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*([{(])\s*([^,\s]+)\s*,", re.MULTILINE)
_FIELD_START = re.compile(r"^[ \t]*([A-Za-z][\w\-]*)[ \t]*=", re.MULTILINE)
_BRACES = re.compile(r"[{}]")
_PARENTHESES = re.compile(r"[()]")

# crossref: the fields a child takes from its parent when it lacks them. Not the
# parent's own identifiers and links (doi, url, eprint): they are the volume's.
INHERITED_FIELDS = (
    *VENUE_FIELDS,
    "howpublished",
    "series",
    "volume",
    "address",
    "organization",
    "year",
    "month",
    "date",
    "abbr",
    "eventtitle",
)
# BibLaTeX: a child's booktitle is the title of its @proceedings or @book parent.
_TITLE_IS_BOOKTITLE = frozenset(
    {"proceedings", "book", "collection", "reference", "mvbook", "mvproceedings", "mvcollection"}
)
# BibLaTeX data containers and sets, never publications of their own.
_NOT_LISTED = frozenset({"xdata", "set"})


def read_bibtex(text: str, kind: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    if kind != "publications":
        raise DataFileError(f"a .bib file can only hold publications, not {kind}")
    return parse_bibtex(text, limits)


def parse_bibtex(text: str, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """BibTeX text -> raw publication values with the line of every entry and field."""
    try:
        from pybtex import errors
        from pybtex.scanner import PybtexError
    except ImportError:
        raise DataFileError(MISSING_PYBTEX, subtype=Subtype.DEPENDENCY) from None
    from .bibtex_bounds import ExpansionExceeded, parse_bounded

    sources = _entry_sources(text)
    document = YamlDocument(data=[])
    parser = _parser_class()()
    # capture() turns pybtex's recoverable errors (a duplicate field, a bad
    # name) into a list instead of an exception, so one slip costs one entry.
    with errors.capture() as recoverable:
        try:
            database = parse_bounded(parser, text, limits)
        except PybtexError as err:
            raise DataFileError(f"BibTeX syntax error: {err}", _error_position(err)) from None
        except ExpansionExceeded as err:
            raise DataFileError(err.message, (err.line, 1), err.subtype) from None
    for error in recoverable:
        document.warnings.append((f"BibTeX: {error}", _error_position(error, sources)))
    for derived, original in parser.renamed:
        message = f"repeated key {original!r}: this entry is kept as {derived!r}"
        position = sources.get(derived.lower(), ("", (1, 1), {}))[1]
        document.warnings.append((message, position, Subtype.DUPLICATE_KEY))
    entries = database.entries
    parents = _crossref_parents(entries)
    for key, entry in entries.items():
        if entry.type in _NOT_LISTED or (key.lower() in parents and "author" not in entry.persons):
            continue  # a proceedings volume or a data container, not a paper
        raw_text, position, field_positions = sources.get(key.lower(), ("", (1, 1), {}))
        fields, family = _resolved_fields(entry, entries)
        converted = convert_fields(key, entry.type, fields)
        record = converted.values
        authors = [_person_name(person) for person in _authors(entry, family)]
        if authors:
            record["authors"] = authors
        if raw_text:
            # The parents follow the entry, as BibTeX wants them: the copy compiles.
            parent_texts = [sources.get(parent.key.lower(), ("",))[0] for parent in family]
            record["bibtex"] = "\n\n".join(filter(None, (raw_text, *parent_texts)))
        path: DataPath = (len(document.data),)
        document.data.append(record)
        document.value_positions[path] = position
        for field, message in converted.problems:
            document.warnings.append((message, field_positions.get(field, position)))
        for reference in ("crossref", "xref", "xdata"):
            for missing in _missing_parents(entry, entries, reference):
                message = f"{reference} {missing!r} names no entry of this file"
                document.warnings.append((message, field_positions.get(reference, position)))
        for field, message in alfolio.not_shown(entry.fields):  # pybtex's: any case
            document.not_shown.setdefault(message, field_positions.get(field, position))
        for field, schema_key in schema_keys(record).items():
            if field in field_positions:
                document.value_positions[(*path, schema_key)] = field_positions[field]
                document.key_positions[(*path, schema_key)] = field_positions[field]
    return document


def derived_key(key: str, taken: Any) -> str:
    """The id of a repeated ``key``: ``key-2``, ``key-3``… (``taken`` holds lower-case keys)."""
    number = 2
    while f"{key}-{number}".lower() in taken:
        number += 1
    return f"{key}-{number}"


@cache
def _parser_class() -> Any:
    from pybtex.database.input.bibtex import Parser

    class KeepingParser(Parser):
        """pybtex's parser, keeping a repeated key's entry under a derived id."""

        def __init__(self) -> None:
            super().__init__()
            self.renamed: list[tuple[str, str]] = []

        def process_entry(self, entry_type: str, key: str | None, fields: Any) -> None:
            if key is not None and key in self.data.entries:  # keys ignore case
                taken = {existing.lower() for existing in self.data.entries}
                derived = derived_key(key, taken)
                self.renamed.append((derived, key))
                key = derived
            super().process_entry(entry_type, key, fields)

    return KeepingParser


def _references(entry: Any, reference: str) -> list[str]:
    """The keys an entry's ``crossref``/``xref`` (one key) or ``xdata`` (a list) names."""
    value = entry.fields.get(reference, "").strip()
    if not value:
        return []
    return (
        [key.strip() for key in value.split(",") if key.strip()]
        if reference == "xdata"
        else [value]
    )


def _crossref_parents(entries: Any) -> set[str]:
    """The lower-case keys that other entries name in ``crossref`` or ``xref``."""
    return {
        key.lower()
        for entry in entries.values()
        for reference in ("crossref", "xref")
        for key in _references(entry, reference)
    }


def _missing_parents(entry: Any, entries: Any, reference: str) -> list[str]:
    return [key for key in _references(entry, reference) if key not in entries]


def _resolved_fields(entry: Any, entries: Any) -> tuple[dict[str, str], list[Any]]:
    """The entry's fields (lower-case names) completed from its ``xdata`` and ``crossref``
    parents, nearest first; and those parents."""
    fields = {name.lower(): str(value) for name, value in entry.fields.items()}
    family: list[Any] = []
    queue = [entry]
    while queue:  # a parent may have parents of its own; each is visited once
        child = queue.pop(0)
        for reference in ("xdata", "crossref", "xref"):
            for key in _references(child, reference):
                parent = entries.get(key)
                if parent is None or parent is entry or any(p is parent for p in family):
                    continue
                family.append(parent)
                queue.append(parent)
                _inherit(fields, parent, everything=reference == "xdata")
    return fields, family


def _inherit(fields: dict[str, str], parent: Any, everything: bool) -> None:
    """Fill the fields ``fields`` lacks from ``parent`` (all of them for ``xdata``)."""
    parent_fields = {name.lower(): str(value) for name, value in parent.fields.items()}
    if parent.type in _TITLE_IS_BOOKTITLE and "title" in parent_fields:
        parent_fields.setdefault("booktitle", parent_fields["title"])
    names = parent_fields if everything else INHERITED_FIELDS
    for name in names:
        if name in parent_fields and not fields.get(name):
            fields[name] = parent_fields[name]


def _authors(entry: Any, family: list[Any]) -> list[Any]:
    """The entry's authors, else those of the nearest parent that has some (@inbook)."""
    for source in (entry, *family):
        if source.persons.get("author"):
            return list(source.persons["author"])
    return []


def _error_position(err: Exception, sources: Sources | None = None) -> Position:
    """The error's line if pybtex knows it, else the line of the entry it names."""
    line = getattr(err, "lineno", None)
    if isinstance(line, int):
        return (line, 1)
    # Each word of the message looked up, not each key searched for: linear in the
    # message, however many entries the file has (a file of errors stays linear).
    for word in _KEY_WORDS.findall(str(err)):
        found = (sources or {}).get(word.lower())
        if found is not None:
            return found[1]
    return (1, 1)


_KEY_WORDS = re.compile(r"[^\s,{}()\"'=#%]+")


def _person_name(person: Any) -> str:
    parts = (
        person.first_names
        + person.middle_names
        + person.prelast_names
        + person.last_names
        + person.lineage_names
    )
    raw_parts = [str(part) for part in parts]
    if raw_parts == ["others"]:
        return "et al."
    # Marks may sit on any name part ("Zhao*, Xuanlei", "You$^\dagger$"); the
    # model reads them from the end of the name. Each part is converted whole,
    # so braces inside it ("Fran{\c c}ois") stay balanced.
    marks = "".join(
        "*" if "*" in match.group(0) else "†"
        for part in raw_parts
        for match in _MARKS.finditer(part)
    )
    words = (latex_to_text(_MARKS.sub("", part)) for part in raw_parts)
    return " ".join(word for word in words if word) + marks


def _entry_sources(text: str) -> Sources:
    """Each entry's original text, its position and its fields' positions, by lower-case key
    (a repeated key's later entries by their derived id)."""
    found: Sources = {}
    line_starts = [0, *(newline.end() for newline in re.finditer("\n", text))]

    def position(offset: int) -> Position:
        line = bisect_right(line_starts, offset)
        return (line, offset - line_starts[line - 1] + 1)

    starts = list(_ENTRY_START.finditer(text))
    closing = _closing_brackets(text)
    for index, match in enumerate(starts):
        if match.group(1).lower() in ("comment", "preamble", "string"):
            continue
        # An entry left open ends where the next one starts, not at the end of the
        # file: each entry's text is its own, and the whole scan stays linear.
        following = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        end = min(closing.get(match.start(2), following), following)
        raw = text[match.start() : end]
        fields: dict[str, Position] = {}
        for field in _FIELD_START.finditer(raw):
            fields.setdefault(field.group(1).lower(), position(match.start() + field.start(1)))
        line = position(match.start())[0]
        key = match.group(3)
        if key.lower() in found:  # a repeated key: named as the parser names it
            key = derived_key(key, found)
        found[key.lower()] = (raw.strip(), (line, 1), fields)
    return found


def _closing_brackets(text: str) -> dict[int, int]:
    """Offset of each opening brace or parenthesis -> the offset just after its closing one.

    One pass over the file for each kind of bracket (a stack of the open ones),
    however many entries are left open.
    """
    closing: dict[int, int] = {}
    for pattern, open_char in ((_BRACES, "{"), (_PARENTHESES, "(")):
        stack: list[int] = []
        for bracket in pattern.finditer(text):
            if bracket.group() == open_char:
                stack.append(bracket.start())
            elif stack:
                closing[stack.pop()] = bracket.end()
    return closing
