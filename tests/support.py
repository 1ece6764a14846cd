"""Helpers shared by the test modules (importable as ``support``; conftest is not)."""

from __future__ import annotations

import difflib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_profile.output.expand import expand_markup
from sphinx_profile.output.nodes import sp_markup
from sphinx_profile.render.markup import Content

try:  # Sphinx >= 7.3
    from sphinx.util.console import strip_escape_sequences as _strip_escapes
except ImportError:  # pragma: no cover - older Sphinx
    from sphinx.util.console import strip_colors as _strip_escapes

ROOTS = Path(__file__).parent / "roots"
REPO = Path(__file__).parents[1]

# MyST-Parser is optional: tests whose project loads it skip without it (conftest.py
# applies this to test roots; a test that builds a site itself calls skip_without_myst).
HAS_MYST = importlib.util.find_spec("myst_parser") is not None
NO_MYST = "myst-parser is not installed (pip install -e '.[myst]')"


def needs_myst(srcdir: Path) -> bool:
    conf = srcdir / "conf.py"
    return conf.is_file() and "myst_parser" in conf.read_text(encoding="utf-8")


def skip_without_myst(srcdir: Path) -> None:
    if not HAS_MYST and needs_myst(srcdir):
        pytest.skip(f"{srcdir.name} has MyST pages and {NO_MYST}")


def strip_ansi(text: str) -> str:
    """Warnings as the user reads them, without terminal colour codes."""
    return _strip_escapes(text)


def warnings_of(app: SphinxTestApp) -> str:
    # ``_warning`` is the stream in every Sphinx release; ``.warning`` came in 7.3.
    return strip_ansi(app._warning.getvalue())


def html_file(path: Path | str) -> BeautifulSoup:
    """An HTML file parsed (``html.parser``, as every test reads pages)."""
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def html_page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    """The written page ``name`` of an HTML build: a docname (``members/morgan``) or the
    file's path in the output folder (``publications/engine.html``)."""
    return html_file(Path(app.outdir) / (name if name.endswith(".html") else f"{name}.html"))


def publication_block(app: SphinxTestApp, docname: str, name: str) -> Tag:
    """The one publication list with ``:class: t-<name>`` on the page."""
    found = html_page(app, docname).select(f"div.sp-publications-block.t-{name}")
    assert len(found) == 1, f"no single t-{name} list on {docname}"
    return found[0]


def publication_entry(app: SphinxTestApp, docname: str, anchor: str) -> Tag:
    """The list entry of the page that carries the anchor ``pub-<anchor>``."""
    target = html_page(app, docname).select_one(f"#pub-{anchor}")
    assert target is not None, f"no #pub-{anchor} on {docname}"
    entry = target.find_parent(class_="sp-pub")
    assert entry is not None, f"#pub-{anchor} on {docname} is not in a list entry"
    return entry


def append_conf(srcdir: Path, text: str) -> None:
    """Add ``text`` (settings, one a line) at the end of ``srcdir/conf.py``, as a user
    editing the file would."""
    conf = srcdir / "conf.py"
    body = conf.read_text(encoding="utf-8")
    conf.write_text(body + ("" if body.endswith("\n") else "\n") + text.strip("\n") + "\n", "utf-8")


# builder -> the suffix of its output files
BUILDERS = {
    "html": ".html",
    "latex": ".tex",
    "text": ".txt",
    "man": ".1",
    "texinfo": ".texi",
}

# How each format escapes the hyphen of a date range, undone to read the words.
UNESCAPE = {".tex": ("\\sphinxhyphen{}", "-"), ".1": ("\\-", "-")}


def output_text(outdir: Path, suffix: str) -> str:
    """Every output file of a build with ``suffix`` (not the sources or static files), as
    one text, with the hyphens of dates as a reader sees them."""
    files = sorted(
        path
        for path in outdir.rglob(f"*{suffix}")
        if not {"_sources", "_static"} & set(path.relative_to(outdir).parts)
    )
    assert files, f"no {suffix} output in {outdir}"
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    if suffix in UNESCAPE:
        text = text.replace(*UNESCAPE[suffix])
    return text


def rst_page(*blocks: str) -> str:
    """A reST page titled "Page" made of ``blocks`` (directives, paragraphs)."""
    return "Page\n====\n\n" + "\n\n".join(blocks) + "\n"


