"""History -> Markdown (`templates/history/history.md.j2`): gaps with sparklines, the
commits, and per stage the values at each commit.

Map text and commit subjects are escaped by the one Markdown escaper
(`core.markdown.md`); headings are unique because each stage heading carries
its id, so the output passes markdownlint's default rules (docs/diff.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from journeycli.core.markdown import environment, finish
from journeycli.history.formats.common import (
    first_last,
    gap_bounds,
    sparkline,
    status_text,
    value,
)
from journeycli.history.series import History


@cache
def _environment() -> Any:
    env = environment("history")
    env.filters.update(value=value)
    env.globals.update(first_last=first_last, sparkline=sparkline, status_text=status_text)
    return env


def render(history: History) -> str:
    low, high = gap_bounds(history)
    text = (
        _environment()
        .get_template("history.md.j2")
        .render(history=history, revisions=history.revisions, low=low, high=high)
    )
    return finish(text, wrap_lines=True)
