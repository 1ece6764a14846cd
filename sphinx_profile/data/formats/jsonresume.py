"""JSON Resume (``resume.json``, https://jsonresume.org/schema) as this project's records.

``basics`` gives the profile, ``work`` the experience, ``education`` the
education, ``publications`` the publications, ``projects`` the projects,
``awards`` the awards, ``volunteer`` the service and ``skills`` with
``languages`` the skills. The ``cv`` directive shows the other sections too
(:data:`CV_SECTIONS`).
Keys the models know under another spelling (``startDate``, ``studyType``,
``releaseDate``, ``keywords``, ``entity``) are kept as written. Nothing is left
out silently: a field no page shows (``phone``, ``score``, ``courses``) is
reported once, with the subtype ``profile.not-shown``, and so is a top-level
key that no directive shows (see :func:`_note_owner_and_sections`).
"""

from __future__ import annotations

from typing import Any

from ..loader import DataPath, YamlDocument
from ..models import RECORD_MODELS, Education, Experience, Profile, Project, Publication
from .rendercv import social_link
from .translate import Translation, slug

SECTIONS = {
    "profile": "basics",
    "experience": "work",
    "education": "education",
    "publications": "publications",
    "projects": "projects",
    "awards": "awards",
    "service": "volunteer",
    "skills": "skills",
}
"""File kind -> the JSON Resume section it is read from."""

MORE_SECTIONS = {"skills": ("languages",)}
"""File kind -> the sections read after its own (the languages join the skills)."""

CV_SECTIONS = {
    **{section: kind for kind, section in SECTIONS.items()},
    "languages": "skills",
    "interests": "skills",
    "certificates": "cv-section",
    "references": "cv-section",
}
"""Every section of a JSON Resume -> the kind the ``cv`` directive shows it as."""

NOT_CV_CONTENT = frozenset({"meta", "$schema"})
"""Top-level keys about the file, not the person: ``cv`` has nothing to show of them."""

TOP_LEVEL_KEYS = frozenset(
    {
        *SECTIONS.values(),
        "volunteer",
        "awards",
        "certificates",
        "skills",
        "languages",
        "interests",
        "references",
        "meta",
    }
)


def is_json_resume(data: Any) -> bool:
    """A mapping with ``basics``, or with two sections or more, and no top-level ``name``.

    One section alone (``publications:`` over a list) is more often a file of
    this project wrapped in a key, and a profile always has a ``name``.
    """
    if not isinstance(data, dict) or "name" in data:
        return False
    return "basics" in data or len(TOP_LEVEL_KEYS.intersection(data)) >= 2


def kinds_in(data: Any) -> list[str]:
    """The kinds of records ``data`` (a JSON Resume) holds."""
    return [kind for kind, section in SECTIONS.items() if data.get(section)]


def from_json_resume(document: YamlDocument, kind: str, name: str) -> YamlDocument:
    section = SECTIONS[kind]
    if document.data.get(section) is None and not any(
        document.data.get(more) for more in MORE_SECTIONS.get(kind, ())
    ):
        translation = Translation(document, None)
        _note_owner_and_sections(translation)
        translation.warn(f"{name} has no '{section}' section, so there is no {kind} to show", ())
        return translation.result
    sections = [section, *MORE_SECTIONS.get(kind, ())]
    return section_document(document, [s for s in sections if s in document.data], kind)


def section_document(document: YamlDocument, sections: list[str], kind: str) -> YamlDocument:
    """The records of ``kind`` that ``sections`` of the file hold, one after the other."""
    single = kind == "profile"
    translation = Translation(document, {} if single else [])
    _note_owner_and_sections(translation)
    if single:
        translation.result.data = _profile(translation, (sections[0],))
        return translation.result
    records: list[Any] = []
    taken: set[str] = set()
    make = _ENTRIES.get(kind, _plain)
    for section in sections:
        value = translation.get((section,))
        if not isinstance(value, list):
            if len(sections) == 1:
                translation.copy((section,), ())
                translation.result.data = value  # reported by validation as "expected a list"
                return translation.result
            continue
        for index in range(len(value)):
            records.append(make(translation, (section, index), (len(records),), taken, kind))
    translation.result.data = records
    return translation.result


def _plain(t: Translation, source: DataPath, target: DataPath, _: set[str], kind: str) -> Any:
    """A record of a kind whose model knows JSON Resume's keys as aliases."""
    return t.record(source, target, RECORD_MODELS[kind])


