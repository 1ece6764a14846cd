"""A RenderCV input file (``John_Doe_CV.yaml``, https://docs.rendercv.com) as records.

``cv.name``, ``cv.email``, ``cv.website`` and ``cv.social_networks`` give the
profile; the sections ``experience``, ``education``, ``publications`` and
``projects`` of ``cv.sections`` give those records (section titles are
compared without case, spaces or underscores). RenderCV's ``start_date``,
``company`` and ``journal`` are aliases of the models, so they stay as
written; a single ``date`` becomes the start of an experience or education
entry, and the ``***Name***`` emphasis RenderCV puts on your name in author
lists is removed (this site highlights your name by itself).
"""

from __future__ import annotations

import re
from typing import Any

from ..loader import DataPath, YamlDocument
from ..models import Education, Experience, Profile, Project, Publication
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
        translation.result.data = _profile(translation, ("cv",))
        return translation.result
    titles = section_titles(document.data, kind)
    if not titles:
        translation = Translation(document, None)
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


def _dated(t: Translation, source: DataPath, target: DataPath, record: Any) -> Any:
    """RenderCV's single ``date`` is when it started, unless a start is given."""
    if isinstance(record, dict) and "start_date" not in record and t.get((*source, "date")):
        record["start"] = t.copy((*source, "date"), (*target, "start"))
    return record


def _experience(t: Translation, source: DataPath, target: DataPath, _: set[str]) -> Any:
    return _dated(t, source, target, t.record(source, target, Experience))


def _education(t: Translation, source: DataPath, target: DataPath, _: set[str]) -> Any:
    return _dated(t, source, target, t.record(source, target, Education))


def _project(t: Translation, source: DataPath, target: DataPath, _: set[str]) -> Any:
    return t.record(source, target, Project)


def _publication(t: Translation, source: DataPath, target: DataPath, taken: set[str]) -> Any:
    record = t.record(source, target, Publication, {"summary": "abstract"})
    if not isinstance(record, dict):
        return record
    authors = record.get("authors")
    if isinstance(authors, list):
        record["authors"] = [_plain_name(author) for author in authors]
    url = t.get((*source, "url"))
    if url is not None:
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
    return match.group(2) if match else author


_ENTRIES = {
    "experience": _experience,
    "education": _education,
    "publications": _publication,
    "projects": _project,
}


def _profile(t: Translation, source: DataPath) -> Any:
    cv = t.get(source)
    profile = t.record(source, (), Profile)
    assert profile is not None
    links: dict[str, Any] = {}
    if cv.get("website"):
        links["homepage"] = t.copy((*source, "website"), ("links", "homepage"))
    networks = cv.get("social_networks")
    if networks is not None and not isinstance(networks, list):
        t.warn(
            "cv.social_networks should be a list of networks; none is shown",
            (*source, "social_networks"),
        )
    for index, entry in enumerate(networks if isinstance(networks, list) else []):
        where = (*source, "social_networks", index)
        link = _social_link(entry)
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


def _social_link(entry: Any) -> tuple[str, str] | None:
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
