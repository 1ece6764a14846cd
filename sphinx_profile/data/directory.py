"""Look-ups of the shared files: co-authors by name, venues by badge text.

Pure functions over :class:`~.models.Coauthor` and :class:`~.models.Venue`
records. Co-author names are compared as author highlighting compares them
(:func:`.names.normalize_name`: accents, case, dots, ``Last, First``), so a
name from a BibTeX file matches the same name typed in YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .names import normalize_name

if TYPE_CHECKING:
    from .models import Coauthor, Venue

# "ICLR 2024", "ICLR'24", "ICLR-2024", "NeurIPS 2023 (Spotlight)" -> the venue's own name.
_EDITION = re.compile(r"^(?P<name>.*?\S)[\s'\u2019\-]*(?:19|20)?\d{2}\b.*$")


def coauthor_index(coauthors: Iterable[Coauthor]) -> dict[str, str]:
    """Normalized name (and alias) -> URL; the first entry of a name wins."""
    index: dict[str, str] = {}
    for coauthor in coauthors:
        for name in (coauthor.name, *coauthor.aliases):
            index.setdefault(normalize_name(name), coauthor.url)
    return index


def venue_index(venues: Iterable[Venue]) -> dict[str, Venue]:
    """Badge text (case folded) -> its venue; the first entry of a text wins."""
    index: dict[str, Venue] = {}
    for venue in venues:
        index.setdefault(venue.short.casefold(), venue)
    return index


def find_venue(badge: str | None, venues: Mapping[str, Venue]) -> Venue | None:
    """A badge's venue: by its whole text, else without the year (``ICLR 2024`` -> ``ICLR``)."""
    if not badge or not venues:
        return None
    key = badge.strip().casefold()
    if key in venues:
        return venues[key]
    edition = _EDITION.match(key)
    return venues.get(edition.group("name")) if edition else None
