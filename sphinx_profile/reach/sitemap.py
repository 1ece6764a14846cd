"""A complete sitemap in every build, with sphinx-sitemap.

sphinx-sitemap lists the pages that a build *writes* (its issue #13): after an
incremental build that wrote two pages, ``sitemap.xml`` would name those two
only. When it is loaded, this ``env-get-updated`` handler asks Sphinx to write
every page again in every build, so the sitemap is the same as after a fresh
build. Writing a page is cheap next to reading it, and a homepage has few
pages; no page is read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

SITEMAP = "sphinx_sitemap"


def write_every_page_for_the_sitemap(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: every page, when sphinx-sitemap writes the site's sitemap."""
    if SITEMAP not in app.extensions or app.builder.format != "html":
        return []
    return sorted(env.found_docs)


def setup_sitemap(app: Sphinx) -> None:
    """Every page written again when sphinx-sitemap writes the site's sitemap."""
    app.connect("env-get-updated", write_every_page_for_the_sitemap)
