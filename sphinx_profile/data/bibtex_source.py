"""The BibTeX a reader may see: an entry's text without private or internal fields.

The BibTeX toggle and its copy button show an entry as the file wrote it, less
the fields listed in ``profile_bibtex_hidden_fields``: by default attachment
paths (``file``, written by Zotero, JabRef and Mendeley) and the display keys
that al-folio itself filters out of its BibTeX view (``filtered_bibtex_keywords``
in al-folio's ``_config.yml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

AL_FOLIO_FILTERED = (
    "abbr",
    "abstract",
    "additional_info",
    "altmetric",
    "annotation",
    "arxiv",
    "award",
    "award_name",
    "bibtex_show",
    "blog",
    "code",
    "google_scholar_id",
    "html",
    "inspirehep_id",
    "pdf",
    "poster",
    "preview",
    "selected",
    "slides",
    "supp",
    "video",
    "website",
)
"""al-folio's ``filtered_bibtex_keywords``, as its ``_config.yml`` ships them."""

HIDDEN_FIELDS = ("file", *AL_FOLIO_FILTERED)
"""The default of ``profile_bibtex_hidden_fields``."""

_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*([{(])")
_NAME = re.compile(r"\s*([^\s=,{}()\"#]+)\s*=\s*")
_BARE = re.compile(r"[^\s,#}\)]+")
_COMMA = re.compile(r"\s*,")
_CONCATENATION = re.compile(r"\s*#")
_SKIPPED_TYPES = frozenset({"comment", "preamble", "string"})


def visible_bibtex(text: str, hidden: Iterable[str]) -> str:
    """``text`` with every field named in ``hidden`` (any case) removed from each entry."""
    return _visible(text, frozenset(name.lower() for name in hidden))


@lru_cache(maxsize=4096)  # lists and paper pages show the same entries
def _visible(text: str, hidden: frozenset[str]) -> str:
    if not hidden:
        return text
    spans: list[tuple[int, int]] = []
    position = 0
    while match := _ENTRY.search(text, position):
        if match.group(1).lower() in _SKIPPED_TYPES:
            position = match.end()
            continue
        found, position = _hidden_spans(text, match.end(), match.group(2), hidden)
        spans.extend(_whole_lines(text, start, end) for start, end in found)
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


def _hidden_spans(
    text: str, start: int, opening: str, hidden: frozenset[str]
) -> tuple[list[tuple[int, int]], int]:
    """The spans of the hidden fields of the entry whose body starts at ``start``,
    and the offset where the scan ended."""
    closing = "}" if opening == "{" else ")"
    comma = text.find(",", start)  # the key ends at the first comma
    if comma < 0:
        return [], len(text)
    spans: list[tuple[int, int]] = []
    position = comma + 1
    while True:
        name = _NAME.match(text, position)
        if name is None:
            end = text.find(closing, position)
            return spans, len(text) if end < 0 else end + 1
        value_end = _value_end(text, name.end())
        if value_end is None:  # an unbalanced value: leave the rest of the entry as it is
            return spans, len(text)
        after = _COMMA.match(text, value_end)
        end = after.end() if after else value_end
        if name.group(1).lower() in hidden:
            if spans and not text[spans[-1][1] : name.start(1)].strip():
                spans[-1] = (spans[-1][0], end)  # neighbours go as one
            else:
                spans.append((name.start(1), end))
        position = end


def _value_end(text: str, position: int) -> int | None:
    """The offset after a field value: braced, quoted or bare parts joined by ``#``."""
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return None
        char = text[position]
        if char in '{"':
            end = _balanced_end(text, position)
            if end is None:
                return None
            position = end
        else:
            bare = _BARE.match(text, position)
            if bare is None:
                return position
            position = bare.end()
        rest = _CONCATENATION.match(text, position)
        if rest is None:
            return position
        position = rest.end()


def _balanced_end(text: str, start: int) -> int | None:
    """After the ``}`` or ``"`` that closes the brace or quote at ``start``."""
    quote = text[start] == '"'
    depth = 0
    for index in range(start + (1 if quote else 0), len(text)):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and not quote:
                return index + 1
            if depth < 0:
                return None
        elif char == '"' and quote and depth == 0:
            return index + 1
    return None


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a field's span to its whole lines when nothing else shares them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return start, end
    return line_start, min(line_end + 1, len(text))
