"""The demo site and the theme test site in Chromium: each theme, light and dark, desktop and phone.

For each case every page of the site is opened and checked: no horizontal overflow, every
link the data files give is present and visible, each ``<details>`` toggle opens with
Enter and closes with Space from the keyboard with a visible focus ring, the blocks
follow the theme's light or dark mode, and axe-core finds no serious or critical
violation inside the extension's blocks. A full-page screenshot of each page goes to
``tests/browser/screenshots/`` (ignored by git) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from browser_checks import (
    SERIOUS,
    allow_local_only,
    axe_script,
    axe_violations,
    dark_mode_script,
    describe,
    focus_style,
    line_counts,
    luminance,
    overflow,
    visible_links,
)
from browser_sites import SITES, THEMES, data_links, iter_cases, normalize

pytestmark = pytest.mark.browser

CASES = list(iter_cases())
PHONE = 375


@contextmanager
def open_context(
    browser: Any, mode: str, width: int, *, stored_choice: bool = True
) -> Iterator[Any]:
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        color_scheme=mode,
        reduced_motion="reduce",
    )
    if stored_choice:
        context.add_init_script(dark_mode_script(mode))
    context.add_init_script(axe_script())  # parsed by the page itself: faster than evaluate
    context.route("**/*", allow_local_only)
    try:
        yield context.new_page()
    finally:
        context.close()


def check_toggles(page: Any, problems: list[str], where: str) -> int:
    """Open every toggle with Enter (checking the focus ring), leave them open; return count."""
    summaries = page.locator("details.sp-toggle > summary")
    count = summaries.count()
    for index in range(count):
        summary = summaries.nth(index)
        summary.focus()
        if index == 0:
            style = focus_style(summary)
            if not (style["focusVisible"] and (style["outline"] or style["shadow"])):
                problems.append(f"{where}: a focused toggle shows no focus ring ({style})")
        page.keyboard.press("Enter")
        if not summary.evaluate("s => s.parentElement.open"):
            problems.append(f"{where}: Enter did not open toggle {index}")
    return count


def close_toggles(page: Any, problems: list[str], where: str) -> None:
    summaries = page.locator("details.sp-toggle > summary")
    for index in reversed(range(summaries.count())):
        summary = summaries.nth(index)
        summary.focus()
        page.keyboard.press("Space")
        if summary.evaluate("s => s.parentElement.open"):
            problems.append(f"{where}: Space did not close toggle {index}")


def check_mode(page: Any, theme: str, mode: str, problems: list[str], where: str) -> None:
    """Dark blocks exactly where the theme is dark; light everywhere else."""
    # The page's own blocks: the sidebar card takes the sidebar's colours (rtd's is dark).
    facts = luminance(page, ".sp-block:not(.sp-sidebar-card)")
    dark = mode == "dark" and THEMES[theme].dark
    if dark and not facts["text"] > facts["background"]:
        problems.append(f"{where}: expected light text on a dark page, got {facts}")
    if not dark and not facts["text"] < facts["background"]:
        problems.append(f"{where}: expected dark text on a light page, got {facts}")


def check_layout(page: Any, site: str, width: int, problems: list[str], where: str) -> None:
    inline = ".sp-profile-block:not(.sp-sidebar-card)"
    card = page.locator(f"{inline} .sp-profile")
    # A card without a photo (a JSON Resume's, on the example CV) has no layout to check.
    if page.locator(f"{inline} .sp-profile .sp-avatar").count():
        avatar = page.locator(f"{inline} .sp-profile .sp-avatar").bounding_box()
        body = page.locator(f"{inline} .sp-profile-body").bounding_box()
        frame = card.bounding_box()
        if avatar["x"] - frame["x"] < 8:  # themes style docutils' "container" class
            problems.append(f"{where}: the avatar touches the card's border ({avatar}, {frame})")
        stacked = avatar["y"] + avatar["height"] <= body["y"] + 1
        if width == PHONE and not stacked:
            problems.append(f"{where}: the profile card does not stack at {width}px")
        if width != PHONE and stacked:
            problems.append(f"{where}: the avatar is not beside the text at {width}px")
    if site == "demo" and width != PHONE:
        wrapped = [m for m in line_counts(page, ".sp-compact .sp-pub-meta") if m["lines"] != 1]
        if wrapped:
            problems.append(f"{where}: compact meta lines wrap at {width}px: {wrapped}")


@pytest.mark.parametrize(
    ("site", "theme", "mode", "width"), CASES, ids=["-".join(map(str, case)) for case in CASES]
)
def test_site_in_browser(
    browser: Any,
    server: Any,
    built_site: Any,
    screenshot_dir: Path,
    site: str,
    theme: str,
    mode: str,
    width: int,
) -> None:
    outdir = built_site(site, theme)
    case = f"{site}-{theme}-{mode}-{width}"
    problems: list[str] = []
    seen: set[str] = set()
    toggles = 0
    with open_context(browser, mode, width) as page:
        for name in SITES[site].pages:
            where = f"{case} {name}.html"
            page.goto(f"{server.base_url}/{outdir.name}/{name}.html", wait_until="load")
            slug = name.replace("/", "-")
            shot = screenshot_dir / f"{case}-{slug}.png"
            page.screenshot(path=shot, full_page=True)
            print(f"screenshot: {shot}")
            if page.locator(".sp-block").count() == 0:
                problems.append(f"{where}: no sp-block on the page")
                continue
            check_mode(page, theme, mode, problems, where)
            check_layout(page, site, width, problems, where)
            links = page.locator(".sp-block:not(.sp-sidebar-card) a[href]")
            if links.count():
                links.first.focus()
                style = focus_style(links.first)
                if not (style["outline"] or style["shadow"]):
                    problems.append(f"{where}: a focused link shows no focus ring ({style})")
            violations = axe_violations(page)  # toggles closed: their summaries
            count = check_toggles(page, problems, where)
            toggles += count
            if count:
                page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
                shot = screenshot_dir / f"{case}-{slug}-open.png"
                page.screenshot(path=shot, full_page=True)
                print(f"screenshot: {shot}")
            seen.update(normalize(href) for href in visible_links(page))
            wide = overflow(page)
            if wide.overflows:
                problems.append(
                    f"{where}: the page is {wide.scroll_width}px wide in a "
                    f"{wide.inner_width}px window (wide blocks: {wide.wide})"
                )
            if count:  # toggles open: their content too
                known = {v["id"] for v in violations}
                violations += [v for v in axe_violations(page) if v["id"] not in known]
            print(f"axe {where}: {[(v['id'], v['impact']) for v in violations] or 'none'}")
            serious = [v for v in violations if v["impact"] in SERIOUS]
            if serious:
                problems.append(f"{where}: axe-core found\n{describe(serious)}")
            close_toggles(page, problems, where)
    missing = sorted(
        url for url in map(normalize, data_links(SITES[site].data_dir)) if url not in seen
    )
    if missing:
        problems.append(f"{case}: data links missing or hidden: {missing}")
    if site == "themes" and toggles == 0:
        problems.append(f"{case}: the theme site shows no toggle")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("theme", [name for name, theme in THEMES.items() if theme.dark])
def test_theme_follows_the_system_dark_mode_when_the_reader_chose_nothing(
    browser: Any, server: Any, built_site: Any, theme: str
) -> None:
    """No stored choice ("auto"): a dark system gives dark blocks in a theme with dark mode."""
    outdir = built_site("themes", theme)
    with open_context(browser, "dark", 1280, stored_choice=False) as page:
        page.goto(f"{server.base_url}/{outdir.name}/index.html", wait_until="load")
        facts = luminance(page, ".sp-block")
        badge = luminance(page, ".sp-badge")
    assert facts["text"] > facts["background"], facts
    assert badge["text"] > 0.2, f"a venue badge is too dark for a dark page: {badge}"


def test_print_leaves_out_toggles_and_writes_out_link_addresses(
    browser: Any, server: Any, built_site: Any, screenshot_dir: Path
) -> None:
    outdir = built_site("themes", "alabaster")
    with open_context(browser, "light", 1280) as page:
        page.goto(f"{server.base_url}/{outdir.name}/publications.html", wait_until="load")
        page.emulate_media(media="print")
        shot = screenshot_dir / "themes-alabaster-print-publications.png"
        page.screenshot(path=shot, full_page=True)
        print(f"screenshot: {shot}")
        toggles = page.evaluate(
            """() => Array.from(document.querySelectorAll('.sp-block details.sp-toggle'))
                 .map(d => [d.classList.contains('sp-authors'), getComputedStyle(d).display])"""
        )
        after = page.evaluate(
            """() => getComputedStyle(
                 document.querySelector('.sp-block a.sp-link[href^="https:"]'), '::after'
               ).content"""
        )
        summary = page.evaluate(
            "() => getComputedStyle(document.querySelector('details.sp-authors > summary'))"
            ".listStyleType"
        )
    assert toggles, "the page has no toggles to hide"
    # abstracts and BibTeX are left out; a long author list keeps its short form
    assert {display for authors, display in toggles if not authors} == {"none"}
    assert {display for authors, display in toggles if authors} == {"block"}
    assert summary == "none"
    assert "https://" in after


@pytest.mark.parametrize("address", ["about/", "about.html", "about/#research"])
def test_old_addresses_of_the_seed_lead_to_the_landing_page(
    browser: Any, server: Any, built_site: Any, address: str
) -> None:
    """The seed's redirect_from: /about/ and /about.html land on the About page (with its hash)."""
    outdir = built_site("demo", "alabaster")
    with open_context(browser, "light", 1280) as page:
        page.goto(f"{server.base_url}/{outdir.name}/{address}", wait_until="load")
        page.wait_for_url(f"{server.base_url}/{outdir.name}/index.html*")
        heading = page.locator("h1").first.inner_text()
        url = page.url
    assert url.startswith(f"{server.base_url}/{outdir.name}/index.html")
    if "#" in address:
        assert url.endswith("#research")
    assert heading.rstrip("¶ \n") == "About"
