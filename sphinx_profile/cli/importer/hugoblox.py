"""A HugoBlox (Hugo Academic) site as a sphinx-profile site.

The owner is ``data/authors/me.yaml`` (current templates) or
``content/authors/admin/_index.md`` (2024 templates); publications and events
are page bundles (:mod:`sphinx_profile.data.formats.hugoblox`).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from ...data.formats import hugoblox
from ...data.formats.frontmatter import iso_date, read_front_matter
from ...data.loader import DataFileError
from . import hugoblox_home
from .common import (
    add_collection,
    keep_redirects,
    listing_page,
    localize_links,
    paper_page,
    read_yaml,
    rel,
    show_previews,
    site_url,
    thumbnail,
)
from .prose import ProseContext
from .report import CONVERTED, NOT_CONVERTED
from .site import ImportedSite

SECTIONS = (("publications", "publications"), ("publication", "publications"), ("event", "talks"))


def looks_like(source: Path) -> bool:
    content = source / "content"
    return content.is_dir() and (
        (source / "data" / "authors").is_dir()
        or (content / "authors").is_dir()
        or any((content / name).is_dir() for name, _ in SECTIONS)
    )


CONFIG_FILES = tuple(
    f"{folder}{name}.{suffix}"
    for folder in ("config/_default/", "")
    for name in ("hugo", "config")
    for suffix in ("yaml", "yml", "toml")
)
"""Where a Hugo site keeps its configuration, current names first."""


def import_site(source: Path) -> ImportedSite:
    site = ImportedSite("hugoblox", source)
    _config(site)
    _owner(site)
    owner = site.data.get("profile.yaml", {}).get("name")
    for folder, kind in SECTIONS:
        path = source / "content" / folder
        if not path.is_dir() or f"{kind}.yaml" in site.data:
            continue
        entries = hugoblox.read_section(path, kind, owner)
        for entry in entries if kind == "publications" else []:
            # A bundle's featured.png (or .jpg) is its thumbnail.
            featured = sorted(entry.path.parent.glob("featured.*"))
            if featured and entry.path.name.startswith("index."):
                thumbnail(site, entry, rel(site, featured[0]), "image")
        add_collection(site, entries, kind, f"{kind}.yaml")
        for entry in entries:
            # Hugo served each bundle at /<section>/<name>/; it is now an entry of a list.
            record = entry.record
            if record is not None and entry.source is not None:
                # A publication keeps a page of its own (the list has :pages:).
                target = (
                    paper_page(record).removesuffix(".html") if kind == "publications" else kind
                )
                site.add_redirect(f"/{folder}/{entry.path.parent.name}/", target)
                keep_redirects(site, entry.source, target)
        for bib in sorted(path.glob("*/cite.bib")):
            site.report.add(rel(site, bib), CONVERTED, "data/publications.yaml (bibtex)")
        if f"{kind}.yaml" in site.data:
            site.pages[kind] = listing_page(site, kind)
            site.toctree.append(kind)
    converted = _widgets(site)
    # Hugo serves static/ at the site's root: files linked from there are copied.
    site.served = "static"
    context = ProseContext(
        site_urls=(site.url,) if site.url else (),
        local_file=lambda path: (source / "static" / path).is_file(),
    )
    converted |= hugoblox_home.blog(site, context)  # news first: the landing page may list it
    landing = hugoblox_home.landing(site, context, converted)
    converted |= landing.files
    about = ["# " + str(owner or site.project), "```{profile}\n```", *landing.sections]
    for kind in ("experience", "education", "skills", "awards"):
        # Lists of the author's file that no block of the old landing page showed.
        if f"{kind}.yaml" in site.data and kind not in landing.shown:
            about.append(f"## {kind.capitalize()}\n\n```{{{kind}}}\n```")
    site.pages["index"] = "\n\n".join(part.strip() for part in about) + "\n"
    for child in sorted((source / "content").iterdir()):
        if child.name in {name for name, _ in SECTIONS} | {"authors"}:
            continue
        files = (
            sorted(path for path in child.rglob("*") if path.is_file()) if child.is_dir() else []
        )
        if not converted.intersection(files):
            files = [child]
        for path in files:
            if path not in converted:
                site.report.add(rel(site, path), NOT_CONVERTED, notes=["a page of the Hugo theme"])
    localize_links(site, context)
    show_previews(site)
    for path in sorted(source.iterdir()):
        if path.name in ("content", "data") or path.name.startswith("."):
            continue
        if path.name == "static" and any(old.startswith("_extra/") for old in site.copies):
            note = "the files the pages and data link to were copied; the others were not"
            site.report.add("static/", CONVERTED, "_extra/", [note])
        else:
            site.report.add(path.name, NOT_CONVERTED, notes=["the Hugo theme and build set-up"])
    return site


def _config(site: ImportedSite) -> None:
    """The site's address (``baseURL``) from its configuration."""
    path = next(
        (site.source / name for name in CONFIG_FILES if (site.source / name).is_file()), None
    )
    if path is None:
        return
    if path.suffix == ".toml":
        try:
            config = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
            config = None
    else:
        config = read_yaml(path)
    base = config.get("baseURL") or config.get("baseurl") if isinstance(config, dict) else None
    site.url = site_url(base)
    if site.url:
        site.report.add(
            rel(site, path), CONVERTED, "conf.py", [f"baseURL {site.url} is html_baseurl"]
        )


