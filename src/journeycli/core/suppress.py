"""Inline suppressions: `# journey: ignore[W102]` or `# journey: ignore` on a line.

Like ruff's `# noqa`, a directive silences the problems that point at its
own line: the listed codes (or prefixes, `W1`), or every code when it lists
none. The text is only split into lines when it contains `journey:` at all,
so a map without directives costs one substring search.

Only warnings can be suppressed. An error (any E-code) means the map is
wrong: a comment in a pull request must not be able to make lint say "All
clear" over an out-of-range score, a bidi override or a duplicate id
(docs/security.md). `--ignore`/`--select` cannot deselect errors either
(`core.settings.Settings.reports`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from journeycli.core.problems import Problem

MARKER = "journey:"
ALL: tuple[str, ...] = ("",)  # the empty prefix matches every code

# A comment starts a line or follows whitespace, as in YAML; `ignore` must be a
# whole word, optionally followed by a bracketed list of codes.
_DIRECTIVE = re.compile(r"(?:^|(?<=\s))#\s*journey:\s*ignore(?:\[(?P<codes>[^\]]*)\]|(?![\w\[-]))")
# The line breaks libyaml counts (YAML 1.1), so line numbers agree with the loader.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def directives(text: str) -> dict[int, tuple[str, ...]]:
    """1-based line -> the code prefixes ignored there (`ALL` for a bare directive)."""
    if MARKER not in text:
        return {}
    found: dict[int, tuple[str, ...]] = {}
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if MARKER not in line:
            continue
        codes: list[str] = []
        for match in _DIRECTIVE.finditer(line):
            listed = match.group("codes")
            if listed is None:
                codes.extend(ALL)
            else:
                codes.extend(c.strip().upper() for c in re.split(r"[,\s]+", listed) if c.strip())
        if codes:
            found[number] = tuple(codes)
    return found


def is_suppressed(problem: Problem, ignored: dict[int, tuple[str, ...]]) -> bool:
    if problem.is_error:
        return False
    prefixes = ignored.get(problem.line)
    return prefixes is not None and problem.code.startswith(prefixes)


def unsuppressed(problems: Sequence[Problem], text: str) -> list[Problem]:
    """The problems that no directive on their line silences."""
    if not problems:
        return list(problems)
    ignored = directives(text)
    if not ignored:
        return list(problems)
    return [p for p in problems if not is_suppressed(p, ignored)]
