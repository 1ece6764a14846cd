"""The typed configuration: one object per build, and the rebuild scope of every value."""

from __future__ import annotations

import re

import pytest
from support import REPO, Builds

from sphinx_profile.config import ProfileConfig, profile_config, settings

JSONLD = '<script type="application/ld+json">'


def test_a_write_only_value_rewrites_every_page_and_reads_none(make_app, private_root):
    srcdir = private_root("seo")
    builds = Builds(make_app, srcdir)
    conf = srcdir / "conf.py"
    original = conf.read_text(encoding="utf-8")
    first = builds.build()
    assert JSONLD in builds.html(first, "index")

    builds.write(conf, original + "profile_jsonld = False\n")
    off = builds.build()
    assert off.read_docs == set()
    assert JSONLD not in builds.html(off, "index")
    assert JSONLD not in builds.html(off, "publications")

    builds.write(conf, original)
    on = builds.build()
    assert on.read_docs == set()
    assert JSONLD in builds.html(on, "index")


def test_a_value_that_shapes_the_directives_reads_every_page_again(make_app, private_root):
    srcdir = private_root("seo")
    builds = Builds(make_app, srcdir)
    conf = srcdir / "conf.py"
    first = builds.build()
    builds.write(conf, conf.read_text(encoding="utf-8") + 'profile_present = "now"\n')
    again = builds.build()
    assert again.read_docs == first.read_docs


def test_the_object_holds_the_checked_values(make_app, private_root):
    srcdir = private_root("seo")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8")
        + 'profile_highlight = ["A. Lovelace"]\nprofile_max_authors = -1\n'
        + 'profile_venue_colors = {"NeurIPS": "#123456"}\n',
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir)
    config = profile_config(app.config)
    assert config is profile_config(app.env.config)  # built once
    assert config.highlight == ("A. Lovelace",)
    assert config.max_authors == 0  # the bad value's default
    assert config.venue_colors == (("NeurIPS", "#123456"),)
    assert config.data_path == (srcdir / "data").resolve()
    assert config.limits.bytes == config.max_file_size


def test_every_value_is_registered_with_its_default():
    names = {f"profile_{item.name}" for item in settings()}
    assert "profile_jsonld" in names and "language" not in names
    defaults = ProfileConfig()
    for item in settings():
        typed = item.metadata["typed"](item.metadata["conf_default"])
        assert typed == getattr(defaults, item.name), item.name


def _guide_scopes() -> dict[str, str]:
    """Setting -> "read" or "write", from the table of docs/guide/configuration.rst."""
    text = (REPO / "docs" / "guide" / "configuration.rst").read_text(encoding="utf-8")
    table = text[: text.index(".. confval::")]
    scopes = {}
    for row in table.split("   * - ")[2:]:  # after the header row
        cells = [cell.strip() for cell in row.split("\n     - ")]
        names = re.findall(r"profile_\w*[a-z]\b", cells[0])
        for name in names:
            scopes[name] = cells[-1]
        if "the other ``profile_max_*``" in cells[0]:
            for item in settings():
                if item.name.startswith("max_") and item.name != "max_authors":
                    scopes[f"profile_{item.name}"] = cells[-1]
    return scopes


@pytest.mark.parametrize("item", settings(), ids=lambda item: item.name)
def test_the_guide_gives_each_value_its_rebuild_scope(item):
    expected = {"env": "read", "html": "write"}[item.metadata["rebuild"]]
    assert _guide_scopes().get(f"profile_{item.name}") == expected


def test_the_guide_lists_no_setting_that_does_not_exist():
    names = {f"profile_{item.name}" for item in settings()}
    assert set(_guide_scopes()) - names == set()


def test_no_module_reads_a_profile_value_raw():
    package = REPO / "sphinx_profile"
    raw = re.compile(r"config\.profile_\w+|config\[\"profile_")
    readers = sorted(
        str(path.relative_to(REPO))
        for path in package.rglob("*.py")
        if path.name != "config.py" and raw.search(path.read_text(encoding="utf-8"))
    )
    assert readers == []
