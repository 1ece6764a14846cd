"""Publication lists are kept as light markup and written straight to HTML.

That must change nothing a reader sees: every page is the same, byte for byte,
as when the lists go through Sphinx's HTML translator as nodes
(``profile_direct_html = False``), and the search index finds the same words.
What it changes is the doctree: one node per list instead of dozens per entry.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest
from docutils import nodes
from support import expanded_doctree

from sphinx_profile.nodes import sp_markup

CASES = [
    ("basic", "html"),
    ("pubs", "html"),
    ("bibtex", "html"),
    ("exports", "html"),
    ("lab", "html"),
    ("lab", "dirhtml"),
    ("xref", "singlehtml"),
    ("hostile", "html"),
    ("themes", "html"),
    ("seo", "html"),
    ("i18n", "html"),
    ("counts", "html"),  # co-author links, venue badges as links, citation badges
]


def html_files(outdir: Path) -> dict[str, str]:
    return {
        str(path.relative_to(outdir)): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*.html"))
    }


def search_terms(outdir: Path) -> set[str]:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.sub(r"^Search\.setIndex\((.*)\)\s*$", r"\1", text, flags=re.S))
    return set(index["terms"])


@pytest.mark.parametrize(("root", "builder"), CASES)
def test_direct_html_is_the_translators_html(built_root, root, builder):
    direct = built_root(root, builder)
    through_nodes = built_root(root, builder, confoverrides={"profile_direct_html": False})
    assert_same_pages(Path(direct.outdir), Path(through_nodes.outdir))


def assert_same_pages(direct: Path, through_nodes: Path) -> None:
    pages = html_files(direct)
    assert pages, "nothing was built"
    assert any("sp-publications" in html for html in pages.values()), "no publication list"
    expected = html_files(through_nodes)
    assert pages.keys() == expected.keys()
    for name, html in pages.items():
        if html != expected[name]:
            diff = difflib.unified_diff(
                expected[name].splitlines(),
                html.splitlines(),
                "through nodes",
                "direct",
                lineterm="",
            )
            pytest.fail(f"{name} differs:\n" + "\n".join(diff))


THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]


@pytest.mark.parametrize("theme", THEMES)
def test_themes_with_their_own_translator_get_the_same_html(built_root, theme):
    """pydata-sphinx-theme and sphinx-book-theme replace the HTML translator."""
    pytest.importorskip(theme, reason=f"{theme} is not installed (pip install -e '.[themes]')")
    direct = built_root("themes", "html", confoverrides={"html_theme": theme})
    through_nodes = built_root(
        "themes", "html", confoverrides={"html_theme": theme, "profile_direct_html": False}
    )
    assert_same_pages(Path(direct.outdir), Path(through_nodes.outdir))


@pytest.mark.parametrize("root", ["basic", "pubs", "lab"])
def test_search_finds_the_same_words(built_root, root):
    direct = built_root(root, "html")
    through_nodes = built_root(root, "html", confoverrides={"profile_direct_html": False})
    assert search_terms(Path(direct.outdir)) == search_terms(Path(through_nodes.outdir))


def test_search_finds_publication_words(built_root):
    terms = search_terms(Path(built_root("pubs", "html").outdir))
    # A title word (stemmed), an author's name and a venue of test-pubs/data/publications.yaml.
    assert {"spars", "rossi", "iclr"} <= terms


def test_a_list_is_one_node_however_long(built_root):
    app = built_root("pubs", "html")
    for docname in sorted(app.env.found_docs):
        doctree = app.env.get_doctree(docname)
        lists = list(doctree.findall(sp_markup))
        if not lists:
            continue
        read = sum(1 for _ in doctree.findall(nodes.Node))
        expanded = sum(1 for _ in expanded_doctree(app, docname).findall(nodes.Node))
        # Each list is its node and one text (for the search index), whatever its length.
        assert read <= expanded - sum(_entries(node) for node in lists), docname
        return
    pytest.fail("no page of test-pubs has a publication list")


def _entries(node: sp_markup) -> int:
    _kind, children, _classes, _attributes = node["markup"]
    return len(children)
