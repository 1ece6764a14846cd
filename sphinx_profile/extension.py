"""Everything the extension adds to Sphinx: one call per feature.

Each feature's module owns its registrations (directives, nodes, transforms,
events, config values) in a ``setup_<feature>(app)``; this list is the map.
The order matters only where two features listen to the same event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import __version__
from .assets import setup_assets
from .config import setup_config
from .directives.base import setup_data_directives
from .directives.cv import setup_cv
from .directives.cv_sections import setup_cv_sections
from .directives.entries import setup_entries
from .directives.people import setup_people
from .directives.profile import setup_profile
from .directives.publications import setup_publications
from .locale import setup_locale
from .markup_output import setup_markup_output
from .metadata.page_graph import setup_jsonld
from .metadata.paper_pages import setup_paper_pages
from .nodes import setup_nodes
from .print_layout import setup_print_layout
from .reach.feeds import setup_feeds
from .reach.redirects import setup_redirects
from .reach.sitemap import setup_sitemap
from .reach.social import setup_social
from .sidebar import setup_sidebar
from .xref import setup_xref

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    setup_locale(app)
    setup_config(app)  # first: later config-inited listeners read checked values
    setup_data_directives(app)
    setup_assets(app)
    # Nodes and their visitors for every builder.
    setup_nodes(app)
    # Directives, one family each.
    setup_profile(app)
    setup_publications(app)
    setup_entries(app)
    setup_people(app)
    setup_cv_sections(app)
    setup_cv(app)
    # Cross-page data: the domain, :pub:, incremental builds, issue reports.
    setup_xref(app)
    # Output: per-paper pages, the markup placeholder, print layout.
    setup_paper_pages(app)
    setup_markup_output(app)
    setup_print_layout(app)
    # Metadata and reach, HTML only.
    setup_jsonld(app)
    setup_sidebar(app)
    setup_feeds(app)
    setup_social(app)
    setup_redirects(app)
    setup_sitemap(app)
    return {
        "version": __version__,
        "env_version": 6,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
