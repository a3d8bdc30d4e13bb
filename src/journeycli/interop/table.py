"""Maps as spreadsheet rows (CSV) and back. Pure text <-> model.

One row per touchpoint with the columns of docs/interop.md; a stage without
touchpoints is one row with the touchpoint columns empty. Journey workshops
are often filled in a spreadsheet, so the reader takes what spreadsheets
write: a UTF-8 BOM, CRLF line ends, `;` as separator (Dutch Excel; sniffed
from the header line, or an Excel `sep=;` first line), `40,5` decimals,
`WAAR`/`ONWAAR` booleans. A bad cell is an `InputError` naming the row (as a
spreadsheet numbers it: the header is row 1) and the column.

Formula injection: cells go out through `core.spreadsheet.neutralise` and
come back through `restore`, so a spreadsheet never runs map text as a
formula and a round trip keeps every value.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from journeycli.core.document import Limits
from journeycli.core.errors import InputError
from journeycli.core.hints import closest
from journeycli.core.misread import thousands
from journeycli.core.model import EXTENSION_PREFIX, JourneyMap, Kind, Language, Stage, Touchpoint
from journeycli.core.slug import is_slug, slugify, unique_slug
from journeycli.core.spreadsheet import csv_line, restore
from journeycli.interop.common import DEFAULT_TITLE, build_map, too_many

STAGE_COLUMNS = ("stage_id", "stage_name", "relevance", "presence", "conversion")
TOUCHPOINT_COLUMNS = (
    "touchpoint_id",
    "touchpoint",
    "channel",
    "kind",
    "personas",
    "critical",
    "experience",
    "owner",
)
COLUMNS = STAGE_COLUMNS + TOUCHPOINT_COLUMNS
PERSONA_SEPARATOR = ";"

_TRUE = frozenset({"true", "yes", "y", "1", "ja", "j", "waar", "x"})
_FALSE = frozenset({"false", "no", "n", "0", "nee", "onwaar", ""})
_KINDS = {"digitaal": "digital", "menselijk": "human", "fysiek": "physical"}
_DELIMITERS = (",", ";", "\t")
DUTCH_DELIMITER = ";"
BOM = "\ufeff"


def _short(value: Any, limit: int = 60) -> Any:
    """A cell as quoted in a message: a 100 kB cell is not printed whole."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[: limit - 20]}… ({len(value):,} characters)"
    return value


# --- export --------------------------------------------------------------------------------


def _number(value: int | float | None) -> str:
    if value is None:
        return ""
    return str(value) if isinstance(value, int) or not value.is_integer() else str(int(value))


def _stage_cells(stage: Stage) -> list[str]:
    return [
        stage.id,
        stage.name,
        _number(stage.relevance),
        _number(stage.presence),
        _number(stage.conversion),
    ]


def _touchpoint_cells(tp: Touchpoint) -> list[str]:
    return [
        tp.id,
        tp.name,
        tp.channel or "",
        tp.kind.value if tp.kind else "",
        PERSONA_SEPARATOR.join(tp.personas),
        "true" if tp.critical else "false",
        _number(tp.experience),
        tp.owner or "",
    ]


def to_csv(journey: JourneyMap, *, delimiter: str | None = None) -> str:
    """The map's stages and touchpoints as CSV, `\\n` line ends.

    An English map is comma-separated without a BOM (a file that diffs well);
    a Dutch map (`language: nl`) is separated by `;` and starts with a UTF-8
    BOM, which is what Dutch Excel opens by double-clicking, without the
    import wizard. `delimiter` overrides the separator, not the BOM.
    """
    dutch = journey.language is Language.NL
    delimiter = delimiter or (DUTCH_DELIMITER if dutch else ",")
    lines = [BOM if dutch else "", csv_line(COLUMNS, delimiter)]
    for stage in journey.stages:
        empty = [""] * len(TOUCHPOINT_COLUMNS)
        rows = [_touchpoint_cells(tp) for tp in stage.touchpoints] or [empty]
        lines.extend(csv_line(_stage_cells(stage) + cells, delimiter) for cells in rows)
    return "".join(lines)


# --- import --------------------------------------------------------------------------------


