"""Jekyll collections of academicpages and al-folio read as this project's records.

``_publications/``, ``_talks/``, ``_teaching/``, ``_portfolio/`` (academicpages)
and ``_news/``, ``_projects/`` (al-folio) hold one entry per Markdown file, its
facts in the front matter and its prose in the body. Which folder holds what
is known from its name (:data:`COLLECTIONS`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from ..limits import DEFAULT_LIMITS, Limits
from .collection import CollectionEntry, EntryBuilder, entry_id, read_folder
from .frontmatter import FrontMatterFile, iso_date

ACADEMICPAGES = "academicpages"
AL_FOLIO = "al-folio"

COLLECTIONS = {
    "_publications": "publications",
    "_talks": "talks",
    "_teaching": "teaching",
    "_portfolio": "projects",
    "_projects": "projects",
    "_news": "news",
}
"""A Jekyll collection folder -> the kind of records it holds."""

LAYOUT_KEYS = frozenset(
    {
        "collection",
        "layout",
        "permalink",
        "author_profile",
        "share",
        "comments",
        "comment",
        "related",
        "read_time",
        "redirect_from",
        "sitemap",
        "classes",
        "toc",
        "toc_label",
        "toc_sticky",
        "toc_icon",
        "inline",
        "importance",
        "giscus_comments",
        "related_posts",
        "nav",
        "nav_order",
        "published",
    }
)
"""Front matter keys that only steer how Jekyll lays out the old site."""

PROJECT_BODY_NOT_SHOWN = "the body (the project's own page) is not shown in the list"

DEFAULT_CATEGORIES = {
    "books": "Books",
    "manuscripts": "Journal Articles",
    "conferences": "Conference Papers",
}
"""academicpages' ``publication_category`` as the template ships it."""

_TYPE_WORDS = (
    ("chapter", "chapter"),
    ("book", "book"),
    ("journal", "journal"),
    ("manuscript", "journal"),
    ("article", "journal"),
    ("workshop", "workshop"),
    ("conference", "conference"),
    ("proceeding", "conference"),
    ("preprint", "preprint"),
    ("working", "preprint"),
    ("thesis", "thesis"),
    ("dissertation", "thesis"),
    ("report", "report"),
    ("patent", "patent"),
    ("software", "software"),
)
_TALK_TYPES = ("keynote", "invited", "tutorial", "poster", "panel", "seminar", "contributed")
_TAGS = re.compile(r"<[^>]+>")
_CITATION = re.compile(r"^(?P<authors>.+?)\s*\(\s*(?P<year>\d{4})[a-z]?\s*\)")
_SEASON = re.compile(r"(\d{4})[-_](spring|summer|fall|autumn|winter)", re.IGNORECASE)


def publication_type(category: str, title: str | None = None) -> str | None:
    """``manuscripts`` / ``Journal Articles`` -> ``journal``; ``None`` when no word fits."""
    words = f"{category} {title or ''}".lower()
    return next((kind for word, kind in _TYPE_WORDS if word in words), None)


def plain_text(value: str) -> str:
    """HTML tags and entities of a front matter value removed (``&quot;``, ``<i>``)."""
    return " ".join(html.unescape(_TAGS.sub("", value)).split())


def citation_authors(citation: str) -> list[str] | None:
    """The authors of an academicpages ``citation`` (``A. One, B. Two (2020). "Title."``).

    ``None`` when they cannot be told apart: ``Doe, Jane`` is one author or two.
    """
    match = _CITATION.match(plain_text(citation))
    if not match:
        return None
    text = match.group("authors").strip().rstrip(".,")
    separator = ";" if ";" in text else ","
    parts = [
        part.strip()
        for chunk in text.split(separator)
        for part in re.split(r"\s+(?:and|&)\s+", chunk.strip())
        if part.strip()
    ]
    if not parts or any(" " not in part.strip(". ") for part in parts):
        return None  # a part without a space is a first name or initials: "Doe, J."
    return parts


def _publication(file: FrontMatterFile, taken: set[str], categories: dict[str, str]) -> Any:
    entry = EntryBuilder(file, "publications", LAYOUT_KEYS)
    entry.put(("id",), entry_id(file.path, taken), None)
    entry.take("title", "title", lambda value: plain_text(str(value)))
    entry.take("authors", "authors")
    entry.take("venue", "venue", lambda value: plain_text(str(value)))
    entry.date("date")
    for key, label in (
        ("paperurl", "paper"),
        ("paper_url", "paper"),
        ("link", "link"),
        ("url", "link"),
        ("slidesurl", "slides"),
        ("slides_url", "slides"),
        ("bibtexurl", "bibtex"),
        ("codeurl", "code"),
        ("videourl", "video"),
    ):
        entry.link(label, key)
    for key in ("doi", "arxiv", "tags", "topics", "selected", "award", "note"):
        entry.take(key, key)
    # The excerpt is the short form shown in lists; the body was the paper's own page.
    entry.take("excerpt", "abstract", lambda value: plain_text(str(value)))
    entry.body("body")
    category = entry.value("category")
    if category is not None:
        kind = publication_type(str(category), categories.get(str(category)))
        if kind:
            entry.put(("type",), kind, "category")
        else:
            entry.put(("tags",), [categories.get(str(category), str(category))], "category")
    citation = entry.value("citation")
    if isinstance(citation, str) and "authors" not in entry.record:
        authors = citation_authors(citation)
        if authors:
            entry.put(("authors",), authors, "citation")
        else:
            entry.put(("note",), plain_text(citation), "citation")
    return entry.finish(ACADEMICPAGES)


