"""`journey measure` through the real CLI (docs/measure.md).

The expected scores are computed here from the example CSV files with
plain arithmetic, independently of `journeycli.measure.stats`.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import itertools
import math
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from journeycli.cli import run as journey_run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hypotheek.journey.yaml"
DATA = ROOT / "examples" / "data"
SURVEY = DATA / "enquete-2026-11.csv"
FUNNEL = DATA / "funnel-2026-q3.csv"
RATINGS = DATA / "beoordelingen-2026-11.csv"
SOURCE = "Klantenquête november 2026"


def run(*args: str) -> tuple[int, str]:
    """`journey measure ARGS` in-process, with the real error handler; stdout + stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = journey_run(["measure", *args])
    return code, out.getvalue() + err.getvalue()


def half_up(value: float, places: int = 0) -> float:
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def margin(values: list[float]) -> float:
    m = mean(values)
    s = math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))
    return 1.96 * s / math.sqrt(len(values))


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "hypotheek.journey.yaml"
    shutil.copyfile(EXAMPLE, target)
    return target


def test_measuring_the_example_changes_only_measured_values(example: Path) -> None:
    before = example.read_bytes()
    code, out = run(
        str(example),
        *("--survey", str(SURVEY), "--scale", "1-5", "--funnel", str(FUNNEL)),
        *("--ratings", str(RATINGS), "--source", SOURCE, "--date", "2026-11-20"),
    )
    assert code == 0, out
    after = example.read_bytes()
    # every line outside the diff is byte-identical; the diff holds only measured keys
    changed = re.compile(
        r"(relevance|presence|conversion|experience|volume|persona_scores|persona_experience"
        r"|starter|doorstromer|n|margin):( .*)?|- type: survey|source: "
        + re.escape(SOURCE)
        + r"|date: 2026-11-20"
    )
    old_lines = before.decode().splitlines(keepends=True)
    new_lines = after.decode().splitlines(keepends=True)
    for line in difflib.unified_diff(old_lines, new_lines, n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        assert changed.fullmatch(line[1:].strip()), line
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    kept = sum(size for _, _, size in matcher.get_matching_blocks())
    assert kept >= len(old_lines) - 30  # all but the measured lines, byte for byte

    data = yaml.safe_load(after)
    stages = {s["id"]: s for s in data["stages"]}
    answers = rows(SURVEY)
    for sid, stage in stages.items():
        mine = [r for r in answers if r["stage"] == sid]
        rel = [(float(r["relevance"]) - 1) / 4 * 100 for r in mine]
        pre = [(float(r["presence"]) - 1) / 4 * 100 for r in mine]
        assert stage["relevance"] == half_up(mean(rel))
        assert stage["presence"] == half_up(mean(pre))
        item = stage["evidence"][-1]
        assert item["n"] == len(mine)
        assert item["margin"] == half_up(max(margin(rel), margin(pre)), 1)
        for pid in ("starter", "doorstromer"):
            theirs = [(float(r["relevance"]) - 1) / 4 * 100 for r in mine if r["persona"] == pid]
            assert stage["persona_scores"][pid]["relevance"] == half_up(mean(theirs))
    entered = {r["stage"]: int(r["entered"]) for r in rows(FUNNEL)}
    assert data["metrics"]["volume"] == entered["behoefte"]
    ids = list(stages)
    for here, after_id in itertools.pairwise(ids):
        expected = half_up(entered[after_id] / entered[here] * 100, 1)
        assert stages[here]["conversion"] == expected
    ratings = rows(RATINGS)
    for stage in stages.values():
        for tp in stage.get("touchpoints", []):
            mine_r = [float(r["rating"]) for r in ratings if r["touchpoint"] == tp["id"]]
            if mine_r:
                assert tp["experience"] == half_up(mean(mine_r))
                for pid in ("starter", "doorstromer"):
                    theirs_r = [
                        float(r["rating"])
                        for r in ratings
                        if r["touchpoint"] == tp["id"] and r["persona"] == pid
                    ]
                    if theirs_r:
                        assert tp["persona_experience"][pid] == half_up(mean(theirs_r))
    assert journey_run(["lint", str(example)]) == 0


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_margin_and_scale_by_hand(example: Path, tmp_path: Path) -> None:
    # 1..5 on 1-5 is 0, 25, 50, 75, 100: mean 50, s = sqrt(6250 / 4) = 39.528,
    # margin = 1.96 * 39.528 / sqrt(5) = 34.648 -> 34.6; presence all 3: margin 0.
    survey = write(
        tmp_path,
        "s.csv",
        "stage,relevance,presence\n"
        + "".join(f"advies,{v},3\n" for v in (1, 2, 3, 4, 5))
        + "gebruik,1,5\ngebruik,1,5\n",
    )
    code, out = run(str(example), "--survey", str(survey), "--scale", "1-5", "--date", "2026-11-20")
    assert code == 0, out
    stages = {s["id"]: s for s in yaml.safe_load(example.read_bytes())["stages"]}
    advies = stages["advies"]
    assert (advies["relevance"], advies["presence"]) == (50, 50)
    assert advies["evidence"][-1] == {
        "type": "survey",
        "source": "s.csv",
        "date": __import__("datetime").date(2026, 11, 20),
        "n": 5,
        "margin": 34.6,
    }
    assert (stages["gebruik"]["relevance"], stages["gebruik"]["presence"]) == (
        0,
        100,
    )  # 1 -> 0, 5 -> 100
    assert stages["gebruik"]["evidence"][-1]["margin"] == 0


def test_rounding_is_half_up_and_margin_on_0_100(example: Path, tmp_path: Path) -> None:
    # 54 and 55: mean 54.5 -> 55 (Python's round gives 54); s = 0.7071, margin = 1.96 * 0.7071
    # / sqrt(2) = 0.98 -> 1. 40 and 60: s = 14.142, margin = 1.96 * 14.142 / 1.4142 = 19.6.
    survey = write(
        tmp_path, "s.csv", "stage,relevance\nadvies,54\nadvies,55\ngebruik,40\ngebruik,60\n"
    )
    code, out = run(str(example), "--survey", str(survey), "--date", "2026-11-20")
    assert code == 0, out
    stages = {s["id"]: s for s in yaml.safe_load(example.read_bytes())["stages"]}
    assert stages["advies"]["relevance"] == 55
    assert stages["advies"]["evidence"][-1]["margin"] == 1
    assert stages["gebruik"]["relevance"] == 50
    assert stages["gebruik"]["evidence"][-1]["margin"] == 19.6
    # measuring again with the same source replaces the item instead of adding one
    code, out = run(str(example), "--survey", str(survey), "--date", "2026-11-21")
    assert code == 0, out
    evidence = yaml.safe_load(example.read_bytes())["stages"][2]["evidence"]
    assert [e["source"] for e in evidence].count("s.csv") == 1


BAD_SURVEYS = [
    (
        "stage,relevance\nadvies,5\nadviez,4\n",
        "rij 3",
        "geen fase 'adviez' in de klantreiskaart; bedoel je 'advies'?",
    ),
    (
        "stage,relevance\nadvies,5\n,4\n",
        "rij 3",
        "de cel stage is leeg; vul hem in of verwijder de rij",
    ),
    ("stage,relevance\nadvies,\n", "rij 2", "de cel relevance is leeg"),
    (
        "stage,relevance\nadvies,5\nadvies,6\n",
        "rij 3",
        "relevance '6' valt buiten de schaal 1-5 (--scale)",
    ),
    ("stage,relevance\nadvies,4,5\nadvies,7,5\n", "rij 3", "valt buiten"),
    (
        "stage,relevance\nadvies,3\nadvies,vier\n",
        "rij 3",
        "relevance 'vier' is geen getal; vul een getal in binnen de schaal 1-5",
    ),
    (
        "stage,relevance,persona\nadvies,3,starter\nadvies,3,student\n",
        "rij 3",
        "geen persona 'student' in de klantreiskaart",
    ),
    ("stage,relevance\n", "", "s.csv: geen rijen met gegevens onder de kopregel (rij 1)"),
    (
        "stage,score\nadvies,3\n",
        "rij 1",
        "geen kolom 'relevance' of 'presence' (gevonden kolommen: stage, score)",
    ),
]


@pytest.mark.parametrize(("text", "row", "words"), BAD_SURVEYS)
def test_bad_survey_names_the_row_and_leaves_the_map(
    example: Path, tmp_path: Path, text: str, row: str, words: str
) -> None:
    before = example.read_bytes()
    survey = write(tmp_path, "s.csv", text)
    code, out = run(str(example), "--survey", str(survey), "--scale", "1-5")
    assert code == 1, out
    assert row in out and words in out, out
    assert "Traceback" not in out
    assert example.read_bytes() == before


@pytest.mark.parametrize(
    ("option", "text", "row", "words"),
    [
        (
            "--funnel",
            "stage,entered\nbehoefte,100\norientatie,200\n",
            "rij 3",
            "'orientatie' heeft een instroom van 200 klanten, "
            "meer dan de 100 van de fase ervoor ('behoefte')",
        ),
        (
            "--funnel",
            "stage,entered\nbehoefte,100\nbehoefte,90\n",
            "rij 3",
            "fase 'behoefte' staat al in rij 2",
        ),
        (
            "--funnel",
            "stage,entered\nbehoefte,veel\n",
            "rij 2",
            "entered 'veel' is geen getal; "
            "vul een getal in binnen het bereik van 0 of meer klanten",
        ),
        (
            "--ratings",
            "touchpoint,rating\nrekentool,2\nrekentol,3\n",
            "rij 3",
            "geen contactmoment 'rekentol' in de klantreiskaart; bedoel je 'rekentool'?",
        ),
        (
            "--ratings",
            "touchpoint,rating\nrekentool,6\n",
            "rij 2",
            "rating '6' valt buiten de beoordelingsschaal 1 (zeer slecht) tot en met 5",
        ),
        ("--ratings", "touchpoint,rating\nrekentool,\n", "rij 2", "de cel rating is leeg"),
    ],
)
def test_bad_funnel_and_ratings_name_the_row(
    example: Path, tmp_path: Path, option: str, text: str, row: str, words: str
) -> None:
    before = example.read_bytes()
    data = write(tmp_path, "d.csv", text)
    good = write(tmp_path, "s.csv", "stage,relevance\nadvies,50\n")
    code, out = run(str(example), "--survey", str(good), option, str(data))
    assert code == 1, out
    assert row in out and words in out, out
    assert example.read_bytes() == before


def test_xlsx_rows_are_numbered_as_the_spreadsheet_shows(example: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in (["stage", "relevance"], ["advies", 80], ["advies", 60], ["advies", 101]):
        sheet.append(line)
    path = tmp_path / "s.xlsx"
    book.save(path)
    before = example.read_bytes()
    code, out = run(str(example), "--survey", str(path))
    assert code == 1 and "s.xlsx rij 4" in out and "'101'" in out, out
    assert example.read_bytes() == before
    sheet.delete_rows(4)
    book.save(path)
    code, out = run(str(example), "--survey", str(path), "--date", "2026-11-20")
    assert code == 0, out
    assert yaml.safe_load(example.read_bytes())["stages"][2]["relevance"] == 70


def test_dry_run_prints_the_diff_and_writes_nothing(example: Path, tmp_path: Path) -> None:
    before = example.read_bytes()
    survey = write(tmp_path, "s.csv", "stage,relevance\nadvies,40\n")
    code, out = run(str(example), "--survey", str(survey), "--date", "2026-11-20", "--dry-run")
    assert code == 0, out
    assert "-    relevance: 90\n+    relevance: 40\n" in out
    assert "+        n: 1\n" in out
    assert example.read_bytes() == before


def test_n_and_margin_survive_an_xlsx_round_trip(example: Path, tmp_path: Path) -> None:
    survey = write(tmp_path, "s.csv", "stage,relevance\nadvies,40\nadvies,60\n")
    assert run(str(example), "--survey", str(survey), "--date", "2026-11-20")[0] == 0
    book, back = tmp_path / "m.xlsx", tmp_path / "back.journey.yaml"
    assert journey_run(["export", str(example), "--to", "xlsx", "--output", str(book)]) == 0
    assert journey_run(["import", str(book), "--output", str(back)]) == 0
    item = yaml.safe_load(back.read_bytes())["stages"][2]["evidence"][-1]
    assert (item["n"], item["margin"]) == (2, 19.6)


def test_a_damaged_or_oversized_workbook_is_a_clean_error(example: Path, tmp_path: Path) -> None:
    import zipfile

    before = example.read_bytes()
    damaged = tmp_path / "kapot.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    code, out = run(str(example), "--survey", str(damaged))
    assert (
        code == 1
        and "kapot.xlsx: geen leesbare .xlsx-werkmap; sla hem opnieuw op vanuit Excel" in out
    ), out
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"0" * (65 * 1024 * 1024))
    code, out = run(str(example), "--survey", str(bomb))
    assert code == 1 and "bom.xlsx: is uitgepakt groter dan 64 MiB" in out, out
    assert example.read_bytes() == before


def test_messages_follow_the_maps_language(example: Path, tmp_path: Path) -> None:
    """docs/measure.md: the lines and errors in the map's language; YAML keys as written."""
    survey = write(tmp_path, "s.csv", "stage,relevance\nadvies,40\nadvies,60\n")
    code, out = run(str(example), "--survey", str(survey), "--date", "2026-11-20")
    assert code == 0, out
    # hand-computed: mean 50, s = 14.142, margin = 1.96 * 14.142 / sqrt(2) = 19.6
    assert f"{example}: fase advies: relevance 50 (n=2, marge 19,6)\n" in out
    assert out.endswith("gemeten: 1 resultaat uit de gegevens\n")

    english = tmp_path / "english.journey.yaml"
    english.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("language: nl", "language: en"),
        encoding="utf-8",
    )
    code, out = run(str(english), "--survey", str(survey), "--date", "2026-11-20", "--dry-run")
    assert code == 0, out
    assert out.endswith("would change: 1 result from the data\n")
    code, out = run(str(english), "--survey", str(survey), "--date", "2026-11-20")
    assert code == 0, out
    assert f"{english}: stage advies: relevance 50 (n=2, margin 19.6)\n" in out
    assert out.endswith("measured: 1 result from the data\n")
    code, out = run(str(english), "--survey", str(survey), "--date", "2026-11-20")
    assert out.endswith("no change: 1 result from the data\n")
    bad = write(tmp_path, "bad.csv", "stage,relevance\nadvies,50\nadviez,40\n")
    code, out = run(str(english), "--survey", str(bad))
    assert code == 1
    assert f"{bad} row 3: no stage 'adviez' in the map; did you mean 'advies'?" in out


def test_a_row_number_is_written_as_a_spreadsheet_shows_it(example: Path, tmp_path: Path) -> None:
    """Row 1502, not "1,502" or "1.502": the number on the spreadsheet's row header."""
    survey = write(tmp_path, "s.csv", "stage,relevance\n" + "advies,50\n" * 1500 + "adviez,40\n")
    code, out = run(str(example), "--survey", str(survey))
    assert code == 1
    assert "s.csv rij 1502: geen fase 'adviez'" in out, out
