"""Pydantic v2 models of the v1 map format (SPEC §2). Pure: no I/O.

The models are the single source of truth for the format: the loader
validates against them, the engine reads them, `journey schema` is generated
from them. YAML 1.1 surprises arrive here as markers from `journeycli.scalars`
and are rejected by the field types with an explanation, so no text field can
silently hold `False` where the author wrote `no`.
"""

from __future__ import annotations

import datetime as dt
import types
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)

from journeycli.scalars import AmbiguousBool, AmbiguousNumber
from journeycli.slug import SLUG_PATTERN, slugify

EXTENSION_PREFIX = "x-"


def _explain_ambiguous(value: Any) -> Any:
    if isinstance(value, AmbiguousBool | AmbiguousNumber):
        raise ValueError(value.explain())
    return value


def _as_text(value: Any) -> Any:
    """Accept text; keep a date as its ISO text; refuse everything else with advice."""
    value = _explain_ambiguous(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise ValueError(f"expected text, got the boolean {str(value).lower()}; quote it")
    if isinstance(value, int | float):
        raise ValueError(f"expected text, got the number {value}; quote it (\"{value}\")")
    return value


def _as_flag(value: Any) -> Any:
    if isinstance(value, AmbiguousBool):
        raise ValueError(
            f"only true and false are accepted here, not '{value.text}' "
            f"(write {str(value.value).lower()})"
        )
    return _explain_ambiguous(value)


def _none_as_empty(value: Any) -> Any:
    return [] if value is None else value


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


Text = Annotated[str, BeforeValidator(_as_text)]
Name = Annotated[str, BeforeValidator(_as_text), Field(min_length=1)]
Slug = Annotated[str, BeforeValidator(_as_text), Field(pattern=SLUG_PATTERN)]
Score = Annotated[int, BeforeValidator(_explain_ambiguous), Field(ge=0, le=100, strict=True)]


def _number(ge: int, le: int | None = None) -> Any:
    """An int or a finite float in range, no strings: JSON keeps `40` as `40`.

    One plain validator instead of an `int | float` union, so a bad value gives
    one clear error rather than one per union branch.
    """
    bounds = f"between {ge} and {le}" if le is not None else f"{ge} or more"

    def check(value: Any) -> int | float:
        value = _explain_ambiguous(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number {bounds}")
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"expected a finite number {bounds}")
        if value < ge or (le is not None and value > le):
            raise ValueError(f"{value} is out of range: expected a number {bounds}")
        return value

    schema: dict[str, Any] = {"type": "number", "minimum": ge}
    if le is not None:
        schema["maximum"] = le
    return Annotated[int | float, PlainValidator(check), WithJsonSchema(schema)]


Percent = _number(0, 100)
Amount = _number(0)
Experience = Annotated[int, BeforeValidator(_explain_ambiguous), Field(ge=1, le=5, strict=True)]
Age = Annotated[int, BeforeValidator(_explain_ambiguous), Field(ge=0, le=130, strict=True)]
Flag = Annotated[bool, BeforeValidator(_as_flag), Field(strict=True)]
TextList = Annotated[list[Text], BeforeValidator(_none_as_empty)]


class Language(str, Enum):
    EN = "en"
    NL = "nl"


class EvidenceType(str, Enum):
    ANALYTICS = "analytics"
    SURVEY = "survey"
    INTERVIEW = "interview"
    USABILITY_TEST = "usability-test"
    POLL = "poll"
    DESK_RESEARCH = "desk-research"
    REVIEW = "review"
    ASSUMPTION = "assumption"


class Kind(str, Enum):
    DIGITAL = "digital"
    HUMAN = "human"
    PHYSICAL = "physical"


class Horizon(str, Enum):
    NOW = "now"
    NEXT = "next"
    LATER = "later"


class Status(str, Enum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"


class Effort(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


OPEN_STATUSES = frozenset({Status.TODO, Status.DOING})


class Strict(BaseModel):
    """Unknown keys are errors, except `x-` keys, which are dropped as the user's own."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_enum_values=False,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_extensions(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(
            isinstance(k, str) and k.startswith(EXTENSION_PREFIX) for k in data
        ):
            return {
                k: v
                for k, v in data.items()
                if not (isinstance(k, str) and k.startswith(EXTENSION_PREFIX))
            }
        return data


class Identified(Strict):
    """An item whose `id` defaults to the slug of its `name` (SPEC §2)."""

    id: Slug = Field(default="", json_schema_extra=_no_default)
    name: Name

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("id") is None and isinstance(data.get("name"), str):
            derived = slugify(data["name"])
            if derived:
                data = {**data, "id": derived}
            else:
                data = {k: v for k, v in data.items() if k != "id"}
        return data

    @model_validator(mode="after")
    def _require_id(self) -> Identified:
        if not self.id:
            raise ValueError(f"no id can be made from the name '{self.name}'; add an id")
        return self


class Goal(Strict):
    why: Text | None = None
    how: Text | None = None
    what: Text | None = None


class Metrics(Strict):
    volume: Amount | None = None
    value: Amount | None = None
    currency: Text = "EUR"
    period: Text = "period"


class Persona(Identified):
    age: Age | None = None
    description: Text | None = None
    demographics: Annotated[dict[str, Text], BeforeValidator(lambda v: {} if v is None else v)] = (
        Field(default_factory=dict)
    )
    needs: TextList = Field(default_factory=list)
    goals: TextList = Field(default_factory=list)
    frustrations: TextList = Field(default_factory=list)
    channels: TextList = Field(default_factory=list)
    tone: Text | None = None


class Evidence(Strict):
    type: EvidenceType | None = None
    source: Name
    date: dt.date | None = None


class PersonaScore(Strict):
    relevance: Score | None = None
    presence: Score | None = None


class Touchpoint(Identified):
    channel: Text | None = None
    kind: Kind | None = None
    personas: TextList = Field(default_factory=list)
    critical: Flag = False
    experience: Experience | None = None
    owner: Text | None = None
    pain_points: TextList = Field(default_factory=list)


class Action(Strict):
    action: Name
    id: Slug | None = None
    channel: Text | None = None
    owner: Text | None = None
    touchpoint: Text | None = None
    horizon: Horizon = Horizon.NEXT
    status: Status = Status.TODO
    effort: Effort | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def _drop_extension_keys(value: Any) -> Any:
    if value is None:
        return {}
    if isinstance(value, dict):
        return {
            k: v
            for k, v in value.items()
            if not (isinstance(k, str) and k.startswith(EXTENSION_PREFIX))
        }
    return value


class Stage(Identified):
    description: Text | None = None
    customer_goal: Text | None = None
    questions: TextList = Field(default_factory=list)
    feelings: TextList = Field(default_factory=list)
    pain_points: TextList = Field(default_factory=list)
    review_questions: TextList = Field(default_factory=list)
    relevance: Score | None = None
    presence: Score | None = None
    conversion: Percent | None = None
    evidence: Annotated[list[Evidence], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list
    )
    persona_scores: Annotated[
        dict[Text, PersonaScore], BeforeValidator(_drop_extension_keys)
    ] = Field(default_factory=dict)
    touchpoints: Annotated[list[Touchpoint], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list
    )
    opportunities: TextList = Field(default_factory=list)
    actions: Annotated[list[Action], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list
    )


def _at_least_one(stages: list[Stage]) -> list[Stage]:
    if not stages:
        raise ValueError("a map needs at least one stage")
    return stages


class JourneyMap(Strict):
    """One journey map file (format version 1)."""

    version: Annotated[Literal[1], BeforeValidator(_explain_ambiguous)]
    title: Name
    description: Text | None = None
    language: Language = Language.EN
    owner: Text | None = None
    goal: Goal | None = None
    principles: TextList = Field(default_factory=list)
    metrics: Metrics | None = None
    personas: Annotated[list[Persona], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list
    )
    stages: Annotated[list[Stage], AfterValidator(_at_least_one)]

    def touchpoints(self) -> list[tuple[Stage, Touchpoint]]:
        return [(stage, tp) for stage in self.stages for tp in stage.touchpoints]


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
    """Step from `list[X]`, `dict[str, X]`, `X | None` or `Annotated[X, ...]` to X.

    Also returns how many location parts (list index, dict key) the step spans.
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
            if len(members) != 1:
                return annotation, depth
            annotation = members[0]
        else:
            return annotation, depth
