"""Changes -> GitHub-flavoured Markdown for a pull-request comment.

A heading and a one-line summary, tables of score and funnel changes, then
lists of what was added, removed, renamed, moved and changed. Built to pass
markdownlint's default rules: blank lines around headings, lists and tables,
the same cell spacing in the delimiter row as in the body, `|` escaped in
cells, map text escaped so a name can never become HTML or a link.
"""

from __future__ import annotations

from journeycli.core.markdown import code, escape, table, wrap
from journeycli.diff.changes import KINDS, Changes, Item, Kind, StageScores
from journeycli.diff.formats.common import (
    ARROW,
    FUNNEL_PART,
    SCORE_PART,
    content_phrase,
    field_phrase,
    label,
    rank,
    score_value,
    summary,
)

_KIND_NAMES: dict[Kind, str] = {
    "persona": "Persona",
    "stage": "Stage",
    "touchpoint": "Touchpoint",
    "action": "Action",
}


def _cell(scores: StageScores, name: str) -> str:
    """`30 → 55` when changed, else the value; money without its currency (in the header)."""
    delta = scores[name]
    new = score_value(name, delta.new, None)
    if not delta.changed:
        return escape(new)
    return escape(f"{score_value(name, delta.old, None)} {ARROW} {new}")


def _score_table(changes: Changes, fields: tuple[str, ...]) -> list[str]:
    currency = changes.new.currency
    rows = [
        [escape(s.name), *(_cell(s, f) for f in fields)]
        for s in changes.scores
        if any(s[f].changed for f in fields)
    ]
    if not rows:
        return []
    header = [label(f).capitalize() for f in fields]
    if currency and "value_at_stake" in fields:
        header[fields.index("value_at_stake")] += f" ({escape(currency)})"
    return table(["Stage", *header], rows)


def _item(item: Item) -> str:
    where = f" (in {escape(item.stage_name)})" if item.stage_name else ""
    return f"- {_KIND_NAMES[item.kind]} {code(item.id)}: {escape(item.name)}{where}"


def _lists(changes: Changes) -> dict[str, list[str]]:
    renamed = [
        f"- {_KIND_NAMES[r.kind]} {code(r.id)}: {escape(r.old)} {ARROW} {escape(r.new)}"
        for kind in KINDS
        for r in changes.renamed
        if r.kind == kind
    ]
    moved = [
        f"- {_KIND_NAMES[m.kind]} {code(m.id)}: {escape(m.name)}, "
        f"stage {code(m.old)} {ARROW} {code(m.new)}"
        for kind in KINDS
        for m in changes.moved
        if m.kind == kind
    ]
    modified = [f"- Map: {escape(field_phrase(c))}" for c in changes.map_fields] + [
        f"- {_KIND_NAMES[m.kind]} {code(m.id)}: "
        + escape(", ".join(field_phrase(c) for c in m.fields))
        for kind in KINDS
        for m in changes.modified
        if m.kind == kind
    ]
    return {
        "Added": [_item(i) for kind in KINDS for i in changes.added if i.kind == kind],
        "Removed": [_item(i) for kind in KINDS for i in changes.removed if i.kind == kind],
        "Renamed": renamed,
        "Moved": moved,
        "Changed": modified,
    }


def render(changes: Changes) -> str:
    blocks: list[list[str]] = [
        [f"# Journey map changes: {escape(changes.new.title)}"],
        [
            f"{code(changes.old.label)} {ARROW} {code(changes.new.label)}"
            + (f" (persona {code(changes.persona)})" if changes.persona else "")
            + f": {escape(summary(changes))}."
        ],
    ]

    def section(title: str, body: list[str]) -> None:
        if body:
            blocks.append([f"## {title}"])
            blocks.append(body)

    section(
        "Breaking moments",
        [
            f"- Resolved: {escape(m.name)} in {escape(m.stage_name)} "
            f"(experience was {m.experience})"
            for m in changes.breaking_resolved
        ]
        + [
            f"- Introduced: {escape(m.name)} in {escape(m.stage_name)} (experience {m.experience})"
            for m in changes.breaking_introduced
        ],
    )
    section("Score changes", _score_table(changes, SCORE_PART))
    section("Funnel changes", _score_table(changes, FUNNEL_PART))
    moves = sorted(changes.rank_moves, key=lambda m: (m.new is None, m.new or 0, m.old or 0))
    section(
        "Ranking",
        [f"- {escape(m.name)}: rank {rank(m.old)} {ARROW} {rank(m.new)}" for m in moves],
    )
    for title, body in _lists(changes).items():
        section(title, body)
    section(
        "Stage content",
        [f"- {escape(c.stage_name)}: {escape(content_phrase(c))}" for c in changes.content],
    )
    section("Hints", [f"- {escape(h.message)}" for h in changes.hints])
    return (
        "\n\n".join(
            "\n".join(line if line.startswith("|") else wrap(line) for line in block)
            for block in blocks
        )
        + "\n"
    )
