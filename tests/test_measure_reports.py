"""Evidence `n` and `margin` in the model and in every report (docs/measure.md, docs/format.md)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from journeycli.cli import register

app = register()  # every command, whichever tests ran before

MAP = """\
version: 1
title: T
stages:
  - id: a
    name: A
    relevance: 55
    presence: 40
    evidence:
      - type: survey
        source: old poll
        date: 2025-01-01
        n: 30
        margin: 20
      - type: survey
        source: poll
        date: 2026-01-01
        n: 120
        margin: 9
  - id: b
    name: B
    relevance: 30
    presence: 20
"""


def _report(tmp_path: Path, *args: str) -> str:
    path = tmp_path / "t.journey.yaml"
    path.write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_terminal_and_markdown_show_score_margin_and_n(tmp_path: Path) -> None:
    for fmt in ("terminal", "md"):
        out = _report(tmp_path, "--format", fmt)
        assert "55 ± 9 (n=120)" in out  # the newest item with an n, not the 2025 one
        assert "40 ± 9 (n=120)" in out
        assert "n=30" not in out


def test_html_shows_margin_as_interval_on_the_bar(tmp_path: Path) -> None:
    out = _report(tmp_path, "--format", "html")
    assert "55 ± 9 (n=120)" in out
    assert 'class="margin-band" style="left: 46%; width: 18%"' in out  # 55 - 9 .. 55 + 9
    assert 'class="margin-band" style="left: 31%; width: 18%"' in out  # 40 - 9 .. 40 + 9
    assert out.count('margin-band"') == 2  # stage B has no sample


def test_json_has_n_and_margin(tmp_path: Path) -> None:
    data = json.loads(_report(tmp_path, "--format", "json"))
    a, b = data["maps"][0]["stages"] if "maps" in data else data["stages"]
    assert (a["n"], a["margin"]) == (120, 9)
    assert (b["n"], b["margin"]) == (None, None)


def test_n_must_be_a_whole_number_of_one_or_more(tmp_path: Path) -> None:
    path = tmp_path / "t.journey.yaml"
    for bad in ("n: 0", "n: 2.5", "margin: 101"):
        path.write_text(
            MAP.replace("n: 120", bad) if bad.startswith("n") else MAP.replace("margin: 9", bad),
            encoding="utf-8",
        )
        result = CliRunner().invoke(app, ["lint", str(path)])
        assert result.exit_code == 1, (bad, result.output)
