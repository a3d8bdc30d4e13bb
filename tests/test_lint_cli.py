"""`journey lint` on the command line: exit codes, --strict, json, stdin, discovery, select/ignore.

The per-code positions (E001-W106) are tested in test_lint_codes.py; these
tests are about the command's surface, with real files in a temporary
directory that holds an empty `.journey.toml`, so no configuration from
outside the test can leak in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, journey_process

CLEAN = """\
version: 1
title: Clean
stages:
  - name: Aankoop
    relevance: 50
    presence: 40
    evidence:
      - type: survey
        source: Klantonderzoek 2026
    touchpoints:
      - name: Website
"""

# W102 (no evidence), W103 (gap 80, no plan), W105 (no touchpoints), all at line 4.
WARNINGS = """\
version: 1
title: Warnings only
stages:
  - name: Oriëntatie
    relevance: 90
    presence: 10
"""

# E003 at 5:5 (unknown key) and at 6:15 (out of range); nothing else is checked.
ERRORS = """\
version: 1
title: Errors
stages:
  - name: Aankoop
    relevence: 50
    presence: 130
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated working directory: an empty .journey.toml stops the config search."""
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(out: str) -> list[tuple[str, int, int, str]]:
    return [(p["path"], p["line"], p["column"], p["code"]) for p in json.loads(out)]


# --- exit codes -----------------------------------------------------------


def test_clean_map_exits_0_with_a_summary(cli, workdir: Path) -> None:
    write(workdir / "clean.journey.yaml", CLEAN)
    result = cli(["lint", "clean.journey.yaml"])
    assert result.code == 0, result.out + result.err
    assert result.out == "All clear: 1 map checked, no problems.\n"
    assert result.err == ""


def test_shipped_examples_are_clean(cli) -> None:
    result = cli(["lint", "--strict", EXAMPLES])
    assert result.code == 0, result.out
    assert result.out.startswith("All clear: 4 maps checked")


def test_warnings_exit_0_and_1_with_strict(cli, workdir: Path) -> None:
    write(workdir / "w.journey.yaml", WARNINGS)
    relaxed = cli(["lint", "w.journey.yaml"])
    assert relaxed.code == 0
    assert "w.journey.yaml:4:5: W102 " in relaxed.out
    assert relaxed.out.endswith("Found 0 errors and 3 warnings in 1 map.\n")
    assert cli(["lint", "--strict", "w.journey.yaml"]).code == 1


def test_errors_exit_1_and_are_listed_in_text(cli, workdir: Path) -> None:
    write(workdir / "e.journey.yaml", ERRORS)
    result = cli(["lint", "e.journey.yaml"])
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("e.journey.yaml:5:5: E003 ")
    assert lines[1].startswith("e.journey.yaml:6:15: E003 ")
    assert lines[-1] == "Found 2 errors and 0 warnings in 1 map."


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["lint", "missing.journey.yaml"], "missing.journey.yaml: no such file or directory"),
        (["lint", "--format", "xml", "."], "xml"),
        (["lint", "--select", "X9", "."], "unknown rule code or prefix 'X9'"),
        (["lint", "--ignore", "W2", "."], "unknown rule code or prefix 'W2'"),
        (["lint", "--gap-threshold", "101", "."], "gap-threshold"),
        (["lint", "--no-such-flag"], "no-such-flag"),
        (["lint", "--explain", "W999"], "unknown rule 'W999'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    cli, workdir: Path, args: list[str], needle: str
) -> None:
    write(workdir / "clean.journey.yaml", CLEAN)
    result = cli(args)
    assert result.code == 2
    assert needle in result.err
    assert "Traceback" not in result.err


def test_errors_win_over_strict_warnings_in_the_exit_code(cli, workdir: Path) -> None:
    write(workdir / "e.journey.yaml", ERRORS)
    write(workdir / "w.journey.yaml", WARNINGS)
    assert cli(["lint", "--no-strict", "."]).code == 1


# --- json -----------------------------------------------------------------


def test_json_shape_is_exact_and_sorted_by_path_line_column(cli, workdir: Path) -> None:
    write(workdir / "b.journey.yaml", WARNINGS)
    write(workdir / "a.journey.yaml", ERRORS)
    result = cli(["lint", "--format", "json", "b.journey.yaml", "a.journey.yaml"])
    assert result.code == 1
    problems = json.loads(result.out)
    assert all(
        list(p) == ["path", "line", "column", "code", "severity", "message"] for p in problems
    )
    assert [(p["path"], p["line"], p["column"], p["code"], p["severity"]) for p in problems] == [
        ("a.journey.yaml", 5, 5, "E003", "error"),
        ("a.journey.yaml", 6, 15, "E003", "error"),
        ("b.journey.yaml", 4, 5, "W102", "warning"),
        ("b.journey.yaml", 4, 5, "W103", "warning"),
        ("b.journey.yaml", 4, 5, "W105", "warning"),
    ]
    assert all(isinstance(p["message"], str) and p["message"] for p in problems)
    assert "did you mean 'relevance'?" in problems[0]["message"]
    assert result.out.endswith("]\n")


def test_json_is_an_empty_array_when_clean(cli, workdir: Path) -> None:
    write(workdir / "clean.journey.yaml", CLEAN)
    result = cli(["lint", "-f", "json"])
    assert (result.code, result.out) == (0, "[]\n")


def test_json_keeps_non_ascii_as_is(cli, workdir: Path) -> None:
    write(workdir / "w.journey.yaml", WARNINGS)
    out = cli(["lint", "--format", "json", "w.journey.yaml"]).out
    assert "Oriëntatie" in out


# --- standard input ---------------------------------------------------------


def test_dash_reads_standard_input(cli) -> None:
    result = cli(["lint", "--format", "json", "-"], stdin=WARNINGS.encode())
    assert result.code == 0
    assert codes(result.out) == [("<stdin>", 4, 5, c) for c in ("W102", "W103", "W105")]


def test_invalid_map_on_standard_input_exits_1(cli) -> None:
    result = cli(["lint", "-"], stdin=b"stages: [\n")
    assert result.code == 1
    assert result.out.startswith("<stdin>:")
    assert " E001 " in result.out


def test_standard_input_in_a_real_process() -> None:
    result = journey_process(["lint", "--strict", "-"], stdin=WARNINGS.encode())
    assert result.code == 1
    assert "<stdin>:4:5: W103 " in result.out


# --- discovery --------------------------------------------------------------


def test_directories_are_searched_skipping_hidden_vendored_and_virtualenvs(
    cli, workdir: Path
) -> None:
    write(workdir / "maps" / "a.journey.yaml", CLEAN)
    write(workdir / "maps" / "deep" / "b.journey.yml", CLEAN)
    write(workdir / "maps" / "notes.yaml", ERRORS)  # not a map by its name
    for skipped in (
        ".git",
        ".hidden",
        "node_modules",
        "venv",
        ".venv",
        "env",
        "maps/node_modules/pkg",
        "tools/myenv",
    ):
        write(workdir / skipped / "x.journey.yaml", ERRORS)
    write(workdir / "tools" / "myenv" / "pyvenv.cfg", "home = /usr/bin\n")
    result = cli(["lint", "--format", "json", "."])
    assert (result.code, result.out) == (0, "[]\n"), result.out
    text = cli(["lint", "."]).out
    assert text == "All clear: 2 maps checked, no problems.\n"


def test_an_explicit_file_is_linted_whatever_its_name(cli, workdir: Path) -> None:
    write(workdir / "node_modules" / "notes.yaml", ERRORS)
    result = cli(["lint", "--format", "json", "node_modules/notes.yaml"])
    assert result.code == 1
    assert {p[0] for p in codes(result.out)} == {"node_modules/notes.yaml"}


def test_files_are_reported_once_and_in_sorted_order(cli, workdir: Path) -> None:
    write(workdir / "z.journey.yaml", WARNINGS)
    write(workdir / "sub" / "a.journey.yaml", WARNINGS)
    result = cli(["lint", "-f", "json", "z.journey.yaml", ".", "z.journey.yaml"])
    paths = [p[0] for p in codes(result.out)]
    assert paths == sorted(paths)
    assert len(paths) == 6  # two maps, three warnings each, z linted once


def test_no_map_found_is_a_usage_error(cli, workdir: Path) -> None:
    write(workdir / "docs" / "readme.md", "# nothing here\n")
    write(workdir / ".git" / "hidden.journey.yaml", CLEAN)
    result = cli(["lint"])
    assert result.code == 2
    assert "no *.journey.yaml or *.journey.yml maps found in ." in result.err
    assert cli(["lint", "docs"]).code == 2


def test_a_directory_given_as_stdin_path_is_not_confused(cli, workdir: Path) -> None:
    write(workdir / "-dir" / "a.journey.yaml", CLEAN)
    result = cli(["lint", "--", "-dir"])
    assert result.code == 0
    assert "1 map checked" in result.out


# --- select and ignore ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {"W102", "W103", "W105"}),
        (["--select", "W"], {"W102", "W103", "W105"}),
        (["--select", "W10"], {"W102", "W103", "W105"}),
        (["--select", "W102"], {"W102"}),
        (["--select", "w102,w105"], {"W102", "W105"}),
        (["--select", "W102", "--select", "W103"], {"W102", "W103"}),
        (["--ignore", "W"], set()),
        (["--ignore", "W103, W105"], {"W102"}),
        (["--select", "E"], set()),
        # the most specific match wins, as in flake8 and ruff; ignore wins a tie
        (["--select", "W102", "--ignore", "W"], {"W102"}),
        (["--select", "W", "--ignore", "W102"], {"W103", "W105"}),
        (["--select", "W10", "--ignore", "W10"], set()),
    ],
)
def test_select_and_ignore_take_codes_and_prefixes(
    cli, workdir: Path, args: list[str], expected: set[str]
) -> None:
    write(workdir / "w.journey.yaml", WARNINGS)
    result = cli(["lint", "--format", "json", *args, "w.journey.yaml"])
    assert {p[3] for p in codes(result.out)} == expected


def test_errors_cannot_be_ignored_or_deselected(cli, workdir: Path) -> None:
    """Only warnings are chosen by --select/--ignore (docs/security.md); errors always count."""
    write(workdir / "e.journey.yaml", ERRORS)
    for args in (["--ignore", "E003"], ["--ignore", "E"], ["--select", "W"], ["--select", "E0"]):
        result = cli(["lint", "-f", "json", *args, "e.journey.yaml"])
        assert result.code == 1, args
        assert {p[3] for p in codes(result.out)} == {"E003"}, args
    ignored = cli(["lint", "--ignore", "W1,E003", "e.journey.yaml"])
    assert ignored.err == (
        "journey: note: ignore E003: errors cannot be ignored or suppressed, only warnings; "
        "they are reported anyway\n"
    )


def test_gap_threshold_option_changes_w103(cli, workdir: Path) -> None:
    write(workdir / "w.journey.yaml", WARNINGS)
    high = cli(["lint", "-f", "json", "--gap-threshold", "81", "w.journey.yaml"])
    assert "W103" not in {p[3] for p in codes(high.out)}
    low = cli(["lint", "-f", "json", "--gap-threshold", "80", "w.journey.yaml"])
    assert "W103" in {p[3] for p in codes(low.out)}


# --- help and explain -------------------------------------------------------


def test_help_lists_the_formats_and_examples(cli) -> None:
    result = cli(["lint", "--help"])
    assert result.code == 0
    for needle in (
        "github",
        "sarif",
        "--explain",
        "journey lint --format github",
        "journey lint --explain W102",
        "[tool.journey]",
        "# journey: ignore[W102]",
    ):
        assert needle in result.out


def test_explain_prints_why_and_examples(cli) -> None:
    result = cli(["lint", "--explain", "w106"])
    assert result.code == 0
    assert result.out.startswith("## W106 unaddressed-breaking-moment\n")
    assert "moment of truth" in result.out
    assert "Bad:" in result.out and "Good:" in result.out
    by_name = cli(["lint", "--explain", "unaddressed-breaking-moment"])
    assert by_name.out == result.out


def test_explain_does_not_need_maps_or_a_valid_config(cli, workdir: Path) -> None:
    (workdir / ".journey.toml").write_text("nonsense = [", encoding="utf-8")
    assert cli(["lint", "--explain", "E001"]).code == 0


BLANK_NAMES = """\
version: 1
title: " "
language: nl
stages:
  - name: Oriëntatie
    touchpoints:
      - name: "   "
"""


def test_a_name_of_only_spaces_is_e003_quoted_as_written(cli, workdir: Path) -> None:
    """A blank name names nothing and reads back empty from a spreadsheet, so lint refuses it."""
    write(workdir / "leeg.journey.yaml", BLANK_NAMES)
    result = cli(["lint", "leeg.journey.yaml"])
    assert result.code == 1
    assert result.out.splitlines()[:2] == [
        "leeg.journey.yaml:2:8: E003 title: ' ' bevat alleen spaties; vul een naam of tekst in",
        "leeg.journey.yaml:7:15: E003 stages[0].touchpoints[0].name: '   ' bevat alleen spaties; "
        "vul een naam of tekst in",
    ]
    english = cli(["lint", "--lang", "en", "leeg.journey.yaml"])
    assert "title: ' ' is only spaces; write a name or text" in english.out
