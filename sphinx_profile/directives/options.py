"""How the directives' options are read: one converter per kind of value.

The choices themselves are declared once, in :mod:`sphinx_profile.data.choices`;
a converter checks an option against them, and its ``ValueError`` is what Sphinx
reports as the directive's error, with the accepted values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils.parsers.rst import directives

from ..data.choices import PUBLICATION_TYPES


def comma_list(argument: str | None) -> tuple[str, ...]:
    """``a, b ,c`` -> ``("a", "b", "c")``; empty items are dropped."""
    if argument is None:
        raise ValueError("expected a comma-separated list")
    return tuple(item.strip() for item in argument.split(",") if item.strip())


def one_of(values: tuple[str, ...]) -> Callable[[str | None], str]:
    """One of ``values``, in any case (``:sort: Date``)."""

    def convert(argument: str | None) -> str:
        return str(directives.choice((argument or "").strip().lower(), values))

    return convert


def some_of(values: tuple[str, ...]) -> Callable[[str | None], tuple[str, ...]]:
    """A comma-separated list of ``values``, in any case, ``-`` read as a space."""

    def convert(argument: str | None) -> tuple[str, ...]:
        chosen = tuple(
            " ".join(item.lower().replace("-", " ").split()) for item in comma_list(argument)
        )
        unknown = [item for item in chosen if item not in values]
        if unknown:
            raise ValueError(f"unknown type {unknown[0]!r}; choose from {', '.join(values)}")
        return chosen

    return convert


type_list = some_of(PUBLICATION_TYPES)
"""``:types:`` and ``:exclude-types:`` of ``publication-list``."""


def year_range(argument: str | None) -> Any:
    from ..data.query import YearRange

    return YearRange.parse(argument or "")
