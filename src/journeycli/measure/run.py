"""`journey measure`: set a map's scores from survey answers, a funnel export and ratings.

The numbers are computed in `journeycli.measure.stats` (formulas in
docs/measure.md) from the rows of `journeycli.measure.table`, and written
through the in-place editor of `journey fix` (`journeycli.core.editor`), so
comments, blank lines and quoting stay byte for byte. Every row is checked
before anything is planned: an unknown id, an empty cell or an answer
outside the scale stops the run with the row number, and the map is not
touched. The edited text is loaded again and must hold exactly the planned
values and validate, or nothing is written.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from journeycli.core import i18n
from journeycli.core.checks import message_language
from journeycli.core.document import Loc
from journeycli.core.editor import EditError, Editor
from journeycli.core.enums import Language
from journeycli.core.errors import InputError, InvalidMapError, UsageError
from journeycli.core.fs import atomic_write
from journeycli.core.hints import closest
from journeycli.core.loader import load_document
from journeycli.core.messages import Message, msg, text
from journeycli.core.model import JourneyMap
from journeycli.core.settings import Settings
from journeycli.core.sources import STDIN, read_source
from journeycli.core.validation import load_map
from journeycli.measure.stats import (
    SCALES,
    round_half_up,
    summarise,
    to_percent,
    written_margin,
)
from journeycli.measure.table import Row, Table, read_table

SCORES = ("relevance", "presence")


@dataclass(frozen=True, slots=True)
class Options:
    """The data files and how to read them (the command line of docs/measure.md)."""

    survey: str | None = None
    funnel: str | None = None
    ratings: str | None = None
    scale: str = "0-100"
    source: str | None = None
    date: dt.date | None = None


@dataclass(slots=True)
class Plan:
    """The values to write, by location, and one line per stage or touchpoint for the user.

    `lang` is the map's language (or the configured one): the lines and every
    error about the data are written in it (docs/measure.md).
    """

    lang: Language = Language.EN
    values: dict[Loc, Any] = field(default_factory=dict)
    merges: list[tuple[Loc, dict[str, Any]]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def say(self, message_id: str, **args: str | int | Message) -> None:
        self.lines.append(text(message_id, self.lang, **args))

    def merge(self, loc: Loc, values: dict[str, Any]) -> None:
        self.merges.append((loc, values))
        self.record(loc, values)

    def record(self, loc: Loc, values: dict[str, Any]) -> None:
        """Remember every value under `loc`, for the check after editing."""
        for key, value in values.items():
            if isinstance(value, dict):
                self.record((*loc, key), value)
            else:
                self.values[(*loc, key)] = value


def _bad(table: Table, row: Row, problem: Message) -> InputError:
    """An error about one row of a data file, with the row number a spreadsheet shows."""
    # str: a spreadsheet shows row 1234, never "1,234" or "1.234"
    return table.error(msg("measure.row", table=table.name, row=str(row.number), problem=problem))


def _cell(table: Table, row: Row, column: str) -> str:
    written = row.cells.get(column, "")
    if not written:
        raise _bad(table, row, msg("measure.empty_cell", column=column))
    return written


def _number(table: Table, row: Row, column: str, low: float, high: float, what: Message) -> float:
    written = _cell(table, row, column)
    try:
        value = float(written)
    except ValueError:
        problem = msg("measure.not_number", column=column, text=written, what=what)
        raise _bad(table, row, problem) from None
    if not low <= value <= high or value != value:
        raise _bad(table, row, msg("measure.outside", column=column, text=written, what=what))
    return value


def _known(table: Table, row: Row, column: str, ids: list[str], kind: str) -> str:
    """The id in `column`, which must name a `kind` (stage, persona, touchpoint) of the map."""
    value = _cell(table, row, column)
    if value not in ids:
        match = closest(value, ids)
        listed = ", ".join(ids) if len(ids) <= 12 else f"{', '.join(ids[:12])}, …"
        tail = (
            msg("measure.did_you_mean", match=match)
            if match
            else msg(f"measure.known.{kind}", listed=listed)
        )
        raise _bad(table, row, msg(f"measure.unknown.{kind}", value=value, tail=tail))
    return value


def _persona(table: Table, row: Row, journey: JourneyMap) -> str | None:
    if not row.cells.get("persona"):
        return None
    return _known(table, row, "persona", [p.id for p in journey.personas], "persona")


def _usable(table: Table) -> tuple[Row, ...]:
    if not table.rows:
        raise table.error(msg("measure.no_rows", table=table.name))
    return table.rows


def plan_survey(journey: JourneyMap, table: Table, options: Options, plan: Plan) -> None:
    """Stage scores (and persona_scores) from one answer per row, plus a survey evidence item."""
    table.require("stage")
    table.require_one(*SCORES)
    columns = [c for c in SCORES if c in table.columns]
    low, high = SCALES[options.scale]
    what = msg("measure.what.scale", scale=options.scale)
    stage_ids = [s.id for s in journey.stages]
    answers: dict[tuple[str, str | None], dict[str, list[float]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for row in _usable(table):
        sid = _known(table, row, "stage", stage_ids, "stage")
        persona = _persona(table, row, journey)
        for column in columns:
            value = to_percent(_number(table, row, column, low, high, what), options.scale)
            answers[(sid, None)][column].append(value)
            if persona:
                answers[(sid, persona)][column].append(value)
    source = options.source or Path(table.name).name
    day = options.date or dt.date.today()
    for index, stage in enumerate(journey.stages):
        overall = answers.get((stage.id, None))
        if not overall:
            continue
        summaries = {column: summarise(values) for column, values in overall.items()}
        n = max(s.n for s in summaries.values())
        margins = [s.margin for s in summaries.values()]
        margin = None if None in margins else max(m for m in margins if m is not None)
        values: dict[str, Any] = {c: s.score for c, s in summaries.items()}
        personas = {
            pid: {c: summarise(v).score for c, v in answers[(stage.id, pid)].items()}
            for pid in [p.id for p in journey.personas]
            if (stage.id, pid) in answers
        }
        if personas:
            values["persona_scores"] = personas
        plan.merge(("stages", index), values)
        item: dict[str, Any] = {"type": "survey", "source": source, "date": day, "n": n}
        if margin is not None:
            item["margin"] = written_margin(margin)
        same = [
            i
            for i, e in enumerate(stage.evidence)
            if e.source == source and (e.type is None or e.type.value == "survey")
        ]
        if same:
            plan.merge(("stages", index, "evidence", same[-1]), item)
        else:
            plan.merge(("stages", index, "evidence", len(stage.evidence)), item)
        shown = ", ".join(f"{c} {s.score}" for c, s in summaries.items())
        if margin is None:
            plan.say("measure.line.scores", stage=stage.id, scores=shown, n=n)
        else:
            spread = i18n.decimal(written_margin(margin), plan.lang)
            plan.say("measure.line.scores_margin", stage=stage.id, scores=shown, n=n, margin=spread)


def plan_funnel(journey: JourneyMap, table: Table, plan: Plan) -> None:
    """metrics.volume (the first stage's entered) and each conversion from stage to next stage."""
    table.require("stage", "entered")
    stage_ids = [s.id for s in journey.stages]
    entered: dict[str, tuple[float, Row]] = {}
    for row in _usable(table):
        stage = _known(table, row, "stage", stage_ids, "stage")
        count = _number(table, row, "entered", 0, float("inf"), msg("measure.what.customers"))
        if not count.is_integer():
            raise _bad(table, row, msg("measure.not_whole", text=row.cells["entered"]))
        if stage in entered:
            first_row = str(entered[stage][1].number)
            raise _bad(table, row, msg("measure.twice", stage=stage, row=first_row))
        entered[stage] = (count, row)
    first = stage_ids[0]
    if first in entered:
        plan.merge(("metrics",), {"volume": int(entered[first][0])})
        plan.say("measure.line.volume", volume=int(entered[first][0]))
    for index, (here, after) in enumerate(itertools.pairwise(stage_ids)):
        if here not in entered or after not in entered or entered[here][0] == 0:
            continue
        (count, _), (later, row) = entered[here], entered[after]
        if later > count:
            grows = msg("measure.grows", later=int(later), after=after, count=int(count), here=here)
            raise _bad(table, row, grows)
        value = written_margin(later / count * 100)
        plan.merge(("stages", index), {"conversion": value})
        plan.say("measure.line.conversion", stage=here, value=i18n.decimal(value, plan.lang))


def plan_ratings(journey: JourneyMap, table: Table, plan: Plan) -> None:
    """Each rated touchpoint's experience (and persona_experience): the rounded mean rating."""
    table.require("touchpoint", "rating")
    where = {
        tp.id: ("stages", si, "touchpoints", ti)
        for si, stage in enumerate(journey.stages)
        for ti, tp in enumerate(stage.touchpoints)
    }
    ratings: dict[tuple[str, str | None], list[float]] = defaultdict(list)
    for row in _usable(table):
        touchpoint = _known(table, row, "touchpoint", list(where), "touchpoint")
        persona = _persona(table, row, journey)
        value = _number(table, row, "rating", 1, 5, msg("measure.what.ratings"))
        ratings[(touchpoint, None)].append(value)
        if persona:
            ratings[(touchpoint, persona)].append(value)
    for tp, loc in where.items():
        if (tp, None) not in ratings:
            continue
        values: dict[str, Any] = {"experience": summarise(ratings[(tp, None)]).score}
        personas = {
            p.id: summarise(ratings[(tp, p.id)]).score
            for p in journey.personas
            if (tp, p.id) in ratings
        }
        if personas:
            values["persona_experience"] = personas
        plan.merge(loc, values)
        plan.say(
            "measure.line.experience",
            touchpoint=tp,
            value=values["experience"],
            n=len(ratings[(tp, None)]),
        )


def measure_map(raw: bytes, name: str, options: Options, settings: Settings) -> tuple[bytes, Plan]:
    """The measured bytes of a map; raises (and so writes nothing) on any bad row."""
    checked = load_map(raw, name, settings.limits)
    lang = message_language(checked, settings)
    if checked.model is None:
        raise InvalidMapError(
            [p.in_language(lang) for p in checked.problems if p.is_error],
            text("measure.map_errors", lang, name=name),
        )
    journey, plan = checked.model, Plan(lang)
    steps: list[tuple[str | None, Callable[[Table], None]]] = [
        (options.survey, lambda t: plan_survey(journey, t, options, plan)),
        (options.funnel, lambda t: plan_funnel(journey, t, plan)),
        (options.ratings, lambda t: plan_ratings(journey, t, plan)),
    ]
    for path, step in steps:
        if path:
            step(read_table(path, lang))
    try:
        editor = Editor.from_bytes(raw)
        for loc, values in plan.merges:
            if loc and isinstance(loc[-1], int) and editor.spans.get(loc) is None:
                _append(editor, loc, values)
            else:
                editor.merge(loc, values)
        after = editor.to_bytes()
    except EditError as exc:
        reason = str(exc)
        raise InputError(text("measure.edit_failed", lang, name=name, reason=reason)) from None
    _check(after, name, plan, settings)
    return after, plan


def _append(editor: Editor, loc: Loc, item: dict[str, Any]) -> None:
    """A new last item of the list at loc[:-1], or the list itself when the key is missing."""
    parent = loc[:-1]
    if editor.spans.get(parent) is None:
        editor.insert_key(parent[:-1], str(parent[-1]), [item])
    else:
        editor.append_item(parent, item)


def _check(after: bytes, name: str, plan: Plan, settings: Settings) -> None:
    """The edited text must load with exactly the planned values, and validate."""
    document = load_document(after, name, settings.limits)
    for loc, value in plan.values.items():
        here: Any = document.data
        for part in loc:
            if isinstance(here, dict):
                here = here.get(part)
            elif isinstance(here, list) and isinstance(part, int) and part < len(here):
                here = here[part]
            else:
                here = None
        if here != value:
            where = ".".join(map(str, loc))
            raise InputError(text("measure.write_wrong", plan.lang, name=name, where=where))
    if load_map(after, name, settings.limits).model is None:
        raise InputError(text("measure.invalid_after", plan.lang, name=name))


def unified_diff(before: bytes, after: bytes, name: str) -> str:
    """A unified diff as `git diff` shows it (empty when nothing changes)."""
    old = before.decode("utf-8").splitlines(keepends=True)
    new = after.decode("utf-8").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=name, tofile=name)
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def run_measure(
    path: str, options: Options, *, dry_run: bool, out: TextIO, err: TextIO, settings: Settings
) -> int:
    """`journey measure` end to end; returns the exit code (errors are raised)."""
    if not (options.survey or options.funnel or options.ratings):
        raise UsageError("nothing to measure", hint="give --survey, --funnel or --ratings")
    if options.scale not in SCALES:
        raise UsageError(
            f"--scale '{options.scale}' is not a scale", hint=f"use one of {', '.join(SCALES)}"
        )
    if path == STDIN:
        raise UsageError("journey measure edits a map file in place; name the file, not -")
    raw, _ = read_source(path, settings.limits.max_file_size)
    after, plan = measure_map(raw, path, options, settings)
    talk = err if dry_run else out
    for line in plan.lines:
        talk.write(f"{path}: {line}\n")
    if dry_run:
        out.write(unified_diff(raw, after, path))
    elif after != raw:
        atomic_write(os.path.realpath(path), after)
    state = "none" if after == raw else ("would" if dry_run else "done")
    count = len(plan.lines)
    results = msg(f"measure.results.{'one' if count == 1 else 'other'}", n=count)
    summary = text(
        "measure.summary", plan.lang, state=msg(f"measure.state.{state}"), results=results
    )
    talk.write(summary + "\n")
    return 0


__all__ = ["Options", "measure_map", "round_half_up", "run_measure"]
