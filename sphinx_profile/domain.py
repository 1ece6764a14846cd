"""Cross-page publication data: anchors for ``:pub:`` references and ``objects.inv``.

Each page that lists a publication claims it; a reference goes to the best
claim (the page with the longest list, then the first page by name), so the
choice is the same however pages were read, in parallel or incrementally.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any, ClassVar, NamedTuple

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .data.issues import Subtype
from .locale import _

logger = logging.getLogger(__name__)


class Claim(NamedTuple):
    anchor: str
    title: str
    list_size: int


class PublicationRole(XRefRole):
    """``:pub:`id``` (MyST ``{pub}`id```): a link to the entry, titled by default."""

    def create_xref_node(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # Registered also without the domain prefix, so route it to this domain.
        self.refdomain, self.reftype = ProfileDomain.name, "pub"
        return super().create_xref_node()


class ProfileDomain(Domain):
    name = "profile"
    label = "sphinx-profile"
    object_types: ClassVar[dict[str, ObjType]] = {"publication": ObjType(_("publication"), "pub")}
    roles: ClassVar = {"pub": PublicationRole(innernodeclass=nodes.inline)}
    initial_data: ClassVar[dict[str, Any]] = {"publications": {}}
    data_version = 1

    @property
    def publications(self) -> dict[str, dict[str, Claim]]:
        """publication id -> docname -> claim."""
        return self.data.setdefault("publications", {})

    def note_publication(
        self, publication_id: str, docname: str, anchor: str, title: str, list_size: int
    ) -> None:
        claims = self.publications.setdefault(publication_id, {})
        if docname not in claims or claims[docname].list_size < list_size:
            claims[docname] = Claim(anchor, title, list_size)

    def best_claim(self, publication_id: str) -> tuple[str, Claim] | None:
        claims = self.publications.get(publication_id)
        if not claims:
            return None
        return min(claims.items(), key=lambda item: (-item[1].list_size, item[0]))

    def clear_doc(self, docname: str) -> None:
        for publication_id in list(self.publications):
            claims = self.publications[publication_id]
            claims.pop(docname, None)
            if not claims:
                del self.publications[publication_id]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for publication_id, claims in otherdata.get("publications", {}).items():
            for docname, claim in claims.items():
                if docname in docnames:
                    self.note_publication(publication_id, docname, *claim)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> Element | None:
        found = self.best_claim(target)
        if found is None:
            logger.warning(
                "unknown publication id %r in :pub: reference",
                target,
                location=node,
                type="profile",
                subtype=Subtype.REF.value,
            )
            return None
        docname, claim = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(claim.title, claim.title, classes=contnode["classes"])
        return make_refnode(builder, fromdocname, docname, claim.anchor, contnode, claim.title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, Element]]:
        if self.best_claim(target) is None:
            return []
        node["refexplicit"] = node.get("refexplicit", False)
        resolved = self.resolve_xref(env, fromdocname, builder, "pub", target, node, contnode)
        return [("profile:pub", resolved)] if resolved is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for publication_id in sorted(self.publications):
            found = self.best_claim(publication_id)
            if found is not None:
                docname, claim = found
                yield publication_id, claim.title, "publication", docname, claim.anchor, 1


def note_publications(
    env: BuildEnvironment, entries: Iterable[tuple[str, str, str]], list_size: int
) -> None:
    """Record ``(id, anchor, title)`` of each entry listed on the current page."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    for publication_id, anchor, title in entries:
        domain.note_publication(publication_id, env.docname, anchor, title, list_size)
