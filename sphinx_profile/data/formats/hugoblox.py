"""HugoBlox (Hugo Academic) page bundles read as this project's records.

``content/publication/<name>/index.md`` (the 2024 templates) and
``content/publications/<name>/index.md`` (the current ones) hold one publication
each; ``content/event/<name>/index.md`` one talk. Both formats are read: the
2024 ``publication_types: ["2"]`` and ``url_pdf:``, the current
``publication_types: [article-journal]``, ``links: [{type: pdf, url: …}]`` and
``hugoblox: {ids: {doi: …}}``. Dates are ISO date-times (``2013-07-01T00:00:00Z``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..limits import DEFAULT_LIMITS, Limits, cannot_read
from ..loader import DataFileError, read_text
from .collection import CollectionEntry, EntryBuilder, entry_id, read_folder
from .frontmatter import FrontMatterFile
from .jekyll import plain_text

HUGOBLOX = "HugoBlox"
OWNER_IDS = frozenset({"me", "admin"})
"""How a HugoBlox author list names the site's owner."""

LAYOUT_KEYS = frozenset(
    {
        "publishDate",
        "image",
        "slides",
        "draft",
        "weight",
        "lastmod",
        "share",
        "commentable",
        "all_day",
        "math",
        "diagram",
        "url_custom",
        "aliases",
        "sharing",
        "reading_time",
    }
)
"""Keys that only steer how Hugo lays out the old site."""

PUBLICATION_TYPES = {
    "0": None,
    "1": "conference",
    "2": "journal",
    "3": "preprint",
    "4": "report",
    "5": "book",
    "6": "chapter",
    "7": "thesis",
    "8": "patent",
    "article-journal": "journal",
    "article": "journal",
    "paper-conference": "conference",
    "chapter": "chapter",
    "book": "book",
    "report": "report",
    "thesis": "thesis",
    "patent": "patent",
    "manuscript": "preprint",
    "preprint": "preprint",
    "software": "software",
}
"""HugoBlox's publication types (the 2024 numbers and the current CSL names) -> ``type``."""

URL_KEYS = ("pdf", "code", "dataset", "poster", "project", "slides", "source", "video")


def _marks(notes: list[Any]) -> list[str]:
    marks = []
    for note in notes:
        text = str(note or "").lower()
        marks.append("*" if "equal" in text else "†" if "correspond" in text else "")
    return marks


def _authors(entry: EntryBuilder, owner: str | None) -> None:
    authors = entry.value("authors")
    if not isinstance(authors, list):
        return
    notes = entry.value("author_notes")
    marks = _marks(notes if isinstance(notes, list) else [])
    names = []
    for index, author in enumerate(authors):
        name = str(author)
        if name in OWNER_IDS:
            name = owner or name
        names.append(name + (marks[index] if index < len(marks) else ""))
    entry.put(("authors",), names, "authors")


def _as_list(value: Any) -> list[str]:
    return (
        [str(item) for item in value]
        if isinstance(value, list)
        else []
        if value is None
        else [str(value)]
    )


def _cite_bib(entry: EntryBuilder, limits: Limits) -> None:
    """The bundle's ``cite.bib`` is the entry's BibTeX (the copy button, the toggle)."""
    cite = entry.file.path.parent / "cite.bib"
    if not entry.file.path.name.startswith("index.") or not cite.exists():
        return
    try:
        text = read_text(cite, limits.bytes).strip()
    except DataFileError as err:
        entry.note(f"cite.bib is not shown: {err.message}")
        return
    except OSError as err:
        entry.note(f"cite.bib is not shown: {cannot_read(err)}")
        return
    if text:
        entry.put(("bibtex",), text, None)


