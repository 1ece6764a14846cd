"""Markup (``render.markup``) written straight to HTML, as Sphinx's translator would.

The translator's own ``starttag`` and ``encode`` make every tag and text, so
the HTML is the same as that of the nodes (a test builds sites both ways and
compares them); what this saves is the nodes themselves. A kind this module
does not write itself (inline code, a code block) goes through the translator
as nodes, inside a stand-in for its parent.

Links that depend on the page being written are resolved here, as the domain
and ``paper_pages`` resolve them for the nodes: member names
(``pending_xref``) and titles that link to a paper's own page (``paper_link``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from docutils import nodes

from ..icons import icon_svg
from .markup import Content, Markup

Resolve = Callable[[Markup], "Link | None"]
"""A link's URL on the page being written, or None: its content alone."""


class Link(NamedTuple):
    url: str
    internal: bool
    classes: tuple[str, ...] = ()


# kind -> (tag, extra class, end tag): what Sphinx's HTML5 translator writes for the node.
_TAGS: dict[str, tuple[str, str, str]] = {
    "paragraph": ("p", "", "</p>\n"),
    "inline": ("span", "", "</span>"),
    "strong": ("strong", "", "</strong>"),
    "emphasis": ("em", "", "</em>"),
    "superscript": ("sup", "", "</sup>"),
    "subscript": ("sub", "", "</sub>"),
    "list_item": ("li", "", "</li>\n"),
    "badge": ("span", "sp-badge", "</span>"),
    "toggle": ("details", "sp-toggle", "</details>\n"),
    "summary": ("summary", "", "</summary>\n"),
    "numbered_list": ("ol", "sp-numbered", "</ol>\n"),
}
_LINKS = ("reference", "pending_xref", "paper_link")
_ITEMS = ("list_item", "numbered_item")
_LISTS = ("bullet_list", "numbered_list", "container")
_NOT_IN_HTML = frozenset({"fallback", "enumtype", "prefix", "suffix"})
"""Attributes that only other builders read."""


