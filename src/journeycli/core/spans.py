"""Where every node of a map's YAML text starts and ends, for editing it in place.

Part of the loader (the only reader of YAML text), kept apart because only
the in-place editor (`journeycli.core.editor`, used by `journey fix` and
`journey measure`) needs it: the loader keeps one start mark per value,
which is all a lint message needs and keeps `journey lint` fast; an edit
also needs where a value *ends*, how it is quoted, and how its mapping or
list is laid out (block or flow, at which column). See docs/fix.md.

Offsets are character offsets into the text the loader parses (decoded,
without a BOM), as libyaml's marks give them; lines and columns are 1-based
like every position journey prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from journeycli.core.document import Loc

try:
    from yaml import CBaseLoader as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _Parser  # type: ignore[assignment]

SCALAR, MAPPING, SEQUENCE, ALIAS = "scalar", "mapping", "sequence", "alias"


@dataclass(slots=True)
class Span:
    """One node as written: `text[start:end]` is exactly its source.

    `style` is a scalar's quoting (`""` plain, `'`, `"`, `|`, `>`); `flow`
    says whether a mapping or list is written `{...}`/`[...]`. `decorated`
    is true when the node carries an anchor or a tag (`&base`, `!!str`), and
    `shared` when it or a container around it has an anchor: changing such a
    node would change every alias of it too, so the editor leaves it alone.
    For a block collection `end` is the end of its last entry (comments and
    blank lines after it are not part of it).
    """

    kind: str
    start: int
    end: int
    line: int
    column: int
    style: str = ""
    flow: bool = False
    decorated: bool = False
    shared: bool = False
    value: str = ""
    children: list[Loc] = field(default_factory=list)


@dataclass(slots=True)
class Spans:
    """The spans of one document: nodes by location, and the keys of mapping entries."""

    nodes: dict[Loc, Span] = field(default_factory=dict)
    keys: dict[Loc, Span] = field(default_factory=dict)

    def get(self, loc: Loc) -> Span | None:
        return self.nodes.get(tuple(loc))


class SpanError(ValueError):
    """The text is not one YAML document that can be edited (the loader says why in detail)."""


@dataclass(slots=True)
class _Open:
    loc: Loc
    span: Span
    is_list: bool
    pending_key: str | None = None
    key_span: Span | None = None
    index: int = 0
    record: bool = True  # False inside a key that is itself a mapping or list


def scan(text: str) -> Spans:
    """The spans of every node in `text` (one document; raises SpanError otherwise)."""
    spans = Spans()
    parser = _Parser(text)
    stack: list[_Open] = []
    try:
        while True:
            event: Any = parser.get_event()
            kind = type(event)
            if kind in (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.DocumentEndEvent):
                continue
            if kind is yaml.StreamEndEvent:
                break
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                done = stack.pop()
                if done.span.flow:
                    done.span.end = event.end_mark.index
                elif done.span.children:
                    done.span.end = spans.nodes[done.span.children[-1]].end
                continue
            node = _node(event, stack)
            parent = stack[-1] if stack else None
            opens = kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent)
            if parent is not None and not parent.record:
                if opens:  # inside a complex key: nothing there can be edited
                    stack.append(_Open((), node, kind is yaml.SequenceStartEvent, record=False))
                continue
            if parent is not None and not parent.is_list and parent.pending_key is None:
                # a mapping key: remember it until its value arrives
                parent.pending_key = str(event.value) if kind is yaml.ScalarEvent else "?"
                parent.key_span = node
                if opens:
                    stack.append(_Open((), node, kind is yaml.SequenceStartEvent, record=False))
                continue
            loc = _attach(parent, node, spans)
            if opens:
                stack.append(_Open(loc, node, kind is yaml.SequenceStartEvent))
    except yaml.YAMLError as exc:
        raise SpanError(str(exc)) from exc
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose:
            dispose()
    return spans


def _node(event: Any, stack: list[_Open]) -> Span:
    kind = type(event)
    start, end = event.start_mark, event.end_mark
    shared = any(o.span.shared for o in stack[-1:]) or bool(getattr(event, "anchor", None))
    decorated = bool(getattr(event, "anchor", None)) or _has_tag(event)
    if kind is yaml.ScalarEvent:
        return Span(
            SCALAR,
            start.index,
            end.index,
            start.line + 1,
            start.column + 1,
            style=event.style or "",
            decorated=decorated,
            shared=shared,
            value=event.value,
        )
    if kind is yaml.AliasEvent:
        return Span(ALIAS, start.index, end.index, start.line + 1, start.column + 1, shared=True)
    is_list = kind is yaml.SequenceStartEvent
    return Span(
        SEQUENCE if is_list else MAPPING,
        start.index,
        end.index,
        start.line + 1,
        start.column + 1,
        flow=bool(event.flow_style),
        decorated=decorated,
        shared=shared,
    )


def _has_tag(event: Any) -> bool:
    tag = getattr(event, "tag", None)
    if tag is None:
        return False
    # libyaml gives a quoted scalar the non-specific tag "!" without any tag written
    return not (tag == "!" and getattr(event, "style", None))


def _attach(parent: _Open | None, node: Span, spans: Spans) -> Loc:
    """Record `node` under its location in `parent` (the root when there is none)."""
    if parent is None:
        loc: Loc = ()
    elif parent.is_list:
        loc = (*parent.loc, parent.index)
        parent.index += 1
    else:
        key = parent.pending_key or "?"
        loc = (*parent.loc, key)
        if parent.key_span is not None:
            spans.keys[loc] = parent.key_span
        parent.pending_key, parent.key_span = None, None
        if loc in spans.nodes:  # a duplicated key: the loader keeps the later value
            parent.span.children.remove(loc)
            _forget(spans, loc)
    if parent is not None:
        parent.span.children.append(loc)
    spans.nodes[loc] = node
    return loc


def _forget(spans: Spans, loc: Loc) -> None:
    size = len(loc)
    for table in (spans.nodes, spans.keys):
        for known in [k for k in table if k[:size] == loc and len(k) > size]:
            del table[known]
