"""Edit a map's values in place: only the bytes of the edited values change.

`journey fix` (and `journey measure`) change a few values of a file that
people wrote by hand, with comments, blank lines, their own key order and
quoting. Loading and re-writing the whole map would lose all of that, so the
editor works on the text: the loader's spans (`journeycli.core.spans`) say
where each value starts and ends, and every change is a replacement of one
such range, or an insertion after the last entry of a mapping or list at the
indentation the file already uses. Everything else stays byte for byte,
including a UTF-8 BOM and CRLF line ends. New text comes from the writer
and its quoting rules (`journeycli.core.writer`, `journeycli.core.yamlscalar`),
so an inserted value reads back as the value given. See docs/fix.md.

    editor = Editor.from_bytes(raw)
    editor.replace(("stages", 0, "actions", 1, "horizon"), "now")   # as written
    editor.set_scalar(("stages", 0, "relevance"), 55)             # replace or insert
    editor.append_item(("stages", 0, "evidence"), {"type": "survey", "source": "NPS"})
    new_raw = editor.to_bytes()
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from journeycli.core.document import Loc
from journeycli.core.problems import dotted
from journeycli.core.spans import ALIAS, MAPPING, SCALAR, SEQUENCE, Span, SpanError, scan
from journeycli.core.writer import fragment_lines
from journeycli.core.yamlscalar import flow_text, key_text, value_text

BOM = "\ufeff"
_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
INDENT = 2


class EditError(ValueError):
    """A change the editor cannot make in place; the message says why, in the user's terms."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` (character offsets; equal for an insertion) with `new`."""

    start: int
    end: int
    new: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with every edit made; edits must not overlap (insertions at one place keep order)."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out, pos = [], 0
    for edit in ordered:
        if edit.start < pos or not 0 <= edit.start <= edit.end <= len(text):
            raise EditError(f"two changes overlap at character {edit.start}")
        out.append(text[pos : edit.start])
        out.append(edit.new)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


