"""One BibTeX entry's fields -> the raw values of a publication record.

The reader (:mod:`.bibtex`) parses the file and resolves ``crossref``; this
module decides what each field means for the reader of the page: the type,
venue and date, links (``\\url{}`` and ``\\href{}{}`` included), the arXiv
identifier in its common spellings, and LaTeX turned into text
(:mod:`.latex`). Problems it finds are returned with the field they concern,
so the reader can report them at the field's line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import alfolio
from .latex import latex_to_text, latex_urls

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
TEXT_FIELDS = {
    "abstract": "abstract",
    "abbr": "venue_short",
    "award": "award",
    "preview": "preview",  # al-folio: a thumbnail's file name
}
# Fields shown as Markdown: \href{url}{text} stays a link there.
MARKDOWN_FIELDS = {"note": "note"}
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

# arXiv identifiers: 2010.02178 (since 2007) and hep-th/9901001 (before), with a version.
_ARXIV_ID = r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
_ARXIV_ALONE = re.compile(rf"^\s*(?:arxiv\s*:\s*)?{_ARXIV_ID}\s*$", re.IGNORECASE)
_ARXIV_URL = re.compile(
    rf"^\s*https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/{_ARXIV_ID}(?:\.pdf)?/?\s*$",
    re.IGNORECASE,
)
# "arXiv preprint arXiv:2010.02178", "ArXiv:2010.02178", "arXiv 2010.02178", "CoRR abs/2010.02178"
_ARXIV_IN_TEXT = re.compile(
    rf"(?:arxiv(?:\s+preprint)?(?:\s+arxiv)?\s*[:/]?\s*(?:abs/)?|\babs/){_ARXIV_ID}", re.IGNORECASE
)
_PLAIN_DATE = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)([1-9]\d{3})(?!\d)")


@dataclass
class Converted:
    """The record's raw values, and problems as ``(BibTeX field, message)``."""

    values: dict[str, Any]
    problems: list[tuple[str, str]] = field(default_factory=list)


def convert_fields(key: str, bibtex_type: str, fields: Mapping[str, str]) -> Converted:
    """Everything but the authors and the original text, from lower-case ``fields``."""
    out = Converted({"id": key})
    values = out.values
    if "title" in fields:
        values["title"] = latex_to_text(fields["title"])
    venue = _venue(fields)
    if venue:
        values["venue"] = venue
    values["type"] = _entry_type(bibtex_type, fields)
    _add_date(fields, out)
    for name, schema_key in TEXT_FIELDS.items():
        if fields.get(name):
            values[schema_key] = latex_to_text(fields[name])
    for name, schema_key in MARKDOWN_FIELDS.items():
        if fields.get(name):
            values[schema_key] = latex_to_text(fields[name], markdown_links=True)
    if fields.get("doi"):
        values["doi"] = fields["doi"].strip()
    links = _links(fields)
    arxiv = _arxiv(fields, out, links)
    if arxiv:
        values["arxiv"] = arxiv
    if fields.get("keywords"):
        values["tags"] = [
            tag.strip() for tag in re.split(r"[,;]", fields["keywords"]) if tag.strip()
        ]
    if "selected" in fields:
        values["selected"] = fields["selected"].strip().lower() in ("true", "yes", "1")
    if links:
        values["links"] = links
    alfolio.complete(values, fields, latex_to_text)
    return out


def schema_keys(values: Mapping[str, Any]) -> dict[str, str]:
    """BibTeX field -> the schema key it became, for positions of validation errors."""
    keys = {"title": "title", "author": "authors", "doi": "doi", "year": "date", "date": "date"}
    keys.update({name: "venue" for name in (*VENUE_FIELDS, "howpublished")})
    keys.update(TEXT_FIELDS)
    keys.update(MARKDOWN_FIELDS)
    keys.update({name: "links" for name in LINK_FIELDS})
    keys.update({"keywords": "tags", "selected": "selected", "eprint": "arxiv", "arxiv": "arxiv"})
    keys.update(alfolio.schema_keys())
    return {name: key for name, key in keys.items() if key in values}


def _venue(fields: Mapping[str, str]) -> str | None:
    venue = next((fields[name] for name in VENUE_FIELDS if fields.get(name)), None)
    if venue:
        return latex_to_text(venue)
    # @misc{…, howpublished = {Blog post, \url{…}}}: the words are the venue, the URL a link.
    howpublished = fields.get("howpublished", "")
    text = latex_to_text(re.sub(r"\\(?:url|href)\s*\{[^{}]*\}(?:\s*\{[^{}]*\})?", "", howpublished))
    return text.strip(" ,;:") or None


