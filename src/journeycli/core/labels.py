"""The Dutch labels of the format's enum values, and the E003 that names the value to write.

A Dutch report prints `nu`, `laag`, `digitaal` where the map says `now`,
`low`, `digital`; people copy those words back into the map. Each label is
written once, here: the reports print it (`journeycli.core.i18n`), and an
enum field that meets it says which value to write instead of listing all
of them ("'nu' is the Dutch label; write now"), which `journey fix` then
writes for the user (docs/fix.md, docs/rules.md E003). Pure: no I/O.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

DUTCH_LABELS: dict[str, str] = {
    # horizon
    "now": "nu",
    "next": "volgende",
    "later": "later",
    # status
    "todo": "te doen",
    "doing": "bezig",
    "done": "klaar",
    "dropped": "geschrapt",
    # effort (and impact)
    "low": "laag",
    "medium": "middel",
    "high": "hoog",
    # kind of touchpoint
    "digital": "digitaal",
    "human": "menselijk",
    "physical": "fysiek",
    # type of evidence
    "analytics": "data-analyse",
    "survey": "enquête",
    "interview": "interview",
    "usability-test": "gebruikerstest",
    "poll": "peiling",
    "desk-research": "deskresearch",
    "review": "review",
    "assumption": "aanname",
}
"""Value -> the word a Dutch report prints for it."""

DUTCH_LABEL = "dutch_label"
"""The Pydantic error type of a Dutch label; its context holds `label` and `value`."""
DUTCH_LABEL_MESSAGE = "'{label}' is the Dutch label; write {value}"


def _fold(text: str) -> str:
    """Compare labels as people type them: any case, `te-doen` or `te  doen` for `te doen`."""
    return re.sub(r"[\s_-]+", " ", text.strip().casefold())


def value_for_label(text: str, values: list[str]) -> str | None:
    """The value among `values` whose Dutch label `text` is (None when it is none, or a value)."""
    folded = _fold(text)
    for value in values:
        label = DUTCH_LABELS.get(value)
        if label is not None and _fold(label) == folded and label != value and text != value:
            return value
    return None


class LabelledEnum(StrEnum):
    """An enum of the format whose fields refuse a Dutch label with the value to write.

    The check runs before Pydantic's own enum check, so the JSON Schema and
    every other message stay as they are.
    """

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        values = [member.value for member in cls]

        def refuse_label(value: Any) -> Any:
            if isinstance(value, str) and value not in values:
                meant = value_for_label(value, values)
                if meant is not None:
                    raise PydanticCustomError(
                        DUTCH_LABEL, DUTCH_LABEL_MESSAGE, {"label": value, "value": meant}
                    )
            return value

        return core_schema.no_info_before_validator_function(refuse_label, handler(source))