def data_site(folder: Path, files: dict[str, str | bytes], conf: str = "") -> Path:
    """A small Sphinx project: ``conf.py`` (plus ``conf``), and ``files`` by path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(
        'extensions = ["sphinx_profile"]\nexclude_patterns = ["_build", "data"]\n' + conf
    )
    (folder / "data").mkdir(exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def build_site(srcdir: Path, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
    """One build of ``srcdir``, as a new ``sphinx-build`` process would make it: data
    files read afresh, and docutils' global registrations undone afterwards."""
    from sphinx_profile.data.store import clear_cache

    clear_cache()
    app = SphinxTestApp(buildername, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def root_build(
    root: str,
    buildername: str = "html",
    *,
    no_warnings: bool = False,
    read: str | None = None,
    **kwargs: Any,
) -> Any:
    """A module-scoped fixture: ``tests/roots/test-<root>`` built once (a private copy,
    by conftest's ``built_root``) with ``buildername`` and ``kwargs`` (``confoverrides=``
    …), for the tests of a module that only read its output. The build must succeed;
    with ``no_warnings`` it must also warn about nothing. The fixture gives the app, or
    with ``read`` the text of that output file. In a test module::

        html = root_build("pubs", no_warnings=True)
        latex = root_build("pubs", "latex", read="testpublications.tex")
    """

    @pytest.fixture(scope="module")
    def built(built_root: Any) -> Any:
        app = built_root(root, buildername, **kwargs)
        assert app.statuscode == 0, warnings_of(app)
        if no_warnings:
            assert warnings_of(app) == ""
        if read is not None:
            return (Path(app.outdir) / read).read_text(encoding="utf-8")
        return app

    return built


def copy_root(name: str, destination: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` (without any old build)."""
    shutil.copytree(ROOTS / f"test-{name}", destination, ignore=shutil.ignore_patterns("_build"))
    return destination


def copy_demo(destination: Path) -> Path:
    """A private copy of the demo site: ``docs/`` and the ``data/`` it reads; returns its
    source folder (``destination/docs``)."""
    shutil.copytree(REPO / "docs", destination / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(REPO / "data", destination / "data")
    # The guide includes the benchmark tables, which live beside the benchmarks.
    (destination / "benchmarks").mkdir()
    for results in (REPO / "benchmarks").glob("*results.rst"):
        shutil.copy(results, destination / "benchmarks" / results.name)
    return destination / "docs"


class Builds:
    """Builds of one source folder into one output folder, as ``sphinx-build`` run again;
    each app records in ``read_docs`` which documents its build read.

    ``builddir`` defaults to ``srcdir/_build``; ``theme`` is the HTML theme (Sphinx's
    test app would otherwise put in ``basic``); ``buildername`` one of the HTML builders.
    """

    def __init__(
        self,
        make_app: Any,
        srcdir: Path,
        builddir: Path | None = None,
        theme: str = "basic",
        buildername: str = "html",
    ) -> None:
        self.make_app = make_app
        self.srcdir = srcdir
        self.builddir = builddir
        self.theme = theme
        self.buildername = buildername
        self._future = time.time() + 60

    def build(self, freshenv: bool = False) -> Any:
        # The theme is given as an override: SphinxTestApp otherwise swaps the default
        # theme after the saved configuration was compared, which sphinx-build does not.
        app = self.make_app(
            self.buildername,
            srcdir=self.srcdir,
            builddir=self.builddir,
            freshenv=freshenv,
            confoverrides={"html_theme": self.theme},
        )
        read: list[str] = []
        app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
        try:
            app.build()
        finally:
            # Undo docutils' global registrations now, so that the next build's app
            # starts clean (as a new sphinx-build process would).
            app.cleanup()
        app.read_docs = set(read)
        return app

    def touch(self, path: Path) -> None:
        """Give ``path`` an mtime later than any build so far."""
        self._future += 60
        os.utime(path, (self._future, self._future))

    def write(self, path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        self.touch(path)

    def html(self, app: Any, pagename: str) -> str:
        """The written page (``x.html``, or ``x/index.html`` of ``dirhtml``)."""
        return Path(app.builder.get_outfilename(pagename)).read_text(encoding="utf-8")


def site_files(outdir: Path) -> dict[str, bytes]:
    """Every file of a built HTML site, by its path inside ``outdir``.

    A build's output depends only on its sources, so an incremental build and a
    fresh one of the same sources must be byte for byte alike. One thing is left
    out, because Sphinx itself does not keep it: the ``indexentries`` of
    ``searchindex.js`` (the targets of ``index`` entries) hold only the pages
    that the build wrote, so a build that writes fewer pages has fewer (Sphinx 9,
    any project with an ``index`` directive or an object description). Nor does
    it drop from the index a word that an incremental build removed from every
    page: it stays, with an empty list of pages.
    """
    files = {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }
    # The sub-sites of the demo (docs/_ext/subsites.py) have their own search index.
    for name in files:
        if name == "searchindex.js" or name.endswith("/searchindex.js"):
            files[name] = _without_index_entries(files[name])
    return files


def assert_same_files(got: dict[str, bytes], expected: dict[str, bytes]) -> None:
    """Two outputs of :func:`site_files` are alike; else the diff of each differing file."""
    assert sorted(got) == sorted(expected)
    differing = [name for name in expected if got[name] != expected[name]]
    assert differing == [], "\n".join(
        "".join(
            difflib.unified_diff(
                expected[name].decode("utf-8", "replace").splitlines(keepends=True),
                got[name].decode("utf-8", "replace").splitlines(keepends=True),
                f"fresh/{name}",
                f"incremental/{name}",
                n=1,
            )
        )[:3000]
        for name in differing
    )


def _without_index_entries(script: bytes) -> bytes:
    prefix, suffix = b"Search.setIndex(", b")"
    assert script.startswith(prefix) and script.endswith(suffix), script[:40]
    index = json.loads(script[len(prefix) : -len(suffix)])
    index.pop("indexentries")
    # Sphinx's incremental index keeps a word no page has any more, with no pages.
    for key in ("terms", "titleterms"):
        index[key] = {word: pages for word, pages in index[key].items() if pages != []}
    return json.dumps(index, sort_keys=True, ensure_ascii=False).encode("utf-8")


def expanded_doctree(app: SphinxTestApp, docname: str) -> nodes.document:
    """The page as read, with publication lists as the nodes that builders other than HTML get."""
    doctree = app.env.get_doctree(docname)
    expand_markup(doctree)
    return doctree


def section_content(app: SphinxTestApp, docname: str, *, expanded: bool = True) -> str:
    """The page's section below its title, without anything that depends on the syntax.

    The title is the page's own, and ``source`` attributes name the ``.rst`` or ``.md``
    file; everything else must be the same whichever syntax called the directive.
    ``expanded=False``: the tree Sphinx stores, each list one placeholder, its
    markup shown as the element tree it holds.
    """
    doctree = expanded_doctree(app, docname) if expanded else app.env.get_doctree(docname)
    section = doctree.next_node(nodes.section)
    assert section is not None, f"{docname} has no section"
    parts = []
    for child in section.children:
        if isinstance(child, nodes.title):
            continue
        child = child.deepcopy()
        for element in child.findall(nodes.Element):
            element.attributes.pop("source", None)
        markups = [node.attributes.pop("markup") for node in child.findall(sp_markup)]
        parts.append(child.pformat())
        parts.extend(markup_outline(markup) for markup in markups)
    return "".join(parts)


# -- JSON-LD: the graph of a page, and schema.org's terms ---------------------------------
# ``SCHEMA_ORG`` lists, for each type the extension emits, the properties it may carry:
# each is one schema.org defines for the type or inherits from its parents (``Thing``,
# ``CreativeWork``, ``WebPage``, ``Event``…). ``RANGES`` gives the types schema.org allows
# as the value of the object-valued properties. ``check_node`` checks a node against both.

_CREATIVE_WORK = {
    "name",
    "headline",
    "author",
    "datePublished",
    "url",
    "sameAs",
    "identifier",
    "abstract",
    "keywords",
    "isPartOf",
    "publication",
    "publisher",
}
SCHEMA_ORG: dict[str, set[str]] = {
    "ProfilePage": {"url", "name", "mainEntity"},
    "Person": {
        "name",
        "alternateName",
        "url",
        "image",
        "jobTitle",
        "affiliation",
        "homeLocation",
        "email",
        "description",
        "sameAs",
        "identifier",
        "worksFor",
        "alumniOf",
        "hasCredential",
        "award",
        "knowsAbout",
    },
    # The Role pattern: a Role also carries the property it qualifies (worksFor…).
    "Role": {"roleName", "startDate", "endDate"},
    "Organization": {"name", "url"},
    "EducationalOrganization": {"name", "url"},
    "Place": {"name", "geo"},
    "GeoCoordinates": {"latitude", "longitude"},
    "Event": {
        "name",
        "startDate",
        "endDate",
        "location",
        "superEvent",
        "description",
        "url",
        "performer",
    },
    "PropertyValue": {"propertyID", "value", "url"},
    "EducationalOccupationalCredential": {
        "name",
        "credentialCategory",
        "educationalLevel",
        "recognizedBy",
        "dateCreated",
    },
    "ScholarlyArticle": _CREATIVE_WORK,
    "Thesis": _CREATIVE_WORK,
    "Book": _CREATIVE_WORK,
    "Chapter": _CREATIVE_WORK,
    "Report": _CREATIVE_WORK,
    "SoftwareSourceCode": _CREATIVE_WORK,
    "Periodical": {"name"},
    "PublicationEvent": {"name"},
}
ORGANIZATIONS = {"Organization", "EducationalOrganization"}
RANGES: dict[str, set[str]] = {
    "affiliation": ORGANIZATIONS,
    "worksFor": {"Role", *ORGANIZATIONS},
    "alumniOf": {"Role", *ORGANIZATIONS},
    "homeLocation": {"Place"},
    "location": {"Place"},
    "geo": {"GeoCoordinates"},
    "superEvent": {"Event"},
    "performer": {"Person"},
    "identifier": {"PropertyValue"},
    "hasCredential": {"EducationalOccupationalCredential"},
    "recognizedBy": ORGANIZATIONS,
    "author": {"Person"},
    "isPartOf": {"Periodical", "Book"},
    "publication": {"PublicationEvent"},
    "publisher": ORGANIZATIONS,
}
ROLE_PROPERTIES = {"worksFor", "alumniOf"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_node(node: dict[str, Any], parent_property: str | None = None) -> None:
    """Fail unless the node and all nodes inside it use schema.org's terms for their type."""
    if set(node) == {"@id"}:
        return  # a reference to a node described elsewhere
    kind = node.get("@type")
    assert kind in SCHEMA_ORG, f"unexpected type {kind!r} in {node}"
    allowed = SCHEMA_ORG[kind] | {"@type", "@id"}
    if kind == "Role":
        assert parent_property in ROLE_PROPERTIES
        allowed = allowed | {parent_property}
    assert set(node) <= allowed, f"{kind} has {set(node) - allowed}"
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key in ("datePublished", "startDate", "endDate", "dateCreated"):
            assert DATE.match(value), value
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                if set(item) != {"@id"} and key in RANGES:
                    expected = RANGES[key] if kind != "Role" else ORGANIZATIONS
                    assert item["@type"] in expected, f"{kind}.{key} is {item['@type']}"
                check_node(item, key)


def graphs_of(page: str | BeautifulSoup) -> list[dict[str, Any]]:
    """The JSON-LD scripts of a page's head (its HTML text, or parsed), decoded."""
    if isinstance(page, str):
        page = BeautifulSoup(page, "html.parser")
    assert page.head is not None
    scripts = page.head.find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


def only_graph(page: str | BeautifulSoup) -> list[dict[str, Any]]:
    """The page's one JSON-LD script: its ``@graph`` of schema.org nodes."""
    graphs = graphs_of(page)
    assert len(graphs) == 1
    assert graphs[0]["@context"] == "https://schema.org"
    return graphs[0]["@graph"]


def by_type(graph: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [node for node in graph if node.get("@type") == kind]


def markup_outline(content: Content, indent: str = "") -> str:
    """A placeholder's markup, an element a line, as ``pformat`` shows nodes."""
    if isinstance(content, str):
        return f"{indent}{content!r}\n"
    attributes = "".join(f" {key}={value!r}" for key, value in (content.attributes or {}).items())
    classes = f" classes={' '.join(content.classes)!r}" if content.classes else ""
    head = f"{indent}[{content.kind}{classes}{attributes}]\n"
    return head + "".join(markup_outline(child, indent + "    ") for child in content.children)


# -- the PDF: LaTeX compiled as the guide says ---------------------------------------------
# The packages of docs/guide/cv.rst: the CV compiles with xelatex, Sphinx's FreeSerif
# fonts and xeCJK (its Chinese fonts come with texlive-lang-chinese).
DEBIAN_PACKAGES = (
    "latexmk texlive-latex-recommended texlive-latex-extra texlive-xetex "
    "texlive-lang-chinese fonts-freefont-otf poppler-utils"
)


def _has_latex_package(name: str) -> bool:
    kpsewhich = shutil.which("kpsewhich")
    if kpsewhich is None:
        return False
    found = subprocess.run([kpsewhich, name], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


needs_tex = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("latexmk", "xelatex", "pdftotext", "pdfinfo"))
    or not _has_latex_package("xeCJK.sty"),
    reason=f"the PDF CV needs latexmk, xelatex, xeCJK, pdftotext and pdfinfo ({DEBIAN_PACKAGES})",
)


def compile_pdf(outdir: Path, tex: str = "cv.tex") -> Path:
    """latexmk as Sphinx's Makefile runs it; the log's errors in the failure message."""
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex],
        cwd=outdir,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    log = outdir / tex.replace(".tex", ".log")
    errors = [line for line in log.read_text("latin-1").splitlines() if line.startswith("!")]
    assert result.returncode == 0, "\n".join(errors) or result.stdout[-2000:]
    return outdir / tex.replace(".tex", ".pdf")


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
