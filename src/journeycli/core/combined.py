"""Several maps in one report: their analyses and one ranking of all their stages.

`combine()` keeps each map's `Analysis` as it is and, when there are several maps,
ranks their scored stages together with the same order as within one map
(docs/report.md, "Several maps"). Pure: no I/O, no formatting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journeycli.core.analysis import Analysis, StageAnalysis


@dataclass(frozen=True, slots=True)
class CombinedStage:
    """One stage in the ranking across several maps."""

    rank: int
    map_index: int  # index into Report.analyses
    analysis: Analysis
    stage: StageAnalysis


@dataclass(frozen=True, slots=True)
class Report:
    """One or more analyses; `combined` ranks all their scored stages (several maps only)."""

    analyses: tuple[Analysis, ...]
    combined: tuple[CombinedStage, ...]

    @property
    def single(self) -> bool:
        return len(self.analyses) == 1


def combine(analyses: Sequence[Analysis]) -> Report:
    """A report over maps; with several, rank their scored stages together.

    Same order as within one map: gap descending, relevance descending, then
    the order of the maps as given, then map order.
    """
    combined: list[CombinedStage] = []
    if len(analyses) > 1:
        entries = sorted(
            ((mi, a, s) for mi, a in enumerate(analyses) for s in a.ranked),
            key=lambda e: (-(e[2].gap or 0), -(e[2].relevance or 0), e[0], e[2].index),
        )
        combined = [CombinedStage(rank, mi, a, s) for rank, (mi, a, s) in enumerate(entries, 1)]
    return Report(tuple(analyses), tuple(combined))
