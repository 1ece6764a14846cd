"""Field types shared by the data models: text, URLs, dates, links and people.

Each type carries a :class:`Kind` (its name in the guide) and the JSON Schema
of what a data file may write for it, which is wider than the Python type:
``Text`` accepts a number (``1.10`` keeps its spelling), ``Links`` a mapping.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    GetJsonSchemaHandler,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .colours import COLOUR_PATTERN
from .dates import _PRESENT_WORDS as PRESENT_WORDS
from .dates import ACCEPTED_FORMS, PartialDate
from .loader import SpelledNumber

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
DROP_UNSAFE_URLS = "drop_unsafe_urls"
"""Validation context flag: keep an unsafe URL as :class:`UnsafeUrl` instead of failing."""
SHARED_VALUES = "shared_values"
"""Validation context key: a dict in which equal values of one file share one object."""
MARKUP_DEPTH = "markup_depth"
"""Validation context key: the deepest inline Markdown rendered as markup (``Limits``)."""

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore these characters inside a scheme ("java\tscript:"), so must we.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Kind:
    """How the guide names a field type (``text``, ``URL``, ``date``)."""

    label: str


@dataclass(frozen=True)
class AlsoAccepts:
    """Widen a field's JSON Schema with the other shapes a before-validator converts.

    ``one_item``: a list may also be written as its single item.
    """

    alternatives: tuple[dict[str, Any], ...] = ()
    one_item: bool = False

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        single = [schema["items"]] if self.one_item and "items" in schema else []
        return {"anyOf": [schema, *single, *self.alternatives]}


# Control characters reach a string only through YAML escapes ("\\0", "\\x07"); no
# output format can show them, and a NUL in a path makes every file function fail.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _as_text(value: Any) -> Any:
    """Numbers and booleans where text is expected are read as the text written.

    Control characters other than tab and line breaks are removed.
    """
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, SpelledNumber):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


TEXT_SCHEMA: dict[str, Any] = {"type": ["string", "number"]}

Text = Annotated[str, BeforeValidator(_as_text), WithJsonSchema(TEXT_SCHEMA), Kind("text")]
"""A string; numbers keep the spelling they had in the file."""


class DeepMarkdown(str):
    """Markdown nested deeper than the renderer's default: it carries its own bound.

    Deeper markup is shown as the characters written (see ``render.inline``);
    when ``depth`` is above ``max_depth`` validation reports it (subtype ``markup``).
    """

    depth: int
    max_depth: int

    def __new__(cls, text: str, depth: int, max_depth: int) -> DeepMarkdown:
        instance = super().__new__(cls, text)
        instance.depth = depth
        instance.max_depth = max_depth
        return instance

    def __reduce__(self) -> tuple[Any, ...]:
        return (DeepMarkdown, (str(self), self.depth, self.max_depth))


def _bounded_markdown(value: str, info: ValidationInfo) -> str:
    from .limits import DEFAULT_LIMITS, markdown_depth

    default = DEFAULT_LIMITS.markup_depth
    limit = (info.context or {}).get(MARKUP_DEPTH, default)
    shallow = min(limit, default)
    # Each level opens with one of these characters: fewer of them, no deeper nesting.
    if sum(value.count(char) for char in "*_[") <= shallow:
        return value
    depth = markdown_depth(value)
    return DeepMarkdown(value, depth, limit) if depth > shallow else value


Markdown = Annotated[Text, AfterValidator(_bounded_markdown), Kind("Markdown text")]
"""Text in which ``**bold**``, ``*italic*``, ``[links](url)`` and ```code``` are shown."""


class UnsafeUrl(str):
    """A refused link, kept during validation only so it can be reported, then dropped."""

    reason: str

    def __new__(cls, url: str, reason: str) -> UnsafeUrl:
        instance = super().__new__(cls, url)
        instance.reason = reason
        return instance


def normalize_url(value: str) -> str:
    """Expand ``doi:``/``arXiv:`` forms and refuse schemes that can run code.

    Raises ``ValueError`` for ``javascript:``, ``data:`` and every other scheme
    that is not http(s) or mailto, however obfuscated (``JaVaScRiPt:``,
    ``java\\tscript:``, ``&#106;avascript:``); relative paths are allowed.
    """
    url = value.strip()
    # An href is entity-decoded by the browser, and control characters and
    # spaces inside a scheme are skipped, so check the scheme as a browser reads it.
    lowered = _IGNORED_IN_SCHEME.sub("", html.unescape(url)).lower()
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


def _caseless(*words: str) -> str:
    """A JSON Schema (ECMA-262) alternation matching ``words`` in any case."""
    return "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)
        for word in sorted(words)
    )


def describe_value(value: Any) -> str:
    """How a message names a value that has the wrong type: ``the number 1.10``, ``a list``."""
    if isinstance(value, SpelledNumber):
        return f"the number {value.text}"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    if isinstance(value, int):
        return f"the number {value}"
    return f"{type(value).__name__} {value!r}"[:60]


def _url(value: Any, info: ValidationInfo) -> str:
    value = _as_text(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a URL, got {describe_value(value)}")
    try:
        return normalize_url(value)
    except ValueError as err:
        if info.context and info.context.get(DROP_UNSAFE_URLS):
            return UnsafeUrl(value, str(err))
        raise PydanticCustomError("unsafe_url", "{reason}", {"reason": str(err)}) from None


URL_SCHEMA: dict[str, Any] = {
    "type": "string",
    # Refuses what starts with a scheme other than the safe ones; the checker
    # also catches the obfuscated forms a regular expression cannot.
    "pattern": rf"^(?!\s*(?!{_caseless('https:', 'http:', 'mailto:', 'doi:', 'arxiv:')})"
    r"[a-zA-Z][a-zA-Z0-9+.\-]*:)",
    "description": "an http(s) or mailto: address, a doi: or arXiv: identifier, or a relative path",
}

Url = Annotated[str, PlainValidator(_url), WithJsonSchema(URL_SCHEMA), Kind("URL")]
"""A link that is safe to put in an ``href``; see :func:`normalize_url`."""


def _colour(value: Any) -> str:
    if not isinstance(value, str) or not COLOUR_PATTERN.match(value.strip()):
        raise PydanticCustomError(
            "colour", "expected a colour: #hex, a CSS colour name, rgb() or hsl()"
        )
    return value.strip()


Colour = Annotated[
    str,
    PlainValidator(_colour),
    WithJsonSchema({"type": "string", "pattern": COLOUR_PATTERN.pattern}),
    Kind("colour"),
]


def _date(value: Any) -> PartialDate:
    # An unquoted ``2024.05`` is read as a number; as a date it means what it says.
    return PartialDate.parse(value.text if isinstance(value, SpelledNumber) else value)


Date = Annotated[
    PartialDate,
    PlainValidator(_date),
    PlainSerializer(lambda date: date.isoformat(), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": r"^\d{4}([-/.]\d{1,2}([-/.]\d{1,2})?)?$"},
                {"type": "string", "pattern": f"^({_caseless(*PRESENT_WORDS)})$"},
            ],
            "description": f"a date: {ACCEPTED_FORMS}",
        }
    ),
    Kind("date"),
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


TextList = Annotated[
    list[Text],
    BeforeValidator(one_or_many),
    AlsoAccepts(one_item=True),
    Kind("list of text"),
]
"""A list of texts; a single text is a list of one."""

MarkdownList = Annotated[
    list[Markdown],
    BeforeValidator(one_or_many),
    AlsoAccepts(one_item=True),
    Kind("list of Markdown text"),
]
"""A list of Markdown texts; a single text is a list of one."""
