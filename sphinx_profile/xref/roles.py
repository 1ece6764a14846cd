"""The ``:pub:`` role (MyST ``{pub}``): a reference to a publication by its id.

It owns the role only: the node it makes is resolved by the domain
(:mod:`sphinx_profile.xref.domain`), and the ids each page references are kept
there, so that a page is written again when its target moves.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.roles import XRefRole


class PublicationRole(XRefRole):
    """``:pub:`id``` (MyST ``{pub}`id```): a link to the entry, titled by default."""

    def create_xref_node(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        from .domain import ProfileDomain, profile_domain

        # Registered also without the domain prefix, so route it to this domain.
        self.refdomain, self.reftype = ProfileDomain.name, "pub"
        result, messages = super().create_xref_node()
        domain = profile_domain(self.env)
        for node in result:
            if isinstance(node, pending_xref):
                domain.publication_refs.setdefault(self.env.docname, set()).add(node["reftarget"])
        return result, messages
