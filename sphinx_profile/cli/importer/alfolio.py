"""An al-folio site (Jekyll, jekyll-scholar) as a sphinx-profile site.

The BibTeX file stays the source of the publications, as al-folio has it; an
overlay adds only what the new site needs that the file cannot say (links to
PDFs al-folio finds in ``assets/pdf/``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...data.formats import jekyll
from ...data.formats.frontmatter import FrontMatterFile
from ...data.formats.translate import slug
from .common import (
    add_collection,
    copy_avatar,
    cv_page,
    jekyll_posts,
    keep_redirects,
    list_unlisted,
    listing,
    pages_of,
    problems,
    project_pages,
    read_yaml,
    rel,
    site_url,
)
from .prose import ProseContext, convert
from .report import CONVERTED, NOT_CONVERTED, PROSE
from .site import ImportedSite
from .socials import AL_FOLIO_LINKS

PDF_FOLDER = "assets/pdf"
PREVIEW_FOLDER = "assets/img/publication_preview"
_YEARS = re.compile(r"\s+-\s+|\s*\u2013\s*")
"""``2012 - 2017`` or ``2012\u20132017`` (an en dash): al-folio's years of a time_table entry."""
HANDLED = {
    "_config.yml",
    "_pages",
    "_bibliography",
    "_news",
    "_projects",
    "_posts",
    "_data",
    "assets",
}


def looks_like(source: Path) -> bool:
    return (source / "_config.yml").is_file() and (source / "_bibliography").is_dir()


def import_site(source: Path) -> ImportedSite:
    config = _mapping(read_yaml(source / "_config.yml"))
    site = ImportedSite("al-folio", source)
    names = [
        str(config[key]) for key in ("first_name", "middle_name", "last_name") if config.get(key)
    ]
    site.project = " ".join(names) or str(config.get("title") or site.project)
    profile: dict[str, Any] = {"name": site.project}
    site.data["profile.yaml"] = profile
    site.url = site_url(config.get("url"), config.get("baseurl"))
    site.report.add("_config.yml", CONVERTED, "data/profile.yaml, conf.py", _socials(site, config))
    context = ProseContext(
        variables={
            f"site.{key}": str(value) for key, value in config.items() if isinstance(value, str)
        },
        listings={kind: listing(kind) for kind in ("news", "projects")},
        site_urls=tuple(str(config[key]) for key in ("url",) if isinstance(config.get(key), str)),
        local_file=lambda path: (source / path).is_file() and not path.startswith("_"),
    )
    _bibliography(site)
    context.tags["bibliography"] = _publication_list(site, ":group-by: year")
    for folder, kind in (("_news", "news"), ("_projects", "projects")):
        if (source / folder).is_dir():
            entries = jekyll.read_collection(source / folder, kind)
            project_pages(site, entries, context)
            add_collection(site, entries, kind, f"{kind}.yaml")
    _shared_files(site)
    _cv(site)
    jekyll_posts(site, context)
    _pages(site, context)
    if "news" in site.pages.get("index", "") and "```{news}" in site.pages["index"]:
        site.listed["news"] = "index"
    list_unlisted(site, ("projects", "news"))
    _rest(site)
    return site


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _socials(site: ImportedSite, config: dict[str, Any]) -> list[str]:
    notes: list[str] = []
    socials = _mapping(read_yaml(site.source / "_data" / "socials.yml"))
    values = {key: config[key] for key in AL_FOLIO_LINKS if config.get(key)} | socials
    profile = site.data["profile.yaml"]
    links: dict[str, str] = {}
    for key, value in values.items():
        if key == "email" and value:
            profile["email"] = str(value)
        elif key in AL_FOLIO_LINKS and value not in (None, ""):
            label, pattern = AL_FOLIO_LINKS[key]
            links[label] = pattern.format(str(value).strip())
        elif value not in (None, "", False, True):
            notes.append(f"social {key!r} is not shown: its address is not known here")
    if links:
        profile["links"] = links
    if socials:
        site.report.add("_data/socials.yml", CONVERTED, "data/profile.yaml")
    return notes


