"""The CI regression gate: which `--fail-on` conditions a set of changes triggers.

Kept apart from the comparison so the conditions are defined once and read
the same by the CLI's exit code, the JSON `regressions` key and the docs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from journeycli.core.errors import UsageError
from journeycli.diff.changes import Changes, rank_text
from journeycli.diff.tree_changes import TreeChanges

GAP_INCREASE = "gap-increase"
NEW_BREAKING_MOMENT = "new-breaking-moment"
LOST_EVIDENCE = "lost-evidence"
RANK_CHANGE = "rank-change"
PRESENCE_DROP = "presence-drop"
EXPERIENCE_DROP = "experience-drop"
ACTION_REMOVED = "action-removed"
NEW_ERROR = "new-error"
CONDITIONS: tuple[str, ...] = (
    GAP_INCREASE,
    NEW_BREAKING_MOMENT,
    LOST_EVIDENCE,
    RANK_CHANGE,
    PRESENCE_DROP,
    EXPERIENCE_DROP,
    ACTION_REMOVED,
    NEW_ERROR,
)
OPEN_STATUSES = frozenset({"todo", "doing"})


@dataclass(frozen=True, slots=True)
class Regression:
    """One item that triggers a condition, with a short human reason."""

    condition: str
    id: str
    name: str
    detail: str


def regressions(changes: Changes) -> dict[str, tuple[Regression, ...]]:
    """Every condition with the items that trigger it (empty tuple: not triggered).

    - gap-increase: a stage on both sides whose gap grew (both sides scored);
    - new-breaking-moment: a breaking moment that was not one before;
    - lost-evidence: a stage on both sides that went from measured to assumed;
    - rank-change: a stage whose rank changed, entered or left the ranking;
    - presence-drop: a stage on both sides whose presence fell (a re-measurement
      can raise relevance and so the gap without anything getting worse; a
      falling presence is the company doing worse);
    - experience-drop: a touchpoint on both sides whose experience fell;
    - action-removed: an open action (todo or doing) deleted instead of being
      set to done or dropped, so its history is kept;
    - new-error: a lint error the new version has and the old one had not.
    """
    gap_up = tuple(
        Regression(GAP_INCREASE, s.id, s.name, f"gap {s['gap'].old} → {s['gap'].new}")
        for s in changes.scores
        if s["gap"].old is not None and s["gap"].new is not None and s["gap"].new > s["gap"].old
    )
    breaking = tuple(
        Regression(
            NEW_BREAKING_MOMENT,
            m.touchpoint,
            m.name,
            f"critical touchpoint in {m.stage_name} with experience {m.experience}",
        )
        for m in changes.breaking_introduced
    )
    evidence = tuple(
        Regression(LOST_EVIDENCE, s.id, s.name, "confidence measured → assumed")
        for s in changes.scores
        if s["confidence"].old == "measured" and s["confidence"].new == "assumed"
    )
    ranks = tuple(
        Regression(RANK_CHANGE, m.stage, m.name, f"rank {rank_text(m.old)} → {rank_text(m.new)}")
        for m in changes.rank_moves
    )
    presence = tuple(
        Regression(
            PRESENCE_DROP, s.id, s.name, f"presence {s['presence'].old} → {s['presence'].new}"
        )
        for s in changes.scores
        if s["presence"].old is not None
        and s["presence"].new is not None
        and s["presence"].new < s["presence"].old
    )
    experience = tuple(
        Regression(
            EXPERIENCE_DROP,
            m.id,
            m.name,
            f"experience {change.old} → {change.new} in {m.stage_name}",
        )
        for m in changes.modified
        if m.kind == "touchpoint"
        and (change := m.get("experience")) is not None
        and change.old is not None
        and change.new is not None
        and change.new < change.old
    )
    removed = tuple(
        Regression(
            ACTION_REMOVED,
            item.id,
            item.name,
            f"deleted while {item.status} in {item.stage_name}; "
            "set its status to done or dropped instead",
        )
        for item in changes.removed
        if item.kind == "action" and item.status in OPEN_STATUSES
    )
    errors = tuple(
        Regression(NEW_ERROR, p.code, p.message, f"{p.code} line {p.line}")
        for p in changes.lint.introduced
        if p.is_error
    )
    return {
        GAP_INCREASE: gap_up,
        NEW_BREAKING_MOMENT: breaking,
        LOST_EVIDENCE: evidence,
        RANK_CHANGE: ranks,
        PRESENCE_DROP: presence,
        EXPERIENCE_DROP: experience,
        ACTION_REMOVED: removed,
        NEW_ERROR: errors,
    }


def tree_regressions(tree: TreeChanges) -> dict[str, tuple[Regression, ...]]:
    """Every condition over all maps; each item's name starts with its map's file name."""
    found: dict[str, list[Regression]] = {}
    for changes in tree.maps:
        where = Path(changes.new.label).name
        for condition, items in regressions(changes).items():
            found.setdefault(condition, []).extend(
                Regression(r.condition, r.id, f"{where}: {r.name}", r.detail) for r in items
            )
    broken = [(m.path, m.errors) for m in tree.invalid if m.side == "new" and m.was_valid] + [
        (a.path, tuple(p for p in a.problems if p.is_error)) for a in tree.added if a.invalid
    ]
    for path, errors in broken:
        found.setdefault(NEW_ERROR, []).extend(
            Regression(
                NEW_ERROR, p.code, f"{Path(path).name}: {p.message}", f"{p.code} line {p.line}"
            )
            for p in errors
        )
    return {condition: tuple(found.get(condition, ())) for condition in CONDITIONS}


def parse_conditions(values: Iterable[str]) -> tuple[str, ...]:
    """`["gap-increase,rank-change"]` -> the conditions, in CONDITIONS order.

    Raises UsageError (exit 2) naming an unknown condition and the valid ones.
    """
    wanted: set[str] = set()
    for value in values:
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name == "all":
                wanted.update(CONDITIONS)
            elif name in CONDITIONS:
                wanted.add(name)
            else:
                raise UsageError(
                    f"--fail-on: unknown condition '{part.strip()}'",
                    hint=f"choose from {', '.join(CONDITIONS)} or all",
                )
    return tuple(c for c in CONDITIONS if c in wanted)


def triggered(changes: Changes, conditions: Iterable[str]) -> dict[str, tuple[Regression, ...]]:
    """The requested conditions that fire, with their items."""
    found = regressions(changes)
    return {c: found[c] for c in conditions if found[c]}
