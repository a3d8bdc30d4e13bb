"""The YAML event stream -> plain data plus the position of every key and value.

`TreeBuilder` is the hot loop of every command that reads a map: it fills
dicts and lists iteratively from libyaml's events, counts depth, nodes and
bytes of alias expansion against the `Limits` (E006), resolves scalars through
`resolver.py` and records positions. `loader.py` drives it; the two are split
so that the driver (decoding, the parser, error mapping) reads on one screen.
"""

from __future__ import annotations

from typing import Any

import yaml

from journeycli.core.document import Limits, MiB, Positions
from journeycli.core.messages import Message, msg
from journeycli.core.problems import Code, Problem
from journeycli.core.resolver import (
    STANDARD_COLLECTION_TAGS,
    STANDARD_SCALAR_TAGS,
    TAG,
    resolve_plain,
    resolve_tagged,
)


class BuildAbortedError(Exception):
    """Stops building at the first fatal problem (syntax error, limit exceeded)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


_ScalarEvent, _AliasEvent = yaml.ScalarEvent, yaml.AliasEvent
_MappingStartEvent, _MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent


class TreeBuilder:
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

    def problem(self, line: int, col: int, code: Code, message: Message) -> Problem:
        return Problem.of(self.path, line, col, code, message)

    def error(self, mark: Any, code: Code, message: Message) -> None:
        self.problems.append(self.problem(mark.line + 1, mark.column + 1, code, message))

    def abort(self, mark: Any, code: Code, message: Message) -> BuildAbortedError:
        return BuildAbortedError(self.problem(mark.line + 1, mark.column + 1, code, message))

    def too_many_nodes(self, mark: Any) -> BuildAbortedError:
        return self.abort(
            mark,
            Code.E006,
            msg("e006.nodes", limit=self.limits.max_nodes),
        )

    def too_much_text(self, mark: Any) -> BuildAbortedError:
        limit = self.limits.max_expanded_size
        return self.abort(mark, Code.E006, msg("e006.expanded_size", limit=limit, mib=_mib(limit)))

    def too_deep(self, mark: Any) -> BuildAbortedError:
        return self.abort(
            mark,
            Code.E006,
            msg("e006.depth", limit=str(self.limits.max_depth)),
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
            except ValueError:
                kind = tag[len(TAG) :] if tag.startswith(TAG) else tag
                self.error(
                    event.start_mark, Code.E003, msg("e003.bad_tagged", text=event.value, kind=kind)
                )
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
                    raise self.abort(
                        event.start_mark, Code.E001, msg("e001.unknown_alias", anchor=event.anchor)
                    )
                value, count, length = target
                if count is None:
                    raise self.abort(
                        event.start_mark,
                        Code.E006,
                        msg("e006.recursive_alias", anchor=event.anchor),
                    )
                nodes += count
                if nodes > max_nodes:
                    raise self.too_many_nodes(event.start_mark)
                size += length
                if size > max_size:
                    raise self.too_much_text(event.start_mark)
                mark = event.start_mark
            else:  # pragma: no cover - the parser guarantees node events here
                raise self.abort(
                    event.start_mark, Code.E001, msg("e001.unexpected", event=cls.__name__)
                )
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
                            msg(
                                "e002.duplicate_key",
                                key=str(key),
                                line=str(entries[key][0].line + 1),
                            ),
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
        self.error(event.start_mark, Code.E003, msg("e003.complex_key"))
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
    return f"{size / MiB:.0f} MiB" if size >= MiB else f"{size / 1024:.0f} KiB"


def _unsupported_tag(tag: str) -> Message:
    shown = "!!" + tag[len(TAG) :] if tag.startswith(TAG) else tag
    return msg("e003.unsupported_tag", tag=shown)
