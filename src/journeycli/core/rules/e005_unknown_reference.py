"""E005: a reference to a persona, touchpoint or opportunity id that the map does not define."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.hints import closest
from journeycli.core.messages import Message, msg
from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext


def _unknown(kind: str, ref: str, known: set[str]) -> Message:
    match = closest(ref, known)
    plural = "opportunities" if kind == "opportunity" else f"{kind}s"  # the key in the map
    word = msg(f"word.{kind}")
    if match:
        return msg("e005.match", kind=word, ref=ref, match=match)
    if not known and kind == "opportunity":
        return msg("e005.define_opportunity", ref=ref)
    if not known:
        return msg("e005.define", kind=word, ref=ref, key=plural)
    return msg("e005.known", kind=word, ref=ref, key=plural, known=", ".join(sorted(known)))


def check(ctx: RuleContext) -> Iterator[Finding]:
    journey = ctx.journey
    personas = {p.id for p in journey.personas}
    touchpoints = {tp.id for _, tp in journey.touchpoints()}
    opportunities = {o.id for _, _, o in journey.opportunities() if o.id}
    for si, stage in enumerate(journey.stages):
        for key in stage.persona_scores:
            if key not in personas:
                yield Finding(
                    ("stages", si, "persona_scores", key),
                    _unknown("persona", key, personas),
                    at_key=True,
                )
        for ti, tp in enumerate(stage.touchpoints):
            for pi, ref in enumerate(tp.personas):
                if ref not in personas:
                    yield Finding(
                        ("stages", si, "touchpoints", ti, "personas", pi),
                        _unknown("persona", ref, personas),
                    )
            for key in tp.persona_experience:
                if key not in personas:
                    yield Finding(
                        ("stages", si, "touchpoints", ti, "persona_experience", key),
                        _unknown("persona", key, personas),
                        at_key=True,
                    )
        for ai, action in enumerate(stage.actions):
            if action.touchpoint is not None and action.touchpoint not in touchpoints:
                yield Finding(
                    ("stages", si, "actions", ai, "touchpoint"),
                    _unknown("touchpoint", action.touchpoint, touchpoints),
                )
            if action.opportunity is not None and action.opportunity not in opportunities:
                yield Finding(
                    ("stages", si, "actions", ai, "opportunity"),
                    _unknown("opportunity", action.opportunity, opportunities),
                )


RULE = Rule(
    code=Code.E005,
    name="unknown-reference",
    severity=Severity.ERROR,
    summary="A reference to an unknown persona, touchpoint, stage or opportunity id.",
    why=(
        "A touchpoint met by a persona that does not exist, or an action on a touchpoint that "
        "was renamed, silently drops out of the persona views and the breaking-moment checks. "
        "An action that names an opportunity id nobody wrote is not shown with the opportunity "
        "it was meant to serve."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "personas:\n"
        "  - name: Sanne\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    touchpoints:\n"
        "      - name: Rentecalculator\n"
        "        personas: [sane]\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "personas:\n"
        "  - name: Sanne\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    touchpoints:\n"
        "      - name: Rentecalculator\n"
        "        personas: [sanne]\n"
    ),
    check=check,
)