def _widgets(site: ImportedSite) -> set[Path]:
    """The experience widget of a landing page (``content/home/experience.md``, 2024 and before)."""
    sections = {site.source / "content" / name for name, _ in SECTIONS}
    converted: set[Path] = set()
    for path in sorted((site.source / "content").rglob("*.md")):
        if any(path.is_relative_to(section) for section in sections):
            continue
        try:
            data = read_front_matter(path).data
        except DataFileError:
            continue
        items = data.get("experience")
        if not isinstance(items, list) or "experience.yaml" in site.data:
            continue
        site.data["experience.yaml"] = _cv_records(items, EXPERIENCE_KEYS)
        known = {*EXPERIENCE_KEYS, *(key for keys in _DATES.values() for key in keys), "summary"}
        unknown = sorted({key for item in items if isinstance(item, dict) for key in item} - known)
        notes = [f"{key} is not shown here" for key in unknown]
        site.report.add(rel(site, path), CONVERTED, "data/experience.yaml", notes)
        converted.add(path)
    return converted


def _owner(site: ImportedSite) -> None:
    """The site's owner becomes the profile; the other authors, a lab's people."""
    people: list[dict[str, Any]] = []
    authors = site.source / "data" / "authors"
    for path in sorted(authors.glob("*.yaml")) if authors.is_dir() else []:
        data = read_yaml(path)
        if not isinstance(data, dict):
            site.report.add(rel(site, path), NOT_CONVERTED, notes=["not a mapping of an author"])
        elif (data.get("is_owner") or path.stem == "me") and "profile.yaml" not in site.data:
            _current_author(site, path, data)
        else:
            name = data.get("name")
            display = name.get("display") if isinstance(name, dict) else name
            people.append(_member(path.stem, display, data.get("role"), data.get("links"), "url"))
            site.report.add(rel(site, path), CONVERTED, "data/people.yaml")
    legacy = site.source / "content" / "authors"
    for folder in sorted(legacy.iterdir()) if legacy.is_dir() else []:
        index = folder / "_index.md"
        if not index.is_file():
            continue
        try:
            file = read_front_matter(index)
        except DataFileError as err:
            site.report.add(rel(site, index), NOT_CONVERTED, notes=[err.message])
            continue
        data = file.data
        if (data.get("superuser") or folder.name == "admin") and "profile.yaml" not in site.data:
            _legacy_author(site, folder, data, file.body)
        else:
            people.append(
                _member(
                    folder.name, data.get("title"), data.get("role"), data.get("social"), "link"
                )
            )
            site.report.add(rel(site, index), CONVERTED, "data/people.yaml")
    if people:
        site.data["people.yaml"] = people
        site.pages["people"] = "# People\n\n```{people}\n```\n"
        site.toctree.append("people")


def _member(slug_: str, name: Any, role: Any, links: Any, key: str) -> dict[str, Any]:
    """Another author of the site, as a member of the lab."""
    member: dict[str, Any] = {"id": slug_, "name": str(name or slug_)}
    if role:
        member["position"] = str(role)
    found = _social(links, key)
    if found:
        member["links"] = found
    return member


def _profile(site: ImportedSite, name: Any, role: Any, organizations: Any) -> dict[str, Any]:
    """The profile's name, headline and affiliation (the first organisation); the site's title."""
    profile: dict[str, Any] = {"name": str(name or site.project)}
    site.project = profile["name"]
    if role:
        profile["headline"] = str(role)
    if isinstance(organizations, list) and organizations and isinstance(organizations[0], dict):
        profile["affiliation"] = str(organizations[0].get("name"))
    site.data["profile.yaml"] = profile
    return profile


