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


def experience_of(touchpoint: Touchpoint, persona: str | None) -> int | None:
    """The experience of a touchpoint for a persona: its `persona_experience` where given.

    Without a persona (or without an entry for it) the touchpoint's own
    `experience`; docs/format.md, "experience".
    """
    if persona is not None:
        own = touchpoint.persona_experience.get(persona)
        if own is not None:
            return own
    return touchpoint.experience


@dataclass(frozen=True, slots=True)
class BreakingMoment:
    stage_index: int
    touchpoint_index: int
    stage: Stage
    touchpoint: Touchpoint
    experience: int  # for the persona chosen, if any


def is_breaking(touchpoint: Touchpoint, persona: str | None = None) -> bool:
    """A critical touchpoint whose experience (for the persona) is 2 or lower."""
    experience = experience_of(touchpoint, persona)
    return touchpoint.critical and experience is not None and experience <= BREAKING_EXPERIENCE


def breaking_moments(journey: JourneyMap, persona: str | None = None) -> list[BreakingMoment]:
    """Critical touchpoints with experience <= 2: worst first, then map order.

    With a persona, only the touchpoints it meets, at its own experience.
    """
    found = [
        BreakingMoment(si, ti, stage, tp, experience_of(tp, persona) or 0)
        for si, stage in enumerate(journey.stages)
        for ti, tp in enumerate(stage.touchpoints)
        if meets(tp, persona) and is_breaking(tp, persona)
    ]
    return sorted(found, key=lambda m: (m.experience, m.stage_index, m.touchpoint_index))


def breaking_for_personas(touchpoint: Touchpoint, personas: Iterable[str]) -> dict[str, int]:
    """The personas (met, with their own experience) for whom a touchpoint is a breaking moment.

    For lint, which has no --persona: a critical touchpoint fine on average
    can still break the journey for one persona (docs/rules.md, W106).
    """
    return {
        pid: touchpoint.persona_experience[pid]
        for pid in personas
        if pid in touchpoint.persona_experience
        and meets(touchpoint, pid)
        and is_breaking(touchpoint, pid)
    }


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


@dataclass(frozen=True, slots=True)
class FunnelTotals:
    """What the whole funnel produces: the customers who complete it and their value."""

    volume: Number
    completed: Number
    completed_value: Number | None  # None without metrics.value
    currency: str
    period: str


# Reach is kept exact to a billionth of a customer: exact decimals throughout a
# realistic funnel, yet the numbers cannot grow with every stage (an exact chain of
# 4,000 conversions made the report quadratic). The share of lost customers who
# would have completed is a product of later conversions, kept to 10**-18 for the
# same reason.
_QUANTUM = 10**9
_SHARE_QUANTUM = 10**18


def _exact(value: Fraction, quantum: int = _QUANTUM) -> Fraction:
    return Fraction(round(value * quantum), quantum)


def _number(value: Fraction) -> Number:
    """An exact fraction as an int when whole, else the nearest float."""
    return value.numerator if value.denominator == 1 else float(value)


