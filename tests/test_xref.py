"""``:pub:`` / ``{pub}`` references: resolution, titles, target page, builders, inventory.

The root ``test-xref`` lists four publications on several pages:

=============  ==========================  ==============
page           list                        entries
=============  ==========================  ==============
all.rst        all but reports             alpha beta gamma
journals.rst   conference and journal      alpha beta
selected.md    selected                    alpha
solo-b.rst     topic Solo                  solo
solo-a.md      topic Solo                  solo
=============  ==========================  ==============

and references them from ``refs-rst.rst`` and ``refs-myst.md``. A reference goes to the
page with the longest list, then to the first page by name (``solo-a`` although
``solo-b`` comes first in the toctree).
"""

from __future__ import annotations

import os
import posixpath
import re
import time
from pathlib import Path

import pytest
import sphinx
from sphinx.util.inventory import InventoryFile
from support import build_site, copy_root, html_page, root_build, warnings_of

EXPECTED_LINKS = [
    ("Alpha Paper", "all.html#pub-alpha"),  # default text: the title
    ("our benchmark paper", "all.html#pub-beta"),  # explicit title
    ("Gamma Paper", "all.html#pub-gamma"),  # :profile:pub: / {profile:pub}
    ("Solo Paper", "solo-a.html#pub-solo"),  # two pages, one entry each: first by name
]
REFERENCE_PAGES = {"refs-rst": ("no-such-paper", 12), "refs-myst": ("missing-in-myst", 11)}


html = root_build("xref")


def read_inventory(app, base: str = "") -> dict[str, tuple[str, str]]:
    """``objects.inv`` of a build: publication id -> (URI, display name)."""
    with (app.outdir / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, base, posixpath.join)
    items = inventory["profile:publication"]
    return {
        name: (item.uri, item.display_name) if hasattr(item, "uri") else (item[2], item[3])
        for name, item in items.items()
    }


def internal_links(app, docname: str) -> list[tuple[str, str]]:
    body = html_page(app, docname).select_one("section")
    return [(a.get_text(), a["href"]) for a in body.select("a.reference.internal")]


@pytest.mark.parametrize("docname", list(REFERENCE_PAGES))
def test_references_resolve_from_rst_and_myst(html, docname):
    assert internal_links(html, docname) == EXPECTED_LINKS


@pytest.mark.parametrize("docname", list(REFERENCE_PAGES))
def test_reference_has_the_title_as_tooltip(html, docname):
    links = html_page(html, docname).select("section a.reference.internal")
    assert [a.get("title") for a in links] == [
        "Alpha Paper",
        "Beta Paper",
        "Gamma Paper",
        "Solo Paper",
    ]


def test_targets_exist(html):
    for _, href in EXPECTED_LINKS:
        page, anchor = href.split("#")
        target = html_page(html, page.removesuffix(".html")).find(id=anchor)
        assert target is not None, href
        title = target.find_parent("p")
        assert "sp-pub-title" in title["class"]


@pytest.mark.parametrize(("docname", "unknown"), REFERENCE_PAGES.items())
def test_unknown_id_warns_once_and_stays_text(html, docname, unknown):
    target, line = unknown
    warnings = warnings_of(html)
    suffix = ".rst" if docname.endswith("rst") else ".md"
    pattern = (
        rf"{re.escape(docname + suffix)}:{line}: WARNING: unknown publication id "
        rf"'{re.escape(target)}' in :pub: reference \[profile\.ref\]"
    )
    assert len(re.findall(pattern, warnings)) == 1, warnings
    paragraph = html_page(html, docname).find(string=re.compile("Unknown:")).parent
    assert target in paragraph.get_text()
    assert paragraph.find("a") is None


def test_no_other_warnings(html):
    lines = [line for line in warnings_of(html).splitlines() if "WARNING" in line]
    assert len(lines) == 2
    assert all("[profile.ref]" in line for line in lines)


def test_objects_inv_lists_the_publications(html):
    publications = read_inventory(html, "https://lab.example.org/")
    assert publications == {
        "alpha": ("https://lab.example.org/all.html#pub-alpha", "Alpha Paper"),
        "beta": ("https://lab.example.org/all.html#pub-beta", "Beta Paper"),
        "gamma": ("https://lab.example.org/all.html#pub-gamma", "Gamma Paper"),
        "solo": ("https://lab.example.org/solo-a.html#pub-solo", "Solo Paper"),
    }


