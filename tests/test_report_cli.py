"""`journey report` on the command line: formats, --output, options, errors, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES, ROOT, journey_process

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
MEALKIT = EXAMPLES / "meal-kit.journey.yaml"
INVALID = b"version: 1\ntitle: Broken\nstages:\n  - name: A\n    relevance: 300\n"


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("out.md", lambda text: text.startswith("# Hypotheek afsluiten\n")),
        ("out.markdown", lambda text: text.startswith("# Hypotheek afsluiten\n")),
        ("out.json", lambda text: json.loads(text)["title"] == "Hypotheek afsluiten"),
        ("out.txt", lambda text: text.startswith("╭") and "\x1b" not in text),
        ("OUT.MD", lambda text: text.startswith("# Hypotheek")),
    ],
)
def test_output_format_follows_the_extension(cli, tmp_path: Path, name: str, check) -> None:
    out = tmp_path / name
    result = cli(["report", HYPOTHEEK, "--output", out])
    assert result.code == 0, result.err
    assert result.out == ""
    assert check(out.read_text(encoding="utf-8"))


def test_explicit_format_wins_over_the_extension(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert cli(["report", HYPOTHEEK, "-o", out, "--format", "json"]).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["language"] == "nl"


def test_unknown_extension_without_format_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli(["report", HYPOTHEEK, "-o", tmp_path / "report.docx"])
    assert result.code == 2
    assert "cannot tell the report format" in result.err
    assert not (tmp_path / "report.docx").exists()


def test_output_replaces_an_existing_report_and_leaves_no_temporary_files(
    cli, tmp_path: Path
) -> None:
    out = tmp_path / "report.md"
    out.write_text("old report\n", encoding="utf-8")
    assert cli(["report", HYPOTHEEK, "-o", out]).code == 0
    assert out.read_text(encoding="utf-8").startswith("# Hypotheek")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_output_into_a_missing_directory_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli(["report", HYPOTHEEK, "-o", tmp_path / "nope" / "report.md"])
    assert result.code == 2
    assert "does not exist" in result.err


def test_invalid_map_prints_lint_errors_and_writes_nothing(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_bytes(INVALID)
    out = tmp_path / "report.md"
    result = cli(["report", bad, "-o", out])
    assert result.code == 1
    assert "bad.journey.yaml:5:16: E003" in result.err
    assert "Traceback" not in result.err
    assert result.out == ""
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.journey.yaml"]


def test_one_invalid_map_among_several_stops_the_report(cli, tmp_path: Path) -> None:
    (tmp_path / "good.journey.yaml").write_bytes(HYPOTHEEK.read_bytes())
    (tmp_path / "bad.journey.yaml").write_bytes(INVALID)
    result = cli(["report", tmp_path, "-f", "json"])
    assert result.code == 1
    assert "E003" in result.err
    assert result.out == ""


def test_warnings_do_not_stop_a_report(cli) -> None:
    result = cli(["report", DATA / "engine-ties.journey.yaml", "-f", "json"])
    assert result.code == 0, result.err
    assert result.err == ""


def test_unknown_persona_exits_2_with_the_known_ids(cli, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = cli(["report", HYPOTHEEK, "--persona", "nobody", "-o", out])
    assert result.code == 2
    assert "unknown persona 'nobody'" in result.err
    assert "starter, doorstromer" in result.err
    assert not out.exists()


def test_persona_changes_the_scores(cli) -> None:
    data = json.loads(cli(["report", HYPOTHEEK, "-f", "json", "-p", "starter"]).out)
    assert data["persona"] == "starter"
    assert (data["stages"][0]["id"], data["stages"][0]["gap"]) == ("orientatie", 75)
    doorstromer = json.loads(cli(["report", HYPOTHEEK, "-f", "json", "-p", "doorstromer"]).out)
    assert [m["touchpoint"] for m in doorstromer["breaking_moments"]] == ["documenten-uploaden"]


def test_top_and_gap_threshold(cli) -> None:
    data = json.loads(
        cli(
            [
                "report",
                DATA / "engine-ties.journey.yaml",
                "-f",
                "json",
                "--top",
                "1",
                "--gap-threshold",
                "31",
            ]
        ).out
    )
    assert data["focus"] == ["s1"]
    assert data["gaps_without_plan"] == []
    assert data["gap_threshold"] == 31
    md = cli(["report", HYPOTHEEK, "-f", "md", "--top", "0"]).out
    assert "Geen fase heeft een positieve gap." not in md  # --top 0: no focus stages at all
    assert "### 1." not in md
    assert cli(["report", HYPOTHEEK, "--top", "-1"]).code == 2


def test_lang_overrides_the_map_language(cli) -> None:
    dutch = cli(["report", HYPOTHEEK, "-f", "md"]).out
    english = cli(["report", HYPOTHEEK, "-f", "md", "--lang", "en"]).out
    assert "## Breekmomenten" in dutch and "€ 2.687.256" in dutch
    assert "## Breaking moments" in english and "€2,687,256" in english
    assert cli(["report", HYPOTHEEK, "--lang", "fr"]).code == 2


def test_directory_stands_for_every_map_under_it(cli) -> None:
    result = cli(["report", EXAMPLES, "-f", "md", "--lang", "en"])
    assert result.code == 0, result.err
    assert result.out.startswith("# Journey report\n")
    assert "## Hypotheek afsluiten\n" in result.out
    assert "## Meal-kit subscription\n" in result.out
    assert "## Combined ranking\n" in result.out


def test_directory_without_maps_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli(["report", tmp_path])
    assert result.code == 2
    assert "no *.journey.yaml" in result.err


def test_missing_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli(["report", tmp_path / "missing.journey.yaml"])
    assert result.code == 2
    assert "no such file" in result.err


def test_standard_input(cli) -> None:
    result = cli(["report", "-", "-f", "json"], stdin=MEALKIT.read_bytes())
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["path"] == "<stdin>"
    assert data["title"] == "Meal-kit subscription"


def test_html_format_is_registered_by_name_and_extension() -> None:
    """The HTML renderer is its own module (tested with it); here only its registration."""
    from journeycli.report.formats import FORMATS

    assert "html" in FORMATS
    assert FORMATS.for_path("site/report.HTML") == FORMATS.for_path("r.htm") == "html"
    assert FORMATS.for_path("wall.PDF") == "pdf"
    assert FORMATS.for_path("map.png") == "png"
    assert FORMATS.for_path("report.docx") is None


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["terminal", "md", "json"])
def test_output_is_byte_identical_across_runs(fmt: str, tmp_path: Path) -> None:
    runs = [
        journey_process(
            ["report", "examples", "--format", fmt],
            cwd=ROOT,
            env={"NO_COLOR": "1", "COLUMNS": str(width)},
        )
        for width in (60, 200)
    ]
    assert runs[0].code == 0, runs[0].err
    assert runs[0].out == runs[1].out  # piped: fixed width, whatever the environment says


@pytest.mark.slow
def test_piped_terminal_report_has_no_colour_and_fixed_width() -> None:
    result = journey_process(["report", HYPOTHEEK], env={"TERM": "xterm-256color"})
    assert result.code == 0, result.err
    assert "\x1b[" not in result.out
    assert max(len(line) for line in result.out.splitlines()) == 100


def colours(text: str) -> set[str]:
    """The colour parameters (30-38, 40-48, 90-107) of the SGR escape sequences in text."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        for param in params.split(";"):
            if param.isdigit() and (30 <= int(param) <= 48 or 90 <= int(param) <= 107):
                found.add(param)
    return found