def funnel_figures(journey: JourneyMap) -> tuple[list[FunnelStep], FunnelTotals | None]:
    """One step per stage (map order) and the totals; no totals without a volume.

    reach(1) = volume; reach(i+1) = reach(i) x conversion(i) / 100;
    lost(i) = reach(i) - reach(i+1). The funnel stops at the first stage
    without conversion (stage k): it keeps its reach, its lost and value at
    stake are None, later stages have no reach. completed = reach(k) (after
    the last stage when all convert). A customer lost at stage i would have
    completed with share(i) = the product of conversion(j)/100 for j = i+1 .. k-1,
    so value_at_stake(i) = lost(i) x share(i) x value: the value gained if
    stage i lost no one (docs/format.md, "How journey computes the report").
    Computed with decimal fractions (the numbers as written, not their binary
    floats) so chained percentages give the same figures everywhere.
    """
    metrics = journey.metrics
    empty = FunnelStep(None, None, None)
    if metrics is None or metrics.volume is None:
        return [empty] * len(journey.stages), None
    value = None if metrics.value is None else Fraction(str(metrics.value))
    reaches: list[Fraction] = [Fraction(str(metrics.volume))]
    rates: list[Fraction] = []
    for stage in journey.stages:
        if stage.conversion is None:
            break
        rate = Fraction(str(stage.conversion)) / 100
        rates.append(rate)
        reaches.append(_exact(reaches[-1] * rate))
    # reaches[i] for every stage up to the stop; reaches[len(rates)] is `completed`
    shares = [Fraction(1)] * len(rates)
    for i in range(len(rates) - 2, -1, -1):
        shares[i] = _exact(shares[i + 1] * rates[i + 1], _SHARE_QUANTUM)
    steps = []
    for i in range(len(journey.stages)):
        if i < len(rates):
            lost = reaches[i] - reaches[i + 1]
            at_stake = None if value is None else _number(_exact(lost * shares[i] * value))
            steps.append(FunnelStep(_number(reaches[i]), _number(lost), at_stake))
        elif i == len(rates):
            steps.append(FunnelStep(_number(reaches[i]), None, None))
        else:
            steps.append(empty)
    completed = reaches[len(rates)]
    totals = FunnelTotals(
        volume=metrics.volume,
        completed=_number(completed),
        completed_value=None if value is None else _number(_exact(completed * value)),
        currency=metrics.currency,
        period=metrics.period,
    )
    return steps, totals


def funnel(journey: JourneyMap) -> list[FunnelStep]:
    """One funnel step per stage, in map order (see `funnel_figures`)."""
    return funnel_figures(journey)[0]


def funnel_totals(journey: JourneyMap) -> FunnelTotals | None:
    """The completed customers and their value; None without metrics.volume."""
    return funnel_figures(journey)[1]


@dataclass(frozen=True, slots=True)
class ExperienceStats:
    """Experience of a stage's touchpoints: the mean never hides the worst one."""

    mean: float | None  # None without a rated touchpoint
    min: int | None
    count: int  # rated touchpoints
    worst: Touchpoint | None  # the lowest; on a tie a critical one, then map order


def experience_stats(touchpoints: Iterable[Touchpoint], persona: str | None) -> ExperienceStats:
    """Mean, minimum and count of the experiences (for the persona) of these touchpoints.

    The caller passes the touchpoints the persona meets; each is scored with
    `experience_of`, so a persona's own score replaces `experience`.
    """
    rated = [(score, tp) for tp in touchpoints if (score := experience_of(tp, persona)) is not None]
    if not rated:
        return ExperienceStats(None, None, 0, None)
    worst = min(rated, key=lambda item: (item[0], not item[1].critical))
    return ExperienceStats(
        sum(score for score, _ in rated) / len(rated), worst[0], len(rated), worst[1]
    )


def experience_by_persona(stage: Stage, personas: Iterable[str]) -> dict[str, float | None]:
    """Per persona the mean experience of the stage's touchpoints it meets (None: none rated)."""
    return {
        pid: experience_stats((tp for tp in stage.touchpoints if meets(tp, pid)), pid).mean
        for pid in personas
    }


def kpi_worse_than_target(kpi: Kpi) -> bool | None:
    """Below its target (above it when lower is better); None without both a value and a target.

    A value equal to the target is not worse (docs/format.md#kpis).
    """
    if kpi.value is None or kpi.target is None:
        return None
    if kpi.higher_is_better:
        return kpi.value < kpi.target
    return kpi.value > kpi.target


@dataclass(frozen=True, slots=True)
class Sample:
    """How many answers a stage's scores rest on, and their 95 % margin (docs/measure.md)."""

    n: int
    margin: float | None


def stage_sample(stage: Stage) -> Sample | None:
    """The n and margin of the newest evidence item that has an `n` (the last one on a tie).

    `journey measure` writes one such item per survey; reports show it as
    `55 ± 9 (n=120)` (docs/measure.md).
    """
    best: tuple[dt.date, int] | None = None
    found: Sample | None = None
    for index, item in enumerate(stage.evidence):
        if item.n is None:
            continue
        key = (item.date or dt.date.min, index)
        if best is None or key >= best:
            best, found = key, Sample(item.n, item.margin)
    return found
