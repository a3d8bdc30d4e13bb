"""xlsx export and import: every field back, drop-down lists, a bad cell named by its place."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from conftest import example_maps
from journeycli.core.checks import check_map
from journeycli.core.errors import InputError
from journeycli.core.model import JourneyMap
from journeycli.core.validation import load_map
from journeycli.interop.workbook import to_xlsx
from journeycli.interop.workbook_read import MAX_UNPACKED, read_workbook
from journeycli.interop.workbook_sheets import SHEETS


def model_of(path: Path) -> JourneyMap:
    journey = load_map(path.read_bytes(), path.name).model
    assert journey is not None
    return journey


def lint_findings(yaml_bytes: bytes) -> list[tuple[str, str]]:
    return sorted((p.code, p.message) for p in check_map(load_map(yaml_bytes, "m.journey.yaml")))


def edited(raw: bytes, sheet: str, cell: str, value: Any) -> bytes:
    book = load_workbook(io.BytesIO(raw))
    book[sheet][cell] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_error(raw: bytes) -> str:
    with pytest.raises(InputError) as caught:
        read_workbook(raw, source="w.xlsx")
    return caught.value.message


@pytest.mark.parametrize("path", example_maps(), ids=lambda p: p.name)
def test_round_trip_of_every_example_keeps_every_field_and_lints_the_same(path: Path) -> None:
    from journeycli.core.writer import dump_map

    journey = model_of(path)
    back = read_workbook(to_xlsx(journey), source="w.xlsx")
    assert back.model_dump() == journey.model_dump()
    written = dump_map(back).encode("utf-8")
    assert lint_findings(written) == lint_findings(path.read_bytes())


def test_every_field_of_the_format_has_a_column() -> None:
    """A field added to the model without a column here would be lost in a workshop."""
    from journeycli.core.model import (
        Action,
        Evidence,
        Kpi,
        Opportunity,
        Persona,
        PersonaScore,
        Stage,
        Touchpoint,
    )

    covered = {
        Persona: {c.key for c in SHEETS["personas"]},
        Touchpoint: {c.key for c in SHEETS["touchpoints"]},
        Action: {c.key for c in SHEETS["actions"]},
        Evidence: {c.key for c in SHEETS["evidence"]},
        Kpi: {c.key for c in SHEETS["kpis"]} | {"evidence"},
        Opportunity: {c.key for c in SHEETS["opportunities"]},
        PersonaScore: {c.key for c in SHEETS["persona_scores"]},
        Stage: {c.key for c in SHEETS["stages"]} | {*SHEETS} | {"evidence"},
        JourneyMap: {c.key.split(".")[0] for c in SHEETS["map"]} | {"version", *SHEETS},
    }
    for model, keys in covered.items():
        missing = set(model.model_fields) - keys
        assert not missing, f"{model.__name__}: no column for {sorted(missing)}"


def test_sheets_have_yaml_keys_as_headers_and_drop_down_lists() -> None:
    journey = model_of(next(p for p in example_maps() if p.name.startswith("hypotheek")))
    book = load_workbook(io.BytesIO(to_xlsx(journey)))
    assert book.sheetnames == [name for name, columns in SHEETS.items() if columns]
    actions = book["actions"]
    assert [c.value for c in actions[1]] == [c.key for c in SHEETS["actions"]]
    lists = {
        (sheet.title, str(rule.sqref)): rule.formula1
        for sheet in book.worksheets
        for rule in sheet.data_validations.dataValidation
    }
    assert lists[("actions", "G2:G1048576")] == '"now,next,later"'
    assert lists[("actions", "H2:H1048576")] == '"todo,doing,done,dropped"'
    assert lists[("actions", "I2:I1048576")] == '"low,medium,high"'
    assert lists[("touchpoints", "E2:E1048576")] == '"digital,human,physical"'
    assert lists[("evidence", "B2:B1048576")] == (
        '"analytics,survey,interview,usability-test,poll,desk-research,review,assumption"'
    )
    assert lists[("actions", "A2:A1048576")] == "stages!$A$2:$A$1048576"
    assert lists[("actions", "F2:F1048576")] == "touchpoints!$B$2:$B$1048576"
    assert lists[("actions", "J2:J1048576")] == "opportunities!$B$2:$B$1048576"
    assert lists[("opportunities", "D2:D1048576")] == '"low,medium,high"'
    assert lists[("opportunities", "E2:E1048576")] == '"low,medium,high"'
    assert lists[("evidence", "G2:G1048576")] == "kpis!$B$2:$B$1048576"
    assert lists[("map", "D2:D1048576")] == '"current,future"'
    rule = actions.data_validations.dataValidation[0]
    assert rule.showErrorMessage


def _small() -> bytes:
    return to_xlsx(
        JourneyMap.model_validate(
            {
                "version": 1,
                "title": "T",
                "stages": [
                    {
                        "id": "orientatie",
                        "name": "Oriëntatie",
                        "touchpoints": [{"id": "rekentool", "name": "Rekentool"}],
                        "actions": [{"action": "Bouw", "touchpoint": "rekentool"}],
                    }
                ],
            }
        )
    )


def test_a_dutch_label_in_an_enum_cell_names_sheet_row_column_and_the_value() -> None:
    message = import_error(edited(_small(), "actions", "G2", "nu"))
    assert message == (
        "w.xlsx: sheet actions, row 2, column horizon (G2): 'nu' is the Dutch label; write now"
    )


def test_a_wrong_enum_cell_is_an_error_at_its_cell() -> None:
    message = import_error(edited(_small(), "actions", "G2", "soon"))
    assert message.startswith("w.xlsx: sheet actions, row 2, column horizon (G2): 'soon'")
    assert "'now', 'next' or 'later'" in message


def test_a_number_cell_with_text_is_an_error_at_its_cell() -> None:
    message = import_error(edited(_small(), "stages", "I2", "veel"))
    assert message == "w.xlsx: sheet stages, row 2, column relevance (I2): 'veel' is not a number"


def test_an_out_of_range_score_is_an_error_at_its_cell() -> None:
    message = import_error(edited(_small(), "stages", "J2", 140))
    assert message.startswith("w.xlsx: sheet stages, row 2, column presence (J2): '140'")


def test_an_unknown_stage_link_suggests_the_id() -> None:
    message = import_error(edited(_small(), "touchpoints", "A2", "orientatei"))
    assert message == (
        "w.xlsx: sheet touchpoints, row 2, column stage (A2): "
        "unknown stage 'orientatei'; did you mean 'orientatie'?"
    )


def test_an_unknown_touchpoint_reference_is_the_lint_error_at_its_cell() -> None:
    message = import_error(edited(_small(), "actions", "F2", "rekentol"))
    assert message == (
        "w.xlsx: sheet actions, row 2, column touchpoint (F2): "
        "unknown touchpoint 'rekentol'; did you mean 'rekentool'?"
    )


def test_a_formula_is_refused_and_text_that_looks_like_one_survives() -> None:
    message = import_error(edited(_small(), "stages", "I2", "=40+5"))
    assert message == (
        "w.xlsx: sheet stages, row 2, column relevance (I2): a formula (=40+5); "
        "type the value itself"
    )
    journey = JourneyMap.model_validate(
        {"version": 1, "title": '=HYPERLINK("x")', "stages": [{"name": "+31 bellen"}]}
    )
    raw = to_xlsx(journey)
    assert load_workbook(io.BytesIO(raw))["map"]["A2"].data_type == "s"
    assert read_workbook(raw, source="w.xlsx").model_dump() == journey.model_dump()


def test_unknown_columns_and_missing_sheets_are_named() -> None:
    assert import_error(edited(_small(), "stages", "Z1", "relevantie")) == (
        "w.xlsx: sheet stages, row 1, column relevantie (Z1): "
        "unknown column 'relevantie'; did you mean 'relevance'?"
    )
    book = Workbook()
    book.active.title = "fasen"
    out = io.BytesIO()
    book.save(out)
    assert "no sheet named 'stages'" in import_error(out.getvalue())


def test_columns_of_your_own_and_empty_rows_are_ignored() -> None:
    raw = edited(edited(_small(), "stages", "Z1", "x-notes"), "stages", "Z2", "iets")
    raw = edited(raw, "touchpoints", "C5", "   ")
    assert read_workbook(raw, source="w.xlsx").stages[0].name == "Oriëntatie"


def test_export_is_deterministic() -> None:
    raw = _small()
    assert raw == _small()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


def test_not_a_workbook_and_a_zip_bomb_are_clean_errors() -> None:
    assert "not an xlsx workbook" in import_error(b"stage_id,stage_name\n")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (MAX_UNPACKED + 1))
    assert "unpacks to more than" in import_error(bomb.getvalue())
    damaged = bytearray(_small())
    damaged[len(damaged) // 2 : len(damaged) // 2 + 200] = b"x" * 200
    assert import_error(bytes(damaged)).startswith("w.xlsx: ")


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_damage_to_a_workbook_is_a_clean_error_or_a_valid_map(data: st.DataObject) -> None:
    """Flipped bytes inside the zip, or inside a sheet's XML, never escape as a traceback."""
    raw = _small()
    if data.draw(st.booleans()):
        damaged = bytearray(raw)
        for _ in range(data.draw(st.integers(1, 8))):
            damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
        raw = bytes(damaged)
    else:
        raw = _with_sheet_xml(raw, data.draw(st.binary(max_size=200)))
    try:
        journey = read_workbook(raw, source="w.xlsx")
    except InputError as exc:
        assert exc.message.startswith("w.xlsx: ")
        assert "Traceback" not in exc.message
    else:
        assert journey.stages


