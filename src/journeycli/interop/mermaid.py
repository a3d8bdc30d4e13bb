"""Maps as Mermaid `journey` diagrams, and diagrams back into maps. Pure text <-> model.

Export (docs/interop.md): `title` from the map's title, `accDescr` from its
description, one `section` per stage, one task per touchpoint as
`name: experience: actors` (experience 3 when unset; actors are the names of
the touchpoint's personas, all personas when it lists none, and
`Customer`/`Klant` when the map has none). Names are made safe for Mermaid's
grammar by `mermaid_syntax`, so the diagram renders in real Mermaid with every
task, score and actor intact.

Import reads a diagram as Mermaid's own lexer does (`mermaid_syntax.tokens`)
and turns sections into stages, tasks into touchpoints (score -> experience)
and actors into personas. Anything Mermaid would reject or silently garble
(a missing or non-numeric score, a score outside 1-5, extra `:` fields, `;`)
is an `InputError` naming the line, so nothing is lost without a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from journeycli.core.document import Limits
from journeycli.core.errors import InputError
from journeycli.core.model import JourneyMap, Touchpoint
from journeycli.core.slug import unique_slug
from journeycli.interop.common import DEFAULT_TITLE, PLACEHOLDER_ACTOR, build_map
from journeycli.interop.mermaid_source import find_diagram
from journeycli.interop.mermaid_syntax import (
    ACTOR_UNSAFE,
    NAME_UNSAFE,
    TITLE_UNSAFE,
    Token,
    fold,
    protect_entities,
    restore_entities,
    safe_actor,
    safe_section,
    safe_task,
    safe_title,
    tokens,
    unsafe_text,
)

NEUTRAL_EXPERIENCE = 3
UNSECTIONED_STAGE = "Start"
"""The stage that holds tasks written before the first `section`."""

_SCORE = re.compile(r"\+?([0-9]+)(\.0*)?")
_NUMBER = re.compile(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")


# --- export --------------------------------------------------------------------------------


def to_mermaid(journey: JourneyMap, *, fence: bool = False) -> str:
    """The map as a Mermaid journey diagram (inside a ```mermaid fence when `fence`)."""
    lines = ["journey"]
    title = safe_title(journey.title)
    if title:
        lines.append(f"  title {title}")
    description = fold(journey.description or "")
    if description:
        lines.append(f"  accDescr: {description}")
    for stage in journey.stages:
        lines.append(f"  section {safe_section(stage.name) or stage.id}")
        for touchpoint in stage.touchpoints:
            name = safe_task(touchpoint.name) or touchpoint.id
            experience = touchpoint.experience or NEUTRAL_EXPERIENCE
            lines.append(f"    {name}: {experience}: {', '.join(_actors(journey, touchpoint))}")
    body = "\n".join(lines) + "\n"
    return f"```mermaid\n{body}```\n" if fence else body


def _actors(journey: JourneyMap, touchpoint: Touchpoint) -> list[str]:
    names = {p.id: safe_actor(p.name) or p.id for p in journey.personas}
    ids = touchpoint.personas or [p.id for p in journey.personas]
    actors = list(dict.fromkeys(names[i] for i in ids if i in names))
    return actors or [PLACEHOLDER_ACTOR[journey.language]]


# --- import --------------------------------------------------------------------------------


@dataclass
class _Task:
    name: str
    score: int
    actors: list[str]


@dataclass
class _Section:
    name: str
    tasks: list[_Task] = field(default_factory=list)


@dataclass
class _Parsed:
    title: str | None = None
    acc_title: str | None = None
    description: str | None = None
    sections: list[_Section] = field(default_factory=list)


class _Parser:
    """The journey grammar over the lexer's tokens, collecting sections and tasks."""

    def __init__(self, text: str, first_line: int, source: str) -> None:
        self.source = source
        self.first_line = first_line
        self.lines = text.split("\n")
        self.stream: Iterator[Token] = tokens(protect_entities(text), first_line)
        self.pending: Token | None = None
        self.result = _Parsed()
        self.task_count = 0  # kept, not summed per task: a diagram can hold 100,000s of tasks

    def error(self, line: int, message: str) -> InputError:
        return InputError(f"{self.source}:{line}: {message}")

    def next(self) -> Token | None:
        if self.pending is not None:
            token, self.pending = self.pending, None
            return token
        for token in self.stream:
            if token.kind != "newline":
                return token
        return None

    def raw_line(self, line: int) -> str:
        index = line - self.first_line
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def parse(self) -> _Parsed:
        first = self.next()
        if first is None:
            raise InputError(
                f"{self.source}: no Mermaid journey diagram found (the input is empty)"
            )
        if first.kind != "journey":
            word = (first.text.split() or [first.text])[0]
            raise self.error(first.line, f"expected a Mermaid 'journey' diagram, found {word!r}")
        if first.text != "journey":
            raise self.error(
                first.line, f"Mermaid only recognises 'journey' in lower case, not {first.text!r}"
            )
        while (token := self.next()) is not None:
            self.statement(token)
        return self.result

    def statement(self, token: Token) -> None:
        kind, result = token.kind, self.result
        if kind == "title":
            result.title = unsafe_text(token.text[6:], TITLE_UNSAFE) or None
        elif kind == "acc_title":
            result.acc_title = restore_entities(token.text).strip() or None
        elif kind in ("acc_descr", "acc_descr_multi"):
            text = " ".join(part.strip() for part in restore_entities(token.text).split("\n"))
            result.description = " ".join(text.split()) or None
        elif kind == "section":
            name = unsafe_text(token.text[8:], NAME_UNSAFE)
            result.sections.append(_Section(name or f"Section {len(result.sections) + 1}"))
        elif kind == "task":
            self.task(token)
        elif kind == "unclosed_acc_descr":
            raise self.error(token.line, "'accDescr {' is never closed with '}'")
        elif kind == "invalid":
            raise self.error(token.line, f"{token.text!r} is not allowed here (Mermaid rejects it)")
        elif kind == "journey":
            raise self.error(token.line, "a second 'journey' line; one diagram per file")
        else:  # task_data or colon without a task name before it
            raise self.error(token.line, "a task needs a name before ':' (write 'Name: 3: Actor')")

    def task(self, token: Token) -> None:
        name = unsafe_text(token.text, NAME_UNSAFE) or f"Touchpoint {self.task_count + 1}"
        data = self.next()
        if data is not None and data.kind == "invalid" and data.line == token.line:
            self.statement(data)
        if data is None or data.kind != "task_data" or data.line != token.line:
            self.pending = data
            hint = ""
            if "#" in self.raw_line(token.line):
                hint = "; '#' starts a comment in Mermaid, write #35; for a '#' in a name"
            raise self.error(
                token.line,
                f"task {name!r} has no score (write '{name}: 3: Actor', "
                f"a whole number 1 to 5){hint}",
            )
        pieces = data.text[1:].split(":")
        if len(pieces) > 2:
            extra = ":".join(pieces[2:]).strip()
            raise self.error(
                data.line,
                f"task {name!r} has more than two ':' fields; Mermaid would drop {extra!r} "
                "(a ':' cannot be part of a name or an actor: write #58; for it)",
            )
        score = self.score(pieces[0].strip(), name, data.line)
        listed = pieces[1].split(",") if len(pieces) > 1 else []
        actors = [unsafe_text(a, ACTOR_UNSAFE) for a in listed]
        if not self.result.sections:
            self.result.sections.append(_Section(UNSECTIONED_STAGE))
        self.result.sections[-1].tasks.append(_Task(name, score, [a for a in actors if a]))
        self.task_count += 1

    def score(self, text: str, name: str, line: int) -> int:
        if not text:
            raise self.error(line, f"task {name!r} has no score (a whole number 1 to 5)")
        match = _SCORE.fullmatch(text)
        if match is not None and 1 <= int(match.group(1)) <= 5:
            return int(match.group(1))
        if match is not None or _NUMBER.fullmatch(text):
            raise self.error(
                line, f"task {name!r} has score {text}; scores are whole numbers 1 to 5"
            )
        raise self.error(line, f"task {name!r} has score '{text}', not a number 1 to 5")


def from_mermaid(
    text: str,
    *,
    source: str = "<input>",
    title: str | None = None,
    default_title: str | None = None,
    limits: Limits | None = None,
) -> JourneyMap:
    """A map from a Mermaid journey diagram (or a Markdown text with one in a fence).

    The title is `title` when given, else the diagram's `title`, else the front
    matter's `title`, else `accTitle`, else `default_title` (the caller's file
    name). Raises InputError naming the line of anything malformed.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    diagram = find_diagram(text, source)
    parsed = _Parser(diagram.text, diagram.first_line, source).parse()
    if not parsed.sections:
        raise InputError(f"{source}: the diagram has no sections or tasks; a map needs a stage")
    title = (
        title
        or parsed.title
        or diagram.front_title
        or parsed.acc_title
        or default_title
        or DEFAULT_TITLE
    )
    return build_map(_map_data(parsed, title), source, limits)


def _map_data(parsed: _Parsed, title: str) -> dict[str, Any]:
    actors = list(dict.fromkeys(a for s in parsed.sections for t in s.tasks for a in t.actors))
    data: dict[str, Any] = {"version": 1, "title": title}
    if parsed.description:
        data["description"] = parsed.description
    placeholder = next((lang for lang, name in PLACEHOLDER_ACTOR.items() if actors == [name]), None)
    if placeholder is not None:
        data["language"] = placeholder.value
        actors = []
    taken: set[str] = set()
    persona_ids = {name: unique_slug(name, taken, "persona") for name in actors}
    data["personas"] = [{"id": pid, "name": name} for name, pid in persona_ids.items()]
    everyone = set(persona_ids.values())
    stage_ids: set[str] = set()
    touchpoint_ids: set[str] = set()
    # One per id set: where each repeated name's suffixes got to (slug.unique_slug)
    stage_suffix: dict[str, int] = {}
    touchpoint_suffix: dict[str, int] = {}
    stages = []
    for section in parsed.sections:
        touchpoints = []
        for task in section.tasks:
            met = list(dict.fromkeys(persona_ids[a] for a in task.actors if a in persona_ids))
            touchpoint: dict[str, Any] = {
                "id": unique_slug(task.name, touchpoint_ids, "touchpoint", touchpoint_suffix),
                "name": task.name,
                "experience": task.score,
            }
            if set(met) != everyone:
                touchpoint["personas"] = met
            touchpoints.append(touchpoint)
        stages.append(
            {
                "id": unique_slug(section.name, stage_ids, "stage", stage_suffix),
                "name": section.name,
                "touchpoints": touchpoints,
            }
        )
    data["stages"] = stages
    return data
