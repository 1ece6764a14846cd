"""Fixtures of the browser tests: one Chromium, one local server, each site built once per theme.

The tests need Playwright for Python and axe-playwright-python (``pip install -e
".[browser,themes]"``) and a Chromium on the machine: ``/usr/bin/chromium`` (Debian's
``chromium`` package), or the path in ``SPHINX_PROFILE_CHROMIUM``. Playwright never
downloads a browser here. Without them the tests skip and say why; with
``SPHINX_PROFILE_REQUIRE_BROWSER=1`` (as CI sets) they fail instead, so that CI cannot
pass by skipping them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from browser_sites import SITES, THEMES, Server, build_site, serve

SCREENSHOTS = Path(__file__).parent / "screenshots"

# Debian's chromium, headless, with every background service that could reach the
# network switched off.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    candidates = [
        os.environ.get("SPHINX_PROFILE_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ]
    return next((path for path in candidates if path and Path(path).is_file()), None)


def missing_requirement() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for module, package in (
        ("playwright", "playwright"),
        ("axe_playwright_python", "axe-playwright-python"),
    ):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed (pip install -e '.[browser,themes]')"
    if chromium_path() is None:
        return "no Chromium found (apt-get install chromium, or set SPHINX_PROFILE_CHROMIUM)"
    return None


def unavailable(reason: str) -> None:
    if os.environ.get("SPHINX_PROFILE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required but cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # One Chromium per test module, closed when the module's tests end: a Chromium kept
    # for the whole session was gone by the end of the suite, and closing it then left
    # the run waiting for ever.
    reason = missing_requirement()
    if reason:
        unavailable(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sites")


@pytest.fixture(scope="session")
def server(site_root: Path) -> Iterator[Server]:
    running = serve(site_root)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def built_site(site_root: Path) -> Iterator[Callable[[str, str], Path]]:
    """``built_site("demo", "furo")``: the output folder, built on first use.

    Two builds run at a time in the background; asking for one site queues every other
    site of the same theme, so that the next tests find their site ready.
    """
    pool = ThreadPoolExecutor(max_workers=2)
    builds: dict[tuple[str, str], Future[None]] = {}

    def start(site: str, theme: str) -> Future[None]:
        key = (site, theme)
        if key not in builds:
            outdir = site_root / f"{site}-{theme}"
            builds[key] = pool.submit(build_site, SITES[site], THEMES[theme], outdir)
        return builds[key]

    def get(site: str, theme: str) -> Path:
        if importlib.util.find_spec(THEMES[theme].module) is None:
            unavailable(f"the theme {theme} is not installed (pip install -e '.[themes]')")
        if site == "demo" and importlib.util.find_spec("myst_parser") is None:
            unavailable("the demo site needs myst-parser")
        future = start(site, theme)
        for other in SITES:
            if importlib.util.find_spec(THEMES[theme].module) is not None:
                start(other, theme)
        future.result()
        return site_root / f"{site}-{theme}"

    yield get
    pool.shutdown(cancel_futures=True)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
