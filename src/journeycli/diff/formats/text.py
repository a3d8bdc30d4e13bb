"""Changes -> text for the terminal: coloured on a terminal, plain and stable otherwise.

Rich decides on colour (a terminal, `NO_COLOR`, `FORCE_COLOR`, `TERM=dumb`)
the way every other journey command does; lines are never wrapped, so piped
output is one change per line and byte-identical for the same input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from journeycli.diff.changes import KINDS, Changes, Kind, Modified
from journeycli.diff.formats.common import (
    ARROW,
    FUNNEL_PART,
    KIND_TITLES,
    SCORE_PART,
    content_phrase,
    field_phrase,
    rank,
    score_parts,
    summary,
)

if TYPE_CHECKING:
    from rich.text import Text

Line = list[tuple[str, str]]  # (text, Rich style) segments

ADDED, REMOVED, CHANGED, HEAD, DIM = "green", "red", "yellow", "bold", "dim"
_CONTENT_STYLES = {"added": ADDED, "removed": REMOVED, "changed": CHANGED}


def _modified(item: Modified) -> str:
    return ", ".join(field_phrase(change) for change in item.fields)


def _where(stage_name: str | None) -> str:
    return f" (in {stage_name})" if stage_name else ""


def _kind_lines(changes: Changes, kind: Kind) -> list[Line]:
    parts = changes.of_kind(kind)
    lines: list[Line] = []
    lines += [
        [("  + ", ADDED), (f"{i.id} ", ADDED), (f'"{i.name}"{_where(i.stage_name)}', "")]
        for i in parts["added"]
    ]
    lines += [
        [("  - ", REMOVED), (f"{i.id} ", REMOVED), (f'"{i.name}"{_where(i.stage_name)}', "")]
        for i in parts["removed"]
    ]
    lines += [
        [("  ~ ", CHANGED), (f"{r.id} ", CHANGED), (f'renamed "{r.old}" {ARROW} "{r.new}"', "")]
        for r in parts["renamed"]
    ]
    lines += [
        [("  ~ ", CHANGED), (f"{m.id} ", CHANGED), (f"moved: stage {m.old} {ARROW} {m.new}", "")]
        for m in parts["moved"]
    ]
    lines += [
        [("  ~ ", CHANGED), (f"{m.id}: ", CHANGED), (_modified(m), "")] for m in parts["modified"]
    ]
    return lines


def _score_lines(changes: Changes, fields: tuple[str, ...]) -> list[Line]:
    lines: list[Line] = []
    currency = changes.new.currency
    for scores in changes.scores:
        parts = score_parts(scores, fields, currency)
        if not parts:
            continue
        line: Line = [(f"  {scores.name}: ", "")]
        for index, part in enumerate(parts):
            style = ""
            if part.startswith("gap "):
                gap = scores["gap"]
                if gap.old is not None and gap.new is not None:
                    style = REMOVED if gap.new > gap.old else ADDED
            elif part.startswith("confidence "):
                style = REMOVED if scores["confidence"].new == "assumed" else ADDED
            line.append((part, style))
            if index < len(parts) - 1:
                line.append((", ", ""))
        lines.append(line)
    return lines


def _rank_lines(changes: Changes) -> list[Line]:
    moves = sorted(
        changes.rank_moves,
        key=lambda m: (m.new is None, m.new or 0, m.old is None, m.old or 0),
    )
    return [
        [
            (f"  {m.name}: ", ""),
            (
                f"rank {rank(m.old)} {ARROW} {rank(m.new)}",
                ADDED if m.old is not None and m.new is not None and m.new > m.old else CHANGED,
            ),
        ]
        for m in moves
    ]


def lines(changes: Changes) -> list[Line]:
    """Every line of the text diff, as styled segments (the renderer's one model)."""
    out: list[Line] = [[(f"journey diff {changes.old.label} {ARROW} {changes.new.label}", HEAD)]]
    if changes.persona:
        out.append([(f"persona: {changes.persona}", DIM)])

    def section(title: str, body: list[Line]) -> None:
        if body:
            out.append([])
            out.append([(title, HEAD)])
            out.extend(body)

    section("Map", [[("  ~ ", CHANGED), (field_phrase(c), "")] for c in changes.map_fields])
    section(
        "Breaking moments",
        [
            [
                ("  resolved: ", ADDED),
                (f"{m.name} in {m.stage_name} (experience was {m.experience})", ""),
            ]
            for m in changes.breaking_resolved
        ]
        + [
            [
                ("  introduced: ", REMOVED),
                (f"{m.name} in {m.stage_name} (experience {m.experience})", ""),
            ]
            for m in changes.breaking_introduced
        ],
    )
    section("Scores", _score_lines(changes, SCORE_PART))
    section("Funnel", _score_lines(changes, FUNNEL_PART))
    section("Ranking", _rank_lines(changes))
    for kind in KINDS:
        section(KIND_TITLES[kind], _kind_lines(changes, kind))
    section(
        "Stage content",
        [
            [(f"  {c.stage_name}: ", ""), (content_phrase(c), _CONTENT_STYLES[c.kind])]
            for c in changes.content
        ],
    )
    section("Hints", [[("  hint: ", DIM), (hint.message, "")] for hint in changes.hints])
    out.append([])
    if changes.changed:
        out.append([("Summary: ", HEAD), (summary(changes), "")])
    else:
        out.append([("No changes.", HEAD)])
    return out


def render(changes: Changes) -> str:
    """Plain text (no styles): what a pipe or a file gets."""
    return "".join("".join(text for text, _ in line) + "\n" for line in lines(changes))


def _text(line: Line) -> Text:
    from rich.text import Text

    text = Text()
    for segment, style in line:
        text.append(segment, style=style or None)
    return text


def write(changes: Changes, stream: TextIO) -> None:
    """Write to `stream`, coloured only when Rich finds a colour terminal there."""
    from rich.console import Console

    console = Console(file=stream, highlight=False, emoji=False, soft_wrap=True)
    if not console.is_terminal or console.no_color or console.color_system is None:
        stream.write(render(changes))
        return
    for line in lines(changes):
        console.print(_text(line))
