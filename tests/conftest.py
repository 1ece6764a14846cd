"""Shared fixtures: Sphinx's own test fixtures, the test roots, and private copies of them.

Test roots live in ``tests/roots/test-<name>/`` (the ``sphinx.testing`` convention) and
are used read-only through ``@pytest.mark.sphinx(..., testroot="<name>")`` and the ``app``
fixture. A test that edits files, or that needs a build of its own, works on a copy
made by ``copy_root`` so that it never disturbs another test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sphinx.errors import ExtensionError
from sphinx.testing.util import SphinxTestApp
from support import (
    HAS_MYST,
    NO_MYST,
    ROOTS,
    build_site,
    copy_root,
    needs_myst,
    skip_without_myst,
    strip_ansi,
    warnings_of,
)

pytest_plugins = ["sphinx.testing.fixtures"]

__all__ = ["ROOTS", "copy_root", "strip_ansi", "warnings_of"]


# -- MyST-Parser is optional ------------------------------------------------------------
# A test needs it when it carries the ``myst`` marker, or builds a project whose conf.py
# loads ``myst_parser``: a test root named by ``@pytest.mark.sphinx(testroot=...)``, or
# a source folder given to ``make_app`` / ``app``, ``private_root`` or ``built_root``.
# Without MyST-Parser such tests skip, and say why. A test that builds such a project by
# other means fails with Sphinx's "Could not import extension myst_parser"; that error,
# and only that one, is reported as a skip too.


def _is_missing_myst(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, ExtensionError) and "myst_parser" in str(error):
            return True
        error = error.__cause__ or error.__context__
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        sphinx = item.get_closest_marker("sphinx")
        testroot = sphinx.kwargs.get("testroot") if sphinx else None
        if testroot and needs_myst(ROOTS / f"test-{testroot}"):
            item.add_marker(pytest.mark.myst)
        if not HAS_MYST and item.get_closest_marker("myst"):
            item.add_marker(pytest.mark.skip(reason=f"needs MyST: {NO_MYST}"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if not HAS_MYST and report.failed and call.excinfo and _is_missing_myst(call.excinfo.value):
        report.outcome = "skipped"
        report.longrepr = (str(item.path), item.location[1], f"Skipped: needs MyST: {NO_MYST}")
    return report


@pytest.fixture
def make_app(make_app: Callable[..., SphinxTestApp]) -> Callable[..., SphinxTestApp]:
    """Sphinx's ``make_app`` (also behind ``app``), skipping MyST projects without MyST."""

    def make(*args: Any, **kwargs: Any) -> SphinxTestApp:
        if kwargs.get("srcdir") is not None:
            skip_without_myst(Path(kwargs["srcdir"]))
        return make_app(*args, **kwargs)

    return make


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture(scope="session")
def get_warnings() -> Callable[[SphinxTestApp], str]:
    """``get_warnings(app)``: the app's warnings with colour codes removed."""
    return warnings_of


@pytest.fixture(scope="session")
def strip_ansi_codes() -> Callable[[str], str]:
    """``strip_ansi_codes(text)``: output of a ``sphinx-build`` process without colours."""
    return strip_ansi


@pytest.fixture
def private_root(tmp_path: Path) -> Callable[[str], Path]:
    """``private_root("basic")``: a copy of a test root in this test's temporary folder."""

    def make(name: str) -> Path:
        skip_without_myst(ROOTS / f"test-{name}")
        return copy_root(name, tmp_path / name)

    return make


@pytest.fixture(scope="module")
def built_root(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., SphinxTestApp]]:
    """Build a private copy of a root once, for all the tests of a module that only read.

    ``built_root("basic", "html", **kwargs)`` copies the root, builds it with
    ``build_site`` and returns the app. Docutils' global registrations are cleaned up
    right after the build, so that the next app of the session (made by ``app`` or
    ``make_app``) starts clean and does not warn that the extension's nodes are already
    registered. The doctrees and the output stay readable. A module names its builds
    with ``support.root_build``.
    """
    builds: dict[tuple[str, str, str], SphinxTestApp] = {}

    def build(name: str, buildername: str = "html", **kwargs: Any) -> SphinxTestApp:
        key = (name, buildername, repr(sorted(kwargs.items())))
        skip_without_myst(ROOTS / f"test-{name}")
        if key not in builds:
            srcdir = copy_root(name, tmp_path_factory.mktemp(name) / "src")
            builds[key] = build_site(srcdir, buildername, **kwargs)
        return builds[key]

    yield build
