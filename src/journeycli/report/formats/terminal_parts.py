"""Terminal report sections for KPIs, weighed opportunities, experience and the future state.

Kept apart from `terminal.py` so that module stays about the report's order;
these read the Analysis (`StageAnalysis.kpis`, `opportunities_by_value`,
`experience_mean`/`experience_min`/`experience_by_persona`, `Analysis.target`)
and only format it (docs/report.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from journeycli.core import i18n
from journeycli.core.analysis import Analysis, StageAnalysis

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from journeycli.core.model import Language


class Builder(Protocol):
    """What these sections need of the terminal report's builder."""

    lang: Language

    def t(self, key: str, **values: object) -> str: ...

    def heading(self, key: str, suffix: str = "") -> RenderableType: ...

    def table(self, *columns: tuple[str, str]) -> Table: ...


def opportunities(b: Builder, s: StageAnalysis, body: Text) -> None:
    """The stage's opportunities, most impact for the least effort first, with their actions."""
    weighed_any = any(o.impact or o.effort for o in s.opportunities)
    title = "opportunities_by_value" if weighed_any else "opportunities"
    body.append(f"{b.t(title)}\n", style="bold")
    for item in s.opportunities_by_value:
        body.append(f"  • {item.text}")
        weighed = i18n.levels(item.impact, item.effort, b.lang)
        if weighed:
            body.append(f" ({weighed})", style="dim")
        if item.actions:
            served = "; ".join(linked.action.action for linked in item.actions)
            body.append(f"; {b.t('served_by')}: {served}")
        body.append("\n")
    if not s.opportunities:  # a sentence, like "No open actions yet." below
        body.append(f"{b.t('no_opportunities')}\n", style="yellow")


def kpis(b: Builder, a: Analysis, s: StageAnalysis) -> Iterator[RenderableType]:
    """The stage's KPIs against their targets (and the future state's values with --target)."""
    from rich.text import Text

    if not s.kpis:
        return
    yield Text(f"\n{b.t('kpis')}", style="bold")
    columns = [("kpi", "l"), ("value", "r"), ("target", "r"), ("unit", "l")]
    if a.target:
        columns.append(("future_state", "r"))
    table = b.table(*columns, ("against_target", "l"))
    for k in s.kpis:
        cells: list[str | Text] = [
            Text(k.name),
            i18n.measure(k.value, None, b.lang),
            i18n.measure(k.target, None, b.lang),
            Text(k.unit or i18n.ABSENT),
        ]
        if a.target:
            cells.append(i18n.measure(k.future.value if k.future else None, None, b.lang))
        style = "bold red" if k.worse_than_target else ""
        cells.append(Text(i18n.verdict(k.worse_than_target, b.lang), style=style))
        table.add_row(*cells)
    yield table


def future_state(b: Builder, a: Analysis, suffix: str) -> Iterator[RenderableType]:
    """Current figures beside the future map's, stage by stage, then the added and dropped."""
    from rich.text import Text

    target = a.target
    if target is None:
        return
    lang = b.lang
    yield b.heading("future_state", suffix)
    yield Text(f"{b.t('future_intro')} {target.analysis.title} ({target.analysis.path}).")
    table = b.table(
        ("stage", "l"),
        ("relevance", "r"),
        ("target", "r"),
        ("presence", "r"),
        ("target", "r"),
        ("gap", "r"),
        ("target", "r"),
        ("experience", "r"),
        ("target", "r"),
    )
    for s in a.stages:
        f = s.target
        table.add_row(
            Text(s.name),
            i18n.number(s.relevance, lang),
            i18n.number(f.relevance if f else None, lang),
            i18n.number(s.presence, lang),
            i18n.number(f.presence if f else None, lang),
            i18n.signed(s.gap),
            i18n.signed(f.gap if f else None),
            i18n.decimal(s.experience_mean, lang),
            i18n.decimal(f.experience_mean if f else None, lang),
        )
    yield table
    for key, stages in (("added_in_future", target.added), ("dropped_in_future", target.dropped)):
        if stages:
            yield Text(f"{b.t(key)}: {', '.join(s.name for s in stages)}.")


def experience(b: Builder, a: Analysis, suffix: str) -> Iterator[RenderableType]:
    """Mean and worst experience per stage, in map order (and per persona when scored apart)."""
    from rich.text import Text

    if not a.has_experience:
        return
    lang = b.lang
    yield b.heading("experience_per_stage", suffix)
    personas = () if a.persona else a.personas_with_experience
    table = b.table(
        ("stage", "l"),
        ("experience_mean", "r"),
        ("experience_worst", "l"),
        ("experience_count", "r"),
    )
    for persona in personas:
        table.add_column(Text(persona.name), justify="right", overflow="fold")
    for s in a.stages:
        worst = Text(i18n.ABSENT)
        if s.experience_worst is not None and s.experience_min is not None:
            worst = Text(f"{s.experience_min} ", style="bold red" if s.experience_min <= 2 else "")
            worst.append(f"({s.experience_worst.name})")
        table.add_row(
            Text(s.name),
            i18n.decimal(s.experience_mean, lang),
            worst,
            str(s.experience_count),
            *(i18n.decimal(s.experience_by_persona.get(p.id), lang) for p in personas),
        )
    yield table


def completed(b: Builder, a: Analysis) -> str:
    """The funnel's outcome, shown under the stage figures."""
    totals = a.funnel
    assert totals is not None
    number = i18n.number(totals.completed, b.lang)
    if totals.completed_value is None:
        return b.t("completed_note_no_value", completed=number, period=totals.period)
    value = i18n.money(totals.completed_value, totals.currency, b.lang)
    return b.t("completed_note", completed=number, period=totals.period, value=value)


def panel(parts: list[RenderableType], title: str) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    return Panel(
        Group(*parts), title=Text(title, style="bold"), title_align="left", border_style="blue"
    )


def sample(stage: StageAnalysis) -> tuple[int | None, float | None]:
    """The n and margin shown after a stage's scores (docs/measure.md), or nothing."""
    return (stage.sample.n, stage.sample.margin) if stage.sample else (None, None)
