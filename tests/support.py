"""Helpers shared by the test modules (importable as ``support``; conftest is not)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinx_profile.markup_output import expand_markup

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


def copy_root(name: str, destination: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` (without any old build)."""
    shutil.copytree(ROOTS / f"test-{name}", destination, ignore=shutil.ignore_patterns("_build"))
    return destination


def copy_demo(destination: Path) -> Path:
    """A private copy of the demo site: ``docs/`` and the ``data/`` it reads; returns its
    source folder (``destination/docs``)."""
    shutil.copytree(REPO / "docs", destination / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(REPO / "data", destination / "data")
    # The guide includes the benchmark table, which lives beside the benchmark.
    results = REPO / "benchmarks" / "results.rst"
    if results.exists():
        (destination / "benchmarks").mkdir()
        shutil.copy(results, destination / "benchmarks" / "results.rst")
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
    any project with an ``index`` directive or an object description).
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


def _without_index_entries(script: bytes) -> bytes:
    prefix, suffix = b"Search.setIndex(", b")"
    assert script.startswith(prefix) and script.endswith(suffix), script[:40]
    index = json.loads(script[len(prefix) : -len(suffix)])
    index.pop("indexentries")
    return json.dumps(index, sort_keys=True, ensure_ascii=False).encode("utf-8")


def expanded_doctree(app: SphinxTestApp, docname: str) -> nodes.document:
    """The page as read, with publication lists as the nodes that builders other than HTML get."""
    doctree = app.env.get_doctree(docname)
    expand_markup(doctree)
    return doctree


def section_content(app: SphinxTestApp, docname: str) -> str:
    """The page's section below its title, without anything that depends on the syntax.

    The title is the page's own, and ``source`` attributes name the ``.rst`` or ``.md``
    file; everything else must be the same whichever syntax called the directive.
    """
    section = expanded_doctree(app, docname).next_node(nodes.section)
    assert section is not None, f"{docname} has no section"
    parts = []
    for child in section.children:
        if isinstance(child, nodes.title):
            continue
        child = child.deepcopy()
        for element in child.findall(nodes.Element):
            element.attributes.pop("source", None)
        parts.append(child.pformat())
    return "".join(parts)


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
