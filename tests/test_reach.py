"""Being found: the news feeds, redirect_from, link previews and the sitemap.

The site of ``tests/roots/test-reach`` is built once with sphinx-reredirects,
sphinxext-opengraph and sphinx-sitemap, as a user's ``conf.py`` sets them up;
the files are then read as a feed reader, a browser and a search engine would:
XML parsed (defusedxml), redirect pages followed to the file they name.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from support import html_file, html_page, root_build

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://ada.example.org/"

pytestmark = pytest.mark.myst


site = root_build("reach")


# -- feeds ---------------------------------------------------------------------------


def test_builds_without_warnings(site, get_warnings):
    assert get_warnings(site) == ""


def _atom(site):
    return ElementTree.parse(Path(site.outdir) / "feed.xml").getroot()


def test_atom_feed_has_what_rfc_4287_requires(site):
    feed = _atom(site)
    assert feed.tag == f"{ATOM}feed"
    # atom:feed MUST contain exactly one id, title and updated, and an author (or each entry).
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert feed.findtext(f"{ATOM}title") == "Test Reach: news"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Ada Lovelace"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": BASE + "feed.xml", "alternate": BASE + "news.html"}
    # The newest item's date, not the clock: an unchanged site writes the same feed.
    assert feed.findtext(f"{ATOM}updated") == "2024-09-15T00:00:00+00:00"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == 3
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", entry_id) for entry_id in ids)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        _dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))  # RFC 3339
        assert entry.find(f"{ATOM}link").get("href") == BASE + "news.html"


def test_atom_entries_newest_first_with_html_content_and_plain_titles(site):
    entries = _atom(site).findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[0] == "Our paper on Note G won a best paper award."
    assert titles[1].endswith("…") and len(titles[1]) <= 101
    assert titles[1].startswith("Gave a talk at the Royal Society")
    assert titles[2] == "Joined the Analytical Society."
    dates = [entry.findtext(f"{ATOM}updated")[:10] for entry in entries]
    assert dates == ["2024-09-15", "2023-05-01", "2022-01-01"]
    content = entries[0].find(f"{ATOM}content")
    assert content.get("type") == "html"
    assert content.text == (
        'Our paper on <a href="https://example.org/note-g?a=1&amp;b=2">Note G</a> won a '
        "<strong>best paper</strong> award."
    )


def test_rss_feed_is_rss_2(site):
    rss = ElementTree.parse(Path(site.outdir) / "rss.xml").getroot()
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    # RSS 2.0's required channel elements.
    assert channel.findtext("title") == "Test Reach: news"
    assert channel.findtext("link") == BASE + "news.html"
    assert channel.findtext("description")
    assert channel.find(f"{ATOM}link").get("href") == BASE + "rss.xml"
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [BASE + "news.html"] * 3
    assert items[0].findtext("pubDate") == "Sun, 15 Sep 2024 00:00:00 +0000"
    atom_ids = [entry.findtext(f"{ATOM}id") for entry in _atom(site).findall(f"{ATOM}entry")]
    assert [item.findtext("guid") for item in items] == atom_ids


@pytest.mark.parametrize("name", ["index.html", "news.html", "work.html"])
def test_every_page_head_links_both_feeds(site, name):
    head = html_page(site, name).head
    feeds = {
        link["type"]: link["href"]
        for link in head.find_all("link", rel="alternate")
        if link.get("type")
    }
    assert feeds == {
        "application/atom+xml": BASE + "feed.xml",
        "application/rss+xml": BASE + "rss.xml",
    }


def test_without_html_baseurl_links_are_relative_and_a_warning_says_so(
    make_app, private_root, get_warnings
):
    app = make_app("html", srcdir=private_root("reach"), confoverrides={"html_baseurl": ""})
    app.build()
    warnings = get_warnings(app)
    assert "html_baseurl is not set, so the links of feed.xml and rss.xml are relative" in warnings
    assert "[profile.feed]" in warnings
    feed = ElementTree.parse(Path(app.outdir) / "feed.xml").getroot()
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "feed.xml", "alternate": "news.html"}
    assert feed.findtext(f"{ATOM}id").startswith("urn:uuid:")
    head_links = html_page(app, "news.html").head.find_all("link", type="application/atom+xml")
    assert [link["href"] for link in head_links] == ["feed.xml"]


def test_missing_news_file_is_a_warning_and_no_feed(make_app, private_root, get_warnings):
    srcdir = private_root("reach")
    app = make_app("html", srcdir=srcdir, confoverrides={"profile_feed_source": "gone.yaml"})
    app.build()
    assert "profile_feed: news file not found" in get_warnings(app)
    assert not (Path(app.outdir) / "feed.xml").exists()


@pytest.mark.parametrize("source", ["../../outside.yaml", "loop.yaml"])
def test_feed_source_outside_the_data_folder_or_a_loop_is_refused(
    make_app, private_root, get_warnings, source
):
    srcdir = private_root("reach")
    (srcdir.parent / "outside.yaml").write_text("- date: 2024-01-01\n  text: Secret item\n")
    os.symlink("loop.yaml", srcdir / "data" / "loop.yaml")
    app = make_app("html", srcdir=srcdir, confoverrides={"profile_feed_source": source})
    app.build()
    warnings = get_warnings(app)
    if source == "loop.yaml":
        assert (
            "data/loop.yaml:1: WARNING: profile_feed: cannot read: the path is a loop of symbolic "
            "links; no feed written [profile.file]"
        ) in warnings.replace(str(srcdir) + os.sep, "")
    else:
        assert "lies outside the data folder; no feed written [profile.file]" in warnings
    assert not (Path(app.outdir) / "feed.xml").exists()


def test_feed_follows_an_edit_of_the_news_file(make_app, private_root):
    srcdir = private_root("reach")
    app = make_app("html", srcdir=srcdir)
    app.build()
    news = srcdir / "data" / "news.yaml"
    news.write_text(
        news.read_text(encoding="utf-8") + "- date: 2025-01-02\n  text: A new item.\n",
        encoding="utf-8",
    )
    app.build()
    titles = [entry.findtext(f"{ATOM}title") for entry in _atom(app).findall(f"{ATOM}entry")]
    assert titles[0] == "A new item." and len(titles) == 4


def test_without_feedgen_a_warning_names_the_extra(
    make_app, private_root, get_warnings, monkeypatch
):
    from sphinx_profile.reach import feeds

    monkeypatch.setattr(feeds, "has_feedgen", lambda: False)
    app = make_app("html", srcdir=private_root("reach"))
    app.build()
    assert "profile_feed needs feedgen: pip install 'sphinx-profile[reach]'" in get_warnings(app)
    assert not (Path(app.outdir) / "feed.xml").exists()


def test_no_feed_unless_asked(make_app, private_root):
    app = make_app("html", srcdir=private_root("reach"), confoverrides={"profile_feed": False})
    app.build()
    assert not (Path(app.outdir) / "feed.xml").exists()
    assert not html_page(app, "index.html").head.find_all("link", type="application/atom+xml")


# -- redirects -------------------------------------------------------------------------


def _redirect_target(outdir: Path, address: str) -> Path:
    """Follow a redirect page as a browser without JavaScript would: its meta refresh."""
    path = address.lstrip("/")
    file = outdir / (path + "index.html" if path.endswith("/") or not path else path)
    soup = html_file(file)
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    url = refresh["content"].split("url=", 1)[1]
    assert not urlparse(url).scheme and not url.startswith("/"), "relative, for any base path"
    return (file.parent / url).resolve()


@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/about/", "index.html"),  # reST page field
        ("/about.html", "index.html"),
        ("/blog/", "news.html"),  # MyST front matter
        ("/updates.html", "news.html"),
        ("/old-news.html", "news.html"),  # sphinx-reredirects' own setting
    ],
)
def test_redirect_pages_lead_to_the_page(site, address, target):
    outdir = Path(site.outdir)
    assert _redirect_target(outdir, address) == (outdir / target).resolve()


def test_redirect_from_a_page_address_is_refused(make_app, private_root, get_warnings):
    srcdir = private_root("reach")
    (srcdir / "work.rst").write_text(":redirect_from: /news.html\n\nWork\n====\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "redirect_from '/news.html' is the address of a page of the site" in get_warnings(app)
    assert "<h1>News" in (Path(app.outdir) / "news.html").read_text(encoding="utf-8")


def test_redirect_from_without_reredirects_warns(make_app, private_root, get_warnings):
    srcdir = private_root("reach")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace('    "sphinx_reredirects",\n', ""),
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "redirect_from needs sphinx-reredirects" in get_warnings(app)
    assert not (Path(app.outdir) / "about").exists()


# -- link previews and the sitemap -------------------------------------------------------


def og(soup: BeautifulSoup) -> dict[str, str]:
    return {
        tag["property"]: tag["content"]
        for tag in soup.head.find_all("meta", property=re.compile("^og:"))
    }


def test_profile_page_card_has_headline_and_avatar(site):
    tags = og(html_page(site, "index.html"))
    assert tags["og:description"] == "Analyst of the Analytical Engine, University of London"
    assert tags["og:image"] == BASE + "_images/avatar.png"
    assert tags["og:image:alt"] == "Photo of Ada Lovelace"
    assert tags["og:url"] == BASE + "index.html"
    assert (Path(site.outdir) / "_images" / "avatar.png").is_file()


def test_other_pages_keep_their_description_and_get_the_avatar(site):
    tags = og(html_page(site, "work.html"))
    assert tags["og:description"] == "My own description of my work."
    assert tags["og:image"] == BASE + "_images/avatar.png"
    news = og(html_page(site, "news.html"))
    assert "Analyst" not in news.get("og:description", "")


def test_ogp_image_setting_wins(make_app, private_root):
    app = make_app(
        "html", srcdir=private_root("reach"), confoverrides={"ogp_image": "_static/card.png"}
    )
    app.build()
    assert og(html_page(app, "index.html"))["og:image"] == BASE + "_static/card.png"


def test_sitemap_lists_every_page_and_no_redirect(site):
    tree = ElementTree.parse(Path(site.outdir) / "sitemap.xml").getroot()
    locations = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    for name in ("index.html", "news.html", "work.html"):
        assert BASE + name in locations
    assert not any("about" in location or "old-news" in location for location in locations)


def test_no_op_rebuild_keeps_feeds_redirects_and_the_whole_sitemap(make_app, private_root):
    srcdir = private_root("reach")
    app = make_app("html", srcdir=srcdir)
    app.build()
    outdir = Path(app.outdir)
    # sphinx-sitemap lists only the pages a build writes (its issue #13): every page is
    # written again when it is loaded, so the sitemap stays whole.
    names = ("feed.xml", "rss.xml", "about/index.html", "about.html", "sitemap.xml")
    before = {name: (outdir / name).read_bytes() for name in names}
    app.build()  # nothing changed: no page is read again
    assert {name: (outdir / name).read_bytes() for name in names} == before
    # An edited page keeps its redirects; a page that drops its redirect_from loses them
    # from the next full build (redirect pages are files of the output, never deleted).
    (srcdir / "news.md").write_text("# News\n\n```{news}\n```\n", encoding="utf-8")
    app.build()
    assert _redirect_target(outdir, "/about/") == (outdir / "index.html").resolve()
