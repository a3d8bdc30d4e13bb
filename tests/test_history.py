"""`journey history`: scores per commit across a real temporary git repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from checkers import vnu_jar
from test_diff import BASE
from test_diff_formats import lint_markdown as markdownlint
from test_diff_formats import needs_markdownlint
from test_diff_git import commit, edit, git, init_repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DATES = [f"2026-0{month}-15T09:00:00+00:00" for month in range(1, 6)]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Five commits of maps/meal.journey.yaml; the fourth is not a valid map.

    gaps by commit   orientation  purchase  delivery
    1 First map          50          20        5
    2 Re-measure         35          20        5
    3 Purchase up        35          35        5
    4 Broken            (invalid)
    5 Fixed, -delivery   10          35        -
    """
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = init_repo(tmp_path / "repo")
    (root / "maps").mkdir()
    target = root / "maps" / "meal.journey.yaml"
    shutil.copy(BASE, target)
    commit(root, "First map", DATES[0])
    edit(target, "    presence: 30\n", "    presence: 45\n")
    commit(root, "Re-measure orientation", DATES[1])
    edit(target, "    relevance: 70\n", "    relevance: 85\n")
    commit(root, "Purchase matters more", DATES[2])
    good = target.read_text(encoding="utf-8")
    target.write_text(good.replace("    presence: 45\n", "    presence: lots\n"), encoding="utf-8")
    commit(root, "Broken presence", DATES[3])
    fixed = good.replace("    presence: 45\n", "    presence: 70\n")
    target.write_text(fixed[: fixed.index("  - id: delivery")], encoding="utf-8")
    commit(root, "Orientation fixed, delivery dropped", DATES[4])
    monkeypatch.chdir(root)  # git runs in the working directory's repository
    return root


def history_json(cli: Any, *args: Any) -> dict[str, Any]:
    result = cli(["history", *args, "--format", "json"])
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def series(data: dict[str, Any], stage: str, field: str) -> list[Any]:
    found = next(s for s in data["stages"] if s["id"] == stage)
    return [None if p is None else p[field] for p in found["points"]]


def test_values_per_commit(cli: Any, repo: Path) -> None:
    data = history_json(cli, repo / "maps" / "meal.journey.yaml")
    assert [c["subject"] for c in data["commits"]] == [
        "First map",
        "Re-measure orientation",
        "Purchase matters more",
        "Broken presence",
        "Orientation fixed, delivery dropped",
    ]
    assert [c["date"] for c in data["commits"]] == [d[:10] for d in DATES]
    assert [c["status"] for c in data["commits"]] == ["ok", "ok", "ok", "invalid", "ok"]
    assert data["commits"][3]["message"].startswith("E003 line ")
    assert [s["id"] for s in data["stages"]] == ["orientation", "purchase", "delivery"]
    assert series(data, "orientation", "gap") == [50, 35, 35, None, 10]
    assert series(data, "orientation", "presence") == [30, 45, 45, None, 70]
    assert series(data, "orientation", "relevance") == [80, 80, 80, None, 80]
    assert series(data, "purchase", "gap") == [20, 20, 35, None, 35]
    assert series(data, "purchase", "relevance") == [70, 70, 85, None, 85]
    assert series(data, "delivery", "gap") == [5, 5, 5, None, None]
    assert series(data, "orientation", "rank") == [1, 1, 2, None, 2]
    assert series(data, "purchase", "rank") == [2, 2, 1, None, 1]
    trends = {s["id"]: (s["trend"], s["first_gap"], s["last_gap"]) for s in data["stages"]}
    assert trends == {
        "orientation": ("closing", 50, 10),
        "purchase": ("widening", 20, 35),
        "delivery": ("steady", 5, 5),
    }
    shas = git(repo, "log", "--format=%H", "--reverse").split()
    assert [c["sha"] for c in data["commits"]] == shas


def test_rev_range(cli: Any, repo: Path) -> None:
    data = history_json(cli, repo / "maps" / "meal.journey.yaml", "--rev-range", "HEAD~3..HEAD~1")
    assert data["rev_range"] == "HEAD~3..HEAD~1"
    assert [c["subject"] for c in data["commits"]] == ["Purchase matters more", "Broken presence"]
    assert series(data, "purchase", "gap") == [35, None]


def test_persona(cli: Any, repo: Path) -> None:
    data = history_json(cli, repo / "maps" / "meal.journey.yaml", "--persona", "student")
    assert series(data, "orientation", "gap") == [20, 20, 20, None, 20]  # the override holds
    assert cli(["history", repo / "maps" / "meal.journey.yaml", "--persona", "ghost"]).code == 2


