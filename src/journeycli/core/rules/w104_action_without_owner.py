"""W104: an open action that nobody owns."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        for ai, action in enumerate(stage.actions):
            if action.is_open and not action.owner:
                yield Finding(
                    ("stages", si, "actions", ai), f"open action '{action.action}' has no owner"
                )


RULE = Rule(
    code=Code.W104,
    name="action-without-owner",
    severity=Severity.WARNING,
    summary="An open action (todo or doing) without an owner.",
    why=(
        "An action that belongs to no one does not get done, and the roadmap groups the work by"
        " owner; name the team or person who moves it forward."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    actions:\n"
        "      - action: Rebuild the calculator mobile-first\n"
        "        status: todo\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    actions:\n"
        "      - action: Rebuild the calculator mobile-first\n"
        "        status: todo\n"
        "        owner: web-team\n"
    ),
    check=check,
)
