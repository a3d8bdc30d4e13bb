"""The field types of the map format: text, ids, scores, flags, with their checks.

Kept apart from the models so each type's rule lives once: a text field
refuses a YAML 1.1 boolean with "quote it", a score is a whole number 0-100
and never a string, a flag accepts only true and false. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainValidator, WithJsonSchema

from journeycli.core.messages import Message, invalid, msg
from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber
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
    value = explain_ambiguous(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise invalid(msg("value.text_got_bool", value=str(value).lower()))
    if isinstance(value, int | float):
        raise invalid(msg("value.text_got_number", value=str(value)))
    return value


def as_flag(value: Any) -> Any:
    if isinstance(value, AmbiguousBool):
        raise invalid(msg("value.flag", text=value.text, value=str(value.value).lower()))
    return explain_ambiguous(value)


def mapping_not_null(value: Any) -> Any:
    if value is None:
        raise invalid(msg("value.mapping_null"))
    return value


def list_not_null(value: Any) -> Any:
    """A key left empty (`questions:`) is null, which the schema rejects too: explain."""
    if value is None:
        raise invalid(msg("value.list_null"))
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
        msg("value.between", low=str(ge), high=str(le))
        if ge is not None and le is not None
        else msg("value.at_least", low=str(ge))
        if ge is not None
        else msg("value.any_number")
    )

    def check(value: Any) -> int | float:
        value = explain_ambiguous(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise invalid(msg("value.number", bounds=bounds))
        if value != value or value in (float("inf"), float("-inf")):
            raise invalid(msg("value.finite", bounds=bounds))
        if (ge is not None and value < ge) or (le is not None and value > le):
            raise invalid(msg("value.out_of_range", value=str(value), bounds=bounds))
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
