"""The sheets and columns of a journey workbook (xlsx), and how a value becomes a cell.

One sheet per kind of item, a header row of the YAML key names, and ids
linking the sheets (`stage` in a touchpoint row is the id of its stage), so
a workshop can sort and filter each sheet on its own and the import puts
everything back where it belongs (docs/interop.md). Listed here once: the
export writes these columns in this order, the import reads them back, and
a test fails when a field of the format has no column.

Cell kinds: `text`; `whole` and `number`; `flag` (a boolean cell);
`date` (a date cell); `lines` (a list of text, one item a line in the
cell); `ids` (a list of ids, `a, b`); `pairs` (a mapping, one `key: value` a
line) and `scores` (the same with whole numbers); `choice` (an enum value,
with a drop-down list of the values).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from journeycli.core.model import (
    Effort,
    EvidenceType,
    Horizon,
    Impact,
    Kind,
    Language,
    State,
    Status,
)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    width: int = 16


def _choice(key: str, enum: type[Enum]) -> Column:
    return Column(key, "choice", tuple(str(m.value) for m in enum), 14)


LINK = "stage"
"""The column of a child sheet that holds the id of its stage."""

MAP_COLUMNS = (
    Column("title", width=30),
    Column("description", width=40),
    _choice("language", Language),
    _choice("state", State),
    Column("owner"),
    Column("goal.why", width=30),
    Column("goal.how", width=30),
    Column("goal.what", width=30),
    Column("principles", "lines", width=40),
    Column("metrics.volume", "number"),
    Column("metrics.value", "number"),
    Column("metrics.currency"),
    Column("metrics.period"),
)
PERSONA_COLUMNS = (
    Column("id"),
    Column("name", width=24),
    Column("age", "whole", width=8),
    Column("description", width=40),
    Column("demographics", "pairs", width=30),
    Column("needs", "lines", width=30),
    Column("goals", "lines", width=30),
    Column("frustrations", "lines", width=30),
    Column("channels", "lines"),
    Column("tone", width=30),
)
STAGE_COLUMNS = (
    Column("id"),
    Column("name", width=20),
    Column("description", width=40),
    Column("customer_goal", width=30),
    Column("questions", "lines", width=40),
    Column("feelings", "lines", width=20),
    Column("pain_points", "lines", width=40),
    Column("review_questions", "lines", width=40),
    Column("relevance", "whole", width=11),
    Column("presence", "whole", width=11),
    Column("conversion", "number", width=11),
    Column("tone", width=30),
    Column("customer_actions", "lines", width=30),
    Column("frontstage", "lines", width=30),
    Column("backstage", "lines", width=30),
    Column("support", "lines", width=30),
    Column("systems", "lines", width=30),
)
PERSONA_SCORE_COLUMNS = (
    Column(LINK),
    Column("persona"),
    Column("relevance", "whole", width=11),
    Column("presence", "whole", width=11),
)
TOUCHPOINT_COLUMNS = (
    Column(LINK),
    Column("id"),
    Column("name", width=30),
    Column("channel"),
    _choice("kind", Kind),
    Column("personas", "ids", width=20),
    Column("critical", "flag", width=10),
    Column("experience", "whole", width=11),
    Column("owner"),
    Column("pain_points", "lines", width=40),
    Column("persona_experience", "scores", width=20),
)
ACTION_COLUMNS = (
    Column(LINK),
    Column("id"),
    Column("action", width=40),
    Column("channel"),
    Column("owner"),
    Column("touchpoint"),
    _choice("horizon", Horizon),
    _choice("status", Status),
    _choice("effort", Effort),
    Column("opportunity"),
)
OPPORTUNITY_COLUMNS = (
    Column(LINK),
    Column("id"),
    Column("text", width=60),
    _choice("impact", Impact),
    _choice("effort", Effort),
)
KPI_COLUMNS = (
    Column(LINK),
    Column("name", width=20),
    Column("value", "number", width=10),
    Column("target", "number", width=10),
    Column("unit", width=10),
    Column("higher_is_better", "flag", width=10),
)
EVIDENCE_COLUMNS = (
    Column(LINK),
    _choice("type", EvidenceType),
    Column("source", width=40),
    Column("date", "date", width=12),
    Column("n", "whole", width=8),
    Column("margin", "number", width=8),
    Column("kpi", width=20),
)
"""Evidence of a stage, or of one of its KPIs when `kpi` names it."""

KPI = "kpi"
"""The column of the evidence sheet that names the KPI (of the row's stage) it backs."""

SHEETS: dict[str, tuple[Column, ...]] = {
    "map": MAP_COLUMNS,
    "personas": PERSONA_COLUMNS,
    "stages": STAGE_COLUMNS,
    "persona_scores": PERSONA_SCORE_COLUMNS,
    "touchpoints": TOUCHPOINT_COLUMNS,
    "actions": ACTION_COLUMNS,
    "opportunities": OPPORTUNITY_COLUMNS,
    "kpis": KPI_COLUMNS,
    "evidence": EVIDENCE_COLUMNS,
}
"""Sheet name -> columns, in the workbook's order (kpis before evidence, which may link to them)."""

LINE_BREAK = "\n"
ID_SEPARATORS = ",;\n"


def cell_value(column: Column, value: Any) -> Any:
    """What the export puts in a cell for `value` (None for an empty cell)."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if column.kind == "lines":
        return LINE_BREAK.join(value) if value else None
    if column.kind == "ids":
        return ", ".join(value) if value else None
    if column.kind in ("pairs", "scores"):
        return LINE_BREAK.join(f"{k}: {v}" for k, v in value.items()) if value else None
    if isinstance(value, dt.date | bool | int | float | str):
        return value
    raise TypeError(f"no cell for a {type(value).__name__}")  # pragma: no cover - a new field kind
