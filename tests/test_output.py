"""Publication lists reach every builder as ordinary docutils nodes.

A list is one placeholder in the stored doctree and becomes its nodes before
references are resolved, for every builder, HTML included. So what works for
hand-written links works for list links: a translator override, a
``doctree-resolved`` listener, EPUB's ``[url]`` after each link, themes that
bring their own translator, the search index.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.writers.html5 import HTML5Translator
from support import (
    build_site,
    copy_root,
    data_site,
    expanded_doctree,
    html_file,
    html_page,
    warnings_of,
)

from sphinx_profile.output.nodes import sp_markup

LIST = ".sp-publications"


def _list_links(soup: BeautifulSoup) -> list[BeautifulSoup]:
    return [link for listing in soup.select(LIST) for link in listing.select("a[href]")]


class NewTabTranslator(HTML5Translator):
    """The common recipe: external links open in a new tab."""

    def visit_reference(self, node: nodes.Element) -> None:
        if not node.get("internal") and "refuri" in node:
            node["target"] = "_blank"
        super().visit_reference(node)


@pytest.fixture(scope="module")
def overridden(tmp_path_factory) -> tuple[SphinxTestApp, dict[str, Counter[str]]]:
    """test-pubs built with the new-tab translator and a ``doctree-resolved`` listener."""
    srcdir = copy_root("pubs", tmp_path_factory.mktemp("pubs") / "src")
    seen: dict[str, Counter[str]] = {}

    def listener(app: SphinxTestApp, doctree: nodes.document, docname: str) -> None:
        counter = seen.setdefault(docname, Counter())
        for container in doctree.findall(nodes.Element):
            if "sp-publications" in container["classes"]:
                for reference in container.findall(nodes.reference):
                    counter[reference.get("refuri", "")] += 1

    app = SphinxTestApp("html", srcdir=srcdir)
    app.set_translator("html", NewTabTranslator, override=True)
    app.connect("doctree-resolved", listener)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.statuscode == 0
    return app, seen


def test_a_translator_override_reaches_every_list_link(overridden):
    app, _seen = overridden
    external = []
    for page in Path(app.outdir).rglob("*.html"):
        external += [
            link for link in _list_links(html_file(page)) if "external" in link.get("class", [])
        ]
    assert len(external) > 30, "test-pubs has fewer list links than expected"
    assert [link["href"] for link in external if link.get("target") != "_blank"] == []


def test_a_doctree_resolved_listener_sees_every_list_link(overridden):
    app, seen = overridden
    checked = 0
    for docname in sorted(app.env.found_docs):
        written = Counter(link["href"] for link in _list_links(html_page(app, docname)))
        assert seen.get(docname, Counter()) == written, docname
        checked += sum(written.values())
    assert checked > 30


def test_epub_shows_the_urls_of_list_links_as_of_hand_written_ones(tmp_path):
    page = (
        "Papers\n======\n\nSee `the site <https://hand.example.org/>`_.\n\n.. publication-list::\n"
    )
    data = (
        "- id: one\n  title: One\n  authors: [Ada Lovelace]\n  year: 2024\n"
        "  links:\n    paper: https://list.example.org/one.pdf\n"
    )
    site = data_site(tmp_path / "site", {"index.rst": page, "data/publications.yaml": data})
    app = build_site(site, "epub")
    assert app.statuscode == 0
    assert app.config.epub_show_urls == "inline"
    xhtml = (Path(app.outdir) / "index.xhtml").read_text("utf-8")
    # Sphinx's EPUB builder adds the URL after each external link, in lists as elsewhere.
    assert '<span class="link-target"> [https://hand.example.org/]</span>' in xhtml
    assert '<span class="link-target"> [https://list.example.org/one.pdf]</span>' in xhtml


def test_the_stored_doctree_keeps_a_list_as_one_node_however_long(built_root):
    app = built_root("pubs", "html")
    for docname in sorted(app.env.found_docs):
        doctree = app.env.get_doctree(docname)
        lists = list(doctree.findall(sp_markup))
        if not lists:
            continue
        stored = sum(1 for _ in doctree.findall(nodes.Node))
        expanded = sum(1 for _ in expanded_doctree(app, docname).findall(nodes.Node))
        # Each list is its node and one text (for the search index), whatever its length.
        entries = sum(len(node["markup"].children) for node in lists)
        assert stored <= expanded - entries, docname
        return
    pytest.fail("no page of test-pubs has a publication list")


def _search_terms(outdir: Path) -> set[str]:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.sub(r"^Search\.setIndex\((.*)\)\s*$", r"\1", text, flags=re.S))
    return set(index["terms"])


def test_search_finds_publication_words(built_root):
    terms = _search_terms(Path(built_root("pubs", "html").outdir))
    # A title word (stemmed), an author's name and a venue of test-pubs/data/publications.yaml.
    assert {"spars", "rossi", "iclr"} <= terms


THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]


@pytest.mark.parametrize("theme", THEMES)
def test_themes_with_their_own_translator_write_the_lists(built_root, theme):
    """pydata-sphinx-theme and sphinx-book-theme replace the HTML translator."""
    pytest.importorskip(theme, reason=f"{theme} is not installed (pip install -e '.[themes]')")
    app = built_root("themes", "html", confoverrides={"html_theme": theme})
    soup = html_page(app, "publications")
    entries = soup.select(f"{LIST} li.sp-pub")
    assert entries, "no publication list"
    for entry in entries:
        assert entry.select_one("p.sp-pub-title").get_text(strip=True)
        assert entry.select_one("p.sp-pub-authors").get_text(strip=True)
    links = _list_links(soup)
    assert links and all("reference" in link.get("class", []) for link in links)
    # The translator's own rules: a list item's single paragraph, compact lists.
    assert all(entry.find("p") is not None for entry in entries)


def test_the_removed_profile_direct_html_warns_and_the_build_goes_on(tmp_path):
    site = data_site(
        tmp_path / "site",
        {"index.rst": "Home\n====\n"},
        conf="profile_direct_html = False\n",
    )
    app = build_site(site)
    assert app.statuscode == 0
    warnings = warnings_of(app)
    assert "profile_direct_html was removed" in warnings
    assert "the setting has no effect" in warnings
    assert warnings.count("WARNING") == 1


def test_french_people_cards_say_the_localized_labels(tmp_path):
    """People cards and member pages name a link alike, in the page's language."""
    srcdir = copy_root("lab", tmp_path / "lab")
    app = build_site(srcdir, confoverrides={"language": "fr"})
    assert app.statuscode == 0
    soup = html_page(app, "people")
    morgan = next(
        card for card in soup.select("li.sp-person") if "Morgan Example" in card.get_text()
    )
    labels = [link.get_text(" ", strip=True) for link in morgan.select(".sp-person-links a")]
    assert "Courriel" in labels and "Email" not in labels
