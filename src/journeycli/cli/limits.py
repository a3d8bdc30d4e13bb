"""Turn the shared limit options into a Limits value (defaults where not given)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeycli.loader import Limits


def make_limits(
    max_file_size: int | None, max_depth: int | None, max_nodes: int | None
) -> Limits:
    from journeycli.loader import Limits

    defaults = Limits()
    return Limits(
        max_file_size=max_file_size or defaults.max_file_size,
        max_depth=max_depth or defaults.max_depth,
        max_nodes=max_nodes or defaults.max_nodes,
    )
