"""Checks on loaded data that protect everything downstream of the loader.

Maps come from pull requests written by anyone, so two things are refused
before a map reaches a renderer, an exporter or a terminal:

- **size** (E006): more stages or touchpoints than `Limits` allows. The byte,
  depth and node limits of the loader bound the parse; these bound the work
  after it (scoring, charts, a table row per touchpoint), and the error names
  the flag that raises them.
- **invisible characters** (E003): C0 and C1 control characters (tab, line
  feed and carriage return excepted) and the Unicode bidirectional embedding,
  override and isolate controls. No one types them; they arrive through YAML
  escapes (`"\\e[2J"`, `"\\u202e"`) to rewrite a terminal when a report is
  printed, or to make a name read differently in review than it is stored
  ("Trojan Source", CVE-2021-42574). rustc refuses the same bidi characters in
  string literals by default; so do we. Marks such as U+200E/U+200F (LRM, RLM)
  are harmless and allowed, as is every printable script.

Both run on the plain data before the model is built: cheap, and a map that
is far too big is refused before Pydantic walks it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from journeycli.core.problems import Code, Problem, Severity, dotted

if TYPE_CHECKING:
    from journeycli.core.document import Document, Limits, Loc

_BIDI = "\u202a-\u202e\u2066-\u2069"
UNSAFE_CHARACTER = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
# The only ways such a character gets into loaded data: an escape in a quoted
# scalar (a backslash), a raw bidi control or a raw NEL (YAML allows both).
_MAYBE_UNSAFE = re.compile(f"[\\\\\x85{_BIDI}]")


def describe_character(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`."""
    name = unicodedata.name(char, "")  # C0 and C1 controls have none
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def unsafe_text_message(text: str) -> str | None:
    """Why `text` must not be accepted, or None when it is fine."""
    found = UNSAFE_CHARACTER.search(text)
    if found is None:
        return None
    char = found.group(0)
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        why = "a bidirectional control that makes text display in another order than it is stored"
    else:
        why = "a control character that can rewrite a terminal or break an output format"
    return f"contains {describe_character(char)}, {why}; remove it"


def _strings(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, bool]]:
    """Every string in the data with its location; the bool says it is a key."""
    stack: list[tuple[Any, Loc]] = [(value, loc)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            yield where, item, False
        elif isinstance(item, dict):
            for key, child in item.items():
                if isinstance(key, str):
                    yield (*where, key), key, True
                stack.append((child, (*where, key)))
        elif isinstance(item, list):
            stack.extend((child, (*where, i)) for i, child in enumerate(item))


def unsafe_text_problems(document: Document) -> list[Problem]:
    """E003 for each string (value or key) holding an invisible control character."""
    if document.data is None or not _MAYBE_UNSAFE.search(document.text):
        return []

    problems = []
    for loc, text, is_key in _strings(document.data, ()):
        message = unsafe_text_message(text)
        if message is None:
            continue
        line, col = document.positions.locate(document.data, loc, key=is_key)
        what = "key" if is_key else "text"
        problems.append(
            Problem(
                document.path,
                line,
                col,
                Code.E003,
                Severity.ERROR,
                f"{dotted(loc)}: {what} {message}",
            )
        )
    return problems


def size_problems(document: Document, limits: Limits) -> list[Problem]:
    """E006 when the map has more stages or touchpoints than the limits allow."""
    data = document.data
    stages = data.get("stages") if isinstance(data, dict) else None
    if not isinstance(stages, list):
        return []

    def at(loc: Loc, message: str) -> Problem:
        line, col = document.positions.locate(data, loc)
        return Problem(document.path, line, col, Code.E006, Severity.ERROR, message)

    if len(stages) > limits.max_stages:
        return [
            at(
                ("stages", limits.max_stages),
                f"more than {limits.max_stages:,} stages ({len(stages):,}); raise the "
                "limit with --max-stages or max-stages in [tool.journey] if this map is real",
            )
        ]
    count = 0
    for index, stage in enumerate(stages):
        touchpoints = stage.get("touchpoints") if isinstance(stage, dict) else None
        if not isinstance(touchpoints, list):
            continue
        count += len(touchpoints)
        if count > limits.max_touchpoints:
            first_over = len(touchpoints) - (count - limits.max_touchpoints)
            return [
                at(
                    ("stages", index, "touchpoints", first_over),
                    f"more than {limits.max_touchpoints:,} touchpoints; raise the limit with "
                    "--max-touchpoints or max-touchpoints in [tool.journey] if this map is real",
                )
            ]
    return []
