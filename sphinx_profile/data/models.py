"""Typed models, one per record kind: the single source of truth for the data files.

They validate at build time, give the JSON Schema of each file
(:mod:`.schema`) and the field tables of the guide. Field aliases accept the
spellings people bring from other tools; each :class:`Aliases` says from which.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .choices import PublicationType
from .dates import PartialDate
from .fields import (
    SHARED_VALUES,
    TEXT_SCHEMA,
    URL_SCHEMA,
    AlsoAccepts,
    Colour,
    Date,
    Kind,
    Markdown,
    MarkdownList,
    Text,
    TextList,
    UnsafeUrl,
    Url,
    mapping_to_items,
    text_to_mapping,
)

EQUAL_MARK = "*"
CORRESPONDING_MARK = "†"

JSON_RESUME = "JSON Resume"
RENDERCV = "RenderCV"
AL_FOLIO = "al-folio"
HUGOBLOX = "HugoBlox"

HUGOBLOX_LINKS = ("pdf", "code", "dataset", "poster", "project", "slides", "source", "video")
"""HugoBlox's ``url_<label>`` keys of a publication, in the order they join ``links``."""


def field_error(field: str, message: str) -> PydanticCustomError:
    """An error of a whole-record check, reported at ``field`` (``ctx["field"]``)."""
    return PydanticCustomError("record_check", message, {"field": field})


class Aliases(AliasChoices):
    """The field's own name, then the other spellings a file may use, each with its origin.

    ``Aliases("start", startDate=JSON_RESUME)``: the origins are shown in the guide.
    """

    __slots__ = ("sources",)

    def __init__(self, field_name: str, /, **sources: str | tuple[str, ...]) -> None:
        super().__init__(field_name, *sources)
        self.sources = {
            alias: (tools,) if isinstance(tools, str) else tools for alias, tools in sources.items()
        }


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, defer_build=True
    )

    @classmethod
    def aliases_of(cls, name: str) -> list[str]:
        """The other keys a data file may use for field ``name``."""
        alias = cls.model_fields[name].validation_alias
        return list(alias.sources) if isinstance(alias, Aliases) else []

    @classmethod
    def known_keys(cls) -> list[str]:
        """Every key a data file may use for this model, aliases included."""
        return [key for name in cls.model_fields for key in (name, *cls.aliases_of(name))]


class Record(Model):
    """An entry of a data file (a publication, a job, the profile): knows its lines.

    Only records carry lines, not the values inside them (authors, links), which
    are many and would each need a dictionary of their own.
    """

    _line: int = PrivateAttr(default=0)
    _key_lines: dict[str, int] = PrivateAttr(default_factory=dict)

    @property
    def line(self) -> int:
        """The line of the data file where this record starts (0 if unknown)."""
        return self._line

    def line_of(self, key: str) -> int:
        """The line where the file wrote ``key`` (any alias), else where the record starts."""
        return self._key_lines.get(key, self._line)


class Link(Model):
    """A link: the text shown and where it goes."""

    label: Text = Field(description="The text of the link, such as ``code`` or ``slides``.")
    url: Url = Field(description="Where the link goes.")

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

    name: Text = Field(description="The person's name.")
    url: Url | None = Field(None, description="Their home page.")


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
    """An author of a publication."""

    name: Text = Field(description="The author's name, as printed.")
    url: Url | None = Field(None, description="Their home page; the name becomes a link.")
    equal: bool = Field(False, description=f"Equal contribution, shown as ``{EQUAL_MARK}``.")
    corresponding: bool = Field(
        False, description=f"The corresponding author, shown as ``{CORRESPONDING_MARK}``."
    )


_AUTHOR_TEXT = {
    **TEXT_SCHEMA,
    "description": f"a name; a trailing {EQUAL_MARK} marks equal contribution, "
    f"{CORRESPONDING_MARK} the corresponding author",
}
_LINKS_MAPPING = {
    "type": "object",
    "description": "link text -> URL, in the order to show them",
    "additionalProperties": URL_SCHEMA,
}
_PERSON_TEXT = {**TEXT_SCHEMA, "description": "a name"}


def _shared(value: Any, info: ValidationInfo) -> Any:
    """One object for equal values of a file: a CV names its author in every entry."""
    shared = info.context.get(SHARED_VALUES) if info.context else None
    return value if shared is None else shared.setdefault(value, value)


