"""W109: a persona that meets no touchpoint and has no persona scores."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext

# The one English text of this rule's message; a translation keeps the {fields}.
MESSAGE = (
    "persona '{persona}' ({id}) meets no touchpoint and has no persona scores; name "
    "'{id}' in the personas of the touchpoints it meets, or remove the persona"
)


def check(ctx: RuleContext) -> Iterator[Finding]:
    journey = ctx.journey
    touchpoints = [tp for _, tp in journey.touchpoints()]
    if any(not tp.personas for tp in touchpoints):
        return  # a touchpoint that names no personas is met by every persona
    met = {pid for tp in touchpoints for pid in tp.personas}
    scored = {pid for stage in journey.stages for pid in stage.persona_scores}
    for pi, persona in enumerate(journey.personas):
        if persona.id not in met and persona.id not in scored:
            yield Finding(
                ("personas", pi),
                MESSAGE.format(persona=persona.name, id=persona.id),
            )


RULE = Rule(
    code=Code.W109,
    name="persona-without-touchpoints",
    severity=Severity.WARNING,
    summary="A persona that meets no touchpoint (every touchpoint names its personas, none "
    "this one) and has no persona scores.",
    why=(
        "A persona is on the map to be served: the report scores and ranks the journey for it "
        "(`--persona`). One that meets no touchpoint and has no scores of its own adds nothing "
        "to the analysis and suggests a segment the team has forgotten: its report would only "
        "repeat the map's averages. Name it in the `personas` of the touchpoints it meets, "
        "give it `persona_scores` where its scores differ, or remove it. A touchpoint without "
        "`personas` is met by every persona, so this rule only applies when every touchpoint "
        "names its personas (or the map has no touchpoints yet)."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "personas:\n"
        "  - id: starter\n"
        "    name: Sanne, starter\n"
        "  - id: doorstromer\n"
        "    name: Mark, doorstromer\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    touchpoints:\n"
        "      - name: Rekentool\n"
        "        channel: website\n"
        "        personas: [starter]\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "personas:\n"
        "  - id: starter\n"
        "    name: Sanne, starter\n"
        "  - id: doorstromer\n"
        "    name: Mark, doorstromer\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    touchpoints:\n"
        "      - name: Rekentool\n"
        "        channel: website\n"
        "        personas: [starter]\n"
        "      - name: Adviseur\n"
        "        channel: phone\n"
        "        personas: [doorstromer]\n"
    ),
    check=check,
)
