"""BibTeX as a source of publications, from the files people really export.

The root ``test-bibtex`` holds a Google Scholar export (``scholar.bib``), a Zotero
export (``zotero.bib``, with one BibLaTeX-style entry from Better BibLaTeX), an
al-folio ``papers.bib`` (``alfolio.bib``, with its custom fields and front matter)
plus a YAML overlay, a 40-author entry (``large.bib``), entries with problems
(``problems.bib``) and a syntax error (``broken.bib``). The first half of this
module reads the files without Sphinx; the second half builds the pages.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import Tag
from support import ROOTS, html_page, root_build, warnings_of
from support import publication_block as block
from support import publication_entry as entry

from sphinx_profile.data.bibtex import MISSING_PYBTEX, parse_bibtex
from sphinx_profile.data.issues import Subtype
from sphinx_profile.data.loader import DataFileError
from sphinx_profile.data.models import Publication, PublicationOverlay
from sphinx_profile.data.overlay import apply_overlay
from sphinx_profile.data.store import load_data_file
from sphinx_profile.data.validate import validate_document

DATA = ROOTS / "test-bibtex" / "data"


def read(name: str):
    """(records by id, [(message, line)]) of a .bib file of the test root."""
    loaded = load_data_file(DATA / name, "publications")
    records = {record.id: record for record in loaded.records}
    return records, [(issue.message, issue.line) for issue in loaded.issues]


def read_text(text: str):
    document = parse_bibtex(textwrap.dedent(text))
    result = validate_document(document, "publications")
    records = {record.id: record for record in result.records}
    return records, [(issue.message, issue.line) for issue in result.issues]


def names(publication: Publication) -> list[str]:
    return [author.name for author in publication.authors]


def links(publication: Publication) -> list[tuple[str, str]]:
    return [(link.label, link.url) for link in publication.links]


def line_of(name: str, text: str) -> int:
    """The 1-based line of the first line of a .bib file that contains ``text``."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


# -- Google Scholar --------------------------------------------------------------------


def test_google_scholar_export():
    records, issues = read("scholar.bib")
    assert issues == []
    assert list(records) == [
        "zhao2024real",
        "zhao2024autochunk",
        "cheng2022fastfold",
        "zhao2023hetegen",
    ]
    real = records["zhao2024real"]
    assert real.title == "Real-Time Video Generation with Pyramid Attention Broadcast"
    # "Last, First" names become "First Last"
    assert names(real) == ["Xuanlei Zhao", "Xiaolong Jin", "Kai Wang", "Yang You"]
    # Scholar writes arXiv papers as articles in the journal "arXiv preprint arXiv:<id>"
    assert (real.type, real.arxiv, str(real.date)) == ("preprint", "2408.12588", "2024")
    autochunk = records["zhao2024autochunk"]
    assert autochunk.type == "conference"
    assert autochunk.venue == "The Twelfth International Conference on Learning Representations"
    # "and others" is shown as "et al."
    assert names(autochunk)[-1] == "et al."
    # protective braces disappear
    assert records["cheng2022fastfold"].title == (
        "FastFold: Reducing AlphaFold Training Time from 11 Days to 67 Hours"
    )
    # @misc with eprint and archivePrefix = arXiv
    hetegen = records["zhao2023hetegen"]
    assert (hetegen.type, hetegen.arxiv) == ("preprint", "2403.01164")


# -- Zotero ----------------------------------------------------------------------------


def test_zotero_export():
    records, issues = read("zotero.bib")
    assert issues == []
    paper = records["muller_efficient_2023"]
    assert paper.title == "Efficient Video Diffusion with Sparse Attention"
    assert names(paper)[:2] == ["Jürgen Müller", "Renée Dupont"]
    assert paper.venue == "Journal of Video Models"
    assert (paper.type, str(paper.date)) == ("journal", "2023-05")  # month = may
    assert paper.doi == "10.1234/jvm.2023.0042"
    assert links(paper) == [("paper", "https://example.org/papers/sparse-video")]
    assert paper.abstract == "We make video diffusion models faster by attending to fewer tokens."
    # keywords separated by commas and semicolons
    assert paper.tags == ["Computer Science - Machine Learning", "efficiency", "video"]
    workshop = records["hansen_scandinavian_2022"]
    assert names(workshop) == ["Søren Hansen", "Jürgen Müller"]  # {\o}
    assert (workshop.type, str(workshop.date)) == ("workshop", "2022-06")
    assert workshop.venue == "Proceedings of the Nordic Workshop on Language Benchmarks"