def _with_sheet_xml(raw: bytes, junk: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet3.xml":
                body = body[: len(body) // 2] + junk + body[len(body) // 2 :]
            target.writestr(info, body)
    return out.getvalue()


# Text a workbook carries exactly (docs/interop.md): no carriage return, not only spaces.
# Not what `journey lint` refuses either (control and bidirectional characters).
_cell_text = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\u2028\u2029\x85\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=20,
).filter(lambda t: t.strip() != "" and not any(0x80 <= ord(c) <= 0x9F for c in t))
_item = _cell_text.filter(lambda t: "\n" not in t)
_slug = st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True)


@st.composite
def _maps(draw: st.DrawFn) -> JourneyMap:
    personas = draw(st.lists(_slug, max_size=3, unique=True))
    stages = []
    for index in range(draw(st.integers(1, 3))):
        touchpoints = [
            {
                "id": f"t{index}-{n}",
                "name": draw(_cell_text),
                "kind": draw(st.sampled_from(["digital", "human", "physical"])),
                "personas": draw(st.lists(st.sampled_from(personas), unique=True))
                if personas
                else [],
                "critical": draw(st.booleans()),
                "persona_experience": {p: draw(st.integers(1, 5)) for p in personas[-1:]},
                "experience": draw(st.integers(1, 5)),
                "pain_points": draw(st.lists(_item, max_size=2)),
            }
            for n in range(draw(st.integers(0, 2)))
        ]
        stages.append(
            {
                "id": f"s{index}",
                "name": draw(_cell_text),
                "description": draw(st.none() | _cell_text),
                "questions": draw(st.lists(_item, max_size=3)),
                "relevance": draw(st.none() | st.integers(0, 100)),
                # a spreadsheet keeps 15-16 significant digits (docs/interop.md)
                "conversion": draw(st.none() | st.floats(0, 100).map(lambda x: round(x, 6))),
                "evidence": [
                    {
                        "type": draw(st.sampled_from(["survey", "assumption", "poll"])),
                        "source": draw(_cell_text),
                        "date": draw(st.none() | st.dates(max_value=dt.date(2026, 1, 1))),
                    }
                ],
                "persona_scores": {
                    p: {"presence": draw(st.integers(0, 100))} for p in personas[:1]
                },
                "touchpoints": touchpoints,
                "opportunities": draw(st.lists(_cell_text, max_size=2)),
                "actions": [
                    {
                        "action": draw(_cell_text),
                        "horizon": draw(st.sampled_from(["now", "next", "later"])),
                        "effort": draw(st.none() | st.sampled_from(["low", "high"])),
                    }
                ],
            }
        )
    return JourneyMap.model_validate(
        {
            "version": 1,
            "title": draw(_cell_text),
            "principles": draw(st.lists(_item, max_size=2)),
            "metrics": draw(st.none() | st.just({"volume": 1200, "value": 12.5})),
            "personas": [
                {"id": p, "name": draw(_cell_text), "demographics": {"stad": draw(_item).strip()}}
                for p in personas
            ],
            "stages": stages,
        }
    )


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_maps())
def test_any_map_survives_the_round_trip(journey: JourneyMap) -> None:
    assert read_workbook(to_xlsx(journey), source="w.xlsx").model_dump() == journey.model_dump()


