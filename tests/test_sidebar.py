"""``profile_sidebar``: the profile card in the theme's sidebar on every page, and link icons.

The theme site (its index shows the card inline; its publications page does not) is
built with each supported theme; the card must sit in the theme's own sidebar, outside
the page's body, with the avatar copied, the name, headline, affiliation and every link
with its icon.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from support import Builds, append_conf, html_page

THEMES = {
    # theme -> the element of the theme's sidebar that holds the card
    "alabaster": "div.sphinxsidebar",
    "furo": "aside.sidebar-drawer",
    "pydata_sphinx_theme": "#pst-primary-sidebar",
    "sphinx_book_theme": "#pst-primary-sidebar",
    "sphinx_rtd_theme": "div.wy-side-scroll",
}
LINKS = {
    "https://example.org/hopper",
    "https://github.com/example-hopper",
    "https://scholar.example.org/citations?user=hopper0000",
    "https://orcid.org/0000-0002-1825-0097",
    "https://mastodon.example.org/@hopper",
    "https://example.org/hopper/cv.pdf",
    "mailto:grace@example.org",
}


@pytest.mark.parametrize("theme", THEMES)
def test_card_in_the_theme_sidebar_of_a_page_without_one(built_root, get_warnings, theme):
    if importlib.util.find_spec(theme) is None:
        pytest.skip(f"{theme} is not installed (pip install -e '.[themes]')")
    app = built_root("themes", confoverrides={"html_theme": theme, "profile_sidebar": True})
    assert "WARNING" not in get_warnings(app)
    soup = html_page(app, "publications")
    sidebar = soup.select_one(THEMES[theme])
    assert sidebar is not None, f"no sidebar {THEMES[theme]} in {theme}"
    [card] = soup.select(".sp-sidebar .sp-sidebar-card")
    assert sidebar in card.parents, "the card is not in the theme's sidebar"
    text = card.get_text(" ", strip=True)
    for fact in ("Grace Hopper", "Rear Admiral", "Harvard University"):
        assert fact in text
    assert "COBOL" not in text  # the bio stays on the page with the inline card
    avatar = card.select_one("img.sp-avatar")
    copied = Path(unquote(urljoin(str(app.outdir / "publications.html"), avatar["src"])))
    # an SVG avatar is published as its inert copy, as the profile directive does
    assert copied.is_file() and b"<svg" in copied.read_bytes()
    links = {unquote(a["href"]) for a in card.select("a[href]")}
    assert links == LINKS
    for link in card.select("ul.sp-profile-links a"):
        icon = link.select_one("svg.sp-icon")
        assert icon is not None and icon["aria-hidden"] == "true"
        assert link.get_text(strip=True), "a link without a label"
    # The landing page shows the card in its body: not a second time in the sidebar.
    index = html_page(app, "index")
    assert index.select(".sp-sidebar-card") == []
    assert len(index.select(".sp-profile")) == 1


def test_no_card_unless_asked(built_root):
    app = built_root("themes", confoverrides={"html_theme": "alabaster"})
    assert html_page(app, "publications").select(".sp-sidebar-card") == []


def test_alabaster_lists_the_card_first_among_its_sidebars(built_root):
    app = built_root("themes", confoverrides={"html_theme": "alabaster", "profile_sidebar": True})
    sidebar = html_page(app, "publications").select_one("div.sphinxsidebarwrapper")
    first = next(child for child in sidebar.children if getattr(child, "name", None))
    assert "sp-sidebar" in first["class"]


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_ignore_the_setting(built_root, get_warnings, builder):
    app = built_root("themes", builder, confoverrides={"profile_sidebar": True})
    assert "WARNING" not in get_warnings(app)


def test_an_edited_profile_rewrites_every_page(make_app, private_root):
    srcdir = private_root("themes")
    append_conf(srcdir, "profile_sidebar = True")
    (srcdir / "plain.rst").write_text(":orphan:\n\nPlain\n=====\n\nNo data.\n", "utf-8")
    builds = Builds(make_app, srcdir)
    first = builds.build()
    assert "Rear Admiral" in builds.html(first, "plain")
    second = builds.build()  # nothing changed: nothing read, nothing rewritten
    assert second.read_docs == set()
    profile = srcdir / "data" / "profile.yaml"
    builds.write(profile, profile.read_text("utf-8").replace("Rear Admiral", "Commodore"))
    third = builds.build()
    # plain.rst was not read again (it uses no data), yet its sidebar shows the new headline
    assert "plain" not in third.read_docs
    html = builds.html(third, "plain")
    assert "Commodore" in html and "Rear Admiral" not in html


def test_a_broken_profile_file_is_a_warning_with_its_line(make_app, private_root):
    srcdir = private_root("themes")
    append_conf(srcdir, "profile_sidebar = True")
    (srcdir / "index.rst").write_text("Home\n====\n\nNo card here.\n", "utf-8")
    profile = srcdir / "data" / "profile.yaml"
    profile.write_text(profile.read_text("utf-8") + "headlin: typo\n", "utf-8")
    app = make_app("html", srcdir=srcdir, confoverrides={"html_theme": "alabaster"})
    app.build()
    warnings = app.warning.getvalue()
    line = profile.read_text("utf-8").splitlines().index("headlin: typo") + 1
    assert f"profile.yaml:{line}: WARNING: unknown key 'headlin'" in warnings
    assert warnings.count("unknown key 'headlin'") == 1
    # the rest of the card is still there
    assert "Grace Hopper" in (app.outdir / "publications.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("style", "icons", "hidden_labels"),
    [("icon+label", True, False), ("icon", True, True), ("label", False, False)],
)
def test_link_style(built_root, style, icons, hidden_labels):
    app = built_root("themes", confoverrides={"profile_link_style": style})
    soup = html_page(app, "index")
    links = soup.select(".sp-profile ul.sp-profile-links a") + soup.select(".sp-pub-links a")
    assert links
    for link in links:
        assert bool(link.select("svg.sp-icon")) is icons
        assert link.get_text(strip=True), "every link keeps its label, for screen readers"
        assert bool(link.select(".sp-visually-hidden")) is hidden_labels


def test_icon_of_a_link_whose_address_has_no_readable_host():
    from sphinx_profile.icons import ICONS, icon_for, link_kind

    assert icon_for("website", "http://[::1") == ICONS["website"]
    assert icon_for("somewhere", "http://[::1") == ICONS["link"]
    assert link_kind("somewhere", "http://[oops") == "other"
    assert icon_for("Code", "https://github.com/x/y") == ICONS["code"]  # the label first
    assert icon_for("repository", "https://www.github.com/x") == ICONS["github"]
