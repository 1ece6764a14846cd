"""What the browser tests measure on a page, as small functions over a Playwright page.

Each returns facts (numbers, lists) and leaves the asserting to the tests, so that a
failure message shows what was seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Requests to anything but the local server are refused: a page must not need the network.
LOCAL_HOSTS = ("http://127.0.0.1:", "data:", "blob:", "about:")

SERIOUS = {"serious", "critical"}

_OVERFLOW_JS = """() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  wide: Array.from(document.querySelectorAll('.sp-block, .sp-block *'))
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
                  && el.checkVisibility() && !el.closest('pre'))
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + '.' + Array.from(el.classList).join('.')),
})"""

_VISIBLE_LINKS_JS = """() => Array.from(document.querySelectorAll('.sp-block a[href]'))
  .filter(a => {
    const box = a.getBoundingClientRect();
    return a.checkVisibility({opacityProperty: true, visibilityProperty: true})
      && box.width > 0 && box.height > 0;
  })
  .map(a => a.href)"""

_FOCUS_STYLE_JS = """el => {
  const style = getComputedStyle(el);
  return {
    focusVisible: el.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
    shadow: style.boxShadow !== 'none',
  };
}"""

# Relative luminance (WCAG 2) of an element's text colour and of the first opaque
# background behind it. A canvas converts any CSS colour (oklch() too) to sRGB.
_LUMINANCE_JS = """selector => {
  const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  const rgba = colour => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    return Array.from(ctx.getImageData(0, 0, 1, 1).data);
  };
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const el = document.querySelector(selector);
  let node = el, bg = [255, 255, 255, 255];
  while (node && node.nodeType === 1) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c[3] > 128) { bg = c; break; }
    node = node.parentElement;
  }
  return {background: lum(bg), text: lum(rgba(getComputedStyle(el).color))};
}"""

# The number of lines each matching element takes: its text boxes grouped by their
# vertical middle (an inline-block badge sits a pixel or two off the text's box).
_LINES_JS = """selector => Array.from(document.querySelectorAll(selector))
  .filter(el => el.checkVisibility())
  .map(el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const half = parseFloat(getComputedStyle(el).fontSize) / 2;
    const middles = Array.from(range.getClientRects())
      .filter(r => r.width > 0).map(r => (r.top + r.bottom) / 2).sort((a, b) => a - b);
    let lines = 0, last = -Infinity;
    for (const middle of middles) {
      if (middle - last > half) lines += 1;
      last = middle;
    }
    return {text: el.textContent.trim(), lines};
  })"""


def allow_local_only(route: Any) -> None:
    if route.request.url.startswith(LOCAL_HOSTS):
        route.continue_()
    else:
        route.abort()


def dark_mode_script(mode: str) -> str:
    """Set the themes' own switches before their scripts run (furo: ``theme``, pydata and
    sphinx-book-theme: ``mode`` and ``theme``)."""
    return (
        f"try {{ localStorage.setItem('theme', '{mode}');"
        f" localStorage.setItem('mode', '{mode}'); }} catch (e) {{}}"
    )


@dataclass(frozen=True)
class Overflow:
    scroll_width: int
    inner_width: int
    wide: list[str]

    @property
    def overflows(self) -> bool:
        return self.scroll_width > self.inner_width


def overflow(page: Any) -> Overflow:
    facts = page.evaluate(_OVERFLOW_JS)
    return Overflow(facts["scrollWidth"], facts["innerWidth"], facts["wide"])


def visible_links(page: Any) -> list[str]:
    return list(page.evaluate(_VISIBLE_LINKS_JS))


def focus_style(locator: Any) -> dict[str, bool]:
    return dict(locator.evaluate(_FOCUS_STYLE_JS))


def luminance(page: Any, selector: str) -> dict[str, float]:
    return dict(page.evaluate(_LUMINANCE_JS, selector))


def line_counts(page: Any, selector: str) -> list[dict[str, Any]]:
    return list(page.evaluate(_LINES_JS, selector))


def axe_script() -> str:
    """axe-core as bundled by axe-playwright-python: never fetched at test time."""
    from axe_playwright_python.base import AXE_SCRIPT

    return str(AXE_SCRIPT)


def axe_violations(page: Any, selector: str = ".sp-block") -> list[dict[str, Any]]:
    """axe-core's violations inside the extension's blocks, every impact."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script())
    results = page.evaluate(
        "selector => axe.run({include: [[selector]]}, {resultTypes: ['violations']})",
        selector,
    )
    return list(results["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:3]:
            lines.append(f"    {node['target']}: {node['failureSummary']!r}")
    return "\n".join(lines)
