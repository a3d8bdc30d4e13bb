"""The five shared limit flags, handed to the core as one `Limits` value.

Every command that reads a map declares the same flags (`cli.app.MaxFileSize`,
...) and passes them here positionally; which value wins (flag, then
`[tool.journey]` / `.journey.toml`, then the defaults) is decided in one place,
`journeycli.core.settings.configured_limits`. A configuration file may only
lower a limit; the note it gets for trying to raise one is printed here.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from journeycli.core.problems import one_line

if TYPE_CHECKING:
    from journeycli.core.loader import Limits


def make_limits(
    max_file_size: int | None = None,
    max_depth: int | None = None,
    max_nodes: int | None = None,
    max_stages: int | None = None,
    max_touchpoints: int | None = None,
) -> Limits:
    from journeycli.core.settings import configured_limits

    notes: list[str] = []
    limits = configured_limits(
        max_file_size=max_file_size,
        max_depth=max_depth,
        max_nodes=max_nodes,
        max_stages=max_stages,
        max_touchpoints=max_touchpoints,
        notes=notes,
    )
    for note in notes:  # a configuration that tried to raise a limit (docs/security.md)
        sys.stderr.write(f"journey: note: {one_line(note)}\n")
    return limits
