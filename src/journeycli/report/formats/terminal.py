"""The terminal report: Rich tables and panels over the Analysis.

Map text always goes into Rich as `Text` objects, never as markup, so a stage
named `[bold]` or `:smile:` shows as written. `render` gives plain text at a
fixed width (for `--output report.txt` and golden tests); `write` lets Rich
detect the terminal (colour, width, NO_COLOR) and falls back to the same
fixed width when the stream is not a terminal, so piped output is stable.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from journeycli.core import i18n
from journeycli.core.analysis import Analysis
from journeycli.core.combined import Report
from journeycli.core.model import Language
from journeycli.report.formats import terminal_parts as parts_

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table

WIDTH = 100


def _console(stream: TextIO, *, plain: bool) -> Console:
    from rich.console import Console

    if plain:
        return Console(
            file=stream,
            width=WIDTH,
            force_terminal=False,
            color_system=None,
            no_color=True,
            emoji=False,
            highlight=False,
            markup=False,
            legacy_windows=False,
            soft_wrap=False,
        )
    console = Console(file=stream, emoji=False, highlight=False, markup=False)
    if not console.is_terminal:
        console = Console(file=stream, width=WIDTH, emoji=False, highlight=False, markup=False)
    return console


class _Builder:
    """Builds the renderables of a report in one language."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def t(self, key: str, **values: object) -> str:
        return i18n.text(key, self.lang, **values)

    def heading(self, key: str, suffix: str = "") -> RenderableType:
        from rich.console import Group
        from rich.rule import Rule
        from rich.text import Text

        title = Text(self.t(key), style="bold cyan")
        if suffix:
            title.append(f" · {suffix}", style="cyan")
        return Group(Text(""), Rule(title, align="left", style="cyan"))

    def table(self, *columns: tuple[str, str]) -> Table:
        from rich import box
        from rich.table import Table

        table = Table(
            box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False, header_style="bold"
        )
        for key, justify in columns:
            # fold, never "…": a report must not hide part of a name
            table.add_column(
                self.t(key), justify="right" if justify == "r" else "left", overflow="fold"
            )
        return table

    def money(self, analysis: Analysis, value: float | None) -> str:
        return i18n.money(value, analysis.currency, self.lang)

    def analysis(self, a: Analysis, suffix: str = "") -> Iterator[RenderableType]:
        """One map's sections, in the order of docs/report.md."""
        for section in (
            self.header,
            self.moments,
            self.ranked,
            self.experience,
            self.future,
            self.focus,
            self.roadmap,
            self.without_plan,
            self.unscored,
            self.goal,
        ):
            yield from section(a, suffix)

    def header(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.panel import Panel
        from rich.text import Text

        lang = self.lang
        head = Text(a.title, style="bold")
        if a.journey.description:
            head.append("\n" + " ".join(a.journey.description.split()), style="dim")
        head.append(f"\n{self.t('persona')}: ", style="bold")
        head.append(f"{a.persona.name} ({a.persona.id})" if a.persona else self.t("all_personas"))
        if a.state.value == "future":
            head.append(f"\n{self.t('state_note')}", style="bold")
        if a.has_funnel and a.metrics is not None:
            volume = i18n.number(a.metrics.volume, lang)
            key = "funnel_note" if a.metrics.value is not None else "funnel_note_no_value"
            head.append(
                "\n"
                + self.t(
                    key,
                    volume=volume,
                    period=a.metrics.period,
                    value=self.money(a, a.metrics.value),
                ),
                style="dim",
            )
        yield Panel(head, expand=True, border_style="cyan")

    def moments(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.text import Text

        yield self.heading("breaking_moments", suffix)
        if a.breaking_moments:
            table = self.table(
                ("experience", "r"),
                ("touchpoint", "l"),
                ("stage", "l"),
                ("channel", "l"),
                ("owner", "l"),
                ("addressed_by_header", "l"),
            )
            for m in a.breaking_moments:
                actions = "; ".join(action.action for action in m.actions)
                table.add_row(
                    Text(f"{m.experience}/5", style="bold red"),
                    Text(m.touchpoint.name),
                    Text(m.stage.name),
                    Text(m.touchpoint.channel or i18n.ABSENT),
                    Text(m.touchpoint.owner or i18n.ABSENT),
                    Text(actions) if actions else Text(self.t("not_addressed"), style="red"),
                )
            yield table
        else:
            yield Text(self.t("no_breaking_moments"), style="green")

    def ranked(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.text import Text

        lang = self.lang
        yield self.heading("ranked_stages", suffix)
        if a.ranked:
            table = self.table(
                ("rank", "r"),
                ("stage", "l"),
                ("relevance", "r"),
                ("presence", "r"),
                ("gap", "r"),
                ("confidence", "l"),
                ("conversion", "r"),
                ("reach", "r"),
                ("value_at_stake", "r"),
            )
            for s in a.ranked:
                name = Text(s.name, style="bold" if s.focus else "")
                if s.overridden:
                    name.append(" *")
                gap_style = "bold red" if (s.gap or 0) >= a.gap_threshold else ""
                table.add_row(
                    str(s.rank),
                    name,
                    i18n.with_sample(s.relevance, *parts_.sample(s), lang),
                    i18n.with_sample(s.presence, *parts_.sample(s), lang),
                    Text(i18n.signed(s.gap), style=gap_style),
                    Text(
                        i18n.label(s.confidence, lang),
                        style="" if s.confidence.value == "measured" else "yellow",
                    ),
                    i18n.percent(s.conversion, lang),
                    i18n.number(s.reach, lang),
                    self.money(a, s.value_at_stake),
                )
            yield table
            if any(s.overridden for s in a.ranked):
                yield Text(f"* {self.t('overridden')}", style="dim")
            if a.funnel is not None:
                yield Text(parts_.completed(self, a), style="bold")
        else:
            yield Text(self.t("no_scored_stages"))

    def experience(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        yield from parts_.experience(self, a, suffix)

    def future(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        yield from parts_.future_state(self, a, suffix)

    def focus(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.text import Text

        lang = self.lang
        if a.top:
            yield self.heading("focus", suffix)
        if a.top and not a.focus:
            yield Text(self.t("no_focus"))
        for s in a.focus:
            body = Text()
            if s.stage.customer_goal:
                body.append(" ".join(s.stage.customer_goal.split()) + "\n\n", style="italic")
            if s.stage.tone:
                body.append(f"{self.t('tone_of_voice')}: ", style="bold")
                body.append(" ".join(s.stage.tone.split()) + "\n\n")
            parts_.opportunities(self, s, body)
            body.rstrip()
            parts: list[RenderableType] = [body, *parts_.kpis(self, a, s)]
            parts.append(Text(f"\n{self.t('open_actions')}", style="bold"))
            if s.channels:
                table = self.table(
                    ("channel", "l"),
                    ("action", "l"),
                    ("owner", "l"),
                    ("horizon", "l"),
                    ("effort", "l"),
                    ("status", "l"),
                )
                for group in s.channels:
                    for i, action in enumerate(group.actions):
                        channel = (group.channel or self.t("no_channel")) if i == 0 else ""
                        table.add_row(
                            Text(channel),
                            Text(action.action),
                            Text(
                                action.owner or self.t("no_owner"),
                                style="" if action.owner else "yellow",
                            ),
                            i18n.label(action.horizon, lang),
                            i18n.label(action.effort, lang),
                            i18n.label(action.status, lang),
                        )
                parts.append(table)
            else:
                parts.append(Text(self.t("no_open_actions"), style="yellow"))
            yield parts_.panel(parts, f"{s.rank}. {s.name} ({self.t('gap').lower()} {s.gap})")

    def roadmap(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.text import Text

        lang = self.lang
        yield self.heading("roadmap", suffix)
        if a.roadmap.empty:
            yield Text(self.t("no_roadmap"))
        else:
            table = self.table(
                ("horizon", "l"),
                ("action", "l"),
                ("stage", "l"),
                ("channel", "l"),
                ("owner", "l"),
                ("effort", "l"),
                ("status", "l"),
            )
            for horizon, items in a.roadmap.by_horizon():
                for i, item in enumerate(items):
                    table.add_row(
                        Text(i18n.label(horizon, lang) if i == 0 else "", style="bold"),
                        Text(item.action.action),
                        Text(item.stage.name),
                        Text(item.action.channel or i18n.ABSENT),
                        Text(item.action.owner or self.t("no_owner")),
                        i18n.label(item.action.effort, lang),
                        i18n.label(item.action.status, lang),
                        end_section=i == len(items) - 1,
                    )
            yield table

    def without_plan(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.text import Text

        yield self.heading("gaps_without_plan", suffix)
        if a.gaps_without_plan:
            lines = Text()
            for s in a.gaps_without_plan:
                lacking = []
                if not s.opportunities:
                    lacking.append(self.t("an_opportunity"))
                if not s.open_actions:
                    lacking.append(self.t("an_open_action"))
                lines.append(f"  • {s.name}", style="bold red")
                lines.append(
                    f" ({self.t('gap').lower()} {s.gap}): {self.t('lacks')} "
                    f"{(' ' + self.t('and') + ' ').join(lacking)}\n"
                )
            lines.rstrip()
            yield lines
        else:
            yield Text(self.t("no_gaps_without_plan", threshold=a.gap_threshold), style="green")

    def unscored(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.text import Text

        lang = self.lang
        if a.unscored:
            yield self.heading("unscored", suffix)
            lines = Text()
            for s in a.unscored:
                lines.append(
                    f"  • {s.name}: {self.t('relevance').lower()} "
                    f"{i18n.number(s.relevance, lang)}, {self.t('presence').lower()} "
                    f"{i18n.number(s.presence, lang)}\n"
                )
            lines.rstrip()
            yield lines

    def goal(self, a: Analysis, suffix: str) -> Iterator[RenderableType]:
        from rich.text import Text

        if a.goal or a.principles:
            yield self.heading("goal", suffix)
            lines = Text()
            if a.goal:
                for key in ("why", "how", "what"):
                    value = getattr(a.goal, key)
                    if value:
                        lines.append(f"{self.t(key)}: ", style="bold")
                        lines.append(" ".join(value.split()) + "\n")
            if a.principles:
                lines.append(f"{self.t('principles')}\n", style="bold")
                for index, item in enumerate(a.principles, 1):
                    lines.append(f"  {index}. {item}\n")
            lines.rstrip()
            yield lines

    def report(self, report: Report) -> Iterator[RenderableType]:
        from rich.text import Text

        if report.single:
            yield from self.analysis(report.analyses[0])
            return
        for index, a in enumerate(report.analyses):
            if index:
                yield Text("")
            yield from self.analysis(a, a.title)
        yield self.heading("combined")
        table = self.table(
            ("rank", "r"),
            ("stage", "l"),
            ("map", "l"),
            ("relevance", "r"),
            ("presence", "r"),
            ("gap", "r"),
        )
        for entry in report.combined:
            s = entry.stage
            table.add_row(
                str(entry.rank),
                Text(s.name),
                Text(entry.analysis.title),
                i18n.number(s.relevance, self.lang),
                i18n.number(s.presence, self.lang),
                i18n.signed(s.gap),
            )
        yield table


def _print(console: Console, report: Report, lang: Language) -> None:
    for renderable in _Builder(lang).report(report):
        console.print(renderable)


def render(report: Report, lang: Language) -> str:
    """Plain text, 100 columns, no colour: the same bytes on every machine."""
    buffer = io.StringIO()
    _print(_console(buffer, plain=True), report, lang)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def write(report: Report, lang: Language, stream: TextIO) -> None:
    """Rich's own detection on a terminal; plain fixed width when piped or redirected."""
    console = _console(stream, plain=False)
    if not console.is_terminal:
        stream.write(render(report, lang))
        return
    _print(console, report, lang)
