"""How one value is written as YAML text: plain, a literal block, or double-quoted.

Part of the one YAML writer (`core/writer.py`, docs/format.md): quoting
follows what journey's own loader reads, not only PyYAML's resolver.

- a string is written plain only when every YAML reader gets the same text
  back: not `yes`/`no`/`on`/`off`/`y`/`n`/`true`/`null`/`~` in any case, not
  anything a YAML 1.1 or 1.2 reader takes for a number or a date (`012`,
  `1:30`, `1e5`, `2026-03-01`), no indicator at the start, no `: ` or ` #`
  inside, no leading or trailing space;
- text with line breaks becomes a literal block (`|-`) when that is exact,
  otherwise a double-quoted string with escapes (control characters,
  bidirectional controls, the BOM and Unicode line separators are escaped;
  all other Unicode is kept).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from enum import Enum
from typing import Any

import yaml

_BREAKS = "\r\x85\u2028\u2029"
_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
# Words some YAML reader takes for a boolean or null, compared case-insensitively
# (our loader flags `yEs` too; YAML 1.1 itself also has y and n).
_RESERVED = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~", "<<", "="})
# YAML 1.2 core numbers that YAML 1.1 reads as text, and anything date-like.
_YAML12_NUMBER = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]")
_RESOLVER = yaml.resolver.Resolver()
# Bidirectional controls are printable to YAML but hide how text is stored
# ("Trojan Source"); like control characters they are always escaped.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _printable(ch: str) -> bool:
    """YAML's printable set, minus the BOM and the line breaks we always escape."""
    code = ord(ch)
    if ch in _BREAKS or ch == "\ufeff" or ch in _BIDI_CONTROLS:
        return False
    return (
        ch in "\t\n"
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _plain_ok(text: str) -> bool:
    if not text or text.lower() in _RESERVED or not all(map(_printable, text)):
        return False
    if text[0] in "0123456789+-." and (_YAML12_NUMBER.fullmatch(text) or _DATE_LIKE.match(text)):
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag != "tag:yaml.org,2002:str":
        return False
    analysis = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(text)
    return bool(analysis.allow_block_plain and not analysis.multiline)


def _double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        else:
            code = ord(ch)
            out.append(
                f"\\x{code:02X}"
                if code <= 0xFF
                else f"\\u{code:04X}"
                if code <= 0xFFFF
                else f"\\U{code:08X}"
            )
    return '"' + "".join(out) + '"'


def inline_scalar(text: str) -> str:
    return text if _plain_ok(text) else _double_quoted(text)


# Keys of the format written plain although YAML 1.1 lists them as booleans: evidence `n`
# (docs/format.md). PyYAML and YAML 1.2 readers take a bare `n` as text, and `"n": 120`
# would look like a mistake to the person reading the map.
FORMAT_KEYS = frozenset({"n"})


def key_text(key: str) -> str:
    """A mapping key as written: plain for the format's own keys, else as any scalar."""
    return key if key in FORMAT_KEYS else inline_scalar(key)


def _literal_lines(text: str) -> list[str] | None:
    """The lines of a `|-` / `|` block for `text`, or None when a block would not be exact."""
    if "\n" not in text or text.startswith("\n") or text.endswith("\n\n"):
        return None
    if text[0] in " \t" or not all(_printable(ch) for ch in text):
        return None
    body = text.removesuffix("\n")
    lines = body.split("\n")
    if any(line != line.rstrip(" \t") for line in lines):
        return None  # trailing spaces are invisible and editors strip them
    return lines


def scalar_lines(value: Any) -> tuple[str, list[str] | None]:
    """(text after `key: ` or `- `, block lines or None) for one scalar value."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        return _float_text(value), None
    if isinstance(value, dt.datetime):
        raise TypeError("date-times are not part of the map format")
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if not isinstance(value, str):
        raise TypeError(f"cannot write a {type(value).__name__} as YAML")
    block = _literal_lines(value)
    if block is not None:
        return ("|" if value.endswith("\n") else "|-"), block
    return inline_scalar(value), None


def value_text(value: Any) -> str:
    """One scalar (text, number, flag, date; None as `null`) as written on one line."""
    if value is None:
        return "null"
    text, block = scalar_lines(value)
    return text if block is None else _double_quoted(str(value))


def flow_text(value: Any) -> str:
    """A value inside `[...]` or `{...}`, where `,`, `[`, `]`, `{`, `}` end plain text.

    What the in-place editor (`journeycli.core.editor`) writes into a flow
    collection, and `journey fix` around a single value it makes a list.
    """
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(
                f"{key_text(k) if isinstance(k, str) else flow_text(k)}: {flow_text(v)}"
                for k, v in value.items()
            )
            + "}"
        )
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow_text(item) for item in value) + "]"
    text = value_text(value)
    if isinstance(value, str) and text == value and set(value) & set(",[]{}"):
        return _double_quoted(value)
    return text


def _float_text(value: float) -> str:
    """`repr`, with a `.0` before an exponent: YAML 1.1 reads `1e+20` as text."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{value} is not a finite number")
    text = repr(value)
    if "e" in text and "." not in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent}"
    return text
