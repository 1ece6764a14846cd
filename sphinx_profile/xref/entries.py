"""Entry-level dependencies: a page depends on the publications it shows, not the whole file.

A lab shares one publication file across a publications page, per-paper
pages and every member's page. Sphinx's own file dependencies would read all
of them again when one title changes. Instead, each ``publication-list``
records its query (:class:`~sphinx_profile.data.query.ListSelection`: filters,
``:person:``, sort, limit) and the entries it showed with a digest of each
(:class:`ListQuery`, in the domain's ``entries_shown`` data). When the file's
content changes, :func:`outdated_entries` (``env-get-outdated``) evaluates
each query against the new entries and reads a page again only if its lists
would now show other entries, or other content for one of them: an entry
changed, added (a filter that admits it), removed, or moved by the sort.

What else a list takes from the file is checked the same way: the topics and
tags its options name (a typo warning). The file's problems are warned about
even when no page is read again. A list that was not made (the file missing
or unreadable, the ``:person:`` unknown) depends on the whole file. Other
files a page reads (the overlay, people, profile, co-authors, venues) stay
file-level dependencies (:func:`~sphinx_profile.xref.incremental.outdated_data_files`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Set
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx.environment import BuildEnvironment

from .domain import profile_domain

if TYPE_CHECKING:
    from ..data.models import Publication
    from ..data.query import ListSelection
    from ..data.store import LoadedFile
    from .issues import ReportedIssue


class ListQuery(NamedTuple):
    """A ``publication-list`` of a page: what chose its entries, and what it showed."""

    source: str
    digest: str
    """The digest of the source's content when the page was read (or checked)."""
    overlay: str | None
    selection: ListSelection | None
    """None: the list was not made; any change of the source reads the page again."""
    shown: tuple[tuple[str, str], ...] = ()
    """``(id, entry digest)`` of each entry shown, in order."""
    unknown: tuple[tuple[str, str], ...] = ()
    """The topics and tags named by its options that no entry had."""


_DIGESTS: dict[int, tuple[Publication, str]] = {}


def entry_digest(publication: Publication) -> str:
    """A digest of everything an entry shows (its fields; not the lines it is on)."""
    found = _DIGESTS.get(id(publication))
    if found is not None and found[0] is publication:
        return found[1]
    if len(_DIGESTS) > 200_000:
        _DIGESTS.clear()
    digest = hashlib.blake2b(publication.model_dump_json().encode(), digest_size=16).hexdigest()
    _DIGESTS[id(publication)] = (publication, digest)
    return digest


def shown_entries(chosen: list[Publication]) -> tuple[tuple[str, str], ...]:
    return tuple((publication.id, entry_digest(publication)) for publication in chosen)


def note_list_query(env: BuildEnvironment, query: ListQuery) -> None:
    """The current page shows a list made by ``query`` (see the module's docstring)."""
    profile_domain(env).data["entries_shown"].setdefault(env.docname, []).append(query)


def outdated_entries(
    app: Any, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the pages whose lists would show other entries now."""
    from ..data.limits import current_digest

    domain = profile_domain(env)
    from ..config import profile_config

    max_bytes = profile_config(app.config).max_file_size
    digests: dict[str, str] = {}
    checker = _Checker(app)
    outdated = []
    for docname, queries in domain.data["entries_shown"].items():
        if docname in removed or docname in changed:
            continue
        for index, query in enumerate(queries):
            if query.source not in digests:
                digests[query.source] = current_digest(Path(query.source), max_bytes)
            now = digests[query.source]
            if now == query.digest:
                continue
            if not checker.unchanged(query):
                outdated.append(docname)
                break
            queries[index] = query._replace(digest=now)  # checked: no need to again
    domain.data["checked_issues"] = checker.issues
    return sorted(outdated)


class _Checker:
    """Evaluates queries against the files as they are now, each file loaded once."""

    def __init__(self, app: Any) -> None:
        self.config = app.config
        self.loaded: dict[tuple[str, str | None], tuple[LoadedFile, list[Publication]]] = {}
        self.issues: list[ReportedIssue] = []

    def publications(self, query: ListQuery) -> tuple[LoadedFile, list[Publication]]:
        from ..config import profile_config
        from ..data.overlay import apply_overlay
        from ..data.store import load_data_file
        from ..site import load_records

        key = (query.source, query.overlay)
        if key not in self.loaded:
            path = Path(query.source)
            loaded = load_data_file(path, "publications", limits=profile_config(self.config).limits)
            publications: list[Publication] = list(loaded.records)  # type: ignore[arg-type]
            if query.overlay:
                overlays = load_records(self.config, query.overlay, "publication-overlay")
                publications, _unmatched = apply_overlay(publications, overlays)
            if query.overlay is None:  # the file's problems, warned once (see issues.py)
                from .issues import reported_issue

                self.issues += [reported_issue(issue, path) for issue in loaded.issues]
            self.loaded[key] = (loaded, publications)
        return self.loaded[key]

    def unchanged(self, query: ListQuery) -> bool:
        """Whether the list of ``query`` would be the same, entry for entry."""
        if query.selection is None:
            return False
        loaded, publications = self.publications(query)
        if loaded.missing or (not loaded.records and loaded.issues):
            return False  # the page says why: read it again
        chosen = query.selection.select(publications)
        if shown_entries(chosen) != query.shown:
            return False
        return tuple(query.selection.unknown_names(publications)) == query.unknown
