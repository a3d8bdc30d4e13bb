"""Next-step hints for error messages: "did you mean ...?" and where a YAML mistake is.

Many journey users have never used a command-line linter; an error that only
says what is wrong leaves them stuck. These helpers turn a typo or a missing
file into the one thing to try next. Pure apart from listing one directory.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from journeycli.core.messages import Message, msg


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """ "did you mean 'x'?" for the closest choice, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def yaml_syntax(exc: Any, text: str) -> tuple[int, int, Message]:
    """Where a PyYAML syntax error is (1-based line, column) and why, with the fix.

    PyYAML's own words stay as they are (the parser's); the advice is from
    the catalogue, so a Dutch map gets it in Dutch.

    PyYAML says what its parser expected ("could not find expected ':'"), at
    the place it gave up, often the line after the mistake. For the mistakes
    people make by hand (a tab, a missing colon, ': ' or '@' in unquoted
    text, an unclosed quote, a line indented wrongly) this points at the
    mistake and says what to do.
    """
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and ("simple key" in context or "quoted scalar" in context):
        mark = exc.context_mark  # where the key or the quote starts, not where parsing stopped
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    char = row[col - 1 : col]
    reason = " ".join(part for part in (context, problem) if part)
    if char == "\t" or "tab character" in problem:
        advice = msg("yaml.tab")
    elif "could not find expected ':'" in problem:
        advice = msg("yaml.colon")
    elif "mapping values are not allowed" in problem:
        advice = msg("yaml.colon_in_text")
    elif "cannot start any token" in problem:
        advice = msg("yaml.reserved", char=char)
    elif "quoted scalar" in context:
        advice = msg("yaml.quote")
    elif "did not find expected" in problem and "block" in context:
        advice = msg("yaml.indent")
    else:
        return line, col, msg("e001.yaml", reason=reason)
    return line, col, msg("e001.yaml_advice", reason=reason, advice=advice)
