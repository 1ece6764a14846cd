"""A HugoBlox landing page (its blocks or widgets), its author's skills and awards, its blog.

The current templates list the landing page's blocks in ``content/_index.md``
(``sections: [{block: resume-skills, content: {…}}, …]``) and keep skills,
languages and awards in the author's file (``data/authors/me.yaml``); the 2024
ones have one widget per file in ``content/home/`` (``widget: skills``,
``feature: […]``, ordered by ``weight``). Blocks with an equivalent become
the same list on the new landing page, in the same order: skills, awards,
Markdown text, a collection of publications, talks or posts; the rest
(contact forms, hero banners) is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...data.formats.frontmatter import FrontMatterFile, iso_date, markdown_files, read_front_matter
from ...data.formats.jekyll import plain_text
from ...data.loader import DataFileError
from .common import add_post, posts_index, rel
from .prose import ProseContext, convert
from .report import CONVERTED, NOT_CONVERTED
from .site import ImportedSite

PROFILE_BLOCKS = frozenset({"about", "about.biography", "biography"})
"""Blocks whose content the profile card at the top of the landing page shows."""
CV_BLOCKS = {"experience": ("experience",), "resume-experience": ("experience", "education")}
"""The 2024 experience widget shows the experience; the current block, education too."""
SKILL_BLOCKS = frozenset({"skills", "featurette", "resume-skills", "resume-languages"})
AWARD_BLOCKS = frozenset({"accomplishments", "resume-awards"})
TEXT_BLOCKS = frozenset({"markdown", "blank", "text", "hero"})
COLLECTION_BLOCKS = frozenset({"collection", "pages", "posts", "featured", "publications"})
CONTACT_BLOCKS = frozenset({"contact", "contact-info"})
COLLECTION_KINDS = {
    "publication": "publications",
    "publications": "publications",
    "event": "talks",
    "events": "talks",
    "talk": "talks",
    "post": "news",
    "posts": "news",
    "blog": "news",
}
"""A folder (or ``page_type``) a collection block lists -> the kind of the list here."""
DIRECTIVES = {
    "publications": "publication-list",
    "talks": "talks",
    "news": "news",
    "skills": "skills",
    "awards": "awards",
    "experience": "experience",
    "education": "education",
}
BLOG_FOLDERS = ("post", "blog")


@dataclass
class Landing:
    """The new landing page's sections, in the old page's order, and the files read."""

    sections: list[str] = field(default_factory=list)
    files: set[Path] = field(default_factory=set)
    shown: set[str] = field(default_factory=set)
    """The kinds the page lists."""

    def add(self, title: str | None, body: str) -> None:
        heading = f"## {title}\n\n" if title else ""
        self.sections.append(heading + body.strip() + "\n")


def author_lists(site: ImportedSite, data: dict[str, Any]) -> set[str]:
    """``skills``, ``languages`` and ``awards`` of an author file into ``skills.yaml`` and
    ``awards.yaml``; the keys converted."""
    done: set[str] = set()
    skills = [
        {
            "name": str(group.get("name") or "Skills"),
            "keywords": [
                str(item.get("name")) for item in _dicts(group.get("items")) if item.get("name")
            ],
        }
        for group in _dicts(data.get("skills"))
    ]
    skills += [
        _clean({"language": item.get("name"), "fluency": _percent(item.get("percent"))})
        for item in _dicts(data.get("languages"))
        if item.get("name")
    ]
    if skills:
        site.data["skills.yaml"] = skills
        done |= {"skills", "languages"}
    awards = [_award(item) for item in _dicts(data.get("awards")) if item.get("title")]
    if awards:
        site.data["awards.yaml"] = awards
        done.add("awards")
    return done


def landing(site: ImportedSite, context: ProseContext, reported: set[Path]) -> Landing:
    """The blocks of ``content/_index.md`` or the widgets of ``content/home/``; a file of
    ``reported`` is already in the report."""
    page = Landing()
    index = site.source / "content" / "_index.md"
    file = _read(site, index)
    if file is not None and isinstance(file.data.get("sections"), list):
        page.files.add(index)
        notes = [
            note
            for number, block in enumerate(file.data["sections"], start=1)
            if isinstance(block, dict)
            for note in _block(site, page, context, block, f"block {number}")
        ]
        site.report.add(rel(site, index), CONVERTED, "index.md", notes)
    home = site.source / "content" / "home"
    widgets = []
    for path in sorted(home.glob("*.md")) if home.is_dir() else []:
        file = _read(site, path)
        if file is not None and file.data.get("widget"):
            widgets.append((_weight(file.data.get("weight")), path.name, file))
    for _, _, file in sorted(widgets, key=lambda item: item[:2]):
        page.files.add(file.path)
        block = {**file.data, "block": file.data["widget"], "body": file.body}
        notes = _block(site, page, context, block, "the widget")
        if file.path in reported:
            continue
        if notes and ("has no equivalent" in notes[0] or "is not converted" in notes[0]):
            site.report.add(rel(site, file.path), NOT_CONVERTED, notes=notes)
        else:
            site.report.add(rel(site, file.path), CONVERTED, "index.md", notes)
    return page


def blog(site: ImportedSite, context: ProseContext) -> set[Path]:
    """``content/post/`` (2024) and ``content/blog/`` (current): pages under ``posts/`` and
    news items; the files read."""

    news: list[dict[str, Any]] = []
    read: set[Path] = set()
    for folder in BLOG_FOLDERS:
        path = site.source / "content" / folder
        if not path.is_dir():
            continue
        for post in markdown_files(path):
            read.add(post)
            file = _read(site, post)
            if file is None:
                continue
            if file.data.get("draft") is True:
                site.report.add(rel(site, post), NOT_CONVERTED, notes=["draft: true"])
                continue
            name = post.parent.name if post.stem == "index" else post.stem
            date = str(iso_date(file.data.get("date") or ""))[:10]
            add_post(site, file, name, date, context, news)
        index = path / "_index.md"
        if index.is_file():
            read.add(index)
            note = "the blog's own page: posts/index.md lists the posts"
            site.report.add(rel(site, index), NOT_CONVERTED, notes=[note])
    posts_index(site, news)
    return read


def _block(
    site: ImportedSite, page: Landing, context: ProseContext, block: dict[str, Any], name: str
) -> list[str]:
    """One block of the landing page onto ``page``; the notes on it."""
    kind = str(block.get("block") or "")
    content = _mapping(block.get("content"))
    title = _text(content.get("title") or block.get("title"))
    base = kind.split(".")[0]
    if base.startswith("resume-biography") or base in PROFILE_BLOCKS:
        button = _mapping(content.get("button"))
        profile = site.data.get("profile.yaml")
        if button.get("url") and isinstance(profile, dict):
            # "Download CV": a link of the card (the file is copied with the data's links).
            profile.setdefault("links", {}).setdefault("cv", str(button["url"]))
            return [f"{name} ({kind}): the profile card; its button is the card's cv link"]
        return [f"{name} ({kind}): the profile card"]
    if base in CV_BLOCKS:
        shown = [cv for cv in CV_BLOCKS[base] if f"{cv}.yaml" in site.data]
        for number, cv in enumerate(shown):
            page.add(title if number == 0 and title else cv.capitalize(), _directive(cv))
        page.shown.update(shown)
        if not shown:
            return [f"{name} ({kind}) is not converted: the author has no {CV_BLOCKS[base][0]}"]
        return [f"{name} ({kind}): " + " and ".join(shown)]
    for blocks, (listed, key, make) in WIDGET_LISTS.items():
        if base not in blocks:
            continue
        if f"{listed}.yaml" not in site.data:
            # A 2024 widget holds its own entries; the current blocks read the author's.
            records = [
                record for item in _dicts(block.get(key)) if (record := make(item)).get("name")
            ]
            if records:
                site.data[f"{listed}.yaml"] = records
        return _list_block(site, page, listed, title or listed.capitalize(), name, kind)
    if base in TEXT_BLOCKS:
        text = str(content.get("text") or block.get("body") or "")
        prose = convert(text, context)
        for path in sorted(prose.files):
            site.copy_file(path)
        page.add(title, prose.text)
        extra = [f"its image and buttons are not shown ({kind})"] if base == "hero" else []
        return [f"{name} ({kind}): Markdown text on the landing page", *extra, *prose.notes]
    if base in COLLECTION_BLOCKS:
        return _collection(site, page, block, content, title, name)
    if base in CONTACT_BLOCKS:
        return [f"{name} ({kind}) is not converted: the profile card shows your e-mail and links"]
    return [f"{name} has no equivalent here ({kind or 'no block name'})"]


def _skill(item: dict[str, Any]) -> dict[str, Any]:
    """A 2024 skills widget's feature (``name``, ``description: 90%``)."""
    return _clean({"name": _text(item.get("name")), "level": _text(item.get("description"))})