def test_intersphinx_links_to_publications_of_another_site(html, tmp_path):
    """A second site (loading sphinx_profile for the ``profile`` domain) links to the first."""
    srcdir = tmp_path / "other"
    srcdir.mkdir()
    inventory = str(html.outdir / "objects.inv")
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "myst_parser", "sphinx_profile"]\n'
        f'intersphinx_mapping = {{"lab": ("https://lab.example.org/", {inventory!r})}}\n',
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text(
        "Other Site\n==========\n\n.. toctree::\n\n   myst\n\n"
        ":external+lab:profile:pub:`alpha`, :external:profile:pub:`beta` and "
        ":external+lab:profile:pub:`their paper <gamma>`.\n",
        encoding="utf-8",
    )
    (srcdir / "myst.md").write_text(
        "# MyST\n\n{external+lab:profile:pub}`solo`\n", encoding="utf-8"
    )
    app = build_site(srcdir)
    assert warnings_of(app) == ""
    links = [
        (a.get_text(), a["href"]) for a in html_page(app, "index").select("section a.external")
    ]
    assert links == [
        ("Alpha Paper", "https://lab.example.org/all.html#pub-alpha"),
        ("Beta Paper", "https://lab.example.org/all.html#pub-beta"),
        ("their paper", "https://lab.example.org/all.html#pub-gamma"),
    ]
    myst = [(a.get_text(), a["href"]) for a in html_page(app, "myst").select("section a.external")]
    assert myst == [("Solo Paper", "https://lab.example.org/solo-a.html#pub-solo")]


# -- other builders --------------------------------------------------------------------


singlehtml = root_build("xref", "singlehtml")


def test_singlehtml_resolves(singlehtml):
    page = html_page(singlehtml, "index")
    links = [
        (a.get_text(), a["href"])
        for a in page.select("a.reference.internal")
        if "pub-" in a.get("href", "")
    ]
    # both reference pages, four references each
    assert [text for text, _ in links] == [text for text, _ in EXPECTED_LINKS] * 2
    for (_, href), (_, expected) in zip(links, EXPECTED_LINKS * 2, strict=True):
        anchor = expected.split("#")[1]
        assert href.endswith("#" + anchor)
        assert page.find(id=anchor) is not None
    assert "missing-in-myst" in page.get_text()


@pytest.mark.xfail(
    sphinx.version_info[:2] == (9, 0),
    strict=True,
    reason="Sphinx 9.0 singlehtml writes '#document-all#pub-alpha' for every cross-reference "
    "(its own :ref: too; sphinx-doc/sphinx#14221), which no browser resolves",
)
def test_singlehtml_links_are_fragments_of_the_page(singlehtml):
    hrefs = [
        a["href"]
        for a in html_page(singlehtml, "index").select("a.reference.internal")
        if "pub-" in a.get("href", "")
    ]
    assert hrefs and all(href.count("#") == 1 for href in hrefs), hrefs


latex = root_build("xref", "latex", read="testcross-references.tex")


def test_latex_references_are_hyperrefs_to_the_entry_labels(latex):
    refs = re.findall(r"\\hyperref\[\\detokenize\{([^}]+)\}\]\{\\sphinxcrossref\{(.*?)\}\}", latex)
    targets = [target for target, _ in refs]
    assert targets == ["all:pub-alpha", "all:pub-beta", "all:pub-gamma", "solo-a:pub-solo"] * 2
    assert "our benchmark paper" in refs[1][1]
    assert "Alpha Paper" in refs[0][1]
    for target in set(targets):
        assert rf"\label{{\detokenize{{{target}}}}}" in latex


def test_text_references_show_the_title(built_root):
    app = built_root("xref", "text")
    output = (app.outdir / "refs-rst.txt").read_text(encoding="utf-8")
    assert "Default title: *Alpha Paper*." in output
    assert "Explicit title: *our benchmark paper*." in output
    assert "Unknown: *no-such-paper*." in output


# -- rebuilds and parallel builds ------------------------------------------------------


build = build_site


def inventory_uri(app, publication_id: str) -> str:
    return read_inventory(app)[publication_id][0]


REMOVED = "All Publications\n================\n\nThe list moved away.\n"


@pytest.fixture
def rebuilt(tmp_path):
    """A build, then a rebuild after removing the list of ``all.rst``."""
    srcdir = copy_root("xref", tmp_path / "xref")
    first = build(srcdir)
    assert inventory_uri(first, "alpha") == "all.html#pub-alpha"
    (srcdir / "all.rst").write_text(REMOVED, encoding="utf-8")
    second = build(srcdir)
    assert second.statuscode == 0
    return second


