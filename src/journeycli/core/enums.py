"""The value sets of the map format (docs/format.md): languages, kinds, horizons, levels.

Kept apart from the models so `core.model` stays about the shape of a map;
the models re-export every name here, so `from journeycli.core.model import
Horizon` keeps working. Pure: no I/O.
"""

from __future__ import annotations

from enum import StrEnum


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


class Impact(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class State(StrEnum):
    CURRENT = "current"
    FUTURE = "future"


OPEN_STATUSES = frozenset({Status.TODO, Status.DOING})
