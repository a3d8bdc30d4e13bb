"""`journey export` and `journey import` through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, EXAMPLES, journey_process
from journeycli.core.checks import check_map
from journeycli.core.errors import JourneyError
from journeycli.core.validation import load_map
from journeycli.interop.formats import IMPORT_FORMATS
from journeycli.interop.mermaid import to_mermaid
from journeycli.interop.run import import_map

MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"
HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
DIAGRAM = DATA / "mermaid" / "01-docs-example.mmd"


def test_export_mermaid_to_stdout_matches_the_library(cli) -> None:
    result = cli(["export", MEAL_KIT, "--to", "mermaid"])
    assert result.code == 0, result.err
    journey = load_map(MEAL_KIT.read_bytes(), "m").model
    assert journey is not None
    assert result.out == to_mermaid(journey)


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("out.mmd", "journey\n"),
        ("out.md", "```mermaid\njourney\n"),
        ("out.csv", "\ufeffstage_id;stage_name;"),  # a Dutch map: for Dutch Excel
        ("out.json", "{\n"),
    ],
)
def test_export_format_follows_the_output_extension(
    cli, tmp_path: Path, name: str, start: str
) -> None:
    target = tmp_path / name
    result = cli(["export", HYPOTHEEK, "-o", target])
    assert result.code == 0, result.err
    assert result.out == ""
    assert target.read_text("utf-8").startswith(start)


def test_export_overwrites_its_output_file(cli, tmp_path: Path) -> None:
    target = tmp_path / "journey.mmd"
    target.write_text("old", "utf-8")
    assert cli(["export", MEAL_KIT, "-o", target]).code == 0
    assert target.read_text("utf-8").startswith("journey\n")


def test_export_needs_a_format(cli) -> None:
    result = cli(["export", MEAL_KIT])
    assert result.code == 2
    assert "use --to mermaid|csv|json" in result.err


def test_fence_is_only_for_mermaid(cli) -> None:
    result = cli(["export", MEAL_KIT, "--to", "csv", "--fence"])
    assert result.code == 2 and "--fence" in result.err


def test_explicit_no_fence_for_markdown_output(cli, tmp_path: Path) -> None:
    target = tmp_path / "d.md"
    assert cli(["export", MEAL_KIT, "-o", target, "--no-fence"]).code == 0
    assert target.read_text("utf-8").startswith("journey\n")


def test_export_json_is_the_whole_map(cli) -> None:
    result = cli(["export", MEAL_KIT, "--to", "json"])
    data = json.loads(result.out)
    assert data["title"] == "Meal-kit subscription"
    assert data["stages"][0]["touchpoints"][0]["pain_points"] == []  # defaults included
    assert data["description"].startswith("How busy households")


def test_export_for_one_persona(cli) -> None:
    result = cli(["export", MEAL_KIT, "--to", "csv", "--persona", "student"])
    assert result.code == 0, result.err
    assert "delivery" not in [line.split(",")[5] for line in result.out.splitlines()]
    consideration = next(r for r in result.out.splitlines() if r.startswith("consideration,"))
    assert consideration.split(",")[2:4] == ["95", "20"]  # the student's persona_scores
    mermaid = cli(["export", MEAL_KIT, "--to", "mermaid", "-p", "student"]).out
    assert "Priya" not in mermaid and "Tom‚ student" in mermaid


def test_export_unknown_persona_is_a_usage_error(cli) -> None:
    result = cli(["export", MEAL_KIT, "--to", "mermaid", "--persona", "nobody"])
    assert result.code == 2
    assert "unknown persona 'nobody'" in result.err and "busy-parent" in result.err


def test_export_invalid_map_shows_lint_errors_and_writes_nothing(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("version: 1\ntitle: T\nstages:\n  - name: A\n    relevance: 400\n", "utf-8")
    target = tmp_path / "out.mmd"
    result = cli(["export", bad, "-o", target])
    assert result.code == 1
    assert "E003" in result.err and ":5:" in result.err
    assert not target.exists()


def test_export_reads_stdin(cli) -> None:
    result = cli(["export", "-", "--to", "csv"], stdin=MEAL_KIT.read_bytes())
    assert result.code == 0 and result.out.startswith("stage_id,")


def test_export_missing_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    assert cli(["export", tmp_path / "nope.yaml", "--to", "json"]).code == 2


def test_import_writes_a_map_that_lints_clean(cli, tmp_path: Path) -> None:
    target = tmp_path / "day.journey.yaml"
    result = cli(["import", DIAGRAM, "-o", target])
    assert result.code == 0, result.err
    assert result.out == ""
    lint = cli(["lint", target])
    assert lint.code == 0, lint.out


def test_import_refuses_to_overwrite_without_force(cli, tmp_path: Path) -> None:
    target = tmp_path / "day.journey.yaml"
    target.write_text("hand edited\n", "utf-8")
    result = cli(["import", DIAGRAM, "-o", target])
    assert result.code == 2 and "--force" in result.err
    assert target.read_text("utf-8") == "hand edited\n"
    assert cli(["import", DIAGRAM, "-o", target, "--force"]).code == 0
    assert target.read_text("utf-8").startswith("# yaml-language-server:")


def test_import_from_stdin_needs_a_format(cli) -> None:
    raw = DIAGRAM.read_bytes()
    assert cli(["import", "-"], stdin=raw).code == 2
    result = cli(["import", "-", "--from", "mermaid"], stdin=raw)
    assert result.code == 0 and "title: My working day" in result.out


def test_import_title_and_language_options(cli) -> None:
    result = cli(["import", DIAGRAM, "--title", "Werkdag", "--lang", "nl"])
    assert "title: Werkdag\n" in result.out and "language: nl\n" in result.out


def test_malformed_import_is_exit_1_with_the_line_and_no_file(cli, tmp_path: Path) -> None:
    source = tmp_path / "bad.mmd"
    source.write_text("journey\n  section A\n    Make tea: 9: Me\n", "utf-8")
    target = tmp_path / "bad.journey.yaml"
    result = cli(["import", source, "-o", target])
    assert result.code == 1
    assert f"{source}:3: task 'Make tea' has score 9" in result.err
    assert "Traceback" not in result.err
    assert not target.exists()


def test_import_csv_by_extension(cli) -> None:
    result = cli(["import", DATA / "csv" / "hypotheek-excel-nl.csv"])
    assert result.code == 0, result.err
    assert "name: Oriëntatie" in result.out


def test_import_is_deterministic(cli) -> None:
    first = cli(["import", DATA / "mermaid" / "13-readme.md"]).out
    assert first and first == cli(["import", DATA / "mermaid" / "13-readme.md"]).out


@pytest.mark.slow
def test_round_trip_through_real_processes(tmp_path: Path) -> None:
    exported = journey_process(["export", HYPOTHEEK, "--to", "mermaid"])
    assert exported.code == 0, exported.err
    imported = journey_process(
        ["import", "-", "--from", "mermaid"], stdin=exported.out.encode("utf-8")
    )
    assert imported.code == 0, imported.err
    assert "name: Oriëntatie" in imported.out and "name: Sanne, starter" in imported.out


@pytest.mark.parametrize("command", ["export", "import"])
def test_help_has_examples(cli, command: str) -> None:
    result = cli([command, "--help"])
    assert result.code == 0
    assert "Examples" in result.out and result.out.count(f"journey {command}") >= 2


MERMAID_PIECES = st.sampled_from(
    [
        "journey",
        "title T",
        "section S",
        "  Task: 3: Me",
        "Task:5:",
        "Task: x: Me",
        ":",
        "#",
        ";",
        "%%",
        "%%{init: {}}%%",
        "%%{",
        "}%%",
        "---",
        "title: x",
        "accTitle: a",
        "accDescr: d",
        "accDescr {",
        "}",
        "```mermaid",
        "```",
        "~~~",
        "\t",
        " ",
        "Ünïcødé: 2: Zoë, ",
        "#35;",
    ]
)


def _never_crashes(raw: bytes, fmt: str) -> None:
    try:
        text = import_map(raw, "fuzz", fmt)
    except JourneyError:
        return
    validated = load_map(text.encode("utf-8"), "fuzz.journey.yaml")
    assert not [p for p in check_map(validated) if p.is_error], text


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(raw=st.binary(max_size=300), fmt=st.sampled_from(IMPORT_FORMATS.names()))
def test_any_bytes_import_or_fail_cleanly(raw: bytes, fmt: str) -> None:
    _never_crashes(raw, fmt)


@FUZZ
@given(lines=st.lists(st.lists(MERMAID_PIECES, max_size=4).map("".join), max_size=12))
def test_mermaid_like_text_imports_or_fails_cleanly(lines: list[str]) -> None:
    _never_crashes("\n".join(lines).encode("utf-8"), "mermaid")


@FUZZ
@given(
    rows=st.lists(
        st.lists(
            st.sampled_from(
                [
                    "stage_name",
                    "stage_id",
                    "touchpoint",
                    "experience",
                    "critical",
                    "relevance",
                    "x-a",
                    "",
                    "A",
                    "a",
                    "3",
                    "9",
                    "-1",
                    "40,5",
                    "WAAR",
                    "'=x",
                    '"',
                    "a;b",
                    "digital",
                ]
            ),
            max_size=5,
        ),
        max_size=6,
    ),
    delimiter=st.sampled_from([",", ";"]),
)
def test_csv_like_text_imports_or_fails_cleanly(rows: list[list[str]], delimiter: str) -> None:
    _never_crashes("\n".join(delimiter.join(r) for r in rows).encode("utf-8"), "csv")


@pytest.mark.parametrize("example", [MEAL_KIT, HYPOTHEEK], ids=lambda p: p.name)
def test_persona_views_are_valid_maps_in_every_format(cli, example: Path, tmp_path: Path) -> None:
    journey = load_map(example.read_bytes(), example.name).model
    assert journey is not None
    for persona in journey.personas:
        data = cli(["export", example, "--to", "json", "--persona", persona.id]).out
        validated = load_map(data.encode("utf-8"), "view.json")
        assert not [p for p in check_map(validated) if p.is_error]
        assert validated.model is not None
        assert [p.id for p in validated.model.personas] == [persona.id]
        for fmt in IMPORT_FORMATS.names():  # every format that can come back
            if IMPORT_FORMATS.get(fmt).binary:  # an xlsx workbook: through a file
                target = tmp_path / f"{persona.id}.{fmt}"
                exported = cli(["export", example, "--persona", persona.id, "-o", target])
                assert exported.code == 0, exported.err
                back = cli(["import", target])
            else:
                exported = cli(["export", example, "--to", fmt, "--persona", persona.id])
                assert exported.code == 0, exported.err
                back = cli(["import", "-", "--from", fmt], stdin=exported.out.encode("utf-8"))
            assert back.code == 0, back.err