def _award(item: dict[str, Any]) -> dict[str, Any]:
    """A current ``awards`` item or a 2024 accomplishment, in ``awards.yaml``'s keys."""
    date = item.get("date") or item.get("date_start")
    return _clean(
        {
            "name": _text(item.get("title")),
            "awarder": _text(item.get("awarder") or item.get("organization")),
            "date": str(iso_date(date))[:10] if date else None,
            "url": item.get("url") or item.get("certificate_url"),
            "summary": _text(item.get("summary") or item.get("description")),
        }
    )


WIDGET_LISTS = {
    SKILL_BLOCKS: ("skills", "feature", _skill),
    AWARD_BLOCKS: ("awards", "item", _award),
}
"""Blocks -> (the kind they list, the key of a 2024 widget's own entries, their reader)."""


def _list_block(
    site: ImportedSite, page: Landing, kind: str, title: str, name: str, block: str
) -> list[str]:
    if f"{kind}.yaml" not in site.data:
        return [f"{name} ({block}) is not converted: it lists no {kind}"]
    page.add(title, _directive(kind))
    page.shown.add(kind)
    return [f"{name} ({block}): the {kind} of data/{kind}.yaml"]


def _collection(
    site: ImportedSite,
    page: Landing,
    block: dict[str, Any],
    content: dict[str, Any],
    title: str | None,
    name: str,
) -> list[str]:
    """A list of pages of a section: publications, events or posts."""
    filters = _mapping(content.get("filters"))
    folders = filters.get("folders")
    folders = folders if isinstance(folders, list) else []
    page_type = content.get("page_type") or block.get("page_type")
    names = [str(folder) for folder in folders] + ([str(page_type)] if page_type else [])
    kind = next((COLLECTION_KINDS[n] for n in names if n in COLLECTION_KINDS), None)
    if kind is None or f"{kind}.yaml" not in site.data:
        return [f"{name} lists {', '.join(names) or 'pages'}, of which the site has none here"]
    options = []
    featured = filters.get("featured_only") or content.get("featured_only")
    if kind == "publications" and featured:
        options.append(":selected:")
    count = content.get("count") or block.get("count")
    if isinstance(count, int) and count > 0:
        options.append(f":limit: {count}")
    page.add(title, _directive(kind, options))
    page.shown.add(kind)
    return [f"{name} (collection of {', '.join(names)}): the {kind} list"]


def _directive(kind: str, options: list[str] | None = None) -> str:
    lines = [f"```{{{DIRECTIVES[kind]}}}", *(options or []), "```"]
    return "\n".join(lines)


def _read(site: ImportedSite, path: Path) -> FrontMatterFile | None:
    if not path.is_file():
        return None
    try:
        return read_front_matter(path)
    except DataFileError as err:
        site.report.add(rel(site, path), NOT_CONVERTED, notes=[err.message])
        return None


def _percent(value: Any) -> str | None:
    return f"{value}%" if isinstance(value, int | float) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    """A title or name as plain text (``Accomplish&shy;ments`` -> ``Accomplishments``)."""
    if value in (None, ""):
        return None
    return plain_text(str(value)).replace("\u00ad", "") or None


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _weight(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0
