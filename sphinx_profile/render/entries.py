"""Experience, education, projects and news: one bullet list each, the seed's layout."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..data.models import Education, Experience, NewsItem, Project
from ..data.query import group_consecutive_education
from ..locale import _
from ..output.expand import to_nodes
from .common import (
    RenderSettings,
    bullet_list,
    date_range_paragraph,
    highlights_list,
    markdown_paragraph,
    people_line,
    present,
)
from .inline import inline_markdown
from .markup import Content, Markup, element, maybe_link


def entry_heading(
    text: str,
    url: str | None,
    *parts: tuple[str | None, str],
    description: str | None = None,
    classes: Sequence[str] = ("sp-entry-title",),
) -> Markup:
    """``**[text](url)[: description]**, part, part``: the first line of an entry.

    ``parts`` are ``(text, css class)`` pairs; those without text are left out.
    """
    name: list[Content] = [maybe_link(text, url)]
    if description:
        name += [": ", *inline_markdown(description)]
    children: list[Content] = [element("strong", *name)]
    for part, css_class in parts:
        if part:
            children += [", ", element("inline", part, classes=[css_class])]
    return element("paragraph", *children, classes=classes)


def optional_markdown(text: str | None, css_class: str) -> Markup | None:
    return markdown_paragraph(text, [css_class]) if text else None


def text_paragraph(text: str | None, css_class: str) -> Markup | None:
    return element("paragraph", text, classes=[css_class]) if text else None


def render_experience(entries: Sequence[Experience], settings: RenderSettings) -> nodes.Element:
    """Organization, position, hosts, summary, highlights, dates."""
    items = []
    for entry in entries:
        hosts = None
        if entry.hosts:
            label = _("Host") if len(entry.hosts) == 1 else _("Hosts")
            hosts = people_line(str(label), entry.hosts, ["sp-people"])
        lines = present(
            entry_heading(entry.organization, entry.url, (entry.location, "sp-location")),
            optional_markdown(entry.about, "sp-about"),
            text_paragraph(entry.position, "sp-position"),
            hosts,
            optional_markdown(entry.summary, "sp-summary"),
            highlights_list(entry.highlights),
            date_range_paragraph(entry.start, entry.end, settings),
        )
        items.append(element("list_item", *lines, classes=["sp-entry"]))
    return to_nodes(bullet_list(["sp-experience"], items))


def degree_text(entry: Education) -> str:
    """``Ph.D. in Computer Science``, or whichever half is known."""
    if entry.degree and entry.area:
        # TRANSLATORS: a degree and its field, e.g. "Ph.D. in Computer Science".
        return str(_("%(degree)s in %(area)s")) % {"degree": entry.degree, "area": entry.area}
    return entry.degree or entry.area or ""


def render_education(entries: Sequence[Education], settings: RenderSettings) -> nodes.Element:
    """One item per run of the same institution, each degree with its dates below."""
    items = []
    for first, run in group_consecutive_education(entries):
        lines: list[Content] = [
            entry_heading(first.institution, first.url, (first.location, "sp-location"))
        ]
        for entry in run:
            advisors = None
            if entry.advisors:
                label = _("Advisor") if len(entry.advisors) == 1 else _("Advisors")
                advisors = people_line(str(label), entry.advisors, ["sp-people"])
            lines += present(
                text_paragraph(degree_text(entry), "sp-degree"),
                advisors,
                optional_markdown(entry.summary, "sp-summary"),
                highlights_list(entry.highlights),
                date_range_paragraph(entry.start, entry.end, settings),
            )
        items.append(element("list_item", *lines, classes=["sp-entry"]))
    return to_nodes(bullet_list(["sp-education"], items))


def render_projects(entries: Sequence[Project], settings: RenderSettings) -> nodes.Element:
    """``**[Name](url): description**``, then organization, role, highlights, tags, dates."""
    items = []
    for entry in entries:
        title = entry_heading(
            entry.name, entry.url, (entry.location, "sp-location"), description=entry.description
        )
        lines = present(
            title,
            text_paragraph(entry.organization, "sp-organization"),
            optional_markdown(entry.role, "sp-role"),
            highlights_list(entry.highlights),
            text_paragraph(", ".join(entry.tags), "sp-tags"),
            date_range_paragraph(entry.start, entry.end, settings),
        )
        items.append(element("list_item", *lines, classes=["sp-entry"]))
    return to_nodes(bullet_list(["sp-projects"], items))


def render_news(entries: Sequence[NewsItem], settings: RenderSettings) -> nodes.Element:
    items = []
    for entry in entries:
        when = settings.format_date(entry.date)
        paragraph = element(
            "paragraph",
            element("emphasis", when, classes=["sp-date"]),
            " ",
            *inline_markdown(entry.text),
            classes=["sp-news-item"],
        )
        items.append(element("list_item", paragraph))
    return to_nodes(bullet_list(["sp-news"], items))
