"""Publication entries and lists, in the ``full`` and ``compact`` styles."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from docutils import nodes

from ..data.bibtex_source import visible_bibtex
from ..data.directory import find_venue
from ..data.models import Link, Publication, Venue
from ..locale import _
from ..output.nodes import markup_node, sp_heading
from .authors import derive_role, legend, marks_used, render_authors
from .common import RenderSettings, link_references
from .inline import inline_markdown
from .inline_html import inline_html, with_html
from .markup import Content, Markup, element, joined, link, text_of

TITLE_LINK_LABELS = ("paper", "html", "pdf")


@dataclass(frozen=True)
class ListLayout:
    style: str = "full"
    list_type: str = "bullet"
    reversed: bool = False
    """Number from the total down to 1, as CVs do (implies numbering)."""
    paper_pages: bool = False
    """Titles link to each entry's own page (:func:`paper_pagename`)."""
    previews: bool = True
    """Thumbnails beside the entries that have one (``full``; ``compact`` with ``:previews:``)."""


PAPER_PAGES_DIR = "publications"


def paper_pagename(publication_id: str) -> str:
    """``publications/<id>``: an id made safe as a file name (``a:b/c`` -> ``a-b-c``)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", publication_id).strip("-.") or "entry"
    return f"{PAPER_PAGES_DIR}/{slug}"


def publication_anchor(publication: Publication) -> str:
    """The stable HTML id of an entry: ``pub-<id>``."""
    return nodes.make_id(f"pub-{publication.id}")


def render_publication_groups(
    groups: Sequence[tuple[str | None, Sequence[Publication]]],
    layout: ListLayout,
    settings: RenderSettings,
    anchored: set[str] | None = None,
    previews: Mapping[str, str] | None = None,
) -> list[nodes.Element]:
    """Group headings and one list per group, then the legend of author marks.

    ``previews`` maps publication ids to their thumbnails' URIs (relative to the
    source folder, as Sphinx's image nodes have them).

    Each list is one :class:`~sphinx_profile.output.nodes.sp_markup` node: long lists
    cost Sphinx one node rather than dozens per entry.

    Numbers run on across groups. An entry shown twice on a page (in two
    groups, or two lists) carries its anchor only the first time: ``anchored``
    holds the anchors the page already has, and is updated.
    """
    output: list[nodes.Element] = []
    anchored = set() if anchored is None else anchored
    marks: set[str] = set()
    numbered = layout.reversed or layout.list_type == "enumerated"
    total = sum(len(publications) for _, publications in groups)
    number = total if layout.reversed else 1
    for heading, publications in groups:
        if heading is not None:
            output.append(sp_heading(heading, heading))
        entries: list[Content] = []
        for publication in publications:
            anchor = publication_anchor(publication)
            body = render_publication(
                publication, layout.style, settings, anchor not in anchored, layout.paper_pages
            )
            preview = (previews or {}).get(publication.id) if layout.previews else None
            if preview is not None:
                body.insert(0, _preview(preview))
            anchored.add(anchor)
            marks |= marks_used(publication.authors) if layout.style == "full" else set()
            entries.append(_wrap_entry(body, layout, numbered, number))
            number += -1 if layout.reversed else 1
        output.append(markup_node(_list(entries, layout, numbered)))
    note = legend(marks)
    if note is not None:
        output.append(note)
    return output


def _preview(uri: str) -> Markup:
    """The thumbnail: decorative (the title beside it says what it shows)."""
    return element("image", uri=uri, candidates={"*": uri}, alt="", classes=["sp-pub-preview"])


def _list(entries: list[Content], layout: ListLayout, numbered: bool) -> Markup:
    classes = ["sp-list", "sp-publications", f"sp-{layout.style}"]
    if numbered:
        return element(
            "numbered_list", *entries, classes=classes, enumtype="arabic", prefix="", suffix="."
        )
    if layout.list_type == "none":
        return element("container", *entries, classes=[*classes, "sp-unlisted"])
    return element("bullet_list", *entries, classes=classes)


def _wrap_entry(body: Sequence[Content], layout: ListLayout, numbered: bool, number: int) -> Markup:
    if numbered:
        return element("numbered_item", *body, classes=["sp-pub"], number=number)
    if layout.list_type == "none":
        return element("container", *body, classes=["sp-pub"])
    return element("list_item", *body, classes=["sp-pub"])


def render_publication(
    publication: Publication,
    style: str,
    settings: RenderSettings,
    anchored: bool = True,
    paper_page: bool = False,
) -> list[Markup]:
    """The body of one entry: title, then the lines of its style, toggles and note."""
    body: list[Markup] = [_title(publication, settings, anchored, paper_page)]
    role = publication.role
    if role is None and settings.derive_role:
        role = derive_role(publication.authors, settings)
    if style == "compact":
        meta = _compact_meta(publication, role, settings)
        if meta.children:
            body.append(meta)
    else:
        if publication.authors:
            body.append(render_authors(publication.authors, settings))
        body.extend(_paragraphs(publication, ("annotation",)))
        venue = _venue(publication, role, settings)
        if venue is not None:
            body.append(venue)
        body.extend(_paragraphs(publication, ("tldr",)))
        links = link_references(all_links(publication, settings), settings.link_style)
        if links:
            body.append(element("paragraph", *joined(links), classes=["sp-pub-links"]))
    body.extend(_toggles(publication, settings))
    body.extend(_paragraphs(publication, ("award_text", "note")))
    return body


def _paragraphs(publication: Publication, fields: tuple[str, ...]) -> list[Markup]:
    """The entry's Markdown remarks (``annotation``, ``tldr``…), a paragraph each."""
    output = []
    for field in fields:
        if field == "award_text":  # the award's text, when its badge shows its name
            text = publication.award if publication.award_name else None
        else:
            text = getattr(publication, field)
        if text:
            prefix: list[Content] = [element("strong", "TL;DR:"), " "] if field == "tldr" else []
            classes = [f"sp-pub-{field.replace('_', '-')}"]
            output.append(element("paragraph", *prefix, *rich_text(text), classes=classes))
    return output


