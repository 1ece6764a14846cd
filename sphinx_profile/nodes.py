"""The extension's own nodes and their visitors for every builder.

Both subclass standard nodes, so a builder this module does not know (a third
party one) still falls back to the parent's visitor through Sphinx's MRO lookup.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes


class sp_badge(nodes.inline):  # docutils node classes are snake_case
    """A short label such as a venue (``ICLR 2024``) or an award.

    HTML: ``<span class="sp-badge …">``; LaTeX: italic; text: the plain label.
    """


class sp_heading(nodes.rubric):
    """A group heading inside a list (a topic, a year) that is not a section.

    It never enters the toctree. HTML gives a real ``<hN>`` one level below the
    enclosing section, so screen readers can jump between groups.
    """


# -- HTML ------------------------------------------------------------------------------


def visit_badge_html(self: Any, node: sp_badge) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="sp-badge"))


def depart_badge_html(self: Any, node: sp_badge) -> None:
    self.body.append("</span>")


def visit_heading_html(self: Any, node: sp_heading) -> None:
    level = min(getattr(self, "section_level", 1) + 1, 6)
    node["sp_level"] = level
    self.body.append(self.starttag(node, f"h{level}", "", CLASS="sp-group-heading"))


def depart_heading_html(self: Any, node: sp_heading) -> None:
    self.body.append(f"</h{node['sp_level']}>\n")


# -- LaTeX -----------------------------------------------------------------------------


def visit_badge_latex(self: Any, node: sp_badge) -> None:
    self.body.append(r"\sphinxstyleemphasis{")


def depart_badge_latex(self: Any, node: sp_badge) -> None:
    self.body.append("}")


def visit_heading_latex(self: Any, node: sp_heading) -> None:
    self.body.append("\n\\par\\medskip\\noindent\\textbf{")


def depart_heading_latex(self: Any, node: sp_heading) -> None:
    self.body.append("}\\par\\nopagebreak\\smallskip\n")


# -- text, man, texinfo: the words alone ----------------------------------------------


def visit_passthrough(self: Any, node: nodes.Node) -> None:
    pass


def depart_passthrough(self: Any, node: nodes.Node) -> None:
    pass


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


NODE_VISITORS: dict[type[nodes.Element], dict[str, tuple[Any, Any]]] = {
    sp_badge: {
        "html": (visit_badge_html, depart_badge_html),
        "latex": (visit_badge_latex, depart_badge_latex),
        "text": (visit_passthrough, depart_passthrough),
        "man": (visit_passthrough, depart_passthrough),
        "texinfo": (visit_passthrough, depart_passthrough),
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
