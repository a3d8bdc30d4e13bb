"""The CI regression gate: which `--fail-on` conditions a set of changes triggers.

Kept apart from the comparison so the conditions are defined once and read
the same by the CLI's exit code, the JSON `regressions` key and the docs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from journeycli.core.errors import UsageError
from journeycli.diff.changes import Changes, rank_text

GAP_INCREASE = "gap-increase"
NEW_BREAKING_MOMENT = "new-breaking-moment"
LOST_EVIDENCE = "lost-evidence"
RANK_CHANGE = "rank-change"
CONDITIONS: tuple[str, ...] = (GAP_INCREASE, NEW_BREAKING_MOMENT, LOST_EVIDENCE, RANK_CHANGE)


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
    - rank-change: a stage whose rank changed, entered or left the ranking.
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
    return {
        GAP_INCREASE: gap_up,
        NEW_BREAKING_MOMENT: breaking,
        LOST_EVIDENCE: evidence,
        RANK_CHANGE: ranks,
    }


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
