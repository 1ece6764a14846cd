"""The ``profile`` domain: what pages tell each other, kept in the build environment.

It owns the domain's data (every key is in :attr:`ProfileDomain.initial_data`,
each described there), its upkeep when pages are re-read or read in parallel
(``clear_doc``, ``merge_domaindata``), and the resolution of references:

* Each page that lists a publication claims it; a ``:pub:`` reference goes to
  the best claim (a list with no filter, then the longest list, then the
  first page by name), so the choice is the same however pages were read, in
  parallel or incrementally.
* A page with ``profile :person: <id>`` is that member's page. Member names in
  author lists and on people cards are ``pending_xref`` nodes of type
  ``member``, resolved when pages are written: to the member's page (the
  first by name if several), else to the ``sp_fallback_url`` of the node, else
  the bare name, never a warning.

What is recorded while a page is read, and the pages to read or write again
because of it, is in :mod:`~sphinx_profile.xref.incremental`; data-file
problems in :mod:`~sphinx_profile.xref.issues`; what each page shows, for its
metadata, in :mod:`~sphinx_profile.xref.shown`.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from ..data.issues import Subtype
from ..locale import _
from ..warn import warn
from .roles import PublicationRole

if TYPE_CHECKING:
    from .issues import ReportedIssue
    from .shown import ShownOnPage


class Claim(NamedTuple):
    anchor: str
    title: str
    list_size: int
    complete: bool = False
    """The list uses no filter option (nor ``:limit:``): the natural home of an entry."""

    @property
    def rank(self) -> tuple[bool, int]:
        """Smaller is better: a complete list first, then the longest."""
        return (not self.complete, -self.list_size)


# Keys whose value is per page (docname -> ...): cleared with the page, merged from workers.
PER_PAGE_KEYS = (
    "publication_refs",
    "left_out",
    "issues",
    "data_files",
    "entries_shown",
    "shown",
    "member_files",
)


class ProfileDomain(Domain):
    name = "profile"
    label = "sphinx-profile"
    object_types: ClassVar[dict[str, ObjType]] = {"publication": ObjType(_("publication"), "pub")}
    roles: ClassVar = {"pub": PublicationRole(innernodeclass=nodes.inline)}
    initial_data: ClassVar[dict[str, Any]] = {
        # publication id -> docname -> Claim of a list that shows it
        "publications": {},
        # docname -> the publication ids its :pub: references name
        "publication_refs": {},
        # publication id -> (docname, anchor, title) its references went to when last written
        "publication_targets": {},
        # docname -> entry id -> (data file location, why) of entries left out of its lists
        "left_out": {},
        # member id -> the pages that show the member's card (profile :person:)
        "members": {},
        # the pages that hold member references (a dict, used as an ordered set)
        "member_links": {},
        # docname -> each member's own profile file looked for, and whether it existed
        "member_files": {},
        # member id -> member page, when member links were last written
        "linked_pages": {},
        # docname -> the data-file problems met while reading it
        "issues": {},
        # docname -> each data file the page read (path -> digest of its content then)
        "data_files": {},
        # docname -> ListQuery of each publication list: its query and the entries it showed
        "entries_shown": {},
        # the problems of data files checked entry by entry this build (see entries.py)
        "checked_issues": [],
        # docname -> ShownOnPage: what the page's directives showed, for its metadata
        "shown": {},
        # the pages the current build reads (set before reading, for warnings)
        "read_now": set(),
        # what every page's JSON-LD takes from other pages, when last written (None: never)
        "jsonld_signature": None,
        # the sidebar card, when last written (None: never)
        "sidebar_signature": None,
    }
    data_version = 5

    @property
    def publications(self) -> dict[str, dict[str, Claim]]:
        """publication id -> docname -> claim."""
        return self.data["publications"]

    def note_publication(
        self,
        publication_id: str,
        docname: str,
        anchor: str,
        title: str,
        list_size: int,
        complete: bool = False,
    ) -> None:
        claims = self.publications.setdefault(publication_id, {})
        claim = Claim(anchor, title, list_size, complete)
        if docname not in claims or claim.rank < claims[docname].rank:
            claims[docname] = claim

    def best_claim(self, publication_id: str) -> tuple[str, Claim] | None:
        """The page references go to: a complete list, then the longest, then by name."""
        claims = self.publications.get(publication_id)
        if not claims:
            return None
        return min(claims.items(), key=lambda item: (*item[1].rank, item[0]))

    @property
    def publication_refs(self) -> dict[str, set[str]]:
        """page -> the publication ids its ``:pub:`` references name."""
        return self.data["publication_refs"]

    @property
    def left_out(self) -> dict[str, dict[str, tuple[str, str]]]:
        """page -> id -> (data file location, why) of the entries left out of its lists."""
        return self.data["left_out"]

    def left_out_entry(self, publication_id: str) -> tuple[str, str] | None:
        """Where and why the entry of ``publication_id`` was left out (first page by name)."""
        for docname in sorted(self.left_out):
            found = self.left_out[docname].get(publication_id)
            if found is not None:
                return found
        return None

    @property
    def members(self) -> dict[str, set[str]]:
        """member id -> the pages that show the member's card (``profile :person:``)."""
        return self.data["members"]

    @property
    def member_links(self) -> dict[str, bool]:
        """The pages that hold member references (a dict, used as an ordered set)."""
        return self.data["member_links"]

    @property
    def member_files(self) -> dict[str, dict[str, bool]]:
        """docname -> each member's own profile file looked for, and whether it existed."""
        return self.data["member_files"]

    def member_page(self, member_id: str) -> str | None:
        pages = self.members.get(member_id)
        return min(pages) if pages else None

    def member_pages(self) -> dict[str, str]:
        """member id -> the page member references go to."""
        return {member_id: min(pages) for member_id, pages in self.members.items() if pages}

    @property
    def issues(self) -> dict[str, list[ReportedIssue]]:
        """page -> the data-file problems met while reading it (reported once per build)."""
        return self.data["issues"]

    @property
    def data_files(self) -> dict[str, dict[str, str]]:
        """docname -> each data file the page read, and the digest of its content then."""
        return self.data["data_files"]

    @property
    def shown(self) -> dict[str, ShownOnPage]:
        """docname -> what the page's directives showed (see :mod:`.shown`)."""
        return self.data["shown"]

    @property
    def read_now(self) -> set[str]:
        """The pages the current build reads (see :func:`.issues.report_data_issues`)."""
        return self.data["read_now"]

    def clear_doc(self, docname: str) -> None:
        for key in PER_PAGE_KEYS:
            self.data[key].pop(docname, None)
        for publication_id in list(self.publications):
            claims = self.publications[publication_id]
            claims.pop(docname, None)
            if not claims:
                del self.publications[publication_id]
        for member_id in list(self.members):
            self.members[member_id].discard(docname)
            if not self.members[member_id]:
                del self.members[member_id]
        self.member_links.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in PER_PAGE_KEYS:
            self.data[key].update(
                (doc, value) for doc, value in otherdata.get(key, {}).items() if doc in docnames
            )
        for publication_id, claims in otherdata.get("publications", {}).items():
            for docname, claim in claims.items():
                if docname in docnames:
                    self.note_publication(publication_id, docname, *claim)
        for member_id, pages in otherdata.get("members", {}).items():
            self.members.setdefault(member_id, set()).update(pages & docnames)
        for docname in otherdata.get("member_links", {}):
            if docname in docnames:
                self.member_links[docname] = True

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
        if typ == "member":
            return self._resolve_member(builder, fromdocname, target, node, contnode)
        found = self.best_claim(target)
        if found is None and (left_out := self.left_out_entry(target)) is not None:
            # The cause is in the data file: point there, and say which reference it breaks.
            location, reason = left_out
            warn(
                Subtype.REF,
                "the :pub: reference at %s names %r, an entry left out: %s",
                f"{env.doc2path(fromdocname, False)}:{node.line or ''}",
                target,
                reason,
                location=location,
            )
            return None
        if found is None:
            warn(Subtype.REF, "unknown publication id %r in :pub: reference", target, location=node)
            return None
        docname, claim = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(claim.title, claim.title, classes=contnode["classes"])
        return make_refnode(builder, fromdocname, docname, claim.anchor, contnode, claim.title)

    def _resolve_member(
        self,
        builder: Builder,
        fromdocname: str,
        member_id: str,
        node: pending_xref,
        contnode: Element,
    ) -> Element:
        found = self.member_target(builder, fromdocname, member_id, node.get("sp_fallback_url"))
        if found is None:
            return contnode
        url, internal = found
        return nodes.reference("", "", contnode, refuri=url, internal=internal)

    def member_target(
        self, builder: Builder, fromdocname: str, member_id: str, fallback_url: str | None
    ) -> tuple[str, bool] | None:
        """(URL, internal) of a member's name on ``fromdocname``; None: the name alone."""
        page = self.member_page(member_id)
        if page is not None and page != fromdocname:
            return builder.get_relative_uri(fromdocname, page), True
        return (fallback_url, False) if fallback_url else None

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


def profile_domain(env: BuildEnvironment) -> ProfileDomain:
    """The environment's ``profile`` domain, typed."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    return domain