def _bibliography(site: ImportedSite) -> None:
    folder = site.source / "_bibliography"
    for path in sorted(folder.glob("*.bib")):
        if "publications.bib" in site.raw_data:
            site.report.add(
                rel(site, path), NOT_CONVERTED, notes=["only the first .bib is the source"]
            )
            continue
        text = path.read_text(encoding="utf-8")
        site.raw_data["publications.bib"] = text.encode("utf-8")
        overlay = []
        # al-folio finds `pdf = {paper.pdf}` in assets/pdf/; the new site links the copy.
        for key, pdf in re.findall(
            r"@\w+\s*\{\s*([^,\s]+)\s*,(?:[^@]*?)\bpdf\s*=\s*[{\"]([^}\"]+)[}\"]", text
        ):
            if "://" in pdf:
                continue
            old = f"{PDF_FOLDER}/{pdf.strip()}"
            if (site.source / old).is_file():
                site.copy_file(old)
                overlay.append({"id": key, "links": {"pdf": old}})
        notes = ["kept as the source of the publication list"]
        # al-folio finds `preview = {x.png}` in assets/img/publication_preview/; here, in data/.
        for name in re.findall(r"\bpreview\s*=\s*[{\"]([^}\"]+)[}\"]", text):
            old = f"{PREVIEW_FOLDER}/{name.strip()}"
            if (site.source / old).is_file():
                site.copy_file(old, f"data/{name.strip()}")
            else:
                notes.append(f"thumbnail {name!r} is not in {PREVIEW_FOLDER}/")
        notes += problems(path, ("publications",))
        if overlay:
            site.data["publications-overlay.yaml"] = overlay
            notes.append(
                f"{len(overlay)} PDF links of assets/pdf/ in data/publications-overlay.yaml"
            )
        site.report.add(rel(site, path), CONVERTED, "data/publications.bib", notes)


def _publication_list(site: ImportedSite, option: str) -> str:
    overlay = (
        ":overlay: publications-overlay.yaml\n" if "publications-overlay.yaml" in site.data else ""
    )
    return f"```{{publication-list}}\n:source: publications.bib\n{overlay}{option}\n```"


def _shared_files(site: ImportedSite) -> None:
    """``_data/coauthors.yml`` and ``venues.yml``: read by every list as al-folio writes them."""
    for old, kind in (("coauthors.yml", "coauthors"), ("venues.yml", "venues")):
        path = site.source / "_data" / old
        if path.is_file():
            site.raw_data[f"{kind}.yaml"] = path.read_bytes()
            notes = problems(path, (kind,))
            site.report.add(f"_data/{old}", CONVERTED, f"data/{kind}.yaml", notes)


def _cv(site: ImportedSite) -> None:
    """The CV: ``_data/cv.yml`` (RenderCV's format, or al-folio's own sections), else a JSON
    Resume (``assets/json/resume.json``)."""
    resume = site.source / "assets" / "json" / "resume.json"
    cv = site.source / "_data" / "cv.yml"
    data = read_yaml(cv) if cv.is_file() else None
    if isinstance(data, dict) and "cv" in data:
        notes = cv_page(site, "cv", "CV", cv, "cv.yaml")
        site.report.add("_data/cv.yml", CONVERTED, "data/cv.yaml (RenderCV)", notes)
    elif isinstance(data, list):
        notes = _cv_sections(site, data)
        outcome = CONVERTED if "cv" in site.pages else NOT_CONVERTED
        site.report.add("_data/cv.yml", outcome, "data/experience.yaml, education.yaml", notes)
    if resume.is_file() and "cv" not in site.pages:
        notes = cv_page(site, "cv", "CV", resume, "resume.json")
        site.report.add(rel(site, resume), CONVERTED, "data/resume.json", notes)
    elif resume.is_file():
        site.report.add(rel(site, resume), NOT_CONVERTED, notes=["_data/cv.yml is the CV"])


def _cv_page(site: ImportedSite) -> None:
    sections = [
        f"## {title}\n\n```{{{kind}}}\n```"
        for title, kind in (("Experience", "experience"), ("Education", "education"))
        if f"{kind}.yaml" in site.data
    ]
    site.pages["cv"] = "# CV\n\n" + "\n\n".join(sections) + "\n"
    site.toctree.append("cv")


def _cv_sections(site: ImportedSite, sections: list[Any]) -> list[str]:
    """al-folio's own ``cv.yml``: ``time_table`` sections become education or experience."""
    notes: list[str] = []
    records: dict[str, list[dict[str, Any]]] = {"education.yaml": [], "experience.yaml": []}
    for section in sections:
        if not isinstance(section, dict):
            continue
        title = str(section.get("title") or "")
        contents = section.get("contents")
        if section.get("type") != "time_table" or not isinstance(contents, list):
            notes.append(f"section {title!r} ({section.get('type')}) is not converted")
            continue
        education = "educat" in title.lower()
        if not education and not re.search(
            r"experien|work|employ|position|appointment", title, re.I
        ):
            notes.append(f"section {title!r} is not converted: neither education nor experience")
            continue
        for item in contents:
            if isinstance(item, dict) and item.get("title"):
                records["education.yaml" if education else "experience.yaml"].append(
                    _time_table_entry(item, education)
                )
    for name, entries in records.items():
        if entries:
            site.data[name] = entries
    if any(records.values()):
        _cv_page(site)
    return notes


def _time_table_entry(item: dict[str, Any], education: bool) -> dict[str, Any]:
    place = str(item.get("institution") or "").strip() or str(item["title"])
    record: dict[str, Any] = (
        {"institution": place, "degree": str(item["title"])}
        if education
        else {"organization": place, "position": str(item["title"])}
    )
    years = [part.strip() for part in _YEARS.split(str(item.get("year") or ""))]
    if years and years[0]:
        record["start" if len(years) > 1 else "end"] = years[0]
        if len(years) > 1 and years[1]:
            record["end"] = years[1]
    description = item.get("description")
    if isinstance(description, list):
        record["highlights"] = [str(line) for line in description if isinstance(line, str)]
    elif description:
        record["summary"] = str(description)
    return record


