"""W106: a breaking moment that no open action addresses."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext
from journeycli.core.scoring import breaking_for_personas, is_breaking


def check(ctx: RuleContext) -> Iterator[Finding]:
    journey = ctx.journey
    addressed = {
        action.touchpoint
        for stage in journey.stages
        for action in stage.actions
        if action.is_open and action.touchpoint
    }
    personas = [p.id for p in journey.personas]
    for si, stage in enumerate(journey.stages):
        for ti, tp in enumerate(stage.touchpoints):
            if tp.id in addressed or not tp.critical:
                continue
            if is_breaking(tp):
                who, experience = "", tp.experience
            else:
                broken = breaking_for_personas(tp, personas)
                if not broken:
                    continue
                label = "persona" if len(broken) == 1 else "personas"
                who = f" for {label} {', '.join(broken)}"
                experience = min(broken.values())
            yield Finding(
                ("stages", si, "touchpoints", ti),
                f"breaking moment '{tp.name}'{who} (critical, experience {experience}) has no "
                f"open action with touchpoint: {tp.id}",
            )


RULE = Rule(
    code=Code.W106,
    name="unaddressed-breaking-moment",
    severity=Severity.WARNING,
    summary="A breaking moment (critical touchpoint with experience <= 2, for everyone or for one "
    "persona) that no open action addresses.",
    why=(
        "A critical touchpoint is a moment of truth: one bad one can break the whole experience"
        " (peak-end rule), whatever the other scores say. A breaking moment (critical, "
        "experience 2 or lower) outranks every gap in the report and needs an open action that "
        "names its touchpoint. A touchpoint fine on average can still break the journey for one "
        "persona (its persona_experience 2 or lower): that is a breaking moment too."
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
