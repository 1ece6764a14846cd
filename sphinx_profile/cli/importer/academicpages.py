"""An academicpages (Jekyll, Minimal Mistakes) site as a sphinx-profile site."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ...data.formats import jekyll
from ...data.formats.collection import CollectionEntry
from ...data.formats.frontmatter import FrontMatterFile
from ...data.formats.translate import slug
from .common import (
    add_collection,
    copy_avatar,
    cv_page,
    data_source,
    jekyll_posts,
    keep_redirects,
    list_unlisted,
    listing,
    listing_page,
    localize_links,
    pages_of,
    paper_bodies,
    paper_page,
    problems,
    project_pages,
    read_yaml,
    rel,
    show_previews,
    site_url,
    thumbnail,
)
from .prose import ProseContext, convert
from .report import CONVERTED, NOT_CONVERTED, PROSE
from .site import ImportedSite
from .socials import ACADEMICPAGES_LINKS

PROFILE_KEYS = {"name": "name", "employer": "affiliation", "location": "location", "email": "email"}

COLLECTION_KINDS = {
    "publications": "publications",
    "talks": "talks",
    "teaching": "teaching",
    "portfolio": "projects",
}
"""A collection a page may list (``site.portfolio``) -> the kind of its records."""
TSV_COLUMNS = {
    "pub_date": "date",
    "title": "title",
    "venue": "venue",
    "excerpt": "abstract",
    "citation": "note",
    "paper_url": "paper",
    "slides_url": "slides",
    "bibtex_url": "bibtex",
    "url_slug": None,
}


def looks_like(source: Path) -> bool:
    return (
        (source / "_config.yml").is_file()
        and any((source / folder).is_dir() for folder in ("_publications", "_talks", "_pages"))
        and not (source / "_bibliography").is_dir()
    )


def import_site(source: Path) -> ImportedSite:
    config = _mapping(read_yaml(source / "_config.yml"))
    site = ImportedSite("academicpages", source)
    author = _mapping(config.get("author"))
    site.project = str(
        author.get("name") or config.get("name") or config.get("title") or site.project
    )
    site.url = site_url(config.get("url"), config.get("baseurl"))
    site.report.add("_config.yml", CONVERTED, "data/profile.yaml, conf.py", _profile(site, author))
    context = _context(site, config)

    categories = jekyll.DEFAULT_CATEGORIES | {
        str(key): str(value.get("title", key)) if isinstance(value, dict) else str(key)
        for key, value in (config.get("publication_category") or {}).items()
    }
    folders = {
        "_publications": "publications",
        "_talks": "talks",
        "_teaching": "teaching",
        "_portfolio": "projects",
    }
    collections: dict[str, list[CollectionEntry]] = {}
    for folder, kind in folders.items():
        path = source / folder
        if not path.is_dir():
            continue
        entries = jekyll.read_collection(path, kind, categories=categories)
        project_pages(site, entries, context)
        paper_bodies(site, entries, context)
        for entry in entries if kind == "publications" else []:
            # Minimal Mistakes' `header: teaser:` names an image of images/.
            header = entry.front.get("header")
            teaser = header.get("teaser") if isinstance(header, dict) else None
            if isinstance(teaser, str) and teaser.strip():
                image = teaser.strip().lstrip("/")
                thumbnail(site, entry, image if "/" in image else f"images/{image}", "header")
        collections[kind] = entries
        add_collection(site, entries, kind, f"{kind}.yaml")
    _generator_inputs(site)
    if data_source(site, "publications") == "publications.bib":
        context.listings["publications"] = listing("publications", "publications.bib")
    localize_links(site, context)
    jekyll_posts(site, context)
    _pages(site, context)
    list_unlisted(site, ("publications", "talks", "teaching", "projects"))
    for kind, entries in collections.items():
        for entry in entries:
            # Each entry had a page of its own; its address now leads to the list.
            permalink, record = entry.front.get("permalink"), entry.record
            if not isinstance(permalink, str) or record is None or kind not in site.listed:
                continue
            if kind == "publications":
                site.add_redirect(permalink, paper_page(record).removesuffix(".html"))
            else:
                site.add_redirect(permalink, site.listed[kind])
    _navigation(site)
    show_previews(site)
    _rest(site)
    return site


def _profile(site: ImportedSite, author: dict[str, Any]) -> list[str]:
    notes: list[str] = []
    profile: dict[str, Any] = {"name": site.project}
    for key, field in PROFILE_KEYS.items():
        if author.get(key):
            profile[field] = str(author[key])
    if author.get("bio"):
        profile["headline"] = str(author["bio"])
    site.data["profile.yaml"] = profile
    avatar = author.get("avatar")
    if isinstance(avatar, str) and avatar and (note := copy_avatar(site, avatar, "images")):
        notes.append(note)
    links: dict[str, str] = {}
    for key, value in author.items():
        if value in (None, "") or key in PROFILE_KEYS or key in ("bio", "avatar"):
            continue
        if key in ACADEMICPAGES_LINKS:
            label, pattern = ACADEMICPAGES_LINKS[key]
            text = str(value).strip()
            links[label] = (
                text
                if text.startswith(("http://", "https://")) or pattern is None
                else pattern.format(text.strip("@/"))
            )
        else:
            notes.append(f"author.{key} ({value!r}) is not shown: the profile has no such field")
    if links:
        profile["links"] = links
    return notes


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _context(site: ImportedSite, config: dict[str, Any]) -> ProseContext:
    author = _mapping(config.get("author"))
    variables = {
        f"site.author.{key}": str(value) for key, value in author.items() if value not in (None, "")
    }
    variables |= {
        f"site.{key}": str(value) for key, value in config.items() if isinstance(value, str)
    }
    variables.pop("site.url", None)
    variables.pop("site.baseurl", None)
    urls = tuple(str(config[key]) for key in ("url",) if isinstance(config.get(key), str))
    listings = {
        name: listing(kind)
        for name, kind in (
            ("publications", "publications"),
            ("talks", "talks"),
            ("teaching", "teaching"),
            ("portfolio", "projects"),
            ("posts", "news"),
        )
    }
    return ProseContext(
        variables=variables,
        listings=listings,
        site_urls=urls,
        local_file=lambda path: (site.source / path).is_file() and not path.startswith("_"),
    )


def _generator_inputs(site: ImportedSite) -> None:
    """``markdown_generator/*.tsv`` and ``.bib``: the input of the files in ``_publications/``."""
    folder = site.source / "markdown_generator"
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        source = rel(site, path)
        if path.suffix == ".tsv" and path.stem == "publications":
            if "publications.yaml" in site.data:
                site.report.add(
                    source,
                    NOT_CONVERTED,
                    notes=["_publications/ (made from it) was converted instead"],
                )
            else:
                records = _tsv_publications(path)
                site.data["publications.yaml"] = records
                site.report.add(
                    source, CONVERTED, "data/publications.yaml", [f"{len(records)} publications"]
                )
        elif path.suffix == ".bib":
            if "publications.yaml" in site.data or "publications.bib" in site.raw_data:
                site.report.add(
                    source,
                    NOT_CONVERTED,
                    notes=["_publications/ (made from it) was converted instead"],
                )
            else:
                site.raw_data["publications.bib"] = path.read_bytes()
                notes = problems(path, ("publications",))
                site.report.add(source, CONVERTED, "data/publications.bib", notes)
        elif path.suffix in (".tsv", ".bib", ".py", ".ipynb"):
            site.report.add(
                source,
                NOT_CONVERTED,
                notes=["a generator of Jekyll files; the files themselves were read"],
            )


def _tsv_publications(path: Path) -> list[dict[str, Any]]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter="\t")
    records: list[dict[str, Any]] = []
    taken: set[str] = set()
    for row in rows:
        title = (row.get("title") or "").strip()
        if not title:
            continue
        record: dict[str, Any] = {"id": slug(row.get("url_slug") or title, taken), "title": title}
        links: dict[str, str] = {}
        for column, field in TSV_COLUMNS.items():
            value = (row.get(column) or "").strip()
            if not value or field is None:
                continue
            if field in ("paper", "slides", "bibtex"):
                links[field] = value
            elif field == "note":
                authors = jekyll.citation_authors(value)
                if authors:
                    record["authors"] = authors
                else:
                    record["note"] = jekyll.plain_text(value)
            else:
                record[field] = jekyll.plain_text(value)
        if links:
            record["links"] = links
        records.append(record)
    return records


def _pages(site: ImportedSite, context: ProseContext) -> None:
    for file, source in pages_of(site, (".md", ".html", ".markdown")):
        _page(site, context, file, source)


def _page(site: ImportedSite, context: ProseContext, file: FrontMatterFile, source: str) -> None:
    data = file.data
    permalink = str(data.get("permalink") or f"/{file.path.stem}/")
    title = str(data.get("title") or file.path.stem)
    if "404" in permalink:
        site.report.add(
            source, NOT_CONVERTED, notes=["a page-not-found page: the theme has its own"]
        )
        return
    if "cv-template" in file.body or data.get("layout") == "cv-layout":
        _cv_json(site, file, source, title)
        return
    kinds = [COLLECTION_KINDS[name] for name in COLLECTION_KINDS if f"site.{name}" in file.body]
    kind = kinds[0] if len(kinds) == 1 else None
    if file.path.suffix == ".html" and kind is None:
        site.report.add(
            source, NOT_CONVERTED, notes=["an HTML page: copy what you need into a Markdown page"]
        )
        return
    if permalink.strip("/") == "" and "index" not in site.pages:
        docname = "index"
    else:
        docname = slug(permalink.strip("/") or file.path.stem, set(site.pages))
    if kind is not None and not data_source(site, kind):
        site.report.add(source, NOT_CONVERTED, notes=[f"lists {kind}, of which the site has none"])
        return
    if file.path.suffix == ".html":
        assert kind is not None
        site.pages[docname] = listing_page(site, kind, title)
        notes = ["an HTML page listing a collection: replaced by the list of its entries"]
        site.report.add(source, CONVERTED, f"{docname}.md", notes)
    else:
        prose = convert(file.body, context, title)
        _copy(site, prose.files)
        text, notes = prose.text, prose.notes
        if data.get("author_profile") and docname == "index":
            head, _, rest = text.partition("\n")
            text = f"{head}\n\n```{{profile}}\n```\n{rest}"
            notes = ["author_profile: true became the profile card", *notes]
        site.pages[docname] = text
        site.report.add(source, PROSE, f"{docname}.md", notes)
    if kind is not None and (kind not in site.listed or docname == kind):
        site.listed[kind] = docname  # the page named after the kind wins over a CV
    if docname != "index":
        site.toctree.append(docname)
    keep_redirects(site, file, docname)
    site.add_redirect(permalink, docname)


def _cv_json(site: ImportedSite, file: FrontMatterFile, source: str, title: str) -> None:
    cv = site.source / "_data" / "cv.json"
    if not cv.is_file():
        site.report.add(source, NOT_CONVERTED, notes=["uses _data/cv.json, which is missing"])
        return
    docname = slug(str(file.data.get("permalink") or "cv-json").strip("/"), set(site.pages))
    notes = cv_page(site, docname, title, cv, "cv.json")
    site.report.add(source, CONVERTED, f"{docname}.md", ["the CV of _data/cv.json (JSON Resume)"])
    site.report.add("_data/cv.json", CONVERTED, "data/cv.json", notes)
    keep_redirects(site, file, docname)


def _copy(site: ImportedSite, paths: set[str]) -> None:
    for path in sorted(paths):
        site.copy_file(path)


def _navigation(site: ImportedSite) -> None:
    navigation = read_yaml(site.source / "_data" / "navigation.yml")
    if not isinstance(navigation, dict) or not isinstance(navigation.get("main"), list):
        return
    order: list[str] = []
    notes: list[str] = []
    for item in navigation["main"]:
        url = str(item.get("url", "")).strip("/") if isinstance(item, dict) else ""
        docname = next(
            (name for name in site.toctree if name == slug(url, set()) or name == url), None
        )
        if docname is None and site.redirects.get(url + "/index"):
            docname = site.redirects[url + "/index"].strip("/").removesuffix(".html")
        if docname and docname in site.toctree and docname not in order:
            order.append(docname)
        elif url:
            notes.append(f"menu item {item.get('title')!r} ({url}) has no page here")
    site.toctree[:] = order + [name for name in site.toctree if name not in order]
    site.report.add("_data/navigation.yml", CONVERTED, "index.md (toctree order)", notes)


HANDLED = {
    "_config.yml",
    "_pages",
    "_publications",
    "_talks",
    "_teaching",
    "_portfolio",
    "_posts",
    "markdown_generator",
    "_data",
}


def _rest(site: ImportedSite) -> None:
    """Everything else of the old site: theme, layouts, assets, reported once per folder."""
    copied = {path.split("/")[1] for path in site.copies if path.startswith("_extra/")}
    for path in sorted(site.source.iterdir()):
        name = path.name
        if name.startswith(".") or name in HANDLED or name in copied:
            continue
        site.report.add(name + ("/" if path.is_dir() else ""), NOT_CONVERTED, notes=[_why(name)])
    data = site.source / "_data"
    if data.is_dir():
        for path in sorted(data.iterdir()):
            if path.name == "cv.json" and "cv.json" not in site.raw_data:
                site.report.add(rel(site, path), NOT_CONVERTED, notes=["no page shows it"])
            elif path.name not in ("navigation.yml", "cv.json"):
                site.report.add(
                    rel(site, path), NOT_CONVERTED, notes=["theme data (menus, labels, comments)"]
                )
    for folder in sorted(copied):
        site.report.add(
            f"{folder}/",
            CONVERTED,
            f"_extra/{folder}/",
            ["the files the pages and data link to were copied; the others were not"],
        )


def _why(name: str) -> str:
    if name in ("_layouts", "_includes", "_sass", "assets", "_site"):
        return "the Jekyll theme: the new site uses a Sphinx theme"
    if name in ("Gemfile", "Gemfile.lock", "package.json", "Dockerfile", "docker-compose.yaml"):
        return "the Jekyll build set-up"
    if name.startswith("talkmap"):
        return "the talk map generator"
    return "not part of the site's content"
