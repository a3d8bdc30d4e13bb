"""The formats of `journey export` and `journey import`, listed once (docs/interop.md).

The converters themselves are `interop.mermaid`, `interop.table` (CSV),
`interop.jsonio` and `interop.workbook` (xlsx, a binary format); these
registries name them, the file extensions that imply them, and give the CLI
its `--to` / `--from` choices.
"""

from __future__ import annotations

from journeycli.core.formats import Format, FormatRegistry

_MERMAID = (".mmd", ".mermaid", ".md", ".markdown")
_HERE = "journeycli.interop"
_CSV = (".csv", ".tsv")

EXPORT_FORMATS = FormatRegistry(
    "export",
    [
        Format(
            "mermaid",
            _MERMAID,
            "a Mermaid journey diagram",
            f"{_HERE}.mermaid:to_mermaid",
        ),
        Format("csv", _CSV, "one row per touchpoint", f"{_HERE}.table:to_csv"),
        Format("json", (".json",), "the map as JSON", f"{_HERE}.jsonio:to_json"),
        Format(
            "xlsx",
            (".xlsx",),
            "an Excel workbook, a sheet per kind of item",
            f"{_HERE}.workbook:to_xlsx",
            binary=True,
        ),
    ],
    option="--to",
)

IMPORT_FORMATS = FormatRegistry(
    "import",
    [
        Format(
            "mermaid",
            _MERMAID,
            "a Mermaid journey diagram",
            f"{_HERE}.mermaid:from_mermaid",
        ),
        Format("csv", _CSV, "one row per touchpoint", f"{_HERE}.table:from_csv"),
        Format(
            "xlsx",
            (".xlsx",),
            "an Excel workbook as `journey export` writes it",
            f"{_HERE}.workbook:from_xlsx",
            binary=True,
        ),
    ],
    option="--from",
)