def test_zotero_cedilla_with_a_space():
    records, _ = read("zotero.bib")
    assert names(records["muller_efficient_2023"])[2] == "François Garçon"


def test_biblatex_date_and_journaltitle():
    records, _ = read("zotero.bib")
    paper = records["muller_biblatex_2023"]
    assert paper.venue == "Transactions on Machine Learning Research"
    assert str(paper.date) == "2023-05-12"


def test_biblatex_eprint_is_read():
    records, _ = read("zotero.bib")
    paper = records["muller_biblatex_2023"]
    assert (paper.title, paper.arxiv, paper.type) == (
        "Pruning Tokens in Video Transformers",
        "2305.01234",
        "preprint",
    )


# -- al-folio --------------------------------------------------------------------------


def test_alfolio_custom_fields():
    records, issues = read("alfolio.bib")
    assert issues == []  # front matter, @string, bibtex_show, altmetric… are no problem
    epr = records["PhysRev.47.777"]
    assert epr.venue_short == "PhysRev"  # abbr
    assert epr.selected is True
    assert epr.award == "Best paper of the century"
    assert epr.doi == "10.1103/PhysRev.47.777"
    assert (epr.type, str(epr.date)) == ("journal", "1935-05")
    assert links(epr) == [
        ("paper", "http://link.aps.org/doi/10.1103/PhysRev.47.777"),
        ("html", "https://journals.aps.org/pr/abstract/10.1103/PhysRev.47.777"),
        ("pdf", "https://example.org/example_pdf.pdf"),
        ("code", "https://github.com/example/epr"),
        ("blog", "https://example.org/blog/epr"),
        ("video", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("poster", "https://example.org/epr-poster.pdf"),
        ("website", "https://example.org/epr"),
    ]
    # "Einstein*" in the author field: equal contribution
    assert [(author.name, author.equal) for author in epr.authors] == [
        ("A. Einstein", True),
        ("B. Podolsky", True),
        ("N. Rosen", True),
    ]
    assert records["muller2021latex"].selected is False
    assert records["einstein1950meaning"].selected is False  # no selected field


def test_latex_becomes_unicode():
    records, _ = read("alfolio.bib")
    paper = records["muller2021latex"]
    # {BERT}, --, {\"U}, {\"\i}, {\'e}
    assert paper.title == "BERT–Style Pre-Training for Über-Fast Naïve Café Models"  # noqa: RUF001
    # {\"u}, {\'e}, Unicode as is, {\o} and {\O}; $^\dagger$ marks the corresponding author
    assert names(paper) == ["Jürgen Müller", "Renée Dupont", "François Garçon", "Øystein Smørgrav"]
    assert [author.corresponding for author in paper.authors] == [True, False, False, False]
    assert (paper.venue_short, paper.type, str(paper.date)) == ("NeurIPS", "conference", "2021-12")
    assert paper.tags == ["pre-training", "efficiency"]


def test_each_entry_keeps_its_original_text():
    records, _ = read("alfolio.bib")
    text = (DATA / "alfolio.bib").read_text(encoding="utf-8")
    for record in records.values():
        assert record.bibtex is not None
        assert record.bibtex in text
        assert record.bibtex.startswith(("@article{" + record.id, "@inproceedings{" + record.id))
        assert record.bibtex.endswith("}")
    epr = records["PhysRev.47.777"].bibtex
    assert "  abbr={PhysRev},\n" in epr and "selected={true}" in epr
    assert "einstein1950meaning" not in epr


def test_entries_know_their_line():
    for name in ("scholar.bib", "zotero.bib", "alfolio.bib", "large.bib"):
        records, _ = read(name)
        for record in records.values():
            assert record.line == line_of(name, "{" + record.id + ","), (name, record.id)


def test_forty_authors():
    records, _ = read("large.bib")
    authors = names(records["consortium2024large"])
    assert len(authors) == 40
    assert authors[0] == "Ada Abel" and authors[-1] == "Jack Noble"
    assert authors[27] == "Jürgen Müller"


# -- problems --------------------------------------------------------------------------


def test_missing_fields():
    records, issues = read("problems.bib")
    # no year: kept, undated
    assert records["no_year"].when is None
    # no title: left out, with the line of its entry
    assert "no_title" not in records
    assert (
        "entry left out: missing required key 'title'",
        line_of("problems.bib", "@article{no_title"),
    ) in issues


def test_duplicate_field_warns_at_its_entry_and_keeps_the_first_value():
    records, issues = read("problems.bib")
    assert (
        "BibTeX: entry with key duplicate_field has a duplicate year field",
        line_of("problems.bib", "@article{duplicate_field"),
    ) in issues
    assert str(records["duplicate_field"].date) == "2018"
    assert "still_fine" in records
    assert len(issues) == 2


def test_syntax_error_costs_only_its_entry():
    records, issues = read("broken.bib")
    # the comma is missing at the end of the title: pybtex stops on the next line
    line = line_of("broken.bib", "title={A Paper With a Missing Comma}") + 1
    assert issues == [(f"BibTeX: syntax error in line {line}: '}}' expected", line)]
    assert list(records) == ["good_before", "missing_comma", "good_after"]
    assert records["missing_comma"].authors == []  # lost after the missing comma


def test_invalid_value_is_reported_at_its_field():
    _, issues = read_text(
        """\
        @article{bad_year,
          title={A Title},
          year={twenty twenty}
        }
        """
    )
    assert len(issues) == 1
    message, line = issues[0]
    assert line == 3 and "twenty twenty" in message


def test_bib_file_holds_only_publications(tmp_path):
    path = tmp_path / "news.bib"
    path.write_text("@misc{a, title={A}}\n", encoding="utf-8")
    loaded = load_data_file(path, "news")
    assert [issue.message for issue in loaded.issues] == [
        "a .bib file can only hold publications, not news"
    ]


# -- the field mapping -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("@phdthesis{x, title={T}, school={MIT}, year=2019}", ("thesis", "MIT")),
        ("@mastersthesis{x, title={T}, school={ETH}, year=2019}", ("thesis", "ETH")),
        ("@techreport{x, title={T}, institution={Lab}, year=2018}", ("report", "Lab")),
        ("@book{x, title={T}, publisher={Press}, year=2018}", ("book", "Press")),
        ("@incollection{x, title={T}, booktitle={Essays}, year=2018}", ("chapter", "Essays")),
        ("@inproceedings{x, title={T}, booktitle={Workshop on X}}", ("workshop", "Workshop on X")),
        ("@unpublished{x, title={T}, note={In preparation}}", ("preprint", None)),
        ("@online{x, title={T}, eprint={2101.00002}, eprinttype={arXiv}}", ("preprint", None)),
        (
            "@article{x, title={T}, journal={Nature}, eprint={2101.00003}, archiveprefix={arXiv}}",
            ("journal", "Nature"),
        ),
        ("@patent{x, title={T}}", ("patent", None)),
        ("@misc{x, title={T}, howpublished={web}}", ("other", "web")),
    ],
)
def test_entry_type_and_venue(entry, expected):
    records, issues = read_text(entry)
    assert issues == []
    assert (records["x"].type, records["x"].venue) == expected


