"""W103: a large gap with no opportunity or no open action."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext
from journeycli.core.scoring import gaps_without_plan


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage, stage_gap in gaps_without_plan(ctx.journey, ctx.gap_threshold):
        lacking = []
        if not stage.opportunities:
            lacking.append("an opportunity")
        if not any(action.is_open for action in stage.actions):
            lacking.append("an open action")
        yield Finding(
            ("stages", si),
            f"stage '{stage.name}' has a gap of {stage_gap} "
            f"(threshold {ctx.gap_threshold}) but lacks {' and '.join(lacking)}",
        )


RULE = Rule(
    code=Code.W103,
    name="gap-without-plan",
    severity=Severity.WARNING,
    summary="A stage with gap >= the threshold (default 30) that lacks an opportunity or an "
    "open action.",
    why=(
        "The largest gaps are where the most is to be gained. A map that finds a gap at or "
        "above the threshold (30 unless `--gap-threshold` or `gap-threshold` says otherwise) "
        "but holds no opportunity or no open action for it is an analysis without a roadmap: "
        "write down the opportunity and at least one action (todo or doing) that closes the "
        "gap."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevance: 90\n"
        "    presence: 20\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevance: 90\n"
        "    presence: 20\n"
        "    opportunities:\n"
        "      - A mortgage calculator that works on a phone\n"
        "    actions:\n"
        "      - action: Rebuild the calculator mobile-first\n"
        "        owner: web-team\n"
    ),
    check=check,
)
