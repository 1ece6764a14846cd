"""Every builder gives a readable page, with no warnings, from the same test root."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from support import BUILDERS, html_page, output_text, root_build

PROFILE_NAME = "Ada Lovelace"
TITLE = "Sketch of the Analytical Engine"
BADGES = ["SciMem 2023", "ICLR 2024", "WIM 2019"]
DATE_RANGES = ["2022.07 - now", "2020.01 - 2021.06", "2017.09 - 2019.06", "2013 - 2017"]


@pytest.mark.parametrize("buildername", list(BUILDERS))
def test_builder_succeeds_without_warnings(make_app, rootdir, tmp_path, buildername, get_warnings):
    app = make_app(buildername, srcdir=rootdir / "test-basic", builddir=tmp_path, freshenv=True)
    app.build()
    assert get_warnings(app) == ""
    assert app.statuscode == 0
    text = output_text(app.outdir, BUILDERS[buildername])
    assert PROFILE_NAME in text
    assert TITLE in text
    for badge in BADGES:
        assert badge in text
    for dates in DATE_RANGES:
        assert dates in text
    # each group heading is there, as plain words in every format
    for heading in ("Mathematics", "Engines", "Philosophy", "Journal articles", "Preprints"):
        assert heading in text
    if buildername != "html":
        assert "<span" not in text
        assert "class=" not in text
        assert "sp-badge" not in text


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_app_fixture_builds_the_root(app, get_warnings):
    """The ``sphinx.testing`` way of using a root works as documented."""
    app.build()
    assert get_warnings(app) == ""
    html = (app.outdir / "rst" / "profile.html").read_text(encoding="utf-8")
    assert PROFILE_NAME in html


# -- HTML in detail: one build, many readers ------------------------------------------


html_app = root_build("basic")


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_html_badges_headings_and_anchors(html_app, syntax):
    page = html_page(html_app, f"{syntax}/publication-list")
    badges = [span.get_text() for span in page.select("span.sp-badge")]
    assert "ICLR 2024" in badges
    assert "Best Paper" in badges
    headings = page.select(".sp-group-heading")
    assert headings, "no group heading"
    # real headings, one level below the page's <h1>
    assert {heading.name for heading in headings} == {"h2"}
    assert [h.get_text(strip=True) for h in headings[:4]] == [
        "Mathematics",
        "Engines",
        "Philosophy",
        "Other",
    ]
    # the anchor of an entry is inside its list item, at its title
    anchor = page.find(id="pub-engine")
    assert anchor is not None
    entry = anchor if anchor.name == "li" else anchor.find_parent("li")
    assert "sp-pub" in entry["class"]
    assert entry.select_one(".sp-pub-title").get_text(strip=True) == TITLE
    assert page.find(id="pub-bernoulli") is not None


@pytest.mark.parametrize("syntax", ["rst", "myst"])
def test_html_links_and_highlight(html_app, syntax):
    page = html_page(html_app, f"{syntax}/publication-list")
    hrefs = {a["href"] for a in page.find_all("a", href=True)}
    assert "https://doi.org/10.1000/engine.1843" in hrefs  # from `doi`
    assert "https://arxiv.org/abs/2101.00001" in hrefs  # from `arxiv`
    assert "https://example.org/engine.pdf" in hrefs
    assert "https://example.org/byron" in hrefs  # an author with a url
    highlighted = {strong.get_text() for strong in page.select("strong.sp-me")}
    assert highlighted == {"Ada Lovelace", "A. Lovelace", "Lovelace, Ada"}


def test_html_group_headings_stay_out_of_the_toc(html_app):
    index = html_page(html_app, "index")
    toc = index.select_one("div.toctree-wrapper").get_text()
    assert "Publications" in toc
    for heading in ("Mathematics", "Engines", "Journal articles", "Preprints"):
        assert heading not in toc


def test_html_ids_are_unique_on_a_page_with_several_lists(html_app):
    html = (html_app.outdir / "rst" / "publication-list.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', html)
    duplicates = sorted({id_ for id_ in ids if ids.count(id_) > 1})
    assert duplicates == []


def test_html_stylesheet_is_copied_and_linked(html_app):
    assert (html_app.outdir / "_static" / "sphinx_profile.css").is_file()
    css = (html_app.outdir / "_static" / "sphinx_profile.css").read_text(encoding="utf-8")
    assert ".sp-badge" in css
    for docname, prefix in (("index", ""), ("rst/profile", "../")):
        links = [
            link["href"] for link in html_page(html_app, docname).find_all("link", rel="stylesheet")
        ]
        assert any(href.startswith(f"{prefix}_static/sphinx_profile.css") for href in links), links


def test_html_avatar_is_copied_and_shown(html_app):
    assert (html_app.outdir / "_images" / "avatar.svg").is_file()
    page = html_page(html_app, "rst/profile")
    image = page.select_one("img.sp-avatar")
    assert image is not None
    assert image["src"] == "../_images/avatar.svg"
    assert image["alt"] == "Photo of Ada Lovelace"


def test_html_profile_links(html_app):
    page = html_page(html_app, "myst/profile")
    links = {a.get_text(): unquote(a["href"]) for a in page.select("ul.sp-profile-links a")}
    assert links == {
        "GitHub": "https://github.com/ada-example",
        "Google Scholar": "https://scholar.example.org/ada",
        "Email": "mailto:someone@example.org",
    }
    email = next(a for a in page.select("ul.sp-profile-links a") if a.get_text() == "Email")
    assert "sp-icon-email" in email["class"]
    # Each link shows its icon (decorative, hidden from screen readers) before its label.
    for link in page.select("ul.sp-profile-links a"):
        icon = link.select_one("svg.sp-icon")
        assert icon is not None and icon["aria-hidden"] == "true", link
        assert icon.find("path") is not None or icon.find("rect") is not None
        assert link.get_text() in {"GitHub", "Google Scholar", "Email"}


def test_html_education_groups_one_institution(html_app):
    page = html_page(html_app, "rst/education")
    first_block = page.select_one("div.sp-education-block")
    items = first_block.select("ul.sp-education > li")
    assert len(items) == 2
    first = items[0].get_text(" ", strip=True)
    assert first.count("University of London") == 1
    assert first.index("Ph.D. in Mathematics") < first.index("2019.09 - now")
    assert first.index("2019.09 - now") < first.index("M.S. in Mathematics")
    assert first.index("M.S. in Mathematics") < first.index("2017.09 - 2019.06")


def test_html_limit_and_class_options(html_app):
    page = html_page(html_app, "myst/news")
    blocks = page.select("div.sp-news-block")
    assert len(blocks) == 2
    assert [len(block.select("li")) for block in blocks] == [3, 1]
    assert "my-news" in blocks[1]["class"]
    # newest first
    assert blocks[0].select_one("li").get_text(" ", strip=True).startswith("2024.05 Talk at ICLR")


def test_stylesheet_is_not_added_to_non_html_builds(make_app, rootdir, tmp_path):
    app = make_app("text", srcdir=rootdir / "test-basic", builddir=tmp_path, freshenv=True)
    app.build()
    assert not (app.outdir / "_static").exists()
