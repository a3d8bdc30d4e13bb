"""Discovery, reading and checking of maps; returns a result, prints nothing.

Files are read and checked one at a time, and only their problems are kept,
so memory does not grow with the number of maps.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeycli.engine import DEFAULT_GAP_THRESHOLD
from journeycli.errors import InvalidMapError, UsageError
from journeycli.gcpause import paused_gc
from journeycli.lint.rules import CHECKED_RULES, RuleContext
from journeycli.lint.suppress import unsuppressed
from journeycli.loader import Limits
from journeycli.model import JourneyMap
from journeycli.problems import Problem
from journeycli.safetext import escape_controls
from journeycli.validation import ValidatedMap, load_map

STDIN = "-"
STDIN_NAME = "<stdin>"
MAP_SUFFIXES = (".journey.yaml", ".journey.yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv", "env"})


@dataclass(frozen=True, slots=True)
class LintOptions:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    gap_threshold: int = DEFAULT_GAP_THRESHOLD
    limits: Limits = field(default_factory=Limits)

    def wants(self, code: str) -> bool:
        """Selected (all when nothing is selected) and not ignored; codes or prefixes.

        As in flake8 and ruff, the most specific match wins, so `--select W102
        --ignore W` keeps W102; on a tie (`--select W1 --ignore W1`) ignore wins.
        Only warnings are chosen this way: errors are always reported (`reports`).
        """
        selected = max(
            (len(p) for p in self.select if code.startswith(p)), default=-1 if self.select else 0
        )
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def reports(self, problem: Problem) -> bool:
        """Every error, and the warnings `wants`: a configuration file in a pull request
        must not be able to hide errors (`ignore = ["E"]`); docs/security.md."""
        return problem.is_error or self.wants(problem.code)


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


def is_map_file(name: str) -> bool:
    return name.endswith(MAP_SUFFIXES)


def _skip_dir(directory: Path) -> bool:
    name = directory.name
    return name.startswith(".") or name in SKIPPED_DIRS or (directory / "pyvenv.cfg").exists()


def _walk(root: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _skip_dir(here / d))
        for name in sorted(filenames):
            if is_map_file(name):
                yield str(here / name)


def discover(paths: Sequence[str]) -> list[str]:
    """Expand directories into the maps under them; a named file is taken whatever its name."""
    found: list[str] = []
    for raw in paths or (".",):
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path))
        elif path.exists():
            found.append(raw)
        else:
            from journeycli.hints import missing_file

            raise UsageError(f"{raw}: no such file or directory", hint=missing_file(raw))
    unique = list(dict.fromkeys(found))
    if not unique:
        shown = ", ".join(paths or (".",))
        raise UsageError(
            f"no *.journey.yaml or *.journey.yml maps found in {shown}",
            hint="run `journey new NAME` to start one",
        )
    return unique


def read_source(path: str) -> tuple[bytes, str]:
    """The bytes of a map and the name to report it under; `-` is standard input.

    The name has its control, bidi and undecodable characters escaped
    (`safetext.escape_controls`): it is shown by every output format, and a
    file name comes from whoever named the file (docs/security.md).
    """
    if path == STDIN:
        return sys.stdin.buffer.read(), STDIN_NAME
    try:
        return Path(path).read_bytes(), escape_controls(path)
    except IsADirectoryError as exc:
        raise UsageError(f"{path}: is a directory, not a map file") from exc
    except FileNotFoundError as exc:
        from journeycli.hints import missing_file

        raise UsageError(f"{path}: no such file", hint=missing_file(path)) from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def check_map(validated: ValidatedMap, gap_threshold: int = DEFAULT_GAP_THRESHOLD) -> list[Problem]:
    """Every problem of one map: loading, schema, then the rules (in registry order)."""
    problems = list(validated.problems)
    model, document = validated.model, validated.document
    if model is None:
        return problems
    context = RuleContext(model, gap_threshold)
    with paused_gc():  # see paused_gc: the rules walk a large model without cycles
        for rule in CHECKED_RULES:
            assert rule.check is not None
            for finding in rule.check(context):
                line, col = document.positions.locate(
                    document.data, finding.loc, key=finding.at_key
                )
                problems.append(
                    Problem(document.path, line, col, rule.code, rule.severity, finding.message)
                )
    return problems


def map_errors(
    validated: ValidatedMap, gap_threshold: int = DEFAULT_GAP_THRESHOLD
) -> list[Problem]:
    """The errors (not warnings) that make a map unusable for report, diff and export."""
    return sorted(p for p in check_map(validated, gap_threshold) if p.is_error)


def valid_map(raw: bytes, name: str, limits: Limits | None = None) -> JourneyMap:
    """Bytes -> the model of a map with no lint errors, or InvalidMapError carrying them.

    Warnings (an unscored stage, a missing owner) do not stop a command, but
    duplicate ids (E004) or dangling references (E005) would make matching by
    id and scoring meaningless, so those do.
    """
    validated = load_map(raw, name, limits or Limits())
    errors = map_errors(validated)
    if errors or validated.model is None:
        raise InvalidMapError(errors)
    return validated.model


def lint_file(path: str, options: LintOptions) -> list[Problem]:
    """The wanted, unsuppressed problems of one map.

    The collector is paused for the whole file (see `paused_gc`): when it runs
    again between files, the map is already freed and only its problems are
    left to look at, so linting 1,000 maps spends no time re-walking them.
    """
    with paused_gc():
        return _problems_of(path, options)  # its frame, and the map, are gone on return


def _problems_of(path: str, options: LintOptions) -> list[Problem]:
    raw, name = read_source(path)
    validated = load_map(raw, name, options.limits)
    wanted = [p for p in check_map(validated, options.gap_threshold) if options.reports(p)]
    return unsuppressed(wanted, validated.document.text)


def lint_files(
    files: Sequence[str],
    options: LintOptions,
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
    options: LintOptions,
    on_file: Callable[[str], None] | None = None,
) -> LintResult:
    return lint_files(discover(paths), options, on_file)


def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """`["W1,E003", "W102"]` -> `("W1", "E003", "W102")`, upper-cased, validated."""
    from journeycli.lint.rules import RULES

    codes: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(known.startswith(code) for known in RULES):
                raise UsageError(
                    f"unknown rule code or prefix '{part.strip()}'",
                    hint=f"known codes: {', '.join(RULES)}",
                )
            codes.append(code)
    return tuple(codes)
