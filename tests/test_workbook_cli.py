"""`journey export --to xlsx`, `journey import --from xlsx`, and Dutch CSV, through the real CLI."""

from __future__ import annotations

import csv
import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import example_maps, journey_process
from journeycli.core.validation import load_map

HYPOTHEEK = next(p for p in example_maps() if p.name.startswith("hypotheek"))
MEAL_KIT = next(p for p in example_maps() if p.name.startswith("meal-kit"))


def test_xlsx_is_inferred_from_the_extension_both_ways(cli, tmp_path: Path) -> None:
    book = tmp_path / "workshop.xlsx"
    result = cli(["export", HYPOTHEEK, "-o", book])
    assert result.code == 0, result.err
    assert load_workbook(book).sheetnames[:3] == ["map", "personas", "stages"]
    target = tmp_path / "back.journey.yaml"
    result = cli(["import", book, "-o", target])
    assert result.code == 0, result.err
    back = load_map(target.read_bytes(), target.name).model
    original = load_map(HYPOTHEEK.read_bytes(), HYPOTHEEK.name).model
    assert back is not None and original is not None
    assert back.model_dump() == original.model_dump()
    assert target.read_text().startswith("# yaml-language-server: $schema=")


def test_a_bad_cell_exits_1_naming_sheet_row_and_column(cli, tmp_path: Path) -> None:
    book = tmp_path / "workshop.xlsx"
    assert cli(["export", HYPOTHEEK, "--to", "xlsx", "-o", book]).code == 0
    workbook = load_workbook(book)
    workbook["actions"]["G2"] = "volgende"
    workbook.save(book)
    result = cli(["import", book, "-o", tmp_path / "m.journey.yaml"])
    assert result.code == 1
    assert (
        "sheet actions, row 2, column horizon (G2): 'volgende' is the Dutch label; write next"
        in (result.err)
    )
    assert not (tmp_path / "m.journey.yaml").exists()


@pytest.mark.slow
def test_xlsx_goes_into_a_pipe() -> None:
    result = journey_process(["export", str(HYPOTHEEK), "--to", "xlsx"])
    assert result.code == 0, result.err
    assert result.out.startswith("PK")


@pytest.mark.slow
def test_xlsx_to_a_terminal_is_refused() -> None:
    main, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "journeycli", "export", str(HYPOTHEEK), "--to", "xlsx"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(secondary)
        os.close(main)
    assert proc.returncode == 2
    assert b"an xlsx file is binary" in proc.stderr


def test_a_dutch_maps_csv_uses_semicolons_and_a_bom(cli, tmp_path: Path) -> None:
    out = tmp_path / "workshop.csv"
    assert cli(["export", HYPOTHEEK, "-o", out]).code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfstage_id;stage_name;relevance;")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) == 13
    back = tmp_path / "back.journey.yaml"
    assert cli(["import", out, "-o", back]).code == 0
    assert load_map(back.read_bytes(), back.name).model is not None


def test_delimiter_overrides_and_an_english_map_keeps_commas(cli, tmp_path: Path) -> None:
    result = cli(["export", HYPOTHEEK, "--to", "csv", "--delimiter", ","])
    assert result.code == 0
    assert result.out.startswith("\ufeffstage_id,stage_name,")
    result = cli(["export", MEAL_KIT, "--to", "csv"])
    assert result.out.startswith("stage_id,stage_name,")
    result = cli(["export", MEAL_KIT, "--to", "csv", "--delimiter", "tab"])
    assert result.out.startswith("stage_id\tstage_name\t")
    for path in (tmp_path / "a.csv",):
        path.write_text(result.out)
        assert cli(["import", path, "-o", tmp_path / "a.journey.yaml"]).code == 0
    bad = cli(["export", MEAL_KIT, "--to", "csv", "--delimiter", "::"])
    assert bad.code == 2
    assert "--delimiter" in bad.err
    assert cli(["export", MEAL_KIT, "--to", "mermaid", "--delimiter", ";"]).code == 2
