"""The field types of the map format: text, ids, scores, flags, with their checks.

Kept apart from the models so each type's rule lives once: a text field
refuses a YAML 1.1 boolean with "quote it", a score is a whole number 0-100
and never a string, a flag accepts only true and false. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator, WithJsonSchema

from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber
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
        raise ValueError(f"expected text, got the boolean {str(value).lower()}; quote it")
    if isinstance(value, int | float):
        raise ValueError(f'expected text, got the number {value}; quote it ("{value}")')
    return value


def as_flag(value: Any) -> Any:
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
    """A key left empty (`questions:`) is null, which the schema rejects too: explain."""
    if value is None:
        raise ValueError("expected a list, got nothing; write [] for none or remove the key")
    return value


def no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


Text = Annotated[str, BeforeValidator(as_text)]
Name = Annotated[str, Field(min_length=1), BeforeValidator(as_text)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN), BeforeValidator(as_text)]
Score = Annotated[int, Field(ge=0, le=100, strict=True), BeforeValidator(explain_ambiguous)]


def number_check(ge: int | None, le: int | None = None) -> Callable[[Any], int | float]:
    """An int or a finite float in range, no strings: JSON keeps `40` as `40`. One plain validator
    instead of an `int | float` union, so a bad value gives one clear error rather than one per
    union branch.
    """
    bounds = (
        f"between {ge} and {le}"
        if ge is not None and le is not None
        else f"{ge} or more"
        if ge is not None
        else "such as 12 or -3.5"
    )

    def check(value: Any) -> int | float:
        value = explain_ambiguous(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number {bounds}")
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"expected a finite number {bounds}")
        if (ge is not None and value < ge) or (le is not None and value > le):
            raise ValueError(f"{value} is out of range: expected a number {bounds}")
        return value

    return check


Percent = Annotated[
    int | float,
    PlainValidator(number_check(0, 100)),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]
Amount = Annotated[
    int | float,
    PlainValidator(number_check(0)),
    WithJsonSchema({"type": "number", "minimum": 0}),
]
Measure = Annotated[
    int | float,
    PlainValidator(number_check(None)),
    WithJsonSchema({"type": "number"}),
]
"""A KPI's value or target: any finite number (an NPS can be negative)."""
Experience = Annotated[int, Field(ge=1, le=5, strict=True), BeforeValidator(explain_ambiguous)]
Age = Annotated[int, Field(ge=0, le=130, strict=True), BeforeValidator(explain_ambiguous)]
Flag = Annotated[bool, Field(strict=True), BeforeValidator(as_flag)]
TextList = Annotated[list[Text], BeforeValidator(list_not_null)]

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
