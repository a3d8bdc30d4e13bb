"""docs/format.md tells the truth: its worked example, its key tables and its examples.

The worked example's figures are parsed from the doc's own tables and compared
with what the engine computes for the doc's own YAML block, so the reference
cannot drift from the code. The key tables must list exactly the model's
fields, and every one-line example in them must pass lint.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from conftest import ROOT
from journeycli.core.analysis import Analysis, analyse
from journeycli.core.checks import check_map
from journeycli.core.model import (
    Action,
    Evidence,
    Goal,
    JourneyMap,
    Kpi,
    Metrics,
    Opportunity,
    Persona,
    PersonaScore,
    Stage,
    Touchpoint,
)
from journeycli.core.validation import load_map

FORMAT_MD = ROOT / "docs" / "format.md"
TEXT = FORMAT_MD.read_text(encoding="utf-8")
EMPTY = "–"  # how the doc writes an absent value


def block_after(marker: str) -> tuple[str, str]:
    """(info string, body) of the first fenced block after `<!-- marker -->`."""
    start = TEXT.index(f"<!-- {marker} -->")
    match = re.compile(r"^```(\S*)\n(.*?)^```$", re.M | re.S).search(TEXT, start)
    assert match, f"no fenced block after <!-- {marker} -->"
    return match.group(1), match.group(2)


def table_after(marker: str) -> list[dict[str, str]]:
    """The Markdown table right after `<!-- marker -->`, as one dict per row."""
    return table_at(TEXT.index(f"<!-- {marker} -->\n") + len(f"<!-- {marker} -->\n"))


def table_at(offset: int) -> list[dict[str, str]]:
    lines = []
    for line in TEXT[offset:].splitlines():
        if not line.startswith("|"):
            break
        lines.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    header, rule, *rows = lines
    assert set("".join(rule)) <= set("-:"), f"no table header rule at offset {offset}"
    return [dict(zip(header, row, strict=True)) for row in rows]


def value(cell: str) -> Any:
    """A table cell as the engine would give it: numbers, None for –, text otherwise."""
    if cell == EMPTY:
        return None
    if re.fullmatch(r"-?\d+", cell):
        return int(cell)
    if re.fullmatch(r"-?\d+\.\d+", cell):
        return float(cell)
    return {"yes": True, "no": False}.get(cell, cell)


def worked_example() -> JourneyMap:
    info, body = block_after("worked-example: map")
    assert info == "yaml"
    validated = load_map(body.encode(), "bike.journey.yaml")
    errors = [p for p in check_map(validated) if p.is_error]
    assert not errors, errors
    assert validated.model is not None
    return validated.model


def moments(analysis: Analysis) -> list[dict[str, Any]]:
    return [
        {
            "Touchpoint": m.touchpoint.id,
            "Stage": m.stage.id,
            "Experience": m.experience,
            "Addressed": m.addressed,
        }
        for m in analysis.breaking_moments
    ]


def test_the_worked_example_stage_figures_match_the_engine() -> None:
    analysis = analyse(worked_example())
    expected = [
        {k: value(v) for k, v in row.items()} for row in table_after("worked-example: stages")
    ]
    actual = [
        {
            "Stage": s.id,
            "Relevance": s.relevance,
            "Presence": s.presence,
            "Gap": s.gap,
            "Rank": s.rank,
            "Confidence": s.confidence.value,
            "Reach": s.reach,
            "Lost": s.lost,
            "Value at stake": s.value_at_stake,
        }
        for s in analysis.stages
    ]
    assert actual == expected


def test_the_worked_example_funnel_outcome_matches_the_engine() -> None:
    analysis = analyse(worked_example())
    (row,) = table_after("worked-example: funnel")
    assert analysis.funnel is not None
    assert {
        "Completed": analysis.funnel.completed,
        "Completed value": analysis.funnel.completed_value,
    } == {k: value(v) for k, v in row.items()}


def test_the_worked_example_breaking_moments_and_gaps_match_the_engine() -> None:
    analysis = analyse(worked_example())
    expected = [
        {k: value(v) for k, v in row.items()}
        for row in table_after("worked-example: breaking-moments")
    ]
    assert moments(analysis) == expected
    gaps = [
        {k: value(v) for k, v in row.items()}
        for row in table_after("worked-example: gaps-without-plan")
    ]
    assert [{"Stage": s.id, "Gap": s.gap} for s in analysis.gaps_without_plan] == gaps


def test_the_worked_example_persona_figures_match_the_engine() -> None:
    journey = worked_example()
    student = analyse(journey, persona="student")
    expected = [
        {k: value(v) for k, v in row.items()}
        for row in table_after("worked-example: persona student")
    ]
    assert [
        {
            "Stage": s.id,
            "Relevance": s.relevance,
            "Presence": s.presence,
            "Gap": s.gap,
            "Rank": s.rank,
        }
        for s in student.ranked
    ] == expected
    commuter = [
        {k: value(v) for k, v in row.items()}
        for row in table_after("worked-example: persona commuter breaking-moments")
    ]
    assert moments(analyse(journey, persona="commuter")) == commuter


def test_the_worked_example_agrees_with_the_json_report(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same figures come out of the real command a reader would run."""
    import json

    path = tmp_path / "bike.journey.yaml"
    path.write_text(block_after("worked-example: map")[1], encoding="utf-8")
    result = cli(["report", path, "--format", "json"])
    assert result.code == 0, result.err
    stages = {s["id"]: s for s in json.loads(result.out)["stages"]}
    for row in table_after("worked-example: stages"):
        if row["Rank"] == EMPTY:
            continue
        stage = stages[row["Stage"]]
        assert (stage["gap"], stage["rank"], stage["reach"], stage["value_at_stake"]) == (
            value(row["Gap"]),
            value(row["Rank"]),
            value(row["Reach"]),
            value(row["Value at stake"]),
        )


