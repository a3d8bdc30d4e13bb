"""W101: a stage without relevance or presence cannot be ranked."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.lint.rules.base import Finding, Rule, RuleContext
from journeycli.problems import Severity


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        missing = [k for k in ("relevance", "presence") if getattr(stage, k) is None]
        if missing:
            yield Finding(("stages", si),
                          f"stage '{stage.name}' has no {' or '.join(missing)}; "
                          "it cannot be ranked (score it 0-100)")


RULE = Rule(
    code="W101",
    name="unscored-stage",
    severity=Severity.WARNING,
    summary="A stage without relevance or presence.",
    why="The gap (relevance - presence) shows where the most is to be gained; a stage "
    "without both scores is left out of the ranking and may hide the biggest gap.",
    bad="  - name: Levering\n    relevance: 70\n",
    good="  - name: Levering\n    relevance: 70\n    presence: 45\n",
    check=check,
)
