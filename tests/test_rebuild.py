"""Incremental builds: editing a data file re-reads exactly the pages that use it.

Each test builds a private copy of ``test-basic`` twice or more, with the same source
and build folders and ``freshenv=False``, as ``sphinx-build`` does when run again.
Modified files get an mtime in the future so that the change is seen whatever the
resolution of the file system's clock.
"""

from __future__ import annotations

import pytest
from support import Builds

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
    assert "publications.yaml:8: WARNING: title: expected text, got a list" in warnings
    assert "Typo Paper" in builds.html(app, "index")
