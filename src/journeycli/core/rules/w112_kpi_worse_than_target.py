"""W112: a KPI worse than its target in a stage with no open action."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext
from journeycli.core.scoring import kpi_worse_than_target


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        if any(action.is_open for action in stage.actions):
            continue
        for ki, kpi in enumerate(stage.kpis):
            if kpi_worse_than_target(kpi) and kpi.value is not None and kpi.target is not None:
                yield Finding(
                    ("stages", si, "kpis", ki),
                    f"KPI '{kpi.name}' is {_figure(kpi.value)}, worse than its target "
                    f"{_figure(kpi.target)}, and stage '{stage.name}' has no open action; "
                    "add one (status todo or doing) that works on it",
                )


RULE = Rule(
    code=Code.W112,
    name="kpi-worse-than-target",
    severity=Severity.WARNING,
    summary="A KPI worse than its target in a stage with no open action.",
    why=(
        "A KPI with a target (NPS, CSAT, CES, a conversion) says how a stage should perform. "
        "When it is worse than its target and the stage has no open action, the map records "
        "a known problem that nobody is working on: the roadmap has a hole exactly where the "
        "figures say the customer is let down. Higher is better unless the KPI says "
        "`higher_is_better: false` (calls, waiting time, effort); a KPI on its target is fine."
    ),
    bad=(
        "version: 1\n"
        "title: Energie\n"
        "stages:\n"
        "  - name: Jaarafrekening\n"
        "    kpis:\n"
        "      - name: NPS\n"
        "        value: -18\n"
        "        target: 10\n"
    ),
    good=(
        "version: 1\n"
        "title: Energie\n"
        "stages:\n"
        "  - name: Jaarafrekening\n"
        "    kpis:\n"
        "      - name: NPS\n"
        "        value: -18\n"
        "        target: 10\n"
        "    actions:\n"
        "      - action: Put the explanation at the top of the annual bill\n"
        "        owner: billing\n"
        "        channel: app\n"
    ),
    check=check,
)
