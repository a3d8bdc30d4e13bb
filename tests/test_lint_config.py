"""Configuration: discovery of `[tool.journey]` / `.journey.toml`, precedence, and errors.

Every test works in a temporary tree whose root holds an empty
`.journey.toml`, so the search upward never reaches a file outside the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeycli.core.errors import ConfigError
from journeycli.core.settings import find_config, load_config, load_settings

# W102, W103 and W105 at line 4 (gap 60 with the default threshold of 30).
WARNINGS = """\
version: 1
title: Warnings
stages:
  - name: Oriëntatie
    relevance: 80
    presence: 20
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(cli, *args: str) -> set[str]:
    result = cli(["lint", "--format", "json", *args])
    assert result.code in (0, 1), result.err
    return {problem["code"] for problem in json.loads(result.out)}


# --- discovery ----------------------------------------------------------------


def test_the_nearest_pyproject_with_the_table_is_found_walking_up(root: Path) -> None:
    config = write(root / "repo" / "pyproject.toml", "[tool.journey]\nstrict = true\n")
    deep = root / "repo" / "maps" / "nl"
    deep.mkdir(parents=True)
    assert find_config(deep) == config
    assert find_config(root / "repo") == config
    assert find_config(root) == root / ".journey.toml"


def test_a_pyproject_without_the_table_is_passed_over(root: Path) -> None:
    outer = write(root / "repo" / ".journey.toml", "ignore = ['W105']\n")
    write(root / "repo" / "pkg" / "pyproject.toml", "[project]\nname = 'journey-maps'\n")
    write(root / "repo" / "other" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config(root / "repo" / "pkg") == outer
    assert find_config(root / "repo" / "other") == outer


def test_journey_toml_is_preferred_over_pyproject_in_the_same_directory(root: Path) -> None:
    write(root / "repo" / "pyproject.toml", "[tool.journey]\nstrict = true\n")
    dedicated = write(root / "repo" / ".journey.toml", "strict = false\n")
    assert find_config(root / "repo") == dedicated


def test_the_nearest_file_wins_and_files_are_not_merged(root: Path) -> None:
    write(root / "repo" / "pyproject.toml", "[tool.journey]\nignore = ['W105']\nstrict = true\n")
    inner = write(root / "repo" / "maps" / "pyproject.toml", "[tool.journey]\nignore = 'W102'\n")
    config = load_config(inner)
    assert (config.ignore, config.strict) == (("W102",), None)
    options = load_settings(cwd=root / "repo" / "maps")
    assert (options.ignore, options.strict) == (("W102",), False)


def test_config_is_found_from_the_working_directory(
    cli, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(root / "repo" / "pyproject.toml", "[tool.journey]\nignore = ['W102', 'W105']\n")
    write(root / "repo" / "maps" / "a.journey.yaml", WARNINGS)
    monkeypatch.chdir(root / "repo" / "maps")
    assert codes(cli, ".") == {"W103"}
    monkeypatch.chdir(root)  # the map's own tree is not searched: the working directory is
    assert codes(cli, "repo/maps") == {"W102", "W103", "W105"}


# --- keys and precedence ------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("select = ['W102', 'W103']", {"W102", "W103"}),
        ("select = 'W102, w105'", {"W102", "W105"}),
        ("select = ['W']\nignore = ['W103']", {"W102", "W105"}),
        ("ignore = 'W10'", set()),
        ("gap-threshold = 61", {"W102", "W105"}),
        ("gap-threshold = 60", {"W102", "W103", "W105"}),
    ],
)
def test_config_keys(
    cli, root: Path, monkeypatch: pytest.MonkeyPatch, toml: str, expected: set[str]
) -> None:
    write(root / "p" / "pyproject.toml", f"[tool.journey]\n{toml}\n")
    write(root / "p" / "a.journey.yaml", WARNINGS)
    monkeypatch.chdir(root / "p")
    assert codes(cli) == expected


