"""Link previews: sphinxext-opengraph's card, filled in from the profile.

sphinxext-opengraph writes the ``og:`` tags of every page; it takes a page's
own fields (``og:description``, ``og:image``) before anything it works out
itself. So, when it is loaded and ``profile_social_cards`` is on (the
default), this ``html-page-context`` handler runs just before it and adds:

* ``og:description`` on the profile page: the headline and affiliation
  (``PhD student in Computer Science, National University of Singapore``),
  rather than the page's first sentences;
* ``og:image`` on every page: the avatar, as an absolute URL (from
  ``ogp_site_url`` or ``html_baseurl``; a relative one is no use to a preview),
  unless ``ogp_image`` is set or the page sets its own.

A page's own ``og:`` fields always win. The page's metadata is copied, never
changed: it belongs to the environment Sphinx saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import profile_config
from ..site import PageUrls, profile_page, site_profile, writes_web_pages
from ..xref.shown import shown_on_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

OPENGRAPH = "sphinxext.opengraph"
PRIORITY = 450
"""Before sphinxext-opengraph's ``html-page-context`` handler (the default, 500)."""


def profile_description(headline: str | None, affiliation: str | None) -> str | None:
    parts = [part for part in (headline, affiliation) if part]
    return ", ".join(parts) or None


def avatar_url(app: Sphinx, pagename: str) -> str | None:
    """The avatar of the profile page as Sphinx copied it, as an absolute URL."""
    page = profile_page(app.env)
    shown = shown_on_pages(app.env)[page].profile if page is not None else None
    if shown is None or not shown.avatar:
        return None
    urls = PageUrls(app.builder, pagename)
    site = app.config.ogp_site_url or app.config.html_baseurl
    if not site:
        return None
    urls.base = site.rstrip("/") + "/"
    return urls.image(shown.avatar)


def add_profile_card_fields(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the profile's description and avatar for the preview card."""
    if (
        OPENGRAPH not in app.extensions
        or not profile_config(app.config).social_cards
        or not writes_web_pages(app.builder)
    ):
        return
    fields = dict(context.get("meta") or {})
    added: dict[str, str] = {}
    if pagename == profile_page(app.env) and "og:description" not in fields:
        profile = site_profile(app.env)
        if profile is not None:
            description = profile_description(profile.headline, profile.affiliation)
            if description:
                added["og:description"] = description
    if "og:image" not in fields and not app.config.ogp_image:
        image = avatar_url(app, pagename)
        if image:
            added["og:image"] = image
            if profile := site_profile(app.env):
                from ..locale import _

                added.setdefault("og:image:alt", str(_("Photo of %s")) % profile.name)
    if added:
        context["meta"] = {**fields, **added}


def setup_social(app: Sphinx) -> None:
    """The profile's fields in link previews (``profile_social_cards``)."""
    app.connect("html-page-context", add_profile_card_fields, priority=PRIORITY)
