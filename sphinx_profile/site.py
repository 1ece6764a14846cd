"""What the site shows and where, for everything written beside or around the pages.

The metadata (JSON-LD, per-paper pages), the feeds and the link previews all
ask the same questions: does this builder write web pages; what is a page's or
an image's URL, absolute when ``html_baseurl`` is set; which page is the
site's person's, and what is that profile; which entries did a list show. The
answers live here, once; the directives' record of what each page shows is in
the domain (:func:`~sphinx_profile.xref.shown.shown_on_pages`).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sphinx.util.osutil import relative_uri

from .config import profile_config
from .xref.shown import ListShown, shown_on_pages

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .data.models import Profile, Publication

UNSUPPORTED_BUILDERS = frozenset({"epub", "singlehtml"})
"""HTML builders that get no metadata and no per-paper pages (one file, or an e-book)."""


def writes_web_pages(builder: Builder) -> bool:
    return builder.format == "html" and builder.name not in UNSUPPORTED_BUILDERS


# -- URLs ------------------------------------------------------------------------------


class PageUrls:
    """URLs of pages and images as seen from ``current``: absolute with ``html_baseurl``."""

    def __init__(self, builder: Builder, current: str) -> None:
        self.builder = builder
        self.current = current
        base = builder.config.html_baseurl or ""
        self.base = base.rstrip("/") + "/" if base else ""

    def page(self, pagename: str, anchor: str = "") -> str:
        target = self.builder.get_target_uri(pagename)
        if self.base:
            url = self.base + target
        else:
            here = self.builder.get_target_uri(self.current)
            # A page's own URI relative to itself is empty: name the file instead.
            url = relative_uri(here, target) or posixpath.basename(target) or "./"
        return f"{url}#{anchor}" if anchor else url

    def image(self, path: str) -> str | None:
        """The URL of an image Sphinx copied into the output (``_images/…``)."""
        srcdir = str(self.builder.srcdir)
        key = posixpath.normpath(Path(os.path.relpath(path, srcdir)).as_posix())
        name = getattr(self.builder, "images", {}).get(key)
        if name is None:
            return None
        imagedir = getattr(self.builder, "imagedir", "_images")
        if self.base:
            return f"{self.base}{imagedir}/{quote(name)}"
        return posixpath.join(getattr(self.builder, "imgpath", imagedir), quote(name))


# -- the models, from the cached store --------------------------------------------------


def load_records(config: Config, path: str | None, kind: str) -> list[Any]:
    from .data.store import load_data_file

    if not path:
        return []
    return list(load_data_file(Path(path), kind, limits=profile_config(config).limits).records)


def listed_publications(config: Config, listed: ListShown) -> list[Publication]:
    """The entries a list showed, in its order, as the directive saw them."""
    from .data.overlay import apply_overlay

    publications: list[Publication] = load_records(config, listed.source, "publications")
    if listed.overlay:
        overlays = load_records(config, listed.overlay, "publication-overlay")
        publications, _unmatched = apply_overlay(publications, overlays)
    by_id = {publication.id: publication for publication in publications}
    return [by_id[pub_id] for pub_id in listed.ids if pub_id in by_id]


def profile_page(env: BuildEnvironment) -> str | None:
    """The page whose card is the site's person: the root page if it has one, else the first."""
    pages = sorted(doc for doc, seen in shown_on_pages(env).items() if seen.profile is not None)
    if env.config.root_doc in pages:
        return str(env.config.root_doc)
    return pages[0] if pages else None


def site_profile(env: BuildEnvironment) -> Profile | None:
    """The profile of the profile page, else ``profile.yaml`` of the data folder."""
    page = profile_page(env)
    shown = shown_on_pages(env)[page].profile if page is not None else None
    path = shown.profile if shown is not None else None
    if path is None:
        default = profile_config(env.config).data_path / "profile.yaml"
        path = str(default) if default.is_file() else None
    found = load_records(env.config, path, "profile")
    return found[0] if found else None
