"""History -> Rich tables for the terminal: one row per stage with sparklines.

Coloured on a terminal; piped, it is plain text at a fixed width so the same
history always prints the same bytes.
"""

from __future__ import annotations

from typing import TextIO

from journeycli.history.formats.common import (
    first_last,
    gap_bounds,
    sparkline,
    status_text,
)
from journeycli.history.series import History, StageSeries

TREND_STYLE = {"closing": "green", "widening": "red", "steady": "yellow", "unknown": "dim"}
PLAIN_WIDTH = 120


def write(history: History, stream: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=stream, highlight=False, emoji=False)
    if not console.is_terminal:
        console = Console(
            file=stream, highlight=False, emoji=False, width=PLAIN_WIDTH, color_system=None
        )
    revisions = history.revisions
    span = f"{revisions[0].commit.short}..{revisions[-1].commit.short}"
    title = history.title
    heading = f"{title}: {len(revisions)} commit{'s' if len(revisions) != 1 else ''} ({span})"
    if history.persona:
        heading += f", persona {history.persona}"
    if history.by == "evidence-date":
        heading += ", each at its newest evidence date"
    console.print(Text(heading, style="bold"))

    low, high = gap_bounds(history)
    stages = Table(box=box.SIMPLE, title="Stages (oldest → newest)", title_justify="left")
    for column in ("Stage", "Relevance", "Presence", "Gap", "Gap first → last", "Trend"):
        stages.add_column(column, no_wrap=True)

    def scores(stage: StageSeries, field: str) -> Text:
        return Text(f"{sparkline(stage.values(field), 0, 100)} {first_last(stage, field)}")

    for stage in history.stages:
        stages.add_row(
            Text(stage.name),
            scores(stage, "relevance"),
            scores(stage, "presence"),
            Text(sparkline(stage.values("gap"), low, high)),
            Text(first_last(stage, "gap")),
            Text(stage.trend, style=TREND_STYLE[stage.trend]),
        )
    console.print(stages)

    commits = Table(box=box.SIMPLE, title="Commits", title_justify="left")
    date = "Evidence date" if history.by == "evidence-date" else "Date"
    for column in ("#", "Commit", date, "Subject", "Status"):
        commits.add_column(column, overflow="fold")
    for index, revision in enumerate(revisions, 1):
        commit = revision.commit
        style = "" if revision.status == "ok" else "red"
        commits.add_row(
            str(index),
            commit.short,
            revision.at,
            Text(commit.subject),
            Text(status_text(revision.status, revision.message), style=style),
        )
    console.print(commits)


def render(history: History) -> str:
    import io

    buffer = io.StringIO()
    write(history, buffer)
    return buffer.getvalue()
