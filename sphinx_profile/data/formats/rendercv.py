"""A RenderCV input file (``John_Doe_CV.yaml``, https://docs.rendercv.com) as records.

``cv.name``, ``cv.headline``, ``cv.email``, ``cv.website``,
``cv.social_networks`` and ``cv.custom_connections`` give the profile; the
sections ``experience``, ``education``, ``publications`` and ``projects`` of
``cv.sections`` give those records (section titles are compared without case,
spaces or underscores). RenderCV's ``start_date``, ``company`` and ``journal``
are aliases of the models, so they stay as written; a single ``date`` becomes
the start of an experience, education or project entry. RenderCV writes
Markdown in every field: a name that is a whole link (``[FlashInfer](url)``)
gives the name and its link, other markup in a plain-text field (a company, a
title) is read as its words, and the ``***Name***`` emphasis on your name in
author lists is removed (this site highlights the CV's owner by itself). A
highlight's `` - `` parts are its nested bullets, as RenderCV draws them.

Nothing is left out silently: a field, or a top-level key, that no page shows
is reported once (``profile.not-shown``); the ``cv`` directive shows every
section, custom ones included. RenderCV's ``design``, ``locale`` and
``settings`` describe its own PDF, and are not read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from markdown_it import MarkdownIt

from ..dates import PartialDate
from ..loader import DataPath, SpelledNumber, YamlDocument
from ..models import Education, Experience, Model, Profile, Project, Publication
from .translate import Translation, slug

SECTION_TITLES = {
    "experience": frozenset({"experience", "work experience", "professional experience"}),
    "education": frozenset({"education"}),
    "publications": frozenset({"publications", "selected publications"}),
    "projects": frozenset({"projects"}),
}
"""File kind -> the RenderCV section titles read as that kind."""

SOCIAL_URLS = {
    "linkedin": ("linkedin", "https://linkedin.com/in/{}"),
    "github": ("github", "https://github.com/{}"),
    "gitlab": ("gitlab", "https://gitlab.com/{}"),
    "instagram": ("instagram", "https://instagram.com/{}"),
    "orcid": ("orcid", "https://orcid.org/{}"),
    "stackoverflow": ("stackoverflow", "https://stackoverflow.com/users/{}"),
    "researchgate": ("researchgate", "https://researchgate.net/profile/{}"),
    "youtube": ("youtube", "https://youtube.com/@{}"),
    "googlescholar": ("scholar", "https://scholar.google.com/citations?user={}"),
    "telegram": ("telegram", "https://t.me/{}"),
    "x": ("x", "https://x.com/{}"),
    "twitter": ("twitter", "https://twitter.com/{}"),
    "bluesky": ("bluesky", "https://bsky.app/profile/{}"),
    "imdb": ("imdb", "https://imdb.com/name/{}"),
}
"""RenderCV ``network`` (lower case, no spaces) -> (link label, URL of a username)."""

_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(.+?)\1$")
_MASTODON = re.compile(r"^@?([^@\s/]+)@([^@\s/]+)$")


def is_rendercv(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("cv"), dict)


def _title_key(title: Any) -> str:
    return " ".join(str(title).replace("_", " ").replace("-", " ").lower().split())


def section_titles(data: dict[str, Any], kind: str) -> list[str]:
    sections = data["cv"].get("sections")
    if not isinstance(sections, dict):
        return []
    return [title for title in sections if _title_key(title) in SECTION_TITLES.get(kind, ())]


def kinds_in(data: Any) -> list[str]:
    """The kinds of records ``data`` (a RenderCV file) holds."""
    return ["profile", *(kind for kind in SECTION_TITLES if section_titles(data, kind))]


def from_rendercv(document: YamlDocument, kind: str, name: str) -> YamlDocument:
    if kind == "profile":
        translation = Translation(document, None)
        _note_owner_and_sections(translation)
        translation.result.data = _profile(translation, ("cv",))
        return translation.result
    titles = section_titles(document.data, kind)
    if not titles:
        translation = Translation(document, None)
        _note_owner_and_sections(translation)
        translation.warn(
            f"{name} has no '{kind}' section under cv.sections, so there is no {kind} to show",
            ("cv",),
        )
        return translation.result
    return section_document(document, titles, kind)


def section_document(document: YamlDocument, titles: list[str], kind: str) -> YamlDocument:
    """The entries of the sections ``titles`` of ``cv.sections`` as records of ``kind``.

    A kind without a reader of its own (``cv-section``) takes RenderCV's entries
    as they are: its model knows their keys.
    """
    translation = Translation(document, [])
    _note_owner_and_sections(translation)
    make = _ENTRIES.get(kind, _generic)
    taken: set[str] = set()
    records: list[Any] = []
    for title in titles:
        entries = translation.get(("cv", "sections", title))
        if not isinstance(entries, list):
            continue
        for index in range(len(entries)):
            source = ("cv", "sections", title, index)
            records.append(make(translation, source, (len(records),), taken))
    translation.result.data = records
    return translation.result


def _generic(t: Translation, source: DataPath, target: DataPath, _: set[str]) -> Any:
    from ..cv_models import CvEntry

    return t.record(source, target, CvEntry)


METADATA_KEYS = frozenset({"design", "locale", "settings", "rendercv_settings"})
"""Top-level keys that set up RenderCV's own PDF, with nothing for a reader to see."""


