"""Mermaid's journey grammar, ported: the lexer, and how text is made safe for it.

Why a port rather than a regex per line: what a diagram *means* is what
Mermaid's own lexer (Jison, `journey.jison` in Mermaid 11) reads, and that
lexer has surprises a line-based reader would miss. It tries its rules in
order and takes the first that matches (not the longest); `#` starts a
comment anywhere a token may start; a task name ends at `:`, `#` or `;`; a
name that starts with `title `, `section `, `journey` or `%` is read as
something else; and `#35;`-style entity codes are replaced before lexing.
`Lexer rules` below are the rules of that grammar in its order, so the
importer reads a diagram as Mermaid does, with line numbers for errors.

Exporting goes the other way: text that Mermaid's grammar cannot hold is
replaced by look-alike characters that render the same and that the importer
turns back (`SUBSTITUTES`), so a round trip keeps every name.

`%%` is more than grammar: Mermaid reads `%%{init: ...}%%` anywhere in the
diagram as a directive that changes its configuration (theme CSS, fonts, an
image fetched from anywhere), before any lexing. A map's text must not be able
to do that to whoever renders the export, so in every exported text (title,
description, sections, tasks, actors) each `%` directly followed by another
`%` becomes a fullwidth `％`: no `%%` is left (docs/security.md).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

# JavaScript's `\s` (Unicode-aware in every JS regex), which Python's `\s` does not match exactly.
_WS = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_S = f"[{_WS}]"

# The INITIAL state of the lexer: Mermaid 11 journey.jison, rules 0-7, 9, 11, 14-19, in order.
_INITIAL = re.compile(
    "|".join(
        [
            r"(?P<comment>%(?!\{)[^\n]*)",
            r"(?P<comment2>[^}]%%[^\n]*)",
            r"(?P<newline>\n+)",
            rf"(?P<space>{_S}+)",
            r"(?P<hash>#[^\n]*)",
            r"(?P<journey>journey(?![A-Za-z0-9_]))",
            rf"(?P<title>title{_S}[^#\n;]+)",
            rf"(?P<acc_title>accTitle{_S}*:{_S}*)",
            rf"(?P<acc_descr>accDescr{_S}*:{_S}*)",
            rf"(?P<acc_descr_multi>accDescr{_S}*\{{{_S}*)",
            rf"(?P<section>section{_S}[^#:\n;]+)",
            r"(?P<task>[^#:\n;]+)",
            r"(?P<task_data>:[^#\n;]+)",
            r"(?P<colon>:)",
            r"(?P<invalid>.)",
        ]
    ),
    re.IGNORECASE,
)
_REST_OF_LINE = re.compile(r"[^\n]*")
_UNTIL_BRACE = re.compile(r"[^}]*")
_SKIPPED = frozenset({"comment", "comment2", "space", "hash"})

# Mermaid replaces `#name;` / `#123;` before lexing and decodes them in the SVG.
_ENTITY = re.compile(r"#([A-Za-z0-9_]+);")
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}([A-Za-z0-9_]+){_CLOSE}")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind (a rule name above), its text and the 1-based line it starts on."""

    kind: str
    text: str
    line: int


def protect_entities(text: str) -> str:
    """Hide `#35;`-style entity codes from the lexer, as Mermaid's `encodeEntities` does."""
    return _ENTITY.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", text)


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.isdigit():
        code = int(name)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    decoded = html.unescape(f"&{name};")
    return decoded if decoded != f"&{name};" else f"#{name};"


def restore_entities(text: str) -> str:
    """Decode entity placeholders the way Mermaid shows them (`#35;` -> `#`, `#quot;` -> `"`)."""
    return _PLACEHOLDER.sub(_entity, text)


def tokens(text: str, first_line: int = 1) -> Iterator[Token]:
    """Mermaid's journey lexer over `text` (newlines already normalised to `\\n`).

    Comments and whitespace are dropped; everything else, including the
    `invalid` and `colon` tokens the grammar rejects, is yielded so the
    parser can say what is wrong and where.
    """
    pos, line, end = 0, first_line, len(text)
    while pos < end:
        match = _INITIAL.match(text, pos)
        if match is None:  # pragma: no cover - `invalid` matches any character but \n
            break
        kind = match.lastgroup or "invalid"
        start_line = line
        line += match.group().count("\n")
        pos = match.end()
        if kind in ("acc_title", "acc_descr"):
            value = _REST_OF_LINE.match(text, pos)
            assert value is not None
            pos = value.end()
            yield Token(kind, value.group(), start_line)
        elif kind == "acc_descr_multi":
            value = _UNTIL_BRACE.match(text, pos)
            assert value is not None
            pos = value.end()
            line += value.group().count("\n")
            closed = pos < end
            pos += 1 if closed else 0
            yield Token(kind if closed else "unclosed_acc_descr", value.group(), start_line)
        elif kind not in _SKIPPED:
            yield Token(kind, match.group(), start_line)


