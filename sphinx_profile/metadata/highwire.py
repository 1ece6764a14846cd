"""Highwire Press ``citation_*`` meta tags, the ones Google Scholar reads.

Pure: a publication in, ``(name, content)`` pairs out; :func:`meta_tags`
writes them with every attribute value escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..data.dates import PartialDate
from ..render.inline_html import html_text

if TYPE_CHECKING:
    from ..data.models import Publication

VENUE_TAGS = {
    "journal": "citation_journal_title",
    "conference": "citation_conference_title",
    "workshop": "citation_conference_title",
    "thesis": "citation_dissertation_institution",
    "report": "citation_technical_report_institution",
    "book": "citation_publisher",
    "chapter": "citation_inbook_title",
}
"""Publication type -> the tag that names its venue; other types name none."""

PDF_LABELS = ("pdf", "paper")
_ARXIV_PREFIX = re.compile(r"^(arxiv:|https?://arxiv\.org/(abs|pdf)/)", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(doi:|https?://(dx\.)?doi\.org/)", re.IGNORECASE)


def publication_date(when: PartialDate | None) -> str | None:
    """``YYYY/MM/DD`` for a full date, else ``YYYY``: the two forms Scholar accepts."""
    if when is None or when.present:
        return None
    if when.month and when.day:
        return f"{when.year:04d}/{when.month:02d}/{when.day:02d}"
    return f"{when.year:04d}"


def bare_arxiv(identifier: str) -> str:
    bare = _ARXIV_PREFIX.sub("", identifier.strip())
    return bare.removesuffix(".pdf")


def bare_doi(identifier: str) -> str:
    return _DOI_PREFIX.sub("", identifier.strip())


def pdf_url(publication: Publication) -> str | None:
    """A link labelled ``pdf``, a ``paper`` link to a ``.pdf``, else arXiv's PDF."""
    for link in publication.links:
        label = link.label.strip().casefold()
        if label == "pdf" or (label in PDF_LABELS and link.url.lower().endswith(".pdf")):
            return link.url
    if publication.arxiv:
        return f"https://arxiv.org/pdf/{bare_arxiv(publication.arxiv)}"
    return None


def citation_tags(publication: Publication, page_url: str | None) -> list[tuple[str, str]]:
    """The tags of one publication's page, in the order Scholar's guidelines list them."""
    tags = [("citation_title", html_text(publication.title))]
    tags += [("citation_author", author.name) for author in publication.authors]
    date = publication_date(publication.when)
    if date:
        tags.append(("citation_publication_date", date))
    venue_tag = VENUE_TAGS.get(publication.type or "")
    if venue_tag and publication.venue:
        tags.append((venue_tag, publication.venue))
    pdf = pdf_url(publication)
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    if publication.doi:
        tags.append(("citation_doi", bare_doi(publication.doi)))
    if publication.arxiv:
        tags.append(("citation_arxiv_id", bare_arxiv(publication.arxiv)))
    if page_url:
        tags.append(("citation_abstract_html_url", page_url))
    return tags


def meta_tags(pairs: Iterable[tuple[str, str]]) -> str:
    """``<meta name="…" content="…">`` lines; names and values are attribute-escaped."""
    return "".join(
        f'<meta name="{_attribute(name)}" content="{_attribute(value)}" />\n'
        for name, value in pairs
    )


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)
