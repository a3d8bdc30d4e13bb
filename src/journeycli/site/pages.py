"""What the site knows about each map: its analysis and the names of its pages (docs/site.md)."""

from __future__ import annotations

from dataclasses import dataclass

from journeycli.core.analysis import Analysis, StageAnalysis
from journeycli.core.scoring import Number

TOP_GAPS = 3  # focus stages per map on the index
RANKING_ROWS = 15  # stages in the ranking across maps


@dataclass(frozen=True, slots=True)
class SitePage:
    """One map on the site: its analysis and the file names of its pages (relative to DIR)."""

    analysis: Analysis
    slug: str
    report: str  # maps/NAME.html
    history: str | None  # maps/NAME.history.html, None outside git

    @property
    def top_gaps(self) -> tuple[StageAnalysis, ...]:
        """The focus stages (largest gaps first), at most three."""
        return self.analysis.focus[:TOP_GAPS]

    @property
    def completed_value(self) -> Number | None:
        """The value of the customers who complete the journey (docs/report.md, the funnel)."""
        totals = self.analysis.funnel
        return None if totals is None else totals.completed_value
