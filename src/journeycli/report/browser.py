"""The HTML report printed by a headless Chromium: the PDF and PNG formats (docs/html-report.md).

Playwright (the optional `pdf` extra) drives a Chromium found in this order:
`$JOURNEY_CHROMIUM`, the system's `chromium` (Debian's `/usr/bin/chromium`),
else the browser `playwright install chromium` downloaded. The page is handed
over as a string: nothing is loaded from disk or network, every request the
page might make is aborted, and Chromium runs with background networking,
component updates and the GPU off.

Page 1 of the PDF is the map: the print stylesheet puts the title and the grid
first and the analysis after a page break; when the grid is taller than one
A3 landscape page, it is zoomed out (and widened by the same factor, so it
still fills the page's width) until it fits. The PNG is that same first page
at twice the pixel density.

Chromium stamps a PDF with its creation time; those dates are replaced by a
fixed one of the same length, so the same report gives the same bytes as
long as Chromium's version and the system fonts do not change.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any, Literal

from journeycli.core.errors import UsageError

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--font-render-hinting=none",
]
MM = 96 / 25.4  # CSS pixels per millimetre
PAGE_MM = (420, 297)  # A3 landscape
MARGIN_MM = 8  # matches @page in templates/report/report.css
PAGE_WIDTH = round((PAGE_MM[0] - 2 * MARGIN_MM) * MM)
PAGE_HEIGHT = int((PAGE_MM[1] - 2 * MARGIN_MM) * MM)
PNG_MARGIN = round(MARGIN_MM * MM)  # the PNG's white edge, as wide as the PDF's margin
FIXED_DATE = b"D:20000101000000"
INSTALL_HINT = (
    "install it with: pip install 'journeycli[pdf]', and a Chromium: apt-get install chromium "
    "(or set JOURNEY_CHROMIUM to a Chromium executable, or run: playwright install chromium)"
)

# Zoom each map's page-1 blocks (title, facts, grid) until they fit one page.
FIT_JS = """
([avail, rounds]) => {
  const zooms = [];
  for (const map of document.querySelectorAll('.map')) {
    const grid = map.querySelector('.grid-section');
    if (!grid) continue;
    const head = map.querySelector('.map-head');
    const blocks = [...(head ? head.children : [])]
      .filter(el => !el.classList.contains('intro-grid'));
    blocks.push(grid);
    let zoom = 1;
    for (let i = 0; i < rounds; i++) {
      const top = Math.min(...blocks.map(el => el.getBoundingClientRect().top));
      const height = grid.getBoundingClientRect().bottom - top;
      if (height <= avail) break;
      zoom = zoom * avail / height * 0.99;
      for (const el of blocks) {
        el.style.zoom = String(zoom);
        el.style.width = `${100 / zoom}%`;
      }
    }
    zooms.push(zoom);
  }
  return zooms;
}
"""


def chromium_executable() -> str | None:
    """`$JOURNEY_CHROMIUM`, else a system Chromium on PATH, else None (Playwright's own)."""
    configured = os.environ.get("JOURNEY_CHROMIUM")
    if configured:
        if not Path(configured).is_file():
            raise UsageError(
                f"JOURNEY_CHROMIUM names '{configured}', which is not a file",
                hint="point it at a Chromium executable, or unset it",
            )
        return configured
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(kind: str, why: str) -> UsageError:
    return UsageError(f"the {kind} format needs a headless Chromium: {why}", hint=INSTALL_HINT)


def _stable(pdf: bytes) -> bytes:
    """The PDF with Chromium's creation and modification times fixed (same length, same xref)."""
    return re.sub(rb"D:\d{14}", FIXED_DATE, pdf)


def _fit(page: Any, margin: int) -> None:
    """Lay the page out as printed and zoom each map's page 1 to fit (FIT_JS)."""
    page.emulate_media(media="print")
    if margin:  # a PNG has no @page margin: the same white edge around the map
        page.add_style_tag(content=f"body {{ padding: {margin}px; }}")
    page.evaluate(FIT_JS, [PAGE_HEIGHT, 6])


def render_html(html: str, kind: Literal["pdf", "png"]) -> bytes:
    """The page as an A3 landscape PDF (map on page 1) or a PNG of that first page."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as exc:
        raise _unavailable(kind, "Playwright is not installed") from exc
    executable = chromium_executable()
    try:
        with sync_playwright() as playwright:
            try:
                browser = playwright.chromium.launch(
                    executable_path=executable, headless=True, args=FLAGS
                )
            except Error as exc:
                where = executable or "Playwright's own Chromium"
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else "it did not start"
                raise _unavailable(kind, f"{where} could not be started ({first})") from exc
            try:
                margin = PNG_MARGIN if kind == "png" else 0
                width, height = PAGE_WIDTH + 2 * margin, PAGE_HEIGHT + 2 * margin
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    device_scale_factor=2 if kind == "png" else 1,
                    service_workers="block",
                    offline=True,
                )
                context.route("**/*", lambda route: route.abort())
                page = context.new_page()
                page.set_content(html, wait_until="load")
                _fit(page, margin)
                if kind == "pdf":
                    data: bytes = page.pdf(
                        format="A3",
                        landscape=True,
                        print_background=True,
                        prefer_css_page_size=True,
                    )
                    return _stable(data)
                box = page.evaluate(
                    "() => { const g = document.querySelector('.grid-section');"
                    " return g ? g.getBoundingClientRect().bottom + window.scrollY : 0; }"
                )
                bottom = max(1, min(height, int(box) + margin))
                shot: bytes = page.screenshot(
                    clip={"x": 0, "y": 0, "width": width, "height": bottom},
                    full_page=True,
                    animations="disabled",
                    caret="hide",
                )
                return shot
            finally:
                browser.close()
    except Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unknown error"
        raise _unavailable(kind, f"Chromium failed ({first})") from exc
