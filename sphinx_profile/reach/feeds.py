"""An Atom and an RSS feed of the news, written with feedgen beside the HTML pages.

With ``profile_feed = True`` every HTML build writes ``feed.xml`` (Atom, the
name Jekyll's feed uses, so a reader that followed the old site keeps its
subscription) and ``rss.xml`` (RSS 2.0) from the news file
(``profile_feed_source``, default ``news.yaml``), and every page's head links
to them. Items link to the page that shows that file with the ``news``
directive (the root page when none does). Readers need absolute links: they
come from ``html_baseurl``; without it the links are relative to the site and
a warning says so.

Everything in a feed comes from the data: the feed's ``updated`` is its newest
item's date, never the clock, so an unchanged site writes the same bytes.
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import profile_config
from ..data.issues import Subtype, display_path
from ..data.limits import confined, real_path
from ..site import PageUrls, site_profile, writes_web_pages
from ..warn import warn
from ..xref.shown import shown_on_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from ..data.models import NewsItem


ATOM_FILE = "feed.xml"
RSS_FILE = "rss.xml"
ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"
TITLE_LENGTH = 100
"""An item's title is its text, cut at a word before this many characters."""


def has_feedgen() -> bool:
    """feedgen is an optional dependency (the ``reach`` extra)."""
    return importlib.util.find_spec("feedgen") is not None


def feed_enabled(app: Sphinx) -> bool:
    return profile_config(app.config).feed and writes_web_pages(app.builder)


def news_path(app: Sphinx) -> Path:
    """The news file the feed is made from."""
    config = profile_config(app.config)
    data_dir = config.data_path
    source = config.feed_source
    if source:
        return real_path(data_dir / source)  # a loop of links is reported when read
    default = data_dir / "news.yaml"
    alternative = data_dir / "news.yml"
    return alternative if not default.exists() and alternative.exists() else default


def feed_title(app: Sphinx) -> str:
    from ..locale import _

    return profile_config(app.config).feed_title or str(_("%s: news")) % app.config.project


def news_page(app: Sphinx, path: Path) -> str:
    """The page that shows ``path`` with ``news`` (the root page first), else the root page."""
    root = str(app.config.root_doc)
    pages = sorted(doc for doc, seen in shown_on_pages(app.env).items() if str(path) in seen.news)
    if root in pages or not pages:
        return root
    return pages[0]


def plain_title(text: str) -> str:
    """The words of a Markdown news text, cut at a word boundary for an item's title."""
    from ..render.inline import inline_markdown
    from ..render.markup import text_of

    words = " ".join(text_of(inline_markdown(text)).split())
    if len(words) <= TITLE_LENGTH:
        return words
    cut = words[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def item_id(site: str, item: NewsItem) -> str:
    """A stable ``urn:uuid:`` for an item: the same date and text give the same id."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{site}\n{item.date.isoformat()}\n{item.text}").urn


def item_datetime(item: NewsItem) -> _dt.datetime:
    """Midnight UTC of the item's first day (``2024-09`` is 1 September 2024)."""
    date = item.date
    return _dt.datetime(date.year, date.month or 1, date.day or 1, tzinfo=_dt.UTC)


def make_feed(app: Sphinx, items: list[NewsItem], page: str) -> Any:
    """The ``FeedGenerator`` of ``items`` (newest first), whose links point to ``page``."""
    from feedgen.feed import FeedGenerator

    from ..render.inline import inline_html

    urls = PageUrls(app.builder, page)
    base = urls.base
    page_url = urls.page(page) if base else app.builder.get_target_uri(page)
    profile = site_profile(app.env)
    author = profile.name if profile is not None else (app.config.author or app.config.project)
    generator = FeedGenerator()
    generator.id(page_url if base else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, page_url)}")
    generator.title(feed_title(app))
    generator.author({"name": author})
    set_links(generator, page_url, f"{base}{ATOM_FILE}", ATOM_TYPE)
    generator.description(feed_title(app))  # RSS requires one; Atom uses it as the subtitle
    generator.language(app.config.language or "en")
    generator.generator("sphinx-profile")
    newest = max((item_datetime(item) for item in items), default=None)
    generator.updated(newest or _dt.datetime(1970, 1, 1, tzinfo=_dt.UTC))
    # feedgen puts the entry added last first: add the oldest first.
    for item in reversed(items):
        entry = generator.add_entry()
        entry.id(item_id(base or page_url, item))
        entry.guid(item_id(base or page_url, item), permalink=False)
        entry.title(plain_title(item.text))
        entry.link(href=page_url, rel="alternate")
        # description() (RSS) also sets Atom's content, without a type: content() after it.
        entry.description(inline_html(item.text))
        entry.content(inline_html(item.text), type="html")
        entry.updated(item_datetime(item))
        entry.published(item_datetime(item))
    return generator


