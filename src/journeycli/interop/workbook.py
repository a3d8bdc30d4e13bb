"""Maps as Excel workbooks (xlsx) and back, for workshops. Pure bytes <-> model.

The sheets and columns are in `workbook_sheets`. The export protects every
text cell from being read as a formula (it is stored as text, not with a
`'` in front, so nothing needs undoing), adds drop-down lists to the enum
columns and to the columns that link sheets by id, and is byte-identical
for the same map: the document properties and the zip entries carry a fixed
timestamp. The import reads the cells back into the data a map file would
hold, checks it with the model and the map's error rules, and names the
sheet, row (the header is row 1) and column of the first bad cell
(docs/interop.md).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from journeycli.core.model import Evidence, JourneyMap, Stage
from journeycli.interop.common import DEFAULT_TITLE
from journeycli.interop.workbook_read import read_workbook
from journeycli.interop.workbook_sheets import KPI, LINK, SHEETS, Column, cell_value

FIXED_TIME = dt.datetime(2000, 1, 1)
"""The creation and modification time written into every workbook (deterministic output)."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_LAST_ROW = 1_048_576  # Excel's last row: validation lists cover the whole column
_LINKS = {
    "stage": ("stages", "id"),
    "touchpoint": ("touchpoints", "id"),
    "persona": ("personas", "id"),
    "opportunity": ("opportunities", "id"),
    "kpi": ("kpis", "name"),
}
"""Column -> the sheet and column whose values its drop-down list offers."""


def to_xlsx(journey: JourneyMap) -> bytes:
    """The map as an xlsx workbook: one sheet per kind of item (see `workbook_sheets`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet a new workbook starts with
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, columns in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append([column.key for column in columns])
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        for row in _rows(journey, name):
            values = [cell_value(column, row.get(column.key)) for column in columns]
            sheet.append(values)
            for cell, value in zip(sheet[sheet.max_row], values, strict=True):
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula, whatever it starts with
                    if "\n" in value:
                        cell.alignment = wrap
                elif isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for index, column in enumerate(columns, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = column.width
            formula = _list_formula(name, column)
            if formula is None:
                continue
            rule = DataValidation(
                type="list",
                formula1=formula,
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=f"Not a {column.key}",
                error=f"Pick one of the list for {column.key}.",
            )
            rule.add(f"{letter}2:{letter}{_LAST_ROW}")
            sheet.add_data_validation(rule)
    return _deterministic(book)


def from_xlsx(
    raw: bytes,
    *,
    source: str = "<input>",
    title: str | None = None,
    default_title: str = DEFAULT_TITLE,
) -> JourneyMap:
    """A map from an xlsx workbook; an InputError names the sheet, row and column of a bad cell.

    The title is `title`, else the map sheet's, else `default_title` (the file name).
    """
    return read_workbook(raw, source=source, title=title, default_title=default_title)


def _list_formula(sheet: str, column: Column) -> str | None:
    """The drop-down list of a column: its enum values, or the ids of the sheet it links to."""
    from openpyxl.utils import get_column_letter

    if column.choices:
        return '"' + ",".join(column.choices) + '"'
    if column.key not in _LINKS or _LINKS[column.key][0] == sheet:
        return None
    target, key = _LINKS[column.key]
    letter = get_column_letter(1 + [c.key for c in SHEETS[target]].index(key))
    return f"{target}!${letter}$2:${letter}${_LAST_ROW}"


def _rows(journey: JourneyMap, sheet: str) -> list[dict[str, Any]]:
    """The rows of one sheet as {column key: model value}."""
    if sheet == "map":
        row: dict[str, Any] = dict(journey)
        for part in ("goal", "metrics"):
            value = getattr(journey, part)
            if value is not None:
                row.update({f"{part}.{k}": v for k, v in dict(value).items()})
        return [row]
    if sheet in ("personas", "stages"):
        return [dict(item) for item in getattr(journey, sheet)]
    rows: list[dict[str, Any]] = []
    for stage in journey.stages:
        rows.extend({LINK: stage.id, **item} for item in _children(stage, sheet))
    return rows


def _children(stage: Stage, sheet: str) -> list[dict[str, Any]]:
    if sheet == "persona_scores":
        return [{"persona": pid, **dict(s)} for pid, s in stage.persona_scores.items()]
    if sheet == "opportunities":
        return [
            {"text": item} if isinstance(item, str) else dict(item) for item in stage.opportunities
        ]
    if sheet == "evidence":
        backing: list[tuple[dict[str, str], Evidence]] = [({}, item) for item in stage.evidence]
        backing += [({KPI: kpi.name}, item) for kpi in stage.kpis for item in kpi.evidence]
        return [{**link, **dict(item)} for link, item in backing]
    return [dict(item) for item in getattr(stage, sheet)]


def _deterministic(book: Any) -> bytes:
    """Save with fixed timestamps, so the same map gives the same bytes."""
    from openpyxl.writer.excel import ExcelWriter

    book.properties.creator = "journey"
    book.properties.created = book.properties.modified = FIXED_TIME
    first = io.BytesIO()
    archive = zipfile.ZipFile(first, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(book, archive).save()  # unlike openpyxl's save, keeps `modified` as set
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(first.getvalue())) as built,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as fixed,
    ):
        for info in built.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            fixed.writestr(entry, built.read(info.filename))
    return out.getvalue()
