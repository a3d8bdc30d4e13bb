"""W105: a stage with no touchpoints."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.lint.rules.base import Finding, Rule, RuleContext
from journeycli.problems import Severity


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        if not stage.touchpoints:
            yield Finding(("stages", si),
                          f"stage '{stage.name}' has no touchpoints; where does the customer "
                          "meet you here?")


RULE = Rule(
    code="W105",
    name="stage-without-touchpoints",
    severity=Severity.WARNING,
    summary="A stage without touchpoints.",
    why="Touchpoints are where presence is won or lost; a stage without them cannot be "
    "acted on and shows no experience curve.",
    bad="  - name: Gebruik\n    relevance: 60\n",
    good="  - name: Gebruik\n    touchpoints:\n      - name: Mijn omgeving\n        channel: app\n",
    check=check,
)
