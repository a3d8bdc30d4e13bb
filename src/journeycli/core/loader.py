"""Bytes -> plain data plus the position of every key and value.

This module (with `resolver.py` for scalars) is the only reader of YAML
text. It drives libyaml's event parser (the C one when PyYAML has it) and
builds the data in one iterative pass, so that:

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

from contextlib import suppress
from typing import Any

import yaml

from journeycli.core.document import DEFAULT_LIMITS, Document, Limits, MiB, Positions, decode
from journeycli.core.gcpause import paused_gc
from journeycli.core.hints import yaml_syntax
from journeycli.core.problems import Code, Problem, Severity
from journeycli.core.resolver import (
    STANDARD_COLLECTION_TAGS,
    STANDARD_SCALAR_TAGS,
    TAG,
    resolve_plain,
    resolve_tagged,
)

try:
    from yaml import CBaseLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _Parser  # type: ignore[assignment]


class _AbortError(Exception):
    """Stops building at the first fatal problem (syntax error, limit exceeded)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_MappingStartEvent, _MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent


class _Builder:
    """Turns the event stream into data + positions, iteratively.

    The loop is the hot path of every command (a 400-line map is some 800
    events), so the frame being filled lives in local variables, a mapping key
    is taken as its text without resolving it, and positions are the parser's
    own marks (see `Positions`).
    """

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.positions = Positions()
        self.problems: list[Problem] = []
        # anchor -> (value, nodes, bytes of text) it expands to; None while still open
        self.anchors: dict[str, tuple[Any, int | None, int]] = {}
        self.nodes = 0

    def problem(self, line: int, col: int, code: Code, message: str) -> Problem:
        return Problem(self.path, line, col, code, Severity.ERROR, message)

    def error(self, mark: Any, code: Code, message: str) -> None:
        self.problems.append(self.problem(mark.line + 1, mark.column + 1, code, message))

    def abort(self, mark: Any, code: Code, message: str) -> _AbortError:
        return _AbortError(self.problem(mark.line + 1, mark.column + 1, code, message))

    def too_many_nodes(self, mark: Any) -> _AbortError:
        return self.abort(
            mark,
            Code.E006,
            f"the document would expand to more than {self.limits.max_nodes:,} nodes "
            "(an alias bomb?); raise the limit with --max-nodes if this map is real",
        )

    def too_much_text(self, mark: Any) -> _AbortError:
        limit = self.limits.max_expanded_size
        return self.abort(
            mark,
            Code.E006,
            f"the document would expand to more than {limit:,} bytes of text "
            f"({_mib(limit)}; an alias repeating a large value?); raise the limit with "
            "--max-expanded-size if this map is real",
        )

    def too_deep(self, mark: Any) -> _AbortError:
        return self.abort(
            mark,
            Code.E006,
            f"nesting deeper than {self.limits.max_depth} levels; "
            "raise the limit with --max-depth if this map is real",
        )

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        # libyaml reports a plain scalar's style as '' and the pure parser as None.
        if tag is None or (tag == "!" and event.style):
            if not event.style and event.implicit[0]:
                return resolve_plain(event.value)
            return event.value
        if tag == "!" or tag in STANDARD_SCALAR_TAGS:
            try:
                return resolve_tagged(tag, event.value)
            except ValueError as exc:
                self.error(event.start_mark, Code.E003, str(exc))
                return None
        self.error(event.start_mark, Code.E003, _unsupported_tag(tag))
        return None

    def build(self, parser: Any) -> Any:
        """Consume one document's node events; return its root value."""
        get_event = parser.get_event
        anchors = self.anchors
        by_container = self.positions.by_container
        max_depth, max_nodes = self.limits.max_depth, self.limits.max_nodes
        max_size = self.limits.max_expanded_size
        nodes = 0
        size = 0  # bytes of text (keys and scalars) with every alias expanded
        # The open containers outside the current one:
        # (container, entries, is_list, key, key mark, anchor, nodes at start, size at start,
        # merges, mark)
        stack: list[tuple[Any, ...]] = []
        container: Any = None  # the container being filled; None at the top
        entries: Any = None
        is_list = False
        key: Any = _NO_KEY  # the pending key of a mapping, and where it stands
        key_mark: Any = None
        anchor: str | None = None  # of the current container, with its start
        start_nodes = start_size = 0
        merges: list[tuple[Any, Any]] | None = None
        start_mark: Any = None
        while True:
            event = get_event()
            cls = type(event)
            if cls is _ScalarEvent:
                nodes += 1
                if nodes > max_nodes:
                    raise self.too_many_nodes(event.start_mark)
                text = event.value
                length = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
                size += length
                if size > max_size:
                    raise self.too_much_text(event.start_mark)
                mark = event.start_mark
                if event.tag is None and event.anchor is None:
                    if key is _NO_KEY and container is not None and not is_list:
                        key, key_mark = event.value, mark
                        continue
                    if not event.style and event.implicit[0]:
                        value = resolve_plain(event.value)
                    else:
                        value = event.value
                else:
                    value = self.scalar(event)
                    if event.anchor:
                        anchors[event.anchor] = (value, 1, length)
            elif cls is _MappingStartEvent or cls is _SequenceStartEvent:
                nodes += 1
                if nodes > max_nodes:
                    raise self.too_many_nodes(event.start_mark)
                if len(stack) + (container is not None) >= max_depth:
                    raise self.too_deep(event.start_mark)
                tag = event.tag
                if tag is not None and tag not in STANDARD_COLLECTION_TAGS and tag != "!":
                    self.error(event.start_mark, Code.E003, _unsupported_tag(tag))
                if container is not None:
                    stack.append(
                        (
                            container,
                            entries,
                            is_list,
                            key,
                            key_mark,
                            anchor,
                            start_nodes,
                            start_size,
                            merges,
                            start_mark,
                        )
                    )
                is_list = cls is _SequenceStartEvent
                container = [] if is_list else {}
                entries = [] if is_list else {}
                by_container[id(container)] = entries
                key, key_mark, merges = _NO_KEY, None, None
                anchor, start_nodes, start_mark = event.anchor, nodes, event.start_mark
                start_size = size
                if anchor:
                    anchors[anchor] = (container, None, 0)
                continue
            elif cls is _MappingEndEvent or cls is _SequenceEndEvent:
                value, mark = container, start_mark
                if merges:
                    _apply_merges(value, entries, merges)
                if anchor:
                    anchors[anchor] = (value, nodes - start_nodes + 1, size - start_size)
                if not stack:
                    self.nodes = nodes
                    self.positions.root = (mark.line + 1, mark.column + 1)
                    return value
                (
                    container,
                    entries,
                    is_list,
                    key,
                    key_mark,
                    anchor,
                    start_nodes,
                    start_size,
                    merges,
                    start_mark,
                ) = stack.pop()
            elif cls is _AliasEvent:
                target = anchors.get(event.anchor)
                if target is None:
                    raise self.abort(event.start_mark, Code.E001, f"unknown alias *{event.anchor}")
                value, count, length = target
                if count is None:
                    raise self.abort(
                        event.start_mark,
                        Code.E006,
                        f"alias *{event.anchor} refers to itself (a recursive structure)",
                    )
                nodes += count
                if nodes > max_nodes:
                    raise self.too_many_nodes(event.start_mark)
                size += length
                if size > max_size:
                    raise self.too_much_text(event.start_mark)
                mark = event.start_mark
            else:  # pragma: no cover - the parser guarantees node events here
                raise self.abort(event.start_mark, Code.E001, f"unexpected {cls.__name__}")
            # Attach `value`, which starts at `mark`, to the current container.
            if container is None:
                self.nodes = nodes
                return value
            if is_list:
                container.append(value)
                entries.append(mark)
            elif key is _NO_KEY:
                key, key_mark = self.key_of(value, event), mark
            else:
                if key == "<<" and isinstance(value, dict | list):
                    merges = (merges or []) + [(value, key_mark)]
                elif key in container:
                    self.problems.append(
                        self.problem(
                            key_mark.line + 1,
                            key_mark.column + 1,
                            Code.E002,
                            f"duplicated key '{key}' (first at line {entries[key][0].line + 1})",
                        )
                    )
                    container[key] = value
                    entries[key] = (key_mark, mark)
                else:
                    container[key] = value
                    entries[key] = (key_mark, mark)
                key = _NO_KEY

    def key_of(self, value: Any, event: Any) -> Any:
        if type(event) is _ScalarEvent:
            return event.value
        if isinstance(value, str):
            return value
        self.error(event.start_mark, Code.E003, "a key must be plain text, not a list or mapping")
        return f"<complex key at line {event.start_mark.line + 1}>"


