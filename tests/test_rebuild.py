"""Incremental builds: editing a data file re-reads exactly the pages that use it.

Each test builds a private copy of ``test-basic`` twice or more, with the same source
and build folders and ``freshenv=False``, as ``sphinx-build`` does when run again.
Modified files get an mtime in the future so that the change is seen whatever the
resolution of the file system's clock.
"""

from __future__ import annotations

import html
import re
import runpy
from dataclasses import dataclass
from typing import Any

import pytest
from support import (
    ROOTS,
    Builds,
    assert_same_files,
    copy_demo,
    copy_root,
    site_files,
    skip_without_myst,
    warnings_of,
)

PUBLICATION_PAGES = {"rst/publication-list", "myst/publication-list"}
PROFILE_PAGES = {"rst/profile", "myst/profile"}


@pytest.fixture
def builds(make_app, private_root) -> Builds:
    return Builds(make_app, private_root("basic"))


def test_first_build_reads_everything(builds, get_warnings):
    app = builds.build()
    assert len(app.read_docs) == 13
    assert app.read_docs >= PUBLICATION_PAGES | PROFILE_PAGES
    assert get_warnings(app) == ""


def test_unchanged_rebuild_reads_nothing(builds, get_warnings):
    builds.build()
    app = builds.build()
    assert app.read_docs == set()
    assert get_warnings(app) == ""


def test_unchanged_rebuild_does_not_report_a_configuration_change(builds):
    builds.build()
    app = builds.build()
    assert "configuration has changed" not in app._status.getvalue()


def test_editing_publications_rereads_only_the_publication_pages(builds):
    builds.build()
    data = builds.srcdir / "data" / "publications.yaml"
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace("Sketch of the Analytical Engine", "Sketch of the Difference Engine"),
        encoding="utf-8",
    )
    builds.touch(data)
    app = builds.build()
    assert app.read_docs == PUBLICATION_PAGES
    for docname in PUBLICATION_PAGES:
        html = builds.html(app, docname)
        assert "Sketch of the Difference Engine" in html
        assert "Sketch of the Analytical Engine" not in html


def test_editing_experience_rereads_only_the_experience_pages(builds):
    builds.build()
    data = builds.srcdir / "data" / "experience.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("Visiting Fellow", "Honorary Fellow"),
        encoding="utf-8",
    )
    builds.touch(data)
    app = builds.build()
    assert app.read_docs == {"rst/experience", "myst/experience"}
    assert "Honorary Fellow" in builds.html(app, "myst/experience")


def test_editing_the_profile_rereads_the_pages_that_highlight_its_names(builds):
    """``publication-list`` reads ``profile.yaml`` for the names to highlight."""
    builds.build()
    data = builds.srcdir / "data" / "profile.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("  - A. Lovelace\n", "  - Mary Somerville\n"),
        encoding="utf-8",
    )
    builds.touch(data)
    app = builds.build()
    assert app.read_docs == PUBLICATION_PAGES | PROFILE_PAGES
    html = builds.html(app, "rst/publication-list")
    assert '<strong class="sp-me">Mary Somerville</strong>' in html
    assert '<strong class="sp-me">A. Lovelace</strong>' not in html


def test_touching_a_page_rereads_only_that_page(builds):
    builds.build()
    builds.touch(builds.srcdir / "myst" / "news.md")
    app = builds.build()
    assert app.read_docs == {"myst/news"}


