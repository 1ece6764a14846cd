"""The Markdown inline subset of free-text fields, parsed by markdown-it-py into markup.

``**bold**``, ``*italic*``, ``[text](url)`` and ```code``` only: the same
result in reStructuredText and MyST pages, and no way to inject raw markup.
"""

from __future__ import annotations

from markdown_it.token import Token

from ..data.fields import normalize_url
from ..data.limits import DEFAULT_LIMITS, markdown_parser
from .markup import Content, Markup, element


def inline_html(text: str) -> str:
    """The HTML of ``text``'s inline markup, as markdown-it-py renders it (for feeds).

    markdown-it escapes text and refuses ``javascript:`` and similar link targets;
    the subset is the same as on the pages.
    """
    return str(markdown_parser().renderInline(text))


def inline_markdown(text: str) -> list[Content]:
    """Parse ``text`` into text, ``strong``, ``emphasis``, ``literal`` and ``reference``.

    Markup nested deeper than the text's bound (``DeepMarkdown.max_depth``, set by
    validation from ``profile_max_markup_depth``) is shown as the characters written:
    nothing downstream (nodes, HTML, pickling) then recurses deeper than that.
    """
    if not _MARKUP_CHARACTERS.intersection(text):
        return [text]  # most fields are plain words: no parser needed
    tokens = markdown_parser().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children else []
    return _build(children, getattr(text, "max_depth", DEFAULT_LIMITS.markup_depth))


# Any of these can start Markdown markup (an entity, an escape, a link, emphasis, code)
# or be changed by its normalisation (line ends, NUL).
_MARKUP_CHARACTERS = frozenset("*_[]`\\&<\n\r\0")

_OPENERS = {"strong_open": "strong", "em_open": "emphasis", "link_open": "reference"}
_CLOSERS = ("strong_close", "em_close", "link_close")


def _build(tokens: list[Token], max_depth: int) -> list[Content]:
    # A stack of (kind, attributes, children) for the elements still open.
    stack: list[tuple[str, dict[str, object], list[Content]]] = [("", {}, [])]
    flattened = 0  # elements opened beyond max_depth, shown as their characters
    for token in tokens:
        children = stack[-1][2]
        if token.type in _OPENERS and (flattened or len(stack) > max_depth):
            flattened += 1
            children.append(token.markup or "[")
        elif token.type in _CLOSERS and flattened:
            flattened -= 1
            children.append(token.markup or "]")
        elif token.type == "text":
            children.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            children.append(" ")
        elif token.type == "code_inline":
            children.append(element("literal", token.content))
        elif token.type in _OPENERS:
            stack.append(_open(token))
        elif token.type in _CLOSERS and len(stack) > 1:
            kind, attributes, content = stack.pop()
            stack[-1][2].append(Markup(kind, tuple(content), (), attributes or None))
    while len(stack) > 1:  # markdown-it closes what it opens; this is only a safety net
        kind, attributes, content = stack.pop()
        stack[-1][2].append(Markup(kind, tuple(content), (), attributes or None))
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