SECTIONS: dict[str, type[BaseModel]] = {
    "The map": JourneyMap,
    "goal": Goal,
    "metrics": Metrics,
    "personas": Persona,
    "stages": Stage,
    "evidence": Evidence,
    "persona_scores": PersonaScore,
    "kpis": Kpi,
    "touchpoints": Touchpoint,
    "opportunities": Opportunity,
    "actions": Action,
}


def key_table(heading: str) -> list[dict[str, str]]:
    start = TEXT.index(f"\n### {heading}\n")
    end = TEXT.find("\n## ", start)
    table = TEXT.index("\n| Key |", start)
    following = TEXT.find("\n### ", start + 1)
    assert table < min(x for x in (following, end, len(TEXT)) if x != -1), heading
    return table_at(table + 1)


@pytest.mark.parametrize("heading", list(SECTIONS))
def test_every_key_of_the_model_is_documented(heading: str) -> None:
    model = SECTIONS[heading]
    documented = [row["Key"].strip("`") for row in key_table(heading)]
    assert documented == list(model.model_fields), (
        f"docs/format.md section '{heading}' lists {documented}, the model has "
        f"{list(model.model_fields)}"
    )
    for row in key_table(heading):
        for column in ("Meaning", "Type and range", "Default", "Example"):
            assert row[column], f"{heading}.{row['Key']}: empty {column}"


# Where a one-line example goes in a small valid map, per section.
BASE = """\
version: 1
title: T
personas:
  - id: starter
    name: Sanne
stages:
  - name: S
    evidence:
      - source: s
    persona_scores:
      starter: {}
    kpis:
      - name: k
    touchpoints:
      - id: mortgage-calculator
        name: Calculator
    opportunities:
      - text: o
        id: show-fees
    actions:
      - action: a
        owner: o
"""
PLACES: dict[str, Any] = {
    "The map": lambda d: d,
    "goal": lambda d: d.setdefault("goal", {}),
    "metrics": lambda d: d.setdefault("metrics", {}),
    "personas": lambda d: d["personas"][0],
    "stages": lambda d: d["stages"][0],
    "evidence": lambda d: d["stages"][0]["evidence"][0],
    "persona_scores": lambda d: d["stages"][0]["persona_scores"]["starter"],
    "kpis": lambda d: d["stages"][0]["kpis"][0],
    "touchpoints": lambda d: d["stages"][0]["touchpoints"][0],
    "opportunities": lambda d: d["stages"][0]["opportunities"][0],
    "actions": lambda d: d["stages"][0]["actions"][0],
}
EXAMPLES = [
    (heading, row["Key"].strip("`"), row["Example"].strip("`"))
    for heading in SECTIONS
    for row in key_table(heading)
    if row["Example"].startswith("`")
]


@pytest.mark.parametrize(
    ("heading", "key", "example"), EXAMPLES, ids=[f"{h}.{k}" for h, k, _ in EXAMPLES]
)
def test_every_one_line_example_in_the_key_tables_is_valid(
    heading: str, key: str, example: str
) -> None:
    parsed = yaml.safe_load(example)
    assert isinstance(parsed, dict) and list(parsed) == [key], example
    data = yaml.safe_load(BASE)
    PLACES[heading](data).update(parsed)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    errors = [p for p in check_map(load_map(text.encode(), "t.journey.yaml")) if p.is_error]
    assert not errors, errors


def lint_blocks() -> list[tuple[list[str], str]]:
    found = []
    for match in re.finditer(r"<!-- lint:([A-Z0-9 ]*)-->\n```yaml\n(.*?)^```$", TEXT, re.M | re.S):
        found.append((match.group(1).split(), match.group(2)))
    return found


@pytest.mark.parametrize(("codes", "body"), lint_blocks())
def test_example_maps_in_the_doc_give_the_errors_it_says(codes: list[str], body: str) -> None:
    problems = check_map(load_map(body.encode(), "doc.journey.yaml"))
    assert [p.code for p in problems if p.is_error] == codes


def test_the_yaml_traps_output_is_real(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    traps = TEXT.index("This map has every trap in it")
    maps = re.compile(r"^```yaml\n(.*?)^```\n\n```text\n(.*?)^```$", re.M | re.S)
    match = maps.search(TEXT, traps)
    assert match
    (tmp_path / "traps.journey.yaml").write_text(match.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli(["lint", "traps.journey.yaml"])
    assert result.code == 1
    assert result.out == match.group(2)


def test_the_smallest_map_is_valid_and_minimal() -> None:
    body = re.search(r"The smallest valid map:\n\n```yaml\n(.*?)^```$", TEXT, re.M | re.S)
    assert body
    validated = load_map(body.group(1).encode(), "min.journey.yaml")
    assert not [p for p in check_map(validated) if p.is_error]
    required = [name for name, f in JourneyMap.model_fields.items() if f.is_required()]
    assert required == ["version", "title", "stages"]


def test_every_key_has_hover_help_in_the_schema() -> None:
    """Editors (yaml-language-server) show these descriptions on hover."""
    import json

    schema = json.loads((ROOT / "docs" / "journey.schema.json").read_text(encoding="utf-8"))
    models = [schema, *schema["$defs"].values()]
    missing = [
        name
        for model in models
        for name, prop in model.get("properties", {}).items()
        if not prop.get("description") or "\n" in prop["description"]
    ]
    assert not missing, f"fields without a one-line description: {missing}"
