"""The profile card: avatar, name, headline, affiliation, location, bio, links."""

from __future__ import annotations

from collections.abc import Sequence

from ..data.citations import Metrics
from ..data.models import Link, Profile
from ..data.people import with_email
from ..locale import _
from .common import link_references, markdown_paragraph
from .markup import Content, Markup, element, joined

# Display names of well-known link keys; anything else shows its key as written.
LINK_LABELS = {
    "homepage": "Homepage",
    "website": "Website",
    "github": "GitHub",
    "gitlab": "GitLab",
    "scholar": "Google Scholar",
    "google_scholar": "Google Scholar",
    "twitter": "Twitter",
    "x": "X",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "linkedin": "LinkedIn",
    "orcid": "ORCID",
    "dblp": "DBLP",
    "semantic_scholar": "Semantic Scholar",
    "researchgate": "ResearchGate",
    "email": "Email",
    "cv": "CV",
    "soundcloud": "SoundCloud",
    "youtube": "YouTube",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "stackoverflow": "Stack Overflow",
    "telegram": "Telegram",
    "imdb": "IMDb",
    "kaggle": "Kaggle",
    "medium": "Medium",
    "rss": "RSS",
    "arxiv": "arXiv",
}

# The labels that are words rather than names, shown in the page's language.
_TRANSLATED_LABELS = {
    "homepage": _("Homepage"),
    "website": _("Website"),
    "email": _("Email"),
    "cv": _("CV"),
}


def link_label(link: Link) -> str:
    """What a profile link reads: ``GitHub``, a translated ``Homepage``, or the key as written."""
    key = link.label.strip().lower().replace(" ", "_")
    if key in _TRANSLATED_LABELS:
        return str(_TRANSLATED_LABELS[key])
    return LINK_LABELS.get(key, link.label)


def render_profile(
    profile: Profile,
    avatar_uri: str | None,
    metrics: Metrics | None = None,
    language: str = "en",
    link_style: str = "icon+label",
    bio: bool = True,
    extra: Sequence[Content] = (),
) -> Markup:
    """``container.sp-profile`` > [image.sp-avatar] + ``container.sp-profile-body``.

    ``bio=False`` leaves the bio out (the sidebar card); ``extra`` lines go
    between the bio and the links.
    """
    card: list[Content] = []
    if avatar_uri:
        alt = str(_("Photo of %s")) % profile.name
        card.append(element("image", uri=avatar_uri, alt=alt, classes=["sp-avatar"]))
    body: list[Content] = [
        element("paragraph", element("strong", profile.name), classes=["sp-profile-name"])
    ]
    phone = profile.phone.removeprefix("tel:") if profile.phone else None
    for field, css_class in (
        (profile.headline, "sp-headline"),
        (profile.affiliation, "sp-affiliation"),
        (profile.location, "sp-location"),
        (phone, "sp-phone"),
    ):
        if field:
            body.append(element("paragraph", field, classes=[css_class]))
    if profile.bio and bio:
        body.append(markdown_paragraph(profile.bio, ["sp-bio"]))
    if metrics is not None:
        body.append(metrics_line(metrics, language))
    body.extend(extra)
    links = with_email(profile.links, profile.email)
    if links:
        items = (
            element("list_item", element("paragraph", reference))
            for reference in link_references(links, link_style, link_label)
        )
        body.append(element("bullet_list", *items, classes=["sp-list", "sp-profile-links"]))
    card.append(element("container", *body, classes=["sp-profile-body"]))
    return element("container", *card, classes=["sp-profile"])


def metrics_line(metrics: Metrics, language: str) -> Markup:
    """``Papers: 6 | Citations: 1,234 | h-index: 8 | i10-index: 5``."""
    from .publications import format_count

    items = [
        element(
            "inline",
            str(_("%s: ")) % label,
            element("strong", format_count(value, language)),
            classes=["sp-metric"],
        )
        for label, value in (
            (_("Papers"), metrics.papers),
            (_("Citations"), metrics.citations),
            (_("h-index"), metrics.h_index),
            (_("i10-index"), metrics.i10_index),
        )
    ]
    return element("paragraph", *joined(items), classes=["sp-metrics"])
