"""Rows of a CSV or XLSX data file, numbered as a spreadsheet numbers them (docs/measure.md).

The header is row 1, so the first answer is row 2: the number a person sees
in Excel or LibreOffice when they open the file to correct it. Column names
are matched without regard to case or surrounding spaces; rows with every
cell empty (the tail of many spreadsheet exports) are skipped.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from journeycli.core.enums import Language
from journeycli.core.errors import InputError, UsageError
from journeycli.core.messages import Message, msg, text

XLSX_MAGIC = b"PK\x03\x04"
MAX_BYTES = 64 * 1024 * 1024
"""Largest data file, and largest unpacked workbook (docs/security.md): a survey export of a
million answers is well under it; a file that is not research data is refused before parsing.
"""
MAX_ROWS = 1_000_000


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its spreadsheet row number and its cells by (lower-case) column name."""

    number: int
    cells: dict[str, str]


@dataclass(frozen=True, slots=True)
class Table:
    """The data file's name as the user wrote it, its column names and its non-empty rows.

    `lang` is the language of the map being measured: its errors are written in it.
    """

    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    lang: Language = Language.EN

    def require(self, *names: str) -> None:
        """Every named column is there."""
        missing = [n for n in names if n not in self.columns]
        if missing:
            self.refuse(", ".join(f"'{n}'" for n in missing))

    def require_one(self, first: str, second: str) -> None:
        """At least one of two columns is there ("'relevance' or 'presence'")."""
        if first not in self.columns and second not in self.columns:
            self.refuse(msg("measure.or", a=f"'{first}'", b=f"'{second}'"))

    def refuse(self, missing: str | Message) -> None:
        found = ", ".join(c for c in self.columns if c) or msg("measure.no_columns")
        raise self.error(msg("measure.no_column", table=self.name, missing=missing, found=found))

    def error(self, message: Message) -> InputError:
        """The error `message`, in the language of the map."""
        return InputError(message.render(self.lang))


def read_table(path: str, lang: Language = Language.EN) -> Table:
    """The rows of a `.csv` or `.xlsx` file (the content decides, not only the extension).

    Its errors are in `lang`, the map's language; a missing or unreadable file is a
    usage error, in English as every usage error (docs/lint.md, "Messages in Dutch").
    """
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise InputError(text("measure.too_large", lang, table=path, mib=MAX_BYTES // 2**20))
    read = _xlsx_grid if raw.startswith(XLSX_MAGIC) else _csv_grid
    grid = read(raw, path, lang)
    if len(grid) > MAX_ROWS + 1:
        raise InputError(text("measure.too_many_rows", lang, table=path, rows=MAX_ROWS))
    if not grid:
        raise InputError(text("measure.empty_file", lang, table=path))
    columns = tuple(cell.strip().lower() for cell in grid[0])
    rows = []
    for number, values in enumerate(grid[1:], start=2):
        if not any(value.strip() for value in values):
            continue
        cells = dict.fromkeys(columns, "")
        for name, value in zip(columns, values, strict=False):
            if name:
                cells[name] = value.strip()
        rows.append(Row(number, cells))
    return Table(path, columns, tuple(rows), lang)


def _csv_grid(raw: bytes, path: str, lang: Language) -> list[list[str]]:
    """CSV as Excel writes it: a UTF-8 BOM allowed, `,` or `;` (Dutch Excel) or a tab."""
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(text("measure.not_utf8", lang, table=path)) from None
    first = decoded.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows = csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)
    return [list(row) for row in rows]


def _xlsx_grid(raw: bytes, path: str, lang: Language) -> list[list[str]]:
    """The first sheet of a workbook, every cell as the text it shows (numbers without `.0`)."""
    from openpyxl import load_workbook

    try:  # a small archive can unpack to gigabytes: check before openpyxl opens it
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            entries = archive.infolist()
        if sum(e.file_size for e in entries) > MAX_BYTES or len(entries) > 10_000:
            raise InputError(text("measure.xlsx_size", lang, table=path, mib=MAX_BYTES // 2**20))
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except InputError:
        raise
    except Exception:  # zipfile and openpyxl raise many kinds for a damaged file
        raise InputError(text("measure.xlsx_bad", lang, table=path)) from None
    try:
        sheet = book.worksheets[0]
        grid: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True):
            if len(grid) > MAX_ROWS:
                break
            grid.append([_cell_text(value) for value in row])
        return grid
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
