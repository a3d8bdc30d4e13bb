"""Next-step hints for error messages: "did you mean ...?" and "run journey new ...".

Many journey users have never used a command-line linter; an error that only
says what is wrong leaves them stuck. These helpers turn a typo or a missing
file into the one thing to try next. Pure apart from listing one directory.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MAP_SUFFIXES = (".journey.yaml", ".journey.yml")


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """ "did you mean 'x'?" for the closest choice, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def _stem(name: str) -> str:
    """The part before the first dot: typos in the suffix (`.journy.yaml`) still match."""
    return name.split(".", 1)[0] or name


def missing_file(path: str) -> str:
    """The hint for a map path that does not exist: a near file name, or how to start one."""
    target = Path(path)
    folder = target.parent
    try:
        names = [p.name for p in folder.iterdir() if p.name.endswith(MAP_SUFFIXES)]
    except OSError:
        names = []
    stems = {_stem(name): name for name in names}  # compare "hypoteek" with "hypotheek"
    close = difflib.get_close_matches(_stem(target.name), sorted(stems), n=1, cutoff=0.6)
    if close:
        near = stems[close[0]] if str(folder) == "." else f"{folder}/{stems[close[0]]}"
        return f"did you mean '{near}'?"
    if not folder.is_dir():
        return f"the folder {folder} does not exist either"
    if target.name.endswith(MAP_SUFFIXES):
        return f"create it with `journey new {path}`"
    if names:
        return "maps here: " + ", ".join(sorted(names)[:5])
    return "run `journey new NAME` to start a map"


def yaml_syntax(exc: Any, text: str) -> tuple[int, int, str]:
    """Where a PyYAML syntax error is (1-based line, column) and why, with the fix.

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
        advice = "YAML does not allow a tab here; indent with spaces"
    elif "could not find expected ':'" in problem:
        advice = "add ': ' after the key, or put the text in quotes"
    elif "mapping values are not allowed" in problem:
        advice = "put text that contains ': ' in quotes"
    elif "cannot start any token" in problem:
        advice = f"YAML reserves '{char}' at the start of a value; put the text in quotes"
    elif "quoted scalar" in context:
        advice = "close the quote that starts here"
    elif "did not find expected" in problem and "block" in context:
        advice = "check this line's indentation against the lines above"
    else:
        return line, col, reason
    return line, col, f"{reason}; {advice}"
