"""Bytes -> plain data plus the position of every key and value.

This module (with `tree_builder.py`, which turns events into data, and
`resolver.py` for scalars) is the only reader of YAML text. It drives
libyaml's event parser (the C one when PyYAML has it) and builds the data in
one iterative pass, so that:

- every key and value keeps its 1-based line and column (no second parse);
- nesting depth and alias expansion are counted while building, so an alias
  bomb or a million nested brackets fail fast with E006 instead of eating
  memory or overflowing the C stack (libyaml's recursive composer segfaults
  past ~50,000 levels). Expansion is counted twice: in nodes and in bytes of
  text, because one alias of a 1 MB scalar repeated a thousand times is few
  nodes but a gigabyte in every report that prints it;
- YAML 1.1 traps (`no`, `012`, `1:30`) become markers from `journeycli.core.scalars`
  rather than silent booleans and numbers, and no tag ever constructs a
  Python object: only plain YAML types exist here.

Its values (`Document`, `Positions`, `Limits`) and `decode` live in
`core/document.py`.
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from typing import Any

import yaml

from journeycli.core.document import DEFAULT_LIMITS, Document, Limits, Positions, decode
from journeycli.core.gcpause import paused_gc
from journeycli.core.hints import yaml_syntax
from journeycli.core.messages import Message, msg
from journeycli.core.problems import Code, Problem
from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber
from journeycli.core.tree_builder import BuildAbortedError, TreeBuilder

try:
    from yaml import CBaseLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _Parser  # type: ignore[assignment]


def load_document(raw: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse one file's bytes; never raises for bad input, problems are returned."""
    positions = Positions()

    def fail(problem: Problem, text: str = "") -> Document:
        return Document(path, None, positions, [problem], text)

    if len(raw) > limits.max_file_size:
        return fail(
            Problem.of(
                path,
                1,
                1,
                Code.E006,
                msg("e006.file_size", limit=limits.max_file_size),
            )
        )
    text, bad = decode(raw, path)
    if bad is not None or text is None:
        return fail(bad or Problem.of(path, 1, 1, Code.E001, msg("e001.unreadable")))
    builder = TreeBuilder(path, limits)
    positions = builder.positions
    try:
        try:
            root = _parse_text(builder, text)
        except yaml.MarkedYAMLError as exc:
            if exc.problem != _LIBYAML_TOO_DEEP:
                raise
            builder = TreeBuilder(path, limits)
            positions = builder.positions
            root = _past_libyaml_depth(builder, text, exc.problem_mark)
    except BuildAbortedError as stop:
        return fail(stop.problem, text)
    except yaml.MarkedYAMLError as exc:
        line, col, message = yaml_syntax(exc, text)
        return fail(Problem.of(path, line, col, Code.E001, message), text)
    except yaml.reader.ReaderError as exc:  # a raw control character: point at it
        before = text[: exc.position] if isinstance(exc.position, int) else ""
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else 0
        return fail(
            Problem.of(
                path, line, col, Code.E001, msg("e001.control_character", char=f"U+{char:04X}")
            ),
            text,
        )
    except yaml.YAMLError as exc:
        return fail(Problem.of(path, 1, 1, Code.E001, msg("e001.yaml", reason=str(exc))), text)
    if isinstance(root, Problem):
        return fail(root, text)
    return Document(path, root, positions, builder.problems, text)


def _parse_text(builder: TreeBuilder, text: str, parser_class: Any = _Parser) -> Any:
    """One parse of `text` into `builder`; the parser's C memory is freed whatever happens."""
    parser = parser_class(text)
    try:
        with paused_gc():
            return _parse_stream(parser, builder)
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()


# libyaml 0.2.6 (in PyYAML 6.0.3 and later) refuses flow or block nesting past a limit of
# its own, 1,000 levels by default, with this message (older ones have no such limit).
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


def _libyaml_max_depth() -> int:
    """libyaml's limit as PyYAML reports it (a private getter, so 1,000 when it is absent)."""
    getter = getattr(getattr(yaml, "_yaml", None), "_get_max_nest_level", None)
    return int(getter()) if callable(getter) else 1000


def _past_libyaml_depth(builder: TreeBuilder, text: str, mark: Any) -> Any:
    """Make libyaml's nesting limit behave as journey's `--max-depth` (docs/security.md).

    libyaml reads up to 1,024 characters ahead, so on `[[[[...` it stops at its own
    limit before journey has seen level `max-depth` + 1. Before the place it stopped,
    the text is nested deeper than journey's limit (every libyaml level is a list or
    mapping), so parsing that part again lets journey's own check fire at the same
    line and column as with a libyaml that has no limit. When `--max-depth` is at or
    above libyaml's limit, PyYAML's pure-Python parser (no limit, slower) reads the
    whole text, so the flag still means what it says.
    """
    if builder.limits.max_depth >= _libyaml_max_depth():
        return _parse_text(builder, text, yaml.BaseLoader)
    with suppress(yaml.YAMLError):  # the cut ends inside a list or mapping
        _parse_text(builder, text[: mark.index])
    raise builder.too_deep(mark)


def _parse_stream(parser: Any, builder: TreeBuilder) -> Any:
    """Stream -> exactly one document whose top level is a mapping."""
    parser.get_event()  # StreamStartEvent
    event = parser.get_event()
    if type(event) is yaml.StreamEndEvent:
        return Problem.of(builder.path, 1, 1, Code.E001, msg("e001.empty"))
    root = builder.build(parser)
    parser.get_event()  # DocumentEndEvent
    event = parser.get_event()
    if type(event) is not yaml.StreamEndEvent:
        mark = event.start_mark
        return Problem.of(
            builder.path, mark.line + 1, mark.column + 1, Code.E001, msg("e001.documents")
        )
    if not isinstance(root, dict):
        return Problem.of(builder.path, 1, 1, Code.E001, _not_a_mapping(root))
    return root


def _not_a_mapping(value: Any) -> Message:
    """What the top level is instead of a mapping, in words a map's author uses."""
    if value is None:
        return msg("e001.top_level_empty")
    if isinstance(value, list):
        kind = "list"
    elif isinstance(value, str):
        kind = "text"
    elif isinstance(value, bool | AmbiguousBool):
        kind = "yes_no"
    elif isinstance(value, int | float | AmbiguousNumber):
        kind = "number"
    elif isinstance(value, dt.date):
        kind = "date"
    else:
        kind = "value"
    return msg("e001.top_level", kind=msg(f"e001.top_level.{kind}"))