def _note_owner_and_sections(t: Translation) -> None:
    """Whom the CV is about; a top-level key no page shows, reported once.

    Every section of ``cv.sections`` is shown by a directive: the ``cv``
    directive shows them all, custom ones included.
    """
    data = t.source.data
    name = data["cv"].get("name")
    if isinstance(name, str) and name.strip():
        t.result.owner = _plain_text(name)[0]
    for key, value in data.items():
        if key != "cv" and key not in METADATA_KEYS and value:
            t.not_shown((key,), "section")


def _entry(
    t: Translation,
    source: DataPath,
    target: DataPath,
    model: type[Model],
    plain: tuple[str, ...],
    renames: dict[str, str] | None = None,
) -> Any:
    """An entry of a dated kind: Markdown in its ``plain`` fields read, ``date`` as its start."""
    record = t.record(source, target, model, renames, handled=frozenset({"date", "highlights"}))
    if not isinstance(record, dict):
        return record
    _read_markdown(record, plain)
    if "start_date" not in record and t.get((*source, "date")):
        _single_date(t, source, target, record)
    highlights = t.get((*source, "highlights"))
    if isinstance(highlights, list) and highlights:
        t.copy((*source, "highlights"), (*target, "highlights"))
        record["highlights"] = [_nested(item) for item in highlights]
    elif highlights:  # reported by validation, where it is
        record["highlights"] = t.copy((*source, "highlights"), (*target, "highlights"))
    return record


# A range between two dates: a hyphen, an en dash or an em dash with spaces around.
_RANGE = re.compile(r"^\s*(\S.*?)\s+[\u2013\u2014-]{1,2}\s+(\S.*?)\s*$")


def _single_date(t: Translation, source: DataPath, target: DataPath, record: Any) -> None:
    """RenderCV's ``date``: a date is the start; ``2021 - 2024`` the start and end.

    RenderCV also takes any text (``Fall 2023``); a date of no form this site
    reads is reported as not shown rather than as a wrong date.
    """
    where = (*source, "date")
    value = t.get(where)
    text = str(value.text if isinstance(value, SpelledNumber) else value).strip()
    if _is_date(text):
        record["start"] = t.copy(where, (*target, "start"))
        return
    match = _RANGE.match(text)
    if match and _is_date(match.group(1)) and _is_date(match.group(2)):
        record["start"], record["end"] = match.group(1), match.group(2)
        t.place((*target, "start"), where)
        t.place((*target, "end"), where)
        return
    t.not_shown(where)


def _is_date(text: str) -> bool:
    try:
        PartialDate.parse(text)
    except ValueError:
        return False
    return True


def _nested(highlight: Any) -> Any:
    """``Main point - sub 1 - sub 2`` -> the main point with ``- sub`` lines under it.

    RenderCV draws each `` - `` of a highlight as a nested bullet (a highlight
    continued on indented ``- `` lines is folded by YAML into this form); this
    site reads nested bullets as lines starting with ``- ``.
    """
    if not isinstance(highlight, str) or " - " not in highlight:
        return highlight
    return highlight.replace(" - ", "\n- ")


def _experience(t: Translation, source: DataPath, target: DataPath, _: set[str]) -> Any:
    return _entry(t, source, target, Experience, ("company", "position", "location"))


def _education(t: Translation, source: DataPath, target: DataPath, _: set[str]) -> Any:
    plain = ("institution", "area", "degree", "location")
    return _entry(t, source, target, Education, plain)


def _project(t: Translation, source: DataPath, target: DataPath, _: set[str]) -> Any:
    return _entry(t, source, target, Project, ("name",))