def _pages(site: ImportedSite, context: ProseContext) -> None:
    for file, source in pages_of(site, (".md", ".markdown")):
        _page(site, context, file, source)


def _page(site: ImportedSite, context: ProseContext, file: FrontMatterFile, source: str) -> None:
    data = file.data
    permalink = str(data.get("permalink") or f"/{file.path.stem}/")
    layout = str(data.get("layout") or "")
    title = str(data.get("title") or file.path.stem)
    if data.get("nav") is False and layout not in ("about",) and not file.body.strip():
        site.report.add(source, NOT_CONVERTED, notes=["an empty page"])
        return
    if layout == "cv":
        note = (
            "the CV page: made from the CV data"
            if "cv" in site.pages
            else "the CV layout: no CV data"
        )
        site.report.add(source, CONVERTED if "cv" in site.pages else NOT_CONVERTED, "cv.md", [note])
        return
    if permalink.strip("/") in ("", "about") and "index" not in site.pages:
        _about(site, context, file, source)
        return
    if "404" in permalink or layout in ("archive", "dropdown") or data.get("dropdown"):
        site.report.add(source, NOT_CONVERTED, notes=["a menu or archive page of the theme"])
        return
    prose = convert(file.body, context, title.capitalize() if title.islower() else title)
    for path in sorted(prose.files):
        site.copy_file(path)
    docname = slug(permalink.strip("/") or file.path.stem, set(site.pages))
    text = prose.text
    if layout == "page" and file.path.stem == "projects":
        text = text.rstrip() + "\n\n" + listing("projects") + "\n"
        site.listed["projects"] = docname
    site.pages[docname] = text
    site.toctree.append(docname)
    site.report.add(source, PROSE, f"{docname}.md", prose.notes)
    keep_redirects(site, file, docname)
    site.add_redirect(permalink, docname)


def _about(site: ImportedSite, context: ProseContext, file: FrontMatterFile, source: str) -> None:
    data = file.data
    notes: list[str] = []
    profile = site.data["profile.yaml"]
    box = _mapping(data.get("profile"))
    image = box.get("image")
    if isinstance(image, str) and image and (note := copy_avatar(site, image, "assets/img")):
        notes.append(note)
    if data.get("subtitle"):
        profile["headline"] = jekyll.plain_text(str(data["subtitle"]))
    if box.get("more_info"):
        profile["location"] = jekyll.plain_text(str(box["more_info"]).replace("</p>", ", ")).strip(
            " ,"
        )
    title = site.project
    prose = convert(file.body, context, title)
    for path in sorted(prose.files):
        site.copy_file(path)
    head, _, rest = prose.text.partition("\n")
    parts = [head, "```{profile}\n```", rest.strip()]
    news = _mapping(data.get("announcements")).get("enabled") or data.get("news")
    if news and "news.yaml" in site.data:
        limit = _mapping(data.get("announcements")).get("limit")
        parts.append("## News\n\n```{news}\n" + (f":limit: {limit}\n" if limit else "") + "```")
    if data.get("selected_papers") and "publications.bib" in site.raw_data:
        parts.append("## Selected publications\n\n" + _publication_list(site, ":selected:"))
    ignored = [key for key in ("social", "latest_posts") if data.get(key)]
    if ignored:
        notes.append(
            f"{', '.join(ignored)}: the profile card shows the links; posts are not imported"
        )
    site.pages["index"] = "\n\n".join(part for part in parts if part) + "\n"
    keep_redirects(site, file, "index")
    site.report.add(source, PROSE, "index.md", [*notes, *prose.notes])


def _rest(site: ImportedSite) -> None:
    copied = {path.split("/")[1] for path in site.copies if path.startswith("_extra/")}
    for path in sorted(site.source.iterdir()):
        if path.name.startswith(".") or path.name in HANDLED:
            continue
        why = (
            "the Jekyll theme and build set-up"
            if path.name.startswith("_") or path.is_file()
            else "not part of the site's content"
        )
        site.report.add(path.name + ("/" if path.is_dir() else ""), NOT_CONVERTED, notes=[why])
    for name in (
        sorted((site.source / "_data").glob("*")) if (site.source / "_data").is_dir() else []
    ):
        if name.name not in ("socials.yml", "venues.yml", "coauthors.yml", "cv.yml"):
            site.report.add(rel(site, name), NOT_CONVERTED, notes=[_data_note(name.name)])
    if "assets" in copied:
        site.report.add(
            "assets/",
            CONVERTED,
            "_extra/assets/",
            ["the files the pages and data link to were copied"],
        )


def _data_note(name: str) -> str:
    if name == "repositories.yml":
        return "GitHub repository cards need the network; list them as projects"
    return "theme data"
