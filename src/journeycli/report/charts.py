"""Geometry of the charts in the HTML report, computed from the Analysis figures.

This is layout, not scoring: every value drawn (relevance, presence, gap,
mean and worst experience, reach) is read from `StageAnalysis`; this module only turns
it into SVG coordinates, so the template stays readable and free of
arithmetic. Coordinates are formatted here with a fixed number of decimals,
which keeps the HTML byte-identical for the same map on every machine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from journeycli.core.analysis import StageAnalysis
from journeycli.core.model import Persona
from journeycli.core.svg import fmt

# --- the relevance/presence chart (its own viewBox, scales with the page) ------------------------

COLUMN_WIDTH = 150  # viewBox units per stage
MIN_WIDTH = 720
LEFT, RIGHT, TOP = 48, 16, 28
PLOT_HEIGHT = 220
LABEL_LINE = 15  # height of one line of a stage label under the axis
LABEL_LINES = 3
LABEL_CHARS = 16
DISPLAY_SCALE = 1.2  # characters per label line that fit a column at the chart's font size


def wrap(text: str, width: int = LABEL_CHARS, lines: int = LABEL_LINES) -> tuple[str, ...]:
    """Greedy word wrap into at most `lines` lines; the last line ends in `…` when cut."""
    out: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) > width:
            out.append(current)
            current = word
        else:
            current = candidate
    if current:
        out.append(current)
    if len(out) > lines:
        last = " ".join(out[lines - 1 :])
        out = [*out[: lines - 1], last[: width - 1].rstrip() + "…"]
    return tuple(out[:lines]) or ("",)


@dataclass(frozen=True, slots=True)
class ScoreColumn:
    """One stage on the relevance/presence chart."""

    stage: StageAnalysis
    x: str
    relevance_y: str | None
    presence_y: str | None
    top_y: str | None  # the higher of the two points (where the gap line starts)
    bottom_y: str | None
    label_y: str | None  # baseline of the gap label above the higher point
    name_lines: tuple[str, ...]
    target_relevance_y: str | None = None  # the future state's marks (--target)
    target_presence_y: str | None = None


@dataclass(frozen=True, slots=True)
class Area:
    """A shaded polygon between the relevance and presence lines."""

    points: str
    positive: bool  # relevance above presence (a gap to close)


@dataclass(frozen=True, slots=True)
class ScoreChart:
    width: int
    height: int
    display_width: int  # natural size on screen (CSS shrinks it to fit, never grows it)
    left: int
    right: int
    top: int
    bottom: int  # y of the 0 line
    gridlines: tuple[tuple[str, int], ...]  # (y, score)
    columns: tuple[ScoreColumn, ...]
    relevance_lines: tuple[str, ...]  # polyline points, one per run of scored stages
    presence_lines: tuple[str, ...]
    areas: tuple[Area, ...]
    label_top: int  # y of the first stage-name line


def _score_y(score: float) -> float:
    return TOP + PLOT_HEIGHT * (1 - score / 100)


def _target_y(score: int | None) -> str | None:
    return None if score is None else fmt(_score_y(score))


def _runs(stages: Sequence[StageAnalysis]) -> list[list[int]]:
    """Indexes of consecutive scored stages (an unscored stage breaks the line)."""
    runs: list[list[int]] = [[]]
    for index, stage in enumerate(stages):
        if stage.relevance is None or stage.presence is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(index)
    return [run for run in runs if run]


def _areas(xs: Sequence[float], stages: Sequence[StageAnalysis], run: list[int]) -> list[Area]:
    """The band between the two lines, split where they cross so each piece has one sign."""
    areas: list[Area] = []
    for a, b in pairwise(run):
        r0, p0 = float(stages[a].relevance or 0), float(stages[a].presence or 0)
        r1, p1 = float(stages[b].relevance or 0), float(stages[b].presence or 0)
        g0, g1 = r0 - p0, r1 - p1
        x0, x1 = xs[a], xs[b]
        if g0 * g1 >= 0:
            if g0 == 0 and g1 == 0:
                continue
            pieces = [((x0, r0, p0), (x1, r1, p1), g0 + g1 > 0)]
        else:
            t = g0 / (g0 - g1)
            xm, sm = x0 + t * (x1 - x0), r0 + t * (r1 - r0)
            pieces = [((x0, r0, p0), (xm, sm, sm), g0 > 0), ((xm, sm, sm), (x1, r1, p1), g1 > 0)]
        for (xa, ra, pa), (xb, rb, pb), positive in pieces:
            corners = [(xa, ra), (xb, rb), (xb, pb), (xa, pa)]
            points = " ".join(f"{fmt(x)},{fmt(_score_y(s))}" for x, s in corners)
            areas.append(Area(points, positive))
    return areas


def score_chart(stages: Sequence[StageAnalysis]) -> ScoreChart:
    """Relevance and presence per stage (map order) on a 0-100 scale, the gap shaded."""
    width = max(MIN_WIDTH, LEFT + RIGHT + COLUMN_WIDTH * len(stages))
    step = (width - LEFT - RIGHT) / max(len(stages), 1)
    xs = [LEFT + step * (i + 0.5) for i in range(len(stages))]
    columns = []
    for x, stage in zip(xs, stages, strict=True):
        r, p = stage.relevance, stage.presence
        ry = None if r is None else _score_y(r)
        py = None if p is None else _score_y(p)
        top = None if ry is None or py is None else min(ry, py)
        bottom = None if ry is None or py is None else max(ry, py)
        label = None if top is None else top - 10
        columns.append(
            ScoreColumn(
                stage=stage,
                x=fmt(x),
                relevance_y=None if ry is None else fmt(ry),
                presence_y=None if py is None else fmt(py),
                top_y=None if top is None else fmt(top),
                bottom_y=None if bottom is None else fmt(bottom),
                label_y=None if label is None else fmt(label),
                name_lines=wrap(stage.name, max(8, int(step / 7.2))),
                target_relevance_y=_target_y(stage.target.relevance if stage.target else None),
                target_presence_y=_target_y(stage.target.presence if stage.target else None),
            )
        )
    runs = _runs(stages)

    def line(run: list[int], attr: str) -> str:
        return " ".join(f"{fmt(xs[i])},{fmt(_score_y(getattr(stages[i], attr)))}" for i in run)

    bottom = TOP + PLOT_HEIGHT
    lines = max((len(column.name_lines) for column in columns), default=1)
    return ScoreChart(
        width=width,
        display_width=round(width * DISPLAY_SCALE),
        height=bottom + 30 + LABEL_LINE * lines,
        left=LEFT,
        right=width - RIGHT,
        top=TOP,
        bottom=bottom,
        gridlines=tuple((fmt(_score_y(score)), score) for score in (0, 25, 50, 75, 100)),
        columns=tuple(columns),
        relevance_lines=tuple(line(run, "relevance") for run in runs if len(run) > 1),
        presence_lines=tuple(line(run, "presence") for run in runs if len(run) > 1),
        areas=tuple(area for run in runs for area in _areas(xs, stages, run)),
        label_top=bottom + 22,
    )


# --- the experience curve (a row of the map grid: x in % of the stage columns) ------------------

CURVE_HEIGHT = 132
CURVE_TOP, CURVE_BOTTOM = 22, 14  # room for the value labels above and the 1-line below


@dataclass(frozen=True, slots=True)
class CurvePoint:
    stage: StageAnalysis
    x: str  # percentage of the row width, e.g. "12.5%"
    y: str
    label_y: str
    value: float
    poor: bool  # below neutral (3): drawn with a different marker, not only a colour


@dataclass(frozen=True, slots=True)
class Segment:
    x1: str
    y1: str
    x2: str
    y2: str


@dataclass(frozen=True, slots=True)
class CurveMinimum:
    """The worst touchpoint of a stage, marked below (or on) the mean: never averaged away."""

    stage: StageAnalysis
    x: str
    y: str
    value: int
    labelled: bool  # below the mean: its own label (on the mean, the mean's label says it)


@dataclass(frozen=True, slots=True)
class PersonaLine:
    """One persona's mean experience per stage (experience_by_persona), drawn as its own line."""

    persona: Persona
    style: int  # 1..4: colour and dash pattern, so lines differ by more than colour
    points: tuple[CurvePoint, ...]
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class ExperienceCurve:
    height: int
    points: tuple[CurvePoint, ...]
    segments: tuple[Segment, ...]  # between neighbouring stages that both have a mean
    levels: tuple[tuple[str, int], ...]  # (y, 1..5) grid lines
    neutral_y: str
    poor_top: str  # the band below neutral is tinted
    poor_height: str
    columns: tuple[str, ...]  # x of the borders between stage columns
    minima: tuple[CurveMinimum, ...] = ()  # per stage with a rated touchpoint
    personas: tuple[PersonaLine, ...] = ()  # empty unless personas are scored apart
    target_points: tuple[CurvePoint, ...] = ()  # the future state's means (--target)
    target_segments: tuple[Segment, ...] = ()


