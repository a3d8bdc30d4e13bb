"""Resource limits (E006): refused fast, named with the flag that raises them, configurable.

`tests/test_loader.py` covers the alias bomb, the 5 MB file and Python tags;
these cover nesting, merge-key and billion-laughs expansion, the stage and
touchpoint limits, the flags on every command that reads a map, the
`[tool.journey]` keys, and inputs that used to take quadratic time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, example_maps
from journeycli.core.loader import Limits, load_document
from journeycli.core.markdown import md
from journeycli.core.validation import load_map

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"


def _stages_map(stages: int, touchpoints: int) -> str:
    return json.dumps(
        {
            "version": 1,
            "title": "Big",
            "stages": [
                {
                    "id": f"s{i}",
                    "name": f"S{i}",
                    "touchpoints": [{"id": f"s{i}-t{j}", "name": "T"} for j in range(touchpoints)],
                }
                for i in range(stages)
            ],
        }
    )


DEEP = [("[", "]"), ("{a: ", "}"), ("- ", "")]


def _nested(opener: str, closer: str, levels: int) -> bytes:
    """`x:` holding `levels` lists or mappings inside each other, on line 2 from column 3."""
    return ("x:\n  " + opener * levels + "y" + closer * levels).encode()


@pytest.mark.parametrize(("opener", "closer"), DEEP)
def test_deep_nesting_is_e006_not_a_crash(opener: str, closer: str) -> None:
    """Whatever libyaml PyYAML bundles: 0.2.5 has no nesting limit, 0.2.6 (PyYAML 6.0.3+)
    stops at 1,000 levels, reading up to 1,024 characters ahead of where journey's check
    fires. Either way it is journey's E006, at the opener of level 101 (`x:` is level 1)."""
    document = load_document(_nested(opener, closer, 200_000), "deep.yaml")
    assert document.data is None
    assert [(p.code, p.line, p.column, p.message) for p in document.problems] == [
        (
            "E006",
            2,
            len("  ") + 99 * len(opener) + 1,
            "nesting deeper than 100 levels; raise the limit with --max-depth if this map is real",
        )
    ]


@pytest.mark.parametrize(
    ("opener", "closer"),
    # The pure-Python parser's look-ahead costs about a second for 1,000 `[` on one line.
    [pytest.param(*DEEP[0], marks=pytest.mark.slow), *DEEP[1:]],
)
def test_max_depth_above_libyamls_own_limit_still_works(opener: str, closer: str) -> None:
    """--max-depth 1050 reads 1,040 levels and refuses 1,051: past libyaml 0.2.6's 1,000."""
    limits = Limits(max_depth=1050)
    document = load_document(_nested(opener, closer, 1_040), "deep.yaml", limits)
    assert not document.problems and document.data is not None
    inner: Any = document.data["x"]
    for _ in range(1_040):
        inner = inner["a"] if isinstance(inner, dict) else inner[0]
    assert inner == "y"
    refused = load_document(_nested(opener, closer, 1_100), "deeper.yaml", limits)
    assert [(p.code, p.line, p.column) for p in refused.problems] == [
        ("E006", 2, len("  ") + 1_049 * len(opener) + 1)
    ]
    assert "nesting deeper than 1050 levels" in refused.problems[0].message


