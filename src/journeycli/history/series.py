"""What `journey history` finds: per stage, its scores at each commit (docs/diff.md).

The result value of the command's core (`history.run.history_of`), read by
every format in `history/formats/`; it holds no behaviour beyond reading its
own figures, so the formats never import the core that builds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from journeycli.core import gitio

Status = Literal["ok", "invalid", "missing"]
Trend = Literal["closing", "widening", "steady", "unknown"]
By = Literal["commit", "evidence-date"]
BY: tuple[By, ...] = ("commit", "evidence-date")


@dataclass(frozen=True, slots=True)
class StagePoint:
    """One stage at one commit (persona overrides applied)."""

    name: str
    relevance: int | None
    presence: int | None
    gap: int | None
    rank: int | None
    confidence: str


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit: the map's title and stage points, or why there are none."""

    commit: gitio.Commit
    status: Status
    message: str | None
    title: str | None
    points: dict[str, StagePoint]
    evidence_date: str | None = None  # the newest evidence date in this version (ISO)
    at: str = ""  # where the version is placed: its commit date, or its newest evidence date


@dataclass(frozen=True, slots=True)
class StageSeries:
    """One stage across the revisions (oldest first); None where absent or invalid."""

    id: str
    name: str
    points: tuple[StagePoint | None, ...]

    def values(self, field: str) -> tuple[int | None, ...]:
        return tuple(None if p is None else getattr(p, field) for p in self.points)

    @property
    def first_gap(self) -> int | None:
        return next((g for g in self.values("gap") if g is not None), None)

    @property
    def last_gap(self) -> int | None:
        return next((g for g in reversed(self.values("gap")) if g is not None), None)

    @property
    def trend(self) -> Trend:
        """Closing when the latest gap is below the first one, widening when above."""
        scored = [g for g in self.values("gap") if g is not None]
        if len(scored) < 2:
            return "unknown"
        if scored[-1] < scored[0]:
            return "closing"
        if scored[-1] > scored[0]:
            return "widening"
        return "steady"


@dataclass(frozen=True, slots=True)
class History:
    path: str
    rev_range: str | None
    persona: str | None
    revisions: tuple[Revision, ...]  # oldest first (by `at` with --by evidence-date)
    stages: tuple[StageSeries, ...]  # newest map order, then stages only seen before
    by: By = "commit"

    @property
    def title(self) -> str:
        """The newest valid revision's map title, else the path (every format's heading)."""
        return next((r.title for r in reversed(self.revisions) if r.title), self.path)
