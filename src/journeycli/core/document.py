"""What the loader produces: a document's data, where each value stands, and the limits.

`Document` is one loaded file; `Positions` turns a location in its data into
a 1-based line and column for a problem; `Limits` bounds the work a file may
cause (E006, docs/security.md). Plain values with no YAML in them, so every
layer can hold one without importing the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from journeycli.core.problems import Code, Problem, Severity

MiB = 1024 * 1024
Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits (E006, docs/security.md); generous enough for any real map."""

    max_file_size: int = 4 * MiB
    max_depth: int = 100
    max_nodes: int = 1_000_000
    # The text (UTF-8 bytes of every key and scalar) with aliases expanded: what every
    # output that prints the map's text would hold (docs/security.md, alias amplification).
    max_expanded_size: int = 50 * MiB
    # Checked after loading (journeycli.core.guards): they bound the work after the parse.
    max_stages: int = 1_000
    max_touchpoints: int = 10_000


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


@dataclass(slots=True)
class Document:
    """One loaded file: its data (None when unreadable) and what went wrong."""

    path: str
    data: dict[str, Any] | None
    positions: Positions
    problems: list[Problem]
    text: str = ""


DEFAULT_LIMITS = Limits()


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    """UTF-8 only (a BOM is allowed); a bad byte is E001 at its line and column."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, Problem(
            path,
            line,
            col,
            Code.E001,
            Severity.ERROR,
            f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
        )
    return text.removeprefix("\ufeff"), None
