"""The position-aware loader: limits, traps, tags, positions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import journey_process
from journeycli.core.loader import Limits, load_document
from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Nine nested levels of nine aliases: 9**9 = 387 million nodes when expanded."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "version: 1\ntitle: bomb\n" + "\n".join(lines) + "\nstages: [{name: s}]\n"


def test_alias_bomb_is_e006_without_expanding() -> None:
    document = load_document(alias_bomb().encode(), "bomb.yaml")
    assert document.data is None
    assert [p.code for p in document.problems] == ["E006"]
    assert "1,000,000 nodes" in document.problems[0].message


def test_alias_bomb_through_the_cli_fails_cleanly(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.journey.yaml"
    bomb.write_text(alias_bomb())
    result = journey_process(["lint", bomb], timeout=30)
    assert result.code == 1
    assert "E006" in result.out
    assert "Traceback" not in result.err


@pytest.mark.slow
def test_five_megabyte_file_is_refused_by_size(tmp_path: Path) -> None:
    big = tmp_path / "big.journey.yaml"
    big.write_text("version: 1\ntitle: big\nstages:\n" + "  - name: s\n" * 450_000)
    assert big.stat().st_size > 5_000_000
    result = journey_process(["lint", big], timeout=30)
    assert result.code == 1
    assert "E006" in result.out and "over the limit" in result.out


@pytest.mark.slow
def test_size_limit_is_configurable(tmp_path: Path) -> None:
    small = tmp_path / "small.journey.yaml"
    small.write_text("version: 1\ntitle: small\nstages:\n  - name: s\n")
    assert journey_process(["lint", small, "--max-file-size", "20"]).code == 1
    assert journey_process(["lint", small]).code == 0


def test_python_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        f"version: 1\ntitle: t\nx-run: !!python/object/apply:os.system ['touch {marker}']\n"
        "stages: [{name: s}]\n"
    )
    result = journey_process(["lint", "-"], stdin=text.encode(), timeout=30)
    assert result.code == 1
    assert "unsupported YAML tag '!!python/object/apply:os.system'" in result.out
    assert not marker.exists()


def test_positions_are_one_based_for_keys_and_values() -> None:
    document = load_document(b"version: 1\nstages:\n  - name: a\n    presence: 5\n", "p")
    data = document.data
    assert document.positions.locate(data, ("stages", 0, "presence"), key=True) == (4, 5)
    assert document.positions.locate(data, ("stages", 0, "presence")) == (4, 15)
    assert document.positions.locate(data, ("stages", 0)) == (3, 5)
    assert document.positions.locate(data, ("stages", 0, "missing")) == (3, 5)
    assert document.positions.locate(data, ()) == (1, 1)


def test_yaml_11_traps_become_markers() -> None:
    document = load_document(
        b"a: no\nb: Off\nc: 012\nd: 1:30\ne: true\nf: '012'\ng: 2026-03-01\nh: 0x1F\ni: ~\n", "p"
    )
    data = document.data
    assert data is not None
    assert data["a"] == AmbiguousBool("no", False)
    assert data["b"] == AmbiguousBool("Off", False)
    assert data["c"] == AmbiguousNumber("012", 10, "octal")
    assert data["d"] == AmbiguousNumber("1:30", 90, "base-60")
    assert data["e"] is True
    assert data["f"] == "012"
    assert data["g"] == dt.date(2026, 3, 1)
    assert data["h"] == 31
    assert data["i"] is None


def test_explicit_standard_tags_are_honoured() -> None:
    document = load_document(b"a: !!str 012\nb: !!int '7'\nc: !!float 1\n", "p")
    assert document.data == {"a": "012", "b": 7, "c": 1.0}
    bad = load_document(b"a: !!int seven\n", "p")
    assert [p.code for p in bad.problems] == ["E003"]


def test_merge_keys_and_anchors_work() -> None:
    document = load_document(b"base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "p")
    assert document.data == {"base": {"x": 1, "y": 2}, "m": {"x": 1, "y": 3}}


def test_bom_is_accepted_and_limits_are_configurable() -> None:
    assert load_document("\ufeffa: 1\n".encode(), "p").data == {"a": 1}
    nested = load_document(b"a: [[[[1]]]]\n", "p", Limits(max_depth=3))
    assert [p.code for p in nested.problems] == ["E006"]
    nodes = load_document(b"a: [1, 2, 3, 4, 5]\n", "p", Limits(max_nodes=4))
    assert [p.code for p in nodes.problems] == ["E006"]


@pytest.mark.parametrize(
    ("text", "where", "advice"),
    [
        # A tab in the indentation: YAML only indents with spaces.
        ("version: 1\ntitle: T\nstages:\n\t- name: A\n", (4, 1), "only spaces for indentation"),
        # A missing colon: point at the line of the key, not at the next line.
        ("version: 1\ntitle T\nstages:\n  - name: A\n", (2, 1), "add ': ' after the key"),
        # ': ' inside unquoted text.
        ("version: 1\ntitle: Price: low\n", (2, 8), "in quotes"),
        # A value starting with a character YAML reserves.
        ("version: 1\ntitle: @team\n", (2, 8), "in quotes"),
        # A quote that is never closed: point at where it opens.
        ('version: 1\ntitle: "open\nstages: []\n', (2, 8), "is never closed"),
        # A line indented one space short.
        ("version: 1\ntitle: T\nstages:\n  - name: A\n   relevance: 3\n", (5, 4), "indentation"),
    ],
)
def test_yaml_syntax_errors_point_at_the_mistake_and_say_what_to_do(
    text: str, where: tuple[int, int], advice: str
) -> None:
    [problem] = load_document(text.encode(), "m.journey.yaml").problems
    assert problem.code == "E001"
    assert (problem.line, problem.column) == where, problem
    assert problem.message.startswith("not valid YAML: ")
    assert advice in problem.message, problem.message


@pytest.mark.parametrize(
    ("text", "english", "dutch"),
    [
        ("[1, 2]", "not a list", "geen lijst"),
        ("hallo", "not a text", "geen losse tekst"),
        ("42", "not a number", "geen los getal"),
        ("4.5", "not a number", "geen los getal"),
        (".inf", "not a number", "geen los getal"),
        ("012", "not a number", "geen los getal"),
        ("true", "not a yes/no value", "geen ja/nee-waarde"),
        ("no", "not a yes/no value", "geen ja/nee-waarde"),
        ("2024-01-01", "not a date", "geen losse datum"),
        ("~", "not empty", "maar is leeg"),
    ],
)
def test_a_top_level_that_is_no_mapping_is_named_in_the_authors_words(
    text: str, english: str, dutch: str
) -> None:
    """Not "not a WrittenFloat": the kind of value in words, in both languages."""
    (problem,) = load_document(f"{text}\n".encode(), "t.journey.yaml").problems
    assert problem.code == "E001"
    assert problem.message.startswith("the top level must be a mapping of keys, ")
    assert problem.message.endswith(english)
    assert problem.in_language("nl").message.endswith(dutch)