# --- making text safe for the grammar ------------------------------------------------------

# What Mermaid cannot hold in each place -> a look-alike that renders the same.
#   task and section names: `:` ends the name, `#` starts a comment, `;` is a parse error;
#   actors: also `,` (it separates actors);
#   the title: `#` and `;` end it, and Mermaid escapes `&`, `<`, `>` in a title twice
#   (a title `R&D` is drawn as `R&amp;D`), so those get look-alikes too.
SUBSTITUTES: dict[str, str] = {
    ":": "\ua789",  # MODIFIER LETTER COLON
    "#": "\uff03",  # FULLWIDTH NUMBER SIGN
    ";": "\uff1b",  # FULLWIDTH SEMICOLON
    ",": "\u201a",  # SINGLE LOW-9 QUOTATION MARK
    "&": "\uff06",  # FULLWIDTH AMPERSAND
    "<": "\uff1c",  # FULLWIDTH LESS-THAN SIGN
    ">": "\uff1e",  # FULLWIDTH GREATER-THAN SIGN
}
NAME_UNSAFE = ":#;"
ACTOR_UNSAFE = ":#;,"
TITLE_UNSAFE = "#;&<>"
ZWSP = "\u200b"
PERCENT_LOOK = "\uff05"  # FULLWIDTH PERCENT SIGN
_PERCENT_PAIR = re.compile("%(?=%)")
_PERCENT_LOOKS = re.compile(f"{PERCENT_LOOK}+(?=%)")
_BREAK_OR_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_ENDS = re.compile(r"\A[\s\ufeff]+|[\s\ufeff]+\Z")


def _trim(text: str) -> str:
    """Strip whitespace as JavaScript's `\\s` knows it (Python's, plus the BOM)."""
    return _ENDS.sub("", text)


def fold(text: str) -> str:
    """One line: line breaks and control characters become a space; ends trimmed."""
    return _trim(_BREAK_OR_CONTROL.sub(" ", text))


def no_directives(text: str) -> str:
    """No `%%` left: not a directive (`%%{init}%%`), not a comment (docs/security.md)."""
    return _PERCENT_PAIR.sub(PERCENT_LOOK, text)


def with_directives(text: str) -> str:
    """The reverse of `no_directives`: `％%` back to `%%`."""
    return _PERCENT_LOOKS.sub(lambda m: "%" * len(m.group()), text)


def _substitute(text: str, unsafe: str) -> str:
    return no_directives("".join(SUBSTITUTES[ch] if ch in unsafe else ch for ch in fold(text)))


def safe_title(text: str) -> str:
    return _substitute(text, TITLE_UNSAFE)


def safe_section(text: str) -> str:
    return _substitute(text, NAME_UNSAFE)


def safe_actor(text: str) -> str:
    return _substitute(text, ACTOR_UNSAFE)


def safe_task(text: str) -> str:
    """A task name that Mermaid's lexer reads as one task name and nothing else.

    A name starting with a keyword (`Title search`, `Section B`, `journey
    planner`) or with `%` would be lexed as a title, a section or a comment;
    a zero-width space in front makes it a plain task name and is invisible
    when drawn. The importer drops it again.
    """
    name = _substitute(text, NAME_UNSAFE)
    for _ in range(3):
        match = _INITIAL.match(name)
        if match is not None and match.lastgroup == "task" and match.end() == len(name):
            return name
        name = ZWSP + name
    return name  # pragma: no cover - two zero-width spaces always suffice


def unsafe_text(text: str, unsafe: str) -> str:
    """The reverse of a `safe_*` function (`unsafe` as there) and of entity codes, trimmed.

    Only the look-alikes that the export uses in that place are turned back, so
    a fullwidth `＆` in a task name stays as written.
    """
    text = with_directives(restore_entities(text))
    looks = {SUBSTITUTES[ch]: ch for ch in unsafe}
    text = "".join(looks.get(ch, ch) for ch in text)
    return _trim(_trim(text).lstrip(ZWSP))
