"""Read a BibTeX file (Google Scholar, Zotero, al-folio) into publication records.

pybtex parses; this module maps BibTeX fields onto the publication schema,
turns LaTeX (accents, protective braces, ``--``) into Unicode, keeps each
entry's original text for the copy/download feature, and records the line of
every entry and field so validation problems point into the ``.bib`` file.
pybtex is an optional dependency (``sphinx-profile[bibtex]``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from pathlib import Path
from typing import Any

from .issues import Subtype
from .loader import DataFileError, DataPath, Position, YamlDocument, read_text

MISSING_PYBTEX = "reading .bib files needs pybtex: pip install 'sphinx-profile[bibtex]'"

ENTRY_TYPES = {
    "article": "journal",
    "inproceedings": "conference",
    "conference": "conference",
    "proceedings": "conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "techreport": "report",
    "report": "report",
    "patent": "patent",
    "software": "software",
    "unpublished": "preprint",
}

# BibTeX field -> link label, in the order links are shown (al-folio's buttons).
LINK_FIELDS = ("url", "html", "pdf", "code", "slides", "blog", "video", "poster", "website")
LINK_LABELS = {"url": "paper"}
VENUE_FIELDS = ("journal", "journaltitle", "booktitle", "school", "institution", "publisher")
TEXT_FIELDS = {"abstract": "abstract", "abbr": "venue_short", "award": "award", "note": "note"}
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MARKS = re.compile(
    r"\$\^?\{?(?:\*|\\dagger)\}?\$"  # $^*$, $^\dagger$, $\dagger$
    r"|\\textsuperscript\{(?:\*|\\dagger|\\textdagger)\}"
    r"|\\textdagger(?:\{\})?|\\dagger|\*|†"
)
_ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*([{(])\s*([^,\s]+)\s*,", re.MULTILINE)
_FIELD_START = re.compile(r"^[ \t]*([A-Za-z][\w\-]*)[ \t]*=", re.MULTILINE)
_BRACES = re.compile(r"[{}]")
_PARENTHESES = re.compile(r"[()]")


def read_bibtex(path: Path, kind: str, max_bytes: int) -> YamlDocument:
    if kind != "publications":
        raise DataFileError(f"a .bib file can only hold publications, not {kind}")
    return parse_bibtex(read_text(path, max_bytes))


def parse_bibtex(text: str) -> YamlDocument:
    """BibTeX text -> raw publication values with the line of every entry and field."""
    try:
        from pybtex import errors
        from pybtex.database import parse_string
        from pybtex.scanner import PybtexError
    except ImportError:
        raise DataFileError(MISSING_PYBTEX, subtype=Subtype.DEPENDENCY) from None
    sources = _entry_sources(text)
    document = YamlDocument(data=[])
    # capture() turns pybtex's recoverable errors (a duplicate field, a bad
    # name) into a list instead of an exception, so one slip costs one entry.
    with errors.capture() as recoverable:
        try:
            database = parse_string(text, "bibtex")
        except PybtexError as err:
            raise DataFileError(f"BibTeX syntax error: {err}", _error_position(err)) from None
    for error in recoverable:
        document.warnings.append((f"BibTeX: {error}", _error_position(error, sources)))
    for index, (key, entry) in enumerate(database.entries.items()):
        raw_text, position, field_positions = sources.get(key.lower(), ("", (1, 1), {}))
        record = _record(key, entry, raw_text)
        document.data.append(record)
        path: DataPath = (index,)
        document.value_positions[path] = position
        for field, schema_key in _schema_keys(record).items():
            if field in field_positions:
                document.value_positions[(*path, schema_key)] = field_positions[field]
                document.key_positions[(*path, schema_key)] = field_positions[field]
    return document


def _error_position(
    err: Exception, sources: dict[str, tuple[str, Position, dict[str, Position]]] | None = None
) -> Position:
    """The error's line if pybtex knows it, else the line of the entry it names."""
    line = getattr(err, "lineno", None)
    if isinstance(line, int):
        return (line, 1)
    for key, (_, position, _) in (sources or {}).items():
        if re.search(rf"\b{re.escape(key)}\b", str(err), re.IGNORECASE):
            return position
    return (1, 1)


# Text that LaTeX decoding would change: commands, braces, math, ties, comments,
# dashes, TeX quotes, runs of white space. Anything else is already plain text.
_LATEX = re.compile(r"[\\{}$~%\n\r\t]|--|``|''|\s\s")


@cache
def _text_backend() -> Any:
    # render_as("text") looks the backend up among the installed entry points on
    # every call (milliseconds each); look it up once.
    from pybtex.plugin import find_plugin

    return find_plugin("pybtex.backends", "text")()


# Formatting commands pybtex keeps as text: drop the command, keep its argument.
_FORMATTING = re.compile(
    r"\\(?:textit|textbf|textsc|texttt|textrm|textsf|textup|textmd|textsl|emph|mbox|url"
    r"|text|mathrm|mathit|mathbf)\s*\{"
)
_DECLARATIONS = re.compile(r"\{\s*\\(?:em|bf|it|sc|tt|rm|sf|sl|bfseries|itshape|scshape)\b\s*")


