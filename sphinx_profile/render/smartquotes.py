"""Docutils' smart quotes applied to markup (``render.markup``), block by block.

As docutils does for nodes: the text of each paragraph (or toggle summary) is
educated as one run, so a quote opened in one element closes in the next;
inline code keeps its characters, code blocks are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils.utils import smartquotes

from .markup import Content, Markup

_BLOCKS = frozenset({"paragraph", "summary"})
"""The kinds whose nodes are text blocks (a TextElement not inside another)."""
_LITERAL = frozenset({"literal", "literal_block"})

_CHANGES = re.compile(r"[\"'`\\&]|--|\.\s?\.\s?\.")
"""Text without any of these is the same after education: skip it."""
_ESCAPED = re.compile(r"(?<=\x00)([-\\'\".`])")
_YEAR_APOSTROPHE = re.compile(r"(?<![\w\x00])'(?=\d\d(?![\d']))")
"""``'98`` in ``AAAI '98``: an apostrophe for the century left out, which docutils'
rules take for an opening quote (they know only ``'80s``)."""


def educated(content: Markup, action: str, language: str) -> Markup:
    """``content`` with its blocks educated; ``content`` itself when nothing changed."""
    kind, children, classes, attributes = content
    if kind in _LITERAL:
        return content
    if kind in _BLOCKS:
        return _educated_block(content, action, language)
    new_children = tuple(
        child if isinstance(child, str) else educated(child, action, language) for child in children
    )
    if all(new is old for new, old in zip(new_children, children, strict=True)):
        return content
    return Markup(kind, new_children, classes, attributes)


def _educated_block(block: Markup, action: str, language: str) -> Markup:
    tokens = list(_tokens(block, literal=False))
    if not any(kind == "plain" and _CHANGES.search(text) for kind, text in tokens):
        return block
    # Sphinx escapes characters after a null (an escaped character in reST) the same way.
    plain = [(kind, _plain(text, action) if kind == "plain" else text) for kind, text in tokens]
    texts = iter(smartquotes.educate_tokens(plain, attr=action, language=language))
    return _replaced(block, texts)


def _plain(text: str, action: str) -> str:
    if "q" in action:
        text = _YEAR_APOSTROPHE.sub("\u2019", text)
    return _ESCAPED.sub(r"\\\1", text)


def _tokens(content: Markup, literal: bool) -> Iterator[tuple[str, str]]:
    kind, children, _classes, _attributes = content
    literal = literal or kind in _LITERAL
    for child in children:
        if isinstance(child, str):
            yield ("literal" if literal else "plain"), child
        else:
            yield from _tokens(child, literal)


def _replaced(content: Markup, texts: Iterator[str]) -> Markup:
    kind, children, classes, attributes = content
    new_children: list[Content] = []
    for child in children:
        new_children.append(next(texts) if isinstance(child, str) else _replaced(child, texts))
    return Markup(kind, tuple(new_children), classes, attributes)