def _note_owner_and_sections(t: Translation) -> None:
    """Whom the resume is about; a top-level key no directive shows, reported once.

    Every section the schema knows is shown by a directive (the ``cv`` directive
    shows them all, and any list of entries of your own); what is left is a
    key of your own that holds no list. Every translation reports it (one
    warning after deduplication), whichever directive reads the file.
    """
    basics = t.get(("basics",))
    if isinstance(basics, dict) and isinstance(basics.get("name"), str):
        t.result.owner = basics["name"].strip() or None
    for key, value in t.source.data.items():
        shown = key in CV_SECTIONS or key in NOT_CV_CONTENT or isinstance(value, list)
        if value and not shown:
            t.not_shown((key,), "section")


def _experience(t: Translation, source: DataPath, target: DataPath, *_: Any) -> Any:
    # "description" describes the company, not the position.
    return t.record(source, target, Experience, {"description": "about"})


def _education(t: Translation, source: DataPath, target: DataPath, *_: Any) -> Any:
    return t.record(source, target, Education)


def _project(t: Translation, source: DataPath, target: DataPath, *_: Any) -> Any:
    record = t.record(source, target, Project, handled=frozenset({"roles"}))
    roles = t.get((*source, "roles"))
    if isinstance(record, dict) and isinstance(roles, list) and roles:
        record["role"] = ", ".join(str(role) for role in roles)
        t.place((*target, "role"), (*source, "roles"))
    return record


def _publication(
    t: Translation, source: DataPath, target: DataPath, taken: set[str], *_: Any
) -> Any:
    record = t.record(
        source,
        target,
        Publication,
        {"name": "title", "summary": "abstract"},
        handled=frozenset({"url"}),
    )
    if not isinstance(record, dict):
        return record
    url = t.get((*source, "url"))
    if url is not None:
        record["links"] = {"link": url}
        t.place((*target, "links"), (*source, "url"))
        t.place((*target, "links", "link"), (*source, "url"))
    title = record.get("title")
    record["id"] = slug(str(title) if title is not None else "", taken)
    t.place((*target, "id"), source)
    return record


LOCATION_PARTS = ("city", "region", "countryCode")
"""The parts of ``basics.location`` the card shows, in order (not the street address)."""

_ENTRIES = {
    "experience": _experience,
    "education": _education,
    "publications": _publication,
    "projects": _project,
}


def _profile(t: Translation, source: DataPath) -> Any:
    basics = t.get(source)
    if not isinstance(basics, dict):
        return t.copy(source, ())
    profile = t.record(
        source, (), Profile, handled=frozenset({"image", "location", "url", "profiles"})
    )
    assert profile is not None
    image = basics.get("image")
    if isinstance(image, str) and image.strip():
        if "://" in image:
            t.warn(
                "basics.image is a web address; the card shows a photo only from a file "
                "in the data folder, so none is shown",
                (*source, "image"),
            )
        else:
            profile["avatar"] = t.copy((*source, "image"), ("avatar",))
    location = basics.get("location")
    if isinstance(location, dict):
        parts = [location.get(key) for key in LOCATION_PARTS]
        profile["location"] = ", ".join(str(part) for part in parts if part)
        t.place(("location",), (*source, "location"))
        for key, value in location.items():
            if key not in LOCATION_PARTS and value:
                t.not_shown((*source, "location", key))
    elif isinstance(location, str) and location.strip():
        profile["location"] = t.copy((*source, "location"), ("location",))
    links: dict[str, Any] = {}
    if basics.get("url"):
        links["homepage"] = t.copy((*source, "url"), ("links", "homepage"))
    profiles = basics.get("profiles")
    if profiles is not None and not isinstance(profiles, list):
        t.warn(
            "basics.profiles should be a list of profiles; it is not shown", (*source, "profiles")
        )
    for index, entry in enumerate(profiles if isinstance(profiles, list) else []):
        if not isinstance(entry, dict):
            continue
        # The network as written: the card labels known ones itself (``SoundCloud``).
        network = str(entry.get("network") or "link").strip() or "link"
        where = (*source, "profiles", index)
        known = social_link(entry)  # a username alone, of a network RenderCV knows
        if entry.get("url"):
            links[network] = t.copy((*where, "url"), ("links", network))
        elif known is not None:
            links[network] = known[1]
            t.place(("links", network), (*where, "username"))
        else:
            t.warn(f"profile '{network}' has no url; it is not shown", where)
    if links:
        profile["links"] = links
        t.place(("links",), (*source, "profiles"))
    return profile
