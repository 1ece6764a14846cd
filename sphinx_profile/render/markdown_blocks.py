"""The block Markdown of a publication's ``body`` (the paper's own page) as docutils nodes.

Paragraphs, headings, bullet and numbered lists, quotes and code blocks are
parsed by markdown-it-py (CommonMark, raw HTML off: it is shown as text); the
text inside each block is the inline subset of every free-text field
(:mod:`.inline`). Headings become rubrics: the page has one title, the paper's.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from docutils import nodes

from ..output.expand import to_node_list
from .inline import inline_markdown

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_CONTAINERS: dict[str, type[nodes.Element]] = {
    "bullet_list_open": nodes.bullet_list,
    "ordered_list_open": nodes.enumerated_list,
    "list_item_open": nodes.list_item,
    "blockquote_open": nodes.block_quote,
}


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable(["html_block", "html_inline"])


def markdown_blocks(text: str) -> list[nodes.Element]:
    """``text`` (Markdown) as block nodes."""
    root = nodes.container()
    stack: list[nodes.Element] = [root]
    for token in _parser().parse(text):
        if token.type in _CONTAINERS:
            node = _CONTAINERS[token.type]()
            if token.type == "ordered_list_open":
                node["enumtype"] = "arabic"
                node["prefix"], node["suffix"] = "", "."
            stack[-1] += node
            stack.append(node)
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in _CONTAINERS:
            stack.pop()
        elif token.type == "inline":
            children = to_node_list(inline_markdown(token.content))
            if isinstance(stack[-1], nodes.rubric):
                stack[-1].extend(children)
            else:
                stack[-1] += nodes.paragraph(token.content, "", *children)
        elif token.type in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            block = nodes.literal_block(code, code)
            if token.info.strip():
                block["language"] = token.info.split()[0]
            stack[-1] += block
        elif token.type == "heading_open":
            stack.append(nodes.rubric())
        elif token.type == "heading_close":
            rubric = stack.pop()
            stack[-1] += rubric
    return list(root.children)
