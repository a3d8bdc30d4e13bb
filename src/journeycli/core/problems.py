"""Problems are data until a reporter prints them.

Like yamllint's `LintProblem`, a Problem is sortable and carries 1-based line
and column numbers, so every reporter (text, json, github, sarif) agrees on
order and position without recomputing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from journeycli.core.safetext import escape_controls


def one_line(text: str) -> str:
    """`text` safe for a one-line message: line breaks and control characters as escapes.

    A path or a key with a line break would otherwise start a new line of
    output, which a CI log reads as a command of its own (`::error ...` in
    GitHub Actions); an escape character would drive the terminal. Tabs stay.
    """
    return escape_controls(text, keep="\t")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One finding at one place; the field order is the sort order."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format_text(self) -> str:
        """`path:line:col: CODE message`, always one line (see `one_line`)."""
        return one_line(f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}")

    def as_dict(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }
