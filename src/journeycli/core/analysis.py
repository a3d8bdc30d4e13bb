"""The whole analysis of a map (docs/format.md, docs/report.md) as one typed, frozen result.

`analyse()` runs every scoring function of `journeycli.core.scoring` once and keeps
the figures in an `Analysis`; `journeycli.core.combined` ranks stages across
several maps.
Every renderer (terminal, Markdown, JSON, HTML, a user's template) reads these
objects and never recomputes a gap, a rank or a funnel figure, so all output
formats agree by construction. Pure: no I/O, no formatting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from journeycli.core.blueprint import (
    KpiView,
    Matrix,
    OpportunityView,
    by_value,
    kpi_views,
    linked_actions,
    matrix,
    opportunity_views,
)
from journeycli.core.dates import DEFAULT_EVIDENCE_MAX_AGE, evidence_cutoff
from journeycli.core.dates import reference_date as resolve_reference_date
from journeycli.core.errors import UsageError
from journeycli.core.hints import did_you_mean
from journeycli.core.model import (
    Action,
    Goal,
    Horizon,
    JourneyMap,
    Language,
    Metrics,
    Persona,
    Stage,
    State,
    Touchpoint,
)
from journeycli.core.scoring import (
    DEFAULT_GAP_THRESHOLD,
    Confidence,
    FunnelTotals,
    Number,
    Sample,
    breaking_moments,
    experience_by_persona,
    experience_of,
    experience_stats,
    funnel_figures,
    has_plan,
    meets,
    ranked_stages,
    scores,
    stage_sample,
    stale_confidence,
)

DEFAULT_TOP = 3
HORIZONS: tuple[Horizon, ...] = (Horizon.NOW, Horizon.NEXT, Horizon.LATER)


@dataclass(frozen=True, slots=True)
class ChannelGroup:
    """Open actions of one stage that share a channel (None: no channel given)."""

    channel: str | None
    actions: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class StageAnalysis:
    """One stage with every figure the reports show (persona overrides applied)."""

    index: int  # position in the map, 0-based
    stage: Stage
    rank: int | None  # 1 = largest gap; None when unscored
    relevance: int | None
    presence: int | None
    gap: int | None
    overridden: bool  # the chosen persona's persona_scores changed relevance or presence
    confidence: Confidence  # measured, assumed, or stale (measured, but too long ago)
    conversion: Number | None
    reach: Number | None  # None: no funnel, or the funnel stopped before this stage
    lost: Number | None
    value_at_stake: Number | None
    has_plan: bool  # at least one opportunity and one open action
    focus: bool  # among the --top stages with a positive gap
    # experience of the touchpoints the persona meets, with its persona_experience where given
    experience_mean: float | None  # None without a rated touchpoint
    experience_min: int | None  # the worst touchpoint: never averaged away
    experience_count: int
    experience_worst: Touchpoint | None  # the touchpoint with experience_min
    experience_by_persona: dict[str, float | None]  # every persona: mean over what it meets
    touchpoints: tuple[Touchpoint, ...]  # the touchpoints the persona meets, map order
    open_actions: tuple[Action, ...]  # todo or doing, map order
    channels: tuple[ChannelGroup, ...]  # open actions by channel; first seen first, None last
    kpis: tuple[KpiView, ...] = ()  # map order, each with its verdict (and future KPI)
    opportunities: tuple[OpportunityView, ...] = ()  # map order, with the actions serving each
    opportunities_by_value: tuple[OpportunityView, ...] = ()  # most impact, least effort first
    sample: Sample | None = None  # n and margin of the stage's scores (None: persona override)
    target: StageAnalysis | None = None  # the same stage in the future map (--target)

    @property
    def id(self) -> str:
        return self.stage.id

    @property
    def name(self) -> str:
        return self.stage.name

    @property
    def scored(self) -> bool:
        return self.rank is not None


@dataclass(frozen=True, slots=True)
class Moment:
    """A breaking moment: a critical touchpoint with experience <= 2."""

    stage: StageAnalysis
    touchpoint: Touchpoint
    touchpoint_index: int
    experience: int
    actions: tuple[Action, ...]  # open actions of the map that name this touchpoint

    @property
    def addressed(self) -> bool:
        return bool(self.actions)


@dataclass(frozen=True, slots=True)
class RoadmapItem:
    """One open action on the roadmap, with the stage it belongs to."""

    stage: StageAnalysis
    action: Action


@dataclass(frozen=True, slots=True)
class Roadmap:
    """Open actions by horizon; within a horizon in stage rank order (unscored last)."""

    now: tuple[RoadmapItem, ...]
    next: tuple[RoadmapItem, ...]
    later: tuple[RoadmapItem, ...]

    def by_horizon(self) -> tuple[tuple[Horizon, tuple[RoadmapItem, ...]], ...]:
        return ((Horizon.NOW, self.now), (Horizon.NEXT, self.next), (Horizon.LATER, self.later))

    @property
    def empty(self) -> bool:
        return not (self.now or self.next or self.later)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything `journey report` shows about one map."""

    path: str
    journey: JourneyMap
    persona: Persona | None
    gap_threshold: int
    top: int
    reference_date: dt.date  # evidence is stale before it minus evidence_max_age months
    evidence_max_age: int
    stages: tuple[StageAnalysis, ...]  # map order, scored and unscored
    ranked: tuple[StageAnalysis, ...]  # scored stages, rank order
    unscored: tuple[StageAnalysis, ...]  # map order
    focus: tuple[StageAnalysis, ...]  # the first `top` ranked stages with gap > 0
    breaking_moments: tuple[Moment, ...]  # worst experience first, then map order
    gaps_without_plan: tuple[StageAnalysis, ...]  # rank order
    roadmap: Roadmap
    has_funnel: bool  # metrics.volume is set
    funnel: FunnelTotals | None  # completed customers and their value; None without volume
    matrix: Matrix  # the opportunities with both impact and effort, by impact and effort
    target: TargetState | None = None  # the future map (--target)

    @property
    def title(self) -> str:
        return self.journey.title

    @property
    def language(self) -> Language:
        return self.journey.language

    @property
    def state(self) -> State:
        return self.journey.state

    @property
    def metrics(self) -> Metrics | None:
        return self.journey.metrics

    @property
    def currency(self) -> str:
        return self.journey.currency

    @property
    def goal(self) -> Goal | None:
        return self.journey.goal

    @property
    def principles(self) -> tuple[str, ...]:
        return tuple(self.journey.principles)

    @property
    def has_experience(self) -> bool:
        """Some stage has a rated touchpoint (for the persona, if chosen)."""
        return any(s.experience_count for s in self.stages)

    @property
    def personas_with_experience(self) -> tuple[Persona, ...]:
        """Every persona when some touchpoint scores personas apart, else none."""
        scored = any(tp.persona_experience for _, tp in self.journey.touchpoints())
        return tuple(self.journey.personas) if scored else ()

    def experience(self, touchpoint: Touchpoint) -> int | None:
        """A touchpoint's experience as this analysis counts it (the persona's own, if given)."""
        return experience_of(touchpoint, self.persona.id if self.persona else None)

    def persona_name(self, persona_id: str) -> str:
        return next((p.name for p in self.journey.personas if p.id == persona_id), persona_id)