def test_deleted_data_file_warns_then_restored_file_renders_again(builds, get_warnings):
    builds.build()
    data = builds.srcdir / "data" / "projects.yaml"
    saved = data.read_text(encoding="utf-8")
    data.unlink()

    app = builds.build()
    assert app.read_docs == {"rst/projects", "myst/projects"}
    warnings = get_warnings(app).splitlines()
    for page, line in (("rst/projects.rst", 4), ("myst/projects.md", 3)):
        matching = [
            text
            for text in warnings
            if f"{page}:{line}: WARNING: projects: data file not found: " in text
            and text.endswith("[profile.file]")
        ]
        assert len(matching) == 1, warnings
    assert "Engine Simulator" not in builds.html(app, "rst/projects")
    assert "Projects" in builds.html(app, "rst/projects")  # the rest of the page is there

    data.write_text(saved, encoding="utf-8")
    builds.touch(data)
    app = builds.build()
    assert app.read_docs == {"rst/projects", "myst/projects"}
    assert get_warnings(app) == ""
    for docname in ("rst/projects", "myst/projects"):
        assert "Engine Simulator" in builds.html(app, docname)


def test_fixing_bad_data_removes_the_warning(make_app, private_root, get_warnings):
    srcdir = private_root("bad-data")
    builds = Builds(make_app, srcdir)
    app = builds.build()
    assert "unknown key 'venu'" in get_warnings(app)
    data = srcdir / "data" / "publications.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("  venu: Some Venue", "  venue: Some Venue"),
        encoding="utf-8",
    )
    builds.touch(data)
    app = builds.build()
    assert app.read_docs == {"index", "again"}
    warnings = get_warnings(app)
    assert "unknown key 'venu'" not in warnings
    assert "publications.yaml:8: WARNING: entry left out: title: expected text" in warnings
    assert "Some Venue" in builds.html(app, "index")


# -- every site, built three times ----------------------------------------------------------
# Each test root and the demo are built as a user rebuilds them all day: a full build,
# then ``sphinx-build`` again with nothing changed, then again after a one-line edit of
# a data file. Every build must succeed, warn only what a fresh build of the same
# sources warns, and leave exactly the files that a fresh full build writes (the paper
# pages of ``:pages:`` lists included): byte for byte, nothing normalised.


@dataclass(frozen=True)
class Edit:
    """One line of a data file changed; ``page`` shows the new text to a reader."""

    path: str  # relative to the site's source folder
    old: str
    new: str
    page: str
    paper_page: str | None = None  # the entry's own page, for lists with ``:pages:``


EDITS = {
    "bad-data": Edit("data/publications.yaml", "A Valid Paper", "A Revised Paper", "again"),
    "basic": Edit(
        "data/publications.yaml", "Analytical Engine", "Difference Engine", "myst/publication-list"
    ),
    "bibtex": Edit("data/scholar.bib", "Pyramid Attention", "Pyramidal Attention", "scholar"),
    "cv": Edit("data/publications.yaml", "in Pitchblende", "in Uraninite", "index"),
    # a whole RenderCV file read by the cv directive
    "cv-sections": Edit(
        "data/Jane_Doe_CV.yaml",
        "Outstanding Teaching Award",
        "Outstanding Mentoring Award",
        "rst/whole",
    ),
    # the crossref'd @proceedings volume: its papers' venue changes (a word added:
    # Sphinx's search index keeps a removed word as an empty term)
    "exports": Edit("data/dblp.bib", "Honolulu, Hawaii", "Honolulu, Oahu, Hawaii", "dblp"),
    "formats": Edit("data/resume.json", "Remington Rand", "Sperry Rand", "rst/resume"),
    "hostile": Edit("data/publications.yaml", "<script>alert(1)", "<script>alert(2)", "page"),
    "i18n": Edit(
        "data/publications.yaml", "On a New Radioactive", "On a Newer Radioactive", "index"
    ),
    "lab": Edit("data/people.yaml", "Morgan Example", "Morgan Sample", "people"),
    "parallel": Edit("data/publications.yaml", "Analytical Engine", "Difference Engine", "all"),
    "pubs": Edit("data/publications.yaml", "Sparse Attention", "Sparser Attention", "rst/authors"),
    # venues.yaml, a file every list reads: a venue's full name
    "counts": Edit(
        "data/venues.yaml",
        "Conference on Machine Learning and Systems",
        "Conference on Machine Learning Systems",
        "index",
    ),
    # news.yaml: the news page, and the feeds written beside it
    "reach": Edit(
        "data/news.yaml", "Joined the *Analytical Society*", "Joined the Royal Society", "news"
    ),
    "seo": Edit(
        "data/publications.yaml",
        "Analytical Engine",
        "Difference Engine",
        "publications",
        "publications/engine",
    ),
    "themes": Edit("data/publications.yaml", "The A-0 System", "The A-2 System", "publications"),
    "xref": Edit("data/publications.yaml", "Alpha Paper", "Alpha Prime Paper", "all"),
    "demo": Edit(
        "../data/publications.yaml",
        "Pyramid Attention",
        "Pyramidal Attention",
        "index",
        "publications/pab",
    ),
}


