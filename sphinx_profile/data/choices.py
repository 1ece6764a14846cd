"""The fixed choices of the directives' options and of the data's fields, declared once.

Each set is a ``Literal`` (the models' field types, so the JSON Schema lists the
same values) and a tuple of its values (what a directive option accepts, what a
query or a renderer is given). A new choice goes here, and the directives, the
query functions, the renderers, the models and the schema all take it. Plain
``typing``: no pydantic, no Sphinx, so a directive imports it for nothing.
"""

from __future__ import annotations

from typing import Literal, get_args

PublicationType = Literal[
    "conference",
    "journal",
    "preprint",
    "workshop",
    "thesis",
    "book",
    "chapter",
    "report",
    "patent",
    "software",
    "other",
]
PUBLICATION_TYPES: tuple[str, ...] = get_args(PublicationType)
"""``type`` of a publication; ``:types:`` and ``:exclude-types:`` of ``publication-list``."""

PublicationSort = Literal["date", "date-asc", "title", "file"]
PUBLICATION_SORTS: tuple[str, ...] = get_args(PublicationSort)
"""``:sort:`` of ``publication-list``."""

PublicationGroup = Literal["none", "topic", "year", "type", "venue"]
PUBLICATION_GROUPS: tuple[str, ...] = get_args(PublicationGroup)
"""``:group-by:`` of ``publication-list``."""

PublicationStyle = Literal["full", "compact"]
PUBLICATION_STYLES: tuple[str, ...] = get_args(PublicationStyle)
"""``:style:`` of ``publication-list``."""

ListType = Literal["bullet", "enumerated", "none"]
LIST_TYPES: tuple[str, ...] = get_args(ListType)
"""``:list:`` of ``publication-list``: the markers of its entries."""

TalkType = Literal[
    "invited", "keynote", "contributed", "seminar", "tutorial", "poster", "panel", "other"
]
TALK_TYPES: tuple[str, ...] = get_args(TalkType)
"""``type`` of a talk; ``:types:`` of ``talks``."""

ServiceType = Literal[
    "reviewing", "program committee", "organizing", "editorial", "mentoring", "outreach", "other"
]
SERVICE_TYPES: tuple[str, ...] = get_args(ServiceType)
"""``type`` of a service entry; ``:types:`` of ``service``."""

CvGroup = Literal["none", "year", "type"]
CV_GROUPS: tuple[str, ...] = get_args(CvGroup)
"""``:group-by:`` of the CV section directives."""

PeopleStyle = Literal["cards", "list"]
PEOPLE_STYLES: tuple[str, ...] = get_args(PeopleStyle)
"""``:style:`` of ``people``."""

PeopleGroup = Literal["position", "group", "none"]
PEOPLE_GROUPS: tuple[str, ...] = get_args(PeopleGroup)
"""``:group-by:`` of ``people``."""

LinkStyle = Literal["icon+label", "icon", "label"]
LINK_STYLES: tuple[str, ...] = get_args(LinkStyle)
"""``profile_link_style``: links with icon and label, the icon alone, or the label alone."""
