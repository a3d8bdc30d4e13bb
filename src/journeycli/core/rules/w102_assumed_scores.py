"""W102: scores without evidence are assumptions and must show as such."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.model import State
from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext
from journeycli.core.scoring import Confidence, confidence


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.journey.state is State.FUTURE:
        return  # a future-state map holds targets, not measurements (docs/format.md)
    for si, stage in enumerate(ctx.journey.stages):
        scored = stage.relevance is not None or stage.presence is not None
        if scored and confidence(stage) is Confidence.ASSUMED:
            reason = "only assumptions as evidence" if stage.evidence else "no evidence"
            yield Finding(
                ("stages", si),
                f"stage '{stage.name}' is scored with {reason}; add the analytics, "
                "survey or interview the scores come from",
            )


RULE = Rule(
    code=Code.W102,
    name="assumed-scores",
    severity=Severity.WARNING,
    summary="A stage with relevance or presence set whose evidence is missing or only "
    "`assumption`.",
    why=(
        "Scores should come from what is known (analytics, surveys, interviews, usability "
        "tests, reviews) rather than be guessed. A score without evidence is an assumption: the"
        " report marks the stage as assumed, and a ranking built on assumptions ranks opinions."
        " Name the source of the scores, or keep the assumption visible until it is measured."
        " A map with `state: future` holds targets, not measurements, and is not checked."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevance: 85\n"
        "    presence: 30\n"
        "    evidence:\n"
        "      - type: assumption\n"
        "        source: Gut feeling of the sales team\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevance: 85\n"
        "    presence: 30\n"
        "    evidence:\n"
        "      - type: survey\n"
        "        source: Klantonderzoek 2026 (n=412)\n"
        "        date: 2026-03-01\n"
    ),
    check=check,
)
