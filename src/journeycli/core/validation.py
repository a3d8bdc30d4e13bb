"""Loaded data -> validated model, with every Pydantic error at its line and column.

The one place where `ValidationError` becomes located, readable E003
problems: an unknown key points at the key and suggests the nearest known
one, a bad value points at the value, a missing key points at the first key
of the item that lacks it.
"""

from __future__ import annotations

import difflib
import types
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeycli.core.document import DEFAULT_LIMITS, Document, Limits, Loc
from journeycli.core.gcpause import paused_gc
from journeycli.core.guards import size_problems, unsafe_text_problems
from journeycli.core.loader import load_document
from journeycli.core.misread import written
from journeycli.core.model import EXTENSION_PREFIX, UNION_TAGS, JourneyMap
from journeycli.core.problems import Code, Problem, Severity, dotted

_EXPECTED = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing": "a whole number",
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date without a time (YYYY-MM-DD)",
}


@dataclass(slots=True)
class ValidatedMap:
    """A document and, when it is valid, its model."""

    document: Document
    model: JourneyMap | None
    problems: list[Problem]


def _show(value: Any) -> str:
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


def _describe(error: ErrorDetails, loc: Loc) -> tuple[str, bool, bool]:
    """(message, point at the key?, point at the enclosing item?) for one error."""
    kind = error["type"]
    where = dotted(loc)
    if kind == "missing":
        return f"{where}: missing required key '{loc[-1]}'", False, True
    if kind == "extra_forbidden":
        name = str(loc[-1])
        hint = ""
        matches = difflib.get_close_matches(name, known_keys(loc[:-1]), n=1, cutoff=0.6)
        if matches:
            hint = f"; did you mean '{matches[0]}'?"
        elif not name.startswith(EXTENSION_PREFIX):
            hint = f"; keys of your own must start with '{EXTENSION_PREFIX}'"
        return f"{where}: unknown key '{name}'{hint}", True, False
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        return f"{where}: {message}", False, kind == "value_error" and not loc
    if kind in ("greater_than_equal", "less_than_equal"):
        limits = error.get("ctx", {})
        bound = limits.get("ge", limits.get("le"))
        side = "at least" if kind == "greater_than_equal" else "at most"
        shown = _show(error["input"])
        return f"{where}: {shown} is out of range (must be {side} {bound})", False, False
    if kind == "string_pattern_mismatch":
        return (
            f"{where}: {_show(error['input'])} is not a valid id; use lower-case letters, "
            "digits and single hyphens (like 'first-visit')",
            False,
            False,
        )
    if kind == "string_too_short":
        return f"{where}: must not be empty", False, False
    if kind == "too_short":
        return f"{where}: needs at least one item", False, False
    if kind in ("enum", "literal_error"):
        expected = error.get("ctx", {}).get("expected", "")
        return f"{where}: {_show(error['input'])} is not allowed; expected {expected}", False, False
    if kind in _EXPECTED:
        return f"{where}: expected {_EXPECTED[kind]}, got {_show(error['input'])}", False, False
    return f"{where}: {error['msg']}", False, False


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
    return message.removeprefix(f"{dotted(loc)}: ")


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
        problems.append(Problem(document.path, line, col, Code.E003, Severity.ERROR, message))
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
