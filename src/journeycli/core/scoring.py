"""Scoring (docs/format.md, "How journey computes the report"): pure functions over a map.

No I/O and no formatting: lint rules and every report renderer read these
results, so a gap or a breaking moment is defined in exactly one place.
`journeycli.core.analysis.analyse` runs them all once and returns the typed
`Analysis` that the reports render.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from journeycli.core.dates import is_stale
from journeycli.core.model import EvidenceType, JourneyMap, Kpi, Stage, Touchpoint

DEFAULT_GAP_THRESHOLD = 30
BREAKING_EXPERIENCE = 2

Number = int | float


class Confidence(StrEnum):
    """How far a stage's scores can be trusted (docs/format.md, "Confidence").

    `confidence()` gives MEASURED or ASSUMED from the map alone; STALE needs a
    reference date, so only the report gives it (`stale_confidence`).
    """

    MEASURED = "measured"
    ASSUMED = "assumed"
    STALE = "stale"


def scores(stage: Stage, persona: str | None = None) -> tuple[int | None, int | None]:
    """(relevance, presence) of a stage, with the persona's override where given.

    An override that sets only one of the two keeps the stage's other value.
    """
    relevance, presence = stage.relevance, stage.presence
    override = stage.persona_scores.get(persona) if persona else None
    if override is not None:
        if override.relevance is not None:
            relevance = override.relevance
        if override.presence is not None:
            presence = override.presence
    return relevance, presence


def gap(stage: Stage, persona: str | None = None) -> int | None:
    """relevance - presence (signed), or None when the stage is unscored."""
    relevance, presence = scores(stage, persona)
    if relevance is None or presence is None:
        return None
    return relevance - presence


def confidence(stage: Stage) -> Confidence:
    """Measured when at least one evidence item is not an assumption.

    An evidence item without a type still names a source, so it counts as
    measured; only an explicit `assumption` (or no evidence) is assumed.
    """
    measured = any(item.type is not EvidenceType.ASSUMPTION for item in stage.evidence)
    return Confidence.MEASURED if measured else Confidence.ASSUMED


def stale_confidence(stage: Stage, cutoff: dt.date) -> Confidence:
    """`confidence()`, but STALE for a measured stage whose measurements are all stale.

    A measurement is an evidence item that is not an assumption; it is stale
    when dated before `cutoff` (`dates.evidence_cutoff`). One undated or
    recent measurement keeps the stage measured (docs/report.md).
    """
    if confidence(stage) is Confidence.ASSUMED:
        return Confidence.ASSUMED
    measurements = (item for item in stage.evidence if item.type is not EvidenceType.ASSUMPTION)
    if all(is_stale(item.date, cutoff) for item in measurements):
        return Confidence.STALE
    return Confidence.MEASURED


def has_plan(stage: Stage) -> bool:
    """A plan is at least one opportunity and at least one open action."""
    return bool(stage.opportunities) and any(action.is_open for action in stage.actions)


def meets(touchpoint: Touchpoint, persona: str | None) -> bool:
    """A touchpoint that lists no personas is met by all of them."""
    return persona is None or not touchpoint.personas or persona in touchpoint.personas


@dataclass(frozen=True, slots=True)
class BreakingMoment:
    stage_index: int
    touchpoint_index: int
    stage: Stage
    touchpoint: Touchpoint

    @property
    def experience(self) -> int:
        return self.touchpoint.experience or 0


def is_breaking(touchpoint: Touchpoint) -> bool:
    return (
        touchpoint.critical
        and touchpoint.experience is not None
        and touchpoint.experience <= BREAKING_EXPERIENCE
    )


def breaking_moments(journey: JourneyMap, persona: str | None = None) -> list[BreakingMoment]:
    """Critical touchpoints with experience <= 2: worst first, then map order."""
    found = [
        BreakingMoment(si, ti, stage, tp)
        for si, stage in enumerate(journey.stages)
        for ti, tp in enumerate(stage.touchpoints)
        if is_breaking(tp) and meets(tp, persona)
    ]
    return sorted(found, key=lambda m: (m.experience, m.stage_index, m.touchpoint_index))


def ranked_stages(journey: JourneyMap, persona: str | None = None) -> list[tuple[int, Stage, int]]:
    """Scored stages as (map index, stage, gap): gap desc, relevance desc, map order."""
    scored = []
    for index, stage in enumerate(journey.stages):
        stage_gap = gap(stage, persona)
        if stage_gap is not None:
            relevance = scores(stage, persona)[0] or 0
            scored.append((-stage_gap, -relevance, index, stage))
    scored.sort(key=lambda item: item[:3])
    return [(index, stage, -neg_gap) for neg_gap, _, index, stage in scored]


def gaps_without_plan(
    journey: JourneyMap,
    threshold: int = DEFAULT_GAP_THRESHOLD,
    persona: str | None = None,
) -> list[tuple[int, Stage, int]]:
    """Stages with gap >= threshold lacking an opportunity or an open action, in rank order."""
    return [
        (index, stage, stage_gap)
        for index, stage, stage_gap in ranked_stages(journey, persona)
        if stage_gap >= threshold and not has_plan(stage)
    ]


@dataclass(frozen=True, slots=True)
class FunnelStep:
    """Funnel figures of one stage; None where docs/format.md says they are absent."""

    reach: Number | None
    lost: Number | None
    value_at_stake: Number | None


# Reach is kept exact to a billionth of a customer: exact decimals throughout a
# realistic funnel, yet the numbers cannot grow with every stage (an exact chain of
# 4,000 conversions made the report quadratic).
_QUANTUM = 10**9


def _exact(value: Fraction) -> Fraction:
    return Fraction(round(value * _QUANTUM), _QUANTUM)


def _number(value: Fraction) -> Number:
    """An exact fraction as an int when whole, else the nearest float."""
    return value.numerator if value.denominator == 1 else float(value)


def funnel(journey: JourneyMap) -> list[FunnelStep]:
    """One step per stage, in map order.

    reach(1) = volume; reach(i+1) = reach(i) x conversion(i) / 100;
    lost(i) = reach(i) - reach(i+1); value_at_stake(i) = lost(i) x value.
    A stage without conversion keeps its reach but stops the funnel: its lost
    and value at stake are None, and later stages have no reach. Computed with
    decimal fractions (the numbers as written, not their binary floats) so
    chained percentages give the same figures everywhere.
    """
    metrics = journey.metrics
    empty = FunnelStep(None, None, None)
    if metrics is None or metrics.volume is None:
        return [empty] * len(journey.stages)
    value = None if metrics.value is None else Fraction(str(metrics.value))
    reach: Fraction | None = Fraction(str(metrics.volume))
    steps = []
    for stage in journey.stages:
        if reach is None:
            steps.append(empty)
            continue
        if stage.conversion is None:
            steps.append(FunnelStep(_number(reach), None, None))
            reach = None
            continue
        after = _exact(reach * Fraction(str(stage.conversion)) / 100)
        lost = reach - after
        at_stake = None if value is None else _number(lost * value)
        steps.append(FunnelStep(_number(reach), _number(lost), at_stake))
        reach = after
    return steps


def mean_experience(touchpoints: Iterable[Touchpoint]) -> float | None:
    """Mean experience (1..5) of the touchpoints that have one; None when none has."""
    values = [tp.experience for tp in touchpoints if tp.experience is not None]
    return sum(values) / len(values) if values else None


def kpi_worse_than_target(kpi: Kpi) -> bool | None:
    """Below its target (above it when lower is better); None without both a value and a target.

    A value equal to the target is not worse (docs/format.md#kpis).
    """
    if kpi.value is None or kpi.target is None:
        return None
    if kpi.higher_is_better:
        return kpi.value < kpi.target
    return kpi.value > kpi.target
