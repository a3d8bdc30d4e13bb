"""The one diff-friendly YAML writer: the only place that produces YAML text.

`journey new` and `journey import` both write maps through `dump_map`, so
every file journey creates has the same layout: block style, one item a
line, keys in the order of docs/format.md (the models' field order), Unicode kept as
is, defaults left out, `x-` keys never present (the model has already dropped
them). A small emitter of our own instead of `yaml.safe_dump`, because the
scaffold needs comments at exact places and because quoting must follow what
*our* loader reads, not only what PyYAML's resolver thinks (how one value
is quoted lives in `core/yamlscalar.py`).

Tests round-trip arbitrary text through `journeycli.core.validation.load_map`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from journeycli.core.model import JourneyMap
from journeycli.core.yamlscalar import inline_scalar, scalar_lines
from journeycli.core.yamlscalar import key_text as yaml_key

Loc = tuple[str | int, ...]
"""Where a key or list item stands: `("stages", 0, "relevance")`, `("personas", 1)`."""

INDENT = 2
MAX_LINE = 100  # yamllint's default is 80; inline comments past this go above their line
MODELINE = "# yaml-language-server: $schema={ref}"
ALWAYS_WRITTEN: frozenset[Loc] = frozenset({("version",), ("title",), ("language",)})
"""Top-level keys written even at their default: a reader should see the map's language."""

_MAX_SIMPLE_KEY = 1000  # libyaml refuses implicit keys longer than 1024 characters


@dataclass(frozen=True)
class Comments:
    """Comments and empty slots to weave into the output (used by `journey new`).

    Every mapping is keyed by the location of a key or list item. Comment text
    is written after `# `; a line break in `above`/`below` text starts a new
    comment line.

    - `header`: comment lines after the modeline, before the first key.
    - `above`: full-line comments just before the key or list item.
    - `inline`: an end-of-line comment on the key's (or item's first) line.
    - `below`: comment lines right after the key's line: room for a
      commented-out example under an empty slot. The `#` stands at the key's
      indentation and the text one level in, so that deleting `# ` (an
      editor's toggle-comment) leaves the key's child content.
    - `keep`: keys written even when their value is the default: a slot the
      user fills in. None is written as an empty value (`relevance:`), an
      empty list as `[]`; both read back as the same default and pass the
      JSON Schema.
    """

    header: Sequence[str] = ()
    above: Mapping[Loc, Sequence[str]] = field(default_factory=dict)
    inline: Mapping[Loc, str] = field(default_factory=dict)
    below: Mapping[Loc, Sequence[str]] = field(default_factory=dict)
    keep: Collection[Loc] = frozenset()


def dump_map(
    journey: JourneyMap,
    *,
    comments: Comments | None = None,
    schema_ref: str | None = None,
) -> str:
    """A validated map as YAML text; starts with the schema modeline when `schema_ref` is given.

    Loading the text with `journeycli.core.validation.load_map` gives back a model
    equal to `journey`.
    """
    emitter = _Emitter(comments or Comments())
    if schema_ref is not None:
        _check_comment(schema_ref)
        emitter.lines.append(MODELINE.format(ref=schema_ref))
    for text in emitter.comments.header:
        emitter.comment_lines(text, 0)
    emitter.mapping(journey, (), 0, None)
    return emitter.text()


def dump_items(
    items: Sequence[BaseModel], *, comments: Comments | None = None, max_line: int = 0
) -> str:
    """List items (touchpoints, actions, ...) as a block sequence at indent 0.

    Used for commented-out examples in a scaffold; locations in `comments`
    start with the item index: `(0, "kind")`. `max_line` (default `MAX_LINE`)
    leaves room for the indentation and `# ` the lines will get.
    """
    emitter = _Emitter(comments or Comments(), max_line or MAX_LINE)
    emitter.sequence(list(items), (), 0)
    return emitter.text()


def scalar_text(value: str) -> str:
    """How one string is written on a line (plain, or double-quoted when it must be)."""
    return inline_scalar(value)


def fragment_lines(value: Mapping[str, Any] | Sequence[Any]) -> list[str]:
    """A plain mapping or list as block YAML lines at indent 0, laid out as `dump_map` would.

    What the in-place editor (`journeycli.core.editor`) inserts into a map,
    indented to the place it goes.
    """
    emitter = _Emitter(Comments())
    if isinstance(value, Mapping):
        emitter.mapping(value, (), 0, None)
    else:
        emitter.sequence(list(value), (), 0)
    return emitter.lines


def written_entries(
    value: BaseModel | Mapping[str, Any], loc: Loc = (), keep: Collection[Loc] = frozenset()
) -> list[tuple[str, Any]]:
    """The (key, value) pairs written for a model or mapping at `loc`, in order.

    A model's fields at their default are left out unless `keep` names them.
    """
    if isinstance(value, BaseModel):
        out = []
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            key_loc = (*loc, name)
            shown = key_loc in keep or key_loc in ALWAYS_WRITTEN
            if shown or not _is_default(item, info.default, info.default_factory):
                out.append((name, item))
        return out
    return [(str(k), v) for k, v in value.items()]


