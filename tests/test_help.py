"""The help a first-time user meets: examples everywhere, grouped options, useful errors.

Every command's `--help` must exit 0 and show at least two examples of that
command; `journey --help` lists the commands in workflow order with a quick
start. Tab completion offers templates, rule codes and the persona ids of the
map on the command line. Errors name the next step.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from conftest import EXAMPLES, journey_process
from journeycli.cli import register
from journeycli.cli.app import WORKFLOW

app = register()  # every command, as `journey --help` sees them

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"


def commands() -> dict[str, typer.core.TyperCommand]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return dict(group.commands)  # type: ignore[arg-type]


COMMANDS = sorted(commands())


def examples_in(help_text: str, command: str) -> list[str]:
    """Lines of the Examples section that run `journey COMMAND`."""
    _, found, section = help_text.partition("Examples")
    assert found, "no Examples section"
    return [
        line
        for line in section.splitlines()
        if re.search(rf"\bjourney {re.escape(command)}\b", line)
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_shows_at_least_two_examples(cli, command: str) -> None:  # type: ignore[no-untyped-def]
    result = cli([command, "--help"])
    assert result.code == 0, result.err
    assert len(examples_in(result.out, command)) >= 2, result.out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_one_line_purpose(command: str) -> None:
    purpose = (commands()[command].help or "").strip()
    assert purpose and "\n" not in purpose and purpose.endswith("."), purpose


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_is_in_a_named_panel(command: str) -> None:
    """Grouped options (Output, Scoring, Rules, ...): only --help stays under 'Options'."""
    loose = [
        p.name
        for p in commands()[command].params
        if isinstance(p, typer.core.TyperOption) and p.name != "help" and not p.rich_help_panel
    ]
    assert not loose, f"journey {command}: give these options a rich_help_panel: {loose}"


def test_root_help_lists_commands_in_workflow_order_with_a_quick_start(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["--help"])
    assert result.code == 0
    listed = [name for name in WORKFLOW if re.search(rf"│ {name}\s", result.out)]
    assert listed == list(WORKFLOW)
    positions = [result.out.index(f"│ {name} ") for name in WORKFLOW]
    assert positions == sorted(positions)
    assert set(WORKFLOW) == set(COMMANDS), "add new commands to WORKFLOW in cli/app.py"
    quick = result.out.partition("Quick start")[2]
    assert len(re.findall(r"\bjourney (new|lint|report|diff) ", quick)) >= 4
    assert "--install-completion" in quick


def test_help_works_without_arguments_and_with_short_flag(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli(["-h"]).code == 0
    no_args = journey_process([])
    assert "Quick start" in no_args.out + no_args.err


# Errors that name the next step ------------------------------------------------------------


def test_a_mistyped_map_name_suggests_the_real_one(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "hypotheek.journey.yaml").write_bytes(HYPOTHEEK.read_bytes())
    monkeypatch.chdir(tmp_path)
    for command in (["report"], ["lint"], ["export", "--to", "csv"]):
        result = cli([*command, "hypoteek.journey.yaml"])
        assert result.code == 2
        assert "did you mean 'hypotheek.journey.yaml'?" in result.err, result.err


def test_a_missing_map_suggests_journey_new(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = cli(["report", "onboarding.journey.yaml"])
    assert result.code == 2
    assert "journey new onboarding.journey.yaml" in result.err
    result = cli(["lint"])
    assert result.code == 2
    assert "journey new" in result.err


def test_a_mistyped_persona_or_template_gets_a_did_you_mean(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", HYPOTHEEK, "--persona", "startr"])
    assert result.code == 2
    assert "did you mean 'starter'?" in result.err
    result = cli(["new", tmp_path / "x", "--template", "nine-stage"])
    assert result.code == 2
    assert "did you mean 'nine-stages'?" in result.err
    assert not (tmp_path / "x.journey.yaml").exists()


def test_a_mistyped_command_gets_a_did_you_mean(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["reprot"])
    assert result.code == 2
    assert "Did you mean 'report'" in result.err


# Tab completion -------------------------------------------------------------------------------


def complete(words: str, tmp_path: Path) -> list[str]:
    """What bash completion offers for the last word of `words` (a real process)."""
    parts = words.split(" ")
    result = journey_process(
        [],
        cwd=tmp_path,
        env={
            "_JOURNEY_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(parts) - 1),
        },
    )
    assert result.code == 0, result.err
    assert not result.err
    return result.out.split()


@pytest.mark.slow
def test_completion_offers_persona_ids_templates_formats_and_codes(tmp_path: Path) -> None:
    (tmp_path / "hypotheek.journey.yaml").write_bytes(HYPOTHEEK.read_bytes())
    assert complete("journey report hypotheek.journey.yaml --persona ", tmp_path) == [
        "starter",
        "doorstromer",
    ]
    assert complete("journey diff hypotheek.journey.yaml --rev HEAD --persona d", tmp_path) == [
        "doorstromer"
    ]
    assert complete("journey new x --template ", tmp_path) == [
        "five-stages",
        "nine-stages",
        "experience-map",
    ]
    from journeycli.report.formats import FORMATS

    assert complete("journey report x --format ", tmp_path) == list(FORMATS.names())
    assert complete("journey lint --ignore W102,E00", tmp_path)[:2] == ["W102,E001", "W102,E002"]


@pytest.mark.slow
def test_completion_of_personas_is_silent_for_missing_or_broken_maps(tmp_path: Path) -> None:
    (tmp_path / "broken.journey.yaml").write_text("personas: [\n", encoding="utf-8")
    assert complete("journey report broken.journey.yaml --persona ", tmp_path) == []
    assert complete("journey report nothere.journey.yaml --persona ", tmp_path) == []
    assert complete("journey report --persona ", tmp_path) == []
