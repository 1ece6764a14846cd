"""Cross-page data: publication anchors for ``:pub:`` and ``objects.inv``; member pages.

Each page that lists a publication claims it; a reference goes to the best
claim (the page with the longest list, then the first page by name), so the
choice is the same however pages were read, in parallel or incrementally.

A page with ``profile :person: <id>`` is that member's page. Member names in
author lists and on people cards are ``pending_xref`` nodes of type ``member``,
resolved when pages are written: to the member's page (the first by name if
several), else to the ``sp_fallback_url`` of the node, else the bare name,
never a warning. When the set of member pages changes, the pages that link to
members are written again (``env-get-updated``), so incremental builds agree
with full ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .data.issues import DataIssue, Subtype
from .locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


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


class ReportedIssue(NamedTuple):
    """A problem in a data file, as a warning will show it."""

    location: str
    message: str
    subtype: str


class PublicationRole(XRefRole):
    """``:pub:`id``` (MyST ``{pub}`id```): a link to the entry, titled by default."""

    def create_xref_node(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # Registered also without the domain prefix, so route it to this domain.
        self.refdomain, self.reftype = ProfileDomain.name, "pub"
        result, messages = super().create_xref_node()
        domain = self.env.get_domain(ProfileDomain.name)
        assert isinstance(domain, ProfileDomain)
        for node in result:
            if isinstance(node, pending_xref):
                domain.publication_refs.setdefault(self.env.docname, set()).add(node["reftarget"])
        return result, messages


class ProfileDomain(Domain):
    name = "profile"
    label = "sphinx-profile"
    object_types: ClassVar[dict[str, ObjType]] = {"publication": ObjType(_("publication"), "pub")}
    roles: ClassVar = {"pub": PublicationRole(innernodeclass=nodes.inline)}
    initial_data: ClassVar[dict[str, Any]] = {
        "publications": {},
        "members": {},
        "member_links": {},
        "member_files": {},
        "linked_pages": {},
        "issues": {},
        "data_files": {},
    }
    data_version = 3

    @property
    def publications(self) -> dict[str, dict[str, Claim]]:
        """publication id -> docname -> claim."""
        return self.data.setdefault("publications", {})

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
        return self.data.setdefault("publication_refs", {})

    @property
    def left_out(self) -> dict[str, dict[str, tuple[str, str]]]:
        """page -> id -> (data file location, why) of the entries left out of its lists."""
        return self.data.setdefault("left_out", {})

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
        return self.data.setdefault("members", {})

    @property
    def member_links(self) -> dict[str, bool]:
        """The pages that hold member references (a dict, used as an ordered set)."""
        return self.data.setdefault("member_links", {})

    @property
    def member_files(self) -> dict[str, dict[str, bool]]:
        """docname -> each member's own profile file looked for, and whether it existed."""
        return self.data.setdefault("member_files", {})

    def member_page(self, member_id: str) -> str | None:
        pages = self.members.get(member_id)
        return min(pages) if pages else None

    def member_pages(self) -> dict[str, str]:
        """member id -> the page member references go to."""
        return {member_id: min(pages) for member_id, pages in self.members.items() if pages}

    @property
    def issues(self) -> dict[str, list[ReportedIssue]]:
        """page -> the data-file problems met while reading it (reported once per build)."""
        return self.data.setdefault("issues", {})

    @property
    def data_files(self) -> dict[str, dict[str, str]]:
        """docname -> each data file the page read, and the digest of its content then."""
        return self.data.setdefault("data_files", {})

    def clear_doc(self, docname: str) -> None:
        self.issues.pop(docname, None)
        self.data_files.pop(docname, None)
        self.publication_refs.pop(docname, None)
        self.left_out.pop(docname, None)
        self.data.setdefault("shown", {}).pop(docname, None)
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
        self.member_files.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.publication_refs.update(
            (doc, ids)
            for doc, ids in otherdata.get("publication_refs", {}).items()
            if doc in docnames
        )
        self.issues.update(
            (doc, found) for doc, found in otherdata.get("issues", {}).items() if doc in docnames
        )
        self.left_out.update(
            (doc, found) for doc, found in otherdata.get("left_out", {}).items() if doc in docnames
        )
        shown = self.data.setdefault("shown", {})
        shown.update(
            (doc, seen) for doc, seen in otherdata.get("shown", {}).items() if doc in docnames
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
        for docname, files in otherdata.get("member_files", {}).items():
            if docname in docnames:
                self.member_files[docname] = files
        for docname, digests in otherdata.get("data_files", {}).items():
            if docname in docnames:
                self.data_files[docname] = digests

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
            logger.warning(
                "the :pub: reference at %s names %r, an entry left out: %s",
                f"{env.doc2path(fromdocname, False)}:{node.line or ''}",
                target,
                reason,
                location=location,
                type="profile",
                subtype=Subtype.REF.value,
            )
            return None
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


def outdated_member_links(app: Any, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages to write again because a member page came or went."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    current = domain.member_pages()
    if current == domain.data.get("linked_pages"):
        return []
    domain.data["linked_pages"] = current
    return sorted(domain.member_links)


def outdated_member_files(
    app: Any, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the pages whose member's own profile file came or went.

    (A file that is there is a dependency of the page; one that is not cannot be.)
    """
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    return sorted(
        docname
        for docname, files in domain.member_files.items()
        if docname not in removed
        and any(os.path.isfile(path) != existed for path, existed in files.items())
    )


def outdated_data_files(
    app: Any, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the pages whose data files changed in any way since read.

    Sphinx re-reads a page when a dependency is *newer* than the page; a file
    restored with an older time (``cp -p``, ``git checkout``, ``mv``), or changed
    within the same second, is not. The content's digest is compared instead
    (each file read once per build, however many pages use it).
    """
    from .data.limits import current_digest

    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    max_bytes = app.config.profile_max_file_size
    now: dict[str, str] = {}
    outdated = []
    for docname, digests in domain.data_files.items():
        if docname in removed or docname in changed:
            continue
        for path, seen in digests.items():
            if path not in now:
                now[path] = current_digest(Path(path), max_bytes)
            if now[path] != seen:
                outdated.append(docname)
                break
    return sorted(outdated)


def note_data_file(env: BuildEnvironment, path: str, digest: str) -> None:
    """The current page read ``path``, whose content had ``digest`` (see above)."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    domain.data_files.setdefault(env.docname, {})[path] = digest


def note_member_file(env: BuildEnvironment, path: str, exists: bool) -> None:
    """The current page looked for a member's own profile file (see above)."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    domain.member_files.setdefault(env.docname, {})[path] = exists


def note_member_page(env: BuildEnvironment, member_id: str) -> None:
    """The current page shows the card of ``member_id``: it is the member's page."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    domain.members.setdefault(member_id, set()).add(env.docname)


def note_member_links(env: BuildEnvironment) -> None:
    """The current page holds member references (see :func:`outdated_member_links`)."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    domain.member_links[env.docname] = True


def note_left_out(env: BuildEnvironment, entry_id: str, location: str, issue: DataIssue) -> None:
    """A list of the current page left out the entry of ``entry_id`` for ``issue``."""
    from .data.validate import LEFT_OUT

    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    reason = issue.message.removeprefix(LEFT_OUT)
    domain.left_out.setdefault(env.docname, {})[entry_id] = (location, reason)


def note_publications(
    env: BuildEnvironment,
    entries: Iterable[tuple[str, str, str]],
    list_size: int,
    complete: bool = False,
) -> None:
    """Record ``(id, anchor, title)`` of each entry listed on the current page."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    for publication_id, anchor, title in entries:
        domain.note_publication(publication_id, env.docname, anchor, title, list_size, complete)


def outdated_publication_links(app: Any, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages to write again because a ``:pub:`` target changed.

    Reading a page can move a publication's best claim to another page (or
    remove it), or change its title (the text of a reference without one of its
    own); pages that reference it were not re-read, so write them again.
    """
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    targets: dict[str, tuple[str, str, str] | None] = {}
    for ids in domain.publication_refs.values():
        for publication_id in ids:
            found = domain.best_claim(publication_id)
            targets[publication_id] = (found[0], found[1].anchor, found[1].title) if found else None
    previous = domain.data.get("publication_targets", {})
    domain.data["publication_targets"] = targets
    moved = {pid for pid, target in targets.items() if previous.get(pid, target) != target}
    return sorted(docname for docname, ids in domain.publication_refs.items() if ids & moved)


# -- what each page shows, for the page's metadata (JSON-LD, per-paper pages) ----------


class ProfileShown(NamedTuple):
    """A page's ``profile`` card: the files its JSON-LD ``Person`` is made from."""

    profile: str
    avatar: str | None = None
    experience: str | None = None
    education: str | None = None
    stamp: tuple[tuple[int, int] | None, ...] = ()
    """Size and mtime of the other files when the page was last written."""
    awards: str | None = None
    skills: str | None = None

    def current_stamp(self) -> tuple[tuple[int, int] | None, ...]:
        files = (self.experience, self.education, self.awards, self.skills)
        return tuple(_file_stamp(path) for path in files)

    def stamped(self) -> ProfileShown:
        return self._replace(stamp=self.current_stamp())


def _file_stamp(path: str | None) -> tuple[int, int] | None:
    try:
        stat = os.stat(path) if path else None
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns) if stat else None


class ListShown(NamedTuple):
    """A page's ``publication-list``: the files it read and the entries it showed."""

    source: str
    overlay: str | None
    ids: tuple[str, ...]
    pages: bool
    """Whether the entries have pages of their own (``:pages:``)."""


@dataclass
class ShownOnPage:
    profile: ProfileShown | None = None
    lists: list[ListShown] = field(default_factory=list)
    talks: list[TalksShown] = field(default_factory=list)
    news: list[str] = field(default_factory=list)
    """The news files the page's ``news`` directives read: where a feed's items link to."""


class TalksShown(NamedTuple):
    """A page's ``talks`` list: the file and the lines of the talks it showed."""

    source: str
    lines: tuple[int, ...]
    own: bool = True
    """Whether the file is the data folder's ``talks.yaml``: the site's person's talks."""


def shown_on_pages(env: BuildEnvironment) -> dict[str, ShownOnPage]:
    """docname -> what the page's directives showed (kept in the domain's data)."""
    domain = env.get_domain(ProfileDomain.name)
    shown: dict[str, ShownOnPage] = domain.data.setdefault("shown", {})
    return shown


def note_shown(
    env: BuildEnvironment,
    profile: ProfileShown | None = None,
    listed: ListShown | None = None,
    talks: TalksShown | None = None,
    news: str | None = None,
) -> None:
    """Record that the current page shows a profile card, a publication list, talks or news."""
    seen = shown_on_pages(env).setdefault(env.docname, ShownOnPage())
    if profile is not None and seen.profile is None:
        seen.profile = profile
    if listed is not None:
        seen.lists.append(listed)
    if talks is not None:
        seen.talks.append(talks)
    if news is not None and news not in seen.news:
        seen.news.append(news)


def note_data_issue(env: BuildEnvironment, issue: ReportedIssue) -> None:
    """Remember a data-file problem met on the current page; see :func:`report_data_issues`."""
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    found = domain.issues.setdefault(env.docname, [])
    if issue not in found:
        found.append(issue)


def remember_docs_to_read(app: Any, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: the pages this build reads, for :func:`report_data_issues`."""
    env.get_domain(ProfileDomain.name).docs_read_now = set(docnames)  # type: ignore[attr-defined]


def report_data_issues(app: Any, env: BuildEnvironment) -> None:
    """``env-updated``: warn once about each data-file problem met by the pages just read.

    Directives only record problems: a file used by many pages, or read by
    several parallel workers, must still give each warning once.
    """
    domain = env.get_domain(ProfileDomain.name)
    assert isinstance(domain, ProfileDomain)
    docnames: set[str] = getattr(domain, "docs_read_now", set())
    unique = {issue for docname in docnames for issue in domain.issues.get(docname, ())}
    for issue in sorted(unique, key=_issue_order):
        logger.warning(
            issue.message, location=issue.location, type="profile", subtype=issue.subtype
        )


def _issue_order(issue: ReportedIssue) -> tuple[str, int, str]:
    path, _, line = issue.location.rpartition(":")
    return (path, int(line) if line.isdigit() else 0, issue.message)


def setup_domain(app: Sphinx) -> None:
    """The ``profile`` domain, ``:pub:``, the incremental-build hooks and issue reporting."""
    app.add_domain(ProfileDomain)
    app.add_role("pub", PublicationRole(innernodeclass=nodes.inline))
    app.connect("env-get-outdated", outdated_member_files)
    app.connect("env-get-outdated", outdated_data_files)
    app.connect("env-get-updated", outdated_member_links)
    app.connect("env-get-updated", outdated_publication_links)
    app.connect("env-before-read-docs", remember_docs_to_read)
    app.connect("env-updated", report_data_issues)
