"""The support matrix: ``nox`` runs the test suite against each end of it.

Sessions (``nox -l`` lists them, ``nox -s NAME`` runs one, arguments after ``--`` go to
pytest):

* ``lowest``: the lowest Sphinx that ``pyproject.toml`` allows, on Python 3.11;
* ``newest``: the newest Sphinx pip resolves, on Python 3.11;
* ``newest-3.13``: the newest Sphinx on Python 3.13;
* ``without_myst``: the newest Sphinx without MyST-Parser, where the Markdown tests skip;
* ``browser``: the browser tests (needs a Chromium, see ``tests/browser/conftest.py``).

The matrix sessions leave the browser tests out (``-m "not browser"``); the browser
session runs only them. nox finds interpreters on ``PATH`` and in pyenv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.options.sessions = ["lowest", "newest", "newest-3.13", "without_myst"]
nox.options.error_on_missing_interpreters = True

LOWEST_SPHINX = "8.1.0"
"""Keep in step with the lower bound of ``sphinx`` in ``pyproject.toml``.

Below 8.1 the suite fails on Sphinx's own behaviour, not the extension's: before 8.0
warnings carry no ``[profile.data]`` type by default, before 8.1 ``-W`` stops at the
first warning, and before 7.3 the test application lacks ``warningiserror``."""

NOT_BROWSER = ("-m", "not browser")


def interpreter(version: str) -> str:
    """``pythonX.Y`` when it runs from ``PATH``, else pyenv's build of it, even when pyenv
    does not have that version switched on (its shim then exists but refuses to run)."""
    name = f"python{version}"
    found = shutil.which(name)
    if found and subprocess.run([found, "-V"], capture_output=True, check=False).returncode == 0:
        return version
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    builds = root.glob(f"versions/{version}.*/bin/{name}")
    newest = max(builds, key=lambda path: _release(path.parents[1].name), default=None)
    return str(newest) if newest else version


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".") if part.isdigit())


# The doctree snapshots are written with docutils 0.22, whose pformat spells a boolean
# attribute ``internal="0"``; docutils 0.21 (all Sphinx below 9.0 allows) writes
# ``internal="False"``. The snapshots are compared on the newest releases only; the
# lowest still checks that reST and MyST give the same doctree.
SNAPSHOTS = "tests/test_snippets.py::test_snippet_matches_shared_regression_file"


def run_tests(session: nox.Session, *default: str) -> None:
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    session.run("python", "-m", "pytest", *(session.posargs or default))


@nox.session(python="3.11")
def lowest(session: nox.Session) -> None:
    """The lowest supported Sphinx (and whatever pip resolves with it)."""
    session.install("-e", ".[test]", f"sphinx=={LOWEST_SPHINX}")
    run_tests(session, *NOT_BROWSER, "--deselect", SNAPSHOTS)


@nox.session(python="3.11")
def newest(session: nox.Session) -> None:
    session.install("--upgrade", "-e", ".[test]")
    run_tests(session, *NOT_BROWSER)


@nox.session(name="newest-3.13", python=interpreter("3.13"))
def newest_313(session: nox.Session) -> None:
    session.install("--upgrade", "-e", ".[test]")
    run_tests(session, *NOT_BROWSER)


@nox.session(python="3.11")
def without_myst(session: nox.Session) -> None:
    """MyST-Parser is optional: without it the Markdown tests skip and the rest pass."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pip", "uninstall", "--yes", "myst-parser")
    run_tests(session, *NOT_BROWSER)


@nox.session(python="3.11")
def browser(session: nox.Session) -> None:
    """Every theme, light and dark, desktop and phone, in Chromium; never skipped here."""
    session.install("-e", ".[test,browser,themes]")
    session.env["SPHINX_PROFILE_REQUIRE_BROWSER"] = "1"
    run_tests(session, "-m", "browser", "tests/browser")
