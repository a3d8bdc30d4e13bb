"""`path:line:col: CODE message`, one a line, then a summary (like ruff and flake8)."""

from __future__ import annotations

from typing import TextIO

from journeycli.core.messages import Message, msg, text
from journeycli.lint.run import LintResult


def _count(n: int, what: str) -> Message:
    return msg(f"lint.{what}.{'one' if n == 1 else 'other'}", n=n)


def summary(result: LintResult) -> str:
    """The last line, in the maps' language (docs/lint.md, "Messages in Dutch")."""
    lang = result.language
    checked = _count(result.files, "maps")
    if not result.problems:
        return text("lint.all_clear", lang, maps=checked)
    errors, warnings = _count(result.errors, "errors"), _count(result.warnings, "warnings")
    return text("lint.found", lang, errors=errors, warnings=warnings, maps=checked)


def write(result: LintResult, stream: TextIO) -> None:
    """One line per problem, written as it is formatted: 10,000 problems need no 2 MB string."""
    for problem in result.problems:
        stream.write(problem.format_text() + "\n")
    stream.write(summary(result) + "\n")
