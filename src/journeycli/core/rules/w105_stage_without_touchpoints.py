"""W105: a stage with no touchpoints."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        if not stage.touchpoints:
            yield Finding(
                ("stages", si),
                f"stage '{stage.name}' has no touchpoints; where does the customer meet you here?",
            )


RULE = Rule(
    code=Code.W105,
    name="stage-without-touchpoints",
    severity=Severity.WARNING,
    summary="A stage without touchpoints.",
    why=(
        "Touchpoints are the moments of contact where presence is won or lost. A stage without "
        "them gives the team no place to act and no experience to measure; list where customers"
        " meet you in this stage, even if it is only a search result or a phone call."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Gebruik\n"
        "    relevance: 60\n"
        "    presence: 50\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Gebruik\n"
        "    relevance: 60\n"
        "    presence: 50\n"
        "    touchpoints:\n"
        "      - name: Mijn omgeving\n"
        "        channel: app\n"
        "        kind: digital\n"
    ),
    check=check,
)
