"""Semantic differences between two versions of a journey map (SPEC §4 `journey diff`).

`compare.diff_maps` is pure (model x model -> Changes); `sources` reads the
two sides from files, standard input or git; `gate` turns changes into the
`--fail-on` regressions a CI job can fail on.
"""

from __future__ import annotations

from journeycli.diff.changes import Changes
from journeycli.diff.compare import diff_maps
from journeycli.diff.gate import CONDITIONS, Regression, parse_conditions, regressions, triggered

__all__ = [
    "CONDITIONS",
    "Changes",
    "Regression",
    "diff_maps",
    "parse_conditions",
    "regressions",
    "triggered",
]
