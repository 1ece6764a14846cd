"""Sphinx configuration of the lab demo: a fictional research group's site.

It is a site of its own, built into the demo site's output folder as ``lab/``
(``docs/_ext/subsites.py``) in the theme the demo is built with. The data is the
repository's ``data/lab/`` folder.
"""

from __future__ import annotations

project = "Example Lab"
author = "Example Lab"
copyright = "Example Lab (fictional)"

extensions = ["myst_parser", "sphinx_profile"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build"]

profile_data_dir = "../../data"  # the files named by :source:, under lab/
profile_date_format = "%Y.%m"
profile_present = "now"
# Member names in author lists link to the member pages.
profile_link_members = True

html_title = "Example Lab"
html_show_sourcelink = False
html_show_sphinx = False
# Markdown links are URLs (the guide, beside this site, is one: ../guide/lab.html).
myst_all_links_external = True


def _lab_theme(app, config):
    """pydata-sphinx-theme: the lab's pages are in its top bar; no empty side navigation."""
    if config.html_theme == "pydata_sphinx_theme":
        config.html_sidebars = {"**": []}


def setup(app):
    app.connect("config-inited", _lab_theme, priority=400)
