"""`journey lint`: check files one at a time; returns a result, prints nothing.

Files are read and checked one at a time, and only their problems are kept,
so memory does not grow with the number of maps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from journeycli.core.checks import check_map, in_language, message_language
from journeycli.core.enums import Language
from journeycli.core.gcpause import paused_gc
from journeycli.core.problems import Problem
from journeycli.core.settings import Settings
from journeycli.core.sources import discover, read_source
from journeycli.core.suppress import unsuppressed
from journeycli.core.validation import load_map


@dataclass(frozen=True, slots=True)
class LintResult:
    files: int
    problems: tuple[Problem, ...]
    strict: bool = False
    language: Language = Language.EN  # of the summary (docs/lint.md, "Messages in Dutch")

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
    """The wanted, unsuppressed problems of one map, in its language (see `lint_map`)."""
    return lint_map(path, options)[0]


def lint_map(path: str, options: Settings) -> tuple[list[Problem], Language]:
    """The wanted, unsuppressed problems of one map.

    The collector is paused for the whole file (see `paused_gc`): when it runs
    again between files, the map is already freed and only its problems are
    left to look at, so linting 1,000 maps spends no time re-walking them.
    The messages are written in the map's language (or `--lang`), which is
    returned too.
    """
    with paused_gc():
        return _problems_of(path, options)  # its frame, and the map, are gone on return


def _problems_of(path: str, options: Settings) -> tuple[list[Problem], Language]:
    raw, name = read_source(path, options.limits.max_file_size)
    validated = load_map(raw, name, options.limits)
    wanted = [p for p in check_map(validated, options) if options.reports(p)]
    lang = message_language(validated, options)
    return in_language(unsuppressed(wanted, validated.document.text), lang), lang


def lint_files(
    files: Sequence[str],
    options: Settings,
    on_file: Callable[[str], None] | None = None,
) -> LintResult:
    """Lint files already found by `discover` (the CLI counts them first for its progress bar).

    The summary is in the maps' language when they all share one (or in
    `--lang`), else in English.
    """
    problems: list[Problem] = []
    languages: set[Language] = set()
    for path in files:
        found, lang = lint_map(path, options)
        problems.extend(found)
        languages.add(lang)
        if on_file is not None:
            on_file(path)
    summary = languages.pop() if len(languages) == 1 else Language.EN
    return LintResult(len(files), tuple(sorted(problems)), options.strict, summary)


def lint_paths(
    paths: Sequence[str],
    options: Settings,
    on_file: Callable[[str], None] | None = None,
) -> LintResult:
    return lint_files(discover(paths), options, on_file)
