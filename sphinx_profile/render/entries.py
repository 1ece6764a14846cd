"""Experience, education, projects and news: one bullet list each, the seed's layout."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..data.models import Education, Experience, NewsItem, Project
from ..data.query import group_consecutive_education
from ..locale import _
from .common import (
    RenderSettings,
    bullet_list,
    date_range_paragraph,
    highlights_list,
    markdown_inline,
    markdown_paragraph,
    maybe_link,
    people_line,
)


def append_present(item: nodes.Element, *children: nodes.Node | None) -> None:
    item.extend(child for child in children if child is not None)


def entry_heading(text: str, url: str | None, location: str | None = None) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=["sp-entry-title"])
    paragraph += nodes.strong("", "", maybe_link(text, url))
    if location:
        paragraph += nodes.Text(", ")
        paragraph += nodes.inline(location, location, classes=["sp-location"])
    return paragraph


def optional_markdown(text: str | None, css_class: str) -> nodes.paragraph | None:
    return markdown_paragraph(text, [css_class]) if text else None


def render_experience(entries: Sequence[Experience], settings: RenderSettings) -> nodes.Element:
    """Organization, position, hosts, summary, highlights, dates."""
    items = bullet_list(["sp-experience"])
    for entry in entries:
        item = nodes.list_item(classes=["sp-entry"])
        position = None
        if entry.position:
            position = nodes.paragraph(entry.position, entry.position, classes=["sp-position"])
        hosts = None
        if entry.hosts:
            label = _("Host") if len(entry.hosts) == 1 else _("Hosts")
            hosts = people_line(str(label), entry.hosts, ["sp-people"])
        append_present(
            item,
            entry_heading(entry.organization, entry.url, entry.location),
            optional_markdown(entry.about, "sp-about"),
            position,
            hosts,
            optional_markdown(entry.summary, "sp-summary"),
            highlights_list(entry.highlights),
            date_range_paragraph(entry.start, entry.end, settings),
        )
        items += item
    return items


def degree_text(entry: Education) -> str:
    """``Ph.D. in Computer Science``, or whichever half is known."""
    if entry.degree and entry.area:
        # TRANSLATORS: a degree and its field, e.g. "Ph.D. in Computer Science".
        return str(_("%(degree)s in %(area)s")) % {"degree": entry.degree, "area": entry.area}
    return entry.degree or entry.area or ""


def render_education(entries: Sequence[Education], settings: RenderSettings) -> nodes.Element:
    """One item per run of the same institution, each degree with its dates below."""
    items = bullet_list(["sp-education"])
    for first, run in group_consecutive_education(entries):
        item = nodes.list_item(classes=["sp-entry"])
        item += entry_heading(first.institution, first.url, first.location)
        for entry in run:
            text = degree_text(entry)
            advisors = None
            if entry.advisors:
                label = _("Advisor") if len(entry.advisors) == 1 else _("Advisors")
                advisors = people_line(str(label), entry.advisors, ["sp-people"])
            append_present(
                item,
                nodes.paragraph(text, text, classes=["sp-degree"]) if text else None,
                advisors,
                optional_markdown(entry.summary, "sp-summary"),
                highlights_list(entry.highlights),
                date_range_paragraph(entry.start, entry.end, settings),
            )
        items += item
    return items


def render_projects(entries: Sequence[Project], settings: RenderSettings) -> nodes.Element:
    """``**[Name](url): description**``, then organization, role, highlights, tags, dates."""
    items = bullet_list(["sp-projects"])
    for entry in entries:
        item = nodes.list_item(classes=["sp-entry"])
        title = nodes.paragraph(classes=["sp-entry-title"])
        strong = nodes.strong()
        strong += maybe_link(entry.name, entry.url)
        if entry.description:
            strong += nodes.Text(": ")
            strong.extend(markdown_inline(entry.description))
        title += strong
        if entry.location:
            title += nodes.Text(", ")
            title += nodes.inline(entry.location, entry.location, classes=["sp-location"])
        organization = None
        if entry.organization:
            text = entry.organization
            organization = nodes.paragraph(text, text, classes=["sp-organization"])
        tags = None
        if entry.tags:
            text = ", ".join(entry.tags)
            tags = nodes.paragraph(text, text, classes=["sp-tags"])
        append_present(
            item,
            title,
            organization,
            optional_markdown(entry.role, "sp-role"),
            highlights_list(entry.highlights),
            tags,
            date_range_paragraph(entry.start, entry.end, settings),
        )
        items += item
    return items


def render_news(entries: Sequence[NewsItem], settings: RenderSettings) -> nodes.Element:
    items = bullet_list(["sp-news"])
    for entry in entries:
        paragraph = nodes.paragraph(classes=["sp-news-item"])
        when = settings.format_date(entry.date)
        paragraph += nodes.emphasis(when, when, classes=["sp-date"])
        paragraph += nodes.Text(" ")
        paragraph.extend(markdown_inline(entry.text))
        items += nodes.list_item("", paragraph)
    return items
