# ruff: noqa: RUF001 (typographic quotes and dashes are what this file tests)
"""Data text gets Sphinx's smart quotes, dashes and ellipses, as the rest of a page does.

Lists are kept as markup, not nodes, so Sphinx's SmartQuotes transform does not see
them; ``MarkupSmartQuotes`` applies the same rules. Compared here with the same
words written in the page itself, which Sphinx educates.
"""

from __future__ import annotations

import json

import pytest
from sphinx.testing.util import SphinxTestApp
from support import build_site, data_site, warnings_of

TITLE = '"Don\'t stop" -- a study... of `quotes`'
DATA = f"""\
- id: quoted
  title: {json.dumps(TITLE)}
  authors: ["Seán O'Brien"]
  venue: Journal of "Things"
  year: 2024
  note: "It's *really* `code's` text -- kept"
"""
PAGE = f"""\
Page
====

{TITLE.replace("`", "")}

.. publication-list::
   :style: full
"""


def build(tmp_path, buildername: str, **conf: object) -> SphinxTestApp:
    srcdir = data_site(tmp_path / buildername, {"data/publications.yaml": DATA, "index.rst": PAGE})
    app = build_site(srcdir, buildername, confoverrides=conf)
    assert app.statuscode == 0
    assert warnings_of(app) == ""
    return app


def test_html_titles_get_curly_quotes_dashes_and_ellipses(tmp_path):
    app = build(tmp_path, "html")
    html = (app.outdir / "index.html").read_text("utf-8")
    # The page's own paragraph, educated by Sphinx, and the title from the data, alike.
    assert html.count("“Don’t stop” – a study…") == 2
    assert "Seán O’Brien" in html
    assert "Journal of “Things”" in html
    # Inline code keeps its straight apostrophe; the text around it is educated.
    assert "It’s" in html and "code's" in html and "text – kept" in html


def test_latex_gets_them_too(tmp_path):
    app = build(tmp_path, "latex")
    latex = next(app.outdir.glob("*.tex")).read_text("utf-8")
    # Sphinx's LaTeX writer spells the en dash as a command.
    assert latex.count("“Don’t stop” \\textendash{} a study…") == 2


def test_text_builder_keeps_straight_quotes_as_sphinx_does(tmp_path):
    # smartquotes_excludes leaves the text and man builders alone by default.
    app = build(tmp_path, "text")
    text = (app.outdir / "index.txt").read_text("utf-8")
    assert text.count('"Don\'t stop" -- a study...') == 2


def test_smartquotes_off_keeps_the_data_as_written(tmp_path):
    app = build(tmp_path, "html", smartquotes=False)
    html = (app.outdir / "index.html").read_text("utf-8")
    assert "&quot;Don't stop&quot; -- a study..." in html


@pytest.mark.parametrize(
    ("written", "educated_text"),
    [
        ("Proceedings of AAAI '98", "Proceedings of AAAI ’98"),  # a year's apostrophe
        ("in the '80s", "in the ’80s"),
        ("the '98' edition", "the ‘98’ edition"),  # a quoted number stays quoted
        ("'Quoted' text", "‘Quoted’ text"),
    ],
)
def test_apostrophe_before_a_two_digit_year(written, educated_text):
    from sphinx_profile.render.smartquotes import educated

    block = ("paragraph", (written,), (), None)
    assert educated(block, "qDe", "en") == ("paragraph", (educated_text,), (), None)
    # without quote education ("De"), the apostrophe stays as written
    assert educated(block, "De", "en") == block
