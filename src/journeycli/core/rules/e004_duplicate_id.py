"""E004: two personas, stages, touchpoints, actions or opportunities share an id."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.document import Loc
from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext


def _ids(ctx: RuleContext) -> Iterator[tuple[str, str, Loc]]:
    """(kind, id, location of the item) for every identified item, in map order."""
    journey = ctx.journey
    for pi, persona in enumerate(journey.personas):
        yield "persona", persona.id, ("personas", pi)
    for si, stage in enumerate(journey.stages):
        yield "stage", stage.id, ("stages", si)
    for si, stage in enumerate(journey.stages):
        for ti, tp in enumerate(stage.touchpoints):
            yield "touchpoint", tp.id, ("stages", si, "touchpoints", ti)
    for si, stage in enumerate(journey.stages):
        for ai, action in enumerate(stage.actions):
            if action.id is not None:
                yield "action", action.id, ("stages", si, "actions", ai)
    for si, oi, opportunity in journey.opportunities():
        if opportunity.id is not None:
            yield "opportunity", opportunity.id, ("stages", si, "opportunities", oi)


def check(ctx: RuleContext) -> Iterator[Finding]:
    seen: dict[tuple[str, str], Loc] = {}
    for kind, item_id, loc in _ids(ctx):
        first = seen.setdefault((kind, item_id), loc)
        if first is not loc:
            yield Finding(
                (*loc, "id"),
                f"duplicate {kind} id '{item_id}' (also used by the {kind} at "
                f"{_where(first)}); give each {kind} its own id",
            )


def _where(loc: Loc) -> str:
    return ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")


RULE = Rule(
    code=Code.E004,
    name="duplicate-id",
    severity=Severity.ERROR,
    summary="Two personas, stages, touchpoints, actions or opportunities with the same id.",
    why=(
        "Ids tie scores, touchpoints and actions together and match items across versions in "
        "`journey diff`; two items with one id make every reference ambiguous. An id left out "
        "defaults to the slug of the name, so two stages with the same name collide too."
    ),
    bad=("version: 1\ntitle: Hypotheek\nstages:\n  - name: Aankoop\n  - name: Aankoop\n"),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Aankoop\n"
        "  - id: aankoop-zakelijk\n"
        "    name: Aankoop\n"
    ),
    check=check,
)