def rich_text(text: str) -> list[Content]:
    """A Markdown field's markup, with the inline HTML subset of al-folio."""
    return with_html(inline_markdown(text))


def title_url(publication: Publication) -> str | None:
    """Where a linked title points: the paper link, else the DOI."""
    by_label = {link.label.casefold(): link.url for link in publication.links}
    for label in TITLE_LINK_LABELS:
        if label in by_label:
            return by_label[label]
    return f"https://doi.org/{publication.doi}" if publication.doi else None


def _title(
    publication: Publication, settings: RenderSettings, anchored: bool, paper_page: bool = False
) -> Markup:
    parts: list[Content] = []
    if anchored:
        parts.append(element("target", ids=[publication_anchor(publication)]))
    text = inline_html(publication.title)
    if paper_page:
        parts.append(element("paper_link", *text, pagename=paper_pagename(publication.id)))
    else:
        url = title_url(publication) if settings.link_titles else None
        parts.extend([element("reference", *text, refuri=url, internal=False)] if url else text)
    return element("paragraph", *parts, classes=["sp-pub-title"])


def _badges(publication: Publication, settings: RenderSettings) -> list[Markup]:
    badges: list[Markup] = []
    if publication.venue_short:
        classes = ["sp-venue", f"sp-type-{publication.type or 'other'}"]
        venue = find_venue(publication.venue_short, settings.venues)
        colour = _venue_colour(publication, settings, venue)
        colour_attribute = {"colour": colour} if colour else {}
        text: Content = publication.venue_short
        if venue is not None and venue.url:
            text = link(publication.venue_short, venue.url, ["sp-venue-link"])
        badges.append(element("badge", text, classes=classes, **colour_attribute))
    award = publication.award_name or publication.award
    if award:
        badges.append(element("badge", *rich_text(award), classes=["sp-award"]))
    citations = _citations_badge(publication, settings)
    if citations is not None:
        badges.append(citations)
    return badges


