"""Markup (``render.markup``) as docutils nodes."""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref

from .. import nodes as sp
from .markup import Content

NODE_TYPES: dict[str, type[nodes.Element]] = {
    "paragraph": nodes.paragraph,
    "container": nodes.container,
    "bullet_list": nodes.bullet_list,
    "list_item": nodes.list_item,
    "literal_block": nodes.literal_block,
    "inline": nodes.inline,
    "strong": nodes.strong,
    "emphasis": nodes.emphasis,
    "literal": nodes.literal,
    "superscript": nodes.superscript,
    "subscript": nodes.subscript,
    "line_break": sp.sp_line_break,
    "reference": nodes.reference,
    "target": nodes.target,
    "image": nodes.image,
    "pending_xref": pending_xref,
    "badge": sp.sp_badge,
    "icon": sp.sp_icon,
    "separator": sp.sp_separator,
    "heading": sp.sp_heading,
    "toggle": sp.sp_toggle,
    "summary": sp.sp_toggle_summary,
    "numbered_list": sp.sp_numbered_list,
    "numbered_item": sp.sp_numbered_item,
    "paper_link": sp.sp_paper_link,
}


def to_nodes(content: Content) -> nodes.Node:
    if isinstance(content, str):
        return nodes.Text(content)
    kind, children, classes, attributes = content
    node = NODE_TYPES[kind]()
    if classes:
        node["classes"] = list(classes)
    if attributes:
        for key, value in attributes.items():
            # Lists (ids) are copied: a node may change its own, never the markup's.
            if isinstance(value, dict):
                value = dict(value)
            node[key] = list(value) if isinstance(value, list | tuple) else value
    node.extend(to_nodes(child) for child in children)
    if kind == "target":
        # :pub: references point here. Marked referenced, so that docutils does not make
        # (and discard) an "unreferenced target" message per entry: seconds on long lists.
        node.referenced = True
    elif kind == "literal_block":
        node.rawsource = node.astext()  # as written: not a parsed literal
    return node


def to_node_list(contents: list[Content] | tuple[Content, ...]) -> list[nodes.Node]:
    return [to_nodes(content) for content in contents]
