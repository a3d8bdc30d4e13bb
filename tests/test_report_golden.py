"""Golden files of the example reports (md, terminal) and the JSON report against its schema.

The golden files under tests/golden/report/ were reviewed by eye. After an
intended change, regenerate them with `JOURNEY_UPDATE_GOLDEN=1 pytest
tests/test_report_golden.py` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, ROOT, example_maps

GOLDEN = Path(__file__).resolve().parent / "golden" / "report"
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
UPDATE = os.environ.get("JOURNEY_UPDATE_GOLDEN") == "1"
RICH_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES")


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in RICH_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(ROOT)  # paths in the reports are relative to the repository


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path}; run with JOURNEY_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def stem(path: Path) -> str:
    return path.name.removesuffix(".journey.yaml")


CASES = [
    (f"{stem(path)}.{ext}", ["report", f"examples/{path.name}", "--format", fmt])
    for path in example_maps()
    for fmt, ext in (("md", "md"), ("terminal", "txt"))
] + [
    ("examples.md", ["report", "examples", "--format", "md"]),
    ("examples.txt", ["report", "examples"]),
    (
        "hypotheek-starter-en.md",
        [
            "report",
            "examples/hypotheek.journey.yaml",
            "-f",
            "md",
            "--persona",
            "starter",
            "--lang",
            "en",
            "--top",
            "2",
            "--gap-threshold",
            "50",
        ],
    ),
]


@pytest.mark.parametrize(("golden", "args"), CASES, ids=[c[0] for c in CASES])
def test_report_matches_golden(cli, golden: str, args: list[str]) -> None:
    result = cli(args)
    assert result.code == 0, result.err
    assert result.err == ""
    check_golden(golden, result.out)


def test_terminal_output_file_is_the_plain_report(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert cli(["report", "examples/hypotheek.journey.yaml", "-o", out]).code == 0
    assert out.read_text(encoding="utf-8") == (GOLDEN / "hypotheek.txt").read_text("utf-8")


def test_terminal_golden_is_plain_and_fixed_width() -> None:
    for path in GOLDEN.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert "\x1b" not in text
        assert max(len(line) for line in text.splitlines()) <= 100


@pytest.mark.parametrize("path", example_maps(), ids=stem)
@pytest.mark.parametrize("persona", [None, "first"])
def test_json_report_validates_against_the_schema(cli, path: Path, persona: str | None) -> None:
    args = ["report", path, "--format", "json"]
    if persona:
        from journeycli.core.validation import load_map

        model = load_map(path.read_bytes(), str(path)).model
        assert model is not None
        if model.personas:  # a future-state map may define none
            args += ["--persona", model.personas[0].id]
    result = cli(args)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    ranks = [stage["rank"] for stage in data["stages"]]
    assert ranks == list(range(1, len(ranks) + 1))


def test_json_report_of_several_maps_validates(cli) -> None:
    result = cli(["report", EXAMPLES, "--format", "json"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert [m["title"] for m in data["maps"]] == [
        "Overstappen naar Helder Energie (2027)",
        "Overstappen naar Helder Energie",
        "Hypotheek afsluiten",
        "Meal-kit subscription",
    ]
    gaps = [entry["gap"] for entry in data["combined"]]
    assert gaps == sorted(gaps, reverse=True)


def test_json_report_with_a_target_validates(cli) -> None:
    current, future = (
        EXAMPLES / "energie-overstappen.journey.yaml",
        EXAMPLES / ("energie-overstappen-2027.journey.yaml"),
    )
    result = cli(["report", current, "--target", future, "--format", "json"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["target_map"]["dropped"] == ["meterstanden"]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_json_report_of_the_hypotheek_example(cli) -> None:
    """The figures of docs/format.md on the shipped example, computed by hand."""
    data = json.loads(cli(["report", "examples/hypotheek.journey.yaml", "-f", "json"]).out)
    first = data["stages"][0]
    assert first == {
        **first,
        "id": "orientatie",
        "name": "Oriëntatie",
        "rank": 1,
        "relevance": 85,
        "presence": 30,
        "gap": 55,
        "confidence": "measured",
        "conversion": 40,
        "reach": 6600,
        "lost": 3960,
        "value_at_stake": 2687256,  # lost 6600*.6 = 3960; 3960*.65*.90*.80*1450
    }
    loyalty = next(s for s in data["stages"] if s["id"] == "loyaliteit")
    assert (loyalty["conversion"], loyalty["lost"], loyalty["value_at_stake"]) == (None, None, None)
    assert loyalty["reach"] == pytest.approx(1235.52)  # 12000*.55*.40*.65*.90*.80
    assert data["unscored"] == []
    assert [(m["touchpoint"], m["experience"]) for m in data["breaking_moments"]] == [
        ("documenten-uploaden", 1),
        ("rekentool", 2),
    ]
    assert data["gaps_without_plan"] == []
    assert [item["action"] for item in data["roadmap"]["later"]] == [
        "Aflossen via de app vereenvoudigen",
    ]
