"""The Markdown inline subset of free-text fields, parsed by markdown-it-py into markup.

``**bold**``, ``*italic*``, ``[text](url)`` and ```code``` only: the same
result in reStructuredText and MyST pages, and no way to inject raw markup.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..data.fields import normalize_url
from .markup import Content, element


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("zero").enable(["emphasis", "link", "backticks", "escape", "entity"])


def inline_markdown(text: str) -> list[Content]:
    """Parse ``text`` into text, ``strong``, ``emphasis``, ``literal`` and ``reference``."""
    if not _MARKUP_CHARACTERS.intersection(text):
        return [text]  # most fields are plain words: no parser needed
    tokens = _parser().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children else []
    return _build(children)


# Any of these can start Markdown markup (an entity, an escape, a link, emphasis, code)
# or be changed by its normalisation (line ends, NUL).
_MARKUP_CHARACTERS = frozenset("*_[]`\\&<\n\r\0")

_OPENERS = {"strong_open": "strong", "em_open": "emphasis", "link_open": "reference"}
_CLOSERS = ("strong_close", "em_close", "link_close")


def _build(tokens: list[Token]) -> list[Content]:
    # A stack of (kind, attributes, children) for the elements still open.
    stack: list[tuple[str, dict[str, object], list[Content]]] = [("", {}, [])]
    for token in tokens:
        children = stack[-1][2]
        if token.type == "text":
            children.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            children.append(" ")
        elif token.type == "code_inline":
            children.append(element("literal", token.content))
        elif token.type in _OPENERS:
            stack.append(_open(token))
        elif token.type in _CLOSERS and len(stack) > 1:
            kind, attributes, content = stack.pop()
            stack[-1][2].append((kind, tuple(content), (), attributes or None))
    while len(stack) > 1:  # markdown-it closes what it opens; this is only a safety net
        kind, attributes, content = stack.pop()
        stack[-1][2].append((kind, tuple(content), (), attributes or None))
    return stack[0][2]


def _open(token: Token) -> tuple[str, dict[str, object], list[Content]]:
    kind = _OPENERS[token.type]
    if kind != "reference":
        return (kind, {}, [])
    href = str(token.attrGet("href") or "")
    try:
        return ("reference", {"refuri": normalize_url(href), "internal": False}, [])
    except ValueError:
        return ("inline", {}, [])  # an unsafe target keeps its text and loses the link
