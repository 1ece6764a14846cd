"""Filter, sort and group records: pure functions, linear or n log n."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from .choices import PublicationGroup, PublicationSort
from .models import Education, Model, NewsItem, Publication
from .names import normalize_name

T = TypeVar("T", bound=Model)
R = TypeVar("R")

_YEARS = re.compile(r"^\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$")


@dataclass(frozen=True)
class YearRange:
    first: int | None = None
    last: int | None = None

    @classmethod
    def parse(cls, text: str) -> YearRange:
        """``2023``, ``2020-2024``, ``2020-`` or ``-2020``; raises ``ValueError``."""
        match = _YEARS.match(text)
        if not match or not (match.group(1) or match.group(3)):
            raise ValueError(f"invalid year range {text!r}: use 2023, 2020-2024, 2020- or -2020")
        first, dash, last = match.groups()
        low = int(first) if first else None
        high = int(last) if last else (None if dash else low)
        if low is not None and high is not None and low > high:
            raise ValueError(f"invalid year range {text!r}: {low} is after {high}")
        return cls(low, high)

    def __contains__(self, year: object) -> bool:
        if not isinstance(year, int):
            return False
        return (self.first is None or year >= self.first) and (
            self.last is None or year <= self.last
        )


@dataclass(frozen=True)
class PublicationFilter:
    selected: bool = False
    topics: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    years: YearRange | None = None
    exclude_types: tuple[str, ...] = ()
    authors: frozenset[str] = frozenset()
    """Normalized names (``data.names``): keep entries by any of them."""

    def accepts(self, publication: Publication) -> bool:
        if self.selected and not publication.selected:
            return False
        if self.types and (publication.type or "") not in self.types:
            return False
        if self.exclude_types and (publication.type or "") in self.exclude_types:
            return False
        if self.authors and not any(
            normalize_name(author.name) in self.authors for author in publication.authors
        ):
            return False
        if self.topics and not _shares(self.topics, publication.topics):
            return False
        if self.tags and not _shares(self.tags, publication.tags):
            return False
        if self.years is not None:
            when = publication.when
            return when is not None and not when.present and when.year in self.years
        return True


def _shares(wanted: Sequence[str], present: Iterable[str]) -> bool:
    wanted_folded = {item.casefold() for item in wanted}
    return any(item.casefold() in wanted_folded for item in present)


def filter_publications(
    publications: Iterable[Publication], criteria: PublicationFilter
) -> list[Publication]:
    return [publication for publication in publications if criteria.accepts(publication)]


def sort_publications(
    publications: Sequence[Publication], order: PublicationSort
) -> list[Publication]:
    """Newest first by ``date`` (undated last), or ``date-asc``, ``title``, ``file``."""
    if order == "file":
        return list(publications)
    if order == "title":
        return sorted(publications, key=lambda pub: pub.title.casefold())
    dated = [pub for pub in publications if pub.when is not None]
    undated = [pub for pub in publications if pub.when is None]
    dated.sort(key=lambda pub: pub.when.sort_key, reverse=order == "date")  # type: ignore[union-attr]
    return dated + undated


def group_publications(
    publications: Sequence[Publication],
    by: PublicationGroup,
    order: Sequence[str] = (),
    labels: Callable[[str], str] = str,
) -> list[tuple[str | None, list[Publication]]]:
    """Split into ``(heading, entries)`` groups, keeping the entries' order inside each.

    Groups named in ``order`` come first, in that order; the others follow in
    order of first appearance. An entry in two topics appears in both groups.
    ``labels`` turns a group key (``conference``, ``2024``) into its heading.
    """
    if by == "none":
        return [(None, list(publications))]
    return group_records(publications, lambda pub: _group_keys(pub, by), order, labels)


def group_records(
    records: Sequence[R],
    keys_of: Callable[[R], list[str]],
    order: Sequence[str] = (),
    labels: Callable[[str], str] = str,
) -> list[tuple[str | None, list[R]]]:
    """Split ``records`` into ``(heading, records)`` groups by the keys each has.

    Groups named in ``order`` come first, then the others in order of first
    appearance; records without a key (``""``) come last.
    """
    groups: dict[str, list[R]] = {}
    for record in records:
        for key in keys_of(record):
            groups.setdefault(key, []).append(record)
    rank = {name.casefold(): index for index, name in enumerate(order)}
    keys = sorted(groups, key=lambda key: rank.get(key.casefold(), len(rank)))
    if "" in groups:  # entries with no topic, year or type come last
        keys.remove("")
        keys.append("")
    return [(labels(key), groups[key]) for key in keys]


def _group_keys(publication: Publication, by: PublicationGroup) -> list[str]:
    if by == "topic":
        return list(dict.fromkeys(publication.topics)) or [""]
    if by == "year":
        when = publication.when
        return [str(when.year)] if when is not None and not when.present else [""]
    if by == "type":
        return [publication.type or ""]
    if by == "venue":
        return [publication.venue_short or publication.venue or ""]
    raise ValueError(f"unknown grouping {by!r}")


def unknown_names(wanted: Iterable[str], known: Iterable[str]) -> list[str]:
    """The names in ``wanted`` (topics, tags) that no record uses: likely typos."""
    known_folded = {name.casefold() for name in known}
    return [name for name in wanted if name.casefold() not in known_folded]


def news_newest_first(items: Sequence[NewsItem]) -> list[NewsItem]:
    return sorted(items, key=lambda item: item.date.sort_key, reverse=True)


def group_consecutive_education(
    entries: Sequence[Education],
) -> list[tuple[Education, list[Education]]]:
    """Runs of entries with the same institution: ``(first entry, run)`` pairs."""
    runs: list[tuple[Education, list[Education]]] = []
    for entry in entries:
        if runs and runs[-1][0].institution.casefold() == entry.institution.casefold():
            runs[-1][1].append(entry)
        else:
            runs.append((entry, [entry]))
    return runs


@dataclass(frozen=True)
class ListSelection:
    """Which entries a ``publication-list`` shows, in its order: its query, as data.

    The directive chooses its entries with it, and a rebuild evaluates it again
    against a changed file to know whether the list would change.
    """

    criteria: PublicationFilter = PublicationFilter()
    person: frozenset[str] | None = None
    """Normalized names of the ``:person:`` (a member), whose entries only are kept."""
    sort: PublicationSort = "date"
    limit: int | None = None
    wanted_names: tuple[tuple[str, tuple[str, ...], str], ...] = ()
    """``(what, names, field)``: topics or tags named by options (checked for typos)."""

    def select(self, publications: Sequence[Publication]) -> list[Publication]:
        chosen = filter_publications(publications, self.criteria)
        if self.person is not None:
            chosen = filter_publications(chosen, PublicationFilter(authors=self.person))
        chosen = sort_publications(chosen, self.sort)
        return chosen[: self.limit] if self.limit is not None else chosen

    def unknown_names(self, publications: Sequence[Publication]) -> list[tuple[str, str]]:
        """``(what, name)`` of each wanted topic or tag that no entry has (a likely typo)."""
        found = []
        for what, names, field_name in self.wanted_names:
            known = [name for pub in publications for name in getattr(pub, field_name)]
            found += [(what, name) for name in unknown_names(names, known)]
        return found