def _links(entry: EntryBuilder) -> None:
    for label in URL_KEYS:
        entry.link(label, f"url_{label}")
    links = entry.value("links")
    for index, link in enumerate(links if isinstance(links, list) else []):
        if not isinstance(link, dict) or not link.get("url"):
            continue
        label = str(link.get("type") or link.get("name") or "link").strip().lower()
        entry.record.setdefault("links", {})
        if label not in entry.record["links"]:
            entry.put(("links", label), str(link["url"]), ("links", index, "url"))
    if isinstance(links, list) and not entry.record.get("links"):
        entry.record.pop("links", None)


def _publication(
    file: FrontMatterFile, taken: set[str], owner: str | None, limits: Limits
) -> CollectionEntry:
    entry = EntryBuilder(file, "publications", LAYOUT_KEYS)
    entry.put(("id",), entry_id(file.path, taken), None)
    entry.take("title", "title", lambda value: plain_text(str(value)))
    _authors(entry, owner)
    entry.take("publication", "venue", lambda value: plain_text(str(value).replace("*", "")))
    entry.take(
        "publication_short", "venue_short", lambda value: plain_text(str(value).replace("*", ""))
    )
    entry.date("date")
    types = entry.value("publication_types")
    first = str(types[0]) if isinstance(types, list) and types else None
    if first is not None:
        kind = PUBLICATION_TYPES.get(first)
        if kind:
            entry.put(("type",), kind, "publication_types")
        elif first not in PUBLICATION_TYPES:
            entry.note(f"publication type {first!r} is not known here", "publication_types")
    entry.take("abstract", "abstract")
    summary = entry.value("summary")
    if summary is not None and "abstract" not in entry.record:
        entry.put(("abstract",), str(summary), "summary")
    elif summary is not None:
        entry.note("summary is not shown: the abstract is", "summary")
    entry.take("featured", "selected")
    tags = [*_as_list(entry.value("tags")), *_as_list(entry.value("projects"))]
    if tags:
        entry.put(
            ("tags",), list(dict.fromkeys(tags)), "tags" if "tags" in file.data else "projects"
        )
    entry.take("doi", "doi")
    ids = entry.value("hugoblox")
    if isinstance(ids, dict) and isinstance(ids.get("ids"), dict):
        for key in ("doi", "arxiv"):
            if ids["ids"].get(key) and key not in entry.record:
                entry.put((key,), str(ids["ids"][key]), "hugoblox")
    _links(entry)
    _cite_bib(entry, limits)
    entry.body("body")  # the bundle's page: the paper's own page here too
    return entry.finish(HUGOBLOX)


def _event(file: FrontMatterFile, taken: set[str], owner: str | None) -> CollectionEntry:
    entry = EntryBuilder(file, "talks", LAYOUT_KEYS | {"featured", "tags", "projects"})
    entry.take("title", "title", lambda value: plain_text(str(value)))
    entry.take("event", "event")
    entry.take("event_url", "event_url")
    entry.date("date")
    entry.take("location", "location")
    address = entry.value("address")
    if isinstance(address, dict) and "location" not in entry.record:
        parts = [address.get(key) for key in ("city", "region", "country")]
        entry.put(("location",), ", ".join(str(part) for part in parts if part), "address")
    entry.take("summary", "summary")
    abstract = entry.value("abstract")
    if abstract is not None and "summary" not in entry.record:
        entry.put(("summary",), str(abstract), "abstract")
    if entry.value("date_end") is not None:
        entry.note("date_end is not shown: a talk is shown on the day it starts", "date_end")
    _links(entry)
    return entry.finish(HUGOBLOX)


def read_section(
    folder: Path, kind: str, owner: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> list[CollectionEntry]:
    """Every page bundle of ``content/publication(s)/`` or ``content/event/``."""
    if kind == "publications":
        return read_folder(
            folder, kind, lambda file, taken: _publication(file, taken, owner, limits), limits
        )
    if kind == "talks":
        return read_folder(folder, kind, lambda file, taken: _event(file, taken, owner), limits)
    raise ValueError(f"a HugoBlox section holds no {kind}")
