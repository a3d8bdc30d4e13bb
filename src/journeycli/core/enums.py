"""The value sets of the map format (docs/format.md): languages, kinds, horizons, levels.

Kept apart from the models so `core.model` stays about the shape of a map;
the models re-export every name here, so `from journeycli.core.model import
Horizon` keeps working. Every value set a map author types is a `LabelledEnum`:
the Dutch word a Dutch report prints for a value (`nu`, `laag`) is an error that
names the value to write (`journeycli.core.labels`). Pure: no I/O.
"""

from __future__ import annotations

from enum import StrEnum

from journeycli.core.labels import LabelledEnum


class Language(StrEnum):
    EN = "en"
    NL = "nl"


class EvidenceType(LabelledEnum):
    ANALYTICS = "analytics"
    SURVEY = "survey"
    INTERVIEW = "interview"
    USABILITY_TEST = "usability-test"
    POLL = "poll"
    DESK_RESEARCH = "desk-research"
    REVIEW = "review"
    ASSUMPTION = "assumption"


class Kind(LabelledEnum):
    DIGITAL = "digital"
    HUMAN = "human"
    PHYSICAL = "physical"


class Horizon(LabelledEnum):
    NOW = "now"
    NEXT = "next"
    LATER = "later"


class Status(LabelledEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"


class Effort(LabelledEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Impact(LabelledEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class State(StrEnum):
    CURRENT = "current"
    FUTURE = "future"


OPEN_STATUSES = frozenset({Status.TODO, Status.DOING})