class Editor:
    """The planned edits of one file's text; nothing changes until `text()`/`to_bytes()`.

    Every method plans against the text as it was read, so locations stay
    valid however many edits are planned; planning two edits of the same
    value is an error rather than a surprise.
    """

    def __init__(self, text: str, *, bom: bool = False) -> None:
        self.original = text
        self.bom = bom
        try:
            self.spans = scan(text)
        except SpanError as exc:
            raise EditError(f"not valid YAML ({exc}); run journey lint") from None
        found = _BREAK.search(text)
        self.newline = found.group() if found else "\n"
        self.edits: list[Edit] = []

    @classmethod
    def from_bytes(cls, raw: bytes) -> Editor:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise EditError("not UTF-8; run journey lint") from None
        return cls(text.removeprefix(BOM), bom=text.startswith(BOM))

    # --- reading ------------------------------------------------------------------------------

    def node(self, loc: Loc) -> Span:
        span = self.spans.get(loc)
        if span is None:
            raise EditError(f"{dotted(loc)} is not written in this file")
        return span

    def source(self, loc: Loc) -> str:
        """The value at `loc` exactly as written (quotes included)."""
        span = self.node(loc)
        return self.original[span.start : span.end]

    def text(self) -> str:
        return apply_edits(self.original, self.edits)

    def to_bytes(self) -> bytes:
        return ((BOM if self.bom else "") + self.text()).encode("utf-8")

    # --- changing values ----------------------------------------------------------------------

    def replace(self, loc: Loc, new: str) -> None:
        """Replace the scalar at `loc` with `new`, YAML text as it should be written."""
        span = self._editable(loc)
        if span.kind != SCALAR:
            raise EditError(f"{dotted(loc)} is a {span.kind}, not a single value")
        if span.style in ("|", ">"):
            raise EditError(f"{dotted(loc)} is a block of text ({span.style}); edit it by hand")
        if span.start == span.end and not self.original[span.start - 1 : span.start].isspace():
            new = " " + new  # `key:` with nothing after the colon
        self._plan(Edit(span.start, span.end, new))

    def set_scalar(self, loc: Loc, value: Any) -> None:
        """Give `loc` the value `value`: replace it when written, else insert it (and its parents).

        The missing part of `loc` must be mapping keys: `("stages", 0,
        "persona_scores", "starter", "relevance")` adds `persona_scores:` to
        the stage when the stage has none.
        """
        if self.spans.get(loc) is not None:
            span = self.node(loc)
            if span.kind == SCALAR:
                self.replace(loc, value_text(value))
                return
            raise EditError(f"{dotted(loc)} is a {span.kind}, not a single value")
        depth = len(loc) - 1
        while depth > 0 and self.spans.get(loc[:depth]) is None:
            depth -= 1
        rest = loc[depth:]
        if any(isinstance(part, int) for part in rest):
            raise EditError(f"{dotted(loc)} is not written in this file")
        nested: Any = value
        for key in reversed(rest[1:]):
            nested = {key: nested}
        self.insert_key(loc[:depth], str(rest[0]), nested)

    def insert_key(self, loc: Loc, key: str, value: Any) -> None:
        """Add `key: value` as the mapping's last entry at `loc` (block style where possible)."""
        span = self._editable(loc)
        if self._room_for_block(loc):
            self._open_block(loc, span, fragment_lines({key: value}))
        elif span.kind == MAPPING:
            if (*loc, key) in self.spans.nodes:
                raise EditError(f"{dotted((*loc, key))} is already there")
            if span.flow:
                self._flow_insert(loc, span, f"{key_text(key)}: {flow_text(value)}")
            else:
                self._block_insert(span, span.column - 1, fragment_lines({key: value}))
        else:
            raise EditError(f"{dotted(loc)} is a {span.kind}, not a mapping")

    def append_item(self, loc: Loc, value: Any) -> None:
        """Add `value` as the last item of the list at `loc` (block style where possible)."""
        span = self._editable(loc)
        if self._room_for_block(loc):
            self._open_block(loc, span, fragment_lines([value]))
        elif span.kind == SEQUENCE:
            if span.flow:
                self._flow_insert(loc, span, flow_text(value))
            else:
                self._block_insert(span, span.column - 1, fragment_lines([value]))
        else:
            raise EditError(f"{dotted(loc)} is a {span.kind}, not a list")

    def merge(self, loc: Loc, values: dict[str, Any]) -> None:
        """Give the mapping at `loc` every key of `values`, nested mappings merged key by key.

        A key that is written gets its new value in place (`set_scalar`, or a
        deeper merge for a mapping); a missing key is added as the mapping's
        last entry, and a missing mapping at `loc` is added with all of
        `values` under it, so `merge(("stages", 0, "persona_scores"),
        {"starter": {"relevance": 80, "presence": 20}})` makes one block even
        when the stage has no `persona_scores` yet.
        """
        if loc and self.spans.get(loc) is None:
            self.merge(loc[:-1], {str(loc[-1]): values})
            return
        for key, value in values.items():
            here = (*loc, key)
            if isinstance(value, dict) and self.spans.get(here) is not None:
                if self._room_for_block(here):  # `key:`, `key: ~` or `key: {}`
                    self._open_block(here, self._editable(here), fragment_lines(value))
                    continue
                if self.node(here).kind == MAPPING:
                    self.merge(here, value)
                    continue
            if self.spans.get(here) is None:
                self.insert_key(loc, key, value)
            else:
                self.set_scalar(here, value)

    # --- helpers ------------------------------------------------------------------------------

    def _editable(self, loc: Loc) -> Span:
        span = self.node(loc)
        if span.kind == ALIAS or span.shared or span.decorated:
            raise EditError(
                f"{dotted(loc)} is shared through a YAML anchor or alias or has a tag; "
                "edit it by hand"
            )
        return span

    def _room_for_block(self, loc: Loc) -> bool:
        """A key's value written as nothing, `~`, `null`, `{}` or `[]`, outside `{…}`/`[…]`.

        Such a value makes way for a block under its key; an empty `{}` or
        `[]` that is a list item or inside a flow collection stays flow.
        """
        span = self.spans.get(loc)
        if span is None or loc not in self.spans.keys or self._inside_flow(loc):
            return False
        if span.kind == SCALAR:
            return span.style == "" and span.value in _NULL_WORDS
        return span.flow and not span.children

    def _plan(self, edit: Edit) -> None:
        for other in self.edits:
            if edit.start < other.end and other.start < edit.end:
                raise EditError(f"two changes to the same value at character {edit.start}")
        self.edits.append(edit)

    def _line_after(self, pos: int) -> tuple[int, bool]:
        """Where the line after the one `pos` is on starts; and whether a break must be added."""
        if pos > 0 and self.original[pos - 1] in "\n\r\x85\u2028\u2029":
            return pos, False  # a block scalar ends with its line break
        found = _BREAK.search(self.original, pos)
        if found is None:
            return len(self.original), True
        return found.end(), False

    def _block_insert(self, span: Span, indent: int, lines: list[str]) -> None:
        where, need_break = self._line_after(span.end)
        self._insert_lines(where, need_break, indent, lines)

    def _insert_lines(self, where: int, need_break: bool, indent: int, lines: list[str]) -> None:
        pad = " " * indent
        body = self.newline.join(pad + line if line else "" for line in lines)
        new = (self.newline + body) if need_break else (body + self.newline)
        self._plan(Edit(where, where, new))

    def _open_block(self, loc: Loc, span: Span, lines: list[str]) -> None:
        """Turn `key:` / `key: ~` / `key: []` into `key:` with a block under it."""
        key = self.spans.keys[loc]
        start = span.start
        while start > key.end and self.original[start - 1] in " \t":
            start -= 1
        if span.end > start:
            self._plan(Edit(start, span.end, ""))
        where, need_break = self._line_after(span.end)
        self._insert_lines(where, need_break, key.column - 1 + INDENT, lines)

    def _inside_flow(self, loc: Loc) -> bool:
        return any((s := self.spans.get(loc[:i])) is not None and s.flow for i in range(len(loc)))

    def _flow_insert(self, loc: Loc, span: Span, text: str) -> None:
        close = span.end - 1  # the `]` or `}`
        before = self.original[span.start + 1 : close]
        if span.children:
            last = self.node(span.children[-1])
            self._plan(Edit(last.end, last.end, ", " + text))
        else:
            self._plan(Edit(span.start + 1, close, text if not before.strip() else before + text))
