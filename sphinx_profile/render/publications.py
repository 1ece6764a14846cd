"""Publication entries and lists, in the ``full`` and ``compact`` styles."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..data.models import Author, Link, Publication
from ..data.names import normalize_name
from ..locale import _
from ..nodes import sp_badge, sp_heading
from .common import (
    RenderSettings,
    bullet_list,
    external_link,
    joined,
    link_references,
    markdown_paragraph,
)

STYLES = ("full", "compact")


def publication_anchor(publication: Publication) -> str:
    """The stable HTML id of an entry: ``pub-<id>``."""
    return nodes.make_id(f"pub-{publication.id}")


def render_publication_groups(
    groups: Sequence[tuple[str | None, Sequence[Publication]]],
    style: str,
    settings: RenderSettings,
) -> list[nodes.Element]:
    """Headings (when grouped) and one bullet list per group.

    An entry shown in two groups carries its anchor only the first time.
    """
    output: list[nodes.Element] = []
    anchored: set[str] = set()
    for heading, publications in groups:
        if heading is not None:
            output.append(sp_heading(heading, heading))
        items = bullet_list(["sp-publications", f"sp-{style}"])
        for publication in publications:
            item = render_publication(publication, style, settings)
            anchor = publication_anchor(publication)
            if anchor not in anchored:
                item["ids"].append(anchor)
                anchored.add(anchor)
            items += item
        output.append(items)
    return output


def render_publication(
    publication: Publication, style: str, settings: RenderSettings
) -> nodes.list_item:
    item = nodes.list_item(classes=["sp-pub"])
    item += _title(publication)
    if style == "compact":
        item += _compact_meta(publication)
    else:
        if publication.authors:
            item += _authors(publication.authors, settings)
        venue = _venue(publication, settings)
        if venue is not None:
            item += venue
        links = _links(publication)
        if links is not None:
            item += links
    if publication.note:
        item += markdown_paragraph(publication.note, ["sp-pub-note"])
    return item


def _title(publication: Publication) -> nodes.paragraph:
    title = nodes.paragraph(classes=["sp-pub-title"])
    title += nodes.Text(publication.title)
    return title


def _badges(publication: Publication) -> list[nodes.Node]:
    badges: list[nodes.Node] = []
    if publication.venue_short:
        badges.append(
            sp_badge(
                publication.venue_short,
                publication.venue_short,
                classes=["sp-venue", f"sp-type-{publication.type or 'other'}"],
            )
        )
    if publication.award:
        badge = sp_badge(classes=["sp-award"])
        badge.extend(markdown_paragraph(publication.award, []).children)
        badges.append(badge)
    return badges


def _compact_meta(publication: Publication) -> nodes.paragraph:
    """The seed's line: ``arXiv | first author | paper | code | blog``."""
    parts: list[nodes.Node] = list(_badges(publication))
    if publication.role:
        role = nodes.inline(classes=["sp-role"])
        role.extend(markdown_paragraph(publication.role, []).children)
        parts.append(role)
    parts.extend(link_references(_all_links(publication)))
    return joined(parts, nodes.paragraph(classes=["sp-pub-meta"]))


def _authors(authors: Sequence[Author], settings: RenderSettings) -> nodes.paragraph:
    paragraph = nodes.paragraph(classes=["sp-pub-authors"])
    for index, author in enumerate(authors):
        if index:
            paragraph += nodes.Text(", ")
        is_me = normalize_name(author.name) in settings.highlight
        name: nodes.Element = (
            nodes.strong(author.name, author.name, classes=["sp-me"])
            if is_me
            else nodes.inline(author.name, author.name, classes=["sp-author"])
        )
        paragraph += external_link(author.name, author.url) if author.url and not is_me else name
        marks = ("*" if author.equal else "") + ("†" if author.corresponding else "")
        if marks:
            paragraph += nodes.superscript(marks, marks)
    return paragraph


def _venue(publication: Publication, settings: RenderSettings) -> nodes.paragraph | None:
    parts: list[nodes.Node] = []
    if publication.venue:
        parts.append(nodes.emphasis(publication.venue, publication.venue))
    when = publication.when
    if when is not None:
        text = when.format(settings.date_format, settings.present)
        parts.append(nodes.inline(text, text, classes=["sp-date"]))
    if publication.role:
        parts.extend(markdown_paragraph(publication.role, []).children)
    badges = _badges(publication)
    if not parts and not badges:
        return None
    paragraph = nodes.paragraph(classes=["sp-pub-venue"])
    for index, part in enumerate(parts):
        if index:
            paragraph += nodes.Text(", ")
        paragraph += part
    for badge in badges:
        if len(paragraph):
            paragraph += nodes.Text(" ")
        paragraph += badge
    return paragraph


def _all_links(publication: Publication) -> list[Link]:
    """The entry's links, plus DOI and arXiv links unless a link already contains the id."""
    links = list(publication.links)
    identifiers = (
        ("DOI", publication.doi, "https://doi.org/"),
        ("arXiv", publication.arxiv, "https://arxiv.org/abs/"),
    )
    for label, identifier, prefix in identifiers:
        if not identifier:
            continue
        bare = (
            identifier.split(":", 1)[1]
            if identifier.lower().startswith(("doi:", "arxiv:"))
            else identifier.removeprefix(prefix)
        )
        if not any(bare in link.url for link in links):
            links.append(Link(label=label, url=prefix + bare))
    return links


def _links(publication: Publication) -> nodes.paragraph | None:
    links = link_references(_all_links(publication))
    if not links:
        return None
    return joined(links, nodes.paragraph(classes=["sp-pub-links"]))


def type_heading(key: str) -> str:
    """The heading of a ``:group-by: type`` group, in the page's language."""
    return str(TYPE_HEADINGS.get(key, TYPE_HEADINGS["other"]))


TYPE_HEADINGS = {
    "conference": _("Conference papers"),
    "journal": _("Journal articles"),
    "preprint": _("Preprints"),
    "workshop": _("Workshop papers"),
    "thesis": _("Theses"),
    "book": _("Books"),
    "chapter": _("Book chapters"),
    "report": _("Technical reports"),
    "patent": _("Patents"),
    "software": _("Software"),
    "other": _("Other"),
    "": _("Other"),
}