def test_an_empty_required_cell_names_its_row() -> None:
    message = import_error(edited(_small(), "touchpoints", "C2", None))
    assert message == "w.xlsx: sheet touchpoints, row 2: name is empty; every row needs one"


def test_a_future_evidence_date_is_the_lint_error_at_its_cell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JOURNEY_TODAY", "2026-06-01")
    raw = edited(_small(), "evidence", "A2", "orientatie")
    raw = edited(edited(raw, "evidence", "C2", "Panel"), "evidence", "D2", dt.date(2026, 7, 1))
    message = import_error(raw)
    assert message.startswith(
        "w.xlsx: sheet evidence, row 2, column date (D2): 2026-07-01 is after"
    )


def _with_kpi_and_opportunity() -> bytes:
    return to_xlsx(
        JourneyMap.model_validate(
            {
                "version": 1,
                "title": "T",
                "stages": [
                    {
                        "id": "overstap",
                        "name": "Overstap",
                        "kpis": [{"name": "NPS", "value": -5, "target": 20}],
                        "opportunities": [
                            "Sneller bevestigen",
                            {"id": "app", "text": "Stand via de app", "impact": "high"},
                        ],
                        "actions": [{"action": "Bouw", "opportunity": "app"}],
                    }
                ],
            }
        )
    )


