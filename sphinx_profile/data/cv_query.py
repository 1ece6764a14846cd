"""Filter, group and merge the CV's other sections: pure functions over their records."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from .cv_models import Service, Teaching
from .query import YearRange, group_records


class _Entry(Protocol):
    @property
    def covered_years(self) -> list[int]: ...


E = TypeVar("E", bound=_Entry)
R = TypeVar("R")


def filter_entries(
    entries: Sequence[E], types: Sequence[str] = (), years: YearRange | None = None
) -> list[E]:
    """The entries of one of ``types`` (if given) that cover a year in ``years`` (if given)."""
    kept = []
    for entry in entries:
        if types and (getattr(entry, "type", None) or "") not in types:
            continue
        if years is not None and not any(year in years for year in entry.covered_years):
            continue
        kept.append(entry)
    return kept


def group_entries(
    entries: Sequence[E], by: str, labels: Callable[[str], str]
) -> list[tuple[str | None, list[E]]]:
    """``by`` is ``none``, ``year`` (newest year first) or ``type`` (in the types' order)."""
    if by == "none":
        return [(None, list(entries))]
    if by == "year":
        groups = group_records(entries, _latest_year)
        dated = sorted(
            (group for group in groups if group[0]), key=lambda g: g[0] or "", reverse=True
        )
        undated = [(labels(""), group) for key, group in groups if not key]
        return [*dated, *undated]
    order = _type_order(entries)
    return group_records(entries, lambda entry: [getattr(entry, "type", None) or ""], order, labels)


def _latest_year(entry: _Entry) -> list[str]:
    years = entry.covered_years
    return [str(max(years))] if years else [""]


def _type_order(entries: Sequence[Any]) -> tuple[str, ...]:
    """The order the model lists the types in (``invited`` before ``poster``)."""
    from .choices import SERVICE_TYPES, TALK_TYPES

    return SERVICE_TYPES if entries and isinstance(entries[0], Service) else TALK_TYPES


@dataclass(frozen=True)
class ServiceLine:
    """Service entries of one role at one venue, shown as one line with all their years."""

    first: Service
    entries: tuple[Service, ...]

    @property
    def years(self) -> list[int]:
        """The years of entries given only as years (or one date each), merged and sorted."""
        return sorted({year for entry in self.entries for year in entry.covered_years})

    @property
    def ranged(self) -> bool:
        """Whether the line is one entry with a start/end range (shown as a range)."""
        return len(self.entries) == 1 and self.first.start is not None


def _service_key(entry: Service) -> tuple[str, str, str]:
    return (entry.role.casefold(), (entry.organization or "").casefold(), entry.type or "")


def merge_service(entries: Sequence[Service]) -> list[ServiceLine]:
    """One line per role and venue, at the place of its first entry.

    Entries with a ``start``/``end`` range, a summary or highlights stay lines
    of their own: merging would lose what sets them apart.
    """
    lines: list[ServiceLine] = []
    where: dict[tuple[str, str, str], int] = {}
    for entry in entries:
        simple = entry.start is None and not entry.summary and not entry.highlights
        key = _service_key(entry)
        if simple and key in where:
            index = where[key]
            lines[index] = ServiceLine(lines[index].first, (*lines[index].entries, entry))
            continue
        if simple:
            where[key] = len(lines)
        lines.append(ServiceLine(entry, (entry,)))
    return lines


def runs(entries: Sequence[R], key: Callable[[R], object]) -> list[list[R]]:
    """``entries`` cut into runs of consecutive entries with equal ``key``."""
    found: list[list[R]] = []
    for entry in entries:
        if found and key(found[-1][0]) == key(entry):
            found[-1].append(entry)
        else:
            found.append([entry])
    return found


def group_consecutive_teaching(entries: Sequence[Teaching]) -> list[list[Teaching]]:
    """Runs of consecutive entries of the same course (name, code and institution)."""
    return runs(entries, _course_key)


def _course_key(entry: Teaching) -> tuple[str, str, str]:
    return (
        entry.course.casefold(),
        (entry.code or "").casefold(),
        (entry.institution or "").casefold(),
    )
