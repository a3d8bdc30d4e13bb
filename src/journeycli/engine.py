"""The scoring engine of SPEC §3: pure functions over a validated map.

No I/O and no formatting: lint rules and every report renderer read these
results, so a gap or a breaking moment is defined in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from journeycli.model import EvidenceType, JourneyMap, Stage, Touchpoint

DEFAULT_GAP_THRESHOLD = 30
BREAKING_EXPERIENCE = 2


class Confidence(str, Enum):
    MEASURED = "measured"
    ASSUMED = "assumed"


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
