"""The output formats of `journey diff`, one module each, listed once (docs/diff.md)."""

from __future__ import annotations

from journeycli.core.formats import Format, FormatRegistry

_HERE = "journeycli.diff.formats"

FORMATS = FormatRegistry(
    "diff",
    [
        Format(
            "text",
            (".txt",),
            "a readable list of what changed",
            render=f"{_HERE}.text:render",
            write=f"{_HERE}.text:write",
        ),
        Format("md", (".md", ".markdown"), "Markdown (a PR comment)", render=f"{_HERE}.md:render"),
        Format("json", (".json",), "the changes as JSON", render=f"{_HERE}.json:render"),
    ],
)
