"""`journey summary`: the one-map, line-oriented summary that git's textconv diffs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import EXAMPLES
from test_diff import BASE, variant


def test_summary_of_the_fixture(cli: Any) -> None:
    result = cli(["summary", BASE])
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:4] == [
        "map: Meal kit",
        "language: en",
        "owner: growth-team",
        "metrics: volume 10,000, value EUR 120, per month",
    ]
    assert "stage orientation: Orientation" in lines
    assert "  scores: relevance 80, presence 30, gap 50, rank 1, measured" in lines
    assert "  persona student: relevance 60, presence 40, gap 20" in lines
    assert "  funnel: conversion 50%, reach 10,000, lost 5,000, value at stake EUR 480,000" in lines
    assert (
        "  touchpoint price-page: Price page (website, digital, critical, experience 2, "
        "owner web-team)"
    ) in lines
    assert (
        "  action price-table: Rebuild the price table [doing, now, website, owner web-team]"
        in lines
    )
    assert lines[-2:] == [
        "ranking: orientation 50, purchase 20, delivery 5",
        "breaking: price-page in orientation (experience 2)",
    ]


def test_one_change_changes_one_line(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("        experience: 3\n", "        experience: 5\n"))
    before = cli(["summary", BASE]).out.splitlines()
    after = cli(["summary", new]).out.splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        (
            "  touchpoint reviews: Review sites (reviews, digital, experience 3)",
            "  touchpoint reviews: Review sites (reviews, digital, experience 5)",
        )
    ]


def test_examples_and_stdin(cli: Any) -> None:
    for path in sorted(EXAMPLES.glob("*.journey.yaml")):
        from_file = cli(["summary", path])
        assert from_file.code == 0, from_file.err
        assert from_file.out == cli(["summary", "-"], stdin=path.read_bytes()).out
        assert "\n\n\n" not in from_file.out and from_file.out.endswith("\n")


def test_text_with_line_breaks_stays_on_one_line(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("    name: Orientation\n", '    name: "Orien\\ntation"\n'))
    assert "stage orientation: Orien tation\n" in cli(["summary", new]).out


def test_invalid_map_fails_but_not_for_textconv(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("version: 1\ntitle: [oops\n", encoding="utf-8")
    plain = cli(["summary", bad])
    assert plain.code == 1 and plain.out == "" and "E001" in plain.err
    textconv = cli(["summary", bad, "--textconv"])
    assert textconv.code == 0
    assert textconv.out.startswith("invalid map (1 error):\n  E001 line ")
    assert textconv.out.endswith("--- raw text ---\nversion: 1\ntitle: [oops\n")
    assert cli(["summary", tmp_path / "missing.journey.yaml", "--textconv"]).code == 2
