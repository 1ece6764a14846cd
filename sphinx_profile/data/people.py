"""The members of a lab: current or former, filtered and grouped; their names in author lists.

Pure functions over :class:`~.models.Member` records; the date that separates
current members from alumni is passed in, so the results do not depend on the clock.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .choices import PEOPLE_GROUPS, PeopleGroup
from .dates import PartialDate
from .names import normalize_name

if TYPE_CHECKING:  # the models (pydantic) are imported when records are made
    from .models import Link, Member, Profile

ALUMNI = "Alumni"
"""The group key of former members when people are grouped by position."""

_ALUMNI_WORDS = frozenset({"alumni", "alumnus", "alumna", "alum", "former member"})

DEFAULT_ORDER = (
    "PI",
    "Principal Investigator",
    "Faculty",
    "Research Scientist",
    "Postdoc",
    "PhD student",
    "MS student",
    "Undergraduate",
    "Staff",
    "Visitor",
    ALUMNI,
)
"""The default of ``profile_people_order``: the order of position groups."""

Status = Literal["all", "current", "alumni"]


def last_day(date: PartialDate) -> _dt.date:
    """The last day a partial date may mean: ``2021`` is 31 December 2021."""
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return _dt.date(date.year, month, day)


def is_alumni_position(position: str | None) -> bool:
    """``Alumni``, ``Alumnus``, ``Former member``…: a position that only says "former"."""
    return position is not None and position.casefold() in _ALUMNI_WORDS


def is_alumnus(member: Member, today: _dt.date) -> bool:
    """Former member: ``position: Alumni``, or an end date that has passed."""
    if is_alumni_position(member.position):
        return True
    end = member.end
    return end is not None and not end.present and last_day(end) < today


@dataclass(frozen=True)
class PeopleFilter:
    status: Status = "all"
    positions: tuple[str, ...] = ()
    """Keep members whose ``position`` is one of these (case does not matter)."""

    def accepts(self, member: Member, today: _dt.date) -> bool:
        if self.positions:
            wanted = {position.casefold() for position in self.positions}
            if (member.position or "").casefold() not in wanted:
                return False
        if self.status == "all":
            return True
        return is_alumnus(member, today) == (self.status == "alumni")


def filter_people(
    people: Iterable[Member], criteria: PeopleFilter, today: _dt.date
) -> list[Member]:
    return [member for member in people if criteria.accepts(member, today)]


def group_people(
    people: Sequence[Member], by: PeopleGroup, order: Sequence[str], today: _dt.date
) -> list[tuple[str | None, list[Member]]]:
    """Split into ``(key, members)`` groups, keeping the file's order inside each.

    ``position``: former members form the :data:`ALUMNI` group whatever their
    position was. Keys differing only in case are one group, named as first
    written. Groups named in ``order`` come first, in that order; the others
    follow in order of first appearance, then the alumni (unless ordered), then
    the members without a position or group (key ``""``).
    """
    if by == "none":
        return [(None, list(people))]
    if by not in PEOPLE_GROUPS:
        raise ValueError(f"unknown grouping {by!r}")
    groups: dict[str, tuple[str, list[Member]]] = {}
    for member in people:
        key = _group_key(member, by, today)
        groups.setdefault(key.casefold(), (key, []))[1].append(member)
    rank = {name.casefold(): index for index, name in enumerate(order)}
    late = {ALUMNI.casefold(): 1, "": 2}

    def sort_key(folded: str) -> tuple[int, int]:
        if folded in rank:
            return (0, rank[folded])
        return (1 + late.get(folded, 0), 0)

    ordered = sorted(groups, key=sort_key)  # stable: first appearance breaks ties
    return [groups[folded] for folded in ordered]


def _group_key(member: Member, by: PeopleGroup, today: _dt.date) -> str:
    if by == "group":
        return member.group or ""
    if is_alumnus(member, today):
        return ALUMNI
    return member.position or ""


def member_names(member: Member, profile: Profile | None = None) -> list[str]:
    """Every spelling of the member's name: the entry's, then its own profile's."""
    names = [member.name, *member.aliases]
    if profile is not None:
        names += [profile.name, *profile.aliases]
    return names


def name_index(people: Iterable[Member]) -> dict[str, str]:
    """Normalized name -> member id, for linking author names to member pages.

    A spelling two members share is left out: a wrong link is worse than none.
    """
    index: dict[str, str] = {}
    shared: set[str] = set()
    for member in people:
        for name in member_names(member):
            key = normalize_name(name)
            if not key or key in shared:
                continue
            if key in index and index[key] != member.id:
                shared.add(key)
                del index[key]
            else:
                index[key] = member.id
    return index


def member_links(member: Member) -> list[Link]:
    """The member's links, with the e-mail address last unless a mailto: link is given."""
    return with_email(member.links, member.email)


def with_email(links: Iterable[Link], email: str | None) -> list[Link]:
    """``links``, with ``email`` as a last mailto: link unless one is given."""
    from .models import Link

    output = list(links)
    if email and not any(link.url.startswith("mailto:") for link in output):
        output.append(Link(label="email", url=f"mailto:{email}"))
    return output


def member_profile(member: Member) -> Profile:
    """The member's entry as a profile card: position as headline, group as affiliation."""
    from .models import Link, Profile

    links = member_links(member)
    if member.url:
        links.insert(0, Link(label="homepage", url=member.url))
    profile = Profile.model_construct(
        name=member.name,
        aliases=list(member.aliases),
        avatar=member.photo,
        headline=member.position,
        affiliation=member.group,
        bio=member.bio,
        links=links,
    )
    profile._line = member.line
    return profile