def _latex_to_text(value: str) -> str:
    if not _LATEX.search(value):  # most names and titles: nothing to decode
        return value.strip()
    from pybtex.richtext import Text

    value = _DECLARATIONS.sub("{", _FORMATTING.sub("{", value))
    try:
        return str(Text.from_latex(value).render(_text_backend())).strip()
    except Exception:  # pybtex raises several types on unbalanced LaTeX; keep the raw text
        return value.replace("{", "").replace("}", "").strip()


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
    words = (_latex_to_text(_MARKS.sub("", part)) for part in raw_parts)
    return " ".join(word for word in words if word) + marks


def _record(key: str, entry: Any, raw_text: str) -> dict[str, Any]:
    fields = {name.lower(): str(value) for name, value in entry.fields.items()}
    record: dict[str, Any] = {"id": key}
    if "title" in fields:
        record["title"] = _latex_to_text(fields["title"])
    authors = [_person_name(person) for person in entry.persons.get("author", [])]
    if authors:
        record["authors"] = authors
    venue = next((fields[name] for name in VENUE_FIELDS if fields.get(name)), None)
    if venue:
        record["venue"] = _latex_to_text(venue)
    record["type"] = _entry_type(entry.type.lower(), fields)
    date = _date(fields)
    if date is not None:
        record["date"] = date
    for field, schema_key in TEXT_FIELDS.items():
        if fields.get(field):
            record[schema_key] = _latex_to_text(fields[field])
    if fields.get("doi"):
        record["doi"] = fields["doi"].strip()
    arxiv = fields.get("arxiv") or _arxiv_eprint(fields)
    if arxiv:
        record["arxiv"] = arxiv.strip()
    if fields.get("keywords"):
        record["tags"] = [
            tag.strip() for tag in re.split(r"[,;]", fields["keywords"]) if tag.strip()
        ]
    if "selected" in fields:
        record["selected"] = fields["selected"].strip().lower() in ("true", "yes", "1")
    links = {
        LINK_LABELS.get(field, field): fields[field].strip()
        for field in LINK_FIELDS
        if fields.get(field)
    }
    if links:
        record["links"] = links
    if raw_text:
        record["bibtex"] = raw_text
    return record


def _entry_type(bibtex_type: str, fields: dict[str, str]) -> str:
    if (
        bibtex_type in ("inproceedings", "conference")
        and "workshop" in fields.get("booktitle", "").lower()
    ):
        return "workshop"
    if bibtex_type in ("misc", "online", "article") and (
        fields.get("arxiv") or _arxiv_eprint(fields)
    ):
        journal = fields.get("journal", "").lower()
        if bibtex_type != "article" or not journal or "arxiv" in journal:
            return "preprint"
    return ENTRY_TYPES.get(bibtex_type, "other")


def _arxiv_eprint(fields: dict[str, str]) -> str | None:
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    if prefix == "arxiv" and fields.get("eprint"):
        return fields["eprint"]
    match = re.search(r"arxiv[:\s/]*(?:abs/)?(\d{4}\.\d{4,5})", fields.get("journal", ""), re.I)
    return match.group(1) if match else None


def _date(fields: dict[str, str]) -> str | None:
    """``year`` and ``month`` (BibTeX), or BibLaTeX's ``date = {2023-05-12}``."""
    year = fields.get("year", "").strip()
    if not year:
        return fields.get("date", "").strip() or None
    month_text = fields.get("month", "").strip().lower().rstrip(".")
    month = MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else None)
    if month and 1 <= month <= 12 and year.isdigit():
        return f"{year}-{month:02d}"
    return year


def _schema_keys(record: dict[str, Any]) -> dict[str, str]:
    """BibTeX field -> the schema key it became, for positions of validation errors."""
    keys = {"title": "title", "author": "authors", "year": "date", "doi": "doi"}
    keys.update({field: "venue" for field in VENUE_FIELDS})
    keys.update(TEXT_FIELDS)
    keys.update({field: "links" for field in LINK_FIELDS})
    keys.update({"keywords": "tags", "selected": "selected", "eprint": "arxiv", "arxiv": "arxiv"})
    return {field: key for field, key in keys.items() if key in record}


def _entry_sources(text: str) -> dict[str, tuple[str, Position, dict[str, Position]]]:
    """Each entry's original text, its position and its fields' positions, by lower-case key."""
    found: dict[str, tuple[str, Position, dict[str, Position]]] = {}
    line_starts = [0, *(newline.end() for newline in re.finditer("\n", text))]

    def position(offset: int) -> Position:
        line = bisect_right(line_starts, offset)
        return (line, offset - line_starts[line - 1] + 1)

    for match in _ENTRY_START.finditer(text):
        if match.group(1).lower() in ("comment", "preamble", "string"):
            continue
        end = _matching_close(text, match.start(2))
        raw = text[match.start() : end]
        fields: dict[str, Position] = {}
        for field in _FIELD_START.finditer(raw):
            fields.setdefault(field.group(1).lower(), position(match.start() + field.start(1)))
        line = position(match.start())[0]
        found.setdefault(match.group(3).lower(), (raw.strip(), (line, 1), fields))
    return found


def _matching_close(text: str, opening: int) -> int:
    """The offset just after the bracket that closes the one at ``opening``."""
    open_char = text[opening]
    depth = 0
    for bracket in (_BRACES if open_char == "{" else _PARENTHESES).finditer(text, opening):
        depth += 1 if bracket.group() == open_char else -1
        if depth == 0:
            return bracket.end()
    return len(text)
