"""Partial dates: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``present``.

Academic data rarely knows the day an internship started, so a date keeps only
the parts that were written, and formatting drops the parts it lacks.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache, total_ordering
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale


ACCEPTED_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD or 'present'"

_PATTERN = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_PRESENT_WORDS = frozenset({"present", "now", "current", "ongoing", "today"})

# strftime directives that need a month or a day; removing one also removes
# the separator that joins it to its neighbour ("%Y.%m" -> "%Y").
# strftime directives that need a month or a day. A directive the date lacks is
# removed with the text up to the next directive, which is its separator or
# its unit ("%d, " in "%B %d, %Y", "%m月" in "%Y年%m月"); separators left at
# either end are trimmed ("%Y.%m" -> "%Y").
_MONTH_DIRECTIVES = re.compile(r"%-?[mbB][^%]*")
_DAY_DIRECTIVES = re.compile(r"%-?[dej][^%]*")
_EDGE_SEPARATORS = re.compile(r"^[^%\w]+|(?<=%\w)[^%\w]+$")

# CLDR skeletons by the parts a date has: "2024", "Jan 2024", "Jan 5, 2024" in
# English; "2024年", "2024年1月", "2024年1月5日" in Chinese.
_SKELETONS = {1: "y", 2: "yMMM", 3: "yMMMd"}


@cache
def babel_locale(language: str | None) -> Locale:
    """Sphinx's ``language`` (``fr``, ``zh_CN``, ``pt-BR``) as a Babel locale, else English."""
    from babel import Locale, UnknownLocaleError  # only for dates without a format

    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale("en")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day; ``present`` sorts after every date."""

    year: int
    month: int | None = None
    day: int | None = None
    present: bool = False

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read a date as YAML gives it: int year, ``datetime.date`` or text.

        Raises ``ValueError`` with a message that names the accepted forms.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool):
            raise ValueError(f"expected a date ({ACCEPTED_FORMS}), got {value!r}")
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int):
            text = str(value)
        elif isinstance(value, str):
            text = value.strip()
        else:
            raise ValueError(f"expected a date ({ACCEPTED_FORMS}), got {type(value).__name__}")
        if text.lower() in _PRESENT_WORDS:
            return cls(9999, present=True)
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"invalid date {text!r}: use {ACCEPTED_FORMS}")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            _dt.date(year, month or 1, day or 1)
        except ValueError as err:
            raise ValueError(f"invalid date {text!r}: {err}") from None
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        if self.present:
            return (9999, 99, 99)
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def may_precede(self, other: PartialDate) -> bool:
        """True unless ``self`` is certainly after ``other`` (2023 vs 2023-05 is fine)."""
        if self.present:
            return other.present
        if other.present:
            return True
        for mine, theirs in zip(self.sort_key, other.sort_key, strict=True):
            if not mine or not theirs:
                return True  # a part one side lacks cannot contradict the order
            if mine != theirs:
                return mine < theirs
        return True

    def isoformat(self) -> str:
        if self.present:
            return "present"
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def format(self, fmt: str, present: str = "Present", language: str | None = None) -> str:
        """Format with a strftime pattern, dropping the directives for missing parts.

        An empty ``fmt`` formats in the style of ``language`` through Babel instead.
        """
        if self.present:
            return present
        if not fmt:
            return self.format_localized(language)
        if self.month is None:
            fmt = _MONTH_DIRECTIVES.sub("", _DAY_DIRECTIVES.sub("", fmt))
        elif self.day is None:
            fmt = _DAY_DIRECTIVES.sub("", fmt)
        fmt = _EDGE_SEPARATORS.sub("", fmt).strip() or "%Y"
        return _dt.date(self.year, self.month or 1, self.day or 1).strftime(fmt)

    def format_localized(self, language: str | None) -> str:
        """``Jan 2024`` (en), ``janv. 2024`` (fr), ``2024年1月`` (zh_CN): the parts it has."""
        return _localized(self.year, self.month, self.day, language)

    def __str__(self) -> str:
        return self.isoformat()


@cache
def _localized(year: int, month: int | None, day: int | None, language: str | None) -> str:
    """Babel's formatting, once per date and language: long lists repeat their years."""
    if (language or "en").replace("-", "_") in _PLAIN_ENGLISH:
        return _english(year, month, day)
    from babel.dates import format_skeleton

    parts = 3 if month and day else 2 if month else 1
    when = _dt.date(year, month or 1, day or 1)
    return format_skeleton(_SKELETONS[parts], when, locale=babel_locale(language))


_PLAIN_ENGLISH = frozenset({"en", "en_US"})
"""Languages whose dates :func:`_english` writes as Babel does, without its locale data
(several megabytes, loaded for the first date): a test compares both for every month."""

_ENGLISH_INTERVAL = "{0}\u2009\u2013\u2009{1}"  # thin spaces, as CLDR
_ENGLISH_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905


def _english(year: int, month: int | None, day: int | None) -> str:
    """CLDR's English skeletons ``y``, ``yMMM`` and ``yMMMd``: ``2024``, ``Jan 2024``,
    ``Jan 5, 2024``."""
    if not month:
        return str(year)
    if not day:
        return f"{_ENGLISH_MONTHS[month - 1]} {year}"
    return f"{_ENGLISH_MONTHS[month - 1]} {day}, {year}"


def format_range(
    start: PartialDate | None,
    end: PartialDate | None,
    fmt: str,
    present: str,
    language: str | None = None,
) -> str:
    """``2022.07 - 2023.12``; a lone start reads as ongoing only when ``end`` is present.

    With an empty ``fmt`` both ends follow ``language`` and are joined the way
    that language joins a range (an en dash in English, a wave dash in Japanese).
    """
    if start is None and end is None:
        return ""
    if start is None:
        assert end is not None
        return end.format(fmt, present, language)
    first = start.format(fmt, present, language)
    if end is None:
        return first
    last = end.format(fmt, present, language)
    if last == first:
        return first
    if fmt:
        return f"{first} - {last}"
    if (language or "en").replace("-", "_") in _PLAIN_ENGLISH:
        pattern = _ENGLISH_INTERVAL
    else:
        pattern = babel_locale(language).interval_formats.get(None) or "{0} \u2013 {1}"
    return str(pattern).replace("{0}", first).replace("{1}", last)