def test_rebuild_moves_targets_when_a_list_is_removed(rebuilt):
    domain = rebuilt.env.get_domain("profile")
    assert domain.best_claim("alpha")[0] == "journals"
    assert domain.best_claim("gamma") is None  # listed on all.rst only
    assert inventory_uri(rebuilt, "alpha") == "journals.html#pub-alpha"
    assert inventory_uri(rebuilt, "beta") == "journals.html#pub-beta"
    assert html_page(rebuilt, "all").find(id="pub-alpha") is None


def test_rebuild_updates_references_on_unchanged_pages(rebuilt):
    links = dict(internal_links(rebuilt, "refs-rst"))
    assert links["Alpha Paper"] == "journals.html#pub-alpha"


def test_rebuild_of_a_referencing_page_uses_the_saved_claims(tmp_path):
    """Only refs-myst.md is read again: the claims of the other pages come from the saved
    environment."""
    srcdir = copy_root("xref", tmp_path / "xref")
    build(srcdir)
    page = srcdir / "refs-myst.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    second = build(srcdir)
    assert "One more line." in html_page(second, "refs-myst").get_text()
    assert internal_links(second, "refs-myst") == EXPECTED_LINKS
    assert inventory_uri(second, "solo") == "solo-a.html#pub-solo"


def test_parallel_build_resolves_like_a_serial_one(tmp_path):
    srcdir = copy_root("xref", tmp_path / "xref")
    app = build(srcdir, parallel=2)
    assert app.statuscode == 0
    for docname in REFERENCE_PAGES:
        assert internal_links(app, docname) == EXPECTED_LINKS
    assert inventory_uri(app, "solo") == "solo-a.html#pub-solo"


# -- which list is the target: complete lists first, :no-index: never ---------------


COMPLETE_VS_LONGER = """\
{title}
{underline}

.. publication-list::
{options}
"""


def write_page(srcdir: Path, name: str, options: str) -> None:
    title = f"Page {name}"
    text = COMPLETE_VS_LONGER.format(title=title, underline="=" * len(title), options=options)
    (srcdir / f"{name}.rst").write_text(text, encoding="utf-8")


def test_a_complete_list_wins_and_no_index_lists_are_never_targets(tmp_path):
    srcdir = copy_root("xref", tmp_path / "xref")
    # "aa-cv" sorts first and lists everything, but is marked :no-index:.
    write_page(srcdir, "aa-cv", "   :no-index:")
    # "zz-everything" uses no filter: it beats "all", whose filter happens to keep as
    # many entries, although "all" sorts first by name.
    write_page(srcdir, "zz-everything", "   :sort: title")
    write_page(srcdir, "all", "   :years: 1000-")
    index = srcdir / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\n.. toctree::\n   :hidden:\n\n   aa-cv\n   zz-everything\n",
        encoding="utf-8",
    )
    app = build(srcdir)
    assert inventory_uri(app, "alpha") == "zz-everything.html#pub-alpha"
    links = dict(internal_links(app, "refs-rst"))
    assert links["Alpha Paper"] == "zz-everything.html#pub-alpha"
    # The :no-index: page still has the anchor for a hand-made link.
    assert html_page(app, "aa-cv").find(id="pub-alpha") is not None


# -- a reference to an entry that was left out -----------------------------------------


def test_reference_to_an_entry_left_out_warns_once_at_its_data_line(tmp_path):
    """The reference names the cause (the data line), not only the page; fixed, it links."""
    srcdir = copy_root("xref", tmp_path / "xref")
    build(srcdir)
    data = srcdir / "data" / "publications.yaml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("title: Alpha Paper", "title: [Alpha, Paper]"), "utf-8")
    os.utime(data, (time.time() + 60, time.time() + 60))

    app = build(srcdir)  # incremental: the pages of the list are read again
    lines = [line for line in warnings_of(app).splitlines() if "alpha" in line]
    for page, line in (("refs-rst.rst", 4), ("refs-myst.md", 3)):
        expected = (
            f"data/publications.yaml:2: WARNING: the :pub: reference at {page}:{line} "
            "names 'alpha', an entry left out: title: expected text, got a list [profile.ref]"
        )
        assert len([text for text in lines if text.endswith(expected)]) == 1, lines
    assert not [line for line in lines if "unknown publication id" in line], lines
    paragraph = html_page(app, "refs-rst").find(string=re.compile("Default title:")).parent
    assert "alpha" in paragraph.get_text()
    assert paragraph.find("a") is None

    data.write_text(good, "utf-8")
    os.utime(data, (time.time() + 120, time.time() + 120))
    fixed = build(srcdir)
    assert "alpha" not in warnings_of(fixed)
    assert dict(internal_links(fixed, "refs-rst"))["Alpha Paper"] == "all.html#pub-alpha"
