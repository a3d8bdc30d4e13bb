"""Lint problems a change introduces and fixes, found by the checks `journey lint` runs.

Both versions go through `core.checks.check_map` with the same settings as
lint (gap threshold, evidence age, reference date, `select`/`ignore` from
the nearest configuration), so the diff never disagrees with lint about a
map. Problems are matched by code and message with repeats counted, not by
line: inserting a stage above a warning moves it but neither introduces nor
fixes it (docs/diff.md, "Lint problems").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from journeycli.core.problems import Problem
from journeycli.diff.changes import LintDelta


def _key(problem: Problem) -> tuple[str, str]:
    return problem.code, problem.message


def _beyond(items: Sequence[Problem], other: Sequence[Problem]) -> tuple[Problem, ...]:
    """The problems of `items` that `other` lacks (counting repeats), sorted as lint sorts."""
    left = Counter(_key(p) for p in other)
    out = []
    for problem in sorted(items):
        if left[_key(problem)]:
            left[_key(problem)] -= 1
        else:
            out.append(problem)
    return tuple(out)


def lint_delta(old: Sequence[Problem], new: Sequence[Problem]) -> LintDelta:
    """Introduced: in `new` but not `old`; fixed: in `old` but not `new`."""
    return LintDelta(introduced=_beyond(new, old), fixed=_beyond(old, new))
