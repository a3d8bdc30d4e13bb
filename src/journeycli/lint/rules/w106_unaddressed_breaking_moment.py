"""W106: a breaking moment that no open action addresses."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.engine import breaking_moments
from journeycli.lint.rules.base import Finding, Rule, RuleContext
from journeycli.problems import Severity


def check(ctx: RuleContext) -> Iterator[Finding]:
    journey = ctx.journey
    addressed = {
        action.touchpoint
        for stage in journey.stages
        for action in stage.actions
        if action.is_open and action.touchpoint
    }
    moments = sorted(breaking_moments(journey), key=lambda m: (m.stage_index, m.touchpoint_index))
    for moment in moments:
        if moment.touchpoint.id not in addressed:
            yield Finding(
                ("stages", moment.stage_index, "touchpoints", moment.touchpoint_index),
                f"breaking moment '{moment.touchpoint.name}' (critical, experience "
                f"{moment.experience}) has no open action with touchpoint: "
                f"{moment.touchpoint.id}",
            )


RULE = Rule(
    code="W106",
    name="unaddressed-breaking-moment",
    severity=Severity.WARNING,
    summary="A breaking moment (critical touchpoint with experience <= 2) that no open action "
    "addresses.",
    why="One bad moment of truth can break the whole experience (peak-end rule); it "
    "outranks every gap and needs an action that names its touchpoint.",
    bad="      - name: Taxatie\n        critical: true\n        experience: 1\n",
    good="      - name: Taxatie\n        critical: true\n        experience: 1\n...\n    actions:\n"
    "      - action: Plan taxaties binnen 3 dagen\n        touchpoint: taxatie\n",
    check=check,
)
