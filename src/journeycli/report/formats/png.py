"""The report as PNG: the HTML page printed by a headless Chromium (docs/html-report.md).

The map: the title and the grid, as page 1 of the PDF shows them, at twice the pixel density.
Needs the optional `pdf` extra (Playwright) and a Chromium; without them the
command stops with exit 2 and writes nothing (`journeycli.report.browser`).
"""

from __future__ import annotations

from journeycli.core.combined import Report
from journeycli.core.model import Language

BINARY = True


def render_bytes(report: Report, lang: Language) -> bytes:
    """The PNG bytes of the HTML report in `lang`."""
    from journeycli.report.browser import render_html
    from journeycli.report.formats.html import render as render_page

    return render_html(render_page(report, lang), "png")
