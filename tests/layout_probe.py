"""Layout measurements of an HTML report in headless Chromium, shared by the layout tests.

`overflows(page)` lists every element whose content is wider than its box
(scrollWidth beyond clientWidth), which is what "text spills out of its card"
means in a browser; `page_scrolls(page)` tells whether the page itself scrolls
sideways. Both run in the page through Playwright.
"""

from __future__ import annotations

from typing import Any

OVERFLOWS_JS = """
() => {
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'none') continue;
    if (el.classList.contains('grid-scroll') || el.classList.contains('table-scroll')) continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      const what = `${el.tagName.toLowerCase()}.${el.className}`;
      const text = el.textContent.trim().slice(0, 60);
      found.push(`${what}: ${el.scrollWidth} > ${el.clientWidth}: ${text}`);
    }
  }
  return found;
}
"""

SCROLLS_JS = """
() => ({
  page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  grids: [...document.querySelectorAll('.grid-scroll')].map(g => g.scrollWidth - g.clientWidth),
})
"""


def overflows(page: Any) -> list[str]:
    result: list[str] = page.evaluate(OVERFLOWS_JS)
    return result


def scrolls(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(SCROLLS_JS)
    return result