@pytest.mark.slow
def test_forced_colour_honours_no_color() -> None:
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
    coloured = journey_process(["report", HYPOTHEEK], env=env)
    assert coloured.code == 0
    assert "\x1b[" in coloured.out
    plain = journey_process(["report", HYPOTHEEK], env={**env, "NO_COLOR": "1"})
    assert plain.code == 0
    assert colours(coloured.out) and not colours(plain.out)  # bold/italic may remain


def test_map_text_is_never_read_as_rich_markup(cli, tmp_path: Path) -> None:
    path = tmp_path / "markup.journey.yaml"
    path.write_text(
        "version: 1\ntitle: '[bold red]Loud[/] :smile:'\nstages:\n"
        "  - name: '[link=https://evil.invalid]Click[/link]'\n    relevance: 90\n"
        "    presence: 10\n",
        encoding="utf-8",
    )
    result = cli(["report", path])
    assert result.code == 0, result.err
    assert "[bold red]Loud[/] :smile:" in result.out
    assert "[link=https://evil.invalid]Click[/link]" in result.out


def test_help_has_examples(cli) -> None:
    result = cli(["report", "--help"])
    assert result.code == 0
    assert "journey report examples/hypotheek.journey.yaml" in result.out
    assert "--persona" in result.out and "--template" in result.out


def test_readme_sample_is_a_real_run() -> None:
    """README's "What the report shows" sample is the real output of the README command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    golden = (ROOT / "tests" / "golden" / "report" / "hypotheek.txt").read_text("utf-8")
    start = readme.index("## What the report shows")
    sample = readme[start:].split("```text\n", 1)[1].split("```", 1)[0]
    assert sample.count("\n") >= 20 and sample in golden
