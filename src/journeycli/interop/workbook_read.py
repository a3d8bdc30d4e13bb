"""Reading a journey workbook (xlsx): cells -> the data of a map file -> the model.

Every value is remembered with the cell it came from, so whatever is wrong
with it — a cell that is not a number, a Dutch label in a drop-down column
(pasted past the list), an id that links to nothing — is reported as the
sheet, the row as the spreadsheet numbers it (the header is row 1), and the
column, in the words `journey lint` uses (docs/interop.md). The checks are
the format's own: the model, then the map's error rules, so a workbook
passes exactly when the same map as a file would.

A workbook is a zip archive of XML files: its unpacked size is checked
before openpyxl opens it (a small file can unpack to gigabytes), and a
formula is refused rather than run or guessed at.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from journeycli.core.document import Loc
from journeycli.core.errors import InputError
from journeycli.core.guards import unsafe_text_message
from journeycli.core.hints import closest
from journeycli.core.model import JourneyMap
from journeycli.core.problems import dotted
from journeycli.core.rules import CHECKED_RULES, RuleContext
from journeycli.core.slug import slugify
from journeycli.core.validation import describe_error, error_location
from journeycli.interop.common import DEFAULT_TITLE
from journeycli.interop.workbook_sheets import ID_SEPARATORS, KPI, LINK, SHEETS, Column

MAX_UNPACKED = 64 * 1024 * 1024
"""Largest total unpacked size of a workbook; a real journey workbook is well under 1 MiB."""
MAX_ROWS = 100_000
_TRUE = frozenset({"true", "yes", "y", "1", "ja", "j", "waar", "x"})
_FALSE = frozenset({"false", "no", "n", "0", "nee", "onwaar"})
_BREAKS = re.compile(r"\r\n|[\r\n]")


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a value came from: sheet, row (header = 1), column key and letter."""

    sheet: str
    row: int
    column: str = ""
    letter: str = ""

    def where(self) -> str:
        place = f"sheet {self.sheet}, row {self.row}"
        return place + (f", column {self.column} ({self.letter}{self.row})" if self.column else "")


_Row = tuple[int, dict[str, tuple[Any, Cell]]]


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.places: dict[Loc, Cell] = {}
        self.rows = 0

    def error(self, cell: Cell, message: str) -> InputError:
        return InputError(f"{self.source}: {cell.where()}: {message}")

    def place(self, loc: Loc, cell: Cell) -> None:
        self.places[loc] = cell

    def cell_of(self, loc: Loc) -> Cell | None:
        for size in range(len(loc), -1, -1):
            found = self.places.get(loc[:size])
            if found is not None:
                return found
        return None

    def table(self, name: str, sheet: Any) -> list[_Row]:
        """The data rows of one sheet, each cell under its column's key; empty rows skipped."""
        from openpyxl.utils import get_column_letter

        columns = {column.key: column for column in SHEETS[name]}
        rows = sheet.iter_rows()
        header = next(rows, ())
        keys: list[str | None] = []
        for index, cell in enumerate(header, start=1):
            text = "" if cell.value is None else str(cell.value).strip()
            key = re.sub(r"[\s-]+", "_", text.lower())
            place = Cell(name, 1, text, get_column_letter(index))
            if key in keys and key:
                raise self.error(place, "this column appears twice")
            if key and key not in columns and not text.lower().startswith("x-"):
                match = closest(key, columns)
                hint = f"did you mean '{match}'?" if match else "columns of your own start with x-"
                raise self.error(place, f"unknown column '{text}'; {hint}")
            keys.append(key if key in columns else None)
        table: list[_Row] = []
        for number, cells in enumerate(rows, start=2):
            self.rows += 1
            if self.rows > MAX_ROWS:
                raise InputError(f"{self.source}: more than {MAX_ROWS:,} rows; not a journey map")
            values: dict[str, tuple[Any, Cell]] = {}
            for index, cell in enumerate(cells):
                if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                    continue
                letter = get_column_letter(index + 1)
                column = keys[index] if index < len(keys) else None
                if column is None:
                    if index >= len(keys) or not str(header[index].value or "").strip():
                        raise self.error(
                            Cell(name, number, "", letter), "a value in a column without a header"
                        )
                    continue  # an x- column of the user's own
                place = Cell(name, number, column, letter)
                values[column] = (self.convert(columns[column], cell, place), place)
            if values:
                table.append((number, values))
        return table

    def convert(self, column: Column, cell: Any, place: Cell) -> Any:
        """A cell's value as the map file would hold it."""
        value, kind = cell.value, column.kind
        if cell.data_type == "f":
            raise self.error(place, f"a formula ({value}); type the value itself")
        if cell.data_type == "e":
            raise self.error(place, f"shows the error {value}; type a value")
        if isinstance(value, str):
            problem = unsafe_text_message(value)
            if problem is not None:
                raise self.error(place, problem)
        if kind in ("whole", "number"):
            return self.number(value, place)
        if kind == "flag":
            return self.flag(value, place)
        if kind == "date":
            return value.date() if isinstance(value, dt.datetime) else self.text(value, place)
        if kind == "lines":
            return [line for line in _BREAKS.split(self.text(value, place)) if line]
        if kind == "ids":
            text = self.text(value, place)
            return [part.strip() for part in re.split(f"[{ID_SEPARATORS}]", text) if part.strip()]
        if kind == "pairs":
            return self.pairs(self.text(value, place), place)
        if kind == "scores":
            pairs = self.pairs(self.text(value, place), place)
            return {key: self.number(text, place) for key, text in pairs.items()}
        if kind == "choice":
            text = self.text(value, place).strip()
            return text.lower() if text.lower() in column.choices else text
        return self.text(value, place)

    def text(self, value: Any, place: Cell) -> str:
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            raise self.error(place, f"expected text, got {'TRUE' if value else 'FALSE'}")
        if isinstance(value, dt.datetime):
            return (value.date() if value.time() == dt.time() else value).isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def number(self, value: Any, place: Cell) -> int | float:
        if isinstance(value, bool | dt.datetime):
            raise self.error(place, f"expected a number, got {self.text(value, place)!r}")
        if isinstance(value, int | float):
            return int(value) if isinstance(value, float) and value.is_integer() else value
        cleaned = str(value).strip().removesuffix("%").strip().replace(",", ".")
        try:
            number = float(cleaned)
        except ValueError:
            raise self.error(place, f"'{value}' is not a number") from None
        return int(number) if number.is_integer() and "." not in cleaned else number

    def flag(self, value: Any, place: Cell) -> bool:
        if isinstance(value, bool):
            return value
        word = self.text(value, place).strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise self.error(place, f"'{value}' is not TRUE or FALSE")

    def pairs(self, text: str, place: Cell) -> dict[str, str]:
        found: dict[str, str] = {}
        for line in _BREAKS.split(text):
            if not line.strip():
                continue
            key, colon, rest = line.partition(":")
            if not colon or not key.strip():
                raise self.error(place, f"'{line}' is not 'key: value' (one a line)")
            found[key.strip()] = rest.strip()
        return found


