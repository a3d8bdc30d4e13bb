"""The small exception hierarchy that the CLI maps to exit codes.

Core modules raise these instead of printing; one handler in `journeycli.cli`
turns them into a one-line message on stderr and the exit code (docs/architecture.md):
1 when the input has problems, 2 for usage or environment errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from journeycli.core.problems import Problem


class JourneyError(Exception):
    """Base of every error journey reports on purpose (never a traceback)."""

    exit_code: ClassVar[int] = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class UsageError(JourneyError):
    """A bad argument, a missing file, a refusal to overwrite: exit 2."""

    exit_code = 2


class ConfigError(UsageError):
    """An invalid `[tool.journey]` or `.journey.toml`: exit 2, naming file and key."""


class OutputError(UsageError):
    """An output file could not be written (permissions, disk full): exit 2."""


class InputError(JourneyError):
    """The input itself is wrong (a bad template, a malformed import): exit 1."""

    exit_code = 1


class InvalidMapError(InputError):
    """A map failed validation; carries the problems so the CLI can print them."""

    def __init__(self, problems: Sequence[Problem], message: str | None = None) -> None:
        self.problems = list(problems)
        first = self.problems[0].format_text() if self.problems else "invalid map"
        super().__init__(message or first)