def _publication(t: Translation, source: DataPath, target: DataPath, taken: set[str]) -> Any:
    record = t.record(
        source, target, Publication, {"summary": "abstract"}, handled=frozenset({"url"})
    )
    if not isinstance(record, dict):
        return record
    _read_markdown(record, ("title", "journal"))
    authors = record.get("authors")
    if isinstance(authors, list):
        record["authors"] = [_plain_name(author) for author in authors]
    url = t.get((*source, "url"))
    if url:
        record["links"] = {"link": url}
        t.place((*target, "links"), (*source, "url"))
        t.place((*target, "links", "link"), (*source, "url"))
    title = record.get("title")
    record["id"] = slug(str(title) if title is not None else "", taken)
    t.place((*target, "id"), source)
    return record


def _plain_name(author: Any) -> Any:
    if not isinstance(author, str):
        return author
    match = _EMPHASIS.match(author.strip())
    return _plain_text(match.group(2) if match else author)[0]


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("zero").enable(["emphasis", "link", "backticks", "escape", "entity"])


_MARKUP = re.compile(r"[*_\[\]`\\&]")


def _plain_text(text: str) -> tuple[str, str | None]:
    """The words of RenderCV Markdown, and the target of a link that is the whole text."""
    if not _MARKUP.search(text):
        return text, None
    tokens = _markdown().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    words = "".join(token.content for token in children if token.type in _WORDS)
    hrefs = [str(token.attrGet("href")) for token in children if token.type == "link_open"]
    whole_link = len(hrefs) == 1 and children[0].type == "link_open"
    whole_link = whole_link and children[-1].type == "link_close"
    return words, hrefs[0] if whole_link else None


_WORDS = frozenset({"text", "code_inline"})


def _read_markdown(record: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Markdown in fields shown as plain text: its words, and a whole link as ``url``."""
    for key in keys:
        value = record.get(key)
        if not isinstance(value, str):
            continue
        words, url = _plain_text(value)
        record[key] = words
        if url and key in ("name", "company", "institution") and "url" not in record:
            record["url"] = url


_ENTRIES = {
    "experience": _experience,
    "education": _education,
    "publications": _publication,
    "projects": _project,
}


def _profile(t: Translation, source: DataPath) -> Any:
    cv = t.get(source)
    handled = frozenset({"website", "social_networks", "custom_connections", "sections", "email"})
    profile = t.record(source, (), Profile, handled=handled)
    assert profile is not None
    _read_markdown(profile, ("name", "headline", "location"))
    email = cv.get("email")
    if isinstance(email, list) and email:  # RenderCV 2.4 allows several: the card shows one
        profile["email"] = t.copy((*source, "email", 0), ("email",))
        for index in range(1, len(email)):
            t.not_shown((*source, "email", index))
    elif email:
        profile["email"] = t.copy((*source, "email"), ("email",))
    links: dict[str, Any] = {}
    websites = cv.get("website")
    for index, website in enumerate(websites if isinstance(websites, list) else [websites]):
        if website:
            label = "homepage" if index == 0 else f"website {index + 1}"
            where = (
                (*source, "website", index) if isinstance(websites, list) else (*source, "website")
            )
            links[label] = t.copy(where, ("links", label))
    connections = cv.get("custom_connections")
    for index, entry in enumerate(connections if isinstance(connections, list) else []):
        if isinstance(entry, dict) and entry.get("url") and entry.get("placeholder"):
            label = str(entry["placeholder"])
            links[label] = t.copy((*source, "custom_connections", index, "url"), ("links", label))
        elif entry:
            t.not_shown((*source, "custom_connections", index))
    networks = cv.get("social_networks")
    if networks is not None and not isinstance(networks, list):
        t.warn(
            "cv.social_networks should be a list of networks; none is shown",
            (*source, "social_networks"),
        )
    for index, entry in enumerate(networks if isinstance(networks, list) else []):
        where = (*source, "social_networks", index)
        link = social_link(entry)
        if link is None:
            network = entry.get("network") if isinstance(entry, dict) else entry
            t.warn(f"social network {network!r} is not known; its link is not shown", where)
            continue
        label, url = link
        links[label] = url
        t.place(("links", label), (*where, "username"))
    if links:
        profile["links"] = links
        t.place(("links",), (*source, "social_networks"))
    return profile


def social_link(entry: Any) -> tuple[str, str] | None:
    """(label, URL) of a ``{network, username}`` of a network RenderCV knows, else None."""
    if not isinstance(entry, dict) or not entry.get("username"):
        return None
    network = "".join(str(entry.get("network", "")).lower().split())
    username = str(entry["username"]).strip()
    if network == "mastodon":
        match = _MASTODON.match(username)
        return ("mastodon", f"https://{match.group(2)}/@{match.group(1)}") if match else None
    if network not in SOCIAL_URLS:
        return None
    label, pattern = SOCIAL_URLS[network]
    return label, pattern.format(username)
