"""sphinx-profile: an academic homepage (profile, publications, CV) from YAML, in Sphinx."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    # Imported here so that importing the package stays cheap.
    from .extension import setup as _setup

    return _setup(app)
