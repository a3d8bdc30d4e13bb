"""Numbers as SVG coordinates, shared by the report's charts and the history chart.

One format for every coordinate keeps the HTML output byte-stable
(docs/html-report.md).
"""

from __future__ import annotations


def fmt(value: float) -> str:
    """A coordinate with at most one decimal and no trailing zero: `12.5`, `40`, never `-0`."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