Authors = Annotated[
    list[
        Annotated[
            Author,
            BeforeValidator(_split_marks),
            AfterValidator(_shared),
            AlsoAccepts((_AUTHOR_TEXT,)),
        ]
    ],
    Kind("list of authors"),
]
Links = Annotated[
    list[Link],
    mapping_to_items("label", "url"),
    AlsoAccepts((_LINKS_MAPPING,)),
    Kind("links"),
]
People = Annotated[
    list[Annotated[PersonRef, text_to_mapping("name"), AlsoAccepts((_PERSON_TEXT,))]],
    BeforeValidator(lambda value: [value] if isinstance(value, str | dict) else value),
    AlsoAccepts(one_item=True),
    Kind("people"),
]


class Profile(Record):
    """``profile.yaml``: a mapping that describes you."""

    file_kind: ClassVar[str] = "profile"

    name: Text = Field(description="Your name, as shown on the card; highlighted in author lists.")
    aliases: TextList = Field(
        [],
        description="Other spellings of your name in author lists (``X. Zhao``, "
        "``Zhao, Xuanlei``); highlighted like your name.",
    )
    avatar: Text | None = Field(
        None,
        validation_alias=Aliases("avatar", image=JSON_RESUME, photo=RENDERCV),
        description="A photo, as a path relative to the data folder (``avatar.jpg``); "
        "a path outside the data folder is refused.",
    )
    headline: Text | None = Field(
        None,
        validation_alias=Aliases("headline", label=JSON_RESUME),
        description="Your position, such as ``PhD student in Computer Science``.",
    )
    affiliation: Text | None = Field(None, description="Your university or company.")
    location: Text | None = Field(None, description="Where you are, such as ``Singapore``.")
    email: Text | None = Field(None, description="Your e-mail address; shown as a link.")
    phone: Text | None = Field(
        None, description="A phone number, shown as written (``tel:`` left out)."
    )
    bio: Markdown | None = Field(
        None, validation_alias=Aliases("bio", summary=JSON_RESUME), description="A short biography."
    )
    links: Links = Field([], description="Your pages elsewhere (``github: https://…``).")