@dataclass(frozen=True, slots=True)
class TargetState:
    """The future map beside the current one: stages matched by id (docs/format.md)."""

    analysis: Analysis  # the future map, analysed like the current one
    added: tuple[StageAnalysis, ...]  # future stages whose id the current map lacks
    dropped: tuple[StageAnalysis, ...]  # current stages whose id the future map lacks


def find_persona(journey: JourneyMap, persona_id: str | None, path: str = "") -> Persona | None:
    """The persona with this id; an unknown id is a usage error naming the known ones."""
    if persona_id is None:
        return None
    for persona in journey.personas:
        if persona.id == persona_id:
            return persona
    where = f"{path}: " if path else ""
    known = ", ".join(p.id for p in journey.personas)
    hint = f"known persona ids: {known}" if known else "this map defines no personas"
    close = did_you_mean(persona_id, (p.id for p in journey.personas))
    hint = f"{close} {hint}" if close else hint
    raise UsageError(f"{where}unknown persona '{persona_id}'", hint=hint)


def _channel_groups(actions: Sequence[Action]) -> tuple[ChannelGroup, ...]:
    order: dict[str | None, list[Action]] = {}
    for action in actions:
        order.setdefault(action.channel, []).append(action)
    keys = [k for k in order if k is not None] + ([None] if None in order else [])
    return tuple(ChannelGroup(key, tuple(order[key])) for key in keys)


