"""schema.org JSON-LD from the data models: a ``ProfilePage``, its ``Person``, the works.

Pure functions, no Sphinx: the caller gives the URLs and ``@id``\\ s, so the
same graph comes out whatever builds the page. Terms used, all from schema.org:

* ``Person``: ``name``, ``alternateName``, ``url``, ``image``, ``jobTitle``,
  ``affiliation``, ``homeLocation``, ``email``, ``description``, ``sameAs``,
  ``identifier`` (ORCID as a ``PropertyValue``), ``worksFor`` and ``alumniOf``
  as ``Role``\\ s, ``hasCredential``, ``award`` (``awards.yaml``) and
  ``knowsAbout`` (the skill groups and keywords of ``skills.yaml``);
* ``Role`` (the schema.org pattern: the role repeats the property it
  qualifies, ``{"@type": "Role", "worksFor": {...}, "startDate": ...}``):
  ``roleName``, ``startDate``, ``endDate``;
* ``EducationalOccupationalCredential``: ``name``, ``credentialCategory``,
  ``educationalLevel``, ``recognizedBy``, ``dateCreated``;
* works (``ScholarlyArticle``, or ``Thesis``, ``Book``, ``Chapter``,
  ``Report``, ``SoftwareSourceCode`` by publication type): ``name``,
  ``headline``, ``author``, ``datePublished``, ``url``, ``sameAs``,
  ``identifier`` (DOI, arXiv), ``abstract``, ``keywords``, and the venue as
  ``isPartOf`` (a journal ``Periodical``, a book), ``publication`` (a
  conference's ``PublicationEvent``) or ``publisher`` (an ``Organization``);
* talks: an ``Event`` (``name``, ``startDate``, ``endDate``, ``location`` as
  a ``Place`` with ``geo``, ``superEvent``: the conference or seminar,
  ``description``, ``url``) whose ``performer`` is the person.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..data.dates import PartialDate
from ..render.inline_html import html_text

if TYPE_CHECKING:
    from ..data.cv_models import Award, Skill, Talk
    from ..data.models import Education, Experience, Link, Profile, Publication

JsonObject = dict[str, Any]

CONTEXT = "https://schema.org"

WORK_TYPES = {
    "thesis": "Thesis",
    "book": "Book",
    "chapter": "Chapter",
    "report": "Report",
    "software": "SoftwareSourceCode",
}
"""Publication type -> schema.org type; every other type is a ``ScholarlyArticle``."""

_ORCID = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def _compact(node: JsonObject) -> JsonObject:
    """Drop the properties that have no value (None, empty text or list)."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def _date(value: PartialDate | None) -> str | None:
    """ISO 8601 with the precision known (``2023``, ``2023-09``); none for ``present``."""
    return None if value is None or value.present else value.isoformat()


def _plain(markdown: str | None) -> str | None:
    """The words of a Markdown field, without its markup."""
    if not markdown:
        return None
    from ..render.inline import inline_markdown
    from ..render.markup import text_of

    return text_of(inline_markdown(markdown)) or None


def _organization(name: str, url: str | None, schema_type: str = "Organization") -> JsonObject:
    return _compact({"@type": schema_type, "name": name, "url": url})


def orcid_id(link: Link) -> str | None:
    """The ORCID iD of a link labelled ``orcid`` or pointing to orcid.org."""
    if link.label.strip().lower() != "orcid" and "orcid.org" not in link.url.lower():
        return None
    found = _ORCID.search(link.url)
    return found.group(1) if found else None


def _role(
    prop: str,
    target: JsonObject,
    role_name: str | None,
    start: PartialDate | None,
    end: PartialDate | None,
) -> JsonObject:
    return _compact(
        {
            "@type": "Role",
            prop: target,
            "roleName": role_name,
            "startDate": _date(start),
            "endDate": _date(end),
        }
    )


def degree_name(entry: Education) -> str | None:
    if entry.degree and entry.area:
        return f"{entry.degree}, {entry.area}"
    return entry.degree or entry.area


def _earned(entry: Education, today: _dt.date) -> bool:
    """A degree with an end date that has passed; an open or future end is not earned yet."""
    end = entry.end
    if end is None or end.present or not entry.degree:
        return False
    return (end.year, end.month or 1, end.day or 1) <= (today.year, today.month, today.day)


def _credential(entry: Education) -> JsonObject:
    return _compact(
        {
            "@type": "EducationalOccupationalCredential",
            "name": degree_name(entry),
            "credentialCategory": "degree",
            "educationalLevel": entry.degree,
            "recognizedBy": _organization(entry.institution, entry.url, "EducationalOrganization"),
            "dateCreated": _date(entry.end),
        }
    )


