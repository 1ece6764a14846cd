"""Publication thumbnails (``preview``, al-folio's name; ``image``, HugoBlox's).

Copied into the output like avatars, shown beside the entry in the ``full`` style,
in ``compact`` only with ``:previews:``, kept in a PDF only when raster, and left out
of the plain-text builders.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup
from support import html_page

from sphinx_profile.data.store import load_data_file


def entry(page: BeautifulSoup, title_start: str):
    return next(
        li
        for li in page.select("li.sp-pub")
        if li.select_one(".sp-pub-title").get_text(strip=True).startswith(title_start)
    )


def test_full_style_shows_each_thumbnail_beside_its_entry(built_root, get_warnings):
    app = built_root("themes")
    assert "WARNING" not in get_warnings(app)
    page = html_page(app, "publications")
    for title, name in (("The A-0 System", "a0.svg"), ("FLOW-MATIC", "flowmatic.png")):
        image = entry(page, title).select_one("img.sp-pub-preview")
        assert image is not None, title
        assert image["alt"] == ""  # decorative: the title beside it says what it is
        assert image["src"] == f"_images/{name}"
        copied = (Path(app.outdir) / unquote(image["src"])).read_bytes()
        original = (Path(app.srcdir) / "data" / "previews" / name).read_bytes()
        # a PNG as it is; an SVG as its inert copy (as avatars)
        assert copied == original if name.endswith(".png") else b"<path" in copied
    assert entry(page, "COBOL").select("img") == []


def test_compact_style_shows_none_unless_asked(built_root, make_app, private_root):
    page = html_page(built_root("themes"), "index")
    assert page.select(".sp-compact") and page.select("img.sp-pub-preview") == []
    srcdir = private_root("themes")
    (srcdir / "index.rst").write_text(
        "Home\n====\n\n.. publication-list::\n   :style: compact\n   :previews:\n", "utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    images = html_page(app, "index").select(".sp-compact img.sp-pub-preview")
    assert sorted(Path(image["src"]).name for image in images) == ["a0.svg", "flowmatic.png"]


def test_latex_keeps_a_raster_thumbnail_only_and_text_none(built_root):
    latex = built_root("themes", "latex")
    tex = "".join(path.read_text("utf-8") for path in Path(latex.outdir).glob("*.tex"))
    assert "{flowmatic}.png" in tex
    assert tex.count("sphinxincludegraphics") == 1 and "{a0}.svg" not in tex
    assert (Path(latex.outdir) / "flowmatic.png").is_file()
    assert not (Path(latex.outdir) / "a0.svg").exists()
    text = built_root("themes", "text")
    assert "[image" not in (Path(text.outdir) / "publications.txt").read_text("utf-8")


def test_a_missing_thumbnail_is_a_warning_at_its_line(make_app, private_root):
    srcdir = private_root("themes")
    data = srcdir / "data" / "publications.yaml"
    text = data.read_text("utf-8").replace("previews/a0.svg", "previews/missing.png")
    data.write_text(text, "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "missing.png" in row)
    assert f"publications.yaml:{line}: WARNING: preview image not found" in app.warning.getvalue()
    # the entry is still there, without the image
    assert entry(html_page(app, "publications"), "The A-0 System").select("img") == []


def test_al_folio_bibtex_preview_field(tmp_path):
    bib = tmp_path / "papers.bib"
    bib.write_text(
        "@article{einstein1905,\n  title = {On the Electrodynamics of Moving Bodies},\n"
        "  author = {Einstein, Albert},\n  journal = {Annalen der Physik},\n"
        "  year = {1905},\n  abbr = {AdP},\n  preview = {einstein1905.png},\n}\n",
        "utf-8",
    )
    loaded = load_data_file(bib, "publications")
    assert loaded.issues == ()
    [publication] = loaded.records
    assert publication.preview == "einstein1905.png"
    assert publication.venue_short == "AdP"