def test_deep_nesting_through_the_cli(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "deep.journey.yaml"
    # `title:` is level 1, so the 100th `[` (column 8 + 99) opens level 101
    path.write_text("version: 1\ntitle: " + "[" * 200_000 + "\n", encoding="utf-8")
    result = cli(["lint", path])
    assert result.code == 1
    assert f"{path}:2:107: E006 nesting deeper than 100 levels" in result.out + result.err
    assert "Traceback" not in result.out + result.err


def test_billion_laughs_is_refused_by_expanded_size() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    document = load_document("\n".join(lines).encode(), "lol.yaml")
    assert [p.code for p in document.problems] == ["E006"]
    assert "--max-nodes" in document.problems[0].message


def test_merge_key_bomb_is_refused() -> None:
    lines = ["b0: &b0 {k0: v}"]
    lines += [
        f"b{i}: &b{i} {{<<: [" + ", ".join([f"*b{i - 1}"] * 8) + f"], k{i}: v}}"
        for i in range(1, 12)
    ]
    document = load_document("\n".join(lines).encode(), "merge.yaml")
    assert [p.code for p in document.problems] == ["E006"]


def test_examples_are_within_every_default_limit() -> None:
    for path in example_maps():
        validated = load_map(path.read_bytes(), str(path))
        assert validated.model is not None and not validated.problems


@pytest.mark.parametrize(
    ("limit", "flag", "stages", "touchpoints"),
    [("max_stages", "--max-stages", 6, 0), ("max_touchpoints", "--max-touchpoints", 3, 4)],
)
def test_stage_and_touchpoint_limits(limit: str, flag: str, stages: int, touchpoints: int) -> None:
    text = _stages_map(stages, touchpoints).encode()
    refused = load_map(text, "big.yaml", Limits(**{limit: 5}))
    assert refused.model is None
    assert [p.code for p in refused.problems] == ["E006"]
    assert flag in refused.problems[0].message
    assert f"{limit.replace('_', '-')} in [tool.journey]" in refused.problems[0].message
    assert load_map(text, "big.yaml", Limits(**{limit: 100})).model is not None


def test_defaults_take_the_benchmark_shape() -> None:
    """500 stages x 20 touchpoints (the bench's map) passes the defaults."""
    validated = load_map(_stages_map(500, 20).encode(), "bench.yaml")
    assert not [p for p in validated.problems if p.code == "E006"]


COMMANDS = [
    ["lint"],
    ["report"],
    ["report", "-f", "json"],
    ["export", "--to", "csv"],
    ["diff", str(HYPOTHEEK)],
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--max-stages", "3"),
        ("--max-touchpoints", "5"),
        ("--max-nodes", "50"),
        ("--max-depth", "2"),
        ("--max-file-size", "100"),
    ],
)
def test_every_command_takes_the_limit_flags(
    cli: Any, command: list[str], flag: str, value: str
) -> None:
    if command[0] == "diff":
        args = ["diff", HYPOTHEEK, HYPOTHEEK, flag, value]
    else:
        args = [command[0], HYPOTHEEK, *command[1:], flag, value]
    result = cli(args)
    assert result.code == 1, (result.out, result.err)
    assert "E006" in result.out + result.err
    assert flag in result.out + result.err  # the message names the flag to raise


@pytest.mark.parametrize("command", COMMANDS)
def test_limits_from_the_configuration(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.journey]\nmax-stages = 3\n")
    args = (
        ["diff", HYPOTHEEK, HYPOTHEEK]
        if command[0] == "diff"
        else [command[0], HYPOTHEEK, *command[1:]]
    )
    assert cli(args).code == 1
    # the command line wins over the file
    assert cli([*args, "--max-stages", "50"]).code == 0


@pytest.mark.parametrize("value", ["0", "-1", "true", '"10"', "1.5"])
def test_bad_limit_in_the_configuration_names_file_and_key(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".journey.toml").write_text(f"max-nodes = {value}\n")
    result = cli(["report", HYPOTHEEK])
    assert result.code == 2
    assert ".journey.toml: max-nodes: expected a whole number of 1 or more" in result.err


@pytest.mark.parametrize(
    "name", ["a" * 200_000, "x." * 100_000, "a@" * 100_000, "http://" + "." * 100_000]
)
def test_markdown_escaping_is_linear(name: str) -> None:
    """A 200 kB name used to take minutes in the Markdown report (quadratic regex)."""
    assert len(md(name)) >= len(name)


def test_huge_name_through_the_markdown_report(cli: Any, tmp_path: Path) -> None:
    text = HYPOTHEEK.read_text(encoding="utf-8").replace(
        "name: Oriëntatie", "name: " + "a" * 300_000, 1
    )
    path = tmp_path / "huge.journey.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli(["report", path, "--format", "md"])
    assert result.code == 0 and "a" * 300_000 in result.out