@pytest.mark.parametrize(
    ("fields", "date"),
    [
        ("year={2020}", "2020"),
        ("year={2020}, month={5}", "2020-05"),
        ("year={2020}, month=sep", "2020-09"),
        ("year={2020}, month={September}", "2020-09"),
        ("year={2020}, month={Sept.}", "2020-09"),
        ("year={2020}, month={13}", "2020"),
    ],
)
def test_year_and_month(fields, date):
    records, _ = read_text(f"@article{{x, title={{T}}, {fields}}}")
    assert str(records["x"].date) == date


def test_a_month_that_is_not_one_is_reported_at_its_line():
    records, issues = read_text("@article{x,\n  title={T},\n  year={2020},\n  month={Spring}\n}")
    assert str(records["x"].date) == "2020"
    assert issues == [("month 'Spring' is not a month: the year alone is shown", 4)]


def test_arxiv_field_and_note():
    records, _ = read_text("@misc{x, title={T}, arxiv={2101.00001}, note={10\\% {\\'e}t{\\'e}}}")
    assert records["x"].arxiv == "2101.00001"
    assert records["x"].note == "10% été"


def test_math_and_escapes_in_titles():
    records, _ = read_text(r"@misc{x, title={$\alpha$-Fair Caching: {A} \& {B} at 10\%}}")
    assert records["x"].title == "α-Fair Caching: A & B at 10%"  # noqa: RUF001


