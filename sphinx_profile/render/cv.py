"""Talks, teaching, awards, service, skills and generic CV entries: one bullet list each.

The same shape as experience (``render.entries``): ``list_item.sp-entry`` with a
``paragraph.sp-entry-title``, a ``paragraph.sp-subtitle`` and a
``paragraph.sp-dates`` that the print layout moves onto the line above it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from docutils import nodes

from ..data.cv_models import Award, CvEntry, Service, Skill, Talk, Teaching
from ..data.cv_query import group_consecutive_teaching, merge_service, runs
from ..data.dates import PartialDate
from ..data.models import Link, PersonRef
from ..data.names import normalize_name
from ..locale import _
from ..output.expand import to_nodes
from ..output.nodes import sp_heading
from .common import (
    RenderSettings,
    bullet_list,
    date_range_paragraph,
    dates_paragraph,
    highlights_list,
    link_references,
    people_line,
    present,
)
from .entries import degree_text, entry_heading, optional_markdown
from .inline import inline_markdown
from .markup import Content, Markup, element, joined, link, maybe_link

T = TypeVar("T")

TALK_TYPE_LABELS = {
    "invited": _("Invited talk"),
    "keynote": _("Keynote"),
    "contributed": _("Contributed talk"),
    "seminar": _("Seminar"),
    "tutorial": _("Tutorial"),
    "poster": _("Poster"),
    "panel": _("Panel"),
    "other": _("Talk"),
}
TALK_TYPE_HEADINGS = {
    "invited": _("Invited talks"),
    "keynote": _("Keynotes"),
    "contributed": _("Contributed talks"),
    "seminar": _("Seminars"),
    "tutorial": _("Tutorials"),
    "poster": _("Posters"),
    "panel": _("Panels"),
    "other": _("Other talks"),
}
SERVICE_TYPE_HEADINGS = {
    "reviewing": _("Reviewing"),
    "program committee": _("Program committees"),
    "organizing": _("Organizing"),
    "editorial": _("Editorial work"),
    "mentoring": _("Mentoring"),
    "outreach": _("Outreach"),
    "other": _("Other service"),
}


def talk_type_heading(key: str) -> str:
    return str(TALK_TYPE_HEADINGS.get(key, TALK_TYPE_HEADINGS["other"]))


def service_type_heading(key: str) -> str:
    return str(SERVICE_TYPE_HEADINGS.get(key, SERVICE_TYPE_HEADINGS["other"]))


def render_groups(
    groups: Sequence[tuple[str | None, Sequence[T]]],
    render: Callable[[Sequence[T], RenderSettings], nodes.Element],
    settings: RenderSettings,
) -> list[nodes.Node]:
    """A heading (when grouped) and a list per group."""
    output: list[nodes.Node] = []
    for heading, entries in groups:
        if heading is not None:
            output.append(sp_heading(heading, heading))
        output.append(render(entries, settings))
    return output


def _entry(*lines: Content | None) -> Markup:
    return element("list_item", *present(*lines), classes=["sp-entry"])


def _subtitle(*parts: Content | None, classes: Sequence[str] = ()) -> Markup | None:
    """``paragraph.sp-subtitle``: the parts that are given, joined by commas."""
    present_parts = [part for part in parts if part]
    if not present_parts:
        return None
    children: list[Content] = []
    for index, part in enumerate(present_parts):
        if index:
            children.append(", ")
        children.append(part)
    return element("paragraph", *children, classes=["sp-subtitle", *classes])


def _links_paragraph(links: Sequence[Link], settings: RenderSettings) -> Markup | None:
    if not links:
        return None
    references = link_references(links, settings.link_style)
    return element("paragraph", *joined(references), classes=["sp-links"])


def _when_paragraph(
    date: PartialDate | str | None,
    start: PartialDate | None,
    end: PartialDate | None,
    settings: RenderSettings,
) -> Markup | None:
    if isinstance(date, str):
        return dates_paragraph(date)
    if date is not None and end is not None:  # HugoBlox: date and date_end
        return date_range_paragraph(date, end, settings)
    if date is not None:
        return dates_paragraph(settings.format_date(date))
    return date_range_paragraph(start, end, settings)


# -- talks -------------------------------------------------------------------------------


def render_talks(entries: Sequence[Talk], settings: RenderSettings) -> nodes.Element:
    """Title (and type badge), event and place, co-authors, summary, links, date."""
    items = []
    for talk in entries:
        title: list[Content] = [element("strong", talk.title)]
        if talk.type:
            label = str(TALK_TYPE_LABELS[talk.type])
            title += [" ", element("badge", label, classes=[f"sp-talk-{talk.type}"])]
        event = maybe_link(talk.event, talk.event_url) if talk.event else None
        coauthors = None
        if talk.coauthors:
            people = [
                PersonRef.model_construct(name=author.name, url=author.url)
                for author in talk.coauthors
                if normalize_name(author.name) not in settings.person
            ]
            if people:
                coauthors = people_line(str(_("With")), people, ["sp-people"])
        items.append(
            _entry(
                element("paragraph", *title, classes=["sp-entry-title"]),
                _subtitle(event, talk.location),
                coauthors,
                optional_markdown(talk.summary, "sp-summary"),
                _links_paragraph(talk.links, settings),
                _when_paragraph(talk.date, talk.start, talk.end, settings),
            )
        )
    return to_nodes(bullet_list(["sp-talks"], items))


OSM_URL = "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=11/{lat}/{lon}"
"""A marker at a place on OpenStreetMap; the link is followed by the reader, never the build."""


def render_talk_places(entries: Sequence[Talk]) -> list[nodes.Node]:
    """The places of the talks with coordinates, each once with its number of talks.

    ``sp_heading`` *Places*, then ``bullet_list.sp-talk-places > list_item >
    paragraph > reference`` (to OpenStreetMap) ``(count)``.
    """
    places: dict[tuple[float, float], tuple[str, int]] = {}
    for talk in entries:
        if talk.lat is None or talk.lon is None:
            continue
        key = (round(talk.lat, 4), round(talk.lon, 4))
        name, count = places.get(key, (talk.location or f"{key[0]}, {key[1]}", 0))
        places[key] = (name, count + 1)
    if not places:
        return []
    heading = str(_("Places"))
    items = [
        element(
            "list_item",
            element(
                "paragraph",
                link(name, OSM_URL.format(lat=lat, lon=lon), ["sp-place"]),
                f" ({count})",
            ),
        )
        for (lat, lon), (name, count) in places.items()
    ]
    return [
        sp_heading(heading, heading, classes=["sp-talk-places-heading"]),
        to_nodes(bullet_list(["sp-talk-places"], items)),
    ]


# -- teaching ----------------------------------------------------------------------------


def _course_heading(entry: Teaching) -> Markup:
    """``**[Course](url)** (code), institution, location``."""
    heading = entry_heading(
        entry.course,
        entry.url,
        (entry.institution, "sp-institution"),
        (entry.location, "sp-location"),
    )
    if not entry.code:
        return heading
    strong, *rest = heading.children
    return heading._replace(children=(strong, f" ({entry.code})", *rest))


def _term_text(entry: Teaching, settings: RenderSettings) -> str:
    return entry.term or settings.format_range(entry.start, entry.end)


def render_teaching(entries: Sequence[Teaching], settings: RenderSettings) -> nodes.Element:
    """One item per run of the same course; its terms with one role share one line."""
    items = []
    for run in group_consecutive_teaching(entries):
        lines: list[Content | None] = [_course_heading(run[0])]
        for role_run in runs(run, lambda entry: (entry.role or "", entry.level or "")):
            first = role_run[0]
            terms = [text for entry in role_run if (text := _term_text(entry, settings))]
            # The terms end the role's line in print (the print layout's date anchor).
            lines.append(_subtitle(first.role, first.level, classes=["sp-term-line"]))
            lines.append(dates_paragraph(", ".join(terms)))
            for entry in role_run:
                lines.append(optional_markdown(entry.summary, "sp-summary"))
                lines.append(highlights_list(entry.highlights))
        items.append(_entry(*lines))
    return to_nodes(bullet_list(["sp-teaching"], items))


# -- awards ------------------------------------------------------------------------------


def render_awards(entries: Sequence[Award], settings: RenderSettings) -> nodes.Element:
    """Name (linked), awarder, summary, date."""
    items = [
        _entry(
            entry_heading(award.name, award.url, (award.awarder, "sp-awarder")),
            optional_markdown(award.summary, "sp-summary"),
            _when_paragraph(award.date, None, None, settings),
        )
        for award in entries
    ]
    return to_nodes(bullet_list(["sp-awards"], items))


# -- service -----------------------------------------------------------------------------


def render_service(entries: Sequence[Service], settings: RenderSettings) -> nodes.Element:
    """``Reviewer, NeurIPS 2023, 2024``: one line per role and venue, all its years."""
    items = []
    for line in merge_service(entries):
        entry = line.first
        title: list[Content] = [element("strong", entry.role)]
        if entry.organization:
            title += [", ", maybe_link(entry.organization, entry.url)]
        if line.ranged:
            when = settings.format_range(entry.start, entry.end)
        elif len(line.entries) == 1 and entry.date is not None and not entry.years:
            when = settings.format_date(entry.date)
        else:
            when = ", ".join(str(year) for year in line.years)
        if when:
            title += [" ", element("inline", when, classes=["sp-years"])]
        items.append(
            _entry(
                element("paragraph", *title, classes=["sp-entry-title"]),
                optional_markdown(entry.summary, "sp-summary"),
                highlights_list(entry.highlights),
            )
        )
    return to_nodes(bullet_list(["sp-service"], items))


# -- skills ------------------------------------------------------------------------------


def render_skills(entries: Sequence[Skill], settings: RenderSettings) -> nodes.Element:
    """``Name: keyword, keyword (level)`` per group; the languages on one line at the end."""
    items = []
    languages: list[str] = []
    for skill in entries:
        if skill.language:
            fluency = f" ({skill.fluency})" if skill.fluency else ""
            languages.append(f"{skill.language}{fluency}")
            if not skill.name:
                continue
        assert skill.name is not None
        items.append(_skill_item(skill.name, ", ".join(skill.keywords), skill.level))
    if languages:
        items.append(_skill_item(str(_("Languages")), ", ".join(languages), None))
    return to_nodes(bullet_list(["sp-skills"], items))


def _skill_item(name: str, text: str, level: str | None) -> Markup:
    children: list[Content] = [element("strong", name)]
    if text:
        children.append(str(_("%s: ")) % "" + text)
    if level:
        children += [" ", element("inline", f"({level})", classes=["sp-level"])]
    return _entry(element("paragraph", *children, classes=["sp-entry-title"]))


# -- generic entries ---------------------------------------------------------------------


def render_cv_entries(entries: Sequence[CvEntry], settings: RenderSettings) -> nodes.Element:
    """Title, subtitle (or degree, or venue), authors, summary, highlights, links, dates."""
    items = []
    for entry in entries:
        if entry.title and entry.summary and _one_line(entry):
            items.append(_entry(_one_line_paragraph(entry.title, entry.summary)))
            continue
        title = None
        if entry.title:
            title = entry_heading(entry.title, entry.url, (entry.location, "sp-location"))
        authors = None
        if entry.authors:
            names = ", ".join(author.name for author in entry.authors)
            authors = element("paragraph", names, classes=["sp-pub-authors"])
        links = list(entry.links)
        if entry.doi:
            links.append(Link.model_construct(label="DOI", url=f"https://doi.org/{entry.doi}"))
        items.append(
            _entry(
                title,
                authors,
                _subtitle(entry.subtitle, degree_text(entry), entry.venue),  # type: ignore[arg-type]
                optional_markdown(entry.summary, "sp-summary"),
                highlights_list(entry.highlights),
                _links_paragraph(links, settings),
                _when_paragraph(entry.date, entry.start, entry.end, settings),
            )
        )
    return to_nodes(bullet_list(["sp-cv-entries"], items))


def _one_line(entry: CvEntry) -> bool:
    """A title and a text and nothing else (RenderCV's one-line entry)."""
    shown = entry.model_dump(exclude_defaults=True, exclude={"title", "summary"})
    return not shown


def _one_line_paragraph(title: str, text: str) -> Markup:
    """``**Title:** text`` on one line."""
    return element(
        "paragraph",
        element("strong", title),
        str(_("%s: ")) % "",
        *inline_markdown(text),
        classes=["sp-entry-title", "sp-one-line"],
    )
