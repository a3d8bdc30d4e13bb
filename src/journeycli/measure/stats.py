"""The statistics of `journey measure`, with the formulas of docs/measure.md.

Mean and sample standard deviation (n − 1) come from the standard library's
`statistics`; the margin is the 95 % confidence half-width of the mean under
the normal approximation, 1.96 × s / √n, on the 0–100 scale. Scores are
rounded half up (55.5 → 56), as every report rounds (`journeycli.core.i18n`),
not with Python's round-half-to-even.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

Z95 = 1.96

SCALES: dict[str, tuple[int, int]] = {
    "0-100": (0, 100),
    "1-5": (1, 5),
    "1-7": (1, 7),
    "1-10": (1, 10),
}


@dataclass(frozen=True, slots=True)
class Summary:
    """What a column of answers says: its rounded mean, n, and margin (None for one answer)."""

    score: int
    n: int
    margin: float | None
    mean: float


def to_percent(value: float, scale: str) -> float:
    """An answer on `scale` put linearly on 0–100: on 1-5, 1 → 0, 3 → 50, 5 → 100."""
    low, high = SCALES[scale]
    return (value - low) / (high - low) * 100


def round_half_up(value: float, places: int = 0) -> Decimal:
    """55.5 → 56 and 54.5 → 55 (not Python's 54 for round(54.5))."""
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def margin_of(values: Sequence[float]) -> float | None:
    """1.96 × s / √n with the sample standard deviation s (n − 1); None below two answers."""
    if len(values) < 2:
        return None
    return Z95 * statistics.stdev(values) / math.sqrt(len(values))


def summarise(values: Sequence[float]) -> Summary:
    """The rounded mean, n and margin of answers already on the 0–100 scale."""
    mean = statistics.fmean(values)
    return Summary(int(round_half_up(mean)), len(values), margin_of(values), mean)


def written_margin(margin: float | None) -> int | float | None:
    """The margin as the map stores it: one decimal, a whole number without `.0`."""
    if margin is None:
        return None
    rounded = round_half_up(margin, 1)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
