"""Cells and rows for spreadsheets: CSV records that open safely in Excel and LibreOffice.

Formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return is run as a formula by spreadsheets. `neutralise` puts a `'`
in front of such text (and in front of text that already starts with `'`s
followed by one of those, so the rule is reversible) and `restore` removes
exactly one `'` again, so a round trip keeps every value (docs/interop.md,
docs/security.md). Every CSV journey writes (export, the report's action
list) goes through here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """Text a spreadsheet will not run as a formula (see the module docstring)."""
    return "'" + text if _FORMULA.match(text) else text


def restore(text: str) -> str:
    """The reverse of `neutralise`: one leading `'` off a cell the writer protected."""
    return text[1:] if _ESCAPED.match(text) else text


def csv_line(cells: Sequence[str], delimiter: str = ",") -> str:
    """One CSV record ending in `\\n`, every cell neutralised.

    Written with a `\\r\\n` terminator and then cut back to `\\n`: Python's csv
    quotes a cell only for characters of its terminator, so a `\\r` inside a
    name would otherwise go out unquoted and split the row when read back.
    """
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerow(
        [neutralise(cell) for cell in cells]
    )
    return out.getvalue()[:-2] + "\n"
