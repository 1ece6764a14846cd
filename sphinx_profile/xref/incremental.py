"""Incremental builds: what a page read, and the pages to read or write again.

While a page is read, its directives record here what it depends on beyond
its own source: the data files it read (with the digest of their content),
the member pages and member files its links and cards use, and the
publications it lists (its claims, for ``:pub:``). Between builds, the
``env-get-outdated`` handlers name the pages to read again, and the
``env-get-updated`` handlers the pages to write again because something they
take from another page (a member page, a ``:pub:`` target) moved.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Set
from pathlib import Path
from typing import Any

from sphinx.environment import BuildEnvironment

from ..config import profile_config
from .domain import profile_domain


def note_data_file(env: BuildEnvironment, path: str, digest: str) -> None:
    """The current page read ``path``, whose content had ``digest`` (see below)."""
    profile_domain(env).data_files.setdefault(env.docname, {})[path] = digest


def note_member_file(env: BuildEnvironment, path: str, exists: bool) -> None:
    """The current page looked for a member's own profile file (see below)."""
    profile_domain(env).member_files.setdefault(env.docname, {})[path] = exists


def note_member_page(env: BuildEnvironment, member_id: str) -> None:
    """The current page shows the card of ``member_id``: it is the member's page."""
    profile_domain(env).members.setdefault(member_id, set()).add(env.docname)


def note_member_links(env: BuildEnvironment) -> None:
    """The current page holds member references (see :func:`outdated_member_links`)."""
    profile_domain(env).member_links[env.docname] = True


def note_publications(
    env: BuildEnvironment,
    entries: Iterable[tuple[str, str, str]],
    list_size: int,
    complete: bool = False,
) -> None:
    """Record ``(id, anchor, title)`` of each entry listed on the current page."""
    domain = profile_domain(env)
    for publication_id, anchor, title in entries:
        domain.note_publication(publication_id, env.docname, anchor, title, list_size, complete)


def outdated_data_files(
    app: Any, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the pages whose data files changed in any way since read.

    Sphinx re-reads a page when a dependency is *newer* than the page; a file
    restored with an older time (``cp -p``, ``git checkout``, ``mv``), or changed
    within the same second, is not. The content's digest is compared instead
    (each file read once per build, however many pages use it).
    """
    from ..data.limits import current_digest

    max_bytes = profile_config(app.config).max_file_size
    now: dict[str, str] = {}
    outdated = []
    for docname, digests in profile_domain(env).data_files.items():
        if docname in removed or docname in changed:
            continue
        for path, seen in digests.items():
            if path not in now:
                now[path] = current_digest(Path(path), max_bytes)
            if now[path] != seen:
                outdated.append(docname)
                break
    return sorted(outdated)


def outdated_member_files(
    app: Any, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the pages whose member's own profile file came or went.

    (A file that is there is a dependency of the page; one that is not cannot be.)
    """
    return sorted(
        docname
        for docname, files in profile_domain(env).member_files.items()
        if docname not in removed
        and any(os.path.isfile(path) != existed for path, existed in files.items())
    )


def outdated_member_links(app: Any, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: the pages to write again because a member page came or went."""
    domain = profile_domain(env)
    current = domain.member_pages()
    if current == domain.data["linked_pages"]:
        return []
    domain.data["linked_pages"] = current
    return sorted(domain.member_links)


def outdated_publication_links(app: Any, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages to write again because a ``:pub:`` target changed.

    Reading a page can move a publication's best claim to another page (or
    remove it), or change its title (the text of a reference without one of its
    own); pages that reference it were not re-read, so write them again.
    """
    domain = profile_domain(env)
    targets: dict[str, tuple[str, str, str] | None] = {}
    for ids in domain.publication_refs.values():
        for publication_id in ids:
            found = domain.best_claim(publication_id)
            targets[publication_id] = (found[0], found[1].anchor, found[1].title) if found else None
    previous = domain.data["publication_targets"]
    domain.data["publication_targets"] = targets
    moved = {pid for pid, target in targets.items() if previous.get(pid, target) != target}
    return sorted(docname for docname, ids in domain.publication_refs.items() if ids & moved)