def analyse(
    journey: JourneyMap,
    *,
    path: str = "",
    persona: str | None = None,
    top: int = DEFAULT_TOP,
    gap_threshold: int = DEFAULT_GAP_THRESHOLD,
    reference_date: dt.date | None = None,
    evidence_max_age: int = DEFAULT_EVIDENCE_MAX_AGE,
    target: JourneyMap | None = None,
    target_path: str = "",
) -> Analysis:
    """Score one validated map (for one persona when given); `target` is its future state.

    `reference_date` (None: `dates.reference_date()`) and `evidence_max_age`
    decide which stages are stale (docs/report.md, "Stale confidence"). The
    future map is scored the same way and for the same persona; one that
    defines no personas at all holds the same figures for everyone
    (docs/format.md).
    """
    today = resolve_reference_date(reference_date)
    cutoff = evidence_cutoff(today, evidence_max_age)
    future = None
    if target is not None:
        future = analyse(
            target,
            path=target_path,
            persona=persona if target.personas else None,
            top=top,
            gap_threshold=gap_threshold,
            reference_date=today,
            evidence_max_age=evidence_max_age,
        )
    ahead = {s.id: s for s in future.stages} if future is not None else {}
    links = linked_actions(journey)
    chosen = find_persona(journey, persona, path)
    pid = chosen.id if chosen else None
    ranks = {index: rank for rank, (index, _, _) in enumerate(ranked_stages(journey, pid), 1)}
    steps, totals = funnel_figures(journey)
    persona_ids = [p.id for p in journey.personas]
    focus_ids = [index for index, _, stage_gap in ranked_stages(journey, pid) if stage_gap > 0][
        :top
    ]
    stages = []
    for index, stage in enumerate(journey.stages):
        relevance, presence = scores(stage, pid)
        open_actions = tuple(a for a in stage.actions if a.is_open)
        met = tuple(tp for tp in stage.touchpoints if meets(tp, pid))
        experience = experience_stats(met, pid)
        opportunities = opportunity_views(stage, links)
        later = ahead.get(stage.id)
        stages.append(
            StageAnalysis(
                index=index,
                stage=stage,
                rank=ranks.get(index),
                relevance=relevance,
                presence=presence,
                gap=None if relevance is None or presence is None else relevance - presence,
                overridden=(relevance, presence) != (stage.relevance, stage.presence),
                confidence=stale_confidence(stage, cutoff),
                conversion=stage.conversion,
                reach=steps[index].reach,
                lost=steps[index].lost,
                value_at_stake=steps[index].value_at_stake,
                has_plan=has_plan(stage),
                focus=index in focus_ids,
                experience_mean=experience.mean,
                experience_min=experience.min,
                experience_count=experience.count,
                experience_worst=experience.worst,
                experience_by_persona=experience_by_persona(stage, persona_ids),
                touchpoints=met,
                open_actions=open_actions,
                channels=_channel_groups(open_actions),
                kpis=kpi_views(stage, later.stage if later else None),
                opportunities=opportunities,
                opportunities_by_value=by_value(opportunities),
                target=later,
                sample=None
                if relevance != stage.relevance or presence != stage.presence
                else stage_sample(stage),
            )
        )
    ranked = sorted((s for s in stages if s.rank is not None), key=lambda s: s.rank or 0)
    addressing: dict[str, list[Action]] = {}
    for stage in journey.stages:
        for action in stage.actions:
            if action.is_open and action.touchpoint:
                addressing.setdefault(action.touchpoint, []).append(action)
    moments = tuple(
        Moment(
            stages[m.stage_index],
            m.touchpoint,
            m.touchpoint_index,
            m.experience,
            tuple(addressing.get(m.touchpoint.id, ())),
        )
        for m in breaking_moments(journey, pid)
    )
    order = ranked + [s for s in stages if s.rank is None]
    items = [RoadmapItem(s, action) for s in order for action in s.stage.actions if action.is_open]
    roadmap = Roadmap(
        *(tuple(item for item in items if item.action.horizon is h) for h in HORIZONS)
    )
    return Analysis(
        path=path,
        journey=journey,
        persona=chosen,
        gap_threshold=gap_threshold,
        top=top,
        reference_date=today,
        evidence_max_age=evidence_max_age,
        stages=tuple(stages),
        ranked=tuple(ranked),
        unscored=tuple(s for s in stages if s.rank is None),
        focus=tuple(s for s in ranked if s.focus),
        breaking_moments=moments,
        gaps_without_plan=tuple(
            s for s in ranked if s.gap is not None and s.gap >= gap_threshold and not s.has_plan
        ),
        roadmap=roadmap,
        has_funnel=totals is not None,
        funnel=totals,
        matrix=matrix([o for s in stages for o in s.opportunities]),
        target=None if future is None else _target_state(future, stages),
    )


def _target_state(future: Analysis, stages: Sequence[StageAnalysis]) -> TargetState:
    current = {s.id for s in stages}
    return TargetState(
        analysis=future,
        added=tuple(s for s in future.stages if s.id not in current),
        dropped=tuple(s for s in stages if s.target is None),
    )