def test_formatting_commands_in_titles():
    records, _ = read_text(
        r"@misc{x, title={\textit{In vivo} Tests of {\em Careful} \textbf{Bold} \emph{Ideas}}}"
    )
    assert records["x"].title == "In vivo Tests of Careful Bold Ideas"


def test_missing_pybtex_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pybtex", None)
    with pytest.raises(DataFileError) as raised:
        parse_bibtex("@misc{a, title={A}}")
    assert raised.value.subtype is Subtype.DEPENDENCY
    assert "pip install 'sphinx-profile[bibtex]'" in raised.value.message
    assert raised.value.message == MISSING_PYBTEX


# -- overlay ---------------------------------------------------------------------------


def test_overlay_merges_lists_replaces_fields_and_returns_the_unmatched():
    publication = Publication.model_validate(
        {
            "id": "p",
            "title": "T",
            "topics": ["A"],
            "tags": ["x"],
            "role": "first author",
            "links": {"Code": "https://example.org/old", "paper": "https://example.org/p"},
        }
    )
    overlays = [
        PublicationOverlay.model_validate(
            {
                "id": "p",
                "topics": ["B", "A"],
                "tags": ["y"],
                "role": "co-first author",
                "links": {"code": "https://example.org/new"},
            }
        ),
        PublicationOverlay.model_validate({"id": "nothing", "topics": ["C"]}),
    ]
    merged, unmatched = apply_overlay([publication], overlays)
    assert merged[0].topics == ["A", "B"]
    assert merged[0].tags == ["x", "y"]
    assert merged[0].role == "co-first author"
    # a label already present (whatever its case) is replaced
    assert links(merged[0]) == [
        ("code", "https://example.org/new"),
        ("paper", "https://example.org/p"),
    ]
    assert [overlay.id for overlay in unmatched] == ["nothing"]


# -- built pages -----------------------------------------------------------------------


html = root_build("bibtex")


text = root_build("bibtex", "text")


latex = root_build("bibtex", "latex", read="testbibtex.tex")


def titles(tag: Tag) -> list[str]:
    return [title.get_text(strip=True) for title in tag.select("p.sp-pub-title")]


def test_the_warnings_of_the_build(html):
    warnings = warnings_of(html)
    lines = [line for line in warnings.splitlines() if "WARNING" in line]
    expected = [
        r"alfolio-overlay\.yaml:20: WARNING: overlay id 'not-in-the-bib-file' matches no "
        r"publication of alfolio\.bib \[profile\.data\]",
        r"problems\.bib:14: WARNING: BibTeX: entry with key duplicate_field has a duplicate "
        r"year field \[profile\.data\]",
        r"problems\.bib:8: WARNING: entry left out: missing required key 'title' "
        r"\[profile\.data\]",
        r"broken\.bib:9: WARNING: BibTeX: syntax error in line 9: '}' expected \[profile\.data\]",
        # no Google Scholar link in the profile: the citation link cannot be made
        r"alfolio\.bib:43: WARNING: field 'google_scholar_id' is not shown: the profile has "
        r"no Google Scholar link .* \[profile\.not-shown\]",
    ]
    for pattern in expected:
        assert any(re.search(pattern, line) for line in lines), pattern
    # the broken entry's text cannot be highlighted as BibTeX: Pygments says so
    others = [line for line in lines if not any(re.search(p, line) for p in expected)]
    assert all("highlighting_failure" in line for line in others), others


