"""`journey report --format csv`: one row per open action, in roadmap order (docs/report.md)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

# Ranks: pay (gap 60) before look (gap 30); unscored last. Done and dropped actions are left out.
MAP = """\
version: 1
title: Actions
stages:
  - id: look
    name: Look around
    relevance: 70
    presence: 40
    touchpoints:
      - id: site
        name: Website
    actions:
      - action: Later in look
        horizon: later
      - action: Now in look
        horizon: now
        channel: website
        owner: web-team
        effort: low
        status: doing
        touchpoint: site
      - action: Finished already
        horizon: now
        status: done
  - id: pay
    name: Pay
    relevance: 80
    presence: 20
    actions:
      - action: "=HYPERLINK(\\"http://x\\")"
        horizon: now
        owner: finance
      - action: Dropped idea
        status: dropped
  - id: after
    name: Afterwards
    actions:
      - action: Ask for a review
"""
HEADER = ["stage", "action", "channel", "owner", "horizon", "effort", "status", "touchpoint"]
ROWS = [
    # now: pay (rank 1) before look (rank 2)
    ["Pay", '\'=HYPERLINK("http://x")', "", "finance", "now", "", "todo", ""],
    ["Look around", "Now in look", "website", "web-team", "now", "low", "doing", "site"],
    # next (the default horizon): only the unscored stage has one
    ["Afterwards", "Ask for a review", "", "", "next", "", "todo", ""],
    ["Look around", "Later in look", "", "", "later", "", "todo", ""],
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "m.journey.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_one_row_per_open_action_in_roadmap_order(cli, workdir: Path) -> None:
    result = cli(["report", "m.journey.yaml", "--format", "csv"])
    assert result.code == 0, result.err
    assert rows(result.out) == [HEADER, *ROWS]


def test_inferred_from_the_output_extension(cli, workdir: Path) -> None:
    result = cli(["report", "m.journey.yaml", "--output", "actions.CSV"])
    assert result.code == 0, result.err
    assert rows((workdir / "actions.CSV").read_text(encoding="utf-8")) == [HEADER, *ROWS]


def test_a_map_without_open_actions_gives_the_header_only(cli, workdir: Path) -> None:
    text = MAP.split("  - id: pay")[0].replace("horizon: later", "status: done")
    text = text.replace("status: doing", "status: dropped")
    (workdir / "m.journey.yaml").write_text(text, encoding="utf-8")
    result = cli(["report", "m.journey.yaml", "-f", "csv"])
    assert result.code == 0, result.err
    assert rows(result.out) == [HEADER]


def test_several_maps_follow_each_other(cli, workdir: Path) -> None:
    (workdir / "b.journey.yaml").write_text(MAP.replace("title: Actions", "title: B"), "utf-8")
    result = cli(["report", "m.journey.yaml", "b.journey.yaml", "-f", "csv"])
    assert rows(result.out) == [HEADER, *ROWS, *ROWS]
