"""The inline HTML subset of titles and awards (al-folio), and nested highlights: unit tests.

The build tests (``test_formats.py``) show them in html, text and latex; these
pin down the sanitising: only the subset becomes markup, anything else stays
the text it was, and what is left open is closed.
"""

from __future__ import annotations

import pytest

from sphinx_profile.render.common import split_nested
from sphinx_profile.render.inline_html import html_text, inline_html, with_html
from sphinx_profile.render.markup import element


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No tags at all", ["No tags at all"]),
        ("x < y and a > b", ["x < y and a > b"]),  # no tag: left alone
        ("E=mc<sup>2</sup>", ["E=mc", element("superscript", "2")]),
        ("H<SUB>2</SUB>O", ["H", element("subscript", "2"), "O"]),
        (
            "<i>in vivo</i> and <em>in vitro</em>",
            [element("emphasis", "in vivo"), " and ", element("emphasis", "in vitro")],
        ),
        ("<b>Best</b><br/>Paper", [element("strong", "Best"), element("line_break"), "Paper"]),
        ("<strong>a <i>b</i></strong>", [element("strong", "a ", element("emphasis", "b"))]),
        # left open: closed by the sanitiser
        ("x<sup>2 and more", ["x", element("superscript", "2 and more")]),
        # a stray closing tag: dropped
        ("a</b> b", ["a b"]),
        # anything else is text, as written: tags, attributes, entities
        ("<script>alert(1)</script>", ["<script>alert(1)</script>"]),
        ('<a href="javascript:x">l</a>', ['<a href="javascript:x">l</a>']),
        # a tag of the subset loses its attributes
        ('<b onclick="x()">1</b>', [element("strong", "1")]),
        ("<subtitle>", ["<subtitle>"]),
        ("<sup>&amp;</sup>", [element("superscript", "&amp;")]),
    ],
)
def test_only_the_subset_becomes_markup(text: str, expected: list[object]):
    assert inline_html(text) == expected


def test_markdown_markup_keeps_its_html_subset():
    markdown = ["A ", element("strong", "bold <sup>2</sup>"), ""]
    assert with_html(markdown) == [
        "A ",
        element("strong", "bold ", element("superscript", "2")),
    ]


def test_text_without_the_tags():
    assert html_text("Best<br>Paper on H<sub>2</sub>O <script>") == "Best Paper on H2O <script>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One line", ("One line", [])),
        ("Main\n- a\n- b", ("Main", ["a", "b"])),
        ("Main\ncontinued\n- a\n  more of a\n* b", ("Main continued", ["a more of a", "b"])),
        ("A - B", ("A - B", [])),  # a dash inside a line is not a bullet
    ],
)
def test_nested_bullets_of_a_highlight(text: str, expected: tuple[str, list[str]]):
    assert split_nested(text) == expected
