"""CSV export and import: spreadsheet files in, every column back out, no formula injection."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import DATA, example_maps
from journeycli.core.checks import check_map
from journeycli.core.errors import InputError
from journeycli.core.model import JourneyMap
from journeycli.core.spreadsheet import neutralise, restore
from journeycli.core.validation import load_map
from journeycli.interop.run import import_map
from journeycli.interop.table import COLUMNS, from_csv, to_csv

CSV_DATA = DATA / "csv"
HEADER = ",".join(COLUMNS)


def rows(journey: JourneyMap) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(to_csv(journey))))


def lint_clean(yaml_text: str) -> JourneyMap:
    validated = load_map(yaml_text.encode("utf-8"), "imported.journey.yaml")
    assert not [p for p in check_map(validated) if p.is_error], yaml_text
    assert validated.model is not None
    return validated.model


def _map(**stage: object) -> JourneyMap:
    return JourneyMap.model_validate(
        {"version": 1, "title": "T", "stages": [{"id": "s", "name": "S", **stage}]}
    )


def test_export_has_the_spec_columns_and_one_row_per_touchpoint() -> None:
    path = next(p for p in example_maps() if p.name.startswith("meal-kit"))
    journey = load_map(path.read_bytes(), path.name).model
    assert journey is not None
    text = to_csv(journey)
    assert text.splitlines()[0] == HEADER
    assert "\r" not in text and not text.startswith("\ufeff")
    table = rows(journey)
    assert len(table) == len(journey.touchpoints())
    delivery = next(r for r in table if r["touchpoint_id"] == "delivery")
    assert delivery == {
        "stage_id": "service",
        "stage_name": "Service",
        "relevance": "90",
        "presence": "50",
        "conversion": "60",
        "touchpoint_id": "delivery",
        "touchpoint": "Box delivery",
        "channel": "courier",
        "kind": "physical",
        "personas": "busy-parent",
        "critical": "true",
        "experience": "1",
        "owner": "logistics",
    }


def test_stage_without_touchpoints_is_one_row_with_empty_touchpoint_columns() -> None:
    table = rows(_map(relevance=40))
    assert table == [
        {**dict.fromkeys(COLUMNS, ""), "stage_id": "s", "stage_name": "S", "relevance": "40"}
    ]


def test_several_personas_are_separated_by_semicolons() -> None:
    journey = JourneyMap.model_validate(
        {
            "version": 1,
            "title": "T",
            "personas": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "stages": [{"name": "S", "touchpoints": [{"name": "T", "personas": ["a", "b"]}]}],
        }
    )
    assert rows(journey)[0]["personas"] == "a;b"
    back = from_csv(to_csv(journey))
    assert back.stages[0].touchpoints[0].personas == ["a", "b"]


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+31 20 123",
        "-5 points",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "'=x",
        "''@x",
        " =1+1",
        "\u00a0=1+1",
        "'\u00a0 @x",
        " leading",
        "trailing ",
        "'both ",
    ],
)
def test_formula_injection_is_neutralised_and_restored(text: str) -> None:
    cell = neutralise(text)
    assert cell.startswith("'")
    assert restore(cell) == text


@pytest.mark.parametrize("text", ["plain", "'quoted'", "it's", "1 = 1", "a-b", ""])
def test_harmless_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text
    assert restore(text) == text


def test_exported_cells_never_start_a_formula() -> None:
    journey = _map(
        name='=HYPERLINK("http://x")',
        touchpoints=[{"id": "t", "name": "+cmd|' /C calc'!A0", "channel": "@x", "owner": "-team"}],
    )
    text = to_csv(journey)
    for record in csv.reader(io.StringIO(text)):
        for cell in record:
            assert not cell or cell[0] not in "=+-@\t\r", (cell, text)
    back = from_csv(text)
    assert back.stages[0].name == journey.stages[0].name
    assert back.stages[0].touchpoints[0] == journey.stages[0].touchpoints[0]


def test_dutch_excel_csv_with_bom_crlf_and_semicolons_imports() -> None:
    raw = (CSV_DATA / "hypotheek-excel-nl.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b";" in raw.split(b"\r\n")[0]
    journey = lint_clean(import_map(raw, "hypotheek-excel-nl.csv", "csv"))
    assert journey.title == "Hypotheek excel nl"
    assert [s.id for s in journey.stages] == [
        "behoefte",
        "orientatie",
        "advies",
        "aankoop",
        "gebruik",
        "loyaliteit",
    ]
    orientatie = journey.stages[1]
    assert (orientatie.name, orientatie.relevance, orientatie.presence, orientatie.conversion) == (
        "Oriëntatie",
        85,
        30,
        40.5,
    )
    first, second = orientatie.touchpoints
    assert (first.critical, first.experience, first.personas) == (True, 2, ["starter"])
    assert second.name == "Vermelding op vergelijkingssite; Independer"
    assert second.personas == ["starter", "doorstromer"] and second.critical is False
    assert journey.stages[3].touchpoints == []  # a stage row with empty touchpoint columns
    assert journey.stages[5].touchpoints[0].name == "=Brief renteherziening"
    assert [p.id for p in journey.personas] == ["starter", "doorstromer"]


def test_excel_sep_hint_line_and_spreadsheet_headers() -> None:
    journey = from_csv((CSV_DATA / "sep-hint-nl.csv").read_text("utf-8"), source="s.csv")
    assert [s.id for s in journey.stages] == ["behoefte", "orientatie"]
    assert journey.stages[1].conversion == 40.5


def test_workshop_csv_with_own_columns_and_multiline_cells() -> None:
    raw = (CSV_DATA / "meal-kit-workshop.csv").read_bytes()
    journey = lint_clean(import_map(raw, "meal-kit-workshop.csv", "csv", title="Meal kit"))
    assert journey.title == "Meal kit"
    assert [s.name for s in journey.stages] == ["Awareness", "Consideration", "Delivery", "Service"]
    assert journey.stages[0].touchpoints[1].name == "Referral from a friend, with a code"
    assert journey.stages[2].touchpoints == []
    assert journey.stages[3].touchpoints[0].critical is True


def test_tab_separated_import() -> None:
    text = "stage_name\ttouchpoint\texperience\nAwareness\tAds, online\t2\n"
    journey = from_csv(text)
    assert journey.stages[0].touchpoints[0].name == "Ads, online"


def test_rows_of_one_stage_need_not_be_adjacent() -> None:
    text = "stage_name,touchpoint\nA,one\nB,two\nA,three\n"
    journey = from_csv(text)
    assert [[t.name for t in s.touchpoints] for s in journey.stages] == [["one", "three"], ["two"]]


def test_persona_names_in_the_personas_column_become_ids() -> None:
    journey = from_csv("stage_name,touchpoint,personas\nA,T,Priya; Tom de Vries\n")
    assert [(p.id, p.name) for p in journey.personas] == [
        ("priya", "Priya"),
        ("tom-de-vries", "Tom de Vries"),
    ]


BAD = [
    ("stage_name,relevance\nA,high\n", "row 2, column relevance: 'high' is not a number"),
    ("stage_name,relevance\nA,101\n", "row 2, column relevance: 101 is out of range"),
    ("stage_name,presence\nA,4.5\n", "row 2, column presence: '4.5' is not a whole number"),
    (
        "stage_name,relevance\nA,1.000\n",
        "row 2, column relevance: '1.000' reads as 1; write 1000 (no thousands separator), "
        "or 1.0 for a decimal",
    ),
    (
        "stage_name;touchpoint;experience\nA;T;4,000\n",
        "row 2, column experience: '4,000' reads as text; write 4000 (no thousands separator), "
        "or 4.0 for a decimal",
    ),
    ("stage_name,conversion\nA,-1\n", "row 2, column conversion"),
    ("stage_name,touchpoint,experience\nA,T,6\n", "row 2, column experience: 6 is out of range"),
    ("stage_name,touchpoint,critical\nA,T,maybe\n", "row 2, column critical: 'maybe'"),
    ("stage_name,touchpoint,kind\nA,T,robot\n", "row 2, column kind: 'robot' is not one of"),
    ("stage_name,touchpoint,channel\nA,,web\n", "row 2, column touchpoint: empty, but"),
    (
        "stage_name,touchpoint_id,touchpoint\nA,t,T\nA,t,U\n",
        "row 3, column touchpoint_id: 't' is already used in row 2",
    ),
    ("stage_id,stage_name\nBad Id,A\n", "row 2, column stage_id: 'Bad Id' is not a valid id"),
    ("stage_name,relevance\nA,10\nA,20\n", "row 3, column relevance: 20 differs from 10 in row 2"),
    ("stage_name,touchpoint\n,T\n", "row 2, column stage_name: empty"),
    (
        "stage_name,relevence\nA,1\n",
        "row 1, column relevence: unknown column; did you mean 'relevance'?",
    ),
    ("stage_name,notes\nA,1\n", "columns of your own must start with 'x-'"),
    ("touchpoint,experience\nT,3\n", "no stage_name or stage_id column"),
    ("stage_name,stage_name\nA,B\n", "row 1, column stage_name: this column appears twice"),
    ("stage_name\nA,extra\n", "row 2: 2 cells, but the header has 1 columns"),
    ("stage_name,,touchpoint\nA,oops,T\n", "row 2, column 2: a value in a column without"),
    ("stage_name\n", "no rows after the header"),
    ("", "empty; expected a header row"),
    ("stage_name\n🚀\n", "row 2, column stage_name: no id can be made"),
]


@pytest.mark.parametrize(("text", "message"), BAD, ids=[b[1][:40] for b in BAD])
def test_bad_csv_names_the_row_and_column(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        from_csv(text, source="w.csv")
    assert str(caught.value).startswith("w.csv: ")
    assert message in str(caught.value)


def test_non_utf8_csv_is_a_clear_error() -> None:
    raw = "stage_name\nOriëntatie\n".encode("cp1252")
    with pytest.raises(InputError, match=r"w\.csv:2: not UTF-8"):
        import_map(raw, "w.csv", "csv")