class HtmlWriter:
    """Writes markup into ``translator.body``."""

    def __init__(self, translator: Any, resolve: Resolve) -> None:
        self.translator = translator
        self.resolve = resolve
        self.body: list[str] = translator.body
        self.encode: Callable[[str], str] = translator.encode
        self.attval: Callable[[str], str] = translator.attval
        self._cache: dict[tuple[Any, ...], Any] = {}

    def write(self, content: Content, parent_kind: str = "container") -> None:
        if isinstance(content, str):
            self.body.append(self.encode(content))
            return
        kind, children, classes, attributes = content
        if kind in _TAGS and (not attributes or attributes.keys() <= _NOT_IN_HTML):
            self.body.append(self._start_tag(kind, classes))
            self._children(kind, children)
            self.body.append(_TAGS[kind][2])
        elif kind in _LINKS:
            self._link(content)
        elif kind == "target" and attributes and attributes.keys() == {"ids"}:
            self._target(classes, attributes["ids"])
        elif kind == "line_break":
            self.body.append("<br />")
        elif kind == "icon" and attributes and attributes.keys() == {"icon"}:
            self.body.append(icon_svg(attributes["icon"]))
        elif kind == "separator":
            self.body.append(self._separator(classes, _text(children)))
        elif kind == "bullet_list":
            simple = ("simple",) if self._adds_simple_class(classes, children) else ()
            self.body.append(self._starttag(classes, "ul", "\n", simple))
            self._children(kind, children)
            self.body.append("</ul>\n")
        elif kind == "container" and not attributes:
            self.body.append(self._starttag(classes, "div", "\n", ("docutils container",)))
            self._children(kind, children)
            self.body.append("</div>\n")
        elif kind == "numbered_item" and attributes and attributes.keys() == {"number"}:
            value = str(attributes["number"])
            self.body.append(self._starttag(classes, "li", "", value=value))
            self._children(kind, children)
            self.body.append("</li>\n")
        elif kind == "badge" and attributes and attributes.keys() == {"colour"}:
            style = f"--sp-badge: {attributes['colour']}"
            self.body.append(self._starttag(classes, "span", "", ("sp-badge",), style=style))
            self._children(kind, children)
            self.body.append("</span>")
        else:
            self._through_translator(content, parent_kind)

    def _children(self, kind: str, children: tuple[Content, ...]) -> None:
        if kind in _LISTS:
            # One string per entry: a page of thousands of entries would otherwise hold
            # dozens of small strings per entry until the page is joined.
            for child in children:
                start = len(self.body)
                self.write(child, kind)
                self.body[start:] = ["".join(self.body[start:])]
        else:
            for child in children:
                self.write(child, kind)
        if kind in _ITEMS and len(children) == 1 and self.body[-1] == "</p>\n":
            # Docutils' HTML5 writer ends a list item's only paragraph without a newline.
            self.body[-1] = "</p>"

    def _adds_simple_class(self, classes: tuple[str, ...], items: tuple[Content, ...]) -> bool:
        """As docutils' ``visit_bullet_list`` and ``is_compactable``."""
        translator = self.translator
        if "compact" in classes:
            compactable = True
        elif "open" in classes or not translator.settings.compact_lists:
            compactable = False
        else:
            compactable = _is_simple(items)
        return compactable and not translator.compact_simple

    def _start_tag(self, kind: str, classes: tuple[str, ...]) -> str:
        """The start tag of a kind whose tag depends on its classes alone."""
        key = (kind, classes)
        tag = self._cache.get(key)
        if tag is None:
            name, extra, _end = _TAGS[kind]
            tag = self._cache[key] = self._starttag(classes, name, "", (extra,) if extra else ())
        return str(tag)

    def _starttag(
        self,
        classes: tuple[str, ...],
        tag: str,
        suffix: str,
        extra_classes: tuple[str, ...] = (),
        ids: list[str] | None = None,
        **attributes: str,
    ) -> str:
        # The translator's starttag reads the classes and ids of a node: a dict will do.
        node = {"classes": list(classes), "ids": list(ids or ())}
        if extra_classes:
            attributes["CLASS"] = " ".join(extra_classes)
        return str(self.translator.starttag(node, tag, suffix, **attributes))

    def _with_value(self, key: tuple[Any, ...], make: Callable[[str], str], value: str) -> str:
        """A tag that differs only by one attribute value: made once with a marker, then filled.

        Faster than ``starttag`` per entry; the same text, as the marker is encoded alike.
        """
        halves = self._cache.get(key)
        if halves is None:
            halves = self._cache[key] = make(_MARKER).split(_MARKER)
        before, after = halves
        return f"{before}{self.attval(value)}{after}"

    def _target(self, classes: tuple[str, ...], ids: list[str]) -> None:
        if len(ids) != 1:
            self.body.append(self._starttag(classes, "span", "", ("target",), ids=ids))
        else:

            def make(marker: str) -> str:
                return self._starttag(classes, "span", "", ("target",), ids=[marker])

            self.body.append(self._with_value(("target", classes), make, ids[0]))
        self.body.append("</span>")

    def _separator(self, classes: tuple[str, ...], text: str) -> str:
        key = ("separator", classes, text)
        found = self._cache.get(key)
        if found is None:
            node = {"classes": list(classes), "ids": []}
            hidden = self.translator.starttag(node, "span", "", **{"aria-hidden": "true"})
            found = self._cache[key] = f" {hidden}{self.encode(text.strip())}</span> "
        return str(found)

    def _link(self, content: Markup) -> None:
        kind, children, _classes, _attributes = content
        resolved = self.resolve(content)
        if resolved is None:
            self._children(kind, children)
            return
        if kind == "reference" and resolved.url.startswith("mailto:"):
            self._through_translator(content, "paragraph")  # the translator may cloak it
            return
        kind_class = "reference internal" if resolved.internal else "reference external"

        def make(marker: str) -> str:
            return self._starttag(resolved.classes, "a", "", (kind_class,), href=marker)

        self.body.append(
            self._with_value(("a", resolved.classes, kind_class), make, resolved.url or "#")
        )
        self._children(kind, children)
        self.body.append("</a>")

    def _through_translator(self, content: Markup, parent_kind: str) -> None:
        from .markup_nodes import NODE_TYPES, to_nodes

        node = to_nodes(content)
        # Visitors look at the parent (is a paragraph compact? is a link in text?).
        parent = NODE_TYPES.get(parent_kind, nodes.container)()
        parent += node
        node.walkabout(self.translator)


_MARKER = "\x00sp-value\x00"
"""Stands for an attribute value in a cached tag; no attribute value holds it."""


def _text(children: tuple[Content, ...]) -> str:
    return "".join(child for child in children if isinstance(child, str))


def _is_simple(items: tuple[Content, ...]) -> bool:
    """Whether docutils would call the list simple (``class="simple"``, no ``<p>`` needed).

    As ``SimpleListChecker``: every item holds at most one paragraph.
    """
    for item in items:
        if isinstance(item, str):
            return False
        item_children = item[1]
        if len(item_children) > 1:
            return False
        if item_children and (
            isinstance(item_children[0], str) or item_children[0][0] != "paragraph"
        ):
            return False
    return True
