"""W108 and the reference date: the boundary, month arithmetic, future dates, settings.

The rule (docs/lint.md, "Evidence age"): evidence is stale when its date is
before the reference date minus `evidence-max-age` calendar months, the day
clamped to the end of a shorter month. Exactly that many months old is fine;
one day more warns. A date after the reference date is E003 in every command
that reads maps.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from journeycli.core.dates import evidence_cutoff, months_before

MAP = """\
version: 1
title: Ages
stages:
  - id: orientation
    name: Orientation
    relevance: 50
    presence: 40
    evidence:
      - type: survey
        source: Survey
        date: {date}
    touchpoints:
      - id: website
        name: Website
"""
DATE_LINE, DATE_COLUMN = 11, 15


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated working directory: an empty .journey.toml stops the config search."""
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(workdir: Path, date: str, name: str = "m.journey.yaml") -> str:
    (workdir / name).write_text(MAP.format(date=date), encoding="utf-8")
    return name


def found(cli, *args: str) -> tuple[int, list[tuple[str, int, int]]]:
    result = cli(["lint", "-f", "json", *args])
    assert result.code in (0, 1), result.err
    return result.code, [(p["code"], p["line"], p["column"]) for p in json.loads(result.out)]


# --- month arithmetic, by hand ----------------------------------------------------


@pytest.mark.parametrize(
    ("today", "months", "cutoff"),
    [
        ("2026-12-01", 18, "2025-06-01"),  # plain: 18 calendar months back
        ("2026-12-04", 18, "2025-06-04"),
        ("2026-08-31", 18, "2025-02-28"),  # February 2025 has no 31st: its last day
        ("2028-08-31", 6, "2028-02-29"),  # ... or the 29th in a leap year
        ("2028-02-29", 12, "2027-02-28"),  # a leap day a year back
        ("2026-03-31", 1, "2026-02-28"),
        ("2026-01-15", 13, "2024-12-15"),  # across a year boundary
        ("2026-05-31", 12, "2025-05-31"),
    ],
)
def test_months_before_counts_calendar_months_and_clamps_the_day(
    today: str, months: int, cutoff: str
) -> None:
    assert months_before(dt.date.fromisoformat(today), months) == dt.date.fromisoformat(cutoff)


def test_the_cutoff_is_the_oldest_date_that_is_still_fine() -> None:
    assert evidence_cutoff(dt.date(2026, 12, 1), 18) == dt.date(2025, 6, 1)


# --- W108 at the boundary, through the CLI ---------------------------------------


@pytest.mark.parametrize(
    ("today", "fine", "stale"),
    [
        ("2026-12-01", "2025-06-01", "2025-05-31"),
        ("2026-08-31", "2025-02-28", "2025-02-27"),  # clamped to the end of February
        ("2028-02-29", "2026-08-29", "2026-08-28"),
    ],
)
def test_exactly_18_months_old_is_fine_one_day_more_warns(
    cli, workdir: Path, today: str, fine: str, stale: str
) -> None:
    assert found(cli, "--today", today, write(workdir, fine)) == (0, [])
    assert found(cli, "--today", today, write(workdir, stale)) == (
        0,
        [("W108", DATE_LINE, DATE_COLUMN)],
    )


def test_undated_evidence_is_never_stale(cli, workdir: Path) -> None:
    text = MAP.format(date="2020-01-01").replace("        date: 2020-01-01\n", "")
    (workdir / "m.journey.yaml").write_text(text, encoding="utf-8")
    assert found(cli, "--today", "2026-12-01", "m.journey.yaml") == (0, [])


def test_every_stale_item_is_reported_assumptions_too(cli, workdir: Path) -> None:
    text = MAP.format(date="2020-01-01").replace(
        "    touchpoints:",
        "      - type: assumption\n        source: Sales\n        date: 2019-05-01\n"
        "      - type: interview\n        source: Fresh\n        date: 2026-11-30\n"
        "    touchpoints:",
    )
    (workdir / "m.journey.yaml").write_text(text, encoding="utf-8")
    assert found(cli, "--today", "2026-12-01", "m.journey.yaml") == (
        0,
        [("W108", 11, 15), ("W108", 14, 15)],
    )


# --- a date after the reference date is E003 --------------------------------------


def test_today_is_fine_tomorrow_is_e003_at_the_date(cli, workdir: Path) -> None:
    assert found(cli, "--today", "2026-12-01", write(workdir, "2026-12-01")) == (0, [])
    code, problems = found(cli, "--today", "2026-12-01", write(workdir, "2026-12-02"))
    assert (code, problems) == (1, [("E003", DATE_LINE, DATE_COLUMN)])
    text = cli(["lint", "--today", "2026-12-01", "m.journey.yaml"]).out
    assert (
        "m.journey.yaml:11:15: E003 stages[0].evidence[0].date: 2026-12-02 is after the "
        "reference date 2026-12-01; evidence cannot come from the future: write the date "
        "it was gathered\n"
    ) in text


