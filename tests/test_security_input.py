"""Hostile spreadsheets, numbers and configuration (issue 15 items 12, 14, 16, 20).

Through the real CLI; docs/security.md names each test next to its threat.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES

MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"


# --- CSV import that used to take minutes (item 12) ----------------------------------------


@pytest.mark.slow
def test_csv_import_of_80000_rows_of_one_name_ends_quickly(tmp_path: Path) -> None:
    """Took 646 s (quadratic id suffixes) before E006; now stops at the limit's row."""
    path = tmp_path / "rows.csv"
    path.write_text(
        "stage_name,touchpoint\n" + "Orientation,Website visit\n" * 80_000, encoding="utf-8"
    )
    proc = subprocess.run(  # the timeout is the assertion: the old code ran for minutes
        [sys.executable, "-m", "journeycli", "import", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == (
        f"journey: error: {path}: row 10002: more than 10,000 touchpoints, the limit of a "
        "map (E006); raise it with --max-touchpoints if this input is real\n"
    )


def test_repeated_names_get_the_same_ids_as_before(cli: Any, tmp_path: Path) -> None:
    """The suffix counter skips ids taken by an explicit touchpoint_id, as before."""
    path = tmp_path / "rows.csv"
    path.write_text(
        "stage_name,touchpoint_id,touchpoint\n"
        "A,,Visit\nA,visit-3,Visit\nA,,Visit\nA,,Visit\nA,,Visit\nB,,B\nB,,B\n",
        encoding="utf-8",
    )
    result = cli(["import", path])
    assert result.code == 0, result.err
    out = tmp_path / "m.journey.yaml"
    out.write_text(result.out, encoding="utf-8")
    data = json.loads(cli(["export", out, "--to", "json"]).out)
    ids = [[tp["id"] for tp in stage["touchpoints"]] for stage in data["stages"]]
    assert ids == [["visit", "visit-3", "visit-2", "visit-4", "visit-5"], ["b", "b-2"]]


def test_stage_and_touchpoint_limits_apply_to_import(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("stage_name\n" + "".join(f"S{i}\n" for i in range(6)), encoding="utf-8")
    refused = cli(["import", path, "--max-stages", "5"])
    assert refused.code == 1
    assert "row 7: more than 5 stages, the limit of a map (E006)" in refused.err
    assert cli(["import", path, "--max-stages", "6"]).code == 0


# --- huge numbers (item 14) ----------------------------------------------------------------


@pytest.mark.parametrize("field", ["volume", "value"])
@pytest.mark.parametrize("command", [["lint"], ["report"], ["summary"], ["export", "--to", "csv"]])
def test_huge_amounts_are_e003_with_the_maximum(
    cli: Any, tmp_path: Path, field: str, command: list[str]
) -> None:
    text = MEAL_KIT.read_text(encoding="utf-8")
    text = text.replace(
        "  volume: 40000" if field == "volume" else "  value: 320",
        f"  {field}: 10000000000000000000000000",
    )
    path = tmp_path / "huge.journey.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli([command[0], path, *command[1:]])
    assert result.code == 1
    message = result.out + result.err
    assert (
        f"E003 metrics.{field}: 10000000000000000000000000 is out of range: "
        "expected a number between 0 and 1,000,000,000,000,000"
    ) in message
    assert "internal error" not in message


def test_largest_amounts_report_every_figure(cli: Any, tmp_path: Path) -> None:
    """10^15 customers x 10^15 per customer: a value at stake of 31 digits, printed in full.

    By hand: reach 10^15; conversion 40% keeps 4 x 10^14, so 6 x 10^14 are lost,
    worth 6 x 10^14 x 10^15 = 6 x 10^29.
    """
    text = (
        "version: 1\ntitle: Extremes\n"
        "metrics: {volume: 1000000000000000, value: 1000000000000000, currency: EUR}\n"
        "stages:\n  - {id: a, name: A, relevance: 80, presence: 20, conversion: 40}\n"
        "  - {id: b, name: B, relevance: 50, presence: 50}\n"
    )
    path = tmp_path / "max.journey.yaml"
    path.write_text(text, encoding="utf-8")
    for fmt in ("terminal", "md", "html", "json"):
        result = cli(["report", path, "--format", fmt])
        assert result.code == 0, (fmt, result.err)
    markdown = cli(["report", path, "--format", "md"]).out
    assert "€600,000,000,000,000,000,000,000,000,000" in markdown
    stages = json.loads(cli(["report", path, "--format", "json"]).out)["stages"]
    assert (stages[0]["reach"], stages[0]["lost"]) == (10**15, 6 * 10**14)
    assert stages[0]["value_at_stake"] == 6 * 10**29


# --- CSV with a first line over 128 KiB, a deeply nested .journey.toml (item 16) ---------


def test_csv_with_a_first_line_over_128_kib(cli: Any, tmp_path: Path) -> None:
    header = tmp_path / "header.csv"
    header.write_text("stage_name," + "x" * 140_000 + "\nA,b\n", encoding="utf-8")
    result = cli(["import", header])
    assert result.code == 1
    assert result.err.startswith(f"journey: error: {header}: row 1, column ")
    assert "(140,000 characters): unknown column" in result.err
    assert len(result.err) < 500  # the cell is named, not printed whole
    cell = tmp_path / "cell.csv"  # a long name is a name: it imports as YAML would take it
    cell.write_text("stage_name,touchpoint\nA," + "y" * 200_000 + "\n", encoding="utf-8")
    imported = cli(["import", cell])
    assert imported.code == 0, imported.err[:300]
    assert "y" * 200_000 in imported.out


def test_deeply_nested_configuration_names_the_file(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".journey.toml").write_text(
        "select = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    result = cli(["lint", MEAL_KIT])
    assert result.code == 2
    assert result.err == (
        "journey: error: .journey.toml: not valid TOML: arrays or tables nested too deeply\n"
    )


# --- formulas after white space (item 20) --------------------------------------------------


@pytest.mark.parametrize("name", [" =1+1", "\u00a0=1+1", "\t=HYPERLINK(x)", " @SUM(A1)", "x "])
def test_csv_formula_after_white_space_is_neutralised_and_round_trips(
    cli: Any, tmp_path: Path, name: str
) -> None:
    text = MEAL_KIT.read_text(encoding="utf-8").replace(
        "name: Awareness", f"name: {json.dumps(name)}", 1
    )
    path = tmp_path / "m.journey.yaml"
    path.write_text(text, encoding="utf-8")
    exported = cli(["export", path, "--to", "csv"])
    assert exported.code == 0, exported.err
    rows = list(csv.DictReader(io.StringIO(exported.out)))
    cell = rows[0]["stage_name"]
    assert cell == "'" + name  # a spreadsheet shows it as text, never runs it
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text(exported.out, encoding="utf-8")
    imported = cli(["import", csv_file])
    assert imported.code == 0, imported.err
    back = tmp_path / "back.journey.yaml"
    back.write_text(imported.out, encoding="utf-8")
    data = json.loads(cli(["export", back, "--to", "json"]).out)
    assert data["stages"][0]["name"] == name  # the white space is kept: lossless
