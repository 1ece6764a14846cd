"""The profile card in the sidebar and the thumbnails, in Chromium: each theme, light and
dark, desktop and phone.

The demo's Publications page is a page other than the landing page: the card must be in
the theme's sidebar there. On a desktop it is visible beside the content; on a phone the
theme's own drawer holds it (alabaster, which has no drawer, puts its sidebar at the foot
of the page), and it fits the screen once open. Its links show their icons and keep
their labels as accessible names; axe-core finds nothing at all in the card. The theme
site's Publications page shows two thumbnails. A screenshot of each case goes to
``tests/browser/screenshots/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_checks import axe_violations, describe, overflow
from browser_sites import THEMES
from test_themes import PHONE, open_context

pytestmark = pytest.mark.browser

CASES = [
    (theme, mode, width)
    for theme in THEMES
    for mode in ("light", "dark")
    for width in (1280, PHONE)
]
# What opens each theme's drawer on a phone (alabaster has none).
DRAWER_BUTTONS = {
    "furo": "label.toc-overlay-icon, .header-left label[for='__navigation']",
    "pydata_sphinx_theme": "button.primary-toggle",
    "sphinx_book_theme": "button.primary-toggle",
    "sphinx_rtd_theme": "[data-toggle='wy-nav-top']",
}
LABELS = ["Homepage", "GitHub"]
"""The links of the demo's profile.yaml, as the card reads them."""

_IMAGE_JS = """img => ({loaded: img.complete && img.naturalWidth > 0,
                      width: img.getBoundingClientRect().width})"""


def card_facts(page: Any) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """() => {
          // Some themes copy the sidebar into their phone drawer: the card on screen.
          const cards = Array.from(document.querySelectorAll('.sp-sidebar .sp-sidebar-card'));
          if (!cards.length) return {present: false};
          let index = cards.findIndex(c => {
            const b = c.getBoundingClientRect();
            return c.checkVisibility() && b.right > 0 && b.left < window.innerWidth;
          });
          if (index < 0) index = 0;
          const card = cards[index];
          const box = card.getBoundingClientRect();
          const main = document.querySelector('.sp-publications-block').getBoundingClientRect();
          const icons = Array.from(card.querySelectorAll('a svg.sp-icon')).map(svg => {
            const b = svg.getBoundingClientRect();
            return {visible: svg.checkVisibility() && b.width >= 8 && b.height >= 8,
                    hidden: svg.getAttribute('aria-hidden')};
          });
          return {present: true, index, visible: card.checkVisibility(), left: box.left,
                  right: box.right, top: box.top, bottom: box.bottom,
                  mainLeft: main.left, mainTop: main.top, icons};
        }"""
        )
    )


@pytest.mark.parametrize(
    ("theme", "mode", "width"), CASES, ids=["-".join(map(str, case)) for case in CASES]
)
def test_sidebar_card_on_a_page_other_than_the_landing_page(
    browser: Any,
    server: Any,
    built_site: Any,
    screenshot_dir: Path,
    theme: str,
    mode: str,
    width: int,
) -> None:
    outdir = built_site("demo", theme)
    case = f"sidebar-{theme}-{mode}-{width}"
    problems: list[str] = []
    with open_context(browser, mode, width) as page:
        page.goto(f"{server.base_url}/{outdir.name}/publications.html", wait_until="load")
        facts = card_facts(page)
        assert facts["present"], f"{case}: no sidebar card on publications.html"
        if width == PHONE and theme in DRAWER_BUTTONS:
            if facts["visible"] and facts["right"] > 0 and facts["left"] < width:
                problems.append(f"{case}: the card shows outside the theme's drawer: {facts}")
            if theme == "sphinx_book_theme":
                # sphinx-book-theme 1.4 with pydata-sphinx-theme 0.20: both themes' scripts
                # bind the drawer to the first .primary-toggle, pydata's header button,
                # which book hides on a phone; its own visible button opens nothing (a
                # bug of the themes, in every book site). Press the one that is bound.
                page.evaluate("() => document.querySelector('.primary-toggle').click()")
            else:
                page.locator(DRAWER_BUTTONS[theme]).locator("visible=true").first.click()
            page.wait_for_timeout(400)  # the drawer slides in (reduced motion: at once)
            facts = card_facts(page)
        card = page.locator(".sp-sidebar .sp-sidebar-card").nth(facts["index"])
        card.scroll_into_view_if_needed()
        shot = screenshot_dir / f"{case}.png"
        page.screenshot(path=shot, full_page=width != PHONE)
        print(f"screenshot: {shot}")
        if not card.is_visible():
            problems.append(f"{case}: the card is not visible ({facts})")
        if facts["left"] < -1 or facts["right"] > width + 1:
            problems.append(f"{case}: the card does not fit the window: {facts}")
        if width != PHONE and facts["right"] > facts["mainLeft"] + 1:
            problems.append(f"{case}: the card is not beside the content: {facts}")
        avatar = card.locator("img.sp-avatar").evaluate(_IMAGE_JS)
        if not avatar["loaded"] or avatar["width"] < 40:
            problems.append(f"{case}: the avatar did not load or is tiny: {avatar}")
        if len(facts["icons"]) != len(LABELS) or not all(
            icon["visible"] and icon["hidden"] == "true" for icon in facts["icons"]
        ):
            problems.append(f"{case}: icons missing, invisible or not aria-hidden: {facts}")
        for label in LABELS:
            # the label is the link's accessible name (the icon is hidden from it)
            if not card.get_by_role("link", name=label, exact=True).is_visible():
                problems.append(f"{case}: no visible link named {label!r}")
        violations = axe_violations(page, ".sp-sidebar .sp-sidebar-card")
        if violations:
            problems.append(f"{case}: axe-core found\n{describe(violations)}")
        wide = overflow(page)
        if wide.overflows:
            problems.append(f"{case}: the page overflows: {wide}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", [1280, PHONE])
def test_thumbnails_beside_their_entries(
    browser: Any, server: Any, built_site: Any, screenshot_dir: Path, theme: str, width: int
) -> None:
    outdir = built_site("themes", theme)
    with open_context(browser, "light", width) as page:
        page.goto(f"{server.base_url}/{outdir.name}/publications.html", wait_until="load")
        images = page.locator("li.sp-pub > img.sp-pub-preview")
        assert images.count() == 2
        for index in range(images.count()):
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            facts = image.evaluate(
                """img => {
              const box = img.getBoundingClientRect();
              // the title's first line of text (its block box runs under the float)
              const range = document.createRange();
              range.selectNodeContents(img.parentElement.querySelector('.sp-pub-title'));
              const title = range.getClientRects()[0];
              return {loaded: img.complete && img.naturalWidth > 0, left: box.left,
                      right: box.right, width: box.width, titleLeft: title.left,
                      titleTop: title.top, top: box.top, bottom: box.bottom};
            }"""
            )
            assert facts["loaded"], facts
            assert 40 <= facts["width"] <= 0.4 * width, facts
            # beside the entry: the title starts right of the image, on its first line
            assert facts["titleLeft"] >= facts["right"], facts
            assert facts["top"] - 8 <= facts["titleTop"] < facts["bottom"], facts
        shot = screenshot_dir / f"thumbnails-{theme}-{width}.png"
        images.first.scroll_into_view_if_needed()
        page.screenshot(path=shot)
        print(f"screenshot: {shot}")
        assert not overflow(page).overflows
        serious = [v for v in axe_violations(page, "li.sp-pub") if v["impact"]]
        assert not serious, describe(serious)
