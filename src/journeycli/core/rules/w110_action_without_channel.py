"""W110: an open action without a channel."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext

# The one English text of this rule's message; a translation keeps the {fields}.
MESSAGE = (
    "open action '{action}' has no channel; name the channel it changes, such as website, "
    "app or phone"
)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        for ai, action in enumerate(stage.actions):
            if action.is_open and not action.channel:
                yield Finding(("stages", si, "actions", ai), MESSAGE.format(action=action.action))


RULE = Rule(
    code=Code.W110,
    name="action-without-channel",
    severity=Severity.WARNING,
    summary="An open action (todo or doing) without a `channel`.",
    why=(
        "A roadmap is made per channel: the team that runs the website, the app or the phone "
        "line has to find its own actions, and the report groups the open actions of a stage "
        "by channel. An action without one lands in no team's list. Name the channel it "
        "changes; done and dropped actions are history and need none."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    actions:\n"
        "      - action: Rebuild the calculator mobile-first\n"
        "        owner: web-team\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    actions:\n"
        "      - action: Rebuild the calculator mobile-first\n"
        "        channel: website\n"
        "        owner: web-team\n"
    ),
    check=check,
)