def _talk(file: FrontMatterFile, taken: set[str]) -> Any:
    entry = EntryBuilder(file, "talks", LAYOUT_KEYS)
    entry.take("title", "title", lambda value: plain_text(str(value)))
    entry.take("venue", "event", lambda value: plain_text(str(value)))
    entry.take("event", "event")
    entry.date("date")
    entry.take("location", "location")
    for key in ("talk_type", "type"):
        value = entry.value(key)
        if value is None or "type" in entry.record:
            continue
        kind = next((word for word in _TALK_TYPES if word in str(value).lower()), None)
        if kind:
            entry.put(("type",), kind, key)
        elif str(value).strip().lower() not in ("talk", "presentation"):
            entry.note(f"talk type {value!r} is not one of {', '.join(_TALK_TYPES)}", key)
    entry.take("talk_url", "event_url")
    entry.link("slides", "slidesurl")
    entry.link("video", "videourl")
    entry.link("paper", "paperurl")
    for key in ("lat", "lon", "coauthors"):
        entry.take(key, key)
    entry.body("summary")
    return entry.finish(ACADEMICPAGES)


def _teaching(file: FrontMatterFile, taken: set[str]) -> Any:
    entry = EntryBuilder(file, "teaching", LAYOUT_KEYS)
    entry.take("title", "course", lambda value: plain_text(str(value)))
    entry.take("venue", "institution", lambda value: plain_text(str(value)))
    entry.take("type", "level")
    season = _SEASON.search(file.path.stem) or _SEASON.search(str(file.data.get("permalink", "")))
    date = entry.value("date")
    if season:
        entry.put(("term",), f"{season.group(2).capitalize()} {season.group(1)}", "date")
    elif date is not None:
        entry.put(("term",), str(iso_date(date))[:4], "date")
    entry.take("location", "location")
    entry.body("summary")
    return entry.finish(ACADEMICPAGES)


def _project(file: FrontMatterFile, taken: set[str]) -> Any:
    entry = EntryBuilder(file, "projects", LAYOUT_KEYS)
    entry.take("title", "name", lambda value: plain_text(str(value)))
    for key in ("description", "excerpt"):
        entry.take(key, "description", lambda value: plain_text(str(value)))
    for key in ("redirect", "github", "link", "url"):
        value = entry.value(key)
        if (
            isinstance(value, str)
            and value.startswith(("http://", "https://"))
            and "url" not in entry.record
        ):
            entry.put(("url",), value, key)
        elif key == "github" and isinstance(value, str) and "url" not in entry.record:
            entry.put(("url",), f"https://github.com/{value.strip('/')}", key)
    category = entry.value("category")
    if category is not None:
        entry.put(("tags",), [str(category)], "category")
    if "description" in entry.record and file.body.strip():
        entry.note(PROJECT_BODY_NOT_SHOWN)
    else:
        entry.body("description")
    for key in ("img", "image"):
        if entry.value(key) is not None:
            entry.note(f"the image {entry.data[key]!r} is not shown in the project list", key)
    return entry.finish(ACADEMICPAGES if file.path.parent.name == "_portfolio" else AL_FOLIO)


def _news(file: FrontMatterFile, taken: set[str]) -> Any:
    entry = EntryBuilder(file, "news", LAYOUT_KEYS)
    entry.date("date")
    if "date" not in entry.record:
        match = re.match(r"(\d{4}-\d{2}-\d{2})", file.path.stem)
        if match:
            entry.put(("date",), match.group(1), None)
    title = entry.value("title")
    body = file.body.strip()
    text = body or (plain_text(str(title)) if title is not None else "")
    entry.put(("text",), text, None if body else "title")
    return entry.finish(AL_FOLIO)


def read_collection(
    folder: Path,
    kind: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    categories: dict[str, str] | None = None,
) -> list[CollectionEntry]:
    """Every entry of the Jekyll collection ``folder``; its kind from its name if not given."""
    kind = kind or COLLECTIONS.get(folder.name)
    if kind is None:
        raise ValueError(f"{folder.name} is not a collection this site can read")
    cats = categories if categories is not None else DEFAULT_CATEGORIES
    mappers = {
        "publications": lambda file, taken: _publication(file, taken, cats),
        "talks": _talk,
        "teaching": _teaching,
        "projects": _project,
        "news": _news,
    }
    return read_folder(folder, kind, mappers[kind], limits)
