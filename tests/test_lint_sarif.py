"""`--format sarif`: valid against the official SARIF 2.1.0 schema and GitHub's upload rules.

tests/data/sarif-schema-2.1.0.json is the OASIS schema (sarif-2.1/schema in
oasis-tcs/sarif-spec, errata01; sha256 c3b4bb2d...2682e), copied so the test
stands on its own. Validation runs with format checks on, so a URI that is
not a valid RFC 3986 reference fails too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker

from conftest import DATA, journey_process
from journeycli import __version__
from journeycli.core.rules import RULES

SCHEMA_PATH = DATA / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"

WARNINGS = """\
version: 1
title: Warnings
stages:
  - name: Oriëntatie
    relevance: 90
    presence: 10
"""

ERRORS_AND_WARNINGS = """\
version: 1
title: Errors and warnings
personas:
  - name: Sanne
stages:
  - name: Aankoop
    touchpoints:
      - name: Taxatie
        personas: [sane]
  - name: Aankoop
"""


def validate(log: dict[str, Any]) -> list[str]:
    """Every schema violation, as `path: message` lines (empty when valid)."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    checker = FormatChecker()
    assert {"uri", "uri-reference"} <= set(checker.checkers), (
        "install rfc3986-validator (in the test extra) so URI formats are checked"
    )
    validator = Draft4Validator(schema, format_checker=checker)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def github_upload_problems(log: dict[str, Any]) -> list[str]:
    """What GitHub code scanning requires beyond the schema (its SARIF support docs)."""
    problems = []
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        for key in ("name", "version", "informationUri"):
            if not driver.get(key):
                problems.append(f"driver.{key} missing")
        rule_ids = [rule["id"] for rule in driver["rules"]]
        for rule in driver["rules"]:
            for field in ("shortDescription", "fullDescription", "help"):
                if not rule.get(field, {}).get("text"):
                    problems.append(f"{rule['id']}: {field}.text missing")
            if rule["defaultConfiguration"]["level"] not in ("error", "warning", "note"):
                problems.append(f"{rule['id']}: bad default level")
        for result in run["results"]:
            if result["ruleId"] not in rule_ids:
                problems.append(f"unknown ruleId {result['ruleId']}")
            elif rule_ids[result["ruleIndex"]] != result["ruleId"]:
                problems.append(f"ruleIndex of {result['ruleId']} points elsewhere")
            if not result["message"].get("text"):
                problems.append("result without message text")
            location = result["locations"][0]["physicalLocation"]
            uri = location["artifactLocation"]["uri"]
            if uri.startswith(("/", "file:")) or "\\" in uri:
                problems.append(f"uri {uri!r} is not relative with forward slashes")
            if location["region"]["startLine"] < 1:
                problems.append("startLine below 1")
    return problems


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    (tmp_path / "maps" / "nl").mkdir(parents=True)
    (tmp_path / "maps" / "warnings.journey.yaml").write_text(WARNINGS, encoding="utf-8")
    (tmp_path / "maps" / "nl" / "hypotheek oriëntatie#1.journey.yaml").write_text(
        ERRORS_AND_WARNINGS, encoding="utf-8"
    )
    return tmp_path


def run_sarif(project: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = journey_process(["lint", "--format", "sarif", *args], cwd=project)
    assert result.err == ""
    return result.code, json.loads(result.out), result.out


def test_the_schema_copy_is_the_official_one() -> None:
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256


def test_a_mixed_run_in_two_files_validates_against_the_official_schema(project: Path) -> None:
    code, log, _ = run_sarif(project, "maps")
    assert code == 1
    assert validate(log) == []
    assert github_upload_problems(log) == []
    results = log["runs"][0]["results"]
    seen = {
        (
            r["level"],
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    }
    nl = "maps/nl/hypotheek%20ori%C3%ABntatie%231.journey.yaml"
    assert seen == {
        ("error", "E004", nl, 10, 5),
        ("error", "E005", nl, 9, 20),
        ("warning", "W101", nl, 6, 5),
        ("warning", "W101", nl, 10, 5),
        ("warning", "W105", nl, 10, 5),
        ("warning", "W109", nl, 4, 5),  # sanne: the touchpoint names 'sane'
        ("warning", "W102", "maps/warnings.journey.yaml", 4, 5),
        ("warning", "W103", "maps/warnings.journey.yaml", 4, 5),
        ("warning", "W105", "maps/warnings.journey.yaml", 4, 5),
    }


def test_the_driver_describes_every_rule(project: Path) -> None:
    _, log, _ = run_sarif(project, "maps")
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "journey"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert [rule["id"] for rule in driver["rules"]] == list(RULES)
    for rule, descriptor in zip(RULES.values(), driver["rules"], strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert rule.why in descriptor["fullDescription"]["text"]
        assert rule.why in descriptor["help"]["text"]
        assert descriptor["help"]["markdown"].startswith(f"## {rule.code} {rule.name}")
        assert descriptor["defaultConfiguration"]["level"] == rule.severity.value


def test_results_carry_rule_index_level_message_and_location(project: Path) -> None:
    _, log, _ = run_sarif(project, "maps/warnings.journey.yaml")
    (first, *_) = log["runs"][0]["results"]
    assert first["ruleId"] == "W102"
    assert first["ruleIndex"] == list(RULES).index("W102")
    assert first["level"] == "warning"
    assert "no evidence" in first["message"]["text"]
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "maps/warnings.journey.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 4, "startColumn": 5},
    }
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_uris_are_relative_to_the_working_directory(project: Path) -> None:
    absolute = project / "maps" / "warnings.journey.yaml"
    result = journey_process(["lint", "-f", "sarif", str(absolute)], cwd=project / "maps" / "nl")
    log = json.loads(result.out)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"../warnings.journey.yaml"}
    assert validate(log) == []


def test_a_clean_run_is_a_valid_log_with_no_results(project: Path) -> None:
    code, log, _ = run_sarif(project, "--select", "E", "maps/warnings.journey.yaml")
    assert code == 0
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(RULES)
    assert validate(log) == []


def test_standard_input_uses_the_stdin_placeholder(cli) -> None:
    result = cli(["lint", "--format", "sarif", "-"], stdin=WARNINGS.encode())
    log = json.loads(result.out)
    locations = {
        json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"])
        for r in log["runs"][0]["results"]
    }
    assert locations == {json.dumps({"uri": "stdin", "description": {"text": "standard input"}})}
    assert validate(log) == []


@pytest.mark.slow
def test_output_is_deterministic(project: Path) -> None:
    first = run_sarif(project, "maps")[2]
    second = run_sarif(project, "maps")[2]
    assert first == second
    assert str(project) not in first
