"""Pydantic v2 models of the v1 map format (docs/format.md). Pure: no I/O.

The models are the single source of truth for the format: the loader
validates against them, the engine reads them, `journey schema` is generated
from them. YAML 1.1 surprises arrive here as markers from `journeycli.core.scalars`
and are rejected by the field types with an explanation, so no text field can
silently hold `False` where the author wrote `no`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
)

from journeycli.core.enums import OPEN_STATUSES as OPEN_STATUSES
from journeycli.core.enums import Effort as Effort
from journeycli.core.enums import EvidenceType as EvidenceType
from journeycli.core.enums import Horizon as Horizon
from journeycli.core.enums import Impact as Impact
from journeycli.core.enums import Kind as Kind
from journeycli.core.enums import Language as Language
from journeycli.core.enums import State as State
from journeycli.core.enums import Status as Status
from journeycli.core.fieldtypes import (
    Age,
    Amount,
    Currency,
    Date,
    Experience,
    Flag,
    Measure,
    Name,
    Percent,
    SampleSize,
    Score,
    Slug,
    Text,
    TextList,
    explain_ambiguous,
    list_not_null,
    mapping_not_null,
)
from journeycli.core.model_base import EXTENSION_PREFIX as EXTENSION_PREFIX
from journeycli.core.model_base import Identified as Identified
from journeycli.core.model_base import Strict as Strict
from journeycli.core.model_base import drop_extension_keys

DEFAULT_CURRENCY = "EUR"  # docs/format.md, metrics.currency


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
    currency: Currency = DEFAULT_CURRENCY
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
    date: Date | None = None
    """When the evidence was gathered, as an ISO date (YYYY-MM-DD)."""
    n: SampleSize | None = None
    """How many answers, respondents or ratings the scores are based on (a whole number, 1 or
    more).
    """
    margin: Percent | None = None
    """The 95 % margin of the scores, in points on the 0-100 scale: 55 with margin 9 means
    somewhere between 46 and 64 (docs/measure.md).
    """


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
    persona_experience: Annotated[dict[Text, Experience], BeforeValidator(drop_extension_keys)] = (
        Field(default_factory=dict)
    )
    """How the contact feels to one persona (1-5), keyed by persona id, where it differs from
    experience; with --persona it replaces experience for that persona.
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
    opportunity: Text | None = None
    """Id of the opportunity this action serves (any opportunity of the map)."""
    horizon: Horizon = Horizon.NEXT
    """When: now, next or later. Default next."""
    status: Status = Status.TODO
    """todo, doing, done or dropped. Default todo. todo and doing count as open."""
    effort: Effort | None = None
    """Rough effort: low, medium or high."""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Kpi(Strict):
    """A figure that shows how a stage performs, with its target (docs/format.md#kpis)."""

    name: Name
    """What is measured, such as NPS, CSAT, CES or a conversion (required)."""
    value: Measure | None = None
    """The latest measured value; any number, decimals and negative numbers allowed."""
    target: Measure | None = None
    """The value the team aims for."""
    unit: Text | None = None
    """The unit, shown after the figures, such as % or seconds."""
    higher_is_better: Flag = True
    """Whether a higher value is better. Only true or false. Default true; false for calls, waiting
    time or effort.
    """
    evidence: Annotated[list[Evidence], BeforeValidator(list_not_null)] = Field(
        default_factory=list
    )
    """Where the value comes from."""


class Opportunity(Strict):
    """An opportunity with what it would bring and cost (docs/format.md#opportunities)."""

    text: Name
    """The opportunity (required)."""
    id: Slug | None = None
    """Optional stable slug, so actions can name this opportunity with `opportunity:`."""
    impact: Impact | None = None
    """How much it would improve the journey: low, medium or high."""
    effort: Effort | None = None
    """How much work it would take: low, medium or high."""


def _opportunity_form(value: Any) -> str:
    # A dict when validating, an Opportunity when serialising (model_dump): both are mappings.
    return "mapping" if isinstance(value, dict | Opportunity) else "text"


OpportunityItem = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Opportunity, Tag("mapping")],
    Discriminator(_opportunity_form),
]
"""Plain text (as in the first release) or a mapping with impact and effort."""
UNION_TAGS = frozenset({"text", "mapping"})
"""The tags of `OpportunityItem`, which Pydantic puts in an error's location."""


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
    tone: Text | None = None
    """How to speak to the customer in this stage: the tone of voice."""
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
    persona_scores: Annotated[dict[Text, PersonaScore], BeforeValidator(drop_extension_keys)] = (
        Field(default_factory=dict)
    )
    """Per-persona relevance and presence, keyed by persona id; they replace the stage's scores for
    that persona.
    """
    kpis: Annotated[list[Kpi], BeforeValidator(list_not_null)] = Field(default_factory=list)
    """Figures that show how this stage performs (NPS, CSAT, CES, ...), each with a target."""
    customer_actions: TextList = Field(default_factory=list)
    """Service blueprint: what the customer does in this stage."""
    touchpoints: Annotated[list[Touchpoint], BeforeValidator(list_not_null)] = Field(
        default_factory=list
    )
    """Moments of contact with the customer in this stage."""
    frontstage: TextList = Field(default_factory=list)
    """Service blueprint: what staff and systems do in view of the customer."""
    backstage: TextList = Field(default_factory=list)
    """Service blueprint: what happens behind the scenes, out of the customer's sight."""
    support: TextList = Field(default_factory=list)
    """Service blueprint: support processes that make the stage possible."""
    systems: TextList = Field(default_factory=list)
    """Service blueprint: the tools and systems involved."""
    opportunities: Annotated[list[OpportunityItem], BeforeValidator(list_not_null)] = Field(
        default_factory=list
    )
    """Chances to do better in this stage: text, or {text, id, impact, effort}."""
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
    state: State = State.CURRENT
    """current (the journey as it is, default) or future (as the team wants it to become)."""
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

    @property
    def currency(self) -> str:
        """The currency amounts are shown in: `metrics.currency`, else the default."""
        return self.metrics.currency if self.metrics else DEFAULT_CURRENCY

    def opportunities(self) -> list[tuple[int, int, Opportunity]]:
        """(stage index, item index, opportunity) of every opportunity written as a mapping."""
        return [
            (si, oi, item)
            for si, stage in enumerate(self.stages)
            for oi, item in enumerate(stage.opportunities)
            if isinstance(item, Opportunity)
        ]