PERSONA_STYLES = 4


def _experience_y(value: float) -> float:
    span = CURVE_HEIGHT - CURVE_TOP - CURVE_BOTTOM
    return CURVE_TOP + span * (5 - value) / 4


def experience_curve(
    stages: Sequence[StageAnalysis], personas: Sequence[tuple[int, Persona]] = ()
) -> ExperienceCurve | None:
    """Mean and worst experience per stage, aligned with the grid columns; None without data.

    `personas` (with their place in the map, which fixes their line style on
    every page) get a line each, from the stages' `experience_by_persona`.
    """
    if not any(s.experience_mean is not None for s in stages):
        return None
    points = _curve_points(stages, lambda s: s.experience_mean)
    future = _curve_points(stages, lambda s: s.target.experience_mean if s.target else None)
    minima = tuple(
        CurveMinimum(
            point.stage,
            point.x,
            fmt(_experience_y(point.stage.experience_min)),
            point.stage.experience_min,
            point.stage.experience_min < point.value,
        )
        for point in points
        if point is not None and point.stage.experience_min is not None
    )
    lines = []
    for number, persona in personas:
        line = _curve_points(stages, _persona_mean(persona.id))
        lines.append(
            PersonaLine(
                persona,
                number % PERSONA_STYLES + 1,
                tuple(p for p in line if p is not None),
                _segments(line),
            )
        )
    neutral = _experience_y(3)
    return ExperienceCurve(
        height=CURVE_HEIGHT,
        points=tuple(p for p in points if p is not None),
        segments=_segments(points),
        levels=tuple((fmt(_experience_y(level)), level) for level in (1, 2, 3, 4, 5)),
        neutral_y=fmt(neutral),
        poor_top=fmt(neutral),
        poor_height=fmt(_experience_y(1) - neutral),
        columns=tuple(f"{fmt(100 * i / len(stages))}%" for i in range(1, len(stages))),
        minima=minima,
        personas=tuple(lines),
        target_points=tuple(p for p in future if p is not None),
        target_segments=_segments(future),
    )


