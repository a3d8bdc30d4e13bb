"""Loaded data -> validated model, with every Pydantic error at its line and column.

The one place where `ValidationError` becomes located, readable E003
problems: an unknown key points at the key and suggests the nearest known
one, a bad value points at the value, a missing key points at the first key
of the item that lacks it.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeycli.core.document import DEFAULT_LIMITS, Document, Limits, Loc
from journeycli.core.gcpause import paused_gc
from journeycli.core.guards import size_problems, unsafe_text_problems
from journeycli.core.hints import closest
from journeycli.core.labels import DUTCH_LABEL
from journeycli.core.loader import load_document
from journeycli.core.messages import INVALID, Message, msg
from journeycli.core.misread import written
from journeycli.core.model import EXTENSION_PREFIX, UNION_TAGS, JourneyMap
from journeycli.core.problems import Code, Problem, dotted

_EXPECTED = {
    "int_type": "expect.whole_number",
    "int_from_float": "expect.whole_number",
    "int_parsing": "expect.whole_number",
    "string_type": "expect.text",
    "bool_type": "expect.bool",
    "list_type": "expect.list",
    "dict_type": "expect.mapping",
    "model_type": "expect.mapping",
    "model_attributes_type": "expect.mapping",
    "date_type": "expect.date",
    "date_parsing": "expect.date",
    "date_from_datetime_parsing": "expect.date",
    "date_from_datetime_inexact": "expect.date_only",
}


@dataclass(slots=True)
class ValidatedMap:
    """A document and, when it is valid, its model."""

    document: Document
    model: JourneyMap | None
    problems: list[Problem]


def _show(value: Any) -> str | Message:
    """The value as written in the file (docs/format.md: messages quote what you wrote)."""
    return written(value)


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    """The location in the data: without Pydantic's `[key]` marks and union tags.

    A tag (`mapping` for an opportunity written as a mapping) follows a list
    index; a key of the user's own data never does, so only that is dropped.
    """
    cleaned: list[Any] = []
    previous: Any = None
    for part in loc:
        tag = part in UNION_TAGS and isinstance(previous, int)
        previous = part
        if part != "[key]" and not tag:
            cleaned.append(part)
    return tuple(cleaned)


def known_keys(loc: tuple[str | int, ...]) -> list[str]:
    """The keys allowed in the mapping at `loc` (for did-you-mean suggestions)."""
    current: Any = JourneyMap
    skip = 0  # list indices and dict keys between a field and its items
    for part in loc:
        if skip:
            skip -= 1
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        if not isinstance(part, str) or part not in current.model_fields:
            return []
        current, skip = _unwrap_container(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap_container(annotation: Any) -> tuple[Any, int]:
    """Step from `list[X]`, `dict[str, X]`, `X | None` or `Annotated[X, ...]` to X. Also returns how
    many location parts (list index, dict key) the step spans. In a union of text and a model
    (an opportunity), the model is the one with keys.
    """
    depth = 0
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (list, dict):
            annotation = get_args(annotation)[-1]
            depth += 1
        elif origin is Union or origin is types.UnionType:
            members = [a for a in get_args(annotation) if a is not type(None)]
            models = [m for m in members if _model_of(m) is not None]
            if len(members) == 1:
                annotation = members[0]
            elif len(models) == 1:
                annotation = _model_of(models[0])
            else:
                return annotation, depth
        else:
            return annotation, depth


def _model_of(annotation: Any) -> Any:
    """The model class behind `annotation` (through `Annotated`), or None."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )


