"""Sphinx configuration of the sphinx-profile demo site and user guide.

The demo pages (index.md, publications.md, news.md) render the data files in
the repository's data/ folder; the user guide lives in guide/.
"""

from __future__ import annotations

import os

# -- Project -----------------------------------------------------------------

project = "Xuanlei Zhao"
author = "Xuanlei Zhao"
copyright = "2024, Xuanlei Zhao"

# -- General -----------------------------------------------------------------

extensions = ["myst_parser", "sphinx_profile"]

source_suffix = {
    ".rst": "restructuredtext",
    ".md": "markdown",
}
root_doc = "index"
exclude_patterns = ["_build"]

# -- sphinx-profile ----------------------------------------------------------

profile_data_dir = "../data"  # relative to this folder
profile_date_format = "%Y.%m"  # 2022.07, as on the original page
profile_present = "now"

# -- HTML output -------------------------------------------------------------

html_theme = "alabaster"
html_title = "Xuanlei Zhao"
html_short_title = "Xuanlei Zhao"

# Read the Docs sets the canonical URL of the build; elsewhere there is none.
if os.environ.get("READTHEDOCS_CANONICAL_URL"):
    html_baseurl = os.environ["READTHEDOCS_CANONICAL_URL"]


def setup(app):
    """Give Sphinx releases older than 7.4 the ``confval`` directive of the guide."""
    from sphinx.domains.std import StandardDomain

    if "confval" not in StandardDomain.object_types:
        app.add_object_type(
            "confval",
            "confval",
            objname="configuration value",
            indextemplate="pair: %s; configuration value",
        )