def _persona_mean(persona_id: str) -> Callable[[StageAnalysis], float | None]:
    def mean(stage: StageAnalysis) -> float | None:
        return stage.experience_by_persona.get(persona_id)

    return mean


def _curve_points(
    stages: Sequence[StageAnalysis], value_of: Callable[[StageAnalysis], float | None]
) -> list[CurvePoint | None]:
    """A point per stage (None where it has no mean), x centred in the stage's column."""
    points: list[CurvePoint | None] = []
    for index, stage in enumerate(stages):
        value = value_of(stage)
        if value is None:
            points.append(None)
            continue
        y = _experience_y(value)
        x = f"{fmt(100 * (index + 0.5) / len(stages))}%"
        points.append(CurvePoint(stage, x, fmt(y), fmt(y - 9), value, value < 3))
    return points


def _segments(points: Sequence[CurvePoint | None]) -> tuple[Segment, ...]:
    """Lines between neighbouring stages that both have a point."""
    return tuple(
        Segment(a.x, a.y, b.x, b.y) for a, b in pairwise(points) if a is not None and b is not None
    )


# --- the funnel (bar widths for an HTML table) ---------------------------------------------------


def funnel_widths(stages: Sequence[StageAnalysis]) -> tuple[str | None, ...]:
    """Per stage the width of its reach bar in % of the largest reach; None without reach."""
    reaches = [float(s.reach) for s in stages if s.reach is not None]
    largest = max(reaches, default=0.0)
    return tuple(
        None
        if s.reach is None
        else f"{fmt(100 * float(s.reach) / largest) if largest > 0 else '0'}%"
        for s in stages
    )