class Publication(Record):
    """``publications.yaml``: a list of publications."""

    file_kind: ClassVar[str] = "publications"

    id: Text = Field(
        description="A short name for the entry, unique in the file (``pab``); "
        "the anchor ``#pub-<id>`` and the target of ``:pub:`` references."
    )
    title: Text = Field(description="The title.")
    authors: Authors = Field(
        [],
        description=f"The authors, in order; ``{EQUAL_MARK}`` after a name marks equal "
        f"contribution, ``{CORRESPONDING_MARK}`` the corresponding author.",
    )
    venue: Text | None = Field(
        None,
        validation_alias=Aliases(
            "venue", publisher=JSON_RESUME, journal=RENDERCV, publication=HUGOBLOX
        ),
        description="The full name of the venue (``International Conference on "
        "Learning Representations``).",
    )
    venue_short: Text | None = Field(
        None,
        validation_alias=Aliases("venue_short", abbr=AL_FOLIO, publication_short=HUGOBLOX),
        description="The text of the venue badge, such as ``ICLR 2024`` or ``arXiv``.",
    )
    year: int | None = Field(None, ge=1000, le=9999, description="The year of publication.")
    date: Date | None = Field(
        None,
        validation_alias=Aliases("date", releaseDate=JSON_RESUME),
        description="The date of publication, when you know more than the year; "
        "if ``year`` is also given, the two must agree.",
    )
    date_text: Text | None = Field(
        None,
        description="The date as the source wrote it, shown instead of ``date`` (a BibTeX "
        "``year = {1978/79}``); ``date`` still sorts and groups the entry.",
    )
    type: PublicationType | None = Field(
        None, description="The kind of publication, for ``:types:`` and ``:group-by: type``."
    )
    topics: TextList = Field(
        [], description="Research topics, for ``:topics:`` and ``:group-by: topic``."
    )
    tags: TextList = Field([], description="Free labels, for ``:tags:``.")
    selected: bool = Field(
        False,
        validation_alias=Aliases("selected", featured=HUGOBLOX),
        description="Whether ``:selected:`` keeps the entry.",
    )
    role: Markdown | None = Field(None, description="Your part, such as ``first author``.")
    links: Links = Field([], description="Paper, code, slides… in the order to show them.")
    doi: Text | None = Field(None, description="The DOI (``10.1145/3627535.3638465``).")
    arxiv: Text | None = Field(None, description="The arXiv identifier (``2408.12588``).")
    abstract: Text | None = Field(None, description="The abstract.")
    body: Text | None = Field(
        None,
        description="Text for the paper's own page (``:pages:``), below the abstract: "
        "Markdown paragraphs, headings, lists, quotes and code blocks (academicpages' "
        "publication body). Not shown in lists.",
    )
    bibtex: Text | None = Field(None, description="A BibTeX record of the publication.")
    award: Markdown | None = Field(None, description="An award, such as ``Best Paper``.")
    award_name: Text | None = Field(
        None,
        description="The award's short name for its badge (``Best Paper``), when ``award`` "
        "says more (al-folio); ``award`` is then shown below the entry.",
    )
    note: Markdown | None = Field(None, description="Any other remark.")
    annotation: Markdown | None = Field(
        None,
        description="A remark on the author list, such as what its marks mean "
        "(al-folio's ``annotation``); shown below the authors.",
    )
    additional_info: Markdown | None = Field(
        None,
        description="Text shown right after the venue, as al-folio does "
        "(``, *Oral presentation*``).",
    )
    location: Text | None = Field(None, description="Where it was presented.")
    tldr: Markdown | None = Field(None, description="A one-sentence summary (``TL;DR``).")
    altmetric: Text | None = Field(
        None,
        description="``true`` (the DOI's) or an Altmetric id: a link to its Altmetric page.",
    )
    dimensions: Text | None = Field(
        None,
        description="``true`` (the DOI's) or a Dimensions id: a link to its Dimensions page.",
    )
    google_scholar_id: Text | None = Field(
        None,
        description="The paper's Google Scholar citation id: a link to it, when the "
        "profile links to your Google Scholar page (``scholar: …?user=…``).",
    )
    preview: Text | None = Field(
        None,
        validation_alias=Aliases("preview", image=HUGOBLOX, thumbnail=()),
        description="A thumbnail, as a path relative to the data folder "
        "(``previews/pab.png``): shown beside the entry in the ``full`` style, and in "
        "the ``compact`` style with ``:previews:``; in a PDF only when it is PNG or JPEG.",
    )
    url_pdf: Url | None = Field(None, description="HugoBlox: becomes a ``pdf`` link.")
    url_code: Url | None = Field(None, description="HugoBlox: becomes a ``code`` link.")
    url_dataset: Url | None = Field(None, description="HugoBlox: becomes a ``dataset`` link.")
    url_poster: Url | None = Field(None, description="HugoBlox: becomes a ``poster`` link.")
    url_project: Url | None = Field(None, description="HugoBlox: becomes a ``project`` link.")
    url_slides: Url | None = Field(None, description="HugoBlox: becomes a ``slides`` link.")
    url_source: Url | None = Field(None, description="HugoBlox: becomes a ``source`` link.")
    url_video: Url | None = Field(None, description="HugoBlox: becomes a ``video`` link.")

    @model_validator(mode="after")
    def _year_matches_date(self) -> Publication:
        if self.year is not None and self.date is not None and self.date.year != self.year:
            raise field_error("date", f"year {self.year} disagrees with date {self.date}")
        return self

    @model_validator(mode="after")
    def _hugoblox_links(self) -> Publication:
        """``url_pdf: …`` joins ``links`` as a ``pdf`` link (an unsafe one is dropped later)."""
        extra = [
            Link.model_construct(label=label, url=url)
            for label in HUGOBLOX_LINKS
            if (url := getattr(self, f"url_{label}")) and not isinstance(url, UnsafeUrl)
        ]
        if extra:
            # Frozen for users of the model; completing it here is part of validating it.
            object.__setattr__(self, "links", [*self.links, *extra])
        return self

    @property
    def when(self) -> PartialDate | None:
        if self.date is not None:
            return self.date
        return PartialDate(self.year) if self.year is not None else None


HIGHLIGHTS = (
    "Achievements, one bullet each; the lines of a bullet that start with a dash "
    "(``- detail``) are bullets nested in it."
)


class Dated(Record):
    """A record with a ``start``/``end`` range."""

    start: Date | None = Field(
        None,
        validation_alias=Aliases(
            "start", start_date=RENDERCV, startDate=JSON_RESUME, date_start=HUGOBLOX
        ),
        description="When it began.",
    )
    end: Date | None = Field(
        None,
        validation_alias=Aliases("end", end_date=RENDERCV, endDate=JSON_RESUME, date_end=HUGOBLOX),
        description="When it ended, or ``present``; not before ``start``.",
    )

    @model_validator(mode="after")
    def _start_before_end(self) -> Any:
        if self.start is not None and self.end is not None and not self.start.may_precede(self.end):
            raise field_error("end", f"start {self.start} is after end {self.end}")
        return self


