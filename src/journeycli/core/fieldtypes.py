"""The field types of the map format: text, ids, scores, flags, with their checks.

Kept apart from the models so each type's rule lives once: a text field
refuses a YAML 1.1 boolean with "quote it", a score is a whole number 0-100
and never a string, a flag accepts only true and false, and no number field
lets `150.000` pass as 150 (docs/format.md, "YAML traps"). Every message
quotes the value as written (`journeycli.core.misread`). Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainValidator, WithJsonSchema

from journeycli.core.misread import (
    is_thousands,
    number_hint,
    quoted_number,
    text_of,
    thousands,
    written,
)
from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber, WrittenFloat
from journeycli.core.slug import SLUG_PATTERN


def explain_ambiguous(value: Any) -> Any:
    if isinstance(value, AmbiguousBool | AmbiguousNumber):
        raise ValueError(value.explain())
    return value


def as_text(value: Any) -> Any:
    """Accept text; keep a date as its ISO text; refuse everything else with advice."""
    value = explain_ambiguous(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise ValueError(f"expected text, got the boolean {text_of(value)}; quote it")
    if isinstance(value, int | float):
        text = text_of(value)
        raise ValueError(f'expected text, got the number {written(value)}; quote it ("{text}")')
    if isinstance(value, dict):
        raise ValueError(_mapping_for_text(value))
    if isinstance(value, list):
        raise ValueError("expected text, got a list")
    return value


def _mapping_for_text(value: dict[Any, Any]) -> str:
    """`- Annuleren: kan dat nog?` is a key and a value to YAML: say to quote the text."""
    if len(value) == 1:
        key, item = next(iter(value.items()))
        rest = "" if item is None else text_of(item)
        if rest is not None:
            text = f"{key}: {rest}" if rest else f"{key}:"
            return (
                f"'{text}' was read as a key and a value because of the ': '; put the text in "
                f'quotes: "{text}"'
            )
    return f"expected text, got {written(value)}"


def as_flag(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        raise ValueError(
            f"expected true or false, got the text {written(value)}; remove the quotes"
        )
    if isinstance(value, AmbiguousBool):
        raise ValueError(
            f"only true and false are accepted here, not '{value.text}' "
            f"(write {str(value.value).lower()})"
        )
    return explain_ambiguous(value)


def mapping_not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("expected a mapping, got nothing; write {} for none or remove the key")
    return value


def list_not_null(value: Any) -> Any:
    """A list of items (evidence, touchpoints, ...): explain null and a mapping in its place.

    A key left empty (`evidence:`) is null, which the schema rejects too; a
    mapping where the list belongs is most often `-type: x` (no space after
    the dash) or items written without their dashes.
    """
    if value is None:
        raise ValueError("expected a list, got nothing; write [] for none or remove the key")
    if isinstance(value, dict):
        dashed = next((k for k in value if isinstance(k, str) and k.startswith("-")), None)
        if dashed is not None and len(dashed) > 1:
            raise ValueError(
                f"expected a list, got a mapping; '{dashed}' needs a space after '-' to start a "
                f"list item ('- {dashed[1:].lstrip()}')"
            )
        raise ValueError(
            "expected a list, got a mapping; start each item with '- ' on its own line, "
            "or write [{...}]"
        )
    return value


_FLOW_SPECIAL = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|: |^[-?:]\s|^$")


def text_list(value: Any) -> Any:
    """A list of text: a single value suggests the one-item list (`[gespannen]`)."""
    value = list_not_null(value)
    if isinstance(value, list):
        return value
    text = text_of(value)
    if text is None or isinstance(value, AmbiguousBool):
        return value  # the item type explains the rest
    if _FLOW_SPECIAL.search(text):
        escaped = text.replace("\\", "\\\\").replace('"', '\\"')
        suggestion = f'["{escaped}"], or one item per line'
    else:
        suggestion = f"[{text}]"
    raise ValueError(f"expected a list, got {written(value)}; write {suggestion}")


def _number_text(value: Any, expected: str, *, whole: bool = False) -> Any:
    """Refuse a number YAML or the user would misread; return anything else unchanged.

    For a whole-number field a decimal comma gets no "write 35.5": that would
    only lead to the next error.
    """
    value = explain_ambiguous(value)
    if is_thousands(value):
        raise ValueError(thousands(value.text))
    if isinstance(value, str):
        message = thousands(value.strip())
        if message:
            raise ValueError(message)
        hint = number_hint(value)
        if hint and not (whole and hint.startswith("write") and "%" not in value):
            raise ValueError(f"expected {expected}, got {written(value)}; {hint}")
        if quoted_number(value):
            raise ValueError(
                f"expected {expected}, got the text {written(value)}; remove the quotes"
            )
    return value


def whole_number(value: Any) -> Any:
    """Before the strict int check of a score, an experience or an age."""
    return _number_text(value, "a whole number", whole=True)


def no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


Text = Annotated[str, BeforeValidator(as_text)]
Name = Annotated[str, Field(min_length=1), BeforeValidator(as_text)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN), BeforeValidator(as_text)]
Score = Annotated[int, Field(ge=0, le=100, strict=True), BeforeValidator(whole_number)]


def number_check(ge: int | None, le: int | None = None) -> Callable[[Any], int | float]:
    """An int or a finite float in range, no strings: JSON keeps `40` as `40`. One plain validator
    instead of an `int | float` union, so a bad value gives one clear error rather than one per
    union branch.
    """
    bounds = (
        f"between {ge} and {le:,}"
        if ge is not None and le is not None
        else f"{ge} or more"
        if ge is not None
        else "such as 12 or -3.5"
    )

    def check(value: Any) -> int | float:
        if not (le is not None and is_thousands(value)):  # 35.500 in 0-100 is a decimal
            value = _number_text(value, f"a number {bounds}")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number {bounds}, got {written(value)}")
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"expected a finite number {bounds}, got {written(value)}")
        if (ge is not None and value < ge) or (le is not None and value > le):
            raise ValueError(f"{written(value)} is out of range: expected a number {bounds}")
        return float(value) if isinstance(value, WrittenFloat) else value

    return check


Percent = Annotated[
    int | float,
    PlainValidator(number_check(0, 100)),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]
# A thousand trillion: above any real customer count or customer value in any currency,
# and small enough that every figure derived from it (value at stake = lost x value) is
# exact and printable (docs/format.md, metrics; docs/security.md).
MAX_AMOUNT = 10**15
Amount = Annotated[
    int | float,
    PlainValidator(number_check(0, MAX_AMOUNT)),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_AMOUNT}),
]
Measure = Annotated[
    int | float,
    PlainValidator(number_check(None)),
    WithJsonSchema({"type": "number"}),
]
"""A KPI's value or target: any finite number (an NPS can be negative)."""
Experience = Annotated[int, Field(ge=1, le=5, strict=True), BeforeValidator(whole_number)]
SampleSize = Annotated[int, Field(ge=1, strict=True), BeforeValidator(whole_number)]
Age = Annotated[int, Field(ge=0, le=130, strict=True), BeforeValidator(whole_number)]
Flag = Annotated[bool, Field(strict=True), BeforeValidator(as_flag)]
TextList = Annotated[list[Text], BeforeValidator(text_list)]


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _no_such_date(text: str, year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        why = "a year has 12 months"
    elif day < 1:
        why = "days start at 1"
    else:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        days = (following - dt.timedelta(days=1)).day
        why = f"{_MONTHS[month - 1]} {year} has {days} days"
    return f"'{text}' is not a date that exists ({why})"


def as_date(value: Any) -> Any:
    """An ISO date; an impossible one (`2026-02-30`) says so instead of "expected a date"."""
    value = explain_ambiguous(value)
    if isinstance(value, dt.datetime):
        raise ValueError(
            f"expected a date without a time (YYYY-MM-DD), got {written(value)}; "
            f"write {value.date().isoformat()}"
        )
    if value is None or isinstance(value, dt.date):
        return value
    text = text_of(value)
    iso = _ISO_DATE.match(text or "")
    if text is not None and iso is not None:
        year, month, day = (int(part) for part in iso.groups())
        try:
            day_written = dt.date(year, month, day)
        except ValueError:
            raise ValueError(_no_such_date(text, year, month, day)) from None
        if iso.end() < len(text):
            raise ValueError(
                f"expected a date without a time (YYYY-MM-DD), got {written(value)}; "
                f"write {day_written.isoformat()}"
            )
        return day_written
    day_first = _DAY_FIRST.fullmatch(text or "")
    hint = ""
    if day_first is not None:
        day, month, year = (int(part) for part in day_first.groups())
        try:
            hint = f"; write {dt.date(year, month, day).isoformat()}"
        except ValueError:
            hint = ""
    raise ValueError(f"expected a date (YYYY-MM-DD), got {written(value)}{hint}")


Date = Annotated[dt.date, BeforeValidator(as_date)]
