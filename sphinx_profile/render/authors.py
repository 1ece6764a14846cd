"""Author lists: the highlighted name, contribution marks, truncation, derived roles."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from ..data.models import CORRESPONDING_MARK, EQUAL_MARK, Author
from ..data.names import normalize_name
from ..locale import _
from .common import RenderSettings
from .markup import Content, Markup, element, link
from .people import member_link

_ORDINALS = (
    _("first author"),
    _("second author"),
    _("third author"),
    _("fourth author"),
    _("fifth author"),
)


def highlighted_index(
    authors: Sequence[Author], settings: RenderSettings, names: frozenset[str] | None = None
) -> int | None:
    """The position of the first author among ``names`` (default: the highlighted ones)."""
    wanted = settings.highlight if names is None else names
    for index, author in enumerate(authors):
        if normalize_name(author.name) in wanted:
            return index
    return None


def derive_role(authors: Sequence[Author], settings: RenderSettings) -> str | None:
    """``first author``, ``co-first author``, ``last author`` or an ordinal, from the list.

    The role is the page's person's (``settings.person``), not that of every
    highlighted name. Co-first means the person and everyone before them carry
    the equal mark.
    """
    index = highlighted_index(authors, settings, settings.person or settings.highlight)
    if index is None:
        return None
    if index == 0:
        return str(_ORDINALS[0])
    if all(author.equal for author in authors[: index + 1]):
        return str(_("co-first author"))
    if index == len(authors) - 1 and len(authors) > 2:
        return str(_("last author"))
    return str(_ORDINALS[index]) if index < len(_ORDINALS) else None


def marks_used(authors: Sequence[Author]) -> set[str]:
    used = set()
    for author in authors:
        if author.equal:
            used.add(EQUAL_MARK)
        if author.corresponding:
            used.add(CORRESPONDING_MARK)
    return used


def render_authors(authors: Sequence[Author], settings: RenderSettings) -> Markup:
    """A paragraph of names; a long list becomes a toggle (full list in other builders).

    Truncated HTML keeps the highlighted name visible: ``A, B, C, …, Me and 35 more``.
    """
    limit = settings.max_authors
    full = _names_paragraph(authors, range(len(authors)), settings)
    if not limit or len(authors) <= limit:
        return full
    shown = list(range(limit))
    me = highlighted_index(authors, settings)
    if me is not None and me >= limit:
        shown = [*range(limit - 1), me]
    hidden = len(authors) - len(shown)
    # A summary is itself a control: links nested in it cannot be reached by keyboard
    # (and axe-core flags them), so its names are plain text; the full list links them.
    short = _names_paragraph(authors, shown, settings, elide=True, linked=False)
    more = " " + str(_("and %d more")) % hidden
    summary = element(
        "summary",
        element("inline", *short.children, classes=["sp-authors-short"]),
        element("inline", more, classes=["sp-more"]),
        classes=["sp-authors-summary"],
    )
    toggle = element("toggle", summary, full, classes=["sp-authors"], fallback="body")
    return element("container", toggle, classes=["sp-pub-authors"])


def _names_paragraph(
    authors: Sequence[Author],
    indices: Sequence[int] | range,
    settings: RenderSettings,
    *,
    elide: bool = False,
    linked: bool = True,
) -> Markup:
    children: list[Content] = []
    previous = -1
    for position, index in enumerate(indices):
        if position:
            children.append(", … " if elide and index != previous + 1 else ", ")
        children.extend(_author(authors[index], settings, linked))
        previous = index
    return element("paragraph", *_merged(children), classes=["sp-pub-authors"])


def _merged(children: list[Content]) -> list[Content]:
    """Neighbouring strings as one: a name without a link is text between the commas."""
    output: list[Content] = []
    for child in children:
        if isinstance(child, str) and output and isinstance(output[-1], str):
            output[-1] += child
        else:
            output.append(child)
    return output


def _author(author: Author, settings: RenderSettings, linked: bool) -> list[Content]:
    normalized = normalize_name(author.name)
    member_id = settings.members.get(normalized) if linked else None
    name: Content
    if normalized in settings.highlight:
        name = element("strong", author.name, classes=["sp-me"])
    elif author.url and member_id is None and linked:
        name = link(author.name, author.url, ["sp-author"])
    elif member_id is None and linked and normalized in settings.coauthors:
        # coauthors.yaml: the same link for the name in every list, .bib entries included.
        name = link(author.name, settings.coauthors[normalized], ["sp-author", "sp-coauthor"])
    else:
        # Plain text, not a span per name: nothing styles it, and a long list then
        # costs a node or two per entry rather than one per name.
        name = author.name
    if member_id is not None:
        # A member's page, resolved when pages are written; else the author's url.
        name = member_link(member_id, author.url, name)
    output: list[Content] = [name]
    marks = (EQUAL_MARK if author.equal else "") + (
        CORRESPONDING_MARK if author.corresponding else ""
    )
    if marks:
        output.append(element("superscript", marks, classes=["sp-mark"]))
    return output


def legend(marks: set[str]) -> nodes.paragraph | None:
    """``* Equal contribution  † Corresponding author``, for the marks that appear."""
    if not marks:
        return None
    paragraph = nodes.paragraph(classes=["sp-legend"])
    entries = []
    if EQUAL_MARK in marks:
        entries.append(EQUAL_MARK + " " + str(_("Equal contribution")))
    if CORRESPONDING_MARK in marks:
        entries.append(CORRESPONDING_MARK + " " + str(_("Corresponding author")))
    paragraph += nodes.Text("; ".join(entries))
    return paragraph
