"""Cells and rows for spreadsheets: CSV records that open safely in Excel and LibreOffice.

Formula injection: a cell that starts with `=`, `+`, `-`, `@`, or with
white space (a tab, a carriage return, a space or a no-break space before
the `=`: spreadsheets skip it and still run the formula) is run as a formula
by spreadsheets. `neutralise` puts a `'` in front of such text, and of text
that ends in white space (which the reader would otherwise trim), and of text
that already starts with `'`s followed by any of those, so the rule is
reversible; `restore` removes exactly one `'` again and keeps the rest of
that cell as written, so a round trip keeps every value (docs/interop.md,
docs/security.md). Every CSV journey writes (export, the report's action
list) goes through here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

_FORMULA_START = frozenset("=+-@\u200b\ufeff")  # and any white space (str.isspace)


def _needs_quote(text: str) -> bool:
    """Would a spreadsheet run it, or the reader trim it? Also true after leading `'`s."""
    body = text.lstrip("'")
    starts = bool(body) and (body[0] in _FORMULA_START or body[0].isspace())
    return starts or text != text.rstrip()


def neutralise(text: str) -> str:
    """Text a spreadsheet will not run as a formula (see the module docstring)."""
    return "'" + text if _needs_quote(text) else text


def restore(cell: str) -> str:
    """The reverse of `neutralise`: one leading `'` off a cell the writer protected, the
    rest kept as written; any other cell without the white space around it."""
    text = cell.lstrip()
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return cell.strip()


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
