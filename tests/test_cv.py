"""The CV: the same data as the site, through LaTeX to a PDF, and as plain text.

The LaTeX and text checks need only Sphinx. The PDF checks compile with latexmk
and read the result with poppler's pdftotext and pdfinfo; they are skipped, with
the packages to install, where those programs are missing (CI installs them).
"""

# Dates are joined by an en dash, and the Chinese CV has Chinese punctuation.
# ruff: noqa: RUF001

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support import REPO, build_site, compile_pdf, copy_demo, needs_tex, pdf_text, root_build

THIN = "\N{THIN SPACE}"


def pdf_urls(pdf: Path) -> set[str]:
    listing = subprocess.run(
        ["pdfinfo", "-url", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return {line.split()[-1] for line in listing.splitlines()[1:] if line.strip()}


def right_edges(pdf: Path, words: list[str]) -> list[float]:
    """Where each of ``words`` ends on the page (points from the left), first match each."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" [^>]*>([^<]+)<', boxes)
    edges = []
    for word in words:
        edges.append(next(float(x_max) for x_max, text in found if text == word))
    return edges


# -- LaTeX source -------------------------------------------------------------------------


latex = root_build("cv", "latex")


@pytest.fixture(scope="module")
def tex(latex) -> str:
    return (latex.outdir / "cv.tex").read_text(encoding="utf-8")


def test_the_cv_is_its_own_howto_document_with_the_package(latex, tex):
    assert r"\documentclass[a4paper,10pt,english]{sphinxhowto}" in tex
    assert r"\usepackage{sphinxprofile}" in tex
    assert (latex.outdir / "sphinxprofile.sty").is_file()
    assert r"\sphinxmaketitle" not in tex
    assert r"\sphinxtableofcontents" not in tex


def test_dates_end_the_line_they_belong_to(tex):
    dash = THIN + "–" + THIN  # xelatex reads Unicode: Sphinx writes the dash as it is
    assert (
        r"\sphinxstylestrong{\sphinxhref{https://example.org/radium}{Radium Institute}}, "
        rf"\DUrole{{sp-location}}{{Paris}}\sphinxprofiledates{{Jan 1914{dash}Present}}"
    ) in tex
    assert rf"Ph.D. in Physics\sphinxprofiledates{{Oct 1895{dash}Jun 1903}}" in tex
    assert r"\sphinxstylestrong{University of Paris}\sphinxprofiledates{Nov 1906" in tex


def test_highlighted_name_bold_and_links_kept(tex):
    assert r"\sphinxstylestrong{Marie Curie}" in tex
    assert r"\sphinxhref{https://example.org/polonium.pdf}{paper}" in tex
    assert r"\sphinxhref{mailto:marie@example.org}{Email}" in tex


def test_no_html_only_remnants(latex, tex):
    for html_only in ("Hidden BibTeX", "A hidden abstract", "and 2 more", "Copy", "details"):
        assert html_only not in tex
    # the SVG photo cannot go into a PDF: left out, and the log says so
    assert "sphinxincludegraphics" not in tex
    assert "the profile photo avatar.svg is left out of the latex output" in (
        latex.status.getvalue()
    )
    # the long author list is given in full
    assert "Frederick Soddy" in tex


# -- plain text ---------------------------------------------------------------------------


text = root_build("cv", "text", read="index.txt")


def test_plain_text_cv(text):
    dash = THIN + "–" + THIN
    assert "Professor of Physics · University of Paris · Paris" in text
    assert "   Homepage: https://example.org/curie\n   Email: marie@example.org\n" in text
    assert f"* **Radium Institute**, Paris (Jan 1914{dash}Present)" in text
    assert f"  Ph.D. in Physics (Oct 1895{dash}Jun 1903)" in text
    assert "paper: https://example.org/polonium.pdf" in text
    assert "Frederick Soddy" in text


def test_plain_text_cv_has_nothing_for_a_screen(text):
    for remnant in ("[image", "Abstract", "BibTeX", "hidden", "and 2 more", f"*Jan 1914{THIN}"):
        assert remnant not in text


# -- PDF ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf(latex) -> Path:
    return compile_pdf(latex.outdir)


@needs_tex
def test_pdf_reads_as_a_cv(pdf):
    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    assert lines[:3] == [
        "Marie Curie",
        "Professor of Physics · University of Paris · Paris",
        "Homepage · Email",
    ]
    for heading in ("Education", "Experience", "Publications", "Projects"):
        assert heading in lines
    assert any(re.fullmatch(r"Radium Institute, Paris {3,}Jan 1914 ?– ?Present", x) for x in lines)
    assert any(re.fullmatch(r"Ph\.D\. in Physics {3,}Oct 1895 ?– ?Jun 1903", x) for x in lines)
    text = "\n".join(lines)
    assert "Pierre Curie, Gustave Bémont, Ernest Rutherford, Frederick Soddy, Marie Curie" in text
    for html_only in ("Hidden", "hidden", "BibTeX", "Abstract"):
        assert html_only not in text


@needs_tex
def test_pdf_holds_greek_math_cjk_and_accented_titles(pdf):
    """Titles and names as DBLP, Zotero and Scholar exports hold them compile and read right."""
    text = pdf_text(pdf)
    for words in (
        "Σ-Attention over ω-regular paths: 16×16 patches, AC⁰ circuits and x₁² ≤ ∞",
        "居里夫人",
        "Søren Ødegård, Łucja Wąsowska, Zhāng Wěi",
        "Πρακτικά της Ακαδημίας Αθηνών",
    ):
        assert words in " ".join(text.split()), words


@needs_tex
def test_pdf_dates_form_a_column_at_the_right_margin(pdf):
    # the last word of each date range: two experiences, two degrees
    edges = right_edges(pdf, ["Present", "1934", "1903", "1894"])
    assert max(edges) - min(edges) < 0.5
    assert edges[0] > 500  # an A4 page is 595pt wide; the margin is 2cm (57pt)


@needs_tex
def test_pdf_links_are_clickable(pdf):
    assert {
        "https://example.org/curie",
        "mailto:marie@example.org",
        "https://example.org/radium",
        "https://example.org/polonium.pdf",
        "https://example.org/petites-curies",
    } <= pdf_urls(pdf)


@needs_tex
def test_chinese_cv_compiles_with_xelatex(built_root):
    """``language = "zh_CN"``: Sphinx switches to xelatex; the layout and the words hold."""
    app = built_root("cv", "latex", confoverrides={"language": "zh_CN"})
    pdf = compile_pdf(app.outdir)  # the latexmkrc Sphinx writes runs xelatex
    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    # xeCJK puts a little space between Chinese and Latin characters
    assert any(
        re.fullmatch(r"Radium Institute, Paris {3,}1914 ?年 ?1 ?月 ?– ?至今", x) for x in lines
    )
    text = "\n".join(lines)
    for words in ("导师：Gabriel Lippmann", "会议论文", "期刊论文", "同等贡献", "个人主页"):
        assert words in text


# -- the demo's CV ------------------------------------------------------------------------


@needs_tex
def test_demo_cv_compiles(tmp_path):
    """``docs/cv.rst`` as CI builds it: ``-b latex`` with warnings as errors, then latexmk."""
    app = build_site(copy_demo(tmp_path), "latex", builddir=tmp_path / "build", warningiserror=True)
    assert sorted(path.name for path in app.outdir.glob("*.tex")) == ["cv.tex"]
    pdf = compile_pdf(app.outdir)
    lines = [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]
    assert lines[0] == "Xuanlei Zhao"
    assert any(re.fullmatch(r"Ph\.D\. in Computer Science {3,}2024\.01 - now", x) for x in lines)
    assert any(re.fullmatch(r"Colossal-AI {3,}2022\.07 - 2023\.12", x) for x in lines)
    text = "\n".join(lines)
    for words in ("Publications", "AutoChunk", "VideoSys", "Huazhong University"):
        assert words in text
    assert "https://github.com/hpcaitech/ColossalAI" in pdf_urls(pdf)


def test_the_demo_init_sites_and_tests_share_the_latex_setup():
    """The guide's recipe (docs/conf.py, shown on its CV page) is the one ``init`` writes."""
    setup_lines = (
        'latex_engine = "xelatex"',
        r"\usepackage{xeCJK}",
        r'\xeCJKDeclareCharClass{Default}{"00B7, "2010 -> "2027}',
    )
    confs = [
        REPO / "docs" / "conf.py",
        REPO / "sphinx_profile" / "templates" / "init" / "personal" / "conf.py_t",
        REPO / "sphinx_profile" / "templates" / "init" / "lab" / "conf.py_t",
        REPO / "tests" / "roots" / "test-cv" / "conf.py",
    ]
    for conf in confs:
        text = conf.read_text(encoding="utf-8")
        assert all(line in text for line in setup_lines), conf