def test_follows_renames(cli: Any, repo: Path) -> None:
    git(repo, "mv", "maps/meal.journey.yaml", "maps/meal-kit.journey.yaml")
    commit(repo, "Rename the map", "2026-06-01T09:00:00+00:00")
    data = history_json(cli, repo / "maps" / "meal-kit.journey.yaml")
    assert len(data["commits"]) == 6
    assert data["commits"][0]["path"] == "maps/meal.journey.yaml"
    assert data["commits"][-1]["path"] == "maps/meal-kit.journey.yaml"
    assert series(data, "orientation", "gap") == [50, 35, 35, None, 10, 10]


def test_terminal_table_with_sparklines(cli: Any, repo: Path) -> None:
    result = cli(["history", repo / "maps" / "meal.journey.yaml"])
    assert result.code == 0, result.err
    out = result.out
    assert "\x1b[" not in out
    assert "Meal kit: 5 commits" in out
    orientation = next(line for line in out.splitlines() if "Orientation" in line)
    assert "█▆▆·▂" in orientation  # gap 50, 35, 35, invalid, 10 on the scale 5..50
    assert "50 → 10" in orientation and "closing" in orientation
    assert "invalid: E003" in out
    assert result.out == cli(["history", repo / "maps" / "meal.journey.yaml"]).out


@pytest.mark.slow
@needs_markdownlint
def test_markdown_passes_markdownlint(cli: Any, repo: Path, tmp_path: Path) -> None:
    result = cli(["history", repo / "maps" / "meal.journey.yaml", "--format", "md"])
    assert "| Orientation | █▆▆·▂ | 80 | 30 → 70 | 50 → 10 | closing |" in result.out
    assert "## Orientation (`orientation`)" in result.out
    lint = markdownlint(tmp_path, result.out, long_table_rows=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr


@pytest.mark.slow
def test_html_page_with_svg_chart(cli: Any, repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "history.html"
    result = cli(
        ["history", repo / "maps" / "meal.journey.yaml", "--format", "html", "--output", out]
    )
    assert result.code == 0, result.err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<figure class="stage-chart">') == 3  # one small chart per stage
    # relevance and presence lines; orientation's and purchase's split by the invalid commit
    assert page.count("<polyline") == 4 + 4 + 2
    assert "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    jar = vnu_jar()
    if jar is None or shutil.which("java") is None:
        pytest.skip("the Nu HTML checker (vnu.jar) or java is not installed")
    check = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(jar), "--format", "gnu", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stderr


def test_html_escapes_map_text(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    root = init_repo(tmp_path / "r")
    monkeypatch.chdir(root)
    target = root / "m.journey.yaml"
    target.write_text(
        BASE.read_text(encoding="utf-8").replace(
            "name: Orientation", "name: '<script>alert(1)</script>'"
        ),
        encoding="utf-8",
    )
    commit(root, "<b>bold</b> subject")
    page = cli(["history", target, "--format", "html"]).out
    assert "<script>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;bold" in page


@pytest.mark.slow
@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda r: [r / "maps" / "untracked.journey.yaml"], "no commits touch this file"),
        (lambda r: [r / "maps" / "meal.journey.yaml", "--rev-range", "nope..HEAD"], "git: "),
        (lambda r: [r / "maps" / "meal.journey.yaml", "--rev-range", "--all"], "not a valid"),
        (lambda r: ["-"], "not standard input"),
        (lambda r: [r / "no-dir" / "x.journey.yaml"], "does not exist"),
    ],
)
def test_usage_errors_exit_2(cli: Any, repo: Path, make_args: Any, message: str) -> None:
    shutil.copy(BASE, repo / "maps" / "untracked.journey.yaml")
    result = cli(["history", *make_args(repo)])
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_outside_a_repository_exits_2(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(BASE, tmp_path / "m.journey.yaml")
    monkeypatch.chdir(tmp_path)
    result = cli(["history", tmp_path / "m.journey.yaml"])
    assert result.code == 2
    assert "not a git repository" in result.err


def test_a_map_outside_the_working_directorys_repository_exits_2(
    cli: Any, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git runs in the working directory's repository, never in the map's folder."""
    other = init_repo(tmp_path / "other")
    monkeypatch.chdir(other)
    result = cli(["history", repo / "maps" / "meal.journey.yaml"])
    assert result.code == 2
    assert "not in the git repository of the working directory" in result.err
    assert "run journey from inside the map's repository" in result.err