class Experience(Dated):
    """``experience.yaml``: a list of positions."""

    file_kind: ClassVar[str] = "experience"

    organization: Text = Field(
        validation_alias=Aliases("organization", company=(RENDERCV, HUGOBLOX), name=JSON_RESUME),
        description="The company, lab or project.",
    )
    url: Url | None = Field(
        None, validation_alias=Aliases("url", company_url=HUGOBLOX), description="Its web site."
    )
    position: Text | None = Field(
        None,
        validation_alias=Aliases("position", role=(), title=HUGOBLOX),
        description="Your position, such as ``Research Engineer Intern``.",
    )
    hosts: People = Field([], description="Your hosts or mentors.")
    location: Text | None = Field(None, description="Where it was.")
    summary: Markdown | None = Field(
        None,
        validation_alias=Aliases("summary", description=HUGOBLOX),
        description="What you did, in a sentence or two.",
    )
    about: Markdown | None = Field(
        None, description="What the organization is (JSON Resume's ``description``)."
    )
    highlights: MarkdownList = Field([], description=HIGHLIGHTS)


class Education(Dated):
    """``education.yaml``: a list of degrees."""

    file_kind: ClassVar[str] = "education"

    institution: Text = Field(description="The university or school.")
    url: Url | None = Field(None, description="Its web site.")
    degree: Text | None = Field(
        None,
        validation_alias=Aliases("degree", studyType=JSON_RESUME),
        description="The degree, such as ``PhD`` or ``B.Eng.``.",
    )
    area: Text | None = Field(None, description="The field of study.")
    advisors: People = Field([], description="Your advisors.")
    location: Text | None = Field(None, description="Where it was.")
    summary: Markdown | None = Field(None, description="A sentence about it.")
    highlights: MarkdownList = Field([], description=HIGHLIGHTS)


class Project(Dated):
    """``projects.yaml``: a list of projects."""

    file_kind: ClassVar[str] = "projects"

    name: Text = Field(
        validation_alias=Aliases("name", title=HUGOBLOX), description="The name of the project."
    )
    url: Url | None = Field(None, description="Its home page or repository.")
    organization: Text | None = Field(
        None,
        validation_alias=Aliases("organization", entity=JSON_RESUME),
        description="The company or group it was for.",
    )
    description: Markdown | None = Field(
        None,
        validation_alias=Aliases("description", summary=(HUGOBLOX, RENDERCV)),
        description="What it is.",
    )
    role: Markdown | None = Field(None, description="Your part in it.")
    location: Text | None = Field(None, description="Where it was.")
    highlights: MarkdownList = Field([], description=HIGHLIGHTS)
    tags: TextList = Field(
        [],
        validation_alias=Aliases("tags", keywords=JSON_RESUME),
        description="Free labels, shown after the project.",
    )


class NewsItem(Record):
    """``news.yaml``: a list of dated news, shown newest first."""

    file_kind: ClassVar[str] = "news"

    date: Date = Field(description="When it happened.")
    text: Markdown = Field(description="The news.")


class PublicationOverlay(Record):
    """What a YAML file adds to publications read from elsewhere (a .bib), by ``id``."""

    file_kind: ClassVar[str] = "publication-overlay"

    id: Text = Field(description="The ``id`` (BibTeX key) of the publication to complete.")
    topics: TextList = Field([], description="Research topics, added to the entry's.")
    tags: TextList = Field([], description="Free labels, added to the entry's.")
    selected: bool | None = Field(None, description="Whether ``:selected:`` keeps the entry.")
    role: Markdown | None = Field(None, description="Your part, such as ``first author``.")
    links: Links = Field([], description="Links added to the entry's; a same label replaces.")
    venue_short: Text | None = Field(
        None,
        validation_alias=Aliases("venue_short", abbr=AL_FOLIO, publication_short=HUGOBLOX),
        description="The text of the venue badge, such as ``ICLR 2024``.",
    )
    type: PublicationType | None = Field(None, description="The kind of publication.")
    award: Markdown | None = Field(None, description="An award, such as ``Best Paper``.")
    note: Markdown | None = Field(None, description="Any other remark.")
    abstract: Text | None = Field(None, description="The abstract.")


