"""W101: a stage without relevance or presence cannot be ranked."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        missing = [k for k in ("relevance", "presence") if getattr(stage, k) is None]
        if missing:
            yield Finding(
                ("stages", si),
                f"stage '{stage.name}' has no {' or '.join(missing)}; "
                "it cannot be ranked (score it 0-100)",
            )


RULE = Rule(
    code=Code.W101,
    name="unscored-stage",
    severity=Severity.WARNING,
    summary="A stage without relevance or presence.",
    why=(
        "The gap between relevance and presence shows where the most is to be gained. A stage "
        "without both scores drops out of the ranking, so the largest gap of the journey may be"
        " the one nobody scored. Score it, and say where the scores come from (W102)."
    ),
    bad=("version: 1\ntitle: Hypotheek\nstages:\n  - name: Levering\n    relevance: 70\n"),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Levering\n"
        "    relevance: 70\n"
        "    presence: 45\n"
    ),
    check=check,
)