def test_kpis_their_evidence_and_opportunities_come_back() -> None:
    raw = _with_kpi_and_opportunity()
    book = load_workbook(io.BytesIO(raw))
    assert [c.value for c in book["kpis"][2]] == ["overstap", "NPS", -5, 20, None, True]
    row = [c.value for c in book["opportunities"][3]]
    assert row[:4] == ["overstap", "app", "Stand via de app", "high"]
    raw = edited(edited(raw, "evidence", "A2", "overstap"), "evidence", "C2", "Klantpanel")
    raw = edited(raw, "evidence", "G2", "NPS")
    journey = read_workbook(raw, source="w.xlsx")
    stage = journey.stages[0]
    assert stage.kpis[0].evidence[0].source == "Klantpanel"
    assert stage.evidence == []
    assert stage.opportunities[0] == "Sneller bevestigen"
    assert stage.actions[0].opportunity == "app"


def test_a_dutch_impact_and_an_unknown_kpi_are_named_at_their_cell() -> None:
    raw = _with_kpi_and_opportunity()
    assert import_error(edited(raw, "opportunities", "D3", "hoog")) == (
        "w.xlsx: sheet opportunities, row 3, column impact (D3): "
        "'hoog' is the Dutch label; write high"
    )
    raw = edited(edited(raw, "evidence", "A2", "overstap"), "evidence", "C2", "Klantpanel")
    assert import_error(edited(raw, "evidence", "G2", "CSAT")) == (
        "w.xlsx: sheet evidence, row 2, column kpi (G2): "
        "no KPI of this stage has the name 'CSAT' (KPIs of the stage: NPS)"
    )
    assert import_error(edited(raw, "actions", "J2", "ap")).endswith(
        "column opportunity (J2): unknown opportunity 'ap'; did you mean 'app'?"
    )


def test_persona_experience_is_read_as_scores_at_its_cell() -> None:
    raw = edited(_small(), "touchpoints", "K2", "starter: 2\ndoorstromer: 4")
    with pytest.raises(InputError) as caught:
        read_workbook(raw, source="w.xlsx")  # no such personas: E005 at the cell
    assert caught.value.message.startswith(
        "w.xlsx: sheet touchpoints, row 2, column persona_experience (K2): unknown persona"
    )
    message = import_error(edited(_small(), "touchpoints", "K2", "starter: goed"))
    assert message == (
        "w.xlsx: sheet touchpoints, row 2, column persona_experience (K2): 'goed' is not a number"
    )
