"""`journey report` honours the same configuration as `journey lint` (docs/lint.md).

With `gap-threshold = 5` and `evidence-max-age = 6` in `.journey.toml`, lint
warns W103 and W108 and report shows the same threshold, the same age limit,
the reference date, the gap without plan and the stale stage, in every format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Gap 50 - 40 = 10: above a threshold of 5, below the default 30; no opportunity.
# Its only measurement is 2026-05-31: more than 6 months before 2026-12-01, not 18.
MAP = """\
version: 1
title: Settings
stages:
  - id: orientation
    name: Orientation
    relevance: 50
    presence: 40
    evidence:
      - type: survey
        source: Survey
        date: 2026-05-31
    touchpoints:
      - id: website
        name: Website
    actions:
      - action: Fix the price page
        channel: website
        owner: web-team
"""
TODAY = "2026-12-01"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    (tmp_path / "m.journey.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report_json(cli, *args: str) -> dict[str, object]:
    result = cli(["report", "m.journey.yaml", "-f", "json", "--today", TODAY, *args])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


def lint_codes(cli, *args: str) -> list[str]:
    result = cli(["lint", "-f", "json", "--today", TODAY, *args, "m.journey.yaml"])
    return [p["code"] for p in json.loads(result.out)]


def test_defaults_without_configuration(cli, workdir: Path) -> None:
    data = report_json(cli)
    assert (data["gap_threshold"], data["evidence_max_age"], data["reference_date"]) == (
        30,
        18,
        TODAY,
    )
    stage = data["stages"][0]  # type: ignore[index]
    assert stage["confidence"] == "measured"
    assert data["gaps_without_plan"] == []
    assert lint_codes(cli) == []


@pytest.mark.parametrize(
    ("name", "table"), [(".journey.toml", ""), ("pyproject.toml", "[tool.journey]\n")]
)
def test_report_uses_the_configured_gap_threshold_and_evidence_max_age(
    cli, workdir: Path, name: str, table: str
) -> None:
    (workdir / ".journey.toml").unlink()  # the file under test is the only one
    (workdir / name).write_text(
        f"{table}gap-threshold = 5\nevidence-max-age = 6\n", encoding="utf-8"
    )
    data = report_json(cli)
    assert (data["gap_threshold"], data["evidence_max_age"], data["reference_date"]) == (
        5,
        6,
        TODAY,
    )
    assert data["gaps_without_plan"] == ["orientation"]
    assert data["stages"][0]["confidence"] == "stale"  # type: ignore[index]
    # lint, in the same directory, agrees: the gap lacks a plan, the evidence is stale
    assert lint_codes(cli) == ["W103", "W108"]


def test_flags_win_over_the_configuration_in_report(cli, workdir: Path) -> None:
    (workdir / ".journey.toml").write_text(
        "gap-threshold = 5\nevidence-max-age = 6\n", encoding="utf-8"
    )
    data = report_json(cli, "--gap-threshold", "11", "--evidence-max-age", "7")
    assert (data["gap_threshold"], data["evidence_max_age"]) == (11, 7)
    assert data["gaps_without_plan"] == []
    assert data["stages"][0]["confidence"] == "measured"  # type: ignore[index]
    assert lint_codes(cli, "--gap-threshold", "11", "--evidence-max-age", "7") == []


def test_stale_shows_in_the_terminal_markdown_and_html_reports(cli, workdir: Path) -> None:
    (workdir / ".journey.toml").write_text("evidence-max-age = 6\n", encoding="utf-8")
    for fmt, shown in (
        ("terminal", " stale "),
        ("md", "| stale |"),
        ("html", '<span class="badge conf-stale">stale</span>'),
    ):
        result = cli(["report", "m.journey.yaml", "-f", fmt, "--today", TODAY])
        assert result.code == 0, result.err
        assert shown in result.out, fmt
    fresh = cli(["report", "m.journey.yaml", "-f", "md", "--today", "2026-11-30"])
    assert "stale" not in fresh.out
    assert "| measured |" in fresh.out


def test_a_stage_with_one_fresh_or_undated_measurement_is_not_stale(cli, workdir: Path) -> None:
    (workdir / ".journey.toml").write_text("evidence-max-age = 6\n", encoding="utf-8")
    for extra in (
        "      - type: analytics\n        source: Dashboard\n        date: 2026-11-01\n",
        "      - type: analytics\n        source: Dashboard\n",
    ):
        text = MAP.replace("    touchpoints:", extra + "    touchpoints:")
        (workdir / "m.journey.yaml").write_text(text, encoding="utf-8")
        assert report_json(cli)["stages"][0]["confidence"] == "measured"  # type: ignore[index]


def test_a_stale_assumption_stays_assumed(cli, workdir: Path) -> None:
    (workdir / "m.journey.yaml").write_text(
        MAP.replace("type: survey", "type: assumption"), encoding="utf-8"
    )
    assert report_json(cli)["stages"][0]["confidence"] == "assumed"  # type: ignore[index]
