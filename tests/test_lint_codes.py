"""Every code of docs/rules.md: one map per case, asserting code, line and column."""

from __future__ import annotations

import pytest

from journeycli.core.checks import check_map
from journeycli.core.problems import Problem
from journeycli.core.validation import load_map

HEAD = "version: 1\ntitle: Test\n"

# A well-formed stage that triggers no warning (scored, measured, touchpoint, plan).
GOOD_STAGE = """\
  - name: Oriëntatie
    relevance: 50
    presence: 40
    evidence:
      - type: survey
        source: Survey 2026
    touchpoints:
      - name: Website
"""


def problems_of(text: str | bytes, path: str = "m.journey.yaml") -> list[Problem]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return sorted(check_map(load_map(raw, path)))


def only(text: str | bytes, code: str) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.column) for p in problems_of(text) if p.code == code]


CASES: list[tuple[str, str | bytes, str, int, int]] = [
    # E001: not valid YAML, not UTF-8, empty, more than one document, not a mapping
    ("syntax", HEAD + "stages: [\n", "E001", 4, 1),
    ("bad-indent", HEAD + "stages:\n  - name: a\n   relevance: 3\n", "E001", 5, 4),
    ("not-utf8", b"version: 1\ntitle: Caf\xe9\n", "E001", 2, 11),
    ("empty", "", "E001", 1, 1),
    ("only-comment", "# nothing here\n", "E001", 1, 1),
    ("two-documents", HEAD + "stages: []\n---\ntitle: again\n", "E001", 4, 1),
    ("top-level-list", "- version: 1\n", "E001", 1, 1),
    ("unknown-alias", HEAD + "stages: *nope\n", "E001", 3, 9),
    # E002: duplicated key, reported at its later occurrence
    ("dup-top", HEAD + "title: Again\nstages:\n" + GOOD_STAGE, "E002", 3, 1),
    ("dup-nested", HEAD + "stages:\n  - name: a\n    presence: 4\n    presence: 5\n", "E002", 6, 5),
    # E003: schema violations
    ("missing-title", "version: 1\nstages:\n" + GOOD_STAGE, "E003", 1, 1),
    ("missing-stage-name", HEAD + "stages:\n  - relevance: 5\n", "E003", 4, 5),
    ("wrong-type", HEAD + "stages:\n  - name: a\n    relevance: high\n", "E003", 5, 16),
    ("out-of-range", HEAD + "stages:\n  - name: a\n    presence: 130\n", "E003", 5, 15),
    ("unknown-key", HEAD + "stages:\n  - name: a\n    relevence: 3\n", "E003", 5, 5),
    ("unquoted-no", HEAD + "stages:\n  - name: no\n", "E003", 4, 11),
    (
        "yes-in-bool",
        HEAD + "stages:\n  - name: a\n    touchpoints:\n      - name: b\n        critical: yes\n",
        "E003",
        7,
        19,
    ),
    ("octal", HEAD + "stages:\n  - name: a\n    relevance: 012\n", "E003", 5, 16),
    ("base-60", HEAD + "stages:\n  - name: a\n    description: 1:30\n", "E003", 5, 18),
    (
        "python-tag",
        HEAD + "x-cmd: !!python/object/apply:os.system [echo hi]\nstages:\n" + GOOD_STAGE,
        "E003",
        3,
        8,
    ),
    ("bad-slug", HEAD + "stages:\n  - id: Not A Slug\n    name: a\n", "E003", 4, 9),
    ("no-stages", HEAD + "stages: []\n", "E003", 3, 9),
    ("bad-version", "version: 2\ntitle: T\nstages:\n" + GOOD_STAGE, "E003", 1, 10),
    ("null-list", HEAD + "stages:\n  - name: a\n    questions:\n", "E003", 5, 15),
    ("null-mapping", HEAD + "stages:\n  - name: a\n    persona_scores:\n", "E003", 5, 20),
    (
        "bad-enum",
        HEAD + "stages:\n  - name: a\n    evidence:\n      - type: gut-feeling\n"
        "        source: me\n",
        "E003",
        6,
        15,
    ),
    # E004: duplicate ids, at the later occurrence
    ("dup-stage-id", HEAD + "stages:\n" + GOOD_STAGE + GOOD_STAGE, "E004", 12, 5),
    (
        "dup-explicit-id",
        HEAD + "personas:\n  - id: p\n    name: A\n  - id: p\n    name: B\nstages:\n" + GOOD_STAGE,
        "E004",
        6,
        9,
    ),
    # E005: unknown references
    (
        "unknown-persona",
        HEAD + "personas:\n  - name: Sanne\nstages:\n" + GOOD_STAGE + "        personas: [sane]\n",
        "E005",
        14,
        20,
    ),
    (
        "unknown-touchpoint",
        HEAD
        + "stages:\n"
        + GOOD_STAGE
        + "    opportunities: [x]\n    actions:\n      - action: Fix\n        owner: me\n"
        "        touchpoint: nowhere\n",
        "E005",
        16,
        21,
    ),
    (
        "unknown-score-persona",
        HEAD + "stages:\n" + GOOD_STAGE + "    persona_scores:\n      ghost: {relevance: 3}\n",
        "E005",
        13,
        7,
    ),
    # E006: resource limits
    (
        "deep-nesting",
        HEAD + "x: " + "[" * 150 + "]" * 150 + "\nstages:\n" + GOOD_STAGE,
        "E006",
        3,
        103,
    ),
    ("recursive-alias", HEAD + "x: &a [*a]\nstages:\n" + GOOD_STAGE, "E006", 3, 8),
]


