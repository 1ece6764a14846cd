"""The Markdown inline subset of free-text fields, parsed by markdown-it-py into nodes.

``**bold**``, ``*italic*``, ``[text](url)`` and ```code``` only: the same
result in reStructuredText and MyST pages, and no way to inject raw markup.
"""

from __future__ import annotations

from functools import cache

from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..data.fields import normalize_url


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("zero").enable(["emphasis", "link", "backticks", "escape", "entity"])


def inline_markdown(text: str) -> list[nodes.Node]:
    """Parse ``text`` into Text, strong, emphasis, literal and reference nodes."""
    tokens = _parser().parseInline(text)
    children = tokens[0].children if tokens and tokens[0].children else []
    root = nodes.inline()
    _build(children, root)
    return list(root.children)


def _build(tokens: list[Token], root: nodes.Element) -> None:
    stack: list[nodes.Element] = [root]
    for token in tokens:
        parent = stack[-1]
        if token.type == "text":
            parent += nodes.Text(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parent += nodes.Text(" ")
        elif token.type == "code_inline":
            parent += nodes.literal(token.content, token.content)
        elif token.type in ("strong_open", "em_open", "link_open"):
            element = _open(token)
            parent += element
            stack.append(element)
        elif token.type in ("strong_close", "em_close", "link_close") and len(stack) > 1:
            stack.pop()


def _open(token: Token) -> nodes.Element:
    if token.type == "strong_open":
        return nodes.strong()
    if token.type == "em_open":
        return nodes.emphasis()
    href = str(token.attrGet("href") or "")
    try:
        return nodes.reference("", "", refuri=normalize_url(href), internal=False)
    except ValueError:
        return nodes.inline()  # an unsafe target keeps its text and loses the link
