"""Light markup: the one neutral tree every renderer builds.

A :class:`Markup` element names a docutils construct (``kind``) with its
classes, attributes and children (elements or plain strings). It is a named
tuple: cheap to build, to pickle into a doctree and to walk, where a docutils
node costs a little on each of Sphinx's passes over a page. Long publication
lists stay in this form inside one :class:`~sphinx_profile.output.nodes.sp_markup`
placeholder until the page is written; ``output.expand`` turns it into ordinary
docutils nodes, for every builder (the placeholder by a post-transform, other
directives at once).

Kinds and their nodes: see ``output.expand.NODE_TYPES``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, Union


class Markup(NamedTuple):
    """An element, read by name (``content.kind``, ``content.children`` …).

    A named tuple rather than a docutils node or a slotted class: it costs no
    more than a plain tuple to build and to walk, and the doctree Sphinx
    pickles on every build stores it as a tuple.
    """

    kind: str
    """A key of ``output.expand.NODE_TYPES``: the node it becomes."""
    children: tuple[Content, ...]
    classes: tuple[str, ...]
    attributes: dict[str, Any] | None
    """The node's attributes (``refuri``, ``ids`` …), or None: cheaper than an empty dict."""


Content = Union[Markup, str]  # noqa: UP007 (a recursive alias needs the string form)


def element(
    kind: str, *children: Content, classes: Iterable[str] = (), **attributes: Any
) -> Markup:
    return Markup(kind, children, _shared(tuple(classes)), attributes or None)


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
    items = content.children if isinstance(content, Markup) else content
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
    for child in content.children:
        if isinstance(child, str):
            parts.append(child)
        else:
            _collect_lines(child, parts)
    if content.kind in _BLOCKS:
        parts.append("\n")


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
