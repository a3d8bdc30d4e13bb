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
from enum import StrEnum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from journeycli.fieldtypes import (
    Age,
    Amount,
    Currency,
    Experience,
    Flag,
    Name,
    Percent,
    Score,
    Slug,
    Text,
    TextList,
    explain_ambiguous,
    list_not_null,
    mapping_not_null,
    no_default,
)
from journeycli.slug import slugify

EXTENSION_PREFIX = "x-"


class Language(StrEnum):
    EN = "en"
    NL = "nl"


class EvidenceType(StrEnum):
    ANALYTICS = "analytics"
    SURVEY = "survey"
    INTERVIEW = "interview"
    USABILITY_TEST = "usability-test"
    POLL = "poll"
    DESK_RESEARCH = "desk-research"
    REVIEW = "review"
    ASSUMPTION = "assumption"


class Kind(StrEnum):
    DIGITAL = "digital"
    HUMAN = "human"
    PHYSICAL = "physical"


class Horizon(StrEnum):
    NOW = "now"
    NEXT = "next"
    LATER = "later"


class Status(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"


class Effort(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


OPEN_STATUSES = frozenset({Status.TODO, Status.DOING})


def _schema_extra(schema: dict[str, Any]) -> None:
    """Allow `x-` keys; make each field's docstring a one-line hover text for editors."""
    schema["patternProperties"] = {"^x-": {}}
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict) and isinstance(prop.get("description"), str):
            prop["description"] = " ".join(prop["description"].split())


class Strict(BaseModel):
    """Unknown keys are errors, except `x-` keys, which are dropped as the user's own."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        use_enum_values=False,
        use_attribute_docstrings=True,  # the docstring under each field is its schema description
        json_schema_extra=_schema_extra,
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

    id: Slug = Field(default="", json_schema_extra=no_default)
    """Short, stable identifier: a lower-case slug such as 'first-time-buyer'. Default: the slug of
    the name. Keep it when you rename the item, so reports and diffs follow it.
    """
    name: Name
    """Display name (required)."""

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
    """Why the team maps this journey: the customer or business problem behind it."""
    how: Text | None = None
    """How the map is made: the research, workshops and people involved."""
    what: Text | None = None
    """What the map should deliver: the decisions or changes it supports."""


class Metrics(Strict):
    volume: Amount | None = None
    """Customers entering the first stage per period (0 or more). Starts the funnel: reach, lost
    customers and value at stake per stage.
    """
    value: Amount | None = None
    """Value of one customer who completes the journey (0 or more), in the currency below. Turns
    lost customers into value at stake.
    """
    currency: Currency = "EUR"
    """Currency of value: an ISO 4217 code such as EUR or USD, or a sign such as € or R$.
    Default EUR.
    """
    period: Text = "period"
    """The period that volume counts, such as year or month. Default 'period'."""


class Persona(Identified):
    age: Age | None = None
    """Age in years (0-130)."""
    description: Text | None = None
    """Who this persona is, in a sentence or two."""
    demographics: Annotated[dict[str, Text], BeforeValidator(mapping_not_null)] = Field(
        default_factory=dict
    )
    """Free-form facts as key: text, such as gender, residence or income."""
    needs: TextList = Field(default_factory=list)
    """What this persona needs from the company."""
    goals: TextList = Field(default_factory=list)
    """What this persona wants to achieve."""
    frustrations: TextList = Field(default_factory=list)
    """What annoys or worries this persona."""
    channels: TextList = Field(default_factory=list)
    """Channels this persona prefers, such as website, app or phone."""
    tone: Text | None = None
    """How to address this persona: formal or informal, warm, brief, ..."""


class Evidence(Strict):
    type: EvidenceType | None = None
    """Kind of evidence: analytics, survey, interview, usability-test, poll, desk-research, review,
    or assumption (a guess, not a measurement).
    """
    source: Name
    """Where the scores come from: a dashboard, a study, a report (required)."""
    date: dt.date | None = None
    """When the evidence was gathered, as an ISO date (YYYY-MM-DD)."""


class PersonaScore(Strict):
    relevance: Score | None = None
    """This persona's relevance (0-100), in place of the stage's."""
    presence: Score | None = None
    """This persona's presence (0-100), in place of the stage's."""


class Touchpoint(Identified):
    channel: Text | None = None
    """Channel of the contact, such as website, app, phone, branch or email."""
    kind: Kind | None = None
    """Kind of contact: digital, human or physical."""
    personas: TextList = Field(default_factory=list)
    """Ids of the personas who meet this touchpoint. Empty: all personas."""
    critical: Flag = False
    """A moment of truth: one bad experience here can break the whole journey. Only true or false.
    Default false.
    """
    experience: Experience | None = None
    """How the contact feels to the customer: 1 very bad, 2 bad, 3 neutral, 4 good, 5 very good. A
    critical touchpoint at 1 or 2 is a breaking moment.
    """
    owner: Text | None = None
    """Team or person responsible for this touchpoint."""
    pain_points: TextList = Field(default_factory=list)
    """What goes wrong for the customer at this touchpoint."""


class Action(Strict):
    action: Name
    """What to do, as a short instruction (required)."""
    id: Slug | None = None
    """Optional stable slug for the action, so diffs can follow it when its text changes."""
    channel: Text | None = None
    """Channel the action is about, such as website or phone."""
    owner: Text | None = None
    """Team or person who carries the action out. Every open action needs one."""
    touchpoint: Text | None = None
    """Id of the touchpoint this action improves (any touchpoint of the map)."""
    horizon: Horizon = Horizon.NEXT
    """When: now, next or later. Default next."""
    status: Status = Status.TODO
    """todo, doing, done or dropped. Default todo. todo and doing count as open."""
    effort: Effort | None = None
    """Rough effort: low, medium or high."""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def _drop_extension_keys(value: Any) -> Any:
    value = mapping_not_null(value)
    if isinstance(value, dict):
        return {
            k: v
            for k, v in value.items()
            if not (isinstance(k, str) and k.startswith(EXTENSION_PREFIX))
        }
    return value


class Stage(Identified):
    description: Text | None = None
    """What happens in this stage, in a sentence or two."""
    customer_goal: Text | None = None
    """What the customer wants to achieve in this stage."""
    questions: TextList = Field(default_factory=list)
    """What the customer wonders in this stage."""
    feelings: TextList = Field(default_factory=list)
    """How the customer feels in this stage."""
    pain_points: TextList = Field(default_factory=list)
    """What frustrates the customer in this stage."""
    review_questions: TextList = Field(default_factory=list)
    """What the company asks customers here, to listen to them."""
    relevance: Score | None = None
    """How much the company matters to the customer in this stage: a whole number 0-100. gap =
    relevance - presence.
    """
    presence: Score | None = None
    """How present the company actually is in this stage: a whole number 0-100. gap = relevance -
    presence.
    """
    conversion: Percent | None = None
    """Percentage (0-100) of the customers in this stage who go on to the next one. Leave it out
    when unknown: the funnel stops here.
    """
    evidence: Annotated[list[Evidence], BeforeValidator(list_not_null)] = Field(
        default_factory=list
    )
    """What the scores are based on. Without at least one item that is not an assumption, the scores
    count as assumed.
    """
    persona_scores: Annotated[dict[Text, PersonaScore], BeforeValidator(_drop_extension_keys)] = (
        Field(default_factory=dict)
    )
    """Per-persona relevance and presence, keyed by persona id; they replace the stage's scores for
    that persona.
    """
    touchpoints: Annotated[list[Touchpoint], BeforeValidator(list_not_null)] = Field(
        default_factory=list
    )
    """Moments of contact with the customer in this stage."""
    opportunities: TextList = Field(default_factory=list)
    """Chances to do better in this stage."""
    actions: Annotated[list[Action], BeforeValidator(list_not_null)] = Field(default_factory=list)
    """What to do about this stage: the roadmap items, per channel, with owner, horizon and status.
    """


class JourneyMap(Strict):
    """One journey map file (format version 1)."""

    version: Annotated[Literal[1], BeforeValidator(explain_ambiguous)]
    """Version of the file format; always 1 (required)."""
    title: Name
    """Name of the journey, shown at the top of every report (required)."""
    description: Text | None = None
    """What this journey covers: who travels it, from where to where."""
    language: Language = Language.EN
    """Language of the report labels: en (English) or nl (Dutch). Default en."""
    owner: Text | None = None
    """Team or person who keeps this map up to date."""
    goal: Goal | None = None
    """The goal of the map: why it is made, how, and what it should deliver."""
    principles: TextList = Field(default_factory=list)
    """Guiding principles the team keeps to in every stage."""
    metrics: Metrics | None = None
    """Funnel figures: customers entering per period and the value of one customer."""
    personas: Annotated[list[Persona], BeforeValidator(list_not_null)] = Field(default_factory=list)
    """Named, concrete customer types this journey is about."""
    stages: Annotated[list[Stage], Field(min_length=1)]
    """The columns of the map, in the order customers usually go through them (at least one;
    required).
    """

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
    """Step from `list[X]`, `dict[str, X]`, `X | None` or `Annotated[X, ...]` to X. Also returns how
    many location parts (list index, dict key) the step spans.
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
