"""Values as the user wrote them, and numbers written the way a person (not YAML) reads them.

Every message about a value quotes it as it stands in the file (`got '35,5'`),
never as Python shows it (`{'a': 'b'}`, `datetime.date(...)`, `None`): the
user searches the file for that text. And a number written as people write
numbers in Dutch (`150.000`, `35,5`, `35%`, `€ 1.450`) gets a message that
says what to write instead; `150.000` in particular is a *valid* YAML number
(150.0), so without this check a funnel would silently shrink a thousandfold.
docs/format.md, "YAML traps", lists the cases. Shared by the field types, the
validation messages and the CSV and Mermaid importers. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from journeycli.core.messages import Message, msg
from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber, WrittenFloat

MAX_SHOWN = 40

_DOT_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
_COMMA_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:,[0-9]{3})+")
_DUTCH_FULL = re.compile(r"([-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+),([0-9]+)")
_ENGLISH_FULL = re.compile(r"([-+]?[1-9][0-9]{0,2}(?:,[0-9]{3})+)\.([0-9]+)")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_PLAIN_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_PERCENT = re.compile(r"(.+?)\s*%")
_CURRENCY = re.compile(r"(?:[€$£]|EUR|USD|GBP)\s*(.+?)|(.+?)\s*(?:[€$£]|EUR|USD|GBP)", re.I)


def shorten(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def text_of(value: Any) -> str | None:
    """The text of a loaded scalar as the user wrote it; None for a list or mapping."""
    if isinstance(value, WrittenFloat | AmbiguousBool | AmbiguousNumber):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    return None


def written(value: Any) -> str | Message:
    """A loaded value for a message: `'35,5'`, `'2026-02-30'`, `nothing`, `a mapping (...)`.

    Text as written, quoted; a word (nothing, a list) as a catalogue message,
    so it is translated with the message around it.
    """
    if value is None:
        return msg("word.nothing")
    text = text_of(value)
    if text is not None:
        return f"'{shorten(text)}'"
    if isinstance(value, dict):
        return msg("value.a_mapping", keys=shorten(", ".join(str(k) for k in value)))
    if isinstance(value, list):
        return msg("value.a_list")
    return msg("value.other_kind")


def _plain(number: float) -> str:
    """150.0 -> `150`, 1.45 -> `1.45`: the number as YAML has read it."""
    return str(int(number)) if number.is_integer() else repr(number)


def thousands(text: str) -> Message | None:
    """The message for a number written with a thousands separator, else None.

    `150.000` is a decimal to YAML (150.0), `12.500.000` and `1,450` are text;
    each says what to write. docs/format.md, "Decisions": no thousands separators.
    """
    if _DOT_THOUSANDS.fullmatch(text):
        digits = text.replace(".", "")
        if text.count(".") == 1:
            number = float(text)
            return msg(
                "value.thousands_decimal",
                text=text,
                number=_plain(number),
                digits=digits,
                decimal=repr(number),
            )
        return msg("value.thousands", text=text, digits=digits)
    if _COMMA_THOUSANDS.fullmatch(text):
        digits = text.replace(",", "")
        if text.count(",") == 1:
            decimal = float(text.replace(",", "."))
            return msg(
                "value.thousands_text_decimal", text=text, digits=digits, decimal=repr(decimal)
            )
        return msg("value.thousands", text=text, digits=digits)
    return None


def _as_number(text: str) -> str | None:
    """`35,5` -> `35.5`, `1.450,50` -> `1450.50`, `40` -> `40`; None when it is no number."""
    text = text.strip()
    for full in (_DUTCH_FULL, _ENGLISH_FULL):
        match = full.fullmatch(text)
        if match:
            return re.sub(r"[.,]", "", match.group(1)) + "." + match.group(2)
    if _DOT_THOUSANDS.fullmatch(text) or _COMMA_THOUSANDS.fullmatch(text):
        return re.sub(r"[.,]", "", text)
    if _DECIMAL_COMMA.fullmatch(text):
        return text.replace(",", ".")
    if _PLAIN_NUMBER.fullmatch(text):
        return text
    return None


def number_hint(text: str) -> Message | None:
    """What to write instead of a number written as text: `write 35.5`, or None.

    For a decimal comma, a percent sign, a currency sign, or Dutch or English
    separators around decimals (`1.450,50`).
    """
    text = text.strip()
    for full in (_DUTCH_FULL, _ENGLISH_FULL):
        if full.fullmatch(text):
            number = _as_number(text)
            return msg("hint.separators", number=str(number))
    if _DECIMAL_COMMA.fullmatch(text):
        return msg("hint.write", number=text.replace(",", "."))
    match = _PERCENT.fullmatch(text)
    if match:
        number = _as_number(match.group(1))
        return None if number is None else msg("hint.percent", number=number)
    match = _CURRENCY.fullmatch(text)
    if match:
        number = _as_number(match.group(1) or match.group(2))
        if number is not None:
            return msg("hint.currency", number=number)
    return None


def quoted_number(text: str) -> bool:
    """Text that is a plain number: it was quoted (unquoted, YAML reads a number)."""
    return bool(_PLAIN_NUMBER.fullmatch(text.strip()))


def is_thousands(value: Any) -> bool:
    """A decimal YAML read from text like `150.000` or `1.450`: a dot before three digits."""
    return isinstance(value, WrittenFloat) and bool(_DOT_THOUSANDS.fullmatch(value.text))