class Member(Dated):
    """``people.yaml``: a list of the members of a group, current and former."""

    file_kind: ClassVar[str] = "people"

    id: Text = Field(
        description="A short name, unique in the file (``ada``): the value of ``:person:`` "
        "and the target of links to the member's page."
    )
    name: Text = Field(description="The member's name, as shown; matched in author lists.")
    aliases: TextList = Field(
        [],
        description="Other spellings of the name in author lists (``A. Lovelace``); they "
        "select the member's publications and link to the member's page like the name.",
    )
    photo: Text | None = Field(
        None,
        validation_alias=Aliases("photo", avatar=()),
        description="A photo, as a path relative to the data folder (``lab/photos/ada.jpg``); "
        "a path outside the data folder is refused.",
    )
    position: Text | None = Field(
        None,
        validation_alias=Aliases("position", role=HUGOBLOX),
        description="Such as ``PI``, ``Postdoc``, ``PhD student`` or ``Alumni``: the default "
        "grouping of the ``people`` directive.",
    )
    group: Text | None = Field(
        None, description="A team or research group inside the lab, for ``:group-by: group``."
    )
    url: Url | None = Field(
        None,
        description="The member's own home page; the name links to it when the member "
        "has no page on this site.",
    )
    email: Text | None = Field(None, description="An e-mail address; shown as a link.")
    interests: TextList = Field([], description="Research interests, shown on the card.")
    now: Markdown | None = Field(
        None,
        description="Where a former member went (``Assistant Professor at Example University``).",
    )
    bio: Markdown | None = Field(None, description="A short biography, for the member's page.")
    links: Links = Field([], description="Pages elsewhere (``github: https://…``).")


class Coauthor(Record):
    """``coauthors.yaml``: people whose names link to their pages in every author list."""

    file_kind: ClassVar[str] = "coauthors"

    name: Text = Field(description="The co-author's name, as author lists spell it.")
    aliases: TextList = Field(
        [],
        description="Other spellings in author lists (``Y. You``); they link like the name. "
        "Spellings that differ only in accents, case, dots or ``Last, First`` order "
        "match without one.",
    )
    url: Url = Field(description="Where the name links to: the co-author's home page.")


class Venue(Record):
    """``venues.yaml``: what a venue badge links to and its colour, by badge text."""

    file_kind: ClassVar[str] = "venues"

    short: Text = Field(
        description="The badge text (``venue_short``) it applies to, such as ``ICLR``; "
        "``ICLR`` also applies to ``ICLR 2024`` and ``ICLR'24``. In the mapping form of "
        "the file, the key."
    )
    name: Text | None = Field(
        None,
        validation_alias=Aliases("name", full_name=(), title=()),
        description="The venue's full name, shown when an entry has no ``venue`` of its own.",
    )
    url: Url | None = Field(None, description="The venue's home page: the badge links to it.")
    color: Colour | None = Field(
        None,
        validation_alias=Aliases("color", colour=()),
        description="The badge colour: ``#hex``, a CSS colour name or ``rgb()``.",
    )


class CitationCount(Record):
    """``citations.yaml``: how often each publication is cited, as counted by a source."""

    file_kind: ClassVar[str] = "citations"

    id: Text = Field(
        description="The ``id`` of the publication (its BibTeX key for a .bib). In the "
        "mapping form of the file, the key."
    )
    count: int = Field(
        ge=0,
        validation_alias=Aliases("count", citations=AL_FOLIO, cited_by_count=(), citationCount=()),
        description="The number of citations.",
    )
    source: Text | None = Field(
        None, description="Who counted them, such as ``OpenAlex`` or ``Semantic Scholar``."
    )
    fetched: Date | None = Field(
        None,
        validation_alias=Aliases("fetched", date=(), last_updated=AL_FOLIO),
        description="When the count was fetched.",
    )


RECORD_MODELS: dict[str, type[Record]] = {
    model.file_kind: model
    for model in (
        Profile,
        Publication,
        Experience,
        Education,
        Project,
        NewsItem,
        PublicationOverlay,
        Member,
        Coauthor,
        Venue,
        CitationCount,
    )
}
"""File kind (also the default file's stem) -> the model of its records."""

# The CV sections beyond these live in their own module; importing it adds them here.
from . import cv_models  # noqa: E402, F401
