"""Files written as a mapping keyed by name: venues, citation counts, al-folio's co-authors.

``venues.yaml`` and ``citations.yaml`` may be a list of records, like every
other data file, or a mapping whose keys are the records' key field, as
al-folio writes its ``venues.yml``::

    ICLR:                       # -> {short: ICLR, url: …, color: …}
      url: https://iclr.cc
      color: "#2f6db5"

    pab: 41                     # citations.yaml: a bare number is the count
    dsp: {count: 12, source: OpenAlex, fetched: 2025-01-04}

al-folio's ``_data/coauthors.yml`` is keyed by last name, with a list of people
who share it, each with their first names (full or initials) and a URL::

    "you":
      - firstname: ["Yang", "Y."]
        url: https://www.comp.nus.edu.sg/~youy/

Each becomes a co-author ``Yang You`` with the alias ``Y. You``. Positions move
with the values (:class:`.translate.Translation`), so a problem is reported at
its line in the file as written.
"""

from __future__ import annotations

from typing import Any

from ..loader import YamlDocument
from .translate import Translation

KEY_FIELDS = {"venues": "short", "citations": "id"}
"""Kind -> the field a mapping's keys fill."""
KEYED_KINDS = frozenset({*KEY_FIELDS, "coauthors"})
"""The kinds whose file may be a mapping rather than a list."""
BARE_VALUES = {"citations": "count"}
"""Kind -> the field a bare (non-mapping) value of the mapping fills."""


def is_keyed(document: YamlDocument, kind: str) -> bool:
    return isinstance(document.data, dict) and kind in KEYED_KINDS


def from_keyed(document: YamlDocument, kind: str) -> YamlDocument:
    """The mapping form of ``document`` as a list of records."""
    if kind == "coauthors":
        return _from_alfolio_coauthors(document)
    translation = Translation(document, [])
    records: list[Any] = []
    key_field = KEY_FIELDS[kind]
    for key, value in document.data.items():
        target = (len(records),)
        if isinstance(value, dict):
            record = translation.copy((key,), target)
            record = {key_field: str(key), **record}
        elif kind in BARE_VALUES and not isinstance(value, list):
            record = {key_field: str(key), BARE_VALUES[kind]: value}
            translation.place((*target, BARE_VALUES[kind]), (key,))
        else:
            record = translation.copy((key,), target)  # validation reports it here
        translation.place(target, (key,))
        translation.place((*target, key_field), (key,))
        records.append(record)
    translation.result.data = records
    return translation.result


def _from_alfolio_coauthors(document: YamlDocument) -> YamlDocument:
    translation = Translation(document, [])
    records: list[Any] = []
    for last_name, people in document.data.items():
        entries = people if isinstance(people, list) else [people]
        for index, person in enumerate(entries):
            source = (last_name, index) if isinstance(people, list) else (last_name,)
            target = (len(records),)
            if not isinstance(person, dict):
                records.append(translation.copy(source, target))
                continue
            first = person.get("firstname", [])
            first_names = [first] if isinstance(first, str) else list(first or [])
            # al-folio writes the key in lower case ("you"); the name is matched caselessly.
            last = (
                str(last_name)
                if str(last_name).lower() != str(last_name)
                else str(last_name).title()
            )
            names = [f"{name} {last}".strip() for name in first_names if name] or [last]
            record: dict[str, Any] = {"name": names[0], "aliases": names[1:]}
            for key in person:
                if key != "firstname":
                    record[key] = translation.copy((*source, key), (*target, key))
            translation.place(target, source)
            translation.place((*target, "name"), (*source, "firstname"))
            records.append(record)
    translation.result.data = records
    return translation.result
