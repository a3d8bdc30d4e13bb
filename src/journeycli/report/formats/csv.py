"""The report's open actions as CSV: one row per action, for Jira, Trello or a spreadsheet.

Rows follow the roadmap (docs/report.md): horizon now, next, later, and
within a horizon the stages in rank order (unscored stages last), over every
map in the order given. Only open actions (todo, doing) are listed. Values
are written as the map has them (`horizon`, `effort` and `status` as their
keywords, `touchpoint` as the touchpoint's id), every cell guarded against
formula injection (core/spreadsheet.py).
"""

from __future__ import annotations

from journeycli.core.combined import Report
from journeycli.core.model import Language
from journeycli.core.spreadsheet import csv_line

COLUMNS = ("stage", "action", "channel", "owner", "horizon", "effort", "status", "touchpoint")


def render(report: Report, lang: Language) -> str:
    """A header and one row per open action; the header alone when there are none."""
    lines = [csv_line(COLUMNS)]
    for analysis in report.analyses:
        for _, items in analysis.roadmap.by_horizon():
            for item in items:
                action = item.action
                lines.append(
                    csv_line(
                        [
                            item.stage.name,
                            action.action,
                            action.channel or "",
                            action.owner or "",
                            action.horizon.value,
                            action.effort.value if action.effort else "",
                            action.status.value,
                            action.touchpoint or "",
                        ]
                    )
                )
    return "".join(lines)
