"""Shared pieces of the history renderers: sparklines and value phrasing.

One sparkline function so the terminal and Markdown show the same bars; the
scale is shared by all stages of a history (a gap of 40 is as tall in every
row), so rows can be compared at a glance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from journeycli.history.series import History, StageSeries

BARS = "▁▂▃▄▅▆▇█"
MISSING = "·"


def bounds(values: Iterable[int | None]) -> tuple[int, int]:
    """The smallest and largest of the values present (0, 0 when none)."""
    present = [v for v in values if v is not None]
    return (min(present), max(present)) if present else (0, 0)


def sparkline(values: Sequence[int | None], low: int, high: int) -> str:
    """One bar per value on the scale low..high; `·` where the value is absent."""
    out = []
    for value in values:
        if value is None:
            out.append(MISSING)
        elif high == low:
            out.append(BARS[len(BARS) // 2 - 1])
        else:
            step = (value - low) * (len(BARS) - 1) / (high - low)
            out.append(BARS[round(step)])
    return "".join(out)


def gap_bounds(history: History) -> tuple[int, int]:
    return bounds(g for stage in history.stages for g in stage.values("gap"))


def value(number: int | None) -> str:
    return "–" if number is None else str(number)


def first_last(stage: StageSeries, field: str) -> str:
    """`55 → 20` from the first to the last present value, or one value, or `–`."""
    present = [v for v in stage.values(field) if v is not None]
    if not present:
        return "–"
    if len(present) == 1 or present[0] == present[-1]:
        return str(present[-1])
    return f"{present[0]} → {present[-1]}"


def status_text(status: str, message: str | None) -> str:
    return status if not message else f"{status}: {message}"
