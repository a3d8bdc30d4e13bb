"""History -> one self-contained HTML page: small multiples, one chart per stage.

Nine lines in one chart hide each other; one small chart per stage, all on
the same 0-100 scale, stays legible at nine stages and compares at a glance
(docs/diff.md, "journey history"). Each chart draws relevance and presence
over the versions with the gap between them shaded. Labels are placed so
they can never be cut or overlap: the stage name is HTML text above its
chart (it wraps), the y axis has three ticks, and the x axis names only the
first and the last version, anchored inside the chart's edges. The geometry
is computed here as plain numbers; `templates/history/history.html.j2` only
places them, autoescaped. No scripts and no external requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeycli.core.svg import fmt
from journeycli.history.formats.common import first_last, value
from journeycli.history.series import History, StageSeries

WIDTH, HEIGHT = 260, 150
LEFT, RIGHT, TOP, BOTTOM = 30, 12, 10, 28
TICKS = (0, 50, 100)
RELEVANCE, PRESENCE, GAP = "#444444", "#1f5fa8", "#d62728"


@dataclass(frozen=True, slots=True)
class Panel:
    """One stage's small chart: polylines, shaded gap areas, dots with tooltips."""

    stage: StageSeries
    relevance: tuple[str, ...]  # SVG `points`, one per run of present values
    presence: tuple[str, ...]
    gaps: tuple[str, ...]  # polygon `points` between the two lines, one per run
    dots: tuple[tuple[str, str, str, str], ...]  # x, y, colour, tooltip


def _x(index: int, count: int) -> float:
    width = WIDTH - LEFT - RIGHT
    return LEFT + (width / 2 if count == 1 else index * width / (count - 1))


def _y(score: int) -> float:
    return TOP + (100 - score) * (HEIGHT - TOP - BOTTOM) / 100


def _runs(values: tuple[int | None, ...]) -> list[list[int]]:
    """Indexes of the consecutive present values (a gap in the data breaks the line)."""
    runs: list[list[int]] = [[]]
    for index, number in enumerate(values):
        if number is None:
            runs.append([])
        else:
            runs[-1].append(index)
    return [run for run in runs if run]


def panel(history: History, stage: StageSeries) -> Panel:
    count = len(history.revisions)
    relevance, presence = stage.values("relevance"), stage.values("presence")

    def line(values: tuple[int | None, ...]) -> tuple[str, ...]:
        return tuple(
            " ".join(f"{fmt(_x(i, count))},{fmt(_y(values[i] or 0))}" for i in run)
            for run in _runs(values)
        )

    both = tuple(
        None if r is None or p is None else 1 for r, p in zip(relevance, presence, strict=True)
    )
    gaps = tuple(
        " ".join(
            [f"{fmt(_x(i, count))},{fmt(_y(relevance[i] or 0))}" for i in run]
            + [f"{fmt(_x(i, count))},{fmt(_y(presence[i] or 0))}" for i in reversed(run)]
        )
        for run in _runs(both)
    )
    dots = []
    for index, revision in enumerate(history.revisions):
        for name, values, colour in (
            ("relevance", relevance, RELEVANCE),
            ("presence", presence, PRESENCE),
        ):
            score = values[index]
            if score is not None:
                tip = f"{stage.name}, {revision.at} ({revision.commit.short}): {name} {score}"
                dots.append((fmt(_x(index, count)), fmt(_y(score)), colour, tip))
    return Panel(stage, line(relevance), line(presence), gaps, tuple(dots))


def axes(history: History) -> dict[str, Any]:
    """What every panel shares: size, y ticks, and the first and last x labels."""
    revisions = history.revisions
    count = len(revisions)
    first, last = revisions[0], revisions[-1]
    if count == 1:
        xs = [(fmt(_x(0, 1)), "middle", first.at)]
    else:
        xs = [(fmt(_x(0, count)), "start", first.at), (fmt(_x(count - 1, count)), "end", last.at)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bottom": HEIGHT - BOTTOM,
        "label_y": HEIGHT - 8,
        "ticks": [(tick, fmt(_y(tick))) for tick in TICKS],
        "xs": xs,
        "verticals": [fmt(_x(i, count)) for i in range(count)],
        "colours": {"relevance": RELEVANCE, "presence": PRESENCE, "gap": GAP},
    }


def render(history: History) -> str:
    from journeycli.core.templates import environment

    env = environment("history", autoescape=True)
    title = history.title
    return env.get_template("history.html.j2").render(
        history=history,
        title=title,
        axes=axes(history),
        panels=[panel(history, stage) for stage in history.stages],
        first_last=first_last,
        value=value,
    )
