"""Where each key and value of a loaded map stands (line and column), for messages.

Kept apart from the loader (`loader.py`), which fills it while building the
data; see docs/architecture.md on the single reader of YAML text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Loc = tuple[str | int, ...]


@dataclass(slots=True)
class Positions:
    """Where each key and value stands, looked up by following a location.

    Stored per container (keyed by `id()`) rather than per full path so that
    building it costs nothing per node beyond keeping the parser's own start
    marks: a list item's entry is the mark of its value, a mapping entry is
    (mark of the key, mark of the value). Marks become 1-based line and
    column only when a problem asks for a position.
    """

    root: tuple[int, int] = (1, 1)
    by_container: dict[int, Any] = field(default_factory=dict)

    def locate(self, data: Any, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of `loc` (its key when `key`), or of the nearest enclosing item."""
        line, col = self.root
        container = data
        last = len(loc) - 1
        for i, part in enumerate(loc):
            entries = self.by_container.get(id(container))
            if entries is None:
                break
            try:
                entry = entries[part]
                container = container[part]
            except (KeyError, IndexError, TypeError):
                break
            if type(entry) is tuple:
                entry = entry[0] if key and i == last else entry[1]
            line, col = entry.line + 1, entry.column + 1
        return line, col

    def item_start(self, data: Any, loc: Loc) -> tuple[int, int]:
        """The first key of the item at `loc` (where whole-item problems point)."""
        return self.locate(data, loc)
