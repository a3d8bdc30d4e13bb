"""KPIs, opportunities and lanes of a stage, as the reports show them (docs/format.md#kpis).

Part of the Analysis: whether a KPI is worse than its target, which actions
serve an opportunity, the order "most impact for the least effort" and the
impact/effort matrix are decided here once, so the terminal, Markdown, JSON
and HTML reports agree and no renderer judges a KPI or sorts opportunities
itself. Pure: no I/O, no formatting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeycli.core.model import (
    Action,
    Effort,
    Evidence,
    Impact,
    JourneyMap,
    Kpi,
    Opportunity,
    Stage,
)
from journeycli.core.scoring import kpi_worse_than_target

LANES: tuple[str, ...] = ("customer_actions", "frontstage", "backstage", "support", "systems")
"""The service-blueprint lanes of a stage, top to bottom (docs/format.md#stages)."""
ABOVE_THE_LINE: frozenset[str] = frozenset({"customer_actions", "frontstage"})
"""Lanes the customer sees; the others are below the line of visibility."""
LEVELS: tuple[str, ...] = ("high", "medium", "low")
"""Impact from the top row down; effort runs the other way (low first)."""
_RANK = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True, slots=True)
class KpiView:
    """One KPI with its verdict; `future` is the same-named KPI of the target map's stage."""

    kpi: Kpi
    worse_than_target: bool | None  # None without both a value and a target
    future: KpiView | None = None

    @property
    def name(self) -> str:
        return self.kpi.name

    @property
    def value(self) -> int | float | None:
        return self.kpi.value

    @property
    def target(self) -> int | float | None:
        return self.kpi.target

    @property
    def unit(self) -> str | None:
        return self.kpi.unit

    @property
    def higher_is_better(self) -> bool:
        return self.kpi.higher_is_better

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return tuple(self.kpi.evidence)


@dataclass(frozen=True, slots=True)
class LinkedAction:
    """An action that names an opportunity with `opportunity: <id>`, and its stage."""

    action: Action
    stage_id: str
    stage_name: str


@dataclass(frozen=True, slots=True)
class OpportunityView:
    """An opportunity (plain text or a mapping) with the actions that serve it."""

    text: str
    id: str | None
    impact: Impact | None
    effort: Effort | None
    stage_id: str
    stage_name: str
    actions: tuple[LinkedAction, ...]  # map order, whatever their status

    @property
    def rated(self) -> bool:
        """Both impact and effort are known: the opportunity has a place in the matrix."""
        return self.impact is not None and self.effort is not None


@dataclass(frozen=True, slots=True)
class MatrixCell:
    impact: str
    effort: str
    items: tuple[OpportunityView, ...]

    @property
    def quick_win(self) -> bool:
        return self.impact == "high" and self.effort == "low"


@dataclass(frozen=True, slots=True)
class Matrix:
    """Rated opportunities of a map by impact (rows, high first) and effort (columns, low first)."""

    rows: tuple[tuple[MatrixCell, ...], ...]
    unrated: int  # opportunities without impact or effort, not placed

    @property
    def empty(self) -> bool:
        return not any(cell.items for row in self.rows for cell in row)


def kpi_views(stage: Stage, future: Stage | None = None) -> tuple[KpiView, ...]:
    """The stage's KPIs with their verdicts; with a future stage, each paired by name."""
    ahead = {kpi.name: kpi for kpi in future.kpis} if future is not None else {}
    return tuple(
        KpiView(
            kpi,
            kpi_worse_than_target(kpi),
            None
            if kpi.name not in ahead
            else KpiView(ahead[kpi.name], kpi_worse_than_target(ahead[kpi.name])),
        )
        for kpi in stage.kpis
    )


def linked_actions(journey: JourneyMap) -> dict[str, tuple[LinkedAction, ...]]:
    """Opportunity id -> the actions of the map that name it, in map order."""
    found: dict[str, list[LinkedAction]] = {}
    for stage in journey.stages:
        for action in stage.actions:
            if action.opportunity:
                found.setdefault(action.opportunity, []).append(
                    LinkedAction(action, stage.id, stage.name)
                )
    return {key: tuple(items) for key, items in found.items()}


def opportunity_views(
    stage: Stage, links: dict[str, tuple[LinkedAction, ...]]
) -> tuple[OpportunityView, ...]:
    """The stage's opportunities in map order; plain text ones have no id, impact or effort."""
    views = []
    for item in stage.opportunities:
        if isinstance(item, Opportunity):
            actions = links.get(item.id, ()) if item.id else ()
            views.append(
                OpportunityView(
                    item.text, item.id, item.impact, item.effort, stage.id, stage.name, actions
                )
            )
        else:
            views.append(OpportunityView(item, None, None, None, stage.id, stage.name, ()))
    return tuple(views)


def by_value(views: Sequence[OpportunityView]) -> tuple[OpportunityView, ...]:
    """Most impact first, then least effort, then map order; an unknown level goes last."""

    def key(pair: tuple[int, OpportunityView]) -> tuple[int, int, int]:
        index, view = pair
        impact = _RANK[view.impact.value] if view.impact else 3
        effort = 2 - _RANK[view.effort.value] if view.effort else 3
        return impact, effort, index

    return tuple(view for _, view in sorted(enumerate(views), key=key))


def matrix(views: Sequence[OpportunityView]) -> Matrix:
    """Place every rated opportunity in its impact/effort cell (map order within a cell)."""
    rows = tuple(
        tuple(
            MatrixCell(
                impact,
                effort,
                tuple(
                    v
                    for v in views
                    if v.impact is not None
                    and v.effort is not None
                    and v.impact.value == impact
                    and v.effort.value == effort
                ),
            )
            for effort in reversed(LEVELS)
        )
        for impact in LEVELS
    )
    return Matrix(rows, sum(1 for v in views if not v.rated))
