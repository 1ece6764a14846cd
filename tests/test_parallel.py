"""Parallel builds, work done once, and what loading the extension costs.

``test-parallel`` has ten pages (reST and MyST) whose directives all read the
same data files, and pages that cite publications through the domain, so that
``-j 2`` reads and writes them in worker processes and merges the domain data
of the workers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from support import data_site

import sphinx_profile.data.store as store

PAGES = (
    "index",
    "profile",
    "all",
    "selected",
    "topics",
    "refs",
    "refs-myst",
    "news",
    "cv",
    "projects",
)


def _log_pids(app: Any, log: Path, event: str) -> None:
    """Append ``<pid> <docname>`` to ``log`` whenever ``event`` fires, in any process."""

    def record(_app: Any, docname: str, *_args: Any) -> None:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} {docname}\n")

    app.connect(event, record)


def _pids(log: Path) -> set[str]:
    return {line.split()[0] for line in log.read_text(encoding="utf-8").splitlines()}


def _build(make_app: Callable[..., Any], srcdir: Path, parallel: int, logs: Path) -> Any:
    app = make_app("html", srcdir=srcdir, freshenv=True, parallel=parallel)
    logs.mkdir()
    _log_pids(app, logs / "read", "source-read")
    _log_pids(app, logs / "written", "html-page-context")
    try:
        app.build()
    finally:
        # Undo docutils' global registrations before the next app of this test.
        app.cleanup()
    return app


def _body(app: Any, page: str) -> str:
    html = (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")
    body = BeautifulSoup(html, "html.parser").select_one("div.body")
    assert body is not None, f"{page}.html has no div.body"
    return str(body)


@pytest.fixture
def serial_and_parallel(make_app, private_root, tmp_path) -> tuple[Any, Any]:
    serial_root = private_root("parallel")
    parallel_root = shutil.copytree(serial_root, tmp_path / "parallel-copy")
    serial = _build(make_app, serial_root, 1, tmp_path / "serial-logs")
    parallel = _build(make_app, parallel_root, 2, tmp_path / "parallel-logs")
    return serial, parallel


def test_parallel_build_really_uses_worker_processes(serial_and_parallel, tmp_path):
    # Without this, the comparison below could pass on two serial builds.
    assert _pids(tmp_path / "serial-logs" / "read") == {str(os.getpid())}
    read_in = _pids(tmp_path / "parallel-logs" / "read")
    written_in = _pids(tmp_path / "parallel-logs" / "written")
    assert str(os.getpid()) not in read_in
    assert len(read_in) >= 2
    assert written_in - {str(os.getpid())}  # Sphinx writes the first page itself


@pytest.mark.parametrize("page", PAGES)
def test_parallel_and_serial_builds_give_the_same_page(serial_and_parallel, page):
    serial, parallel = serial_and_parallel
    assert _body(parallel, page) == _body(serial, page)


def test_parallel_build_renders_and_resolves_everything(serial_and_parallel, get_warnings):
    serial, parallel = serial_and_parallel
    assert get_warnings(serial) == ""
    assert get_warnings(parallel) == ""
    # The lists are really there, and references made in one worker resolve to
    # entries listed in pages another worker read.
    listing = BeautifulSoup(_body(parallel, "all"), "html.parser")
    assert len(listing.select("li.sp-pub")) >= 4
    refs = BeautifulSoup(_body(parallel, "refs-myst"), "html.parser")
    targets = {link["href"] for link in refs.select("a.reference.internal")}
    assert "all.html#pub-loom" in targets
    assert "all.html#pub-engine" in targets


# -- each data file is read once per build ----------------------------------------------


@pytest.fixture
def parse_log(monkeypatch, tmp_path) -> Path:
    """Record ``<pid> <file name>`` for every YAML parse and every validation, in a file.

    A file (not a list) because the workers of a parallel build are other processes;
    they inherit the patched functions when they fork.
    """
    log = tmp_path / "parses.log"
    read_yaml = store.READERS[".yaml"]
    validate_document = store.validate_document

    def counting_load(text: str, path: Path, *args: Any, **kwargs: Any) -> Any:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} parse {Path(path).name}\n")
        return read_yaml(text, path, *args, **kwargs)

    def counting_validate(document: Any, kind: str, *args: Any, **kwargs: Any) -> Any:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} validate {kind}\n")
        return validate_document(document, kind, *args, **kwargs)

    monkeypatch.setitem(store.READERS, ".yaml", counting_load)
    monkeypatch.setattr(store, "validate_document", counting_validate)
    store.clear_cache()
    log.touch()
    return log


def _entries(log: Path) -> Counter[tuple[str, ...]]:
    return Counter(tuple(line.split()) for line in log.read_text(encoding="utf-8").splitlines())


def test_each_data_file_is_parsed_and_validated_once_per_build(
    make_app, private_root, tmp_path, parse_log
):
    srcdir = private_root("parallel")
    app = _build(make_app, srcdir, 1, tmp_path / "logs")
    assert app.statuscode == 0
    counts = _entries(parse_log)
    pid = str(os.getpid())
    # publications.yaml feeds four lists on three pages and the reference targets;
    # profile.yaml is read by the profile card and by every list (highlighting).
    assert counts[(pid, "parse", "publications.yaml")] == 1
    assert counts[(pid, "parse", "profile.yaml")] == 1
    assert counts[(pid, "validate", "publications")] == 1
    assert counts[(pid, "validate", "profile")] == 1
    assert set(counts.values()) == {1}, counts


def test_a_parallel_worker_parses_each_data_file_at_most_once(
    make_app, private_root, tmp_path, parse_log
):
    srcdir = private_root("parallel")
    _build(make_app, srcdir, 2, tmp_path / "logs")
    counts = _entries(parse_log)
    assert counts, "no data file was parsed"
    assert set(counts.values()) == {1}, counts


def test_the_bibtex_reader_builds_its_latex_converter_once():
    """pylatexenc's context databases take milliseconds to build: once per process,
    not once per field, and a value met again (a co-author's name) is decoded once."""
    pytest.importorskip("pybtex")
    pytest.importorskip("pylatexenc")
    from sphinx_profile.data import bibtex, latex

    latex._converter.cache_clear()
    latex._walker_class.cache_clear()
    latex.latex_to_text.cache_clear()
    entry = r"""
@article{keyN,
  title = {On {LaTeX} -- part N},
  author = {M{\"u}ller, J. and Fran{\c c}ois, A.},
  year = 2020,
}
"""
    entries = "".join(entry.replace("N", str(number)) for number in range(20))
    document = bibtex.parse_bibtex(entries)
    assert document.data[19]["title"] == "On LaTeX \u2013 part 19"
    assert document.data[0]["authors"] == ["J. M\u00fcller", "A. Fran\u00e7ois"]
    assert latex._converter.cache_info().misses == 1
    assert latex._walker_class.cache_info().misses == 1
    # 20 titles and 2 names (4 LaTeX parts) decoded; the 19 repeats of each name are not
    assert latex.latex_to_text.cache_info().misses < 30


# -- loading the extension ---------------------------------------------------------------

_BUILD_AND_LIST_MODULES = textwrap.dedent(
    """
    import sys
    from sphinx.cmd.build import build_main

    status = build_main(["-q", "-E", "-b", "html", sys.argv[1], sys.argv[2]])
    heavy = ("pydantic", "markdown_it", "yaml", "sphinx_profile.data.models")
    print(status, *sorted(name for name in sys.modules if name.startswith(heavy)))
    """
)


def _modules_after_build(tmp_path: Path, page: str) -> list[str]:
    """Build a one-page site in a fresh interpreter; the heavy modules it imported."""
    src = data_site(
        tmp_path / "src",
        {
            "index.rst": f"Page\n====\n\n{page}\n",
            "data/news.yaml": '- date: "2024-05"\n  text: Hello.\n',
        },
    )
    result = subprocess.run(
        [sys.executable, "-c", _BUILD_AND_LIST_MODULES, str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    status, *modules = result.stdout.split()
    assert status == "0", result.stderr
    return modules


def test_a_site_that_uses_no_directive_never_imports_the_data_layer(tmp_path):
    # setup() must stay cheap: pydantic, the models and the parsers wait for a directive.
    assert _modules_after_build(tmp_path, "A page without directives.") == []


def test_the_first_directive_imports_the_data_layer(tmp_path):
    modules = _modules_after_build(tmp_path, ".. news::")
    assert "pydantic" in modules
    assert "sphinx_profile.data.models" in modules