def set_links(generator: Any, page_url: str, self_url: str, media_type: str) -> None:
    """The feed's own address (``rel="self"``) and its page's.

    feedgen gives RSS the last link added as the channel's ``<link>``: the page's.
    """
    generator.link(href=self_url, rel="self", type=media_type, replace=True)
    generator.link(href=page_url, rel="alternate")


def news_items(app: Sphinx, path: Path) -> list[NewsItem] | None:
    """The dated items of the news file, newest first; None if there is no such file."""
    from ..data.query import news_newest_first
    from ..data.store import load_data_file

    loaded = load_data_file(path, "news", limits=profile_config(app.config).limits)
    if loaded.missing:
        return None
    unreadable = [issue for issue in loaded.issues if issue.subtype is Subtype.FILE]
    if unreadable and not loaded.records:  # a loop of links, a FIFO: said, and no feed
        warn(
            Subtype.FILE,
            "profile_feed: %s; no feed written",
            unreadable[0].message,
            location=f"{display_path(path)}:{unreadable[0].line or 1}",
        )
        return None
    items = []
    for item in news_newest_first(loaded.records):  # type: ignore[arg-type]
        if item.date.present:
            warn(
                Subtype.DATA,
                "%s:%d: a news item dated 'present' has no date for the feed; left out of it",
                display_path(path),
                item.line,
            )
            continue
        items.append(item)
    return items


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write ``feed.xml`` and ``rss.xml`` into the output folder."""
    if exception is not None or not feed_enabled(app):
        return
    if not has_feedgen():
        warn(
            Subtype.DEPENDENCY,
            "profile_feed needs feedgen: pip install 'sphinx-profile[reach]'; no feed written",
        )
        return
    path = news_path(app)
    if confined(path, profile_config(app.config).data_path) is None:
        warn(
            Subtype.FILE,
            "profile_feed: the news file %s lies outside the data folder; no feed written",
            display_path(path),
        )
        return
    items = news_items(app, path)
    if items is None and (path.exists() or path.is_symlink()):
        return  # there, but not readable: said by news_items
    if items is None:
        warn(
            Subtype.FEED,
            "profile_feed: news file not found: %s; no feed written",
            display_path(path),
        )
        return
    if not app.config.html_baseurl:
        warn(
            Subtype.FEED,
            "profile_feed: html_baseurl is not set, so the links of %s and %s are relative "
            "and feed readers may not follow them; set html_baseurl to the address the "
            "site is published at",
            ATOM_FILE,
            RSS_FILE,
        )
    page = news_page(app, path)
    generator = make_feed(app, items, page)
    outdir = Path(app.outdir)
    generator.atom_file(str(outdir / ATOM_FILE), pretty=True)
    base = PageUrls(app.builder, page).base
    page_url = generator.link()[-1]["href"]
    set_links(generator, page_url, f"{base}{RSS_FILE}", RSS_TYPE)
    generator.rss_file(str(outdir / RSS_FILE), pretty=True)


def add_feed_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: ``<link rel="alternate">`` to both feeds in every page's head."""
    if not feed_enabled(app):
        return
    from html import escape

    title = escape(feed_title(app), quote=True)
    links = []
    for filename, media_type in ((ATOM_FILE, ATOM_TYPE), (RSS_FILE, RSS_TYPE)):
        href = escape(_feed_href(app.builder, pagename, context, filename), quote=True)
        links.append(
            f'<link rel="alternate" type="{media_type}" title="{title}" href="{href}" />\n'
        )
    context["metatags"] = context.get("metatags", "") + "".join(links)


def _feed_href(builder: Builder, pagename: str, context: dict[str, Any], filename: str) -> str:
    base = builder.config.html_baseurl
    if base:
        return base.rstrip("/") + "/" + filename
    pathto = context.get("pathto")
    return str(pathto(filename, resource=True)) if pathto else filename


def setup_feeds(app: Sphinx) -> None:
    """Atom and RSS feeds of the news (``profile_feed``), and their links in every head."""
    app.connect("html-page-context", add_feed_links)
    app.connect("build-finished", write_feeds)