@dataclass
class _StageRows:
    data: dict[str, Any]
    rows: dict[str, int] = field(default_factory=dict)  # column -> row that set it
    touchpoints: list[dict[str, Any]] = field(default_factory=list)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.row = 1
        self.persona_names: dict[str, str] = {}
        # Lookups that keep an import linear in its rows (docs/security.md):
        self.stage_by_name: dict[str, str] = {}  # a stage's name -> the first stage with it
        self.next_suffix: dict[str, int] = {}  # see slug.unique_slug

    def error(self, column: str | None, message: str) -> InputError:
        where = f"row {self.row}" + (f", column {_short(column)}" if column else "")
        return InputError(f"{self.source}: {where}: {message}")

    def integer(self, column: str, text: str, low: int, high: int) -> int | None:
        """A whole number; `1.000` is refused as in a map (docs/interop.md)."""
        message = thousands(text.strip())
        if message:
            raise self.error(column, str(message))
        value = self.number(column, text, low, high)
        if value is not None and value != int(value):
            raise self.error(column, f"'{_short(text)}' is not a whole number")
        return None if value is None else int(value)

    def number(self, column: str, text: str, low: int, high: int) -> int | float | None:
        """A number as a spreadsheet writes it: a decimal comma and a % sign are accepted."""
        if not text:
            return None
        cleaned = text.removesuffix("%").strip().replace(",", ".")
        try:
            value = float(cleaned)
        except ValueError:
            raise self.error(
                column, f"'{_short(text)}' is not a number; write a number from {low} to {high}"
            ) from None
        if value != value or not low <= value <= high:
            raise self.error(column, f"{_short(text)} is out of range ({low} to {high})")
        return int(value) if value.is_integer() and "." not in cleaned else value

    def flag(self, column: str, text: str) -> bool:
        word = text.strip().lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise self.error(column, f"{_short(text)!r} is not true or false")

    def slug(self, column: str, text: str) -> str:
        if not is_slug(text):
            raise self.error(
                column,
                f"{_short(text)!r} is not a valid id (lower-case letters, digits and hyphens, "
                f"like {slugify(text) or 'first-visit'!r})",
            )
        return text


def _sniff(first_line: str) -> str:
    """The delimiter that splits the header into the most known columns."""

    def known(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(_column_name(c) in COLUMNS for c in cells), first_line.count(delimiter)

    return max(_DELIMITERS, key=known)


def _column_name(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.strip().lower())


def _header(cells: list[str], reader: _Reader) -> list[str]:
    names = [_column_name(c) for c in cells]
    for name, raw in zip(names, cells, strict=True):
        if name and name not in COLUMNS and not raw.strip().lower().startswith(EXTENSION_PREFIX):
            match = closest(name, COLUMNS)
            hint = (
                f"; did you mean '{match}'?"
                if match
                else (f"; columns of your own must start with '{EXTENSION_PREFIX}'")
            )
            raise reader.error(raw.strip(), f"unknown column{hint}")
    seen: set[str] = set()
    for name in names:
        if name in seen and name in COLUMNS:
            raise reader.error(name, "this column appears twice")
        seen.add(name)
    if "stage_name" not in seen and "stage_id" not in seen:
        raise reader.error(None, f"no stage_name or stage_id column; expected {', '.join(COLUMNS)}")
    return names


def from_csv(
    text: str,
    *,
    source: str = "<input>",
    title: str = DEFAULT_TITLE,
    limits: Limits | None = None,
) -> JourneyMap:
    """A map from CSV rows (see the module docstring for what is accepted).

    Reading stops at the row that takes the map over the stage or touchpoint
    limit (E006), before any more work is done on it.
    """
    limits = limits or Limits()
    text = text.removeprefix("\ufeff")
    # Python's csv refuses cells over 131,072 characters (a process-wide setting); a cell
    # can be as long as the file, which the size limit bounds, and map text may be long.
    if csv.field_size_limit() <= len(text):
        csv.field_size_limit(len(text) + 1)
    lines = text.splitlines()
    first = lines[0] if lines else ""
    skip_sep = re.fullmatch(r"sep=(.)", first.strip()) is not None
    try:
        delimiter = first.strip()[4] if skip_sep else _sniff(first)
    except csv.Error as exc:
        raise InputError(f"{source}: row 1: not readable as CSV: {exc}") from exc
    body = text.split("\n", 1)[1] if skip_sep and "\n" in text else ("" if skip_sep else text)
    reader = _Reader(source)
    try:
        records = list(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise InputError(f"{source}: not readable as CSV: {exc}") from exc
    if not records or not any(c.strip() for c in records[0]):
        raise InputError(f"{source}: empty; expected a header row with {', '.join(COLUMNS)}")
    reader.row = 2 if skip_sep else 1
    names = _header(records[0], reader)
    stages: dict[str, _StageRows] = {}
    touchpoint_ids: set[str] = set()
    first_row: dict[str, int] = {}
    for number, record in enumerate(records[1:], start=2):
        reader.row = number + (1 if skip_sep else 0)
        cells = [restore(c) for c in record]
        if not any(cells):
            continue
        if len(cells) > len(names) and any(cells[len(names) :]):
            raise reader.error(None, f"{len(cells)} cells, but the header has {len(names)} columns")
        unnamed = next((i for i, c in enumerate(cells[: len(names)]) if c and not names[i]), None)
        if unnamed is not None:
            raise reader.error(f"{unnamed + 1}", "a value in a column without a header")
        row = dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=False))
        _read_row(row, reader, stages, touchpoint_ids, first_row)
        over = too_many(f"{source}: row {reader.row}", len(stages), "stages", limits) or (
            too_many(f"{source}: row {reader.row}", len(first_row), "touchpoints", limits)
        )
        if over is not None:
            raise over
    if not stages:
        raise InputError(f"{source}: no rows after the header; a map needs at least one stage")
    data = {
        "version": 1,
        "title": title,
        "personas": [{"id": pid, "name": name} for pid, name in reader.persona_names.items()],
        "stages": [{**s.data, "touchpoints": s.touchpoints} for s in stages.values()],
    }
    return build_map(data, source, limits)


