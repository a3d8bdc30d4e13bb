"""Turn the shared limit options into a Limits value.

Each limit comes from its flag when given, else from `[tool.journey]` /
`.journey.toml` (keys `max-file-size`, `max-depth`, `max-nodes`,
`max-stages`, `max-touchpoints`), else from the defaults in `Limits`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeycli.loader import Limits


def make_limits(
    max_file_size: int | None,
    max_depth: int | None,
    max_nodes: int | None,
    max_stages: int | None = None,
    max_touchpoints: int | None = None,
) -> Limits:
    from journeycli.lint.config import configured_limits

    given = {
        "max_file_size": max_file_size,
        "max_depth": max_depth,
        "max_nodes": max_nodes,
        "max_stages": max_stages,
        "max_touchpoints": max_touchpoints,
    }
    return configured_limits({name: value for name, value in given.items() if value is not None})
