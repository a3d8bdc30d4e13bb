"""Next-step hints for error messages: "did you mean ...?" and "run journey new ...".

Many journey users have never used a command-line linter; an error that only
says what is wrong leaves them stuck. These helpers turn a typo or a missing
file into the one thing to try next. Pure apart from listing one directory.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

MAP_SUFFIXES = (".journey.yaml", ".journey.yml")


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """"did you mean 'x'?" for the closest choice, or None when nothing is close."""
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