def _read_row(
    row: dict[str, str],
    reader: _Reader,
    stages: dict[str, _StageRows],
    touchpoint_ids: set[str],
    first_row: dict[str, int],
) -> None:
    name, given_id = row.get("stage_name", ""), row.get("stage_id", "")
    if not name and not given_id:
        raise reader.error("stage_name", "empty; every row needs its stage")
    if given_id:
        stage_id = reader.slug("stage_id", given_id)
    else:
        stage_id = reader.stage_by_name.get(name) or slugify(name)
    if not stage_id:
        raise reader.error(
            "stage_name", f"no id can be made from {_short(name)!r}; fill in stage_id"
        )
    values: dict[str, Any] = {
        "id": stage_id,
        "name": name or given_id,
        "relevance": reader.integer("relevance", row.get("relevance", ""), 0, 100),
        "presence": reader.integer("presence", row.get("presence", ""), 0, 100),
        "conversion": reader.number("conversion", row.get("conversion", ""), 0, 100),
    }
    stage = stages.setdefault(stage_id, _StageRows({"id": stage_id}))
    for column, value in values.items():
        if value is None or (column == "name" and not name):
            continue
        known = stage.data.get(column)
        if known is not None and known != value:
            where = stage.rows[column]
            column_name = "stage_name" if column == "name" else column
            raise reader.error(
                column_name,
                f"{_short(value)!r} differs from {_short(known)!r} in row {where} "
                f"for stage '{stage_id}'",
            )
        stage.data[column], stage.rows[column] = value, reader.row
    stage.data.setdefault("name", values["name"])
    reader.stage_by_name.setdefault(stage.data["name"], stage_id)
    touchpoint = _read_touchpoint(row, reader, touchpoint_ids, first_row)
    if touchpoint is not None:
        stage.touchpoints.append(touchpoint)


def _read_touchpoint(
    row: dict[str, str], reader: _Reader, taken: set[str], first_row: dict[str, int]
) -> dict[str, Any] | None:
    filled = [c for c in TOUCHPOINT_COLUMNS if row.get(c)]
    if not filled:
        return None
    name = row.get("touchpoint", "")
    if not name:
        raise reader.error("touchpoint", f"empty, but the row has touchpoint data ({filled[0]})")
    if row.get("touchpoint_id"):
        tp_id = reader.slug("touchpoint_id", row["touchpoint_id"])
        if tp_id in taken:
            raise reader.error(
                "touchpoint_id", f"'{tp_id}' is already used in row {first_row[tp_id]}"
            )
        taken.add(tp_id)
    else:
        tp_id = unique_slug(name, taken, "touchpoint", reader.next_suffix)
    first_row[tp_id] = reader.row
    kind = row.get("kind", "").lower()
    kind = _KINDS.get(kind, kind)
    if kind and kind not in {k.value for k in Kind}:
        raise reader.error(
            "kind", f"{_short(row['kind'])!r} is not one of digital, human, physical"
        )
    cells = row.get("personas", "").split(PERSONA_SEPARATOR)
    personas = [_persona(p.strip(), reader) for p in cells if p.strip()]
    touchpoint: dict[str, Any] = {"id": tp_id, "name": name}
    optional: dict[str, Callable[[str], Any]] = {
        "channel": str,
        "kind": lambda _: kind,
        "owner": str,
        "critical": lambda text: reader.flag("critical", text),
        "experience": lambda text: reader.integer("experience", text, 1, 5),
    }
    for column, convert in optional.items():
        if row.get(column):
            touchpoint[column] = convert(row[column])
    if personas:
        touchpoint["personas"] = list(dict.fromkeys(personas))
    return touchpoint


def _persona(text: str, reader: _Reader) -> str:
    """A persona id from a cell: an id as is, a name (`Priya`) as its slug (kept as its name)."""
    pid = slugify(text)
    if not pid:
        raise reader.error("personas", f"no id can be made from {_short(text)!r}")
    reader.persona_names.setdefault(pid, text)
    return pid
