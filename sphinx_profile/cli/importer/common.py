"""What the three importers share: reading YAML, collections into data files, listing pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...data.formats.collection import CollectionEntry, Note
from ...data.formats.frontmatter import FrontMatterFile, read_front_matter
from ...data.formats.translate import slug
from ...data.loader import DataFileError, load_yaml_file
from ...data.models import RECORD_MODELS
from ...data.validate import validate_document
from .prose import ProseContext, convert, local_path
from .report import CONVERTED, NOT_CONVERTED, PROSE
from .site import EXTRA_DIR, ImportedSite

LISTINGS = {
    "publications": ("publication-list", ":group-by: year\n:pages:"),
    "talks": ("talks", ""),
    "teaching": ("teaching", ""),
    "projects": ("projects", ""),
    "news": ("news", ""),
}
"""A kind of records -> the directive (and its options) that lists them on a page."""

TITLES = {
    "publications": "Publications",
    "talks": "Talks",
    "teaching": "Teaching",
    "projects": "Projects",
    "news": "News",
}


def listing(kind: str, source: str | None = None) -> str:
    """The MyST block that lists ``kind`` (from ``source`` if it is not the kind's own file)."""
    directive, options = LISTINGS[kind]
    if source:
        options = f":source: {source}\n{options}"
    return f"```{{{directive}}}\n{options}\n```".replace("\n\n```", "\n```")


def data_source(site: ImportedSite, kind: str) -> str | None:
    """The data file of ``kind`` in the new site: ``publications.yaml``, or the
    ``publications.bib`` an old site kept; ``None`` if it has none."""
    if f"{kind}.yaml" in site.data:
        return f"{kind}.yaml"
    if kind == "publications" and "publications.bib" in site.raw_data:
        return "publications.bib"
    return None


def read_yaml(path: Path) -> Any:
    """A YAML file of the old site as plain values, or ``None`` if absent or unreadable."""
    if not path.is_file():
        return None
    try:
        return load_yaml_file(path).data
    except (DataFileError, OSError):
        return None


def site_url(url: Any, path: Any = None) -> str | None:
    """The address a site was published at, as ``html_baseurl`` takes it (ending in ``/``):
    Jekyll's ``url`` and ``baseurl``, Hugo's ``baseURL``; ``None`` for none, or for the
    placeholder the templates ship (``https://example.com/``)."""
    if not isinstance(url, str) or not url.strip().startswith(("http://", "https://")):
        return None
    base = url.strip().rstrip("/")
    if base.split("://", 1)[1].split("/")[0] in ("example.com", "example.org", "localhost"):
        return None
    below = str(path).strip().strip("/") if isinstance(path, str) else ""
    return f"{base}/{below}/" if below else f"{base}/"


def rel(site: ImportedSite, path: Path) -> str:
    try:
        return path.relative_to(site.source).as_posix()
    except ValueError:
        return str(path)


def copy_avatar(site: ImportedSite, image: str, folder: str) -> str | None:
    """Copy the photo ``image`` (a name in ``folder``, or a path) into ``data/`` as the avatar;
    a note if the old site does not have it."""
    old = image.lstrip("/") if "/" in image else f"{folder}/{image}"
    if not (site.source / old).is_file():
        return f"photo {image!r}: no such file in the site, so the card has no photo"
    name = Path(old).name
    site.copy_file(old, f"data/{name}")
    site.data["profile.yaml"]["avatar"] = name
    return None


def problems(path: Path, kinds: tuple[str, ...]) -> list[str]:
    """What the build will say about ``path`` (a file copied as it is) as each of ``kinds``."""
    from ...data.store import load_data_file

    found = []
    for kind in kinds:
        for issue in load_data_file(path, kind).issues:
            found.append(f"line {issue.line}: {issue.message}")
    return list(dict.fromkeys(found))


def cv_page(site: ImportedSite, docname: str, title: str, path: Path, name: str) -> list[str]:
    """A page with the whole CV of ``path`` (JSON Resume, RenderCV), copied as ``data/<name>``;
    what the build will say about the file."""
    from ...data.cv_file import load_cv_file

    site.raw_data[name] = path.read_bytes()
    site.pages[docname] = f"# {title}\n\n```{{cv}}\n:source: {name}\n```\n"
    site.toctree.append(docname)
    found = [f"line {issue.line}: {issue.message}" for issue in load_cv_file(path).issues]
    return ["every section of the CV, through the cv directive", *dict.fromkeys(found)]


def keep_redirects(site: ImportedSite, file: FrontMatterFile, docname: str) -> None:
    """The page's old addresses (``redirect_from``, Hugo's ``aliases``) lead to ``docname``."""
    for key in ("redirect_from", "aliases"):
        old = file.data.get(key)
        for url in [old] if isinstance(old, str) else old if isinstance(old, list) else []:
            site.add_redirect(str(url), docname)


def pages_of(
    site: ImportedSite, suffixes: tuple[str, ...]
) -> Iterator[tuple[FrontMatterFile, str]]:
    """Each page of ``_pages/`` with its path in the old site; other files are reported."""
    folder = site.source / "_pages"
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        source = rel(site, path)
        if path.suffix not in suffixes:
            site.report.add(source, NOT_CONVERTED, notes=["not a page of a kind read here"])
            continue
        try:
            yield read_front_matter(path), source
        except DataFileError as err:
            site.report.add(source, NOT_CONVERTED, notes=[err.message])


def add_collection(
    site: ImportedSite, entries: list[CollectionEntry], kind: str, name: str
) -> list[dict[str, Any]]:
    """The entries' records into ``data/<name>``, each file reported with what it lost."""
    records: list[dict[str, Any]] = []
    target = f"data/{name}"
    for entry in entries:
        source = rel(site, entry.path)
        if entry.record is None:
            site.report.add(source, NOT_CONVERTED, notes=[entry.left_out or "no entry"])
            continue
        notes = [note.message for note in entry.notes]
        if entry.ignored:
            notes.append("layout keys not needed here: " + ", ".join(entry.ignored))
        if kind in RECORD_MODELS:
            checked = validate_document(entry.document, kind)
            notes += [
                f"line {issue.line}: {issue.message}"
                for issue in checked.issues
                if issue.message not in {note.message for note in entry.notes}
            ]
        records.append(entry.record)
        site.report.add(source, CONVERTED, target, notes)
    if records:
        site.data[name] = records
    return records


def listing_page(site: ImportedSite, kind: str, title: str | None = None, prose: str = "") -> str:
    """A page listing ``kind`` through its directive, after the page's own ``prose``."""
    source = data_source(site, kind)
    block = listing(kind, source if source and source != f"{kind}.yaml" else None)
    heading = f"# {title or TITLES[kind]}\n\n"
    if prose.strip():
        heading += prose.strip() + "\n\n"
    return heading + block + "\n"


def localize_links(site: ImportedSite, context: ProseContext) -> None:
    """Links of the data to the old site's own files: the files copied, the links made relative
    (every list is on a page at the root of the new site)."""
    for records in site.data.values():
        for record in records if isinstance(records, list) else [records]:
            if not isinstance(record, dict):
                continue
            links = record.get("links")
            if not isinstance(links, dict):
                continue
            for label, url in list(links.items()):
                path = local_path(str(url), context) if url else None
                if path is not None:
                    site.copy_file(path)
                    links[label] = path


def _prose_url(url: str) -> str:
    """A data link as a page at the root links to it: a copied file by its place in the site."""
    if "://" in url or url.startswith(("mailto:", "/", "#")):
        return url
    return f"/{EXTRA_DIR}/{url}"


def project_pages(
    site: ImportedSite, entries: list[CollectionEntry], context: ProseContext
) -> None:
    """A project whose file has a page of prose besides its description gets that page
    (``projects/<name>.md``), linked from the list when the project has no link of its own."""
    from ...data.formats.jekyll import PROJECT_BODY_NOT_SHOWN

    taken = set(site.pages)
    for entry in entries:
        record = entry.record
        if record is None or PROJECT_BODY_NOT_SHOWN not in [note.message for note in entry.notes]:
            continue
        docname = slug(f"projects/{entry.path.stem}", taken).replace("projects-", "projects/", 1)
        prose = convert(entry.body, context, str(record.get("name") or entry.path.stem))
        for path in sorted(prose.files):
            site.copy_file(path)
        # Not in the navigation: the project list links to it.
        site.pages[docname] = "---\norphan: true\n---\n\n" + prose.text
        record.setdefault("url", f"{docname}.html")
        entry.notes = [note for note in entry.notes if note.message != PROJECT_BODY_NOT_SHOWN]
        entry.document.warnings = [
            warning for warning in entry.document.warnings if warning[0] != PROJECT_BODY_NOT_SHOWN
        ]
        entry.notes.append(Note(f"the body became the page {docname}.md, linked from the list"))


_EMPHASIS_TAGS = re.compile(r"</?(i|em|b|strong)>", re.IGNORECASE)


def thumbnail(site: ImportedSite, entry: CollectionEntry, old: str, key: str) -> None:
    """The publication's thumbnail, the old site's file ``old``, copied into
    ``data/previews/`` as its ``preview``; the note on ``key`` that it was not shown goes."""
    record = entry.record
    if record is None or not (site.source / old).is_file():
        if record is not None:
            entry.notes.append(Note(f"thumbnail {old!r} is not a file of the site"))
        return
    name = f"previews/{record['id']}{Path(old).suffix.lower()}"
    site.copy_file(old, f"data/{name}")
    record["preview"] = name
    dropped = [note for note in entry.notes if f"key '{key}'" in note.message]
    entry.notes = [note for note in entry.notes if note not in dropped]
    entry.document.warnings = [
        warning
        for warning in entry.document.warnings
        if warning[0] not in {note.message for note in dropped}
    ]
    entry.notes.append(Note(f"thumbnail {old} copied to data/{name}"))


def show_previews(site: ImportedSite) -> None:
    """The list of the publications page shows thumbnails when a publication has one."""
    records = site.data.get("publications.yaml") or []
    docname = site.listed.get("publications", "publications")
    if docname not in site.pages or not any(
        isinstance(record, dict) and record.get("preview") for record in records
    ):
        return
    opening = "```{publication-list}\n"
    site.pages[docname] = site.pages[docname].replace(opening, opening + ":previews:\n")


def paper_bodies(site: ImportedSite, entries: list[CollectionEntry], context: ProseContext) -> None:
    """A publication's body (its page on the old site) as the ``body`` of its own page here:
    Liquid and Kramdown converted, the files it links to copied and linked from
    ``publications/<id>.html``, one folder below the root where they are served."""
    from dataclasses import replace

    below = replace(context, file_prefix="../")
    for entry in entries:
        record = entry.record
        if record is None or not record.get("body"):
            continue
        prose = convert(entry.body, below)
        for path in sorted(prose.files):
            site.copy_file(path)
        # The page shows raw HTML as text: the inline tags the template writes become Markdown.
        record["body"] = _EMPHASIS_TAGS.sub(
            lambda match: "**" if match.group(1).lower() in ("b", "strong") else "*",
            prose.text.strip(),
        )
        entry.notes.extend(Note(note) for note in prose.notes)
        entry.notes.append(Note(f"the body is shown on the paper's own page, {paper_page(record)}"))


def paper_page(record: dict[str, Any]) -> str:
    """The address of a publication's own page in the new site."""
    from ...render.publications import paper_pagename

    return f"{paper_pagename(str(record['id']))}.html"


def list_unlisted(site: ImportedSite, kinds: tuple[str, ...]) -> None:
    """A page for each kind that has data but no page of the old site that lists it."""
    for kind in kinds:
        if data_source(site, kind) and kind not in site.listed:
            docname = slug(kind, set(site.pages))
            site.pages[docname] = listing_page(site, kind)
            site.listed[kind] = docname
            site.toctree.append(docname)
            site.report.add(
                f"data/{data_source(site, kind)}",
                CONVERTED,
                f"{docname}.md",
                ["a page that lists them"],
            )


def add_post(
    site: ImportedSite,
    file: FrontMatterFile,
    name: str,
    date: str,
    context: ProseContext,
    news: list[dict[str, Any]],
) -> str:
    """A blog post (Jekyll's ``_posts/``, Hugo's ``content/post/``) as the page
    ``posts/<name>.md`` and an item of ``news``; the page's name."""
    title = str(file.data.get("title") or name or file.path.stem)
    taken = {page.removeprefix("posts/") for page in site.pages if page.startswith("posts/")}
    docname = f"posts/{slug(name or title, taken)}"
    prose = convert(file.body, context, title)
    for path in sorted(prose.files):
        site.copy_file(path)
    site.pages[docname] = prose.text
    news.append({"date": date, "text": title})
    keep_redirects(site, file, docname)
    site.report.add(rel(site, file.path), PROSE, f"{docname}.md, data/news.yaml", prose.notes)
    return docname


def jekyll_posts(site: ImportedSite, context: ProseContext) -> None:
    """``_posts/`` (academicpages, al-folio): ``2023-08-14-name.md`` as ``posts/name.md``."""
    folder = site.source / "_posts"
    if not folder.is_dir():
        return
    news: list[dict[str, Any]] = []
    for path in sorted([*folder.glob("*.md"), *folder.glob("*.markdown")]):
        try:
            file = read_front_matter(path)
        except DataFileError as err:
            site.report.add(rel(site, path), NOT_CONVERTED, notes=[err.message])
            continue
        if file.data.get("published") is False:
            site.report.add(rel(site, path), NOT_CONVERTED, notes=["published: false"])
            continue
        date = str(file.data.get("date") or path.stem[:10])[:10]
        add_post(site, file, path.stem[11:], date, context, news)
    posts_index(site, news)


def posts_index(site: ImportedSite, news: list[dict[str, Any]]) -> None:
    """The posts' news items into ``news.yaml``, and a page that lists the posts."""
    if not news:
        return
    site.data["news.yaml"] = [*site.data.get("news.yaml", []), *news]
    posts = sorted(name for name in site.pages if name.startswith("posts/"))
    site.pages["posts/index"] = (
        "# Posts\n\n```{toctree}\n:maxdepth: 1\n\n"
        + "\n".join(name.removeprefix("posts/") for name in posts)
        + "\n```\n"
    )
    site.toctree.append("posts/index")
