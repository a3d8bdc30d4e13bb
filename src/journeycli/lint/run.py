"""`journey lint`: check files one at a time; returns a result, prints nothing.

Files are read and checked one at a time, and only their problems are kept,
so memory does not grow with the number of maps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from journeycli.core.checks import check_map
from journeycli.core.gcpause import paused_gc
from journeycli.core.problems import Problem
from journeycli.core.settings import Settings
from journeycli.core.sources import discover, read_source
from journeycli.core.validation import load_map
from journeycli.lint.suppress import unsuppressed


@dataclass(frozen=True, slots=True)
class LintResult:
    files: int
    problems: tuple[Problem, ...]
    strict: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def exit_code(self) -> int:
        failing = self.errors + (self.warnings if self.strict else 0)
        return 1 if failing else 0


def lint_file(path: str, options: Settings) -> list[Problem]:
    """The wanted, unsuppressed problems of one map.

    The collector is paused for the whole file (see `paused_gc`): when it runs
    again between files, the map is already freed and only its problems are
    left to look at, so linting 1,000 maps spends no time re-walking them.
    """
    with paused_gc():
        return _problems_of(path, options)  # its frame, and the map, are gone on return


def _problems_of(path: str, options: Settings) -> list[Problem]:
    raw, name = read_source(path, options.limits.max_file_size)
    validated = load_map(raw, name, options.limits)
    wanted = [p for p in check_map(validated, options) if options.wants(p.code)]
    return unsuppressed(wanted, validated.document.text)


def lint_files(
    files: Sequence[str],
    options: Settings,
    on_file: Callable[[str], None] | None = None,
) -> LintResult:
    """Lint files already found by `discover` (the CLI counts them first for its progress bar)."""
    problems: list[Problem] = []
    for path in files:
        problems.extend(lint_file(path, options))
        if on_file is not None:
            on_file(path)
    return LintResult(len(files), tuple(sorted(problems)), options.strict)


def lint_paths(
    paths: Sequence[str],
    options: Settings,
    on_file: Callable[[str], None] | None = None,
) -> LintResult:
    return lint_files(discover(paths), options, on_file)
