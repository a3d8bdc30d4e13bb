"""The six shared limit flags, handed to the core as one `Limits` value.

Every command that reads a map declares the same flags (`cli.app.MaxFileSize`,
...) and passes them here positionally; which value wins (flag, then
`[tool.journey]` / `.journey.toml`, then the defaults) is decided in one place,
`journeycli.lint.config.configured_limits`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeycli.loader import Limits


def make_limits(
    max_file_size: int | None = None,
    max_depth: int | None = None,
    max_nodes: int | None = None,
    max_stages: int | None = None,
    max_touchpoints: int | None = None,
    max_expanded_size: int | None = None,
) -> Limits:
    from journeycli.lint.config import configured_limits

    return configured_limits(
        max_file_size=max_file_size,
        max_depth=max_depth,
        max_nodes=max_nodes,
        max_stages=max_stages,
        max_touchpoints=max_touchpoints,
        max_expanded_size=max_expanded_size,
    )