_NO_KEY = object()


def _apply_merges(target: dict[str, Any], entries: dict[str, Any], merges: list[Any]) -> None:
    """YAML merge keys (`<<: *base`): explicit keys win, earlier merges win."""
    for value, key_mark in merges:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                continue
            for k, v in source.items():
                if k not in target:
                    target[k] = v
                    entries[k] = (key_mark, key_mark)


def _mib(size: int) -> str:
    return f"{size / MiB:,.0f} MiB" if size >= MiB else f"{size / 1024:,.0f} KiB"


def _unsupported_tag(tag: str) -> str:
    shown = "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag
    return (
        f"unsupported YAML tag '{shown}': journey reads plain YAML only (tags are never executed)"
    )


def load_document(raw: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse one file's bytes; never raises for bad input, problems are returned."""
    positions = Positions()

    def fail(problem: Problem, text: str = "") -> Document:
        return Document(path, None, positions, [problem], text)

    if len(raw) > limits.max_file_size:
        return fail(
            Problem(
                path,
                1,
                1,
                Code.E006,
                Severity.ERROR,
                f"file is over the limit of {limits.max_file_size:,} bytes; "
                "raise it with --max-file-size",
            )
        )
    text, bad = decode(raw, path)
    if bad is not None or text is None:
        return fail(bad or Problem(path, 1, 1, Code.E001, Severity.ERROR, "unreadable"))
    builder = _Builder(path, limits)
    positions = builder.positions
    try:
        try:
            root = _parse_text(builder, text)
        except yaml.MarkedYAMLError as exc:
            if exc.problem != _LIBYAML_TOO_DEEP:
                raise
            builder = _Builder(path, limits)
            positions = builder.positions
            root = _past_libyaml_depth(builder, text, exc.problem_mark)
    except _AbortError as stop:
        return fail(stop.problem, text)
    except yaml.MarkedYAMLError as exc:
        line, col, reason = yaml_syntax(exc, text)
        return fail(
            Problem(path, line, col, Code.E001, Severity.ERROR, f"not valid YAML: {reason}"), text
        )
    except yaml.reader.ReaderError as exc:  # a raw control character: point at it
        before = text[: exc.position] if isinstance(exc.position, int) else ""
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else 0
        return fail(
            Problem(
                path,
                line,
                col,
                Code.E001,
                Severity.ERROR,
                f"not valid YAML: the character U+{char:04X} is not "
                "allowed in YAML (a control character); remove it",
            ),
            text,
        )
    except yaml.YAMLError as exc:
        return fail(Problem(path, 1, 1, Code.E001, Severity.ERROR, f"not valid YAML: {exc}"), text)
    if isinstance(root, Problem):
        return fail(root, text)
    return Document(path, root, positions, builder.problems, text)


def _parse_text(builder: _Builder, text: str, parser_class: Any = _Parser) -> Any:
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


def _past_libyaml_depth(builder: _Builder, text: str, mark: Any) -> Any:
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


def _parse_stream(parser: Any, builder: _Builder) -> Any:
    """Stream -> exactly one document whose top level is a mapping."""
    parser.get_event()  # StreamStartEvent
    event = parser.get_event()
    if type(event) is yaml.StreamEndEvent:
        return Problem(
            builder.path,
            1,
            1,
            Code.E001,
            Severity.ERROR,
            "the file is empty; a map needs at least version, title and stages",
        )
    root = builder.build(parser)
    parser.get_event()  # DocumentEndEvent
    event = parser.get_event()
    if type(event) is not yaml.StreamEndEvent:
        mark = event.start_mark
        return Problem(
            builder.path,
            mark.line + 1,
            mark.column + 1,
            Code.E001,
            Severity.ERROR,
            "more than one document in the file; keep one map per file",
        )
    if not isinstance(root, dict):
        kind = "empty" if root is None else f"a {_describe(root)}"
        return Problem(
            builder.path,
            1,
            1,
            Code.E001,
            Severity.ERROR,
            f"the top level must be a mapping of keys, not {kind}",
        )
    return root


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "text"
    return type(value).__name__
