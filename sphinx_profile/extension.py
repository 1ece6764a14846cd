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
from .directives.cv import setup_cv
from .directives.cv_sections import setup_cv_sections
from .directives.entries import setup_entries
from .directives.people import setup_people
from .directives.profile import setup_profile
from .directives.publications import setup_publications
from .locale import setup_locale
from .metadata.page_graph import setup_jsonld
from .metadata.paper_pages import setup_paper_pages
from .output import setup_output
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
    setup_assets(app)
    # Output: nodes and their visitors for every builder, the placeholder of long lists
    # expanded into nodes for every builder, print layout.
    setup_output(app)
    # Directives, one family each.
    setup_profile(app)
    setup_publications(app)
    setup_entries(app)
    setup_people(app)
    setup_cv_sections(app)
    setup_cv(app)
    # Cross-page data: the domain, :pub:, incremental builds, issue reports.
    setup_xref(app)
    # Per-paper pages.
    setup_paper_pages(app)
    # Metadata and reach, HTML only.
    setup_jsonld(app)
    setup_sidebar(app)
    setup_feeds(app)
    setup_social(app)
    setup_redirects(app)
    setup_sitemap(app)
    return {
        "version": __version__,
        "env_version": 7,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
