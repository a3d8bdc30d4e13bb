"""The YAML writer: exact round trips for any text, layout, comments and slots."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import example_maps
from journeycli.core.fieldtypes import MAX_AMOUNT
from journeycli.core.model import JourneyMap
from journeycli.core.validation import load_map
from journeycli.core.writer import Comments, dump_items, dump_map, scalar_text

# Text a map may hold: the loader refuses control characters and bidi overrides
# (journeycli.core.guards), so the round trips draw from everything else.
SAFE_CHARS = st.characters(
    exclude_categories=("Cs", "Cc"),
    include_characters="\t\n\r",
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
TRAPS = [
    "yes",
    "No",
    "ON",
    "off",
    "yEs",
    "y",
    "N",
    "true",
    "False",
    "null",
    "NULL",
    "~",
    "",
    " leading",
    "trailing ",
    "012",
    "0o17",
    "0x1F",
    "1:30",
    "1e5",
    "1.5",
    "-1",
    "+1",
    ".inf",
    ".NaN",
    "1_000",
    "2026-03-01",
    "2026-03-01 is the date",
    "2026-03-01 10:00",
    "- item",
    "-item",
    "? question",
    "?q",
    ": x",
    "a: b",
    "a:b",
    "a #b",
    "a#b",
    "#x",
    "@x",
    "`x",
    "!x",
    "&x",
    "*x",
    "|",
    ">",
    "%x",
    "'q'",
    '"q"',
    "{a}",
    "[a]",
    "a, b",
    "---",
    "...",
    "--- x",
    "a\nb",
    "a\n",
    "a\n\n",
    "\na",
    "a \nb",
    "\ta",
    "a\tb",
    "<<",
    "=",
    "Oriëntatie",
    "🚀 launch",
    "line\u2028sep",
    "bom\ufeff",
    "nbsp\xa0x",
    "back\\slash",
    "lrm\u200emark",
    'quote"d',
    "café: open",
    "  ",
    "\r\n",
    "a\rb",
    "x" * 1200,
    "é" * 50,
]


def _map(**stage: object) -> dict[str, object]:
    return {"version": 1, "title": "T", "stages": [{"id": "s", "name": "S", **stage}]}


def _roundtrip(journey: JourneyMap, comments: Comments | None = None) -> JourneyMap:
    text = dump_map(journey, comments=comments, schema_ref="journey.schema.json")
    validated = load_map(text.encode("utf-8"), "t.journey.yaml")
    assert not validated.problems, (text, validated.problems)
    assert validated.model is not None
    return validated.model


@pytest.mark.parametrize("path", example_maps(), ids=lambda p: p.name)
def test_examples_round_trip_and_are_stable(path: Path) -> None:
    model = load_map(path.read_bytes(), str(path)).model
    assert model is not None
    text = dump_map(model)
    assert _roundtrip(model) == model
    again = load_map(text.encode(), "x").model
    assert again is not None
    assert dump_map(again) == text


def _name(text: str, blank: str) -> str:
    """A name field takes the text unless it is blank, which lint refuses (value.blank)."""
    return text if text.strip() else blank


@pytest.mark.parametrize("text", TRAPS, ids=repr)
def test_tricky_text_round_trips_everywhere(text: str) -> None:
    data = {
        "version": 1,
        "title": _name(text, "t"),
        "description": text,
        "personas": [{"id": "p", "name": _name(text, "n"), "demographics": {text: text}}],
        "stages": [
            {
                "id": "s",
                "name": _name(text, "n"),
                "questions": [text, text],
                "customer_goal": text,
                "evidence": [{"type": "survey", "source": _name(text, "s"), "date": "2026-03-01"}],
                "touchpoints": [{"id": "t", "name": _name(text, "n"), "owner": text}],
                "actions": [{"action": _name(text, "a"), "owner": text}],
            }
        ],
    }
    model = JourneyMap.model_validate(data)
    assert _roundtrip(model) == model


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("yes", '"yes"'),
        ("Off", '"Off"'),
        ("012", '"012"'),
        ("1:30", '"1:30"'),
        ("2026-03-01", '"2026-03-01"'),
        ("a: b", '"a: b"'),
        ("a #b", '"a #b"'),
        ("Oriëntatie", "Oriëntatie"),
        ("Klant, 29 jaar", "Klant, 29 jaar"),
        ("30 minutes", "30 minutes"),
        ("a:b", "a:b"),
        ("bom\ufeff", '"bom\\uFEFF"'),
        ("tab\there", '"tab\\there"'),
        ("", '""'),
        ("-x", "-x"),
        ("- x", '"- x"'),
        ("bell\x07", '"bell\\a"'),
        ("esc\x1b[2J", '"esc\\e[2J"'),
        ("del\x7f", '"del\\x7F"'),
        ("nel\x85", '"nel\\N"'),
        ("rlo\u202e", '"rlo\\u202E"'),
    ],
)
def test_quotes_only_when_needed(text: str, written: str) -> None:
    assert scalar_text(text) == written


def test_multiline_text_is_a_literal_block() -> None:
    model = JourneyMap.model_validate(_map(description="First line\n\nThird: line #3"))
    text = dump_map(model)
    assert "    description: |-\n      First line\n\n      Third: line #3\n" in text
    assert _roundtrip(model) == model


def test_unicode_kept_as_is_and_no_escapes() -> None:
    model = JourneyMap.model_validate(
        {
            "version": 1,
            "title": "Hypotheek afsluiten",
            "language": "nl",
            "stages": [{"name": "Oriëntatie"}, {"name": "Ëën 🚀"}],
        }
    )
    text = dump_map(model)
    assert "name: Oriëntatie\n" in text
    assert "Ëën 🚀" in text
    assert "\\x" not in text and "\\u" not in text


def test_key_order_defaults_and_extensions() -> None:
    model = JourneyMap.model_validate(
        {
            "stages": [
                {
                    "touchpoints": [{"name": "Call", "critical": False}],
                    "name": "Use",
                    "relevance": 80,
                    "x-note": "mine",
                    "actions": [{"status": "todo", "horizon": "next", "action": "Fix it"}],
                }
            ],
            "x-team": {"a": 1},
            "title": "T",
            "version": 1,
            "language": "en",
            "metrics": {"currency": "EUR", "volume": 10},
        }
    )
    text = dump_map(model)
    assert text == (
        "version: 1\ntitle: T\nlanguage: en\nmetrics:\n  volume: 10\nstages:\n"
        "  - id: use\n    name: Use\n    relevance: 80\n    touchpoints:\n"
        "      - id: call\n        name: Call\n    actions:\n      - action: Fix it\n"
    )


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(
        st.one_of(
            st.text(SAFE_CHARS, max_size=30),
            st.sampled_from(TRAPS),
            st.from_regex(r"[-+.0-9:eExob_ ]{1,8}", fullmatch=True),
            st.from_regex(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[ Tt]?[0-9:. ]{0,10}", fullmatch=True),
        ),
        min_size=6,
        max_size=6,
    ),
    number=st.one_of(st.integers(0, MAX_AMOUNT), st.floats(0, MAX_AMOUNT, allow_nan=False)),
)
def test_any_text_round_trips_exactly(texts: list[str], number: float) -> None:
    title, description, stage, question, key, owner = texts
    model = JourneyMap.model_validate(
        {
            "version": 1,
            "title": _name(title, "t"),
            "description": description,
            "metrics": {"value": number, "period": owner},
            "personas": [{"id": "p", "name": _name(key, "k"), "demographics": {key: description}}],
            "stages": [
                {
                    "id": "s",
                    "name": _name(stage, "s"),
                    "questions": [question, description],
                    "touchpoints": [{"id": "t", "name": _name(question, "q"), "owner": owner}],
                }
            ],
        }
    )
    assert _roundtrip(model) == model


def test_comments_and_slots_are_placed_and_read_back() -> None:
    model = JourneyMap.model_validate(_map(questions=["Why?"]))
    comments = Comments(
        header=["A header", "in two lines"],
        above={("stages",): ["The stages"], ("stages", 0): ["First stage"]},
        inline={
            ("version",): "keep 1",
            ("stages", 0, "id"): "an id",
            ("stages", 0, "questions"): "what they wonder",
            ("stages", 0, "questions", 0): "a prompt",
            ("stages", 0, "relevance"): "0–100",
        },
        below={("stages", 0, "touchpoints"): ["- name: Example", "  kind: digital"]},
        keep={("stages", 0, "relevance"), ("stages", 0, "touchpoints")},
    )
    text = dump_map(model, comments=comments, schema_ref="../journey.schema.json")
    assert text == (
        "# yaml-language-server: $schema=../journey.schema.json\n"
        "# A header\n# in two lines\n"
        "version: 1  # keep 1\ntitle: T\nlanguage: en\n"
        "# The stages\nstages:\n"
        "  # First stage\n"
        "  - id: s  # an id\n    name: S\n"
        "    questions:  # what they wonder\n      - Why?  # a prompt\n"
        "    relevance:  # 0–100\n"
        "    touchpoints: []\n    #   - name: Example\n    #     kind: digital\n"
    )
    assert _roundtrip(model, comments) == model


def test_a_comment_cannot_break_the_line() -> None:
    model = JourneyMap.model_validate(_map())
    with pytest.raises(ValueError, match="one line"):
        dump_map(model, comments=Comments(inline={("title",): "two\nlines"}))
    with pytest.raises(ValueError, match="one line"):
        dump_map(model, schema_ref="a\rb")


def test_dump_items_writes_a_block_list() -> None:
    model = JourneyMap.model_validate(
        _map(touchpoints=[{"name": "Ad", "kind": "digital", "critical": True, "experience": 3}])
    )
    text = dump_items(model.stages[0].touchpoints, comments=Comments(inline={(0, "kind"): "k"}))
    assert text == "- id: ad\n  name: Ad\n  kind: digital  # k\n  critical: true\n  experience: 3\n"


def test_numbers_and_dates_keep_their_type() -> None:
    model = JourneyMap.model_validate(
        {
            **_map(conversion=12.5, evidence=[{"source": "GA", "date": dt.date(2026, 3, 1)}]),
            "metrics": {"volume": 1e15, "value": 1e-07},  # the largest amount; an exponent
        }
    )
    text = dump_map(model)
    assert "volume: 1000000000000000.0\n" in text
    assert "value: 1.0e-07\n" in text
    assert "date: 2026-03-01\n" in text
    assert _roundtrip(model) == model


def test_output_passes_yamllint(tmp_path: Path) -> None:
    yamllint = shutil.which("yamllint")
    if yamllint is None:
        pytest.skip("yamllint is not installed (pip install yamllint)")
    model = load_map(example_maps()[0].read_bytes(), "x").model
    assert model is not None
    target = tmp_path / "m.journey.yaml"
    target.write_text(
        dump_map(
            model, comments=Comments(header=["hi"], inline={("title",): "t"}), schema_ref="s.json"
        ),
        encoding="utf-8",
    )
    config = "{extends: default, rules: {document-start: disable, line-length: disable}}"
    proc = subprocess.run(
        [yamllint, "-s", "-d", config, str(target)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
