"""`journey fix`: make the safe fixes in place, changing only the bytes of the fixed values.

Three mistakes have exactly one right answer, so a machine may fix them
(docs/fix.md):

- a Dutch label where an enum value belongs (`horizon: nu` -> `now`);
- a YAML 1.1 boolean where text belongs (`answer: no` -> `'no'`, the word as written);
- a single value where a list belongs (`feelings: gespannen` -> `[gespannen]`).

The fixes are found in the validation errors of the map, tried on the data
first (a fix is kept only when its value then validates, so a text in a
text field is never made a list), written through
the in-place editor (`journeycli.core.editor`), and the edited text is
loaded again and must give exactly the data that was tried: anything else
is a bug, and nothing is written. Fixing can let further checks run (a
stage whose fields are now valid gets its model checks), so it repeats
until nothing more can be fixed.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import os
from dataclasses import dataclass, field
from typing import Any, TextIO

from pydantic import ValidationError

from journeycli.core.checks import check_map, in_language, message_language
from journeycli.core.document import Limits, Loc
from journeycli.core.editor import EditError, Editor
from journeycli.core.errors import InputError
from journeycli.core.fs import atomic_write
from journeycli.core.labels import DUTCH_LABEL
from journeycli.core.loader import load_document
from journeycli.core.messages import msg, text
from journeycli.core.model import JourneyMap, Language
from journeycli.core.problems import Code, Problem, one_line
from journeycli.core.scalars import AmbiguousBool
from journeycli.core.settings import Settings
from journeycli.core.sources import STDIN, discover, read_source
from journeycli.core.validation import error_location, load_map
from journeycli.core.yamlscalar import flow_text

MAX_ROUNDS = 5
_FLOW_INDICATORS = frozenset(",[]{}")


@dataclass(frozen=True, slots=True)
class Fix:
    """One value fixed: where it was written, and its text before and after."""

    line: int
    column: int
    before: str
    after: str
    reason: str

    def describe(self, lang: Language = Language.EN) -> str:
        """`fixed E003 nu → now (Dutch label)`, in `lang` (docs/fix.md)."""
        why = msg(_REASONS.get(self.reason, "fix.label"))
        return text("fix.fixed", lang, before=self.before, after=self.after, reason=why)


# The reason of a Fix -> its words in the catalogue.
_REASONS = {
    "Dutch label": "fix.label",
    "text, not a boolean": "fix.quote",
    "a list of one": "fix.list",
}


@dataclass(slots=True)
class FixResult:
    """One file: its bytes before and after, the fixes made, the problems that remain."""

    path: str
    before: bytes
    after: bytes
    fixes: list[Fix] = field(default_factory=list)
    remaining: list[Problem] = field(default_factory=list)
    language: Language = Language.EN  # of its messages: --lang, else the map's (docs/lint.md)

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.remaining if p.is_error]


@dataclass(frozen=True, slots=True)
class _Candidate:
    value: Any  # the data the fixed text will load as
    kind: str  # "label", "quote", "list" or "quoted-list"


def fix_map(raw: bytes, path: str, settings: Settings | None = None) -> FixResult:
    """The fixed bytes of one map (the input unchanged when nothing can be fixed).

    `settings` gives the resource limits and what the remaining problems are
    judged by (the reference date of a future evidence date, E003).
    """
    limits = settings.limits if settings else Limits()
    current, fixes = raw, []
    for _ in range(MAX_ROUNDS):
        document = load_document(current, path, limits)
        if document.data is None or any(
            p.code in (Code.E001, Code.E006) for p in document.problems
        ):
            break
        made = _fix_round(current, document.data, path, limits)
        if made is None:
            break
        current, round_fixes = made
        fixes.extend(round_fixes)
    validated = load_map(current, path, limits)
    lang = message_language(validated, settings)
    remaining = sorted(in_language(check_map(validated, settings), lang))
    fixes.sort(key=lambda fix: (fix.line, fix.column))
    return FixResult(path, raw, current, fixes, remaining, lang)


def _fix_round(
    raw: bytes, data: dict[str, Any], path: str, limits: Limits
) -> tuple[bytes, list[Fix]] | None:
    candidates = _settle(data, _candidates(data))
    if not candidates:
        return None
    try:
        editor = Editor.from_bytes(raw)
    except EditError:
        return None
    fixes, kept = [], {}
    for loc, candidate in candidates.items():
        try:
            fix = _edit(editor, loc, candidate)
        except EditError:
            continue  # an alias, a block of text, ...: left for the user, lint names it
        fixes.append(fix)
        kept[loc] = candidate
    if not kept:
        return None
    fixed = editor.to_bytes()
    reloaded = load_document(fixed, path, limits).data
    if reloaded != _apply(data, kept):
        raise InputError(
            f"{path}: journey fix could not change the file safely; nothing was written "
            "(please report this with the file)"
        )
    return fixed, fixes


def _candidates(data: dict[str, Any]) -> dict[Loc, _Candidate]:
    """The fixable validation errors of `data`, each with the value that fixes it."""
    found: dict[Loc, _Candidate] = {}
    for error in _errors(data):
        if "[key]" in error["loc"]:
            continue  # a mapping key (persona_scores), not a value
        loc = error_location(error)
        given = error["input"]
        if error["type"] == DUTCH_LABEL:
            found[loc] = _Candidate(error.get("ctx", {})["value"], "label")
        elif isinstance(given, AmbiguousBool) and error["type"] == "list_type":
            found[loc] = _Candidate([given.text], "quoted-list")
        elif isinstance(given, AmbiguousBool):
            found[loc] = _Candidate(given.text, "quote")
        elif isinstance(given, str | dt.date):
            # Any single text or date with an error is tried as a one-item list; `_settle`
            # keeps it only where a list belongs (`feelings: gespannen`), so the wording of
            # the error does not matter.
            found[loc] = _Candidate([given], "list")
    return found


def _errors(data: dict[str, Any]) -> list[Any]:
    try:
        JourneyMap.model_validate(data)
    except ValidationError as exc:
        return list(exc.errors(include_url=False))
    return []


def _settle(data: dict[str, Any], candidates: dict[Loc, _Candidate]) -> dict[Loc, _Candidate]:
    """Keep the candidates whose value validates: no error left at or under their location."""
    while candidates:
        errors = [error_location(e) for e in _errors(_apply(data, candidates))]
        failing = {loc for loc in candidates if any(e[: len(loc)] == loc for e in errors)}
        if not failing:
            return candidates
        candidates = {loc: c for loc, c in candidates.items() if loc not in failing}
    return {}


def _apply(data: dict[str, Any], candidates: dict[Loc, _Candidate]) -> dict[str, Any]:
    trial = copy.deepcopy(data)
    for loc, candidate in candidates.items():
        target: Any = trial
        for part in loc[:-1]:
            target = target[part]
        target[loc[-1]] = copy.deepcopy(candidate.value)
    return trial


def _edit(editor: Editor, loc: Loc, candidate: _Candidate) -> Fix:
    """Plan the edit of one value; the Fix says what it was and what it becomes, as written."""
    span = editor.node(loc)
    before = editor.source(loc)
    if candidate.kind == "label":
        quote = span.style if span.style in ("'", '"') else ""
        after = f"{quote}{candidate.value}{quote}"
        reason = "Dutch label"
    elif candidate.kind == "quote":
        after = f"'{candidate.value}'"
        reason = "text, not a boolean"
    else:
        (item,) = candidate.value
        multiline = "\n" in before or "\r" in before
        if candidate.kind == "quoted-list":
            after_item = f"'{item}'"  # a YAML boolean word, quoted as text
        elif multiline or (span.style == "" and set(before) & _FLOW_INDICATORS):
            after_item = flow_text(item)
        else:
            after_item = before  # as written: plain, quoted, or a date
        after = f"[{after_item}]"
        reason = "a list of one"
    editor.replace(loc, after)
    return Fix(span.line, span.column, before, after, reason)


def run_fix(
    paths: list[str],
    *,
    diff: bool,
    out: TextIO,
    err: TextIO,
    settings: Settings | None = None,
) -> int:
    """`journey fix` end to end; returns the exit code (0 no error remains, 1 some do).

    Each map is written back atomically, and only when a fix changed it; with
    `diff`, a unified diff is printed instead and nothing is written. A map
    read from standard input is printed fixed (or as a diff) on `out`; the
    report of what was fixed then goes to `err`, so the map stays clean.
    """
    files = discover(paths)
    talk = err if diff or STDIN in files else out
    fixed = remaining = 0
    languages: set[Language] = set()
    for path in files:
        raw, name = read_source(path, (settings or Settings()).limits.max_file_size)
        result = fix_map(raw, name, settings)
        languages.add(result.language)
        for fix in result.fixes:
            described = fix.describe(result.language)
            talk.write(one_line(f"{name}:{fix.line}:{fix.column}: {described}") + "\n")
        for problem in result.errors:
            talk.write(problem.format_text() + "\n")
        fixed += len(result.fixes)
        remaining += len(result.errors)
        if diff:
            out.write(unified_diff(result.before, result.after, name))
        elif path == STDIN:
            out.write(result.after.decode("utf-8"))
        elif result.changed:
            atomic_write(os.path.realpath(path), result.after)
    lang = languages.pop() if len(languages) == 1 else Language.EN
    talk.write(summary(fixed, remaining, diff, lang) + "\n")
    return 1 if remaining else 0


def summary(fixed: int, remaining: int, diff: bool, lang: Language = Language.EN) -> str:
    """The last line, in the maps' language when they share one (as `journey lint`'s)."""
    done = msg("fix.nothing") if not fixed else msg("fix.to_fix" if diff else "fix.done", n=fixed)
    which = {0: "fix.left.none", 1: "fix.left.one"}.get(remaining, "fix.left.other")
    note = msg("fix.diff_note" if diff and fixed else "fix.no_note")
    return text("fix.summary", lang, done=done, left=msg(which, n=remaining), note=note)


def unified_diff(before: bytes, after: bytes, name: str) -> str:
    """A unified diff of two versions of a map, as `git diff` shows it (empty when equal)."""
    if before == after:
        return ""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=name, tofile=name)
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
