"""`path:line:col: CODE message`, one a line, then a summary (like ruff and flake8)."""

from __future__ import annotations

from typing import TextIO

from journeycli.lint.run import LintResult


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(result: LintResult) -> str:
    checked = _plural(result.files, "map")
    if not result.problems:
        return f"All clear: {checked} checked, no problems."
    return (
        f"Found {_plural(result.errors, 'error')} and {_plural(result.warnings, 'warning')} "
        f"in {checked}."
    )


def write(result: LintResult, stream: TextIO) -> None:
    lines = [problem.format_text() for problem in result.problems]
    lines.append(summary(result))
    stream.write("\n".join(lines) + "\n")