def _citations_badge(publication: Publication, settings: RenderSettings) -> Markup | None:
    """``Cited by 41``, from ``citations.yaml``, when the list shows counts."""
    if settings.citations is None:
        return None
    counted = settings.citations.get(publication.id)
    if counted is None:
        return None
    # TRANSLATORS: a badge after a publication; %s is a number of citations.
    text = str(_("Cited by %s")) % format_count(counted.count, settings.language)
    return element("badge", text, classes=["sp-citations"])


def format_count(count: int, language: str) -> str:
    """``1,234`` / ``1 234``: digits grouped as the page's language groups them."""
    from babel.numbers import format_decimal

    from ..data.dates import babel_locale

    return str(format_decimal(count, locale=babel_locale(language)))


def _venue_colour(
    publication: Publication, settings: RenderSettings, venue: Venue | None = None
) -> str | None:
    """``profile_venue_colors`` by badge text, then ``venues.yaml``, then the setting by type."""
    by_key = {key.casefold(): colour for key, colour in reversed(settings.venue_colors)}
    badge = (publication.venue_short or "").casefold()
    if badge in by_key:
        return by_key[badge]
    if venue is not None and venue.color:
        return venue.color
    return by_key.get((publication.type or "").casefold())


def _role(role: str) -> Markup:
    return element("inline", *inline_markdown(role), classes=["sp-role"])


def _compact_meta(publication: Publication, role: str | None, settings: RenderSettings) -> Markup:
    """The seed's line: ``arXiv | first author | paper | code | blog``."""
    links = all_links(publication, settings)
    parts: list[Content] = []
    for badge in _badges(publication, settings):
        # A link labelled as the badge ("arXiv" beside the badge "arXiv") is the badge's
        # own link, rather than the same word twice in a row.
        same = next((item for item in links if item.label.casefold() == _text(badge)), None)
        if same is not None:
            links.remove(same)
            parts.append(link(badge, same.url, ["sp-link", "sp-badge-link"]))
        else:
            parts.append(badge)
    if role:
        parts.append(_role(role))
    parts.extend(link_references(links, settings.link_style))
    return element("paragraph", *joined(parts), classes=["sp-pub-meta"])


def _text(badge: Markup) -> str:
    return text_of(badge).strip().casefold()


def _venue(publication: Publication, role: str | None, settings: RenderSettings) -> Markup | None:
    """``[ICLR 2024] International Conference on …, 2024, first author``."""
    parts: list[Content] = []
    venue_name = publication.venue
    if not venue_name:
        venue = find_venue(publication.venue_short, settings.venues)
        venue_name = venue.name if venue is not None else None
    if venue_name:
        parts.append(element("emphasis", venue_name))
    if publication.location:
        parts.append(element("inline", publication.location, classes=["sp-location"]))
    if publication.additional_info:
        # Written to follow the venue directly, as al-folio shows it (", *oral*").
        extra = element("inline", *rich_text(publication.additional_info), classes=["sp-info"])
        parts[-1:] = [element("inline", *parts[-1:], extra)] if parts else [extra]
    when = publication.when
    if publication.date_text:
        parts.append(element("inline", publication.date_text, classes=["sp-date"]))
    elif when is not None:
        parts.append(element("inline", settings.format_date(when), classes=["sp-date"]))
    if role:
        parts.append(_role(role))
    badges = _badges(publication, settings)
    if not parts and not badges:
        return None
    children: list[Content] = []
    for badge in badges:
        children += [badge, " "]
    for index, part in enumerate(parts):
        if index:
            children.append(", ")
        children.append(part)
    return element("paragraph", *children, classes=["sp-pub-venue"])


