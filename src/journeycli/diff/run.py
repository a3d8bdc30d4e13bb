"""`journey diff` end to end: sources in, a format out, a verdict back.

The CLI parses arguments and maps the verdict to an exit code; everything it
would otherwise have to decide (one path with `--rev` or two without, which
renderer, a file or the stream, which `--fail-on` conditions fired) is
decided here, so the command modules stay free of logic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from journeycli.core.errors import UsageError
from journeycli.core.fs import write_output

if TYPE_CHECKING:
    from journeycli.core.problems import Problem
    from journeycli.core.settings import Settings
    from journeycli.diff.changes import Changes
    from journeycli.diff.gate import Regression
    from journeycli.diff.tree_changes import TreeChanges


@dataclass(frozen=True, slots=True)
class DiffOutcome:
    """What the exit code depends on: whether anything changed, which regressions fired."""

    changed: bool
    regressions: dict[str, tuple[Regression, ...]]
    errors: tuple[Problem, ...] = ()  # a directory diff: lint errors of maps in the working copy

    def regression_lines(self) -> list[str]:
        """One line per fired `--fail-on` condition, naming the items that fired it."""
        return [
            f"--fail-on {condition}: " + "; ".join(f"{item.name} ({item.detail})" for item in items)
            for condition, items in self.regressions.items()
        ]


def run_diff(
    paths: Sequence[str],
    *,
    stream: TextIO,
    rev: str | None = None,
    output_format: str = "text",
    persona: str | None = None,
    fail_on: Sequence[str] = (),
    output: str | None = None,
    settings: Settings | None = None,
) -> DiffOutcome:
    """Compare two maps (or one map with its version at `rev`), write the changes, judge them.

    `--fail-on` is parsed before any map is read, so a misspelt condition is
    reported at once rather than after a slow `git show`.
    """
    from journeycli.diff.changes import Changes
    from journeycli.diff.formats import FORMATS
    from journeycli.diff.gate import parse_conditions, tree_regressions, triggered
    from journeycli.diff.sources import diff_files, diff_revision
    from journeycli.diff.tree import compare_tree

    conditions = parse_conditions(fail_on)
    renderer = FORMATS.load(output_format)
    changes: Changes | TreeChanges
    if rev is not None and len(paths) == 1 and Path(paths[0]).is_dir():
        changes = compare_tree(paths[0], rev, persona=persona, settings=settings)
    elif rev is not None:
        if len(paths) != 1:
            raise UsageError("--rev takes one map path", hint="journey diff PATH --rev REV")
        changes = diff_revision(paths[0], rev, persona=persona, settings=settings)
    else:
        if len(paths) != 2:
            raise UsageError(
                "give two maps to compare, or one map with --rev",
                hint="journey diff OLD NEW | journey diff PATH --rev REV",
            )
        changes = diff_files(paths[0], paths[1], persona=persona, settings=settings)
    if output is None:
        renderer.write(changes, stream=stream)  # the stream itself, for colour on a terminal
    else:
        write_output(renderer.render(changes), output, stream)
    if isinstance(changes, Changes):
        return DiffOutcome(changes.changed, triggered(changes, conditions))
    fired = tree_regressions(changes)
    found = {c: fired[c] for c in conditions if fired[c]}
    return DiffOutcome(changes.changed, found, changes.errors_now())