def _current_author(site: ImportedSite, path: Path, data: dict[str, Any]) -> None:
    name = data.get("name")
    display = name.get("display") if isinstance(name, dict) else name
    profile = _profile(site, display, data.get("role"), data.get("affiliations"))
    if data.get("bio"):
        profile["bio"] = str(data["bio"]).strip()
    profile["links"] = _social(data.get("links"), "url")
    if not profile["links"]:
        del profile["links"]
    notes = _cv(site, data)
    shown = {
        *hugoblox_home.author_lists(site, data),
        "schema",
        "slug",
        "is_owner",
        "name",
        "role",
        "affiliations",
        "bio",
        "links",
        "education",
        "experience",
    }
    notes += [
        f"{key} is not shown here"
        for key, value in data.items()
        if key not in shown and value not in (None, "", [], {})
    ]
    site.report.add(rel(site, path), CONVERTED, "data/profile.yaml", notes)


def _legacy_author(site: ImportedSite, folder: Path, data: dict[str, Any], body: str) -> None:
    profile = _profile(site, data.get("title"), data.get("role"), data.get("organizations"))
    bio = body.strip() or str(data.get("bio") or "").strip()
    if bio:
        profile["bio"] = bio
    links = _social(data.get("social"), "link")
    if links:
        profile["links"] = links
    avatar = next((path for path in sorted(folder.glob("avatar.*"))), None)
    if avatar is not None:
        site.copy_file(rel(site, avatar), f"data/{avatar.name}")
        profile["avatar"] = avatar.name
    education = data.get("education")
    courses = education.get("courses") if isinstance(education, dict) else None
    records = _cv_records(courses, EDUCATION_KEYS)
    experience = _cv_records(data.get("work") or data.get("experience"), EXPERIENCE_KEYS)
    if experience:
        site.data["experience.yaml"] = experience
    if records:
        site.data["education.yaml"] = records

    shown = {
        "title",
        "role",
        "organizations",
        "bio",
        "social",
        "education",
        "work",
        "experience",
        "first_name",
        "last_name",
        "superuser",
        "highlight_name",
    }
    notes = [
        f"{key} is not shown here"
        for key, value in data.items()
        if key not in shown and value not in (None, "", [], {})
    ]
    site.report.add(rel(site, folder / "_index.md"), CONVERTED, "data/profile.yaml", notes)


def _social(links: Any, key: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for link in links if isinstance(links, list) else []:
        if not isinstance(link, dict) or not link.get(key):
            continue
        url = str(link[key])
        label = str(link.get("icon") or "link").split("/")[-1]
        label = "email" if url.startswith("mailto:") else label
        result.setdefault(label, url)
    return result


EDUCATION_KEYS = {"institution": "institution", "degree": "degree", "course": "degree"}
EXPERIENCE_KEYS = {
    "org": "organization",
    "company": "organization",
    "company_name": "organization",
    "role": "position",
    "title": "position",
    "position": "position",
    "company_url": "url",
    "location": "location",
    "description": "summary",
}
CV_FIELDS = {
    "education": ("education.yaml", EDUCATION_KEYS),
    "experience": ("experience.yaml", EXPERIENCE_KEYS),
}
"""A list of an author file -> (its data file, HugoBlox key -> this site's).

The current ``me.yaml`` (``org``, ``role``, ``start``), the 2024 experience
widget (``company``, ``title``, ``date_start``) and author pages
(``company_name``, ``position``) all name the same things."""
_DATES = {"start": ("start", "date_start"), "end": ("end", "date_end", "year")}


def _cv_records(items: Any, names: dict[str, str]) -> list[dict[str, Any]]:
    """The entries that name their place (an institution, an organisation)."""
    records = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        record: dict[str, Any] = {"summary": item.get("summary")}
        for field, keys in _DATES.items():
            record[field] = next((iso_date(item[key]) for key in keys if item.get(key)), None)
        for key, field in names.items():
            if item.get(key) not in (None, "") and record.get(field) in (None, ""):
                record[field] = item[key]
        record = {key: value for key, value in record.items() if value not in (None, "")}
        if record.get("institution") or record.get("organization"):
            records.append(record)
    return records


def _cv(site: ImportedSite, data: dict[str, Any]) -> list[str]:
    notes: list[str] = []
    for key, (name, names) in CV_FIELDS.items():
        records = _cv_records(data.get(key), names)
        if records:
            site.data[name] = records
    if any(
        isinstance(item, dict) and item.get("button")
        for item in [*(data.get("education") or []), *(data.get("experience") or [])]
    ):
        notes.append("the buttons of education and experience entries are not shown")
    return notes
