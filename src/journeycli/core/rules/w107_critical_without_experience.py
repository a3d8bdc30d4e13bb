"""W107: a critical touchpoint without an experience score."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext

# The one English text of this rule's message; a translation keeps the {fields}.
MESSAGE = (
    "critical touchpoint '{touchpoint}' has no experience score; score it from 1 (very bad) "
    "to 5 (very good), so a breaking moment cannot hide"
)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        for ti, touchpoint in enumerate(stage.touchpoints):
            if touchpoint.critical and touchpoint.experience is None:
                yield Finding(
                    ("stages", si, "touchpoints", ti),
                    MESSAGE.format(touchpoint=touchpoint.name),
                )


RULE = Rule(
    code=Code.W107,
    name="critical-without-experience",
    severity=Severity.WARNING,
    summary="A critical touchpoint without an `experience` score.",
    why=(
        "Marking a touchpoint critical says it is a moment of truth: one bad experience there "
        "can break the whole journey. Without an experience score nobody can tell whether it "
        "does, so it can never show up as a breaking moment (W106) and the report stays silent "
        "about the one place that matters most. Score it from 1 (very bad) to 5 (very good), "
        "from the evidence you have."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Aankoop\n"
        "    touchpoints:\n"
        "      - name: Taxatie\n"
        "        channel: phone\n"
        "        critical: true\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Aankoop\n"
        "    touchpoints:\n"
        "      - name: Taxatie\n"
        "        channel: phone\n"
        "        critical: true\n"
        "        experience: 4\n"
    ),
    check=check,
)
