"""Icons for links, as inline SVG from the sets shipped in ``sphinx_profile/icons/``.

Brands come from Simple Icons (CC0; ``icons/simple-icons/LICENSE.md``), everything
else from Lucide (ISC; ``icons/lucide/LICENSE``). The files are the sets' own; they
are read once and written into the page as inline SVG, so a page needs neither a
web font nor the network. Every icon is decorative (``aria-hidden``): the link's
label stays in the page, for screen readers and for the builders without icons.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

ICON_DIR = Path(__file__).parent / "icons"


# A link's key (its label, lower case, "-" and " " as "_") -> "set/file" of its icon.
ICONS: dict[str, str] = {
    # people and profiles
    "email": "lucide/mail",
    "mail": "lucide/mail",
    "homepage": "lucide/house",
    "home": "lucide/house",
    "website": "lucide/globe",
    "web": "lucide/globe",
    "cv": "lucide/file-user",
    "resume": "lucide/file-user",
    "rss": "lucide/rss",
    "feed": "lucide/rss",
    "atom": "lucide/rss",
    "scholar": "simple-icons/googlescholar",
    "google_scholar": "simple-icons/googlescholar",
    "googlescholar": "simple-icons/googlescholar",
    "orcid": "simple-icons/orcid",
    "github": "simple-icons/github",
    "gitlab": "simple-icons/gitlab",
    "linkedin": "simple-icons/linkedin",
    "twitter": "simple-icons/x",
    "x": "simple-icons/x",
    "bluesky": "simple-icons/bluesky",
    "mastodon": "simple-icons/mastodon",
    "researchgate": "simple-icons/researchgate",
    "dblp": "simple-icons/dblp",
    "semantic_scholar": "simple-icons/semanticscholar",
    "semanticscholar": "simple-icons/semanticscholar",
    "arxiv": "simple-icons/arxiv",
    # what a publication links to
    "paper": "lucide/file-text",
    "pdf": "lucide/file-text",
    "html": "lucide/file-text",
    "preprint": "lucide/file-text",
    "code": "lucide/code",
    "source": "lucide/code",
    "slides": "lucide/presentation",
    "talk": "lucide/presentation",
    "video": "lucide/video",
    "poster": "lucide/image",
    "blog": "lucide/pen-line",
    "project": "lucide/folder-open",
    "data": "lucide/database",
    "dataset": "lucide/database",
    "doi": "lucide/link",
    "link": "lucide/link",
}

# Hosts whose links are recognisable whatever their label says.
HOST_ICONS: dict[str, str] = {
    "github.com": "github",
    "gitlab.com": "gitlab",
    "scholar.google.com": "scholar",
    "orcid.org": "orcid",
    "linkedin.com": "linkedin",
    "twitter.com": "x",
    "x.com": "x",
    "bsky.app": "bluesky",
    "researchgate.net": "researchgate",
    "dblp.org": "dblp",
    "semanticscholar.org": "semantic_scholar",
    "arxiv.org": "arxiv",
}

FALLBACK = "link"

PERSON_PLACEHOLDER = "lucide/circle-user-round"
"""Stands in for a missing photo on a people card."""


def link_key(label: str) -> str:
    return re.sub(r"[\s-]+", "_", label.strip().lower())


def link_kind(label: str, url: str) -> str:
    """A CSS-safe name of what a link is (``github``, ``email``, ``code``, ``other``)."""
    if url.startswith("mailto:"):
        return "email"
    key = link_key(label)
    return key if key in ICONS else (_host_key(url) or "other")


def icon_for(label: str, url: str) -> str:
    """The icon of a link: by its label, else by its address, else the plain link icon."""
    if url.startswith("mailto:"):
        return ICONS["email"]
    key = link_key(label)
    if key in ICONS:
        return ICONS[key]
    host_key = _host_key(url)
    return ICONS[host_key] if host_key else ICONS[FALLBACK]


def _host_key(url: str) -> str | None:
    try:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    except ValueError:  # "http://[::1" and the like: no host to know it by
        return None
    for known, key in HOST_ICONS.items():
        if host == known or host.endswith("." + known):
            return key
    return None


_SVG = "{http://www.w3.org/2000/svg}"
# Presentation attributes kept from each set's root element (Lucide draws strokes).
_KEPT = ("viewBox", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin")


@cache
def icon_svg(name: str) -> str:
    """``name`` (``"lucide/mail"``) as an inline, decorative ``<svg class="sp-icon">``.

    The files are the package's own (never user input); comments, titles and the
    sets' classes and sizes are dropped, so the icon takes the text's size and colour.
    """
    set_name, _, file = name.partition("/")
    root = ET.fromstring((ICON_DIR / set_name / f"{file}.svg").read_text(encoding="utf-8"))
    attributes = {key: root.attrib[key] for key in _KEPT if key in root.attrib}
    attributes.setdefault("fill", "currentColor")
    shown = " ".join(f'{key}="{value}"' for key, value in attributes.items())
    inner = "".join(
        _serialise(child) for child in root if child.tag not in (f"{_SVG}title", "title")
    )
    return (
        f'<svg class="sp-icon sp-icon-{set_name}" xmlns="http://www.w3.org/2000/svg" '
        f'{shown} aria-hidden="true" focusable="false">{inner}</svg>'
    )


def _serialise(element: ET.Element) -> str:
    tag = element.tag.removeprefix(_SVG)
    attributes = "".join(f' {key}="{_escape(value)}"' for key, value in element.attrib.items())
    children = "".join(_serialise(child) for child in element)
    return f"<{tag}{attributes}>{children}</{tag}>" if children else f"<{tag}{attributes}/>"


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def all_icons() -> list[str]:
    """Every icon the package names, for the guide and the tests."""
    return sorted({*ICONS.values(), PERSON_PLACEHOLDER})