def test_strict_from_config_and_no_strict_on_the_command_line(
    cli, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(root / "p" / ".journey.toml", "strict = true\n")
    write(root / "p" / "a.journey.yaml", WARNINGS)
    monkeypatch.chdir(root / "p")
    assert cli(["lint"]).code == 1
    assert cli(["lint", "--no-strict"]).code == 0


def test_the_command_line_wins_key_by_key(cli, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        root / "p" / "pyproject.toml",
        "[tool.journey]\nselect = ['W102']\nignore = ['W105']\ngap-threshold = 90\n",
    )
    write(root / "p" / "a.journey.yaml", WARNINGS)
    monkeypatch.chdir(root / "p")
    assert codes(cli) == {"W102"}
    assert codes(cli, "--select", "W") == {"W102"}  # W103 below 90; W105 still ignored
    assert codes(cli, "--select", "W", "--gap-threshold", "30") == {"W102", "W103"}
    assert codes(cli, "--select", "W", "--ignore", "W102", "--gap-threshold", "30") == {
        "W103",
        "W105",
    }


def test_load_settings_without_any_config_uses_the_defaults(root: Path) -> None:
    options = load_settings(cwd=root)
    assert (options.select, options.ignore, options.strict, options.gap_threshold) == (
        (),
        (),
        False,
        30,
    )


# --- invalid configuration: exit 2, naming the file and the key ----------------


@pytest.mark.parametrize(
    ("name", "text", "needles"),
    [
        (
            "pyproject.toml",
            "[tool.journey]\nselect = ['X1']\n",
            ["pyproject.toml", "select", "unknown rule code or prefix 'X1'"],
        ),
        (
            "pyproject.toml",
            "[tool.journey]\nignore = 5\n",
            ["pyproject.toml", "ignore", "expected a list of codes"],
        ),
        (
            "pyproject.toml",
            "[tool.journey]\nignore = ['W1', 2]\n",
            ["pyproject.toml", "ignore", "must be a string"],
        ),
        (
            "pyproject.toml",
            "[tool.journey]\nstrict = 'yes'\n",
            ["pyproject.toml", "strict", "true or false"],
        ),
        (
            "pyproject.toml",
            "[tool.journey]\ngap-threshold = 130\n",
            ["pyproject.toml", "gap-threshold", "out of range"],
        ),
        (
            "pyproject.toml",
            "[tool.journey]\ngap-threshold = true\n",
            ["pyproject.toml", "gap-threshold", "whole number"],
        ),
        (
            "pyproject.toml",
            "[tool.journey]\ngap_threshold = 20\n",
            ["pyproject.toml", "unknown key 'gap_threshold'", "did you mean 'gap-threshold'?"],
        ),
        (
            "pyproject.toml",
            "[tool]\njourney = 'strict'\n",
            ["pyproject.toml", "[tool.journey] must be a table"],
        ),
        (
            "pyproject.toml",
            "[tool.journey]\nstrict = tru\n",
            ["pyproject.toml", "not valid TOML", "line 2"],
        ),
        (
            ".journey.toml",
            "selct = ['W']\n",
            [".journey.toml", "unknown key 'selct'", "did you mean 'select'?"],
        ),
        (
            ".journey.toml",
            "[tool.journey]\nstrict = true\n",
            [".journey.toml", "unknown key 'tool'"],
        ),
    ],
)
def test_a_broken_config_exits_2_naming_file_and_key(
    cli, root: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, needles: list[str]
) -> None:
    write(root / "p" / name, text)
    write(root / "p" / "a.journey.yaml", WARNINGS)
    monkeypatch.chdir(root / "p")
    result = cli(["lint"])
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"journey: error: {name}: ")
    assert len(result.err.splitlines()) == 1
    for needle in needles:
        assert needle in result.err


def test_a_broken_config_is_an_error_even_when_options_cover_every_key(
    cli, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(root / "p" / ".journey.toml", "strict = 'no'\n")
    write(root / "p" / "a.journey.yaml", WARNINGS)
    monkeypatch.chdir(root / "p")
    assert cli(["lint", "--no-strict"]).code == 2


def test_a_config_outside_the_working_directory_is_named_by_its_full_path(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(root / "repo" / ".journey.toml", "strict = 1\n")
    monkeypatch.chdir(root / "repo")
    with pytest.raises(ConfigError, match=r"^\.journey\.toml: strict: expected true or false"):
        load_config(config)
    (root / "elsewhere").mkdir()
    monkeypatch.chdir(root / "elsewhere")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert str(caught.value).startswith(f"{config}: strict: ")


def test_a_pyproject_that_never_mentions_journey_is_not_even_parsed(root: Path) -> None:
    write(root / "repo" / "pyproject.toml", "this is [not toml\n")
    assert find_config(root / "repo") == root / ".journey.toml"
