"""Changes -> GitHub-flavoured Markdown for a pull-request comment (`templates/diff/diff.md.j2`).

A heading and a one-line summary, tables of score and funnel changes, then
lists of what was added, removed, renamed, moved and changed. Map text is
escaped by the one Markdown escaper (`core.markdown.md`), so a name can never
become HTML or emphasis, and the result passes markdownlint's default rules
(docs/diff.md). This module only puts the changes in the order the template
shows them; the phrases come from `diff.formats.common`, shared with text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol, TypeVar

from journeycli.core.markdown import environment, finish, md
from journeycli.diff.changes import KINDS, Changes, Kind, StageScores
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

KIND_NAMES: dict[Kind, str] = {
    "persona": "Persona",
    "stage": "Stage",
    "touchpoint": "Touchpoint",
    "action": "Action",
}


class _Kinded(Protocol):
    @property
    def kind(self) -> Kind: ...


K = TypeVar("K", bound=_Kinded)


def by_kind(items: Sequence[K]) -> list[K]:
    """Personas, then stages, touchpoints and actions, each in the order found."""
    return [item for kind in KINDS for item in items if item.kind == kind]


def _cell(scores: StageScores, name: str) -> str:
    """`30 → 55` when changed, else the value; money without its currency (in the header)."""
    delta = scores[name]
    new = score_value(name, delta.new, None)
    if not delta.changed:
        return md(new)
    return md(f"{score_value(name, delta.old, None)} {ARROW} {new}")


def _score_table(changes: Changes, fields: tuple[str, ...]) -> dict[str, Any] | None:
    """Header and escaped rows of the stages whose `fields` changed; None when none did."""
    rows = [
        [md(s.name), *(_cell(s, f) for f in fields)]
        for s in changes.scores
        if any(s[f].changed for f in fields)
    ]
    if not rows:
        return None
    header = [label(f).capitalize() for f in fields]
    currency = changes.new.currency
    if currency and "value_at_stake" in fields:
        header[fields.index("value_at_stake")] += f" ({md(currency)})"
    return {"header": ["Stage", *header], "rows": rows}


@cache
def _environment() -> Any:
    env = environment("diff")
    env.filters.update(
        rank=rank,
        phrase=field_phrase,
        content=content_phrase,
        kind_name=KIND_NAMES.__getitem__,
    )
    return env


def render(changes: Changes) -> str:
    moves = sorted(changes.rank_moves, key=lambda m: (m.new is None, m.new or 0, m.old or 0))
    text = (
        _environment()
        .get_template("diff.md.j2")
        .render(
            changes=changes,
            summary=summary(changes),
            scores=_score_table(changes, SCORE_PART),
            funnel=_score_table(changes, FUNNEL_PART),
            moves=moves,
            added=by_kind(changes.added),
            removed=by_kind(changes.removed),
            renamed=by_kind(changes.renamed),
            moved=by_kind(changes.moved),
            modified=by_kind(changes.modified),
        )
    )
    return finish(text, wrap_lines=True)
