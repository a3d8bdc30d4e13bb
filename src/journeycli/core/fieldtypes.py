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

from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator, WithJsonSchema

from journeycli.core.messages import Message, invalid, msg
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
        raise invalid(ambiguous(value))
    return value


def ambiguous(value: AmbiguousBool | AmbiguousNumber) -> Message:
    """What YAML 1.1 made of a plain scalar (the catalogue text of `value.explain()`)."""
    if isinstance(value, AmbiguousBool):
        return msg("value.ambiguous_bool", text=value.text, value=str(value.value).lower())
    return msg(
        "value.ambiguous_number",
        text=value.text,
        kind=msg(f"word.{value.kind}"),
        value=str(value.value),
    )


def as_text(value: Any) -> Any:
    """Accept text; keep a date as its ISO text; refuse everything else with advice."""
    if type(value) is str:  # nearly every value: the hot path of validation
        return value
    value = explain_ambiguous(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise invalid(msg("value.text_got_bool", value=str(text_of(value))))
    if isinstance(value, int | float):
        text = text_of(value)
        raise invalid(msg("value.text_got_number", value=written(value), text=str(text)))
    if isinstance(value, dict):
        raise invalid(_mapping_for_text(value))
    if isinstance(value, list):
        raise invalid(msg("value.text_got_list"))
    return value


def _mapping_for_text(value: dict[Any, Any]) -> Message:
    """`- Annuleren: kan dat nog?` is a key and a value to YAML: say to quote the text."""
    if len(value) == 1:
        key, item = next(iter(value.items()))
        rest = "" if item is None else text_of(item)
        if rest is not None:
            text = f"{key}: {rest}" if rest else f"{key}:"
            return msg("value.key_and_value", text=text)
    return msg("value.text_got", value=written(value))


def as_flag(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        raise invalid(msg("value.quoted_bool", value=written(value)))
    if isinstance(value, AmbiguousBool):
        raise invalid(msg("value.flag", text=value.text, value=str(value.value).lower()))
    return explain_ambiguous(value)


def mapping_not_null(value: Any) -> Any:
    if value is None:
        raise invalid(msg("value.mapping_null"))
    return value


def list_not_null(value: Any) -> Any:
    """A list of items (evidence, touchpoints, ...): explain null and a mapping in its place.

    A key left empty (`evidence:`) is null, which the schema rejects too; a
    mapping where the list belongs is most often `-type: x` (no space after
    the dash) or items written without their dashes.
    """
    if value is None:
        raise invalid(msg("value.list_null"))
    if isinstance(value, dict):
        dashed = next((k for k in value if isinstance(k, str) and k.startswith("-")), None)
        if dashed is not None and len(dashed) > 1:
            raise invalid(msg("value.dash_item", dashed=dashed, rest=dashed[1:].lstrip()))
        raise invalid(msg("value.list_got_mapping"))
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
        suggestion = msg("value.quoted_item", text=escaped)
    else:
        suggestion = msg("value.one_item", text=text)
    raise invalid(msg("value.list_got", value=written(value), suggestion=suggestion))


def _number_text(value: Any, expected: Message, *, whole: bool = False) -> Any:
    """Refuse a number YAML or the user would misread; return anything else unchanged.

    For a whole-number field a decimal comma gets no "write 35.5": that would
    only lead to the next error.
    """
    value = explain_ambiguous(value)
    if is_thousands(value):
        raise invalid(thousands(value.text) or msg("value.text_got", value=value.text))
    if isinstance(value, str):
        message = thousands(value.strip())
        if message:
            raise invalid(message)
        hint = number_hint(value)
        if hint and not (whole and "%" not in value):
            shown = written(value)
            raise invalid(msg("value.number_hint", expected=expected, value=shown, hint=hint))
        if quoted_number(value):
            raise invalid(msg("value.quoted_number", expected=expected, value=written(value)))
    return value


_WHOLE_NUMBER = msg("expect.whole_number")


def whole_number(value: Any) -> Any:
    """Before the strict int check of a score, an experience or an age."""
    if type(value) is int:  # nearly every score: no text to explain
        return value
    return _number_text(value, _WHOLE_NUMBER, whole=True)


def not_blank(value: str) -> str:
    """A name of only spaces names nothing: no id can be made from it, and a
    spreadsheet round trip reads the cell back as empty (docs/format.md)."""
    if value.isspace():
        raise invalid(msg("value.blank", text=value))
    return value


def no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


Text = Annotated[str, BeforeValidator(as_text)]
Name = Annotated[str, Field(min_length=1), BeforeValidator(as_text), AfterValidator(not_blank)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN), BeforeValidator(as_text)]
Score = Annotated[int, Field(ge=0, le=100, strict=True), BeforeValidator(whole_number)]


def number_check(
    ge: int | None, le: int | None = None, *, thousands_trap: bool = True
) -> Callable[[Any], int | float]:
    """An int or a finite float in range, no strings: JSON keeps `40` as `40`. One plain validator
    instead of an `int | float` union, so a bad value gives one clear error rather than one per
    union branch. With `thousands_trap`, `150.000` is refused as a misread thousands separator
    (amounts, KPI values); without it (a percentage) `35.500` is just a decimal.
    """
    bounds = (
        msg("value.between", low=ge, high=le)
        if ge is not None and le is not None
        else msg("value.at_least", low=ge)
        if ge is not None
        else msg("value.any_number")
    )

    a_number = msg("value.a_number", bounds=bounds)

    def check(value: Any) -> int | float:
        if thousands_trap or not is_thousands(value):
            value = _number_text(value, a_number)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise invalid(msg("value.number", bounds=bounds, value=written(value)))
        if value != value or value in (float("inf"), float("-inf")):
            raise invalid(msg("value.finite", bounds=bounds, value=written(value)))
        if (ge is not None and value < ge) or (le is not None and value > le):
            raise invalid(msg("value.out_of_range", value=written(value), bounds=bounds))
        return float(value) if isinstance(value, WrittenFloat) else value

    return check


Percent = Annotated[
    int | float,
    PlainValidator(number_check(0, 100, thousands_trap=False)),
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


def _no_such_date(text: str, year: int, month: int, day: int) -> Message:
    if not 1 <= month <= 12:
        why = msg("value.twelve_months")
    elif day < 1:
        why = msg("value.days_from_one")
    else:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        days = (following - dt.timedelta(days=1)).day
        why = msg("value.month_days", month=msg(f"month.{month}"), year=str(year), days=days)
    return msg("value.no_such_date", text=text, why=why)


def as_date(value: Any) -> Any:
    """An ISO date; an impossible one (`2026-02-30`) says so instead of "expected a date"."""
    value = explain_ambiguous(value)
    if isinstance(value, dt.datetime):
        raise invalid(msg("value.date_time", value=written(value), date=value.date().isoformat()))
    if value is None or isinstance(value, dt.date):
        return value
    text = text_of(value)
    iso = _ISO_DATE.match(text or "")
    if text is not None and iso is not None:
        year, month, day = (int(part) for part in iso.groups())
        try:
            day_written = dt.date(year, month, day)
        except ValueError:
            raise invalid(_no_such_date(text, year, month, day)) from None
        if iso.end() < len(text):
            raise invalid(
                msg("value.date_time", value=written(value), date=day_written.isoformat())
            )
        return day_written
    day_first = _DAY_FIRST.fullmatch(text or "")
    if day_first is not None:
        day, month, year = (int(part) for part in day_first.groups())
        try:
            meant: str | None = dt.date(year, month, day).isoformat()
        except ValueError:
            meant = None
        if meant is not None:
            raise invalid(msg("value.date_write", value=written(value), date=meant))
    raise invalid(msg("value.date", value=written(value)))


Date = Annotated[dt.date, BeforeValidator(as_date)]

# An ISO 4217 code (EUR, USD; `eur` is taken too), or a currency sign with at most two letters
# before it (€, $, £, R$, US$). The currency is shown next to every amount in every report, so it is
# kept to what a currency can look like rather than any text (docs/security.md).
CURRENCY_SIGNS = (
    "$¢£¤¥\u058f\u060b\u09f2\u09f3\u0e3f\u17db\u20a0-\u20c0"
    "\ufdfc\ufe69\uff04\uffe0\uffe1\uffe5\uffe6"
)
CURRENCY_PATTERN = f"^(?:[A-Za-z]{{3}}|[A-Za-z]{{0,2}}[{CURRENCY_SIGNS}])$"
_CURRENCY_RE = re.compile(CURRENCY_PATTERN)


def currency_check(value: str) -> str:
    if not _CURRENCY_RE.match(value):
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise ValueError(
            f"'{shown}' is not a currency; write an ISO 4217 code such as EUR or USD, "
            "or a sign such as € or R$"
        )
    return value


Currency = Annotated[
    str,
    BeforeValidator(as_text),
    AfterValidator(currency_check),
    WithJsonSchema({"type": "string", "pattern": CURRENCY_PATTERN}),
]
