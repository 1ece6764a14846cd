"""Each directive gives the same doctree from reStructuredText and from MyST Markdown.

The root ``test-basic`` has, for every directive, a page ``rst/<directive>.rst`` and a
page ``myst/<directive>.md`` with the same directive calls and options. Both pages are
checked against ONE regression file per directive (``test_snippets/snippet_<directive>.xml``),
so a difference between the syntaxes, or any change of the output, shows as a diff.
Regenerate with ``pytest tests/test_snippets.py --force-regen`` and read the diff.
"""

from __future__ import annotations

import pytest
from docutils import nodes
from support import expanded_doctree, root_build, section_content

DIRECTIVES = ["profile", "publication-list", "experience", "education", "projects", "news"]
SYNTAXES = {"rst": "reStructuredText", "myst": "MyST"}


basic_app = root_build("basic")


@pytest.mark.parametrize("syntax", list(SYNTAXES))
@pytest.mark.parametrize("directive", DIRECTIVES)
def test_snippet_matches_shared_regression_file(basic_app, directive, syntax, file_regression):
    content = section_content(basic_app, f"{syntax}/{directive}")
    assert "sp-block" in content, f"the {directive} directive rendered nothing"
    file_regression.check(
        content, basename=f"snippet_{directive}", extension=".xml", encoding="utf-8"
    )


@pytest.mark.parametrize("syntax", list(SYNTAXES))
def test_stored_doctree_keeps_each_list_as_one_placeholder(basic_app, syntax, file_regression):
    """The tree Sphinx pickles: the lists as placeholders, their markup, their search text."""
    content = section_content(basic_app, f"{syntax}/publication-list", expanded=False)
    assert "<sp_markup>" in content and "[list_item classes='sp-pub']" in content
    assert "sp-pub-title" not in content.split("[")[0], "the stored tree holds list nodes"
    file_regression.check(
        content, basename="stored_publication-list", extension=".xml", encoding="utf-8"
    )


@pytest.mark.parametrize("directive", DIRECTIVES)
def test_rst_and_myst_give_the_same_doctree(basic_app, directive):
    rst = section_content(basic_app, f"rst/{directive}")
    myst = section_content(basic_app, f"myst/{directive}")
    assert rst == myst


# -- what the regression files must contain, spelled out -----------------------------


def _doctree(app, docname):
    return expanded_doctree(app, docname)


@pytest.mark.parametrize("syntax", list(SYNTAXES))
def test_profile_name_and_aliases_are_highlighted(basic_app, syntax):
    doctree = _doctree(basic_app, f"{syntax}/publication-list")
    highlighted = {
        node.astext() for node in doctree.findall(nodes.strong) if "sp-me" in node["classes"]
    }
    # the name, the alias "A. Lovelace", and "Lovelace, Ada" (the "Last, First" form)
    assert highlighted == {"Ada Lovelace", "A. Lovelace", "Lovelace, Ada"}
    authors = [
        paragraph
        for paragraph in doctree.findall(nodes.paragraph)
        if "sp-pub-authors" in paragraph["classes"]
    ]
    assert any("Mary Somerville" in paragraph.astext() for paragraph in authors)
    # The other names are plain text: not emphasised.
    strong = {node.astext() for paragraph in authors for node in paragraph.findall(nodes.strong)}
    assert "Mary Somerville" not in strong


@pytest.mark.parametrize("syntax", list(SYNTAXES))
def test_topic_groups_follow_group_order_and_share_entries(basic_app, syntax):
    from sphinx_profile.output.nodes import sp_heading

    doctree = _doctree(basic_app, f"{syntax}/publication-list")
    first_list = next(
        node
        for node in doctree.findall(nodes.container)
        if "sp-publications-block" in node["classes"]
    )
    headings = [child.astext() for child in first_list.children if isinstance(child, sp_heading)]
    # ':group-order: Mathematics, Engines', then the others, undated/untopical last
    assert headings == ["Mathematics", "Engines", "Philosophy", "Other"]
    lists = [child for child in first_list.children if isinstance(child, nodes.bullet_list)]
    titles = [
        [item.next_node(nodes.paragraph).astext() for item in group.children] for group in lists
    ]
    # "Sketch of the Analytical Engine" has the topics Engines and Mathematics: in both
    assert "Sketch of the Analytical Engine" in titles[0]
    assert "Sketch of the Analytical Engine" in titles[1]
    # sorted newest first inside a group
    assert titles[0] == ["Computing Bernoulli Numbers", "Sketch of the Analytical Engine"]
    # within one list, each anchor is given once
    ids = [
        id_
        for group in lists
        for node in group.findall(nodes.Element)
        for id_ in node["ids"]
        if id_.startswith("pub-")
    ]
    assert sorted(ids) == ["pub-bernoulli", "pub-engine", "pub-loom", "pub-poetical", "pub-undated"]


@pytest.mark.parametrize("syntax", list(SYNTAXES))
def test_group_headings_are_not_sections(basic_app, syntax):
    docname = f"{syntax}/publication-list"
    doctree = _doctree(basic_app, docname)
    section_titles = [node.astext() for node in doctree.findall(nodes.title)]
    assert section_titles == ["Publications"]
    toc = basic_app.env.tocs[docname].astext()
    assert "Publications" in toc
    for heading in ("Mathematics", "Engines", "Journal articles", "2021"):
        assert heading not in toc
