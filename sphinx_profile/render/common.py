"""Pieces shared by every renderer: settings, links, people, dates, lists (as markup)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..data.bibtex_source import HIDDEN_FIELDS as BIBTEX_HIDDEN_FIELDS
from ..data.dates import PartialDate, format_range
from ..data.models import CitationCount, Link, PersonRef, Venue
from ..locale import _
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


def markdown_paragraph(text: str, classes: Sequence[str]) -> markup.Markup:
    """A paragraph of a Markdown field's inline markup (see ``render.inline``)."""
    return markup.element("paragraph", *inline_markdown(text), classes=classes)


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


def people_line(label: str, people: Sequence[PersonRef], classes: Sequence[str]) -> markup.Markup:
    """``Host: A and B`` / ``Advisors: A, B and C``, each name linked when it has a URL."""
    # TRANSLATORS: a label before a list of names, e.g. "Hosts: "; keep the final space
    # when the language puts one there.
    children: list[markup.Content] = [str(_("%s: ")) % label]
    for index, person in enumerate(people):
        if index:
            last = index == len(people) - 1
            children.append(" " + str(_("and")) + " " if last else ", ")
        children.append(markup.maybe_link(person.name, person.url))
    return markup.element("paragraph", *children, classes=classes)


def date_range_paragraph(
    start: PartialDate | None, end: PartialDate | None, settings: RenderSettings
) -> markup.Markup | None:
    return dates_paragraph(settings.format_range(start, end))


def dates_paragraph(text: str) -> markup.Markup | None:
    """``paragraph.sp-dates > emphasis``, which the print layout moves up a line."""
    if not text:
        return None
    return markup.element("paragraph", markup.element("emphasis", text), classes=["sp-dates"])


def bullet_list(classes: Sequence[str], items: Iterable[markup.Content] = ()) -> markup.Markup:
    return markup.element("bullet_list", *items, classes=["sp-list", *classes])


def present(*children: markup.Content | None) -> list[markup.Content]:
    """The children that are given (a renderer's optional lines)."""
    return [child for child in children if child is not None]


def highlights_list(highlights: Sequence[str]) -> markup.Markup | None:
    """One bullet per highlight; its lines that start with ``- `` are a list inside it."""
    if not highlights:
        return None
    items = []
    for text in highlights:
        head, nested = split_nested(text)
        item: list[markup.Content] = [markdown_paragraph(head, [])]
        if nested:
            inner = (markup.element("list_item", markdown_paragraph(sub, [])) for sub in nested)
            item.append(bullet_list(["sp-highlights", "sp-nested"], inner))
        items.append(markup.element("list_item", *item))
    return bullet_list(["sp-highlights"], items)


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
