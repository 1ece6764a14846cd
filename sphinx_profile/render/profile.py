"""The profile card: avatar, name, headline, affiliation, location, bio, links."""

from __future__ import annotations

from docutils import nodes

from ..data.citations import Metrics
from ..data.models import Link, Profile
from ..locale import _
from .common import icon_links, joined, markdown_paragraph

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
) -> nodes.container:
    """``container.sp-profile`` > [image.sp-avatar] + ``container.sp-profile-body``.

    ``bio=False`` leaves the bio out (the sidebar card).
    """
    card = nodes.container(classes=["sp-profile"])
    if avatar_uri:
        card += nodes.image(
            uri=avatar_uri, alt=str(_("Photo of %s")) % profile.name, classes=["sp-avatar"]
        )
    body = nodes.container(classes=["sp-profile-body"])
    body += nodes.paragraph(
        "", "", nodes.strong(profile.name, profile.name), classes=["sp-profile-name"]
    )
    phone = profile.phone.removeprefix("tel:") if profile.phone else None
    for field, css_class in (
        (profile.headline, "sp-headline"),
        (profile.affiliation, "sp-affiliation"),
        (profile.location, "sp-location"),
        (phone, "sp-phone"),
    ):
        if field:
            body += nodes.paragraph(field, field, classes=[css_class])
    if profile.bio and bio:
        body += markdown_paragraph(profile.bio, ["sp-bio"])
    if metrics is not None:
        body += render_metrics(metrics, language)
    links = _links(profile)
    if links:
        items = nodes.bullet_list(classes=["sp-list", "sp-profile-links"])
        for reference in icon_links(links, link_style, link_label):
            items += nodes.list_item("", nodes.paragraph("", "", reference))
        body += items
    card += body
    return card


def render_metrics(metrics: Metrics, language: str) -> nodes.paragraph:
    """``Papers: 6 | Citations: 1,234 | h-index: 8 | i10-index: 5``."""
    from .publications import format_count

    items = []
    for label, value in (
        (_("Papers"), metrics.papers),
        (_("Citations"), metrics.citations),
        (_("h-index"), metrics.h_index),
        (_("i10-index"), metrics.i10_index),
    ):
        item = nodes.inline(classes=["sp-metric"])
        item += nodes.Text(str(_("%s: ")) % label)
        number = format_count(value, language)
        item += nodes.strong(number, number)
        items.append(item)
    return joined(items, nodes.paragraph(classes=["sp-metrics"]))


def _links(profile: Profile) -> list[Link]:
    links = list(profile.links)
    if profile.email and not any(link.url.startswith("mailto:") for link in links):
        links.append(Link(label="email", url=f"mailto:{profile.email}"))
    return links
