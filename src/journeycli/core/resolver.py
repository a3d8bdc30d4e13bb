"""How a YAML scalar's text becomes a value: YAML 1.1 as PyYAML reads it, traps marked.

Part of the loader (the only reader of YAML text), kept apart so the builder's
hot loop stays short. A plain `no`, `012` or `1:30` becomes a marker from
`journeycli.core.scalars` instead of a silent boolean or number; explicit standard
tags (`!!str 012`) are honoured; nothing ever constructs a Python object.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber, WrittenFloat

_BOOL_WORDS = {"yes": True, "no": False, "on": True, "off": False}
_TRUE_FALSE = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_INT_RE = re.compile(
    r"""^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)
    |[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
    re.X,
)
_FLOAT_RE = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""",
    re.X,
)
_TIMESTAMP_RE = re.compile(r"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?")
_NUMBER_START = frozenset("0123456789+-.")
_TS_CONSTRUCTOR = yaml.constructor.SafeConstructor()
TAG = "tag:yaml.org,2002:"


def _sexagesimal(text: str) -> int | float:
    sign = -1 if text.startswith("-") else 1
    total: float = 0
    for part in text.lstrip("+-").split(":"):
        total = total * 60 + float(part)
    return sign * (int(total) if "." not in text else total)


def _to_int(text: str) -> int | AmbiguousNumber:
    clean = text.replace("_", "")
    sign = -1 if clean.startswith("-") else 1
    digits = clean.lstrip("+-")
    if ":" in digits:
        return AmbiguousNumber(text, int(_sexagesimal(text)), "base-60")
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if len(digits) > 1 and digits.startswith("0"):
        return AmbiguousNumber(text, sign * int(digits, 8), "octal")
    return sign * int(digits)


def _to_float(text: str) -> float | AmbiguousNumber:
    """A float that remembers its text (`WrittenFloat`): `1.450` must not pass as 1.45."""
    clean = text.replace("_", "").lower()
    if ":" in clean:
        return AmbiguousNumber(text, _sexagesimal(clean), "base-60")
    if clean.endswith(".inf"):
        return WrittenFloat(float("-inf") if clean.startswith("-") else float("inf"), text)
    if clean == ".nan":
        return WrittenFloat(float("nan"), text)
    return WrittenFloat(float(clean), text)


def _to_timestamp(text: str) -> Any:
    if not _TS_CONSTRUCTOR.timestamp_regexp.match(text):
        return text  # starts like a date but is text ("2026-03-01 is the date")
    try:
        return _TS_CONSTRUCTOR.construct_yaml_timestamp(yaml.ScalarNode(TAG + "timestamp", text))
    except (ValueError, TypeError):
        return text


def _case_variants(word: str) -> list[str]:
    variants = [""]
    for ch in word:
        variants = [v + c for v in variants for c in {ch.lower(), ch.upper()}]
    return variants


# Every plain word with a meaning of its own, looked up in one step; any other
# text that does not start like a number is just text.
_PLAIN_WORDS: dict[str, Any] = {
    **{text: None for text in _NULLS if text},
    **_TRUE_FALSE,
    **{
        variant: AmbiguousBool(variant, value)
        for word, value in _BOOL_WORDS.items()
        for variant in _case_variants(word)
    },
}


def resolve_plain(text: str) -> Any:
    """What a plain (unquoted, untagged) scalar means, with YAML 1.1 traps marked."""
    if not text:
        return None
    if text[0] in _NUMBER_START and len(text) <= 40:
        if text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1):
            return int(text)  # the common case, what _INT_RE and _to_int give
        if _INT_RE.match(text):
            return _to_int(text)
        if _FLOAT_RE.match(text):
            return _to_float(text)
        if _TIMESTAMP_RE.match(text):
            return _to_timestamp(text)
        return text
    return _PLAIN_WORDS.get(text, text)


def resolve_tagged(tag: str, text: str) -> Any:
    """A scalar with an explicit standard tag: the author said what it is, no trap."""
    kind = tag[len(TAG) :] if tag.startswith(TAG) else tag
    if kind in ("str", "!"):
        return text
    value = resolve_plain(text)
    if isinstance(value, AmbiguousBool | AmbiguousNumber):
        value = value.value
    expected: dict[str, type | tuple[type, ...]] = {
        "int": int,
        "float": (int, float),
        "bool": bool,
        "null": type(None),
    }
    if kind == "timestamp":
        value = _to_timestamp(text)
        if isinstance(value, dt.date):
            return value
    elif (
        kind in expected
        and isinstance(value, expected[kind])
        and not (kind != "bool" and isinstance(value, bool))
    ):
        return float(value) if kind == "float" and isinstance(value, int | float) else value
    raise ValueError(f"'{text}' is not a valid !!{kind}")


STANDARD_SCALAR_TAGS = {TAG + k for k in ("str", "int", "float", "bool", "null", "timestamp")}
STANDARD_COLLECTION_TAGS = {TAG + "map", TAG + "seq"}