class _Emitter:
    def __init__(self, comments: Comments, max_line: int = 0) -> None:
        self.comments = comments
        self.max_line = max_line or MAX_LINE
        self.keep = frozenset(comments.keep)
        self.lines: list[str] = []

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def comment_lines(self, text: str, indent: int) -> None:
        for line in text.split("\n"):
            _check_comment(line)
            self.lines.append(" " * indent + ("# " + line if line else "#"))

    def _above(self, loc: Loc, indent: int) -> None:
        for text in self.comments.above.get(loc, ()):
            self.comment_lines(text, indent)

    def _below(self, loc: Loc, indent: int) -> None:
        # At the key's own indentation (as yamllint's comments-indentation wants),
        # the text one level in: deleting "# " gives the key's child content.
        for text in self.comments.below.get(loc, ()):
            self.comment_lines(" " * INDENT + text, indent - INDENT)

    def _line(self, text: str, loc: Loc | None) -> None:
        """One line, with its inline comment; a comment that would make the line
        longer than `MAX_LINE` goes on its own line above instead."""
        note = None if loc is None else self.comments.inline.get(loc)
        if note is not None:
            _check_comment(note)
            if len(text) + 4 + len(note) <= self.max_line:
                text = f"{text}  # {note}"
            else:
                body = text.lstrip(" ")
                indent = len(text) - len(body)
                self.lines.append(" " * indent + "# " + note)
        self.lines.append(text)

    def entries(self, value: Any, loc: Loc) -> list[tuple[str, Any]]:
        return written_entries(value, loc, self.keep)

    def mapping(self, value: Any, loc: Loc, indent: int, first: str | None) -> None:
        """Write the entries of a model or dict at `indent`.

        `first` replaces the indentation of the first entry's line (`"- "` for
        a list item, `": "` for the value of an explicit key).
        """
        pairs = self.entries(value, loc)
        if not pairs:
            prefix = first if first is not None else " " * indent
            self._line(prefix + "{}", loc)
            return
        for i, (key, item) in enumerate(pairs):
            key_loc = (*loc, key)
            if i == 0 and first is not None:
                self._above(key_loc, indent - INDENT)
                self.entry(key, item, key_loc, indent, first, loc)
            else:
                self._above(key_loc, indent)
                self.entry(key, item, key_loc, indent, " " * indent, None)

    def entry(
        self, key: str, value: Any, loc: Loc, indent: int, prefix: str, item_loc: Loc | None
    ) -> None:
        """One `key: value`; `item_loc` is the list item this entry opens, for its inline note."""
        key_text = yaml_key(key)
        note_loc = loc if loc in self.comments.inline or item_loc is None else item_loc
        child = indent + INDENT
        if len(key_text) > _MAX_SIMPLE_KEY:
            self._line(f"{prefix}? {key_text}", note_loc)
            self.value(value, loc, indent, ": ", explicit=True)
            return
        head = f"{prefix}{key_text}:"
        if value is None:
            self._line(head, note_loc)
            self._below(loc, child)
        elif isinstance(value, list | dict) and not value:
            # `[]` rather than an empty value: the JSON Schema (and so editors) only
            # accepts null where the field itself is optional.
            self._line(head + (" []" if isinstance(value, list) else " {}"), note_loc)
            self._below(loc, child)
        elif isinstance(value, list):
            self._line(head, note_loc)
            self._below(loc, child)
            self.sequence(value, loc, child)
        elif isinstance(value, BaseModel | dict):
            if not self.entries(value, loc):
                self._line(head + " {}", note_loc)
                self._below(loc, child)
                return
            self._line(head, note_loc)
            self._below(loc, child)
            self.mapping(value, loc, child, None)
        else:
            self.scalar_entry(head + " ", value, loc, child, note_loc)

    def value(self, value: Any, loc: Loc, indent: int, prefix: str, *, explicit: bool) -> None:
        """The value of an explicit (`? key`) entry, on a line starting with `: `."""
        child = indent + INDENT
        lead = " " * indent + prefix
        if isinstance(value, BaseModel | dict) and self.entries(value, loc):
            self.mapping(value, loc, child, lead)
        elif isinstance(value, list) and value:
            self.lines.append(lead.rstrip())
            self.sequence(value, loc, child)
        elif value is None or isinstance(value, list):
            self.lines.append(lead.rstrip())
        elif isinstance(value, BaseModel | dict):
            self.lines.append(lead + "{}")
        else:
            self.scalar_entry(lead, value, loc, child, None)

    def scalar_entry(
        self, head: str, value: Any, loc: Loc, child: int, note_loc: Loc | None
    ) -> None:
        text, block = scalar_lines(value)
        self._line(head + text, note_loc)
        if block is not None:
            self.lines.extend(" " * child + line if line else "" for line in block)
        self._below(loc, child)

    def sequence(self, items: list[Any], loc: Loc, indent: int) -> None:
        for i, item in enumerate(items):
            item_loc = (*loc, i)
            self._above(item_loc, indent)
            if isinstance(item, BaseModel | dict):
                self.mapping(item, item_loc, indent + INDENT, " " * indent + "- ")
            else:
                self.scalar_entry(" " * indent + "- ", item, item_loc, indent + INDENT, item_loc)


def _is_default(value: Any, default: Any, factory: Callable[..., Any] | None) -> bool:
    if factory is not None:
        return bool(value == factory())
    return bool(value == default)


def _check_comment(text: str) -> None:
    if any(ch in text for ch in "\r\n\x85\u2028\u2029"):
        raise ValueError(f"a comment must be one line: {text!r}")
