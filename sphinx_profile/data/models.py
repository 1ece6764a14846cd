"""Typed models, one per record kind: the single source of truth for the data files.

They validate at build time and give the JSON Schema of each file. Field aliases
accept the spellings people bring from other tools (``company``, ``abbr``).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .dates import PartialDate
from .fields import Date, Text, TextList, Url, mapping_to_items, text_to_mapping

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

EQUAL_MARK = "*"
CORRESPONDING_MARK = "†"


def field_error(field: str, message: str) -> PydanticCustomError:
    """An error of a whole-record check, reported at ``field`` (``ctx["field"]``)."""
    return PydanticCustomError("record_check", message, {"field": field})


def _choices(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    _line: int = PrivateAttr(default=0)

    @property
    def line(self) -> int:
        """The line of the data file where this record starts (0 if unknown)."""
        return self._line

    @classmethod
    def known_keys(cls) -> list[str]:
        """Every key a data file may use for this model, aliases included."""
        keys: list[str] = []
        for name, info in cls.model_fields.items():
            alias = info.validation_alias
            if isinstance(alias, AliasChoices):
                keys.extend(str(choice) for choice in alias.choices)
            else:
                keys.append(name)
        return keys


class Link(Model):
    label: Text
    url: Url

    @model_validator(mode="before")
    @classmethod
    def _bare_email(cls, value: Any) -> Any:
        """``email: me@example.org`` in a links mapping becomes a mailto: link."""
        if isinstance(value, dict) and str(value.get("label", "")).lower() in ("email", "mail"):
            url = value.get("url")
            if isinstance(url, str) and "@" in url and not url.startswith("mailto:"):
                return {**value, "url": f"mailto:{url.strip()}"}
        return value


class PersonRef(Model):
    """A host, an advisor: a name and an optional link."""

    name: Text
    url: Url | None = None


def _split_marks(value: Any) -> Any:
    """``"Jane Doe*†"`` -> ``{name: "Jane Doe", equal: true, corresponding: true}``."""
    if not isinstance(value, str):
        return value
    name = value.strip()
    marks = {"equal": False, "corresponding": False}
    while name and name[-1] in (EQUAL_MARK, CORRESPONDING_MARK):
        marks["equal" if name[-1] == EQUAL_MARK else "corresponding"] = True
        name = name[:-1].rstrip()
    return {"name": name, **marks}


class Author(Model):
    name: Text
    url: Url | None = None
    equal: bool = False
    corresponding: bool = False


Links = Annotated[list[Link], mapping_to_items("label", "url")]
People = Annotated[
    list[Annotated[PersonRef, text_to_mapping("name")]],
    BeforeValidator(lambda value: [value] if isinstance(value, str | dict) else value),
]


class Profile(Model):
    file_kind: ClassVar[str] = "profile"

    name: Text
    aliases: TextList = []
    avatar: Text | None = None
    headline: Text | None = None
    affiliation: Text | None = None
    location: Text | None = None
    email: Text | None = None
    bio: Text | None = None
    links: Links = []


class Publication(Model):
    file_kind: ClassVar[str] = "publications"

    id: Text
    title: Text
    authors: list[Annotated[Author, BeforeValidator(_split_marks)]] = []
    venue: Text | None = None
    venue_short: Text | None = Field(None, validation_alias=_choices("venue_short", "abbr"))
    year: int | None = Field(None, ge=1000, le=9999)
    date: Date | None = None
    type: PublicationType | None = None
    topics: TextList = []
    tags: TextList = []
    selected: bool = False
    role: Text | None = None
    links: Links = []
    doi: Text | None = None
    arxiv: Text | None = None
    abstract: Text | None = None
    bibtex: Text | None = None
    award: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _year_matches_date(self) -> Publication:
        if self.year is not None and self.date is not None and self.date.year != self.year:
            raise field_error("date", f"year {self.year} disagrees with date {self.date}")
        return self

    @property
    def when(self) -> PartialDate | None:
        if self.date is not None:
            return self.date
        return PartialDate(self.year) if self.year is not None else None


class _Dated(Model):
    start: Date | None = Field(None, validation_alias=_choices("start", "start_date"))
    end: Date | None = Field(None, validation_alias=_choices("end", "end_date"))

    @model_validator(mode="after")
    def _start_before_end(self) -> Any:
        if self.start is not None and self.end is not None and not self.start.may_precede(self.end):
            raise field_error("end", f"start {self.start} is after end {self.end}")
        return self


class Experience(_Dated):
    file_kind: ClassVar[str] = "experience"

    organization: Text = Field(validation_alias=_choices("organization", "company"))
    url: Url | None = None
    position: Text | None = Field(None, validation_alias=_choices("position", "role", "title"))
    hosts: People = []
    location: Text | None = None
    summary: Text | None = None
    highlights: TextList = []


class Education(_Dated):
    file_kind: ClassVar[str] = "education"

    institution: Text
    url: Url | None = None
    degree: Text | None = None
    area: Text | None = None
    advisors: People = []
    location: Text | None = None
    summary: Text | None = None
    highlights: TextList = []


class Project(Model):
    file_kind: ClassVar[str] = "projects"

    name: Text
    url: Url | None = None
    description: Text | None = None
    role: Text | None = None
    tags: TextList = []


class NewsItem(Model):
    file_kind: ClassVar[str] = "news"

    date: Date
    text: Text


class PublicationOverlay(Model):
    """What a YAML file adds to publications read from elsewhere (a .bib), by ``id``."""

    file_kind: ClassVar[str] = "publication-overlay"

    id: Text
    topics: TextList = []
    tags: TextList = []
    selected: bool | None = None
    role: Text | None = None
    links: Links = []
    venue_short: Text | None = Field(None, validation_alias=_choices("venue_short", "abbr"))
    type: PublicationType | None = None
    award: Text | None = None
    note: Text | None = None
    abstract: Text | None = None


RECORD_MODELS: dict[str, type[Model]] = {
    model.file_kind: model
    for model in (
        Profile,
        Publication,
        Experience,
        Education,
        Project,
        NewsItem,
        PublicationOverlay,
    )
}
"""File kind (also the default file's stem) -> the model of its records."""
