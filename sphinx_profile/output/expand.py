"""Markup (``render.markup``) into ordinary docutils nodes: the one way it reaches output.

Directives keep a publication list as one :class:`~.nodes.sp_markup`
placeholder: cheap for Sphinx to transform, pickle and load. Before references
are resolved, :class:`ExpandMarkup` replaces each placeholder with the nodes
it stands for, for every builder, HTML included: Sphinx's writers, themes,
translator overrides and ``doctree-resolved`` listeners then see ordinary
nodes. Other directives turn their markup into nodes at once (:func:`to_nodes`).

Also here: :class:`MarkupSmartQuotes` (Sphinx's smart quotes for the text
inside placeholders, at read time) and :class:`PreviewFallback` (thumbnails
outside HTML).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform

from . import nodes as sp
from .base import BuilderPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..render.markup import Content, Markup

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
"""Each kind of markup and the node it becomes."""


def to_nodes(content: Content) -> Any:
    """The node (or text) ``content`` stands for."""
    if isinstance(content, str):
        return nodes.Text(content)
    return _element(content)


def _element(content: Markup) -> nodes.Element:
    kind, children, classes, attributes = content
    node_type = NODE_TYPES[kind]
    if node_type in _PLAIN_TYPES:
        # What ``Element.__init__`` and ``extend`` do, without their general cases (each
        # ``append`` to a node not yet in a document asks its parents for the document):
        # a long list is tens of thousands of nodes, made on every build.
        node = object.__new__(node_type)
        node.rawsource = ""
        node.children = kids = [
            nodes.Text(child) if isinstance(child, str) else _element(child) for child in children
        ]
        for kid in kids:
            kid.parent = node
        node.attributes = {name: [] for name in _LIST_ATTRIBUTES}
        if classes:
            node.attributes["classes"] = list(classes)
        if _TAGNAMES[node_type] is not None:
            node.tagname = _TAGNAMES[node_type]
    else:
        node = node_type(classes=list(classes))
        node.extend(to_nodes(child) for child in children)
    if attributes:
        for key, value in attributes.items():
            # Lists (ids) are copied: a node may change its own, never the markup's.
            if isinstance(value, dict):
                value = dict(value)
            node[key] = list(value) if isinstance(value, list | tuple) else value
    if kind == "target":
        # :pub: references point here. Marked referenced, so that docutils does not make
        # (and discard) an "unreferenced target" message per entry: seconds on long lists.
        node.referenced = True
    elif kind == "literal_block":
        node.rawsource = node.astext()  # as written: not a parsed literal
    return node


_LIST_ATTRIBUTES = nodes.Element.list_attributes
_PLAIN_TYPES = frozenset(
    node_type
    for node_type in NODE_TYPES.values()
    if node_type.__init__ in (nodes.Element.__init__, nodes.TextElement.__init__)
    and node_type.list_attributes == _LIST_ATTRIBUTES
)
"""The node types whose construction :func:`_element` may do itself (a literal block's may not)."""
_TAGNAMES = {
    node_type: None if node_type.tagname is not None else node_type.__name__
    for node_type in NODE_TYPES.values()
}
"""What ``Element.__init__`` sets as the instance's ``tagname`` (None: the class has its own)."""


def to_node_list(contents: list[Content] | tuple[Content, ...]) -> list[nodes.Node]:
    return [to_nodes(content) for content in contents]


def expand_markup(doctree: nodes.Node) -> None:
    """Replace every ``sp_markup`` under ``doctree`` with its nodes."""
    for node in list(doctree.findall(sp.sp_markup)):
        node.replace_self(to_nodes(node["markup"]))


class ExpandMarkup(BuilderPostTransform):
    """Every placeholder becomes its nodes, for every builder."""

    default_priority = 5  # before references are resolved (10): member names are xrefs

    def run(self, **kwargs: Any) -> None:
        expand_markup(self.document)


PREVIEW_CLASS = "sp-pub-preview"
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg")


class PreviewFallback(BuilderPostTransform):
    """Thumbnails are for the web: a PDF keeps a raster one (LaTeX takes no SVG), the
    plain-text builders none (they would print ``[image]``)."""

    default_priority = 200  # after ExpandMarkup
    formats = ("html",)

    def is_supported(self) -> bool:
        return not super().is_supported()  # every format but HTML

    def run(self, **kwargs: Any) -> None:
        keep_raster = self.builder.format == "latex"
        for image in list(self.document.findall(nodes.image)):
            if PREVIEW_CLASS not in image["classes"] or image.parent is None:
                continue
            if keep_raster and image["uri"].lower().endswith(RASTER_SUFFIXES):
                continue
            image.parent.remove(image)


class MarkupSmartQuotes(SphinxTransform):
    """Smart quotes, dashes and ellipses in lists, as Sphinx puts them in the rest of a page.

    Sphinx's ``SmartQuotes`` educates the text of paragraphs and titles; a list's
    text is not in nodes yet, so this does the same for it, right after, with
    Sphinx's own rules (``smartquotes``, ``smartquotes_action``,
    ``smartquotes_excludes``): the same characters as the nodes would get.
    """

    default_priority = 751  # right after Sphinx's SmartQuotes (750)

    def apply(self, **kwargs: Any) -> None:
        lists = list(self.document.findall(sp.sp_markup))
        if not lists or not SphinxSmartQuotes(self.document, None).is_available():
            return
        from ..render.markup import searchable_text
        from ..render.smartquotes import educated

        action = self.config.smartquotes_action
        language = self.env.settings["language_code"]
        for node in lists:
            markup = educated(node["markup"], action, language)
            if markup is not node["markup"]:
                node["markup"] = markup
                node[:] = [nodes.Text(searchable_text(markup))]


def setup_expand(app: Sphinx) -> None:
    """The ``sp_markup`` placeholder, its smart quotes, its expansion, the thumbnails' fallback."""
    # No visitors: ExpandMarkup replaces every placeholder before any writer runs.
    app.add_node(sp.sp_markup)
    app.add_transform(MarkupSmartQuotes)
    app.add_post_transform(ExpandMarkup)
    app.add_post_transform(PreviewFallback)