def person_node(
    profile: Profile,
    *,
    node_id: str,
    url: str,
    image: str | None = None,
    experience: Sequence[Experience] = (),
    education: Sequence[Education] = (),
    awards: Sequence[Award] = (),
    skills: Sequence[Skill] = (),
    today: _dt.date | None = None,
) -> JsonObject:
    """The ``Person`` of ``profile.yaml``, with positions and degrees as ``Role``\\ s."""
    today = today or _dt.date.today()
    web_links = [link.url for link in profile.links if link.url.startswith(("http:", "https:"))]
    orcids = [found for link in profile.links if (found := orcid_id(link))]
    email = profile.email or next(
        (
            link.url.removeprefix("mailto:")
            for link in profile.links
            if link.url.startswith("mailto:")
        ),
        None,
    )
    return _compact(
        {
            "@type": "Person",
            "@id": node_id,
            "name": profile.name,
            "alternateName": list(profile.aliases),
            "url": url,
            "image": image,
            "jobTitle": profile.headline,
            "affiliation": _organization(profile.affiliation, None)
            if profile.affiliation
            else None,
            "homeLocation": {"@type": "Place", "name": profile.location}
            if profile.location
            else None,
            "email": email,
            "description": _plain(profile.bio),
            "sameAs": list(dict.fromkeys(web_links)),
            "identifier": [
                {
                    "@type": "PropertyValue",
                    "propertyID": "ORCID",
                    "value": orcid,
                    "url": f"https://orcid.org/{orcid}",
                }
                for orcid in dict.fromkeys(orcids)
            ],
            "worksFor": [
                _role(
                    "worksFor",
                    _organization(entry.organization, entry.url),
                    entry.position,
                    entry.start,
                    entry.end,
                )
                for entry in experience
            ],
            "alumniOf": [
                _role(
                    "alumniOf",
                    _organization(entry.institution, entry.url, "EducationalOrganization"),
                    degree_name(entry),
                    entry.start,
                    entry.end,
                )
                for entry in education
            ],
            "hasCredential": [_credential(entry) for entry in education if _earned(entry, today)],
            "award": [_award_text(award) for award in awards],
            "knowsAbout": _knows_about(skills),
        }
    )


def _award_text(award: Award) -> str:
    """``Best Paper Award, ICLR (2024)``: schema.org's ``award`` is text."""
    text = f"{award.name}, {award.awarder}" if award.awarder else award.name
    return f"{text} ({award.date.year})" if award.date and not award.date.present else text


def _knows_about(skills: Sequence[Skill]) -> list[str]:
    """The skill groups' names and keywords, each once; spoken languages are not topics."""
    topics = [word for skill in skills if skill.name for word in (skill.name, *skill.keywords)]
    return list(dict.fromkeys(topics))


def talk_node(talk: Talk, *, person_id: str) -> JsonObject:
    """A talk as an ``Event`` the person performs at."""
    place = None
    if talk.location or talk.lat is not None:
        geo = None
        if talk.lat is not None and talk.lon is not None:
            geo = {"@type": "GeoCoordinates", "latitude": talk.lat, "longitude": talk.lon}
        place = _compact({"@type": "Place", "name": talk.location, "geo": geo})
    start = talk.date or talk.start
    return _compact(
        {
            "@type": "Event",
            "name": talk.title,
            "startDate": _date(start),
            "endDate": _date(talk.end),
            "location": place,
            "superEvent": _compact({"@type": "Event", "name": talk.event, "url": talk.event_url})
            if talk.event
            else None,
            "description": _plain(talk.summary),
            "url": talk.links[0].url if talk.links else None,
            "performer": {"@id": person_id},
        }
    )


def person_reference(profile: Profile, *, node_id: str, url: str) -> JsonObject:
    """The person as named on a page that does not show the profile card."""
    return {"@type": "Person", "@id": node_id, "name": profile.name, "url": url}


def profile_page_node(*, page_url: str, person_id: str, name: str | None = None) -> JsonObject:
    return _compact(
        {
            "@type": "ProfilePage",
            "@id": page_url,
            "url": page_url,
            "name": name,
            "mainEntity": {"@id": person_id},
        }
    )


def _identifiers(publication: Publication) -> list[JsonObject]:
    found = []
    for property_id, value in (("DOI", publication.doi), ("arXiv", publication.arxiv)):
        if value:
            found.append({"@type": "PropertyValue", "propertyID": property_id, "value": value})
    return found


def _venue(publication: Publication) -> tuple[str, JsonObject] | None:
    """The property and node that say where the work appeared."""
    name = publication.venue
    if not name:
        return None
    kind = publication.type
    if kind == "journal":
        return "isPartOf", {"@type": "Periodical", "name": name}
    if kind in ("conference", "workshop"):
        return "publication", {"@type": "PublicationEvent", "name": name}
    if kind == "chapter":
        return "isPartOf", {"@type": "Book", "name": name}
    return "publisher", {"@type": "Organization", "name": name}


def work_node(
    publication: Publication,
    *,
    node_id: str,
    url: str | None,
    same_as: Iterable[str] = (),
    person_id: str | None = None,
    is_person: Callable[[str], bool] = lambda name: False,
) -> JsonObject:
    """A publication; the author who is the profile's person is ``{"@id": person_id}``."""
    authors: list[JsonObject] = []
    for author in publication.authors:
        if person_id is not None and is_person(author.name):
            authors.append({"@id": person_id})
        else:
            authors.append(_compact({"@type": "Person", "name": author.name, "url": author.url}))
    node = _compact(
        {
            "@type": WORK_TYPES.get(publication.type or "", "ScholarlyArticle"),
            "@id": node_id,
            "name": html_text(publication.title),
            "headline": html_text(publication.title),
            "author": authors,
            "datePublished": _date(publication.when),
            "url": url,
            "sameAs": [link for link in dict.fromkeys(same_as) if link != url],
            "identifier": _identifiers(publication),
            "abstract": publication.abstract,
            "keywords": list(publication.topics),
        }
    )
    venue = _venue(publication)
    if venue is not None:
        node[venue[0]] = venue[1]
    return node


def graph(nodes: Iterable[JsonObject]) -> JsonObject:
    return {"@context": CONTEXT, "@graph": list(nodes)}


def to_script_json(data: JsonObject) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` become ``\\u003c`` and so on.

    No text of the data can then close the script element or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def script_tag(data: JsonObject) -> str:
    return f'<script type="application/ld+json">{to_script_json(data)}</script>\n'