def _describe(error: ErrorDetails, loc: Loc) -> tuple[Message, bool, bool]:
    """(message, point at the key?, point at the enclosing item?) for one error."""
    kind = error["type"]
    where = dotted(loc)
    context = error.get("ctx", {})
    if kind == "missing":
        return msg("e003.missing", where=where, key=str(loc[-1])), False, True
    if kind == "extra_forbidden":
        name = str(loc[-1])
        match = closest(name, known_keys(loc[:-1]))
        if match:
            found = msg("e003.unknown_key_match", where=where, key=name, match=match)
        elif not name.startswith(EXTENSION_PREFIX):
            found = msg("e003.unknown_key_prefix", where=where, key=name, prefix=EXTENSION_PREFIX)
        else:
            found = msg("e003.unknown_key", where=where, key=name)
        return found, True, False
    if kind == INVALID:
        return msg("e003.value", where=where, detail=context["message"]), False, not loc
    if kind == DUTCH_LABEL:
        label, value = str(context["label"]), str(context["value"])
        return msg("e003.dutch_label", where=where, label=label, value=value), False, False
    if kind == "value_error":
        detail = error["msg"].removeprefix("Value error, ")
        return msg("e003.value", where=where, detail=detail), False, not loc
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = context.get("ge", context.get("le"))
        side = "e003.at_least" if kind == "greater_than_equal" else "e003.at_most"
        return msg(side, where=where, value=_show(error["input"]), bound=str(bound)), False, False
    if kind == "string_pattern_mismatch":
        return msg("e003.bad_id", where=where, value=_show(error["input"])), False, False
    if kind == "string_too_short":
        return msg("e003.empty", where=where), False, False
    if kind == "too_short":
        return msg("e003.no_items", where=where), False, False
    if kind in ("enum", "literal_error"):
        expected = _choices(str(context.get("expected", "")))
        shown = _show(error["input"])
        return msg("e003.not_allowed", where=where, value=shown, expected=expected), False, False
    if kind in _EXPECTED:
        got = error["input"]
        written: str | Message = msg("word.nothing") if got is None else _show(got)
        expect = msg(_EXPECTED[kind])
        return msg("e003.expected", where=where, expected=expect, value=written), False, False
    return msg("e003.value", where=where, detail=error["msg"]), False, False


def _choices(expected: str) -> str | Message:
    """Pydantic's `'now', 'next' or 'later'` with the language's own "or"."""
    head, sep, last = expected.rpartition(" or ")
    return msg("or_list", head=head, last=last) if sep else expected


def error_location(error: ErrorDetails) -> Loc:
    """Where a validation error is in the loaded data (Pydantic's marks and union tags dropped)."""
    return _clean_loc(error["loc"])


def describe_error(error: ErrorDetails) -> str:
    """One validation error in the words `journey lint` uses, without its location.

    For callers that name the place their own way, such as the sheet, row
    and column of a spreadsheet cell (`journey import --from xlsx`).
    """
    loc = _clean_loc(error["loc"])
    message, _, _ = _describe(error, loc)
    return message.render().removeprefix(f"{dotted(loc)}: ")


def problems_from_validation(exc: ValidationError, document: Document) -> list[Problem]:
    problems = []
    data = document.data
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"])
        message, at_key, at_item = _describe(error, loc)
        if error["type"] == "missing" or at_item:
            target = loc[:-1] if error["type"] == "missing" else loc
            line, col = document.positions.locate(data, target)
        else:
            line, col = document.positions.locate(data, loc, key=at_key or "[key]" in error["loc"])
        problems.append(Problem.of(document.path, line, col, Code.E003, message))
    return problems


def validate_document(document: Document, limits: Limits | None = None) -> ValidatedMap:
    """Validate loaded data; a document with load problems is not validated.

    A map over the stage or touchpoint limit is not validated either, and
    text with invisible control characters is an error (`journeycli.core.guards`).
    """
    if document.data is None or any(p.code in (Code.E001, Code.E006) for p in document.problems):
        return ValidatedMap(document, None, list(document.problems))

    too_big = size_problems(document, limits or DEFAULT_LIMITS)
    if too_big:
        return ValidatedMap(document, None, [*document.problems, *too_big])
    problems = [*document.problems, *unsafe_text_problems(document)]
    try:
        with paused_gc():
            model = JourneyMap.model_validate(document.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, document))
        return ValidatedMap(document, None, problems)
    return ValidatedMap(document, model, problems)


def load_map(raw: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> ValidatedMap:
    """Bytes -> validated map: the entry point every command uses."""
    return validate_document(load_document(raw, path, limits), limits)
