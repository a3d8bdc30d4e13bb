"""The output formats of `journey history`, one module each, listed once (docs/diff.md)."""

from __future__ import annotations

from journeycli.core.formats import Format, FormatRegistry

_HERE = "journeycli.history.formats"

FORMATS = FormatRegistry(
    "history",
    [
        Format(
            "terminal",
            (".txt",),
            "sparklines per stage",
            render=f"{_HERE}.terminal:render",
            write=f"{_HERE}.terminal:write",
        ),
        Format("md", (".md", ".markdown"), "Markdown", render=f"{_HERE}.md:render"),
        Format("json", (".json",), "every revision as JSON", render=f"{_HERE}.json:render"),
        Format("html", (".html", ".htm"), "one page with charts", render=f"{_HERE}.html:render"),
    ],
)