def test_an_unmatched_overlay_id_is_reported_once(html):
    assert warnings_of(html).count("not-in-the-bib-file") == 1


def test_google_scholar_page(html):
    item = entry(html, "scholar", "zhao2024autochunk")
    # profile_highlight = ["Xuanlei Zhao"] finds "Zhao, Xuanlei"
    assert [tag.get_text() for tag in item.select("strong.sp-me")] == ["Xuanlei Zhao"]
    assert item.select_one("p.sp-pub-authors").get_text().endswith(", Jiarui Fang, et al.")
    real = entry(html, "scholar", "zhao2024real")
    assert [(a.get_text(), a["href"]) for a in real.select("a.sp-link")] == [
        ("arXiv", "https://arxiv.org/abs/2408.12588")
    ]


def test_zotero_page_in_myst(html):
    paper = entry(html, "zotero", "muller-efficient-2023")
    assert paper.select_one("strong.sp-me").get_text() == "Jürgen Müller"
    assert [(a.get_text(), a["href"]) for a in paper.select("a.sp-link")] == [
        ("paper", "https://example.org/papers/sparse-video"),
        ("DOI", "https://doi.org/10.1234/jvm.2023.0042"),
    ]
    assert "fewer tokens" in paper.select_one("details.sp-abstract").get_text()
    # the url already is the DOI's: no second link
    workshop = entry(html, "zotero", "hansen-scandinavian-2022")
    assert [a.get_text() for a in workshop.select("a.sp-link")] == ["paper"]


def test_bibtex_toggle_shows_the_entry_as_written_without_internal_fields(html):
    item = entry(html, "alfolio", "physrev-47-777")
    code = item.select_one("details.sp-bibtex pre").get_text()
    records, _ = read("alfolio.bib")
    written = records["PhysRev.47.777"].bibtex.splitlines()
    # al-folio's display keys are left out, as al-folio's own BibTeX view does
    hidden = ("abbr=", "abstract=", "html=", "pdf=", "google_scholar_id=", "selected=", "award=")
    assert code.rstrip("\n").splitlines() == [
        line
        for line in written
        if not line.strip().startswith(hidden)
        and not line.strip().startswith(("code=", "blog=", "video=", "poster=", "website="))
        and not line.strip().startswith("altmetric=")
    ]
    assert "doi={10.1103/PhysRev.47.777}," in code and "dimensions={true}," in code


def test_alfolio_page_with_overlay(html):
    listing = block(html, "alfolio", "overlaid")
    einstein = listing.select(".sp-pub")[0]
    venue = einstein.select_one("p.sp-pub-venue")
    badge = venue.select_one(".sp-venue")
    assert badge.get_text() == "AJP 1950"  # the overlay's venue_short replaces abbr
    assert "sp-type-book" in badge["class"]  # and its type the entry type
    assert venue.select_one(".sp-award").get_text() == "Most cited"
    assert venue.select_one(".sp-role").get_text() == "sole author"
    assert einstein.select_one("p.sp-pub-note").get_text() == "Reprinted in Collected Papers."
    assert "Four lectures" in einstein.select_one("details.sp-abstract").get_text()
    assert [a["href"] for a in einstein.select("a.sp-link")] == [
        "https://example.org/relativity-slides"
    ]
    epr = listing.select(".sp-pub")[1]
    code = [a["href"] for a in epr.select("a.sp-link") if a.get_text() == "code"]
    assert code == ["https://github.com/example/epr-v2"]  # replaced, not added
    # 8 links, then the citation pages of altmetric={248277} and dimensions={true} (the DOI's)
    assert [a["href"] for a in epr.select("a.sp-link")][8:] == [
        "https://www.altmetric.com/details/248277",
        "https://badge.dimensions.ai/details/doi/10.1103/PhysRev.47.777",
    ]


