"""A Dutch label where an enum value belongs is E003 naming the one value to write."""

from __future__ import annotations

from enum import Enum

import pytest

from journeycli.core.i18n import label
from journeycli.core.labels import DUTCH_LABELS, value_for_label
from journeycli.core.model import Effort, EvidenceType, Horizon, Impact, Kind, Language, Status
from journeycli.core.validation import load_map

# enum -> (YAML that sets it, with {} for the value; line, column of the value)
FIELDS: dict[type[Enum], tuple[str, int, int]] = {
    Horizon: ("    actions:\n      - action: A\n        horizon: {}\n", 7, 18),
    Status: ("    actions:\n      - action: A\n        status: {}\n", 7, 17),
    Effort: ("    actions:\n      - action: A\n        effort: {}\n", 7, 17),
    Kind: ("    touchpoints:\n      - name: T\n        kind: {}\n", 7, 15),
    EvidenceType: ("    evidence:\n      - source: S\n        type: {}\n", 7, 15),
    Impact: ("    opportunities:\n      - text: K\n        impact: {}\n", 7, 17),
}
HEAD = "version: 1\ntitle: T\nstages:\n  - name: S\n"
CASES = [
    (enum, member.value, DUTCH_LABELS[member.value])
    for enum in FIELDS
    for member in enum
    if DUTCH_LABELS[member.value] != member.value
]


def lint(text: str) -> list[str]:
    return [p.format_text() for p in load_map(text.encode("utf-8"), "m.journey.yaml").problems]


@pytest.mark.parametrize(("enum", "value", "dutch"), CASES, ids=[c[2] for c in CASES])
def test_each_dutch_label_names_its_value(enum: type[Enum], value: str, dutch: str) -> None:
    body, line, column = FIELDS[enum]
    problems = lint(HEAD + body.format(dutch))
    assert len(problems) == 1
    assert problems[0].startswith(f"m.journey.yaml:{line}:{column}: E003 ")
    assert problems[0].endswith(f": '{dutch}' is the Dutch label; write {value}")


def test_every_label_the_dutch_report_prints_is_understood() -> None:
    for enum in FIELDS:
        for member in enum:
            printed = label(member, Language.NL)
            if printed != member.value:
                assert value_for_label(printed, [m.value for m in enum]) == member.value


def test_labels_are_matched_in_any_case_and_spelling_of_spaces() -> None:
    body = FIELDS[Status][0]
    assert lint(HEAD + body.format("Te-Doen"))[0].endswith(
        ": 'Te-Doen' is the Dutch label; write todo"
    )
    assert lint(HEAD + FIELDS[Horizon][0].format("NU"))[0].endswith("write now")


def test_other_wrong_values_keep_the_list_of_choices() -> None:
    problems = lint(HEAD + FIELDS[Horizon][0].format("soon"))
    assert problems[0].endswith("'soon' is not allowed; expected 'now', 'next' or 'later'")
    # a label of another field is not this field's label
    problems = lint(HEAD + FIELDS[Horizon][0].format("laag"))
    assert "expected 'now', 'next' or 'later'" in problems[0]


def test_a_label_that_is_the_value_itself_is_fine() -> None:
    assert lint(HEAD + FIELDS[Horizon][0].format("later")) == []
    assert lint(HEAD + FIELDS[EvidenceType][0].format("interview")) == []