def all_links(publication: Publication, settings: RenderSettings | None = None) -> list[Link]:
    """The entry's links, plus DOI and arXiv links unless a link already contains the id,
    then the pages that count its citations (al-folio's badges, as links)."""
    links = _with_identifiers(publication, list(publication.links))
    return [*links, *metric_links(publication, settings.scholar_user if settings else None)]


def metric_links(publication: Publication, scholar_user: str | None) -> list[Link]:
    """Altmetric, Dimensions and Google Scholar pages of the entry (never fetched)."""
    found = []
    for label, value, pattern in (
        ("Altmetric", publication.altmetric, "https://www.altmetric.com/details/{}"),
        ("Dimensions", publication.dimensions, "https://badge.dimensions.ai/details/id/{}"),
    ):
        url = _metric_url(label, value, pattern, publication)
        if url:
            found.append(Link.model_construct(label=label, url=url))
    if publication.google_scholar_id and scholar_user:
        user, paper = quote(scholar_user), quote(publication.google_scholar_id.strip())
        url = SCHOLAR_CITATION.format(user=user, paper=paper)
        found.append(Link.model_construct(label="Scholar", url=url))
    return found


SCHOLAR_CITATION = (
    "https://scholar.google.com/citations?view_op=view_citation"
    "&user={user}&citation_for_view={user}:{paper}"
)
_BY_DOI = {
    "Altmetric": "https://www.altmetric.com/details/doi/{}",
    "Dimensions": "https://badge.dimensions.ai/details/doi/{}",
}


def _metric_url(label: str, value: str | None, pattern: str, publication: Publication) -> str:
    """``true``: the page of the entry's DOI; ``false`` or nothing: none; else an id."""
    text = (value or "").strip()
    if not text or text.lower() == "false":
        return ""
    if text.lower() != "true":
        return pattern.format(quote(text))
    if publication.doi:
        return _BY_DOI[label].format(quote(publication.doi.strip(), safe="/"))
    if label == "Altmetric" and publication.arxiv:
        return f"https://www.altmetric.com/details/arxiv/{quote(publication.arxiv.strip())}"
    return ""


def _with_identifiers(publication: Publication, links: list[Link]) -> list[Link]:
    """``links`` and the DOI and arXiv links, unless a link already contains the id."""
    identifiers = (
        ("DOI", publication.doi, "https://doi.org/"),
        ("arXiv", publication.arxiv, "https://arxiv.org/abs/"),
    )
    for label, identifier, prefix in identifiers:
        if not identifier:
            continue
        bare = identifier.strip()
        if bare.lower().startswith(("doi:", "arxiv:")):
            bare = bare.split(":", 1)[1].strip()
        bare = bare.removeprefix(prefix)
        if not any(bare in link.url for link in links):
            # Built from a validated identifier behind a fixed https prefix: nothing to check.
            links.append(Link.model_construct(label=label, url=prefix + bare))
    return links


def shown_bibtex(publication: Publication, settings: RenderSettings) -> str:
    """The entry's BibTeX without the fields ``profile_bibtex_hidden_fields`` lists."""
    return visible_bibtex(publication.bibtex or "", settings.bibtex_hidden_fields)


def _toggles(publication: Publication, settings: RenderSettings) -> list[Markup]:
    """Abstract and BibTeX behind ``<details>``; other builders leave them out."""
    toggles: list[Markup] = []
    if publication.abstract:
        summary = element("summary", str(_("Abstract")))
        abstract = element("paragraph", publication.abstract)
        toggles.append(
            element("toggle", summary, abstract, classes=["sp-abstract"], fallback="none")
        )
    if publication.bibtex:
        summary = element("summary", str(_("BibTeX")))
        # "force": a malformed entry is shown as it is, without a lexer warning.
        bibtex = shown_bibtex(publication, settings)
        code = element("literal_block", bibtex, language="bibtex", force=True)
        toggles.append(element("toggle", summary, code, classes=["sp-bibtex"], fallback="none"))
    return toggles


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
