"""The output side: what a page's doctree becomes for each builder.

* ``nodes``: the extension's node classes and their visitors for every builder;
* ``expand``: light markup (``render.markup``) into ordinary docutils nodes, and
  the post-transform that expands every ``sp_markup`` placeholder, for every
  builder, before references are resolved;
* ``print_layout``: LaTeX and text lay the profile card and entry lists out like
  a CV (HTML does it with CSS);
* ``base``: the base class of the post-transforms that look at the builder.

:func:`setup_output` registers all of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_output(app: Sphinx) -> None:
    from .expand import setup_expand
    from .nodes import setup_nodes
    from .print_layout import setup_print_layout

    setup_nodes(app)
    setup_expand(app)
    setup_print_layout(app)
