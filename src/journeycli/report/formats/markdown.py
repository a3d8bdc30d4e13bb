"""The Markdown report: `templates/report/report.md.j2` over the Analysis.

Map text is escaped for Markdown here (filters `md`, `cell`, `heading`), so a
stage named `a | b` or `*new*` cannot break a table or start emphasis, and a
URL in the map becomes an autolink instead of a bare URL (markdownlint MD034).
Labels and number formats come from `journeycli.core.i18n`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from journeycli.core import i18n
from journeycli.core.analysis import Report
from journeycli.core.blueprint import OpportunityView
from journeycli.core.model import Language

# An address only starts where a run of address characters starts (the lookbehind): without
# it every position of a long word was tried and scanned to its end, quadratic in the name's
# length (a 300 kB stage name took minutes; tests/test_security_limits.py).
_LINK = re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?\w+;))")
_LIST_START = re.compile(r"^(\d+)([.)])")
_EMPTY_CELL = re.compile(r"(?<=\|)  (?=\|)")
_HEADING_PUNCTUATION = ".,;:!。，；：！"


def md(value: object) -> str:
    """Map text as inline Markdown: specials escaped, whitespace folded, links made safe."""
    text = " ".join(str(value).split())
    out = []
    position = 0
    for match in _LINK.finditer(text):
        out.append(_SPECIAL.sub(r"\\\1", text[position : match.start()]))
        out.append(f"<{match.group(0)}>")
        position = match.end()
    out.append(_SPECIAL.sub(r"\\\1", text[position:]))
    escaped = "".join(out)
    escaped = _LIST_START.sub(r"\1\\\2", escaped)
    if escaped[:1] in ("-", "+", "=", ">"):
        escaped = "\\" + escaped
    return escaped


def cell(value: object) -> str:
    """A table cell: like `md`, and never empty (an empty cell reads as a mistake)."""
    return md(value) if value not in (None, "") else i18n.ABSENT


def heading(value: object) -> str:
    """Heading text without the trailing punctuation markdownlint (MD026) rejects."""
    return md(str(value).rstrip(_HEADING_PUNCTUATION + " ") or str(value))


def _tidy(text: str) -> str:
    """No trailing spaces, no runs of blank lines, exactly one final newline.

    An empty table cell becomes `| |`, the spacing markdownlint's MD060 wants.
    """
    lines = [_EMPTY_CELL.sub(" ", line.rstrip()) for line in text.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    while tidy and not tidy[-1]:
        tidy.pop()
    return "\n".join(tidy) + "\n"


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
    from journeycli.core.templates import environment as template_environment

    env = template_environment("report", autoescape=False)
    env.filters.update(
        md=md,
        cell=cell,
        heading=heading,
        label=lambda value: i18n.label(value, lang),
        num=lambda value: i18n.number(value, lang),
        dec=lambda value: i18n.decimal(value, lang),
        pct=lambda value: i18n.percent(value, lang),
        gap=i18n.signed,
        measure=lambda value: i18n.measure(value, None, lang),
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
    return _tidy(template.render(report=report, labels=_labels(report), lang=lang.value))
