"""Light markup: what the renderers build, before it becomes docutils nodes or HTML.

A :class:`Markup` element names a docutils construct (``kind``) with its
classes, attributes and children (elements or plain strings). It is a tuple:
cheap to build, to pickle into a doctree and to walk, where a docutils node
costs a little on each of Sphinx's passes over a page. Long publication lists
stay in this form inside one :class:`~sphinx_profile.nodes.sp_markup` node;
``render.markup_nodes`` turns it into nodes (every builder but HTML, and every
other directive), ``render.markup_html`` writes it straight to HTML.

Kinds and their nodes: see ``render.markup_nodes.NODE_TYPES``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Union, cast

Markup = tuple[str, tuple["Content", ...], tuple[str, ...], "dict[str, Any] | None"]
"""An element: ``(kind, children, classes, attributes)``; read it by unpacking.

A plain tuple rather than a class: pickling a doctree with a list of thousands
of entries, which Sphinx does on every build, then never calls Python code.
"""

Content = Union[Markup, str]  # noqa: UP007 (a recursive alias needs the string form)


def element(
    kind: str, *children: Content, classes: Iterable[str] = (), **attributes: Any
) -> Markup:
    return (kind, children, _shared(tuple(classes)), attributes or None)


_CLASSES: dict[tuple[str, ...], tuple[str, ...]] = {}


def _shared(classes: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple for each set of classes: a long list repeats a handful thousands of times."""
    return _CLASSES.setdefault(classes, classes)


def text_of(content: Content | Iterable[Content]) -> str:
    """The words of ``content``, as ``astext()`` gives them for the nodes."""
    return "".join(_strings(content))


def _strings(content: Content | Iterable[Content]) -> Iterator[str]:
    if isinstance(content, str):
        yield content
        return
    items: Iterable[Content]
    items = cast(Markup, content)[1] if _is_element(content) else cast(Iterable[Content], content)
    for item in items:
        yield from _strings(item)


_BLOCKS = frozenset(
    {"paragraph", "list_item", "numbered_item", "container", "summary", "literal_block"}
)


def searchable_text(content: Markup) -> str:
    """The words of ``content``, a line per block: what the search index reads."""
    parts: list[str] = []
    _collect_lines(content, parts)
    return "".join(parts)


def _collect_lines(content: Markup, parts: list[str]) -> None:
    kind, children, _classes, _attributes = content
    for child in children:
        if isinstance(child, str):
            parts.append(child)
        else:
            _collect_lines(child, parts)
    if kind in _BLOCKS:
        parts.append("\n")


def _is_element(content: object) -> bool:
    """A markup element (not a string, not a list of contents)."""
    return isinstance(content, tuple) and len(content) == 4 and isinstance(content[0], str)


# -- constructors of the common pieces --------------------------------------------------


def link(text: str | Content, url: str, classes: Iterable[str] = ()) -> Markup:
    """An external link."""
    return element("reference", text, classes=classes, refuri=url, internal=False)


def labelled_link(
    label: str, url: str, icon: str, style: str, classes: Iterable[str] = ()
) -> Markup:
    """A link with an icon (see ``sphinx_profile.icons``) as ``style`` says.

    ``icon+label``: the icon, then the label; ``icon``: the icon, the label kept
    for screen readers (and for the builders without icons) but hidden from sight;
    ``label``: the label alone, as :func:`link`.
    """
    if style == "label":
        return link(label, url, classes)
    # The label as plain text beside the icon: other builders then write it as before.
    shown: Content = label
    if style == "icon":
        shown = element("inline", label, classes=["sp-visually-hidden"])
    return element(
        "reference",
        element("icon", icon=icon),
        shown,
        classes=[*classes, "sp-icon-link"],
        refuri=url,
        internal=False,
    )


def maybe_link(text: str, url: str | None) -> Content:
    return link(text, url) if url else text


def separator() -> Markup:
    """The `` | `` between items of a meta line; hidden from screen readers in HTML."""
    return _SEPARATOR


_SEPARATOR = element("separator", " | ", classes=["sp-sep"])  # immutable: one for all


def joined(items: Iterable[Content]) -> list[Content]:
    """``items`` with separators between them."""
    output: list[Content] = []
    for index, item in enumerate(items):
        if index:
            output.append(separator())
        output.append(item)
    return output
