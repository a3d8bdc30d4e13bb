"""Markdown text helpers shared by the diff and history Markdown output.

Map text is escaped so a name can never become HTML, emphasis or a link, and
lines are wrapped for markdownlint's default rules (docs/diff.md).
"""

from __future__ import annotations

import re
import textwrap

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_AUTOLINK = re.compile(r"(?i)(\b(?:https?|ftp)):(//)|(\bwww)\.|@")


def _no_autolink(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\:{match.group(2)}"
    if match.group(3):
        return f"{match.group(3)}\\."
    return "\\@"


def escape(text: str) -> str:
    """Map text as inert Markdown: no emphasis, links, autolinks, HTML or table breaks."""
    flat = " ".join(str(text).split())
    return _AUTOLINK.sub(_no_autolink, _SPECIAL.sub(r"\\\1", flat).replace("&", "&amp;"))


WIDTH = 80
_BLOCK_START = re.compile(r"^\s*([-+*>#=]|\d+[.)])")


def wrap(line: str) -> str:
    """A paragraph or list item wrapped at 80 columns (markdownlint MD013).

    Left whole when wrapping would start a continuation line with something
    Markdown reads as a new block (`- `, `#`, `1.`), or cannot get it short.
    """
    if len(line) <= WIDTH:
        return line
    indent = "  " if line.startswith("- ") else ""
    lines = textwrap.wrap(
        line, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )
    if any(_BLOCK_START.match(rest) for rest in lines[1:]):
        return line
    return "\n".join(lines)


def code(text: str) -> str:
    return "`" + str(text).replace("`", "'") + "`"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out
