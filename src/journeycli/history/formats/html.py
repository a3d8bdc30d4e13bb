"""History -> one self-contained HTML page with an inline SVG chart of the gaps.

The chart geometry (points, polylines, axis ticks) is computed here as plain
numbers; `templates/history/history.html.j2` only places them, autoescaped, so
map text can never become markup. No scripts and no external requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeycli.core.svg import fmt
from journeycli.history.formats.common import first_last, value
from journeycli.history.series import History, StageSeries

WIDTH, HEIGHT = 760, 320
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
)


@dataclass(frozen=True, slots=True)
class Line:
    stage: StageSeries
    colour: str
    segments: tuple[str, ...]  # SVG `points` attributes, one per run of present values
    dots: tuple[tuple[float, float, str], ...]  # x, y, tooltip


def chart(history: History) -> dict[str, Any]:
    """Coordinates of the gap chart: one line per stage over the commits."""
    count = len(history.revisions)
    gaps = [g for s in history.stages for g in s.values("gap") if g is not None]
    low, high = min([0, *gaps]), max([0, *gaps])
    if high == low:
        high = low + 10
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index: int) -> float:
        return LEFT + (plot_w / 2 if count == 1 else index * plot_w / (count - 1))

    def y(gap: int) -> float:
        return TOP + (high - gap) * plot_h / (high - low)

    lines = []
    for number, stage in enumerate(history.stages):
        segments: list[str] = []
        run: list[str] = []
        dots = []
        for index, gap in enumerate(stage.values("gap")):
            if gap is None:
                if run:
                    segments.append(" ".join(run))
                run = []
                continue
            run.append(f"{fmt(x(index))},{fmt(y(gap))}")
            short = history.revisions[index].commit.short
            tip = f"{stage.name} @ {short}: gap {gap}"
            dots.append((round(x(index), 1), round(y(gap), 1), tip))
        if run:
            segments.append(" ".join(run))
        lines.append(Line(stage, PALETTE[number % len(PALETTE)], tuple(segments), tuple(dots)))
    step = max(1, (high - low) // 5)
    ticks = [(t, fmt(y(t))) for t in range(low - low % step, high + 1, step) if low <= t <= high]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "zero": fmt(y(0)),
        "ticks": ticks,
        "xs": [(fmt(x(i)), r.commit.short) for i, r in enumerate(history.revisions)],
        "lines": lines,
    }


def render(history: History) -> str:
    from journeycli.core.templates import environment

    env = environment("history", autoescape=True)
    title = history.title
    return env.get_template("history.html.j2").render(
        history=history,
        title=title,
        chart=chart(history),
        first_last=first_last,
        value=value,
    )
