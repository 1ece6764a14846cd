"""The stylesheet and script every HTML page of the site loads; nothing for other builders."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "sphinx_profile.css"
SCRIPT = "sphinx_profile.js"


def add_static_path(app: Sphinx, config: Config) -> None:
    """Before the configuration is compared with the last build's, so it never differs."""
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def add_html_assets(app: Sphinx) -> None:
    """The stylesheet and script, for HTML builders only."""
    if app.builder.format != "html":
        return
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT, loading_method="defer")


def setup_assets(app: Sphinx) -> None:
    """The static folder, and the two files for HTML builders."""
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_html_assets)
