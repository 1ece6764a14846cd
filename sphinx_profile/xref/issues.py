"""Problems in data files: recorded while pages are read, warned about once per build.

Directives only record problems (and the entries they left out, which a
``:pub:`` reference may name): a file used by many pages, or read by several
parallel workers, must still give each warning once. It owns those records
in the domain's ``issues`` and ``left_out`` data, and the warnings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from sphinx.environment import BuildEnvironment

from ..data.issues import DataIssue, display_path
from ..warn import warn
from .domain import profile_domain


class ReportedIssue(NamedTuple):
    """A problem in a data file, as a warning will show it."""

    location: str
    message: str
    subtype: str


def reported_issue(issue: DataIssue, path: Path) -> ReportedIssue:
    """``issue`` of the file ``path`` as its warning will show it."""
    # A problem of the whole file (no line) is shown at line 1, as compilers do.
    location = f"{display_path(issue.path or path)}:{issue.line or 1}"
    return ReportedIssue(location, issue.message, issue.subtype.value)


def note_data_issue(env: BuildEnvironment, issue: ReportedIssue) -> None:
    """Remember a data-file problem met on the current page; see :func:`report_data_issues`."""
    found = profile_domain(env).issues.setdefault(env.docname, [])
    if issue not in found:
        found.append(issue)


def note_left_out(env: BuildEnvironment, entry_id: str, location: str, issue: DataIssue) -> None:
    """A list of the current page left out the entry of ``entry_id`` for ``issue``."""
    from ..data.validate import LEFT_OUT

    reason = issue.message.removeprefix(LEFT_OUT)
    profile_domain(env).left_out.setdefault(env.docname, {})[entry_id] = (location, reason)


def remember_docs_to_read(app: Any, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: the pages this build reads, for :func:`report_data_issues`."""
    read_now = profile_domain(env).read_now
    read_now.clear()
    read_now.update(docnames)


def issues_of_pages_read(env: BuildEnvironment) -> set[ReportedIssue]:
    """The problems met by the pages this build read, or in data files it checked (each once).

    A publication file that changed without changing what a page shows reads no
    page again (see :mod:`.entries`); its problems are still warned about.
    """
    domain = profile_domain(env)
    found = {issue for docname in domain.read_now for issue in domain.issues.get(docname, ())}
    return found | set(domain.data["checked_issues"])


def report_data_issues(app: Any, env: BuildEnvironment) -> None:
    """``env-updated``: warn once about each data-file problem met by the pages just read."""
    for issue in sorted(issues_of_pages_read(env), key=_issue_order):
        warn(issue.subtype, issue.message, location=issue.location)
    profile_domain(env).data["checked_issues"] = []


def _issue_order(issue: ReportedIssue) -> tuple[str, int, str]:
    path, _, line = issue.location.rpartition(":")
    return (path, int(line) if line.isdigit() else 0, issue.message)
