"""Per-paper pages: one HTML page per publication, with Highwire ``citation_*`` tags.

``test-seo``'s Publications page (MyST) lists with ``:pages:``; its About page
(reST) lists the selected entries without pages.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import Builds, html_page, root_build

from sphinx_profile.data.dates import PartialDate
from sphinx_profile.data.models import Publication
from sphinx_profile.metadata.highwire import citation_tags, meta_tags, publication_date

BASE = "https://example.org/site/"
HOSTILE_TITLE = '</script><script>alert("x")</script> & <b>"Quotes"</b>'
# <b> is of the inline HTML subset of titles (al-folio): bold on the page, and gone
# from the metadata, which is plain text; every other tag stays text.
HOSTILE_WORDS = '</script><script>alert("x")</script> & "Quotes"'


def citation_meta(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (meta["name"], meta["content"])
        for meta in soup.head.find_all("meta")
        if meta.get("name", "").startswith("citation_")
    ]


seo_app = root_build("seo")


def test_each_listed_publication_gets_a_page(seo_app, get_warnings):
    assert get_warnings(seo_app) == ""
    pages = sorted(path.name for path in (Path(seo_app.outdir) / "publications").iterdir())
    assert pages == ["bernoulli.html", "engine.html", "hostile-1.html"]


def test_journal_article_tags(seo_app):
    assert citation_meta(html_page(seo_app, "publications/engine.html")) == [
        ("citation_title", "Sketch of the Analytical Engine"),
        ("citation_author", "Ada Lovelace"),
        ("citation_author", "Charles Babbage"),
        ("citation_publication_date", "2023/09/14"),
        ("citation_journal_title", "Scientific Memoirs"),
        ("citation_pdf_url", "https://example.org/engine.pdf"),
        ("citation_doi", "10.1000/engine.1843"),
        ("citation_abstract_html_url", f"{BASE}publications/engine.html"),
    ]


def test_conference_paper_tags(seo_app):
    tags = citation_meta(html_page(seo_app, "publications/bernoulli.html"))
    assert (
        "citation_conference_title",
        "International Conference on Learning Representations",
    ) in tags
    assert ("citation_publication_date", "2024") in tags  # no day: the year alone
    assert ("citation_arxiv_id", "2405.01234") in tags
    assert ("citation_pdf_url", "https://arxiv.org/pdf/2405.01234") in tags
    assert [value for name, value in tags if name == "citation_author"] == [
        "A. Lovelace",
        "Mary Somerville",
    ]
    assert not [name for name, _ in tags if name == "citation_journal_title"]


def test_page_body_shows_the_whole_entry(seo_app):
    body = html_page(seo_app, "publications/engine.html").find("section", class_="sp-paper")
    assert body.h1.get_text().rstrip("¶") == "Sketch of the Analytical Engine"
    assert body.find("strong", class_="sp-me").get_text() == "Ada Lovelace"
    venue = body.find("p", class_="sp-pub-venue").get_text()
    assert "Scientific Memoirs" in venue and "2023" in venue
    links = {a.get_text(): a["href"] for a in body.find("p", class_="sp-pub-links").find_all("a")}
    assert links["pdf"] == "https://example.org/engine.pdf"
    assert links["DOI"] == "https://doi.org/10.1000/engine.1843"
    abstract = body.find("section", class_="sp-paper-abstract")
    assert abstract.h2.get_text().rstrip("¶") == "Abstract"
    assert abstract.p.get_text() == "The engine weaves algebraic patterns."
    # The body: Markdown blocks below the abstract; raw HTML is text, never markup.
    text = body.find("div", class_="sp-paper-body")
    assert text.find_previous_sibling("section") is abstract
    assert text.p.strong.get_text() == "memoir"
    assert text.find(class_="rubric").get_text() == "Note G"
    items = [li.get_text(" ", strip=True) for li in text.find_all("li")]
    assert items == ["a table of the engine's steps", "a program for Bernoulli numbers"]
    assert text.find("a")["href"] == "https://example.org/note-g"
    assert not body.find("script") and "<script>alert(1)</script>" in text.get_text()
    bibtex = body.find("section", class_="sp-paper-bibtex")
    assert "@article{engine," in bibtex.pre.get_text()
    assert not body.find("details")  # open sections, not toggles
    back = body.find("p", class_="sp-paper-back").a
    assert back["href"] == "../publications.html#pub-engine"
    assert back.get_text() == "Publications"


def test_list_titles_link_to_their_pages(seo_app):
    soup = html_page(seo_app, "publications.html")
    assert "Note G" not in soup.get_text()  # the body is the paper page's only
    links = {a.get_text(): a["href"] for a in soup.find_all("a", class_="sp-paper-link")}
    assert links["Sketch of the Analytical Engine"] == "publications/engine.html"
    assert links["Computing Bernoulli Numbers"] == "publications/bernoulli.html"
    assert len(links) == 3
    # the About page's list has no :pages: option: its titles are plain text
    assert not html_page(seo_app, "index.html").find_all("a", class_="sp-paper-link")


def test_config_value_gives_every_list_pages(built_root):
    app = built_root("seo", "html", confoverrides={"profile_publication_pages": True})
    soup = html_page(app, "index.html")
    links = [a["href"] for a in soup.find_all("a", class_="sp-paper-link")]
    assert links == ["publications/engine.html"]


def test_attribute_values_are_escaped(seo_app):
    soup = html_page(seo_app, "publications/hostile-1.html")
    tags = dict(citation_meta(soup))
    assert tags["citation_title"] == HOSTILE_WORDS
    assert tags["citation_author"] == "O'Brien <b>Bold</b>"  # a name is plain text
    assert tags["citation_conference_title"] == 'Workshop "on" <Things>'
    html = (Path(seo_app.outdir) / "publications/hostile-1.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "<b>Bold</b>" not in html
    heading = soup.find("section", class_="sp-paper").h1
    assert heading.get_text().rstrip("¶") == HOSTILE_WORDS
    assert heading.strong.get_text() == '"Quotes"'
    assert soup.title.get_text().startswith(HOSTILE_WORDS)


def test_no_abstract_url_without_html_baseurl(built_root):
    app = built_root("seo", "html", confoverrides={"html_baseurl": ""})
    names = [name for name, _ in citation_meta(html_page(app, "publications/engine.html"))]
    assert "citation_title" in names
    assert "citation_abstract_html_url" not in names


def test_dirhtml_pages_and_links(built_root):
    app = built_root("seo", "dirhtml")
    assert citation_meta(html_page(app, "publications/engine/index.html"))[0] == (
        "citation_title",
        "Sketch of the Analytical Engine",
    )
    links = [
        a["href"]
        for a in html_page(app, "publications/index.html").find_all("a", class_="sp-paper-link")
    ]
    assert "engine/" in links


@pytest.mark.parametrize(
    ("buildername", "suffix"), [("latex", ".tex"), ("text", ".txt"), ("singlehtml", ".html")]
)
def test_other_builders_are_unaffected(built_root, get_warnings, buildername, suffix):
    app = built_root("seo", buildername)
    assert get_warnings(app) == ""
    outdir = Path(app.outdir)
    assert not (outdir / "publications").exists()
    text = "\n".join(path.read_text(encoding="utf-8") for path in outdir.glob(f"*{suffix}"))
    assert "Sketch of the Analytical Engine" in text
    assert "engine.html" not in text
    assert "citation_" not in text
    assert "ld+json" not in text


def test_pages_follow_the_data_on_rebuild(make_app, private_root):
    srcdir = private_root("seo")
    build = Builds(make_app, srcdir).build
    build()
    data = srcdir / "data" / "publications.yaml"
    data.write_text(
        data.read_text(encoding="utf-8")
        .replace("weaves algebraic patterns", "weaves new patterns")
        .replace("Charles Babbage*", "Charles Babbage*\n    - Luigi Menabrea"),
        encoding="utf-8",
    )
    future = time.time() + 60
    os.utime(data, (future, future))
    app = build()
    soup = html_page(app, "publications/engine.html")
    assert soup.find("section", class_="sp-paper-abstract").p.get_text() == (
        "The engine weaves new patterns."
    )
    authors = [value for name, value in citation_meta(soup) if name == "citation_author"]
    assert authors == ["Ada Lovelace", "Charles Babbage", "Luigi Menabrea"]


def test_a_document_at_the_page_path_wins(make_app, private_root, get_warnings):
    srcdir = private_root("seo")
    (srcdir / "publications").mkdir()
    (srcdir / "publications" / "engine.rst").write_text(
        ":orphan:\n\nMy own page\n===========\n", encoding="utf-8"
    )
    app = Builds(make_app, srcdir).build(freshenv=True)
    assert "no page of its own for publication 'engine'" in get_warnings(app)
    assert "My own page" in (Path(app.outdir) / "publications/engine.html").read_text("utf-8")


# -- the tags from the model, without Sphinx -------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [("2024-05-07", "2024/05/07"), ("2024-05", "2024"), ("2024", "2024"), ("present", None)],
)
def test_publication_date_forms(written, expected):
    assert publication_date(PartialDate.parse(written)) == expected


def test_venue_tag_by_type_and_identifier_forms():
    publication = Publication(
        id="t",
        title="T",
        type="thesis",
        venue="University of London",
        doi="https://doi.org/10.1/x",
        arxiv="arXiv:2101.00001",
        links={"paper": "https://example.org/t.pdf"},
    )
    tags = citation_tags(publication, None)
    assert ("citation_dissertation_institution", "University of London") in tags
    assert ("citation_doi", "10.1/x") in tags
    assert ("citation_arxiv_id", "2101.00001") in tags
    assert ("citation_pdf_url", "https://example.org/t.pdf") in tags


def test_meta_tags_escape_names_and_values():
    html = meta_tags([("citation_title", '"><script>x</script>')])
    assert html == (
        '<meta name="citation_title" content="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" />\n'
    )
