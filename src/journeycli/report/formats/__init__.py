"""The output formats of `journey report`, one module each, listed once.

A format module provides `render(report, lang) -> str` and may provide
`write(report, lang, stream)` to write to a stream itself (the terminal
format does, to colour its output on a terminal). It reads the figures of the
Analysis and only formats them; it never recomputes a gap, a rank or a
funnel figure. The CLI builds `--format` from this registry, and `--output`'s
extension picks a format through it (docs/report.md). The pdf and png formats
are binary: their `render_bytes` prints the HTML page in a headless Chromium
(docs/html-report.md#pdf-and-png).
"""

from __future__ import annotations

from journeycli.core.formats import Format, FormatRegistry

_HERE = "journeycli.report.formats"

FORMATS = FormatRegistry(
    "report",
    [
        Format(
            "terminal",
            (".txt",),
            "tables for the terminal",
            render=f"{_HERE}.terminal:render",
            write=f"{_HERE}.terminal:write",
        ),
        Format("md", (".md", ".markdown"), "Markdown", render=f"{_HERE}.markdown:render"),
        Format("html", (".html", ".htm"), "one self-contained page", render=f"{_HERE}.html:render"),
        Format("json", (".json",), "the figures as JSON", render=f"{_HERE}.json:render"),
        Format("csv", (".csv",), "one row per open action", render=f"{_HERE}.csv:render"),
        Format(
            "pdf",
            (".pdf",),
            "A3 landscape, the map on page 1 (needs Chromium)",
            render=f"{_HERE}.pdf:render_bytes",
            binary=True,
        ),
        Format(
            "png",
            (".png",),
            "the map as an image (needs Chromium)",
            render=f"{_HERE}.png:render_bytes",
            binary=True,
        ),
    ],
)
