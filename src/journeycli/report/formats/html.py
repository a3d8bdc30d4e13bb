"""The HTML report: a journey map to look at, from `templates/report/report.html.j2`.

One self-contained page: the CSS is included from `templates/report/report.css`,
the charts are inline SVG, there is no script and no external resource, and a
Content-Security-Policy forbids both even if the page is edited later. Every
piece of map text goes through Jinja2's autoescaping, so a touchpoint named
`<script>` is shown as text.

The template reads the `Report` directly; the only extra data is the chart
geometry from `journeycli.report.charts` (layout, never a recomputed figure).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from journeycli.core import i18n
from journeycli.core.analysis import Analysis, StageAnalysis
from journeycli.core.blueprint import ABOVE_THE_LINE, LANES
from journeycli.core.combined import Report
from journeycli.core.model import Language
from journeycli.report import i18n_html
from journeycli.report.charts import (
    ExperienceCurve,
    ScoreChart,
    experience_curve,
    funnel_widths,
    score_chart,
)

TEMPLATE = "report.html.j2"
ROW_HEAD_REM = 9  # width of the grid's row headers (matches report.css)
STAGE_REM = 9  # narrowest readable stage column: nine fit at 1440 px (docs/html-report.md)


@dataclass(frozen=True, slots=True)
class MapView:
    """One map's analysis plus what the page needs to lay it out."""

    analysis: Analysis
    prefix: str  # unique per map in the page, so element ids never collide
    level: int  # heading level of the map's title (1 alone, 2 in a multi-map report)
    score_chart: ScoreChart
    curve: ExperienceCurve | None
    funnel: tuple[str | None, ...]  # reach bar widths per stage (map order)

    @property
    def grid_min_width(self) -> str:
        """Wide enough for readable stage columns; the grid scrolls sideways beyond that."""
        return f"{ROW_HEAD_REM + STAGE_REM * len(self.analysis.stages):g}rem"

    @property
    def persona_names(self) -> dict[str, str]:
        """Persona id -> name: the persona line of a touchpoint card in the all-customers view."""
        return {persona.id: persona.name for persona in self.analysis.journey.personas}

    @property
    def rows(self) -> tuple[str, ...]:
        """The optional rows of the grid that at least one stage fills, in display order."""
        stages = [s.stage for s in self.analysis.stages]
        present = {
            "customer_goal": any(s.customer_goal for s in stages),
            "questions": any(s.questions for s in stages),
            "feelings": any(s.feelings for s in stages),
            "pain_points": any(s.pain_points for s in stages),
            "tone": any(s.tone for s in stages),
            "kpis": any(s.kpis for s in stages),
            "review_questions": any(s.review_questions for s in stages),
            "opportunities": any(s.opportunities for s in stages),
            "actions": any(s.open_actions for s in self.analysis.stages),
        }
        return tuple(name for name, shown in present.items() if shown)

    @property
    def lanes(self) -> tuple[str, ...]:
        """The service-blueprint lanes some stage fills, top to bottom (docs/html-report.md)."""
        stages = [s.stage for s in self.analysis.stages]
        return tuple(lane for lane in LANES if any(getattr(s, lane) for s in stages))

    @property
    def first_below_line(self) -> str | None:
        """The first lane under the line of visibility, where the line is drawn (None: no line)."""
        return next((lane for lane in self.lanes if lane not in ABOVE_THE_LINE), None)


def views(report: Report) -> tuple[MapView, ...]:
    single = report.single
    return tuple(
        MapView(
            analysis=analysis,
            prefix=f"m{number}",
            level=1 if single else 2,
            score_chart=score_chart(analysis.stages),
            curve=experience_curve(
                analysis.stages,
                [
                    (number, p)
                    for number, p in enumerate(analysis.personas_with_experience)
                    if p != analysis.persona
                ],
            ),
            funnel=funnel_widths(analysis.stages),
        )
        for number, analysis in enumerate(report.analyses, 1)
    )


@cache
def _environment() -> Any:
    """The Jinja2 environment, autoescaping everything so map text never becomes markup."""
    from journeycli.core.templates import environment

    return environment("report", autoescape=True)


def _band(value: int | None, stage: StageAnalysis) -> str | None:
    """The CSS position of a score's 95 % interval on its 0-100 bar (docs/measure.md), or None."""
    if value is None or stage.sample is None or stage.sample.margin is None:
        return None
    low = max(0.0, value - stage.sample.margin)
    high = min(100.0, value + stage.sample.margin)
    return f"left: {low:g}%; width: {high - low:g}%"


def _helpers(lang: Language) -> dict[str, Any]:
    """Labels and number formats of the language, as template functions."""

    def money(value: float | None, analysis: Analysis) -> str:
        return i18n.money(value, analysis.currency, lang)

    return {
        "t": lambda key, **values: i18n_html.text(key, lang, **values),
        "label": lambda value: i18n.label(value, lang),
        "num": lambda value: i18n.number(value, lang),
        "dec": lambda value: i18n.decimal(value, lang),
        "pct": lambda value: i18n.percent(value, lang),
        "measure": lambda value, unit: i18n.measure(value, unit, lang),
        "signed": i18n.signed,
        "scored": lambda value, s: i18n.with_sample(
            value, s.sample.n if s.sample else None, s.sample.margin if s.sample else None, lang
        ),
        "band": _band,
        "money": money,
        "absent": i18n.ABSENT,
    }


def render(report: Report, lang: Language) -> str:
    """The whole page; byte-identical for the same report and language."""
    template = _environment().get_template(TEMPLATE)
    page: str = template.render(
        report=report,
        maps=views(report),
        lang=lang.value,
        **_helpers(lang),
    )
    return "\n".join(line.rstrip() for line in page.splitlines()) + "\n"