def test_overlay_topics_group_and_selected_filter(html):
    grouped = block(html, "alfolio", "topics")
    headings = [tag.get_text() for tag in grouped.select(".sp-group-heading")]
    assert headings == ["Relativity", "Quantum", "Other"]
    lists = grouped.select("ul.sp-publications")
    assert titles(lists[0]) == [
        "The meaning of relativity",
        "Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?",
    ]
    assert titles(lists[1]) == [
        "Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?"
    ]
    # selected: true from the overlay, selected={true} from the .bib
    assert titles(block(html, "alfolio", "selected-overlaid")) == [
        "The meaning of relativity",
        "Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?",
    ]
    assert titles(block(html, "alfolio", "selected-plain")) == [
        "Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?"
    ]


def test_accents_and_marks_on_the_page(html):
    item = entry(html, "alfolio", "muller2021latex")
    assert titles(item) == ["BERT–Style Pre-Training for Über-Fast Naïve Café Models"]  # noqa: RUF001
    authors = item.select_one("p.sp-pub-authors").get_text()
    assert authors == "Jürgen Müller†, Renée Dupont, François Garçon, Øystein Smørgrav"
    assert item.select_one("strong.sp-me + sup.sp-mark").get_text() == "†"
    legend = block(html, "alfolio", "overlaid").select_one("p.sp-legend").get_text()
    assert legend == "* Equal contribution; † Corresponding author"


def test_forty_authors_truncated_in_html(html):
    item = entry(html, "large", "consortium2024large")
    summary = item.select_one("details.sp-authors summary")
    # profile_max_authors = 10: nine names, then the person at place 28
    assert (
        summary.select_one(".sp-authors-short")
        .get_text()
        .endswith("Hugo Hill, Iris Irwin, … Jürgen Müller")
    )
    assert summary.select_one(".sp-more").get_text() == " and 30 more"
    full_list = item.select_one("details.sp-authors p.sp-pub-authors").get_text()
    assert len(full_list.split(", ")) == 40


def test_forty_authors_in_full_in_text_and_latex(text, latex):
    output = " ".join((text.outdir / "large.txt").read_text(encoding="utf-8").split())
    assert "Gia Adams, **Jürgen Müller**, Iris Cole" in output
    assert output.count(", ") >= 39
    assert "more" not in output
    assert r"\sphinxstylestrong{Jürgen Müller}, Iris Cole" in latex
    assert "and 30 more" not in latex


def test_problems_page_shows_what_is_valid_and_goes_on(html):
    assert titles(block(html, "problems", "problems")) == [
        "A Paper Without a Year",
        "A Paper With Two Years",
        "A Fine Paper After the Problems",
    ]
    assert titles(block(html, "problems", "broken")) == [
        "A Paper Before the Error",
        "A Paper With a Missing Comma",
        "A Paper After the Error",
    ]
    body = html_page(html, "problems")
    assert "The page goes on after the broken file." in body.get_text()
    assert titles(block(html, "problems", "after")) == [
        "Real-Time Video Generation with Pyramid Attention Broadcast"
    ]


def test_references_to_bibtex_keys(html):
    hrefs = [a["href"] for a in html_page(html, "refs").select("a.reference.internal")]
    # anchors are made of the key like any HTML id: lower case, '.' and '_' become '-'
    assert hrefs == [
        "scholar.html#pub-zhao2024real",
        "alfolio.html#pub-physrev-47-777",
        "zotero.html#pub-muller-efficient-2023",
    ]


def test_latex_build_keeps_accents(latex):
    assert r"BERT\textendash{}Style Pre\sphinxhyphen{}Training for Über\sphinxhyphen{}Fast" in latex
    assert "Naïve Café Models" in latex
    assert "Øystein Smørgrav" in latex


def test_missing_pybtex_warns_and_the_build_goes_on(make_app, private_root, monkeypatch):
    monkeypatch.setitem(sys.modules, "pybtex", None)
    srcdir = private_root("bibtex")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = warnings_of(app)
    for name in ("scholar", "zotero", "alfolio", "large", "problems", "broken"):
        pattern = (
            rf"{re.escape(str(Path(srcdir) / 'data' / name))}\.bib:1: WARNING: reading \.bib "
            r"files needs pybtex: pip install 'sphinx-profile\[bibtex\]' \[profile\.dependency\]"
        )
        assert re.search(pattern, warnings), (name, warnings)
    assert app.statuscode == 0
    assert "The page goes on" in (app.outdir / "problems.html").read_text(encoding="utf-8")
