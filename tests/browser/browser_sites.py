"""The sites the browser tests open: what to build, how, and which links their data promises.

Each site is built once per theme in a subprocess (a fresh interpreter, so docutils'
global registrations never meet those of the in-process test apps) and served from
one local ``http.server`` on 127.0.0.1.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import yaml

REPO = Path(__file__).parents[2]
DOCS_EXT = REPO / "docs" / "_ext"


@dataclass(frozen=True)
class Theme:
    name: str
    module: str
    """The module that must be importable for Sphinx to find the theme."""
    dark: bool
    """Whether the theme has a dark mode of its own."""


THEMES = {
    theme.name: theme
    for theme in (
        Theme("alabaster", "alabaster", dark=False),
        Theme("furo", "furo", dark=True),
        Theme("pydata_sphinx_theme", "pydata_sphinx_theme", dark=True),
        Theme("sphinx_book_theme", "sphinx_book_theme", dark=True),
        Theme("sphinx_rtd_theme", "sphinx_rtd_theme", dark=False),
    )
}


@dataclass(frozen=True)
class Site:
    name: str
    srcdir: Path
    data_dir: Path
    pages: tuple[str, ...]
    """The pages that show the extension's blocks; together they show all the data."""


SITES = {
    site.name: site
    for site in (
        Site(
            "demo",
            REPO / "docs",
            REPO / "data",
            (
                "index",
                "publications",
                "news",
                "example-cv",
                "lab/index",
                "lab/people",
                "lab/publications",
                "lab/members/morgan",
                "lab/members/lena",
            ),
        ),
        Site(
            "themes",
            REPO / "tests" / "roots" / "test-themes",
            REPO / "tests" / "roots" / "test-themes" / "data",
            ("index", "publications", "cv"),
        ),
    )
}


def _docs_extension(name: str) -> ModuleType:
    """A module of ``docs/_ext`` (which the docs' conf.py puts on its own path), loaded
    from its file without touching ``sys.path``."""
    spec = importlib.util.spec_from_file_location(f"docs_ext_{name}", DOCS_EXT / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_site(site: Site, theme: Theme, outdir: Path) -> None:
    """``sphinx-build -b html`` with the theme swapped in, as the docs build its sub-sites
    (``docs/_ext/subsites.py``); raises with Sphinx's output."""
    sphinx_build = _docs_extension("subsites").sphinx_build
    doctreedir = outdir.parent / f".doctrees-{outdir.name}"
    result = sphinx_build(site.srcdir, outdir, doctreedir, theme=theme.name)
    if result.returncode != 0:
        raise RuntimeError(
            f"building {site.name} with {theme.name} failed:\n{result.stdout}\n{result.stderr}"
        )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Server:
    root: Path
    base_url: str
    _server: ThreadingHTTPServer

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def serve(root: Path) -> Server:
    """Serve ``root`` on 127.0.0.1 at a free port, from a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return Server(root, f"http://{host!s}:{port}", server)


# -- the links a site's data promises ------------------------------------------------------

_MARKDOWN_LINK = re.compile(r"\]\((\S+?)\)")
_IDENTIFIERS = {"doi": "https://doi.org/", "arxiv": "https://arxiv.org/abs/"}


def data_links(data_dir: Path) -> set[str]:
    """Every URL the YAML files of ``data_dir`` give, as the pages must link them.

    Plain URL values, Markdown links inside text, ``email`` as ``mailto:``, and
    ``doi`` / ``arxiv`` as links unless another link of the record already has the id
    (the documented rule of the publication renderer).
    """
    links: set[str] = set()
    for path in sorted(data_dir.rglob("*.yaml")):
        links |= _links_in(yaml.safe_load(path.read_text(encoding="utf-8")))
    return links


def _links_in(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for item in value.values():
            found |= _links_in(item)
        if isinstance(value.get("email"), str):
            found.add(f"mailto:{value['email']}")
        for key, prefix in _IDENTIFIERS.items():
            identifier = value.get(key)
            if isinstance(identifier, str) and not any(identifier in url for url in found):
                found.add(prefix + identifier)
    elif isinstance(value, list):
        for item in value:
            found |= _links_in(item)
    elif isinstance(value, str):
        if re.fullmatch(r"https?://\S+", value.strip()):
            found.add(value.strip())
        found.update(_MARKDOWN_LINK.findall(value))
    return found


def normalize(url: str) -> str:
    """Compare URLs as a browser resolves them: ``https://host`` is ``https://host/``, and
    Sphinx writes ``mailto:`` addresses percent-encoded."""
    return unquote(url).rstrip("/")


def iter_cases() -> Iterator[tuple[str, str, str, int]]:
    for site in SITES:
        for theme in THEMES:
            for mode in ("light", "dark"):
                for width in (1280, 375):
                    yield site, theme, mode, width
