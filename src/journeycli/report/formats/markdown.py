"""The Markdown report: `templates/report/report.md.j2` over the Analysis.

Map text is escaped by the one Markdown escaper of `journeycli.core.markdown`
(filters `md`, `cell`, `heading`); labels and number formats come from
`journeycli.core.i18n` (docs/report.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from journeycli.core import i18n
from journeycli.core.blueprint import OpportunityView
from journeycli.core.combined import Report
from journeycli.core.markdown import environment as markdown_environment
from journeycli.core.markdown import finish, md
from journeycli.core.model import Language


def _labels(report: Report) -> list[str]:
    """A unique suffix per map for headings (titles, or paths when titles repeat)."""
    titles = [a.title for a in report.analyses]
    if len(set(titles)) == len(titles):
        return titles
    return [a.path or a.title for a in report.analyses]


@cache
def environment(lang: Language) -> Any:
    """The Jinja2 environment of the built-in Markdown templates, with the report filters.

    Cached per language: compiling the templates once keeps many reports cheap.
    """
    env = markdown_environment("report")
    env.filters.update(
        label=lambda value: i18n.label(value, lang),
        num=lambda value: i18n.number(value, lang),
        dec=lambda value: i18n.decimal(value, lang),
        pct=lambda value: i18n.percent(value, lang),
        gap=i18n.signed,
        measure=lambda value: i18n.measure(value, None, lang),
        scored=lambda value, s: i18n.with_sample(
            value, s.sample.n if s.sample else None, s.sample.margin if s.sample else None, lang
        ),
    )
    env.globals.update(
        t=lambda key, **values: i18n.text(key, lang, **values),
        # the map allows only a code or a sign as currency; escaped all the same, like all text
        money=lambda value, currency: md(i18n.money(value, currency, lang)),
        verdict=lambda kpi: i18n.verdict(kpi.worse_than_target, lang),
        opportunity=lambda item: _opportunity(item, lang),
    )
    return env


def _opportunity(item: OpportunityView, lang: Language) -> str:
    """One opportunity as a list item's text: the text, its weighing, the actions serving it."""
    line = md(item.text)
    weighed = i18n.levels(item.impact, item.effort, lang)
    if weighed:
        line += f" ({weighed})"
    if item.actions:
        served = "; ".join(md(linked.action.action) for linked in item.actions)
        line += f"; {i18n.text('served_by', lang)}: {served}"
    return line


def render(report: Report, lang: Language) -> str:
    template = environment(lang).get_template("report.md.j2")
    return finish(template.render(report=report, labels=_labels(report), lang=lang.value))
