"""al-folio's display fields of a BibTeX entry (``_bibliography/papers.bib``).

al-folio (https://github.com/alshedivat/al-folio) reads fields of its own from
each entry (``_layouts/bib.liquid``) and hides them from the BibTeX it shows
(``filtered_bibtex_keywords``). Each is mapped here onto the publication
schema, or is a link, or is known to need nothing (``bibtex_show``: the BibTeX
is always there to open); the ones no page shows yet are named by
:func:`not_shown`, so that the reader reports them once instead of dropping
them silently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

TEXT_FIELDS = {
    "award_name": "award_name",
    "annotation": "annotation",
    "additional_info": "additional_info",
    "tldr": "tldr",
    "location": "location",
    "altmetric": "altmetric",
    "dimensions": "dimensions",
    "google_scholar_id": "google_scholar_id",
}
"""Field -> the publication key it fills, as text (LaTeX turned into Unicode)."""

LINK_FIELDS = {"supp": "supp", "demo": "demo"}
"""Field -> label of the link it gives (a URL or a path, as al-folio's buttons)."""

ID_LINKS = {
    "inspirehep_id": ("INSPIRE", "https://inspirehep.net/literature/{}"),
    "hal": ("HAL", "https://hal.science/{}"),
    "pmid": ("PubMed", "https://pubmed.ncbi.nlm.nih.gov/{}/"),
}
"""Field holding an identifier -> (label, URL of the identifier)."""

NOTHING_TO_SHOW = frozenset({"bibtex_show"})
"""Fields that ask for what this site always does (the BibTeX toggle)."""

NOT_SHOWN = {
    "featured_title": "a title for al-folio's featured cards",
    "featured_description": "a description for al-folio's featured cards",
    "featured_order": "the order of al-folio's featured cards",
}
"""Fields no page shows yet -> what they are, for the message."""

VENUE_FALLBACK = ("conference",)
"""Where an ``@presentation`` names its venue, when no usual venue field is there."""


def complete(record: dict[str, Any], fields: Mapping[str, str], text: Callable[[str], str]) -> None:
    """Add al-folio's display fields of ``fields`` (lower-case BibTeX fields) to ``record``."""
    for field, key in TEXT_FIELDS.items():
        if fields.get(field, "").strip():
            record[key] = text(fields[field])
    links = {
        label: fields[field].strip() for field, label in LINK_FIELDS.items() if fields.get(field)
    }
    for field, (label, pattern) in ID_LINKS.items():
        value = fields.get(field, "").strip()
        if value:
            links[label] = pattern.format(quote(value, safe=":/"))
    if links:
        record["links"] = {**record.get("links", {}), **links}
    if "venue" not in record:
        venue = next((fields[name] for name in VENUE_FALLBACK if fields.get(name)), None)
        if venue:
            record["venue"] = text(venue)
    if "selected" not in record and "featured" in fields:
        record["selected"] = fields["featured"].strip().lower() in ("true", "yes", "1")


def not_shown(fields: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (field, message) of each field of ``fields`` that no page shows."""
    return [
        (field, f"field {field!r} ({what}) is not shown: no page shows it")
        for field, what in NOT_SHOWN.items()
        if str(fields.get(field, "")).strip()
    ]


def schema_keys() -> dict[str, str]:
    """BibTeX field -> the schema key it fills, for the positions of problems."""
    keys = dict(TEXT_FIELDS)
    keys.update({field: "links" for field in (*LINK_FIELDS, *ID_LINKS)})
    keys.update({field: "venue" for field in VENUE_FALLBACK})
    keys["featured"] = "selected"
    return keys
