"""Pieces shared by every renderer: settings, links, people, dates, separators."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from docutils import nodes

from ..data.bibtex_source import HIDDEN_FIELDS as BIBTEX_HIDDEN_FIELDS
from ..data.dates import PartialDate, format_range
from ..data.models import CitationCount, Link, PersonRef, Venue
from ..locale import _
from ..output.expand import to_node_list, to_nodes
from . import markup
from .inline import inline_markdown

DEFAULT_DATE_FORMAT = ""
"""Empty: dates follow the page language through Babel (``Jan 2024``, ``2024年1月``)."""


@dataclass(frozen=True)
class RenderSettings:
    """What rendering needs from the configuration, resolved once per directive."""

    date_format: str = DEFAULT_DATE_FORMAT
    present: str = "Present"
    language: str = "en"
    """The page language (Sphinx's ``language``), for dates without ``date_format``."""
    highlight: frozenset[str] = field(default_factory=frozenset)
    """Normalized author names to highlight (see ``data.names``)."""
    person: frozenset[str] = field(default_factory=frozenset)
    """The page's own person (the profile, or a member): whose authorship role is derived."""
    max_authors: int = 0
    """Show at most this many authors before "and N more" (0: all)."""
    derive_role: bool = False
    link_titles: bool = False
    link_style: str = "icon+label"
    """``profile_link_style``: links with icon and label, the icon alone, or the label alone."""
    venue_colors: tuple[tuple[str, str], ...] = ()
    """(venue badge text or publication type, CSS colour) pairs."""
    bibtex_hidden_fields: frozenset[str] = frozenset(BIBTEX_HIDDEN_FIELDS)
    """Fields the BibTeX toggle leaves out (``profile_bibtex_hidden_fields``)."""
    scholar_user: str | None = None
    """The Google Scholar user id of the profile's link, for links to its citations."""
    members: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    """Normalized author name -> member id: the names that link to member pages."""
    coauthors: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    """Normalized author name -> URL, from ``coauthors.yaml`` (``data.directory``)."""
    venues: Mapping[str, Venue] = field(default_factory=dict, hash=False, compare=False)
    """Badge text (case folded) -> venue, from ``venues.yaml`` (``data.directory``)."""
    citations: Mapping[str, CitationCount] | None = field(default=None, hash=False, compare=False)
    """Publication id -> its count, from ``citations.yaml``, when badges are shown."""

    def format_date(self, date: PartialDate) -> str:
        return date.format(self.date_format, self.present, self.language)

    def format_range(self, start: PartialDate | None, end: PartialDate | None) -> str:
        return format_range(start, end, self.date_format, self.present, self.language)


def external_link(text: str, url: str, classes: Sequence[str] = ()) -> nodes.reference:
    return to_nodes(markup.link(text, url, classes))


def maybe_link(text: str, url: str | None) -> nodes.Node:
    return to_nodes(markup.maybe_link(text, url))


def markdown_inline(text: str) -> list[nodes.Node]:
    """The nodes of a Markdown field's inline markup (see ``render.inline``)."""
    return to_node_list(inline_markdown(text))


def markdown_paragraph(text: str, classes: Sequence[str]) -> nodes.paragraph:
    return nodes.paragraph("", "", *markdown_inline(text), classes=list(classes))


def joined(items: Iterable[nodes.Node], parent: nodes.Element) -> nodes.Element:
    """Append ``items`` to ``parent`` with separators between them."""
    for item in markup.joined(items):
        parent += item if isinstance(item, nodes.Node) else to_nodes(item)
    return parent


def link_references(
    links: Iterable[Link], style: str, labels: Callable[[Link], str] | None = None
) -> list[markup.Markup]:
    """Each link with its icon, as ``style`` (``profile_link_style``) says.

    ``labels`` gives what a link reads (default: its label as written).
    """
    from ..icons import icon_for, link_kind

    output = []
    for link in links:
        icon = icon_for(link.label, link.url)
        label = labels(link) if labels else link.label
        classes = ["sp-link", f"sp-icon-{link_kind(link.label, link.url)}"]
        output.append(markup.labelled_link(label, link.url, icon, style, classes))
    return output


def icon_links(
    links: Iterable[Link], style: str, labels: Callable[[Link], str] | None = None
) -> list[nodes.reference]:
    """:func:`link_references` as nodes."""
    return [to_nodes(item) for item in link_references(links, style, labels)]


def people_line(label: str, people: Sequence[PersonRef], classes: Sequence[str]) -> nodes.paragraph:
    """``Host: A and B`` / ``Advisors: A, B and C``, each name linked when it has a URL."""
    paragraph = nodes.paragraph(classes=list(classes))
    # TRANSLATORS: a label before a list of names, e.g. "Hosts: "; keep the final space
    # when the language puts one there.
    paragraph += nodes.Text(str(_("%s: ")) % label)
    for index, person in enumerate(people):
        if index:
            last = index == len(people) - 1
            paragraph += nodes.Text(" " + str(_("and")) + " " if last else ", ")
        paragraph += maybe_link(person.name, person.url)
    return paragraph


def date_range_paragraph(
    start: PartialDate | None, end: PartialDate | None, settings: RenderSettings
) -> nodes.paragraph | None:
    text = settings.format_range(start, end)
    if not text:
        return None
    paragraph = nodes.paragraph(classes=["sp-dates"])
    paragraph += nodes.emphasis(text, text)
    return paragraph


def bullet_list(classes: Sequence[str]) -> nodes.bullet_list:
    return nodes.bullet_list(classes=["sp-list", *classes])


def highlights_list(highlights: Sequence[str]) -> nodes.bullet_list | None:
    """One bullet per highlight; its lines that start with ``- `` are a list inside it."""
    if not highlights:
        return None
    items = bullet_list(["sp-highlights"])
    for text in highlights:
        head, nested = split_nested(text)
        item = nodes.list_item("", markdown_paragraph(head, []))
        if nested:
            inner = bullet_list(["sp-highlights", "sp-nested"])
            inner.extend(nodes.list_item("", markdown_paragraph(sub, [])) for sub in nested)
            item += inner
        items += item
    return items


def split_nested(text: str) -> tuple[str, list[str]]:
    """``"Main\\n- a\\n- b"`` -> ``("Main", ["a", "b"])``; other lines continue the last part."""
    if "\n" not in text:
        return text, []
    head: list[str] = []
    nested: list[list[str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(("- ", "* ")):
            nested.append([stripped[2:]])
        elif nested:
            nested[-1].append(stripped)
        else:
            head.append(stripped)
    return " ".join(head), [" ".join(part) for part in nested]
