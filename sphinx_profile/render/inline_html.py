"""The safe inline HTML subset of titles and awards, as al-folio users write it.

``<sup>``, ``<sub>``, ``<i>``, ``<em>``, ``<b>``, ``<strong>`` and ``<br>``
(their attributes dropped) become superscript, subscript, emphasis, strong and a line
break: the same in every builder. Any other tag is text, shown as written, as
before. nh3 (the ammonia sanitiser) makes the result well formed first: an
unclosed ``<sup>`` is closed, a stray ``</b>`` dropped, so the parser below
only ever meets the subset, properly nested.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .markup import Content, element

TAG_KINDS = {
    "sup": "superscript",
    "sub": "subscript",
    "i": "emphasis",
    "em": "emphasis",
    "b": "strong",
    "strong": "strong",
    "br": "line_break",
}
"""Tag of the subset -> the markup kind (docutils node) it becomes."""

# A tag of the subset; the attributes of a start tag (``<sup class="x">``) are dropped.
_SAFE_TAG = re.compile(
    r"<\s*(/?)\s*(sup|sub|i|em|b|strong|br)(?:\s+[^<>]*?)?\s*/?\s*>", re.IGNORECASE
)


def inline_html(text: str) -> list[Content]:
    """``H<sub>2</sub>O`` -> ``["H", subscript("2"), "O"]``; other text as it is."""
    if "<" not in text or not _SAFE_TAG.search(text):
        return [text]  # nearly every title: no tag of the subset
    import nh3

    cleaned = nh3.clean(_escape_all_but_subset(text), tags=set(TAG_KINDS), attributes={})
    builder = _MarkupBuilder()
    builder.feed(cleaned)
    builder.close()
    return builder.contents()


def html_text(text: str) -> str:
    """The words of ``text`` without the tags of the subset (``<br>`` is a space)."""
    if "<" not in text:
        return text
    return _SAFE_TAG.sub(lambda match: " " if match.group(2).lower() == "br" else "", text)


def _escape_all_but_subset(text: str) -> str:
    """Everything outside the subset's tags escaped, so that it stays text."""
    parts: list[str] = []
    end = 0
    for match in _SAFE_TAG.finditer(text):
        parts.append(html.escape(text[end : match.start()], quote=False))
        closing, name = match.group(1), match.group(2).lower()
        parts.append(f"<{closing}{name}>")
        end = match.end()
    parts.append(html.escape(text[end:], quote=False))
    return "".join(parts)


class _MarkupBuilder(HTMLParser):
    """Sanitised HTML of the subset -> markup, keeping the nesting."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._stack: list[tuple[str, list[Content]]] = [("", [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = TAG_KINDS.get(tag)
        if kind == "line_break":
            self._stack[-1][1].append(element("line_break"))
        elif kind is not None:
            self._stack.append((kind, []))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._stack[-1][1].append(element("line_break"))

    def handle_endtag(self, tag: str) -> None:
        kind = TAG_KINDS.get(tag)
        if kind and kind != "line_break" and len(self._stack) > 1 and self._stack[-1][0] == kind:
            self._close()

    def handle_data(self, data: str) -> None:
        children = self._stack[-1][1]
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    def _close(self) -> None:
        kind, children = self._stack.pop()
        self._stack[-1][1].append(element(kind, *children))

    def contents(self) -> list[Content]:
        while len(self._stack) > 1:  # nh3 closes what it opens; this is only a safety net
            self._close()
        return self._stack[0][1]


def with_html(contents: list[Content]) -> list[Content]:
    """``contents`` (Markdown made markup) with the subset's tags in its text made markup."""
    output: list[Content] = []
    for content in contents:
        if isinstance(content, str):
            output.extend(inline_html(content) if content else ())
        else:
            output.append(content._replace(children=tuple(with_html(list(content.children)))))
    return output
