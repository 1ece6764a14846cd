"""Overlay: add topics, roles, links… to publications from a .bib without editing it."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Link, Publication, PublicationOverlay

# Fields an overlay replaces; lists are merged instead (see apply_overlay).
_REPLACED = ("selected", "role", "venue_short", "type", "award", "note", "abstract")


def apply_overlay(
    publications: Sequence[Publication], overlays: Sequence[PublicationOverlay]
) -> tuple[list[Publication], list[PublicationOverlay]]:
    """The publications with their overlay applied, and the overlays that matched none.

    Set fields replace the publication's; ``topics`` and ``tags`` are added
    (no duplicates); ``links`` are added, a label already present is replaced.
    """
    by_id = {overlay.id: overlay for overlay in overlays}
    merged: list[Publication] = []
    for publication in publications:
        overlay = by_id.pop(publication.id, None)
        merged.append(publication if overlay is None else _merge(publication, overlay))
    return merged, list(by_id.values())


def _merge(publication: Publication, overlay: PublicationOverlay) -> Publication:
    update: dict[str, object] = {
        field: getattr(overlay, field) for field in _REPLACED if getattr(overlay, field) is not None
    }
    update["topics"] = list(dict.fromkeys([*publication.topics, *overlay.topics]))
    update["tags"] = list(dict.fromkeys([*publication.tags, *overlay.tags]))
    links: dict[str, Link] = {link.label.casefold(): link for link in publication.links}
    links.update({link.label.casefold(): link for link in overlay.links})
    update["links"] = list(links.values())
    merged = publication.model_copy(update=update)
    merged._line = publication.line
    return merged
