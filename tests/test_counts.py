"""Co-authors, venues and citation counts from the shared files of the data folder.

``tests/roots/test-counts`` has the files in the shapes al-folio users bring:
``coauthors.yaml`` keyed by last name in lower case, ``venues.yaml`` keyed by
badge text, ``citations.yaml`` keyed by entry id with bare numbers and records;
a Google Scholar ``.bib`` with ``Last, First`` names and accents. Each test
reads the output a reader gets: HTML, LaTeX, plain text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import html_page, root_build

from sphinx_profile.data.citations import h_index, metrics
from sphinx_profile.data.directory import find_venue, venue_index
from sphinx_profile.data.models import Venue

pytestmark = pytest.mark.myst

YOU = "https://www.comp.nus.edu.sg/~youy/"


html = root_build("counts")


def entries(page: BeautifulSoup) -> dict[str, BeautifulSoup]:
    return {
        entry.select_one(".sp-pub-title").get_text(strip=True).split(":")[0]: entry
        for entry in page.select(".sp-pub")
    }


def test_builds_without_warnings(html, get_warnings):
    assert get_warnings(html) == ""


# -- co-authors ------------------------------------------------------------------------


def test_coauthor_names_link_in_yaml_and_bibtex_lists(html):
    found = entries(html_page(html, "index"))
    links = {
        title: {a.get_text(): a["href"] for a in entry.select(".sp-pub-authors a")}
        for title, entry in found.items()
    }
    assert links["Real-Time Video Generation with Pyramid Attention Broadcast"] == {
        "Kai Wang": "https://kaiwang960112.github.io/",
        "Yang You": YOU,
    }
    # An alias ("Y.") with a corresponding-author mark.
    assert links["AutoChunk"] == {"Y. You": YOU}
    # From the .bib: "You, Yang", and "Wáng, Xīnggāng" with its accents.
    assert links["FastFold"] == {"Yang You": YOU}
    assert links["A Paper With An Accented Co-author"] == {
        "Xīnggāng Wáng": "https://xwcv.github.io/"
    }
    # The highlighted name is never a co-author link.
    assert all("Xuanlei Zhao" not in names for names in links.values())


def test_coauthor_links_in_the_myst_page(html):
    found = entries(html_page(html, "myst.html"))
    names = {a.get_text(): a["href"] for a in found["HeteGen"].select("a.sp-coauthor")}
    assert names == {"Yang You": YOU}
    assert found["HeteGen"].select_one(".sp-citations").get_text() == "Cited by 9"


def test_compact_style_shows_the_counts_beside_the_venue(html):
    found = entries(html_page(html, "plain.html"))
    meta = found["AutoChunk"].select_one(".sp-pub-meta")
    assert meta.select_one(".sp-venue a")["href"] == "https://iclr.cc/"


def test_coauthor_link_in_latex(built_root):
    app = built_root("counts", "latex")
    tex = (Path(app.outdir) / "counts.tex").read_text(encoding="utf-8")
    assert r"\sphinxhref{https://www.comp.nus.edu.sg/~youy/}{Yang You}" in tex.replace(
        r"\textasciitilde{}", "~"
    )


# -- venues ------------------------------------------------------------------------------


def test_venue_badges_link_and_take_their_colour(html):
    found = entries(html_page(html, "index"))

    def badge(title: str) -> tuple[str, str | None, str | None]:
        venue = found[title].select_one(".sp-venue")
        link = venue.select_one("a")
        return venue.get_text(), link["href"] if link else None, venue.get("style")

    # "ICLR" of venues.yaml applies to "ICLR 2024": its link and colour.
    assert badge("AutoChunk") == ("ICLR 2024", "https://iclr.cc/", "--sp-badge: #2f6db5")
    # profile_venue_colors names the badge text: it wins over venues.yaml's colour.
    assert badge("HeteGen") == ("MLSys 2024", "https://mlsys.org/", "--sp-badge: #aa0000")
    # venues.yaml gives arXiv no colour: the setting's colour of the type applies.
    assert badge("Real-Time Video Generation with Pyramid Attention Broadcast") == (
        "arXiv",
        "https://arxiv.org/",
        "--sp-badge: #00aa00",
    )
    assert badge("DSP") == ("arXiv", "https://arxiv.org/", None)


def test_venue_full_name_fills_an_entry_without_one(html):
    venue_line = entries(html_page(html, "index"))["HeteGen"].select_one(".sp-pub-venue em")
    assert venue_line.get_text() == "Conference on Machine Learning and Systems"


def test_venue_look_up_by_edition():
    venues = venue_index(
        [Venue(short="ICLR"), Venue(short="NeurIPS"), Venue(short="ICLR 2024", url="https://x")]
    )
    assert find_venue("ICLR 2024", venues).url == "https://x"  # the exact text first
    assert find_venue("iclr'23", venues).short == "ICLR"
    assert find_venue("NeurIPS 2023 (Spotlight)", venues).short == "NeurIPS"
    assert find_venue("ICML 2024", venues) is None
    assert find_venue("arXiv", venues) is None


# -- citations ---------------------------------------------------------------------------


def test_citation_badges_only_where_asked(html):
    found = entries(html_page(html, "index"))
    cited = {title: entry.select_one(".sp-citations") for title, entry in found.items()}
    texts = {title: badge.get_text() if badge else None for title, badge in cited.items()}
    assert texts == {
        "Real-Time Video Generation with Pyramid Attention Broadcast": "Cited by 1,234",
        "AutoChunk": "Cited by 41",
        "HeteGen": "Cited by 9",
        "DSP": None,  # no count in citations.yaml
        "FastFold": "Cited by 120",
        "A Paper With An Accented Co-author": None,
    }
    assert not html_page(html, "plain.html").select(".sp-citations")  # no :citations:


def test_profile_metrics(html):
    metrics_line = html_page(html, "index").select_one(".sp-profile .sp-metrics")
    values = {
        item.contents[0].strip(": "): item.strong.get_text()
        for item in metrics_line.select(".sp-metric")
    }
    assert values == {"Papers": "4", "Citations": "1,284", "h-index": "3", "i10-index": "2"}
    # :metrics: scholar.bib counts that file.
    myst = html_page(html, "myst.html").select_one(".sp-metrics").get_text(" ", strip=True)
    assert myst == "Papers: 2 | Citations: 120 | h-index: 1 | i10-index: 1"


def test_text_output(built_root):
    app = built_root("counts", "text")
    text = (Path(app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "Papers: **4** | Citations: **1,284** | h-index: **3** | i10-index:\n**2**" in text
    assert "[ICLR 2024] [Cited by 41] 2024" in text
    assert "[MLSys 2024] [Cited by 9] *Conference on Machine Learning and\n  Systems*" in text


def test_latex_output(built_root):
    app = built_root("counts", "latex")
    tex = (Path(app.outdir) / "counts.tex").read_text(encoding="utf-8")
    assert r"\sphinxprofilebadge{Cited by 1,234}" in tex
    assert r"h\sphinxhyphen{}index: \sphinxstylestrong{3}" in tex
    assert r"\sphinxhref{https://iclr.cc/}{ICLR 2024}" in tex


def test_metrics_are_google_scholars():
    assert h_index([]) == 0
    assert h_index([10, 8, 5, 4, 3]) == 4
    assert h_index([25, 8, 5, 3, 3]) == 3
    assert h_index([1, 1, 1]) == 1
    result = metrics(7, [10, 9, 120, 0])
    assert (result.papers, result.citations, result.h_index, result.i10_index) == (7, 139, 3, 2)


def test_bad_counts_are_warnings_with_lines(make_app, private_root, get_warnings):
    srcdir = private_root("counts")
    (srcdir / "data" / "citations.yaml").write_text(
        "pab: -3\nautochunk: {count: 41, sorce: OpenAlex}\nhetegen: 9\n", encoding="utf-8"
    )
    (srcdir / "data" / "venues.yaml").write_text(
        'ICLR:\n  url: https://iclr.cc/\n  color: "red; background: url(x)"\n', encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = get_warnings(app)
    left_out = "citations.yaml:1: WARNING: entry left out: count: expected a number at least 0"
    assert left_out in warnings
    # An unknown key costs only itself: the count is kept.
    assert "citations.yaml:2: WARNING: unknown key 'sorce'; did you mean 'source'?" in warnings
    assert "venues.yaml:3: WARNING: color: expected a colour" in warnings
    found = entries(html_page(app, "index"))
    assert found["HeteGen"].select_one(".sp-citations").get_text() == "Cited by 9"
    assert found["AutoChunk"].select_one(".sp-citations").get_text() == "Cited by 41"
    title = "Real-Time Video Generation with Pyramid Attention Broadcast"
    assert found[title].select_one(".sp-citations") is None  # the entry with -3 left out
    assert found["AutoChunk"].select_one(".sp-venue").get("style") is None  # the colour refused


def test_metrics_without_citations_file_warn(make_app, private_root, get_warnings):
    srcdir = private_root("counts")
    (srcdir / "data" / "citations.yaml").unlink()
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "citation metrics need citations.yaml in the data folder" in get_warnings(app)
    assert not html_page(app, "index").select(".sp-metrics")
    assert html_page(app, "index").select(".sp-profile-name")  # the card is still there


def test_edited_shared_files_are_seen_by_an_incremental_build(make_app, private_root):
    srcdir = private_root("counts")
    app = make_app("html", srcdir=srcdir)
    app.build()
    (srcdir / "data" / "citations.yaml").write_text("pab: 2000\n", encoding="utf-8")
    (srcdir / "data" / "coauthors.yaml").write_text(
        "- name: Bin Jia\n  url: https://example.org/bin/\n", encoding="utf-8"
    )
    app.build()
    found = entries(html_page(app, "index"))
    title = "Real-Time Video Generation with Pyramid Attention Broadcast"
    assert found[title].select_one(".sp-citations").get_text() == "Cited by 2,000"
    links = {a.get_text(): a["href"] for a in found["HeteGen"].select(".sp-pub-authors a")}
    assert links == {"Bin Jia": "https://example.org/bin/"}
    assert (
        html_page(app, "index")
        .select_one(".sp-metrics")
        .get_text(" ", strip=True)
        .startswith("Papers: 4 | Citations: 2,000 | h-index: 1")
    )
