"""Problems are data until a reporter prints them.

Like yamllint's `LintProblem`, a Problem is sortable and carries 1-based line
and column numbers, so every reporter (text, json, github, sarif) agrees on
order and position without recomputing anything.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from journeycli.core.enums import Language
from journeycli.core.messages import Message
from journeycli.core.safetext import escape_controls


def one_line(text: str) -> str:
    """`text` safe for a one-line message: line breaks and control characters as escapes.

    A path or a key with a line break would otherwise start a new line of
    output, which a CI log reads as a command of its own (`::error ...` in
    GitHub Actions); an escape character would drive the terminal. Tabs stay.
    """
    return escape_controls(text, keep="\t")


def dotted(loc: Sequence[str | int]) -> str:
    """`("stages", 2, "touchpoints", 0, "name")` -> `stages[2].touchpoints[0].name`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    """Every rule code, the one spelling of each (docs/rules.md lists what they mean).

    A problem is raised with a member (`Code.E003`), never a bare string, so
    a mistyped code fails type checking instead of reaching a user. E-codes are
    errors and W-codes warnings; each has one module in `core/rules/` that
    describes it (and, for the rules run on a valid model, checks it).
    """

    E001 = "E001"
    E002 = "E002"
    E003 = "E003"
    E004 = "E004"
    E005 = "E005"
    E006 = "E006"
    W101 = "W101"
    W102 = "W102"
    W103 = "W103"
    W104 = "W104"
    W105 = "W105"
    W106 = "W106"
    W107 = "W107"
    W108 = "W108"
    W109 = "W109"
    W110 = "W110"
    W111 = "W111"
    W112 = "W112"

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self.value.startswith("E") else Severity.WARNING


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One finding at one place; the field order is the sort order.

    `message` is the text in English; `template` (when the problem was made
    from the catalogue, `Problem.of`) lets `in_language` write it in the
    map's language (docs/lint.md, "Messages in Dutch").
    """

    path: str
    line: int
    column: int
    code: Code
    severity: Severity
    message: str
    template: Message | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, path: str, line: int, column: int, code: Code, message: Message) -> Problem:
        """A problem with its catalogue message; the severity follows from the code."""
        return cls(path, line, column, code, code.severity, message.render(), message)

    def in_language(self, lang: Language | str) -> Problem:
        """The same problem with its message in `lang` (itself when it has no template)."""
        if self.template is None:
            return self
        return dataclasses.replace(self, message=self.template.render(lang))

    def written(self, lang: Language | str) -> Problem:
        """The problem as it is printed: its message in `lang`, the template dropped.

        Nothing translates it again, and a lint of 1,000 maps keeps every problem
        until it prints them (docs/performance.md, "Streaming").
        """
        if self.template is None:
            return self
        return dataclasses.replace(self, message=self.template.render(lang), template=None)

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
