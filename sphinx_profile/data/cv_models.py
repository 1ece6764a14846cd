"""The CV's other sections: talks, teaching, awards, service, skills and generic entries.

Kept beside :mod:`.models` (whose base classes they use) so that each module
stays about one concern; importing :mod:`.models` registers these kinds in
``RECORD_MODELS`` too, so validation, the JSON Schema and the guide's tables
know them like the others.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from .choices import ServiceType, TalkType
from .dates import PartialDate
from .fields import AlsoAccepts, Date, Kind, Markdown, MarkdownList, Text, TextList, Url
from .models import (
    HUGOBLOX,
    JSON_RESUME,
    RECORD_MODELS,
    RENDERCV,
    Aliases,
    Authors,
    Dated,
    Links,
    Record,
    field_error,
)

ACADEMICPAGES = "academicpages"

# Spellings other tools and people use for the same types.
_TALK_SYNONYMS = {
    "talk": "other",
    "invited talk": "invited",
    "keynote talk": "keynote",
    "keynote address": "keynote",
    "plenary": "keynote",
    "contributed talk": "contributed",
    "oral": "contributed",
    "conference talk": "contributed",
    "conference proceedings talk": "contributed",
    "seminar talk": "seminar",
    "colloquium": "seminar",
    "workshop": "tutorial",
    "poster presentation": "poster",
    "panel discussion": "panel",
}
_SERVICE_SYNONYMS = {
    "reviewer": "reviewing",
    "review": "reviewing",
    "pc": "program committee",
    "program committee member": "program committee",
    "organization": "organizing",
    "organising": "organizing",
    "organizer": "organizing",
    "editor": "editorial",
    "mentor": "mentoring",
}


def entry_error(message: str) -> PydanticCustomError:
    """An error of a whole entry, which no left-out field would mend: the entry goes."""
    return PydanticCustomError("record_check", message, {})


def _normalized(synonyms: dict[str, str]) -> BeforeValidator:
    """``Invited Talk``, ``program-committee`` -> the type's own spelling."""

    def convert(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        key = " ".join(value.replace("_", " ").replace("-", " ").lower().split())
        return synonyms.get(key, key)

    return BeforeValidator(convert)


Years = Annotated[
    list[Annotated[int, Field(ge=1000, le=9999)]],
    BeforeValidator(lambda value: [value] if isinstance(value, int | str) else value),
    AlsoAccepts(one_item=True),
    Kind("list of years"),
]


class _OneDate(Dated):
    """An entry with a single ``date``, or a ``start``/``end`` range."""

    date: Date | None = Field(None, description="When it happened (instead of ``start``/``end``).")

    @property
    def when(self) -> PartialDate | None:
        """The date that places the entry in time: ``date``, else the end, else the start."""
        if self.date is not None:
            return self.date
        if self.end is not None and not self.end.present:
            return self.end
        return self.start

    @property
    def covered_years(self) -> list[int]:
        """The calendar years the entry covers (a range gives every year in it)."""
        return _years_of(self.date, self.start, self.end)


def _years_of(
    date: PartialDate | str | None, start: PartialDate | None, end: PartialDate | None
) -> list[int]:
    """The years of a ``date``, else every year from ``start`` to ``end``."""
    if isinstance(date, PartialDate):
        return [] if date.present else [date.year]
    if start is None:
        return [] if end is None or end.present else [end.year]
    last = end.year if end is not None and not end.present else start.year
    return list(range(start.year, max(last, start.year) + 1))


class Talk(_OneDate):
    """``talks.yaml``: a list of talks, posters and panels."""

    file_kind: ClassVar[str] = "talks"

    title: Text = Field(description="The title of the talk.")
    event: Text | None = Field(
        None,
        validation_alias=Aliases("event", venue=ACADEMICPAGES),
        description="Where it was given: a conference, a seminar series, a university.",
    )
    event_url: Url | None = Field(None, description="The event's web site; the event links to it.")
    type: Annotated[TalkType | None, _normalized(_TALK_SYNONYMS)] = Field(
        None,
        description="``invited``, ``keynote``, ``contributed``, ``seminar``, ``tutorial``, "
        "``poster``, ``panel`` or ``other``, for ``:types:`` and ``:group-by: type``; "
        "``Invited talk`` or ``Talk`` (academicpages) are read as ``invited`` and ``other``.",
    )
    location: Text | None = Field(None, description="The city, such as ``Vienna, Austria``.")
    coauthors: Authors = Field(
        [],
        validation_alias=Aliases("coauthors", authors=HUGOBLOX),
        description="The people the work is with, shown as *With …*.",
    )
    links: Links = Field([], description="Slides, video, poster… in the order to show them.")
    summary: Markdown | None = Field(
        None,
        validation_alias=Aliases("summary", description=ACADEMICPAGES),
        description="A sentence about the talk.",
    )
    lat: float | None = Field(
        None,
        ge=-90,
        le=90,
        validation_alias=Aliases("lat", latitude=()),
        description="The latitude of the location, for the talk map (``48.21``).",
    )
    lon: float | None = Field(
        None,
        ge=-180,
        le=180,
        validation_alias=Aliases("lon", longitude=(), lng=()),
        description="The longitude of the location, for the talk map (``16.37``).",
    )

    @model_validator(mode="after")
    def _both_coordinates(self) -> Talk:
        if (self.lat is None) != (self.lon is None):
            # Reported at the coordinate given, which is then left out.
            given, missing = ("lat", "lon") if self.lon is None else ("lon", "lat")
            raise field_error(given, f"'{missing}' is missing: give both lat and lon, or none")
        return self


class Teaching(Dated):
    """``teaching.yaml``: a list of courses taught, one entry per term."""

    file_kind: ClassVar[str] = "teaching"

    course: Text = Field(
        validation_alias=Aliases("course", title=ACADEMICPAGES),
        description="The name of the course.",
    )
    code: Text | None = Field(None, description="The course code, such as ``CS 101``.")
    institution: Text | None = Field(
        None,
        validation_alias=Aliases("institution", venue=ACADEMICPAGES),
        description="The university or school.",
    )
    url: Url | None = Field(None, description="The course's web page; the course links to it.")
    role: Text | None = Field(
        None,
        description="Your part: ``Instructor``, ``Co-instructor``, ``Teaching assistant``, "
        "``Guest lecturer``…",
    )
    level: Text | None = Field(
        None,
        validation_alias=Aliases("level", type=ACADEMICPAGES),
        description="Such as ``Undergraduate`` or ``Graduate course``.",
    )
    term: Text | None = Field(
        None, description="The term, such as ``Fall 2023`` (instead of ``start``/``end``)."
    )
    location: Text | None = Field(None, description="Where it was.")
    summary: Markdown | None = Field(
        None,
        validation_alias=Aliases("summary", description=ACADEMICPAGES),
        description="A sentence about it.",
    )
    highlights: MarkdownList = Field([], description="Achievements, one bullet each.")

    @property
    def covered_years(self) -> list[int]:
        """The years of the dates, else a four-digit year written in ``term``."""
        for date in (self.end, self.start):
            if date is not None and not date.present:
                return [date.year]
        digits = [word for word in (self.term or "").replace("/", " ").split() if word.isdigit()]
        return [int(word) for word in digits if len(word) == 4][-1:]


class Award(Record):
    """``awards.yaml``: a list of awards, honours, grants and fellowships."""

    file_kind: ClassVar[str] = "awards"

    name: Text = Field(
        validation_alias=Aliases("name", title=(JSON_RESUME, HUGOBLOX)),
        description="The award, such as ``Best Paper Award``.",
    )
    awarder: Text | None = Field(
        None,
        validation_alias=Aliases("awarder", organization=HUGOBLOX),
        description="Who gave it.",
    )
    date: Date | None = Field(None, description="When it was given.")
    url: Url | None = Field(
        None,
        validation_alias=Aliases("url", certificate_url=HUGOBLOX),
        description="A page about it; the name links to it.",
    )
    summary: Markdown | None = Field(
        None,
        validation_alias=Aliases("summary", description=HUGOBLOX),
        description="A sentence about it.",
    )

    @property
    def covered_years(self) -> list[int]:
        return [self.date.year] if self.date is not None and not self.date.present else []


class Service(_OneDate):
    """``service.yaml``: a list of reviewing, committees, organizing, mentoring and outreach."""

    file_kind: ClassVar[str] = "service"

    role: Text = Field(
        validation_alias=Aliases("role", position=JSON_RESUME),
        description="Your role, such as ``Reviewer`` or ``Area Chair``.",
    )
    organization: Text | None = Field(
        None,
        validation_alias=Aliases("organization", venue=()),
        description="The venue, journal or organisation, such as ``NeurIPS``.",
    )
    type: Annotated[ServiceType | None, _normalized(_SERVICE_SYNONYMS)] = Field(
        None,
        description="``reviewing``, ``program committee``, ``organizing``, ``editorial``, "
        "``mentoring``, ``outreach`` or ``other``, for ``:types:`` and ``:group-by: type``.",
    )
    years: Years = Field(
        [],
        validation_alias=Aliases("years", year=()),
        description="The years, as a list (``[2023, 2024]``), instead of ``date`` or "
        "``start``/``end``.",
    )
    url: Url | None = Field(None, description="The venue's web site; the venue links to it.")
    summary: Markdown | None = Field(None, description="A sentence about it.")
    highlights: MarkdownList = Field([], description="Achievements, one bullet each.")

    @property
    def covered_years(self) -> list[int]:
        return sorted({*self.years, *super().covered_years})


class Skill(Record):
    """``skills.yaml``: a list of skill groups and spoken languages."""

    file_kind: ClassVar[str] = "skills"

    name: Text | None = Field(
        None,
        validation_alias=Aliases("name", label=RENDERCV),
        description="The group, such as ``Programming``; required unless ``language`` is given.",
    )
    keywords: TextList = Field(
        [],
        validation_alias=Aliases("keywords", details=RENDERCV),
        description="The skills of the group, shown after its name.",
    )
    level: Text | None = Field(None, description="How well, such as ``Advanced``.")
    language: Text | None = Field(
        None, description="A spoken language (an entry of JSON Resume's ``languages``)."
    )
    fluency: Text | None = Field(
        None, description="How well you speak ``language``, such as ``Native``."
    )

    @model_validator(mode="after")
    def _named(self) -> Skill:
        if not self.name and not self.language:
            raise entry_error("give a 'name' (a skill group) or a 'language'")
        return self


class CvEntry(Dated):
    """A generic CV entry (``cv-section``): patents, grants, supervision, media…

    RenderCV's seven entry shapes are read by their own keys: one-line
    (``label``/``details``), bullet (``bullet``), normal (``name``), experience
    (``company``/``position``), education (``institution``/``degree``/``area``),
    publication (``title``/``authors``/``journal``) and text (a bare string).
    An entry of a title and a text alone (a one-line entry) is shown on one line.
    """

    file_kind: ClassVar[str] = "cv-section"

    title: Text | None = Field(
        None,
        validation_alias=Aliases(
            "title",
            name=(RENDERCV, JSON_RESUME),
            label=RENDERCV,
            company=RENDERCV,
            institution=RENDERCV,
        ),
        description="What the entry is; the line in bold.",
    )
    subtitle: Text | None = Field(
        None,
        validation_alias=Aliases(
            "subtitle",
            organization=(),
            position=RENDERCV,
            awarder=JSON_RESUME,
            issuer=JSON_RESUME,
        ),
        description="The organisation, position or role, on the line below.",
    )
    degree: Text | None = Field(None, description="RenderCV education: the degree.")
    area: Text | None = Field(None, description="RenderCV education: the field of study.")
    authors: Authors = Field([], description="RenderCV publication: the authors.")
    venue: Text | None = Field(
        None,
        validation_alias=Aliases("venue", journal=RENDERCV),
        description="RenderCV publication: the journal or conference.",
    )
    date: Date | Text | None = Field(
        None,
        description="When it happened (instead of ``start``/``end``); RenderCV's free text "
        "such as ``Fall 2023`` is shown as written.",
    )
    location: Text | None = Field(None, description="Where it was.")
    url: Url | None = Field(None, description="Where the title links to.")
    doi: Text | None = Field(None, description="A DOI (RenderCV publication); shown as a link.")
    summary: Markdown | None = Field(
        None,
        validation_alias=Aliases(
            "summary",
            details=RENDERCV,
            bullet=RENDERCV,
            number=RENDERCV,
            reversed_number=RENDERCV,
            text=RENDERCV,
            description=(),
            reference=JSON_RESUME,
        ),
        description="A sentence or paragraph; a RenderCV text entry is this alone.",
    )
    highlights: MarkdownList = Field([], description="Bullets below the entry.")
    links: Links = Field([], description="Links shown after the entry.")

    @property
    def covered_years(self) -> list[int]:
        """The years of the entry, for ``:years:`` and ``:group-by: year``."""
        return _years_of(self.date, self.start, self.end)

    @model_validator(mode="after")
    def _has_content(self) -> CvEntry:
        if not self.title and not self.summary:
            raise entry_error("an entry needs a 'title' (or 'name', 'label'…) or a text")
        return self


CV_RECORD_MODELS: dict[str, type[Record]] = {
    model.file_kind: model for model in (Talk, Teaching, Award, Service, Skill, CvEntry)
}
RECORD_MODELS.update(CV_RECORD_MODELS)