@pytest.mark.parametrize(
    ("name", "text", "code", "line", "column"), CASES, ids=[c[0] for c in CASES]
)
def test_error_code_and_position(
    name: str, text: str | bytes, code: str, line: int, column: int
) -> None:
    found = only(text, code)
    assert found, f"{name}: expected {code}, got {problems_of(text)}"
    assert found[0] == (code, line, column), problems_of(text)


WARNING_CASES = [
    (
        "W101",
        HEAD + "stages:\n  - name: a\n    relevance: 5\n"
        "    evidence: [{type: survey, source: s}]\n    touchpoints: [{name: t}]\n",
        4,
        5,
    ),
    (
        "W102",
        HEAD + "stages:\n  - name: a\n    relevance: 5\n    presence: 5\n"
        "    evidence: [{type: assumption, source: s}]\n    touchpoints: [{name: t}]\n",
        4,
        5,
    ),
    ("W102", HEAD + "stages:\n  - name: a\n    presence: 5\n    touchpoints: [{name: t}]\n", 4, 5),
    (
        "W103",
        HEAD + "stages:\n  - name: a\n    relevance: 90\n    presence: 10\n"
        "    evidence: [{type: poll, source: s}]\n    touchpoints: [{name: t}]\n"
        "    opportunities: [o]\n",
        4,
        5,
    ),
    ("W104", HEAD + "stages:\n" + GOOD_STAGE + "    actions:\n      - action: Do it\n", 13, 9),
    ("W105", HEAD + "stages:\n  - name: a\n", 4, 5),
    (
        "W106",
        HEAD + "stages:\n  - name: a\n    touchpoints:\n      - name: Checkout\n"
        "        critical: true\n        experience: 2\n",
        6,
        9,
    ),
]


@pytest.mark.parametrize(
    ("code", "text", "line", "column"),
    WARNING_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(WARNING_CASES)],
)
def test_warning_code_and_position(code: str, text: str, line: int, column: int) -> None:
    found = only(text, code)
    assert found == [(code, line, column)], problems_of(text)
    assert all(p.severity.value == "warning" for p in problems_of(text) if p.code == code)


def test_good_stage_is_clean() -> None:
    assert problems_of(HEAD + "stages:\n" + GOOD_STAGE) == []


def test_w103_not_raised_with_a_plan_or_below_threshold() -> None:
    planned = (
        HEAD + "stages:\n  - name: a\n    relevance: 90\n    presence: 10\n"
        "    evidence: [{type: poll, source: s}]\n    touchpoints: [{name: t}]\n"
        "    opportunities: [o]\n    actions: [{action: x, owner: y}]\n"
    )
    assert only(planned, "W103") == []
    small_gap = planned.replace("presence: 10", "presence: 61").replace(
        "    actions: [{action: x, owner: y}]\n", ""
    )
    assert only(small_gap, "W103") == []
    done_only = planned.replace("owner: y}", "owner: y, status: done}")
    assert only(done_only, "W103") == [("W103", 4, 5)]


def test_w106_not_raised_when_an_open_action_addresses_it() -> None:
    text = (
        HEAD + "stages:\n  - name: a\n    touchpoints:\n      - name: Checkout\n"
        "        critical: true\n        experience: 1\n"
        "    actions:\n      - action: Fix checkout\n        touchpoint: checkout\n"
    )
    assert only(text, "W106") == []
    assert only(
        text.replace("touchpoint: checkout", "touchpoint: checkout\n        status: done"), "W106"
    ) == [("W106", 6, 9)]


def test_messages_explain_yaml_traps() -> None:
    by_code = {p.message for p in problems_of(HEAD + "stages:\n  - name: NO\n") if p.code == "E003"}
    assert any("quote it" in m and "'NO'" in m for m in by_code), by_code
    octal = problems_of(HEAD + "stages:\n  - name: a\n    relevance: 012\n")
    assert any("octal number 10" in p.message for p in octal), octal
    sexagesimal = problems_of(HEAD + "stages:\n  - name: a\n    description: 1:30\n")
    assert any("base-60 number 90" in p.message for p in sexagesimal), sexagesimal
    flag = problems_of(
        HEAD + "stages:\n  - name: a\n    touchpoints:\n      - name: b\n        critical: on\n"
    )
    assert any("only true and false" in p.message for p in flag), flag


def test_unknown_key_suggests_the_nearest() -> None:
    found = problems_of(HEAD + "stages:\n  - name: a\n    relevence: 3\n")
    assert any("did you mean 'relevance'" in p.message for p in found), found


def test_extension_keys_are_free_everywhere() -> None:
    text = (
        HEAD
        + "x-team: growth\nstages:\n"
        + GOOD_STAGE.replace("    relevance: 50\n", "    relevance: 50\n    x-note: anything\n")
        + "        x-id: {deep: [1, 2]}\n"
    )
    assert problems_of(text) == []


def test_text_that_starts_like_a_date_stays_text() -> None:
    validated = load_map(
        (HEAD.replace("Test", "2026-03-01 is the date") + "stages:\n" + GOOD_STAGE).encode(), "m"
    )
    assert validated.problems == []
    assert validated.model is not None
    assert validated.model.title == "2026-03-01 is the date"


def test_a_date_where_text_is_expected_is_kept_as_iso_text() -> None:
    validated = load_map((HEAD + "description: 2026-03-01\nstages:\n" + GOOD_STAGE).encode(), "m")
    assert validated.model is not None
    assert validated.model.description == "2026-03-01"


def test_duplicate_default_ids_name_the_first() -> None:
    found = [
        p for p in problems_of(HEAD + "stages:\n" + GOOD_STAGE + GOOD_STAGE) if p.code == "E004"
    ]
    assert [(p.line, p.column) for p in found] == [(12, 5), (19, 9)]
    assert "stage id 'orientatie'" in found[0].message
    assert "stages[0]" in found[0].message
    assert "touchpoint id 'website'" in found[1].message
