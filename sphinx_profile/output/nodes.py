"""The extension's own nodes and their visitors for every builder.

Owns every node class the extension adds (badges, toggles, headings, the
``sp_markup`` placeholder …) and how each builder writes it
(:data:`NODE_VISITORS`). Most subclass standard nodes, so a builder this
module does not know (a third party one) still falls back to the parent's
visitor through Sphinx's MRO lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class sp_badge(nodes.inline):  # docutils node classes are snake_case
    """A short label such as a venue (``ICLR 2024``) or an award.

    HTML: ``<span class="sp-badge …">``; LaTeX: ``\\sphinxprofilebadge`` (bold); text: ``[label]``.
    """


class sp_separator(nodes.inline):  # docutils node classes are snake_case
    """The `` | `` between the items of a meta line.

    HTML: `` <span class="sp-sep" aria-hidden="true">|</span> ``, so screen readers do
    not read "vertical bar" between the items; every other builder prints it as an inline.
    Doctree dumps show it as the plain ``inline`` it renders as elsewhere.
    """

    tagname = "inline"


class sp_paper_link(nodes.inline):  # docutils node classes are snake_case
    """A title that links to its publication's own page in HTML, plain text elsewhere.

    ``pagename`` is the page; a post-transform turns the node into a reference
    for the builders that write such pages and into its text for the others.
    """


class sp_icon(nodes.inline):  # docutils node classes are snake_case
    """A decorative icon, ``icon`` naming it (``"lucide/mail"``, see ``sphinx_profile.icons``).

    HTML: the inline ``<svg aria-hidden="true">``; every other builder leaves it out
    (the label beside it carries the meaning). It has no children, so a builder this
    module does not know writes an empty inline.
    """


class sp_markup(nodes.General, nodes.Element):  # docutils node classes are snake_case
    """A placeholder: rendered content kept as light markup (``render.markup``).

    ``markup`` holds it; the one child is its text (what the read-time
    transforms and the search index's collector of titles see). Before
    references are resolved, for every builder, a post-transform replaces it with
    the ordinary nodes it stands for (``output.expand.ExpandMarkup``), so no
    writer ever meets it.
    """


def markup_node(content: Any) -> sp_markup:
    from ..render.markup import searchable_text

    node = sp_markup(markup=content)
    node += nodes.Text(searchable_text(content))
    return node


class sp_heading(nodes.rubric):
    """A group heading inside a list (a topic, a year) that is not a section.

    It never enters the toctree. HTML gives a real ``<hN>`` one level below the
    enclosing section, so screen readers can jump between groups.
    """


class sp_toggle(nodes.General, nodes.Element):  # docutils node classes are snake_case
    """Content behind a disclosure: ``<details>`` in HTML, no script needed.

    Children: one :class:`sp_toggle_summary`, then the body. ``fallback`` says
    what other builders print: ``"body"`` (the body without the summary, e.g. a
    full author list) or ``"none"`` (nothing, e.g. an abstract on a CV).
    """


class sp_toggle_summary(nodes.TextElement):
    """The always-visible line of an :class:`sp_toggle` (``<summary>``)."""


class sp_dates(nodes.inline):
    """The dates of an entry on the line they belong to, outside HTML only.

    Made by ``print_layout.move_dates``. LaTeX: ``\\sphinxprofiledates{…}``, flush
    right (``sphinxprofile.sty``); text: ``(…)``.
    """


class sp_line_break(nodes.Inline, nodes.Element):  # docutils node classes are snake_case
    """A ``<br>`` written in a title or an award (al-folio's inline HTML).

    HTML: ``<br />``; LaTeX: ``\\newline``; text, man and texinfo: a space.
    """


class sp_numbered_list(nodes.enumerated_list):
    """A list whose items carry explicit numbers, so a CV can count down."""


class sp_numbered_item(nodes.list_item):
    """A list item with its own ``number``: ``<li value="N">``, ``N.`` elsewhere."""


# -- HTML ------------------------------------------------------------------------------


def visit_badge_html(self: Any, node: sp_badge) -> None:
    # "colour" comes from profile_venue_colors, checked against a strict pattern.
    style = {"style": f"--sp-badge: {node['colour']}"} if node.get("colour") else {}
    self.body.append(self.starttag(node, "span", "", CLASS="sp-badge", **style))


def depart_badge_html(self: Any, node: sp_badge) -> None:
    self.body.append("</span>")


def visit_separator_html(self: Any, node: sp_separator) -> None:
    # Only the bar is hidden: the spaces stay outside, so that a screen reader still
    # reads the items on either side as separate words.
    bar = self.encode(node.astext().strip())
    hidden = self.starttag(node, "span", "", **{"aria-hidden": "true"})
    self.body.append(f" {hidden}{bar}</span> ")
    raise nodes.SkipNode


def visit_icon_html(self: Any, node: sp_icon) -> None:
    from ..icons import icon_svg

    self.body.append(icon_svg(node["icon"]))
    raise nodes.SkipNode


def visit_heading_html(self: Any, node: sp_heading) -> None:
    level = min(getattr(self, "section_level", 1) + 1, 6)
    node["sp_level"] = level
    self.body.append(self.starttag(node, f"h{level}", "", CLASS="sp-group-heading"))


def depart_heading_html(self: Any, node: sp_heading) -> None:
    self.body.append(f"</h{node['sp_level']}>\n")


def visit_toggle_html(self: Any, node: sp_toggle) -> None:
    self.body.append(self.starttag(node, "details", "", CLASS="sp-toggle"))


def depart_toggle_html(self: Any, node: sp_toggle) -> None:
    self.body.append("</details>\n")


def visit_summary_html(self: Any, node: sp_toggle_summary) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def depart_summary_html(self: Any, node: sp_toggle_summary) -> None:
    self.body.append("</summary>\n")


def visit_numbered_list_html(self: Any, node: sp_numbered_list) -> None:
    self.body.append(self.starttag(node, "ol", "", CLASS="sp-numbered"))


def depart_numbered_list_html(self: Any, node: sp_numbered_list) -> None:
    self.body.append("</ol>\n")


def visit_numbered_item_html(self: Any, node: sp_numbered_item) -> None:
    self.body.append(self.starttag(node, "li", "", value=str(node["number"])))


def depart_numbered_item_html(self: Any, node: sp_numbered_item) -> None:
    self.body.append("</li>\n")


# -- LaTeX -----------------------------------------------------------------------------


def visit_badge_latex(self: Any, node: sp_badge) -> None:
    self.body.append(r"\sphinxprofilebadge{")  # sphinxprofile.sty: bold


def depart_badge_latex(self: Any, node: sp_badge) -> None:
    self.body.append("}")


def visit_heading_latex(self: Any, node: sp_heading) -> None:
    if "sp-cv-heading" in node["classes"]:
        # A section of the ``cv`` directive: an unnumbered section of the document.
        self.body.append("\n\\section*{")
        return
    self.body.append("\n\\par\\medskip\\noindent\\textbf{")


def depart_heading_latex(self: Any, node: sp_heading) -> None:
    if "sp-cv-heading" in node["classes"]:
        self.body.append("}\n")
        return
    self.body.append("}\\par\\nopagebreak\\smallskip\n")


def visit_dates_latex(self: Any, node: sp_dates) -> None:
    self.body.append(r"\sphinxprofiledates{")


def depart_dates_latex(self: Any, node: sp_dates) -> None:
    self.body.append("}")


def visit_numbered_list_latex(self: Any, node: sp_numbered_list) -> None:
    self.body.append("\n\\begin{itemize}\n")


def depart_numbered_list_latex(self: Any, node: sp_numbered_list) -> None:
    self.body.append("\\end{itemize}\n")


def visit_numbered_item_latex(self: Any, node: sp_numbered_item) -> None:
    self.body.append(f"\\item[{node['number']}.] ")


def depart_numbered_item_latex(self: Any, node: sp_numbered_item) -> None:
    self.body.append("\n")


def visit_line_break_html(self: Any, node: sp_line_break) -> None:
    self.body.append("<br />")
    raise nodes.SkipNode


def visit_line_break_latex(self: Any, node: sp_line_break) -> None:
    # \leavevmode: a break at the start of a paragraph is not an error.
    self.body.append(r"\leavevmode\newline{}")
    raise nodes.SkipNode


def visit_line_break_text(self: Any, node: sp_line_break) -> None:
    self.add_text(" ") if hasattr(self, "add_text") else self.body.append(" ")
    raise nodes.SkipNode


# -- every builder but HTML -------------------------------------------------------------


def visit_toggle_fallback(self: Any, node: sp_toggle) -> None:
    if node.get("fallback", "body") == "none":
        raise nodes.SkipNode


def skip_node(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


# -- text, man, texinfo: the words alone ----------------------------------------------


def visit_passthrough(self: Any, node: nodes.Node) -> None:
    pass


def depart_passthrough(self: Any, node: nodes.Node) -> None:
    pass


def visit_badge_text(self: Any, node: sp_badge) -> None:
    self.add_text("[") if hasattr(self, "add_text") else self.body.append("[")


def depart_badge_text(self: Any, node: sp_badge) -> None:
    self.add_text("]") if hasattr(self, "add_text") else self.body.append("]")


def visit_dates_text(self: Any, node: sp_dates) -> None:
    self.add_text(" (") if hasattr(self, "add_text") else self.body.append(" (")


def depart_dates_text(self: Any, node: sp_dates) -> None:
    self.add_text(")") if hasattr(self, "add_text") else self.body.append(")")


def visit_heading_text(self: Any, node: sp_heading) -> None:
    self.new_state(0)


def depart_heading_text(self: Any, node: sp_heading) -> None:
    self.end_state()


def visit_heading_man(self: Any, node: sp_heading) -> None:
    self.body.append("\n.sp\n\\fB")


def depart_heading_man(self: Any, node: sp_heading) -> None:
    self.body.append("\\fP\n")


def visit_heading_texinfo(self: Any, node: sp_heading) -> None:
    self.body.append("\n\n@noindent\n@strong{")


def depart_heading_texinfo(self: Any, node: sp_heading) -> None:
    self.body.append("}\n\n")


def visit_numbered_item_text(self: Any, node: sp_numbered_item) -> None:
    self.new_state(len(str(node["number"])) + 2)


def depart_numbered_item_text(self: Any, node: sp_numbered_item) -> None:
    self.end_state(first=f"{node['number']}. ")


def visit_numbered_item_man(self: Any, node: sp_numbered_item) -> None:
    self.body.append(f'.IP "{node["number"]}." 4\n')


def visit_numbered_list_texinfo(self: Any, node: sp_numbered_list) -> None:
    self.body.append("\n\n@itemize @w{}\n")


def depart_numbered_list_texinfo(self: Any, node: sp_numbered_list) -> None:
    self.ensure_eol()
    self.body.append("@end itemize\n")


def visit_numbered_item_texinfo(self: Any, node: sp_numbered_item) -> None:
    self.body.append(f"\n@item {node['number']}. ")


_PASS = (visit_passthrough, depart_passthrough)
_FALLBACK_TOGGLE = (visit_toggle_fallback, depart_passthrough)
_SKIP = (skip_node, depart_passthrough)

NODE_VISITORS: dict[type[nodes.Element], dict[str, tuple[Any, Any]]] = {
    sp_badge: {
        "html": (visit_badge_html, depart_badge_html),
        "latex": (visit_badge_latex, depart_badge_latex),
        "text": (visit_badge_text, depart_badge_text),
        "man": (visit_badge_text, depart_badge_text),
        "texinfo": (visit_badge_text, depart_badge_text),
    },
    sp_icon: {
        "html": (visit_icon_html, depart_passthrough),
        "latex": _SKIP,
        "text": _SKIP,
        "man": _SKIP,
        "texinfo": _SKIP,
    },
    sp_dates: {
        "html": _PASS,
        "latex": (visit_dates_latex, depart_dates_latex),
        "text": (visit_dates_text, depart_dates_text),
        "man": (visit_dates_text, depart_dates_text),
        "texinfo": (visit_dates_text, depart_dates_text),
    },
    # Other builders fall back to their inline visitors (Sphinx looks up the MRO).
    sp_separator: {"html": (visit_separator_html, depart_passthrough)},
    sp_toggle: {
        "html": (visit_toggle_html, depart_toggle_html),
        "latex": _FALLBACK_TOGGLE,
        "text": _FALLBACK_TOGGLE,
        "man": _FALLBACK_TOGGLE,
        "texinfo": _FALLBACK_TOGGLE,
    },
    sp_toggle_summary: {
        "html": (visit_summary_html, depart_summary_html),
        "latex": _SKIP,
        "text": _SKIP,
        "man": _SKIP,
        "texinfo": _SKIP,
    },
    sp_numbered_list: {
        "html": (visit_numbered_list_html, depart_numbered_list_html),
        "latex": (visit_numbered_list_latex, depart_numbered_list_latex),
        "texinfo": (visit_numbered_list_texinfo, depart_numbered_list_texinfo),
    },
    sp_numbered_item: {
        "html": (visit_numbered_item_html, depart_numbered_item_html),
        "latex": (visit_numbered_item_latex, depart_numbered_item_latex),
        "text": (visit_numbered_item_text, depart_numbered_item_text),
        "man": (visit_numbered_item_man, depart_passthrough),
        "texinfo": (visit_numbered_item_texinfo, depart_passthrough),
    },
    sp_line_break: {
        "html": (visit_line_break_html, depart_passthrough),
        "latex": (visit_line_break_latex, depart_passthrough),
        "text": (visit_line_break_text, depart_passthrough),
        "man": (visit_line_break_text, depart_passthrough),
        "texinfo": (visit_line_break_text, depart_passthrough),
    },
    sp_heading: {
        "html": (visit_heading_html, depart_heading_html),
        "latex": (visit_heading_latex, depart_heading_latex),
        "text": (visit_heading_text, depart_heading_text),
        "man": (visit_heading_man, depart_heading_man),
        "texinfo": (visit_heading_texinfo, depart_heading_texinfo),
    },
}
"""Every custom node with its (visit, depart) pair per builder format."""


def setup_nodes(app: Sphinx) -> None:
    """Every node of :data:`NODE_VISITORS`, with its visitors."""
    for node, visitors in NODE_VISITORS.items():
        app.add_node(node, **visitors)  # type: ignore[arg-type]