BAD_DATA_ON_PURPOSE = {"bad-data", "bibtex", "exports", "formats", "hostile", "xref"}
"""The sites whose data or references are wrong on purpose (or, for real exports and
other tools' files, as found: fields no page shows): their warnings are the extension's
own; every other site builds without any."""


def test_every_test_root_has_a_rebuild_edit():
    roots = {path.name.removeprefix("test-") for path in ROOTS.iterdir() if path.is_dir()}
    missing = sorted((roots | {"demo"}) - set(EDITS))
    assert not missing, f"give each new test root a one-line data edit in EDITS: {missing}"
    assert set(EDITS) <= roots | {"demo"}, "EDITS names a root that is gone"


def pages_with_missing_files(app: Any) -> set[str]:
    return {
        docname
        for docname, files in app.env.dependencies.items()
        if not all((app.srcdir / file).exists() for file in files)
    }


def warning_lines(app: Any) -> set[str]:
    return set(warnings_of(app).splitlines())


# Paper pages are written by ``dirhtml`` too, each in a folder of its own.
BUILDS = [(site, "html") for site in sorted(EDITS)] + [("seo", "dirhtml")]


@pytest.mark.parametrize(("site", "buildername"), BUILDS)
def test_full_unchanged_and_edited_builds_match_a_fresh_build(
    make_app, tmp_path, site, buildername
):
    if site == "demo":
        srcdir = copy_demo(tmp_path / "site")
        theme = runpy.run_path(str(srcdir / "conf.py")).get("html_theme", "alabaster")
    else:
        srcdir = tmp_path / "site"
        skip_without_myst(ROOTS / f"test-{site}")
        copy_root(site, srcdir)
        theme = "basic"
    builds = Builds(make_app, srcdir, tmp_path / "build", theme, buildername)

    full = builds.build()
    first = site_files(full.outdir)
    expected_warnings = warning_lines(full)
    if site in BAD_DATA_ON_PURPOSE:
        assert all(re.search(r"\[profile\.[a-z_-]+\]$", line) for line in expected_warnings)
    else:
        assert expected_warnings == set()

    unchanged = builds.build()
    # Sphinx reads again only the pages that name a data file that does not exist.
    assert unchanged.read_docs == pages_with_missing_files(full)
    assert warning_lines(unchanged) <= expected_warnings
    assert site_files(unchanged.outdir) == first

    edit = EDITS[site]
    data = srcdir / edit.path
    text = data.read_text(encoding="utf-8")
    assert text.count(edit.old) >= 1, f"{edit.path} no longer holds {edit.old!r}"
    builds.write(data, text.replace(edit.old, edit.new, 1))
    edited = builds.build()
    assert edited.read_docs, "the edit was not seen"

    fresh = Builds(make_app, srcdir, tmp_path / "fresh", theme, buildername).build(freshenv=True)
    assert warning_lines(edited) <= warning_lines(fresh)
    for page in (edit.page, edit.paper_page):
        if page is not None:
            assert html.escape(edit.new, quote=False) in builds.html(edited, page), page
    assert_same_files(site_files(edited.outdir), site_files(fresh.outdir))
