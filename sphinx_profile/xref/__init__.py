"""Cross-page data: the ``profile`` domain, ``:pub:``, incremental builds, data issues.

One module per concern: :mod:`.domain` (the domain, its data and reference
resolution), :mod:`.roles` (``:pub:``), :mod:`.incremental` (what a page
depends on; the pages to read or write again), :mod:`.entries` (a page
depends on the publications it shows, not the whole file), :mod:`.issues` (data-file
problems, warned once per build) and :mod:`.shown` (what each page shows, for
its metadata). :func:`setup_xref` registers them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from .domain import ProfileDomain
from .entries import outdated_entries
from .incremental import (
    outdated_data_files,
    outdated_member_files,
    outdated_member_links,
    outdated_publication_links,
)
from .issues import remember_docs_to_read, report_data_issues
from .roles import PublicationRole


def setup_xref(app: Sphinx) -> None:
    """The ``profile`` domain, ``:pub:``, the incremental-build hooks and issue reporting."""
    app.add_domain(ProfileDomain)
    app.add_role("pub", PublicationRole(innernodeclass=nodes.inline))
    app.connect("env-get-outdated", outdated_member_files)
    app.connect("env-get-outdated", outdated_data_files)
    app.connect("env-get-outdated", outdated_entries)
    app.connect("env-get-updated", outdated_member_links)
    app.connect("env-get-updated", outdated_publication_links)
    app.connect("env-before-read-docs", remember_docs_to_read)
    app.connect("env-updated", report_data_issues)