def read_workbook(
    raw: bytes, *, source: str, title: str | None = None, default_title: str = DEFAULT_TITLE
) -> JourneyMap:
    """The map in an xlsx workbook (see the module docstring); InputError names the bad cell."""
    _check_archive(raw, source)
    reader = _Reader(source)
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        sheets = {sheet.title.strip().lower(): sheet for sheet in book.worksheets}
        if "stages" not in sheets:
            raise InputError(
                f"{source}: no sheet named 'stages'; "
                "export a map with `journey export --to xlsx` to see the layout"
            )
        tables = {name: reader.table(name, sheets[name]) for name in SHEETS if name in sheets}
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise InputError(f"{source}: not a readable xlsx workbook ({type(exc).__name__})") from None
    data = _build(reader, tables, title, default_title)
    return _checked(reader, data)


def _check_archive(raw: bytes, source: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(
            f"{source}: not an xlsx workbook; save it as an Excel Workbook (.xlsx)"
        ) from None
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED or len(entries) > 10_000:
        raise InputError(
            f"{source}: unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MiB; "
            "a journey workbook is far smaller"
        )


def _build(
    reader: _Reader, tables: dict[str, list[_Row]], title: str | None, default_title: str
) -> dict[str, Any]:
    data: dict[str, Any] = {"version": 1}
    map_rows = tables.get("map", [])
    if len(map_rows) > 1:
        raise reader.error(Cell("map", map_rows[1][0]), "the map sheet has one row of values")
    for key, (value, place) in (map_rows[0][1] if map_rows else {}).items():
        part, _, sub = key.partition(".")
        if sub:
            data.setdefault(part, {})[sub] = value
            reader.place((part, sub), place)
        else:
            data[key] = value
            reader.place((key,), place)
    data["title"] = title or data.get("title") or default_title
    data["personas"] = _items(reader, tables.get("personas", []), ("personas",))
    data["stages"] = _items(reader, tables["stages"], ("stages",))
    index = _stage_index(reader, tables["stages"])
    for sheet in SHEETS:
        if sheet not in ("map", "personas", "stages"):
            _children(reader, sheet, tables.get(sheet, []), data["stages"], index)
    return data


def _stage_index(reader: _Reader, rows: list[_Row]) -> dict[str, int]:
    """Stage id -> position, for the `stage` column of the other sheets (ids must be unique)."""
    index: dict[str, int] = {}
    for position, (number, values) in enumerate(rows):
        given, place = values.get("id") or values.get("name") or ("", Cell("stages", number))
        link = str(given) if "id" in values else slugify(str(given))
        if link in index:
            raise reader.error(place, f"stage id '{link}' is already used")
        index[link] = position
    return index


def _items(reader: _Reader, rows: list[_Row], loc: Loc) -> list[dict[str, Any]]:
    items = []
    for position, (number, values) in enumerate(rows):
        _place_item(reader, (*loc, position), Cell(str(loc[-1]), number), values)
        items.append({key: value for key, (value, _) in values.items()})
    return items


def _children(
    reader: _Reader,
    sheet: str,
    rows: list[_Row],
    stages: list[dict[str, Any]],
    index: dict[str, int],
) -> None:
    for number, values in rows:
        if LINK not in values:
            raise reader.error(Cell(sheet, number, LINK), "empty; every row names its stage id")
        link, place = values.pop(LINK)
        if link not in index:
            match = closest(str(link), index)
            hint = f"did you mean '{match}'?" if match else "use an id of the stages sheet"
            raise reader.error(place, f"unknown stage '{link}'; {hint}")
        position = index[link]
        stage: dict[str, Any] = stages[position]
        loc: Loc = ("stages", position, sheet)
        if sheet == "persona_scores":
            persona, where = values.pop("persona", (None, Cell(sheet, number, "persona")))
            if persona is None:
                raise reader.error(where, "empty; name the persona id")
            scores = stage.setdefault(sheet, {})
            if persona in scores:
                raise reader.error(where, f"persona '{persona}' already has scores for this stage")
            scores[persona] = {key: value for key, (value, _) in values.items()}
            reader.place((*loc, persona), where)
            for key, (_, cell) in values.items():
                reader.place((*loc, persona, key), cell)
        elif sheet == "opportunities" and set(values) <= {"text"}:
            text, cell = values.get("text", ("", Cell(sheet, number, "text")))
            reader.place((*loc, len(stage.setdefault(sheet, []))), cell)
            stage[sheet].append(text)  # plain text, as most opportunities are written
        else:
            if sheet == "evidence" and KPI in values:
                stage, loc = _kpi_of(reader, stage, position, values.pop(KPI))
            items = stage.setdefault(str(loc[-1]), [])
            _place_item(reader, (*loc, len(items)), Cell(sheet, number), values)
            items.append({key: value for key, (value, _) in values.items()})


def _kpi_of(
    reader: _Reader, stage: dict[str, Any], position: int, named: tuple[Any, Cell]
) -> tuple[dict[str, Any], Loc]:
    """The KPI (of the row's stage) that an evidence row backs, and where its evidence goes."""
    name, cell = named
    kpis = stage.get("kpis", [])
    found = [index for index, kpi in enumerate(kpis) if kpi.get("name") == name]
    if len(found) != 1:
        known = ", ".join(sorted({str(kpi.get("name")) for kpi in kpis})) or "none"
        problem = "two KPIs of this stage have" if found else "no KPI of this stage has"
        raise reader.error(cell, f"{problem} the name '{name}' (KPIs of the stage: {known})")
    return kpis[found[0]], ("stages", position, "kpis", found[0], "evidence")


def _place_item(reader: _Reader, loc: Loc, row: Cell, values: dict[str, tuple[Any, Cell]]) -> None:
    reader.place(loc, row)
    for key, (_, cell) in values.items():
        reader.place((*loc, key), cell)


def _checked(reader: _Reader, data: dict[str, Any]) -> JourneyMap:
    """The model of `data`, or the first problem with it at its cell."""
    try:
        journey = JourneyMap.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = error_location(first)
        if first["type"] == "missing":  # the cell is empty, or its column is not there
            raise _at(reader, loc, f"{loc[-1]} is empty; every row needs one") from None
        raise _at(reader, loc, describe_error(first)) from None
    context = RuleContext(journey)
    for rule in CHECKED_RULES:
        if rule.severity != "error" or rule.check is None:
            continue
        for finding in rule.check(context):
            raise _at(
                reader,
                finding.loc,
                finding.message.render().removeprefix(f"{dotted(finding.loc)}: "),
            )
    return journey


def _at(reader: _Reader, loc: Loc, message: str) -> InputError:
    cell = reader.cell_of(loc)
    if cell is None:
        return InputError(f"{reader.source}: {message}")
    return reader.error(cell, message)
