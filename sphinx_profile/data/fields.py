"""Field types shared by the data models: text, URLs, dates, links and people."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema

from .dates import ACCEPTED_FORMS, PartialDate
from .loader import SpelledNumber

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore these characters inside a scheme ("java\tscript:"), so must we.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def _as_text(value: Any) -> Any:
    """Numbers and booleans where text is expected are read as the text written."""
    if isinstance(value, SpelledNumber):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


Text = Annotated[str, BeforeValidator(_as_text)]
"""A string; numbers keep the spelling they had in the file."""


def normalize_url(value: str) -> str:
    """Expand ``doi:``/``arXiv:`` forms and refuse schemes that can run code.

    Raises ``ValueError`` for ``javascript:``, ``data:`` and every other scheme
    that is not http(s) or mailto; relative paths are allowed.
    """
    url = value.strip()
    lowered = _IGNORED_IN_SCHEME.sub("", url).lower()
    if lowered.startswith("doi:"):
        return "https://doi.org/" + url.split(":", 1)[1].strip()
    if lowered.startswith("arxiv:"):
        return "https://arxiv.org/abs/" + url.split(":", 1)[1].strip()
    match = _SCHEME.match(lowered)
    if match and match.group(1) not in SAFE_SCHEMES:
        raise ValueError(
            f"unsafe link {url[:60]!r}: only http, https, mailto, doi: and arXiv: links "
            "or relative paths are allowed"
        )
    if not match and ":" in lowered.split("/", 1)[0]:
        raise ValueError(f"unsafe link {url[:60]!r}: it looks like an unknown scheme")
    return url


def _url(value: Any) -> str:
    value = _as_text(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a URL, got {type(value).__name__}")
    return normalize_url(value)


Url = Annotated[
    str,
    PlainValidator(_url),
    WithJsonSchema({"type": "string", "description": "http(s), mailto, doi: or arXiv: link"}),
]


def _date(value: Any) -> PartialDate:
    return PartialDate.parse(value)


Date = Annotated[
    PartialDate,
    PlainValidator(_date),
    PlainSerializer(lambda date: date.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}([-/.]\d{1,2}([-/.]\d{1,2})?)?$"},
                {"type": "string", "enum": ["present", "now", "current", "ongoing"]},
            ],
            "description": f"a date: {ACCEPTED_FORMS}",
        }
    ),
]


def mapping_to_items(key_name: str, value_name: str) -> BeforeValidator:
    """Accept ``{a: x, b: y}`` where a list of ``{key_name: a, value_name: x}`` is expected."""

    def convert(value: Any) -> Any:
        if isinstance(value, dict):
            return [{key_name: key, value_name: item} for key, item in value.items()]
        return value

    return BeforeValidator(convert)


def text_to_mapping(key_name: str) -> BeforeValidator:
    """Accept a bare string where a mapping with ``key_name`` is expected."""

    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return {key_name: value}
        return value

    return BeforeValidator(convert)


def one_or_many(value: Any) -> Any:
    """A single text where a list is expected is a list of one."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]
    return value


TextList = Annotated[list[Text], BeforeValidator(one_or_many)]
