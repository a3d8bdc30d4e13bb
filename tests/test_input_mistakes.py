"""A corpus of real input mistakes, each with the exact message `journey lint` gives.

The messages are the product here (docs/format.md, "YAML traps"): each names the
line to look at, quotes the value as the user wrote it and says what to write
instead. Writing them down case by case keeps them from drifting, and the last
tests prove that no message anywhere shows a Python repr.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from journeycli.core.validation import load_map

HEAD = "version: 1\ntitle: Hypotheek\n"


def stage(body: str, head: str = HEAD) -> str:
    """A map with one stage `A` whose keys are `body` (indented four spaces)."""
    indented = "".join(f"    {line}\n" if line else "\n" for line in body.splitlines())
    return f"{head}stages:\n  - name: A\n{indented}"


# (case id, map text, expected "line:col: CODE message" lines)
CASES: list[tuple[str, str, list[str]]] = [
    # --- §6.2 numbers that cannot be misread ----------------------------------------------------
    (
        "thousands-volume",
        HEAD + "metrics:\n  volume: 150.000\nstages: [{name: A}]\n",
        [
            "4:11: E003 metrics.volume: '150.000' reads as 150; write 150000 "
            "(no thousands separator), or 150.0 for a decimal"
        ],
    ),
    (
        "thousands-value",
        HEAD + "metrics:\n  value: 1.450\nstages: [{name: A}]\n",
        [
            "4:10: E003 metrics.value: '1.450' reads as 1.45; write 1450 "
            "(no thousands separator), or 1.45 for a decimal"
        ],
    ),
    (
        "thousands-twice",
        HEAD + "metrics:\n  volume: 12.500.000\nstages: [{name: A}]\n",
        [
            "4:11: E003 metrics.volume: '12.500.000' reads as text; write 12500000 "
            "(no thousands separator)"
        ],
    ),
    (
        "thousands-comma",
        HEAD + "metrics:\n  value: 1,450\nstages: [{name: A}]\n",
        [
            "4:10: E003 metrics.value: '1,450' reads as text; write 1450 "
            "(no thousands separator), or 1.45 for a decimal"
        ],
    ),
    (
        "thousands-whole-number-field",
        HEAD + "personas:\n  - name: Sanne\n    age: 1.000\nstages: [{name: A}]\n",
        [
            "5:10: E003 personas[0].age: '1.000' reads as 1; write 1000 "
            "(no thousands separator), or 1.0 for a decimal"
        ],
    ),
    (
        "thousands-score",
        stage("relevance: 85.000"),
        [
            "5:16: E003 stages[0].relevance: '85.000' reads as 85; write 85000 "
            "(no thousands separator), or 85.0 for a decimal"
        ],
    ),
    (
        "decimal-comma",
        stage("conversion: 35,5"),
        [
            "5:17: E003 stages[0].conversion: expected a number between 0 and 100, "
            "got '35,5'; write 35.5"
        ],
    ),
    (
        "decimal-comma-value",
        HEAD + "metrics:\n  value: 1450,50\nstages: [{name: A}]\n",
        ["4:10: E003 metrics.value: expected a number 0 or more, got '1450,50'; write 1450.50"],
    ),
    (
        "dutch-decimal-with-thousands",
        HEAD + "metrics:\n  value: 1.450,50\nstages: [{name: A}]\n",
        [
            "4:10: E003 metrics.value: expected a number 0 or more, got '1.450,50'; "
            "write 1450.50 (no thousands separator, a point before the decimals)"
        ],
    ),
    (
        "percent-sign",
        stage("conversion: 35%"),
        [
            "5:17: E003 stages[0].conversion: expected a number between 0 and 100, "
            "got '35%'; write 35 (percent without %)"
        ],
    ),
    (
        "percent-sign-decimal-comma",
        stage("conversion: 35,5 %"),
        [
            "5:17: E003 stages[0].conversion: expected a number between 0 and 100, "
            "got '35,5 %'; write 35.5 (percent without %)"
        ],
    ),
    (
        "percent-in-score",
        stage("presence: 40%"),
        [
            "5:15: E003 stages[0].presence: expected a whole number, got '40%'; "
            "write 40 (percent without %)"
        ],
    ),
    (
        "decimal-comma-in-score",
        stage("relevance: 35,5"),
        ["5:16: E003 stages[0].relevance: expected a whole number, got '35,5'"],
    ),
    (
        "decimal-in-score",
        stage("relevance: 85.5"),
        ["5:16: E003 stages[0].relevance: expected a whole number, got '85.5'"],
    ),
    (
        "quoted-number-in-score",
        stage('relevance: "80"'),
        [
            "5:16: E003 stages[0].relevance: expected a whole number, got the text '80'; "
            "remove the quotes"
        ],
    ),
    (
        "quoted-boolean",
        stage('touchpoints:\n  - name: Balie\n    critical: "true"'),
        [
            "7:19: E003 stages[0].touchpoints[0].critical: expected true or false, got the text "
            "'true'; remove the quotes"
        ],
    ),
    (
        "currency-in-value",
        HEAD + "metrics:\n  value: € 1450\nstages: [{name: A}]\n",
        [
            "4:10: E003 metrics.value: expected a number 0 or more, got '€ 1450'; write 1450 "
            "(the currency goes in metrics.currency)"
        ],
    ),
    (
        "word-in-number",
        HEAD + "metrics:\n  volume: veel\nstages: [{name: A}]\n",
        ["4:11: E003 metrics.volume: expected a number 0 or more, got 'veel'"],
    ),
    (
        "out-of-range",
        stage("relevance: 150"),
        ["5:16: E003 stages[0].relevance: '150' is out of range (must be at most 100)"],
    ),
    (
        "out-of-range-conversion",
        stage("conversion: 120.5"),
        [
            "5:17: E003 stages[0].conversion: '120.5' is out of range: "
            "expected a number between 0 and 100"
        ],
    ),
    (
        "negative-volume",
        HEAD + "metrics:\n  volume: -5\nstages: [{name: A}]\n",
        ["4:11: E003 metrics.volume: '-5' is out of range: expected a number 0 or more"],
    ),
    (
        "number-as-text",
        HEAD.replace("Hypotheek", "1.450") + "stages: [{name: A}]\n",
        ["2:8: E003 title: expected text, got the number '1.450'; quote it (\"1.450\")"],
    ),
    # --- dates -----------------------------------------------------------------------------------
    (
        "impossible-date",
        stage("evidence:\n  - source: Enquête\n    date: 2026-02-30"),
        [
            "7:15: E003 stages[0].evidence[0].date: '2026-02-30' is not a date that exists "
            "(February 2026 has 28 days)"
        ],
    ),
    (
        "impossible-month",
        stage("evidence:\n  - source: Enquête\n    date: 2026-13-01"),
        [
            "7:15: E003 stages[0].evidence[0].date: '2026-13-01' is not a date that exists "
            "(a year has 12 months)"
        ],
    ),
    (
        "dutch-date-order",
        stage("evidence:\n  - source: Enquête\n    date: 01-03-2026"),
        [
            "7:15: E003 stages[0].evidence[0].date: expected a date (YYYY-MM-DD), "
            "got '01-03-2026'; write 2026-03-01"
        ],
    ),
    (
        "date-with-time",
        stage("evidence:\n  - source: Enquête\n    date: 2026-03-01 10:30"),
        [
            "7:15: E003 stages[0].evidence[0].date: expected a date without a time "
            "(YYYY-MM-DD), got '2026-03-01 10:30'; write 2026-03-01"
        ],
    ),
    # --- lists and mappings ----------------------------------------------------------------------
    (
        "single-value-for-list",
        stage("feelings: gespannen"),
        ["5:15: E003 stages[0].feelings: expected a list, got 'gespannen'; write [gespannen]"],
    ),
    (
        "single-value-with-comma-for-list",
        stage("feelings: blij, maar gespannen"),
        [
            "5:15: E003 stages[0].feelings: expected a list, got 'blij, maar gespannen'; "
            'write ["blij, maar gespannen"], or one item per line'
        ],
    ),
    (
        "single-persona-for-list",
        HEAD + "personas: [{id: starter, name: Sanne}]\nstages:\n  - name: A\n    touchpoints:\n"
        "      - name: Rekentool\n        personas: starter\n",
        [
            "8:19: E003 stages[0].touchpoints[0].personas: expected a list, got 'starter'; "
            "write [starter]"
        ],
    ),
    (
        "colon-text-in-list",
        stage("questions:\n  - Annuleren: kan dat nog?"),
        [
            "6:9: E003 stages[0].questions[0]: 'Annuleren: kan dat nog?' was read as a key "
            "and a value because of the ': '; put the text in quotes: "
            '"Annuleren: kan dat nog?"'
        ],
    ),
    (
        "mapping-for-text",
        HEAD + "description:\n  Doel: starters helpen\nstages: [{name: A}]\n",
        [
            "4:3: E003 description: 'Doel: starters helpen' was read as a key and a value "
            "because of the ': '; put the text in quotes: \"Doel: starters helpen\""
        ],
    ),
    (
        "nested-mapping-for-text",
        HEAD + "description:\n  doel: {a: 1}\n  b: 2\nstages: [{name: A}]\n",
        ["4:3: E003 description: expected text, got a mapping (with the keys doel, b)"],
    ),
    (
        "dash-without-space",
        stage("evidence:\n  -type: survey\n  source: Enquête"),
        [
            "6:7: E003 stages[0].evidence: expected a list, got a mapping; '-type' needs a "
            "space after '-' to start a list item ('- type')"
        ],
    ),
    (
        "flow-mapping-for-list",
        stage("evidence: {type: survey, source: Enquête}"),
        [
            "5:15: E003 stages[0].evidence: expected a list, got a mapping; "
            "start each item with '- ' on its own line, or write [{...}]"
        ],
    ),
    (
        "empty-list",
        stage("feelings:"),
        [
            "5:14: E003 stages[0].feelings: expected a list, got nothing; "
            "write [] for none or remove the key"
        ],
    ),
    (
        "list-for-text",
        HEAD + "description: [a, b]\nstages: [{name: A}]\n",
        ["3:14: E003 description: expected text, got a list"],
    ),
    (
        "boolean-word",
        stage("description: no"),
        [
            "5:18: E003 stages[0].description: 'no' is read by YAML as the boolean false; "
            'quote it ("no") if you mean text'
        ],
    ),
    (
        "persona-experience-out-of-range",
        HEAD + "personas: [{id: starter, name: Sanne}]\nstages:\n  - name: A\n"
        "    touchpoints:\n      - name: Rekentool\n        persona_experience: {starter: 6}\n",
        [
            "8:39: E003 stages[0].touchpoints[0].persona_experience.starter: '6' is out of "
            "range (must be at most 5)"
        ],
    ),
]

# (case id, map text, expected "line:col: CODE message") for text that is not valid YAML
PARSE_CASES: list[tuple[str, str, str]] = [
    (
        "indented-further",
        stage("relevance: 50\n presence: 30"),
        "6:6: E001 not valid YAML: line 6 is indented further than line 5 (5 spaces, not 4), "
        "so YAML reads it as more text of line 5; give keys of one mapping the same indentation",
    ),
    (
        "indented-less",
        stage("relevance: 50") + "   presence: 30\n",
        "6:4: E001 not valid YAML: line 6 is indented 3 spaces, which matches no line above it "
        "(line 5 has 4); give keys of one mapping, and items of one list, the same indentation",
    ),
    (
        "list-item-indented-further",
        HEAD + "stages:\n  - name: A\n   - name: B\n",
        "5:4: E001 not valid YAML: line 5 is indented 3 spaces, which matches no line above it "
        "(line 4 has 2); give keys of one mapping, and items of one list, the same indentation",
    ),
    (
        "dash-without-space",
        stage("evidence:\n  -type: survey\n   source: Enquête"),
        "6:7: E001 not valid YAML: '-type' needs a space after '-' to start a list item; "
        "write '- type: survey'",
    ),
    (
        "colon-without-space",
        HEAD + "stages:\n  - name:Aankoop\n    relevance: 5\n",
        "4:5: E001 not valid YAML: 'name:Aankoop' needs a space after ':'; write 'name: Aankoop'",
    ),
    (
        "colon-without-space-before-next-key",
        stage("relevance:50\npresence: 5"),
        "5:5: E001 not valid YAML: 'relevance:50' needs a space after ':'; write 'relevance: 50'",
    ),
    (
        "colon-in-text",
        HEAD + "description: Let op: dit is het\nstages: [{name: A}]\n",
        "3:14: E001 not valid YAML: the text after 'description:' contains ': '; put it in "
        'quotes: description: "Let op: dit is het"',
    ),
    (
        "tab-indentation",
        HEAD + "stages:\n\t- name: A\n",
        "4:1: E001 not valid YAML: line 4 is indented with a tab; YAML allows only spaces "
        "for indentation",
    ),
    (
        "tab-after-value",
        stage("relevance: 50") + "\tpresence: 30\n",
        "6:1: E001 not valid YAML: line 6 is indented with a tab; YAML allows only spaces "
        "for indentation",
    ),
    (
        "unclosed-quote",
        HEAD.replace("Hypotheek", '"Hypotheek') + "stages:\n  - name: A\n",
        "2:8: E001 not valid YAML: the quote that opens here (line 2) is never closed; "
        'end the text with "',
    ),
    (
        "unclosed-bracket",
        stage("feelings: [blij, bang\nrelevance: 4"),
        "5:15: E001 not valid YAML: the '[' on line 5 is never closed; end the list with ']'",
    ),
    (
        "unclosed-brace",
        stage("persona_scores: {starter: {relevance: 4}\npresence: 4"),
        "5:21: E001 not valid YAML: the '{' on line 5 is never closed; end the mapping with '}'",
    ),
    (
        "text-after-quote",
        stage('questions:\n  - "Kan dat" nog?'),
        "6:9: E001 not valid YAML: there is text after the closing quote on line 6; "
        'put the whole text in quotes: "Kan dat nog?"',
    ),
    (
        "reserved-character",
        HEAD.replace("Hypotheek", "@hypotheek") + "stages: [{name: A}]\n",
        "2:8: E001 not valid YAML: YAML reserves '@' at the start of a value; "
        "put the text in quotes",
    ),
]

REPR_SIGNS = re.compile(
    r"(?<!')\{'|(?<!')\['|datetime\.|\bdate\(|\bNone\b|\bTrue\b|\bFalse\b|\[<|<class|Decimal\(|Fraction\("
    r"|WrittenFloat|object at 0x|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}"
)


def lint(text: str, tmp_path: Path, cli) -> list[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.journey.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli(["lint", path, "--select", "E"])
    assert result.err == ""
    prefix = f"{path}:"
    return [line[len(prefix) :] for line in result.out.splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_validation_mistake_has_its_exact_message(
    text: str,
    expected: list[str],
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    assert lint(text, tmp_path, cli) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PARSE_CASES], ids=[c[0] for c in PARSE_CASES]
)
def test_parse_error_names_the_cause_and_the_line(
    text: str,
    expected: str,
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    assert lint(text, tmp_path, cli) == [expected]


def all_messages() -> list[str]:
    return [
        problem.message
        for _, text, _ in [*CASES, *((c[0], c[1], [c[2]]) for c in PARSE_CASES)]
        for problem in load_map(text.encode(), "m.journey.yaml").problems
    ]


def test_no_message_in_the_corpus_shows_a_python_repr() -> None:
    messages = all_messages()
    assert len(messages) >= len(CASES) + len(PARSE_CASES)
    assert [m for m in messages if REPR_SIGNS.search(m)] == []


def test_the_repr_check_itself_catches_reprs() -> None:
    """Control: the pattern above does flag the reprs of the old messages."""
    old = [
        "expected text, got {'Annuleren': 'kan dat nog?'}",
        "expected a date (YYYY-MM-DD), got datetime.date(2026, 3, 1)",
        "expected a list, got None",
        "expected text, got ['a', 'b']",
        "got Decimal('1.5')",
    ]
    # ... but not the brackets a message names in quotes
    assert not REPR_SIGNS.search("the '[' on line 5 is never closed; end the list with ']'")
    assert all(REPR_SIGNS.search(m) for m in old)


# Every kind of YAML value in every kind of field: whatever lands where, no repr.
SHAPES = [
    "{a: 1}",
    "{a: {b: [1, 2]}}",
    "[1, 2]",
    "[{a: 1}]",
    "2026-03-01",
    "2026-03-01 10:00:00",
    "2026-02-30",
    "~",
    "yes",
    "012",
    "1:30",
    "1.5",
    "1.450",
    "'text'",
    "-3",
    ".inf",
    ".nan",
    "0x1F",
    "1_000",
    "!!binary aGVsbG8=",
    "'it''s'",
    '"tab\\there"',
]
FIELDS = [
    "title: {v}\nstages: [{{name: A}}]\n",
    "metrics: {{volume: {v}, value: {v}}}\nstages: [{{name: A}}]\n",
    "personas: [{{name: P, age: {v}, needs: {v}, demographics: {v}}}]\nstages: [{{name: A}}]\n",
    "stages:\n  - name: A\n    relevance: {v}\n    conversion: {v}\n    feelings: {v}\n",
    "stages:\n  - name: A\n    evidence: [{{source: s, date: {v}, type: {v}}}]\n",
    "stages:\n  - name: A\n    touchpoints: [{{name: T, critical: {v}, experience: {v}}}]\n",
    "stages:\n  - name: A\n    touchpoints: [{{name: T, persona_experience: {v}}}]\n",
    "stages:\n  - name: A\n    touchpoints: [{{name: T, persona_experience: {{p: {v}}}}}]\n",
    "stages:\n  - name: A\n    persona_scores: {{p: {v}}}\n    actions: {v}\n",
    "stages: {v}\n",
]


@pytest.mark.parametrize("field", FIELDS)
def test_no_repr_for_any_value_in_any_field(field: str) -> None:
    messages = []
    for shape in SHAPES:
        text = "version: 1\n" + field.format(v=shape)
        if not text.startswith("version: 1\ntitle"):
            text = text.replace("version: 1\n", "version: 1\ntitle: T\n", 1)
        messages += [p.message for p in load_map(text.encode(), "m.journey.yaml").problems]
    assert messages  # the shapes do produce problems
    assert [m for m in messages if REPR_SIGNS.search(m)] == []