def test_a_future_date_cannot_be_suppressed_away_as_a_warning(cli, workdir: Path) -> None:
    write(workdir, "2026-12-02")
    result = cli(["lint", "--today", "2026-12-01", "--ignore", "W", "m.journey.yaml"])
    assert result.code == 1
    assert "E003" in result.out


def test_report_refuses_a_map_with_a_future_date(cli, workdir: Path) -> None:
    write(workdir, "2026-12-02")
    result = cli(["report", "--today", "2026-12-01", "m.journey.yaml"])
    assert result.code == 1
    assert "m.journey.yaml:11:15: E003" in result.err + result.out
    assert cli(["report", "--today", "2026-12-02", "m.journey.yaml"]).code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["export", "m.journey.yaml", "--to", "json"],
        ["diff", "m.journey.yaml", "m.journey.yaml"],
        ["report", "m.journey.yaml"],
        ["lint", "m.journey.yaml"],
    ],
    ids=lambda a: a[0],
)
def test_every_command_that_reads_maps_refuses_a_future_date(
    cli, workdir: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """Without --today these commands take the reference date from JOURNEY_TODAY."""
    monkeypatch.setenv("JOURNEY_TODAY", "2026-12-01")
    write(workdir, "2026-12-02")
    result = cli(args)
    assert result.code == 1, result.out + result.err
    assert "E003" in result.out + result.err
    assert "after the reference date 2026-12-01" in result.out + result.err
    write(workdir, "2026-12-01")
    assert cli(args).code == 0


def test_without_flag_or_variable_the_reference_date_is_the_system_date(
    cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOURNEY_TODAY", raising=False)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert found(cli, write(workdir, tomorrow.isoformat()))[0] == 1
    assert found(cli, write(workdir, dt.date.today().isoformat())) == (0, [])


def test_the_flag_wins_over_the_variable(
    cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEY_TODAY", "2030-01-01")
    write(workdir, "2026-12-01")
    assert found(cli, "m.journey.yaml") == (0, [("W108", DATE_LINE, DATE_COLUMN)])
    assert found(cli, "--today", "2026-12-01", "m.journey.yaml") == (0, [])


# --- evidence-max-age: flag and configuration -------------------------------------


def test_evidence_max_age_from_the_flag(cli, workdir: Path) -> None:
    write(workdir, "2026-06-01")
    assert found(cli, "--today", "2026-12-01", "m.journey.yaml") == (0, [])
    assert found(cli, "--today", "2026-12-01", "--evidence-max-age", "6", "m.journey.yaml") == (
        0,
        [],
    )
    assert found(cli, "--today", "2026-12-02", "--evidence-max-age", "6", "m.journey.yaml") == (
        0,
        [("W108", DATE_LINE, DATE_COLUMN)],
    )


@pytest.mark.parametrize(
    ("name", "table"), [(".journey.toml", ""), ("pyproject.toml", "[tool.journey]\n")]
)
def test_evidence_max_age_from_the_configuration_and_the_flag_wins(
    cli, workdir: Path, name: str, table: str
) -> None:
    (workdir / ".journey.toml").unlink()  # the file under test is the only one
    (workdir / name).write_text(f"{table}evidence-max-age = 6\n", encoding="utf-8")
    write(workdir, "2026-05-31")
    assert found(cli, "--today", "2026-12-01", "m.journey.yaml") == (
        0,
        [("W108", DATE_LINE, DATE_COLUMN)],
    )
    assert found(cli, "--today", "2026-12-01", "--evidence-max-age", "7", "m.journey.yaml") == (
        0,
        [],
    )


@pytest.mark.parametrize(
    ("args", "config", "needles"),
    [
        (["--today", "2026-13-01"], "", ["--today", "'2026-13-01'", "YYYY-MM-DD"]),
        (["--today", "1-12-2026"], "", ["--today", "'1-12-2026'", "YYYY-MM-DD"]),
        (["--evidence-max-age", "0"], "", ["--evidence-max-age"]),
        ([], "evidence-max-age = 0\n", [".journey.toml", "evidence-max-age", "1 to 1200"]),
        ([], "evidence-max-age = '18'\n", [".journey.toml", "evidence-max-age", "whole number"]),
        ([], "evidence_max_age = 18\n", ["did you mean 'evidence-max-age'?"]),
    ],
)
def test_bad_settings_are_usage_errors(
    cli, workdir: Path, args: list[str], config: str, needles: list[str]
) -> None:
    (workdir / ".journey.toml").write_text(config, encoding="utf-8")
    write(workdir, "2026-06-01")
    for command in ("lint", "report"):
        result = cli([command, *args, "m.journey.yaml"])
        assert result.code == 2, (command, result.out, result.err)
        assert all(needle in result.err for needle in needles), result.err
        assert "Traceback" not in result.err


def test_a_bad_journey_today_variable_is_a_usage_error(
    cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEY_TODAY", "tomorrow")
    write(workdir, "2026-06-01")
    result = cli(["lint", "m.journey.yaml"])
    assert result.code == 2
    assert "JOURNEY_TODAY" in result.err and "'tomorrow'" in result.err
    assert cli(["lint", "--today", "2026-12-01", "m.journey.yaml"]).code == 0