def _entry_type(bibtex_type: str, fields: Mapping[str, str]) -> str:
    if (
        bibtex_type in ("inproceedings", "conference")
        and "workshop" in fields.get("booktitle", "").lower()
    ):
        return "workshop"
    if bibtex_type in ("misc", "online", "article", "unpublished") and _arxiv_id(fields):
        journal = latex_to_text(fields.get("journal", "")).lower()
        if bibtex_type != "article" or not journal or "arxiv" in journal or journal == "corr":
            return "preprint"
    return ENTRY_TYPES.get(bibtex_type, "other")


def _arxiv_id(fields: Mapping[str, str]) -> str | None:
    """The arXiv identifier, from ``eprint`` or the text of the venue fields."""
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    eprint = fields.get("eprint", "")
    if prefix == "arxiv" and (match := _ARXIV_ALONE.match(eprint) or _ARXIV_URL.match(eprint)):
        return match.group(1)
    arxiv = fields.get("arxiv", "")
    if match := _ARXIV_ALONE.match(arxiv) or _ARXIV_URL.match(arxiv):
        return match.group(1)
    for name in ("journal", "journaltitle", "howpublished", "note", "volume"):
        if match := _ARXIV_IN_TEXT.search(latex_to_text(fields.get(name, ""))):
            return match.group(1)
    return None


def _arxiv(fields: Mapping[str, str], out: Converted, links: dict[str, str]) -> str | None:
    """The arXiv id; an ``arxiv`` (or arXiv ``eprint``) field holding something else is
    reported, not linked."""
    prefix = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    for name in ("arxiv", "eprint") if prefix == "arxiv" else ("arxiv",):
        value = fields.get(name, "").strip()
        if not value or _ARXIV_ALONE.match(value) or _ARXIV_URL.match(value):
            continue
        message = f"{name} {value[:80]!r} is not an arXiv identifier (such as 2010.02178)"
        if value.lower().startswith(("http://", "https://")):
            links.setdefault("preprint", value)
            message += "; shown as a 'preprint' link"
        else:
            message += "; left out"
        out.problems.append((name, message))
    return _arxiv_id(fields)


def _links(fields: Mapping[str, str]) -> dict[str, str]:
    links: dict[str, str] = {}
    for name in LINK_FIELDS:
        value = fields.get(name, "").strip()
        if value:
            urls = latex_urls(value)  # url = {\url{https://…}}
            links[LINK_LABELS.get(name, name)] = urls[0] if urls else value
    # howpublished = {\url{…}}: Google Scholar and many web-page entries put the link
    # there; a title may hold an \href whose text alone is shown.
    for name in ("howpublished", "title"):
        for url in latex_urls(fields.get(name, "")):
            if url not in links.values():
                links.setdefault("paper" if "paper" not in links else "link", url)
    return links


def _add_date(fields: Mapping[str, str], out: Converted) -> None:
    """``year`` and ``month`` (BibTeX), or BibLaTeX's ``date = {2023-05-12}``.

    A year that is not a plain number (``2023a``, ``1978/79``, ``300 {BC}``) is shown
    as written; its first plausible year sorts and groups the entry.
    """
    name = "year" if fields.get("year", "").strip() else "date"
    written = fields.get(name, "").strip()
    if not written:
        return
    if name == "year" and written.isdigit() and len(written) == 4:
        month_text = fields.get("month", "").strip().lower().rstrip(".")
        month = MONTHS.get(month_text) or (
            int(month_text) if _is_month_number(month_text) else None
        )
        month_part = f"-{month:02d}" if month and 1 <= month <= 12 else ""
        out.values["date"] = written + month_part
        if month_text and not month_part:
            message = f"month {fields['month'].strip()!r} is not a month: the year alone is shown"
            out.problems.append(("month", message))
        return
    start = written.split("/", 1)[0].strip()  # BibLaTeX ranges: 2023-05-12/2023-05-14
    if name == "date" and _PLAIN_DATE.match(start):
        out.values["date"] = start
        return
    shown = latex_to_text(written)
    out.values["date_text"] = shown
    year = _YEAR_IN_TEXT.search(shown)
    if year:
        out.values["date"] = year.group(1)
    else:
        out.problems.append(
            (
                name,
                f"{name} {shown!r} holds no year from 1000 to 9999: shown as written, "
                "and listed with the undated entries",
            )
        )


def _is_month_number(text: str) -> bool:
    # "²".isdigit() is true and int() refuses it; 5,000 digits are no month either.
    return text.isascii() and text.isdigit() and len(text) <= 2
