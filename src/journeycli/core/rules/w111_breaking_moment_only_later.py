"""W111: a breaking moment whose only open actions are on the `later` horizon."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.model import Horizon
from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext
from journeycli.core.scoring import breaking_moments

# The one English text of this rule's message; a translation keeps the {fields}.
MESSAGE = (
    "breaking moment '{touchpoint}' (critical, experience {experience}) has open actions "
    "only on the 'later' horizon; plan one for now or next"
)


def check(ctx: RuleContext) -> Iterator[Finding]:
    journey = ctx.journey
    horizons: dict[str, set[Horizon]] = {}
    for stage in journey.stages:
        for action in stage.actions:
            if action.is_open and action.touchpoint:
                horizons.setdefault(action.touchpoint, set()).add(action.horizon)
    moments = sorted(breaking_moments(journey), key=lambda m: (m.stage_index, m.touchpoint_index))
    for moment in moments:
        if horizons.get(moment.touchpoint.id) == {Horizon.LATER}:
            yield Finding(
                ("stages", moment.stage_index, "touchpoints", moment.touchpoint_index),
                MESSAGE.format(touchpoint=moment.touchpoint.name, experience=moment.experience),
            )


RULE = Rule(
    code=Code.W111,
    name="breaking-moment-only-later",
    severity=Severity.WARNING,
    summary="A breaking moment whose only open actions are on the `later` horizon.",
    why=(
        "A breaking moment (a critical touchpoint with experience 2 or lower) loses customers "
        "every day it stays broken; it outranks every gap in the report. An action planned for "
        "`later` addresses it on paper only: W106 is quiet, but nothing changes this quarter. "
        "Plan at least one open action for `now` or `next` that names the touchpoint; if it "
        "truly has to wait, say why in a `# journey: ignore[W111]` comment on the touchpoint."
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
        "    actions:\n"
        "      - action: Plan every valuation within three days\n"
        "        channel: phone\n"
        "        touchpoint: taxatie\n"
        "        owner: operations\n"
        "        horizon: later\n"
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
        "        channel: phone\n"
        "        touchpoint: taxatie\n"
        "        owner: operations\n"
        "        horizon: now\n"
    ),
    check=check,
)
