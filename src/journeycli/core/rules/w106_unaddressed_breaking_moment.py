"""W106: a breaking moment that no open action addresses."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext
from journeycli.core.scoring import breaking_moments


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
    code=Code.W106,
    name="unaddressed-breaking-moment",
    severity=Severity.WARNING,
    summary="A breaking moment (critical touchpoint with experience <= 2) that no open action "
    "addresses.",
    why=(
        "A critical touchpoint is a moment of truth: one bad one can break the whole experience"
        " (peak-end rule), whatever the other scores say. A breaking moment (critical, "
        "experience 2 or lower) outranks every gap in the report and needs an open action that "
        "names its touchpoint."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Aankoop\n"
        "    touchpoints:\n"
        "      - name: Taxatie\n"
        "        critical: true\n"
        "        experience: 1\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Aankoop\n"
        "    touchpoints:\n"
        "      - name: Taxatie\n"
        "        critical: true\n"
        "        experience: 1\n"
        "    actions:\n"
        "      - action: Plan every valuation within three days\n"
        "        touchpoint: taxatie\n"
        "        owner: operations\n"
    ),
    check=check,
)
