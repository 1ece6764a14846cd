# ruff: noqa: RUF001 (typographic apostrophes, Greek letters and superscripts are tested)
"""Real BibTeX, as tools export it, through sphinx-build: what a reader sees.

The root ``test-exports`` holds one file per shape, with their quirks: Google
Scholar (a reused key, ``journal = {arXiv preprint arXiv:…}``, ``AAAI '98``,
``howpublished = {\\url{…}}``), Zotero / Better BibLaTeX (``file``, ``urldate``,
``date``, ``journaltitle``), DBLP (``crossref`` to a ``@proceedings``, ``timestamp``,
``biburl``, math in titles), BibLaTeX (``@xdata``, date ranges), a textbook's
bibliography (years such as ``2023a`` and ``300 {BC}``, math, ``\\index``) and an
al-folio ``papers.bib``. Each is built as HTML, text and LaTeX.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Tag
from support import ROOTS, compile_pdf, html_page, needs_tex, pdf_text, root_build, warnings_of
from support import publication_entry as entry

from sphinx_profile.data.bibtex import parse_bibtex
from sphinx_profile.data.bibtex_source import HIDDEN_FIELDS, visible_bibtex
from sphinx_profile.data.latex import latex_to_text

DATA = ROOTS / "test-exports" / "data"
PAGES = ("scholar", "zotero", "dblp", "biblatex", "textbook", "alfolio")

# Every entry a reader must find, by page: (title, venue, date as shown).
ICML = "International Conference on Machine Learning"
ICML_2023 = f"{ICML}, ICML 2023, 23-29 July 2023, Honolulu, Hawaii, USA"
NLR = "Journal of Number Learning"

# Every entry a reader must find, by page: (title, venue, date as shown).
ENTRIES = {
    "scholar": [
        (
            "Probabilistic movement primitives",
            "Advances in neural information processing systems",
            "2013",
        ),
        (
            "Probabilistic prioritization of movement primitives",
            "IEEE Robotics and Automation Letters",
            "2013",
        ),
        ("Scaling laws for 16×16 patch transformers", "arXiv preprint arXiv:2010.02178", "2020"),
        ("Decision lists revisited", "Proceedings of AAAI ’98", "1998"),
        ("The PatchKit toolkit", None, "2021"),
    ],
    "zotero": [
        ("Attention on p-adic manifolds", NLR, "Mar 4, 2022"),
        ("A preprint with an arXiv identifier", "arXiv", "May 2, 2023"),
        (
            "Small models, large Übersicht",
            "Proceedings of the Workshop on Efficient Learning",
            "Jul 2024",
        ),
    ],
    "dblp": [
        ("Σ-Attention: Summing over ω-Regular Paths", ICML_2023, "2023"),
        ("Circuits in AC⁰ and Transformers", ICML_2023, "2023"),
        ("Decision Making with ELECTRE^GKMS", "CoRR", "2020"),
    ],
    "biblatex": [
        ("Learning to Count with “Fingers”", NLR, "Sep 2021"),
        ("Tones as Features", "Proceedings of the Symposium on Tonal Languages", "Nov 2, 2019"),
    ],
    "textbook": [
        ("LLaMA: Open and Efficient Foundation Language Models", "ArXiv:2302.13971", "2023a"),
        ("A Registered Report on Counting", "Preprint on OSF", "2022"),
        ("Ranking with ELECTRE^GKMS and α-cuts", "Decision Review", "2019"),
        ("Concrete Combinatorics, Volumes I–II", "Example House", "1984/1986"),
        ("The Art of Scheduling", "Example House", "1978/79"),
        ("Elements", None, "300 BC"),
    ],
    "alfolio": [
        ("Patches all the way down", NLR, "2024"),
        ("Counting is all you need", ICML, "Jul 2023"),
    ],
}

# LaTeX a reader must never see outside the BibTeX code.
LEFTOVER_LATEX = re.compile(r"[$\\{}]|\^\{|\bmathrm\b|\bindex\b|\\url|\\href")


html = root_build("exports")


@pytest.fixture(scope="module")
def text(built_root):
    app = built_root("exports", "text")
    assert app.statuscode == 0
    return {name: (app.outdir / f"{name}.txt").read_text(encoding="utf-8") for name in PAGES}


latex = root_build("exports", "latex", read="testexports.tex")


def items(app, name: str) -> list[Tag]:
    return html_page(app, name).select("div.sp-publications-block .sp-pub")


def links(item: Tag) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in item.select("p.sp-pub-links a")]


def reader_text(item: Tag) -> str:
    """What a reader sees of an entry, the BibTeX code left out."""
    copy = BeautifulSoup(str(item), "html.parser")
    for code in copy.select("details.sp-bibtex"):
        code.decompose()
    return copy.get_text(" ")


# -- what the build says -----------------------------------------------------------------


def test_the_warnings_name_the_file_line_and_subtype(html):
    lines = [line for line in warnings_of(html).splitlines() if "WARNING" in line]
    found = {re.sub(r"^.*/data/", "data/", line) for line in lines}
    assert found == {
        "data/scholar.bib:9: WARNING: repeated key 'paraschos2013probabilistic': this entry "
        "is kept as 'paraschos2013probabilistic-2' [profile.duplicate_key]",
        "data/textbook.bib:25: WARNING: year '300 BC' holds no year from 1000 to 9999: shown "
        "as written, and listed with the undated entries [profile.data]",
        "data/textbook.bib:38: WARNING: arxiv 'https://osf.io/abcd3/' is not an arXiv "
        "identifier (such as 2010.02178); shown as a 'preprint' link [profile.data]",
        # al-folio's display fields this site cannot show here
        "data/papers.bib:23: WARNING: field 'google_scholar_id' is not shown: the profile has "
        "no Google Scholar link with your user id "
        "(scholar: https://scholar.google.com/citations?user=…) [profile.not-shown]",
    }
    # each at the line of what it names: the repeated entry itself, the field
    text = (DATA / "scholar.bib").read_text("utf-8").splitlines()
    assert text[8].startswith("@article{paraschos2013probabilistic,")
    textbook = (DATA / "textbook.bib").read_text("utf-8").splitlines()
    assert textbook[24].strip().startswith("year = {300 {BC}}")
    assert textbook[37].strip().startswith("arxiv = ")


def test_the_duplicate_warning_can_be_suppressed(built_root):
    app = built_root(
        "exports", "html", confoverrides={"suppress_warnings": ["profile.duplicate_key"]}
    )
    assert "repeated key" not in warnings_of(app)
    assert "year '300 BC'" in warnings_of(app)


# -- every entry, with its venue and year, in every builder -------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_html_every_entry_with_its_venue_and_date(html, name):
    shown = items(html, name)
    assert [item.select_one("p.sp-pub-title").get_text(strip=True) for item in shown] == [
        title for title, _, _ in ENTRIES[name]
    ]
    for item, (title, venue, date) in zip(shown, ENTRIES[name], strict=True):
        line = item.select_one("p.sp-pub-venue")
        venue_shown = line.select_one("em")
        assert (venue_shown.get_text(" ", strip=True) if venue_shown else None) == venue, title
        assert line.select_one(".sp-date").get_text() == date, title


@pytest.mark.parametrize("name", PAGES)
def test_html_no_latex_outside_the_bibtex_code(html, name):
    for item in items(html, name):
        assert not LEFTOVER_LATEX.search(reader_text(item)), reader_text(item)


@pytest.mark.parametrize("name", PAGES)
def test_text_every_entry_and_no_latex(text, name):
    # the text builder leaves quotes as written (Sphinx educates no plain text)
    flowing = " ".join(text[name].split()).replace("’", "'")
    for title, venue, date in ENTRIES[name]:
        venue = venue.replace("’", "'") if venue else None
        assert title in flowing
        # the place of the event (``location``) may stand between venue and date
        venue_line = re.escape(f"*{venue}*, ") + r"(?:[^*]+, )?" if venue else ""
        assert re.search(venue_line + re.escape(date), flowing), (venue, date)
    assert not LEFTOVER_LATEX.search(text[name].replace("**", "")), text[name]


def test_latex_every_title_as_unicode(latex):
    for entries in ENTRIES.values():
        for title, _, date in entries:
            written = title.replace("-", r"\sphinxhyphen{}").replace("^", r"\textasciicircum{}")
            assert written in latex, title
            assert date in latex
    # nothing of the source's LaTeX reaches the document as escaped text
    for escaped in (r"\$", r"\{", r"\}", r"\textbackslash{}"):
        assert escaped not in latex


@needs_tex
def test_latex_compiles_to_a_pdf_that_reads_right(built_root):
    """Greek, superscripts, accents and the rest of the exports, through xelatex."""
    app = built_root("exports", "latex")
    text = " ".join(pdf_text(compile_pdf(app.outdir, "testexports.tex")).split())
    for entries in ENTRIES.values():
        for title, _, _ in entries:
            assert title.replace("’", "'") in text.replace("’", "'"), title


# -- what each shape needs ----------------------------------------------------------------


def test_scholar_reused_key_keeps_both_papers(html):
    first = entry(html, "scholar", "paraschos2013probabilistic")
    second = entry(html, "scholar", "paraschos2013probabilistic-2")
    assert "Probabilistic movement primitives" in first.get_text()
    assert "Probabilistic prioritization" in second.get_text()
    # each keeps its own BibTeX
    assert "journal={IEEE Robotics" in second.select_one("details.sp-bibtex pre").get_text()


def test_scholar_arxiv_journal_and_howpublished_url_become_links(html):
    assert links(entry(html, "scholar", "oconnor2020scaling")) == [
        ("arXiv", "https://arxiv.org/abs/2010.02178")
    ]
    assert links(entry(html, "scholar", "oconnor2021tool")) == [
        ("paper", "https://example.org/patchkit")
    ]


def test_highlight_matches_either_apostrophe(html):
    # profile_highlight writes O'Connor; the data writes it with U+2019 and with '.
    for name, anchor in (("scholar", "oconnor2020scaling"), ("scholar", "oconnor1998decision")):
        assert entry(html, name, anchor).select_one("strong.sp-me").get_text() in (
            "Sinéad O’Connor",
        )
    assert entry(html, "textbook", "oconnor2022osf").select_one("strong.sp-me") is not None


def test_zotero_file_paths_never_reach_the_page(html):
    for item in items(html, "zotero"):
        code = item.select_one("details.sp-bibtex pre").get_text()
        assert "file =" not in code and "Zotero" not in code and "/Users/" not in code
        assert "author = {O'Connor" in code  # everything else as written
    code = entry(html, "zotero", "oconnor-preprint-2023").select_one("details.sp-bibtex pre")
    assert "\turldate = {2023-06-01},\n\tpublisher" in code.get_text()
    assert "Zotero\\storage" not in (html.outdir / "zotero.html").read_text("utf-8")


def test_dblp_crossref_fills_venue_and_year_and_hides_the_volume(html):
    shown = [item.select_one("p.sp-pub-title").get_text() for item in items(html, "dblp")]
    assert not any(title.startswith("International Conference") for title in shown)
    child = entry(html, "dblp", "dblp-conf-icml-oconnorl23")
    code = child.select_one("details.sp-bibtex pre").get_text()
    # the copied BibTeX compiles: the parent follows the entry
    assert code.index("@inproceedings{DBLP:conf/icml/OConnorL23") < code.index(
        "@proceedings{DBLP:conf/icml/2023"
    )
    # the volume's own url is not the paper's
    assert links(child) == [("paper", "https://proceedings.example.org/v202/oconnor23a.html")]


def test_dblp_corr_is_a_preprint_with_its_arxiv_link(html):
    item = entry(html, "dblp", "dblp-journals-corr-abs-2010-02178")
    assert links(item) == [("paper", "https://arxiv.org/abs/2010.02178")]


def test_textbook_years_sort_and_group_by_their_first_year(html):
    headings = [h.get_text() for h in html_page(html, "textbook").select(".sp-group-heading")]
    assert headings == ["2023", "2022", "2019", "1984", "1978", "Other"]


def test_osf_value_is_a_preprint_link_not_an_arxiv_one(html):
    item = entry(html, "textbook", "oconnor2022osf")
    assert links(item) == [("preprint", "https://osf.io/abcd3/")]
    assert "arxiv.org" not in str(item)


def test_textbook_arxiv_spelling_in_journal(html):
    assert links(entry(html, "textbook", "touvron2023llama")) == [
        ("arXiv", "https://arxiv.org/abs/2302.13971")
    ]


def test_alfolio_internal_keys_are_not_in_the_bibtex(html):
    item = entry(html, "alfolio", "oconnor2024patches")
    code = item.select_one("details.sp-bibtex pre").get_text()
    for hidden in ("bibtex_show", "abbr=", "preview=", "google_scholar_id", "selected=", "file="):
        assert hidden not in code
    assert "doi={10.1000/jnl.2024.1}," in code and "publisher=aps," in code
    assert links(item)[:3] == [
        ("html", "https://example.org/patches"),
        ("pdf", "https://example.org/patches.pdf"),
        ("code", "https://github.com/example/patches"),
    ]


def test_hidden_fields_setting(built_root):
    app = built_root("exports", "html", confoverrides={"profile_bibtex_hidden_fields": ["doi"]})
    code = entry(app, "alfolio", "oconnor2024patches").select_one("details.sp-bibtex pre")
    assert "doi=" not in code.get_text()
    assert "google_scholar_id={qyhmnyLat1gC}," in code.get_text()


# -- the pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"$16\times 16$ patches", "16×16 patches"),
        (r"$p$-adic numbers", "p-adic numbers"),
        (r"ELECTRE$^\mathrm{{GKMS}}$", "ELECTRE^GKMS"),
        (r"AC\({}^{\mbox{0}}\)", "AC⁰"),
        (r"$x_1^2 + O(n^{2})$", "x₁² + O(n²)"),
        (r"$\mathcal{O}(n \log n)$", "𝒪(n log n)"),
        (r"Elements\index{Euclid} of Geometry", "Elements of Geometry"),
        (r"\foo{kept} text \mbox{too}", "kept text too"),
        (r"\url{https://example.org/a_b%20c}", "https://example.org/a_b%20c"),
        (r"see \href{https://example.org}{the site}", "see the site"),
        (r"50% more, 10\% less", "50% more, 10% less"),
        (r"{\"U}ber Na{\"\i}ve Caf{\'e} {\o} -- \LaTeX{}", "Über Naïve Café ø – LaTeX"),
        ("You$^\\dagger$", "You†"),
        ("unbalanced {brace", "unbalanced brace"),
        (r"Counting with \mkbibquote{Fingers}", "Counting with “Fingers”"),
    ],
)
def test_latex_to_text(latex, text):
    assert latex_to_text(latex) == text


def test_href_in_a_title_shows_its_text_and_becomes_a_link():
    records = {
        record["id"]: record
        for record in parse_bibtex(
            r"@misc{a, title={The \href{https://example.org/tool}{Tool} paper}}"
        ).data
    }
    assert records["a"]["title"] == "The Tool paper"
    assert records["a"]["links"] == {"paper": "https://example.org/tool"}


def test_latex_links_as_markdown():
    assert latex_to_text(r"see \href{https://example.org}{the site}", markdown_links=True) == (
        "see [the site](https://example.org)"
    )


def test_visible_bibtex_keeps_everything_else_as_written():
    entry_text = (
        "@article{a,\n  title = {T},\n  file = {C:\\Users\\x.pdf},\n"
        '  abbr={J}, selected = true,\n  note = "a {"} b" # " c",\n  bibtex_show={true}\n}'
    )
    assert visible_bibtex(entry_text, HIDDEN_FIELDS) == (
        '@article{a,\n  title = {T},\n  note = "a {"} b" # " c",\n}'
    )
    assert visible_bibtex(entry_text, []) == entry_text
