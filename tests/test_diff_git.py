"""`journey diff --rev` and the git textconv recipe, in real temporary git repositories."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from test_diff import BASE

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SAFE_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "NO_COLOR": "1",
}


def git(repo: Path, *args: str, date: str = "2026-01-01T12:00:00+00:00") -> str:
    env = {**os.environ, **SAFE_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    proc = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def init_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return path


def commit(repo: Path, message: str, date: str = "2026-01-01T12:00:00+00:00") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=date)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """maps/meal.journey.yaml over three commits, plus an uncommitted edit."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = init_repo(tmp_path / "repo")
    (root / "maps").mkdir()
    target = root / "maps" / "meal.journey.yaml"
    shutil.copy(BASE, target)
    commit(root, "First map")
    edit(target, "    presence: 30\n", "    presence: 55\n")
    commit(root, "Re-measured orientation")
    edit(target, "        status: doing\n", "        status: done\n")
    commit(root, "Price table shipped")
    edit(target, "title: Meal kit", "title: Meal kit box")  # working copy only
    monkeypatch.chdir(root)  # git runs in the working directory's repository
    return root


def diff_json(cli: Any, *args: Any) -> dict[str, Any]:
    result = cli(["diff", *args, "--format", "json"])
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_rev_compares_each_revision_with_the_working_copy(cli: Any, repo: Path) -> None:
    target = repo / "maps" / "meal.journey.yaml"
    head = diff_json(cli, target, "--rev", "HEAD")
    assert [c["field"] for c in head["map"]] == ["title"]
    assert head["scores"] == [] and head["actions"]["modified"] == []
    one_back = diff_json(cli, target, "--rev", "HEAD~1")
    assert one_back["actions"]["modified"][0]["changes"] == [
        {"field": "status", "old": "doing", "new": "done"}
    ]
    assert one_back["scores"] == []
    first = diff_json(cli, target, "--rev", "HEAD~2")
    assert first["old"]["label"] == f"HEAD~2:{target}"
    assert first["scores"][0]["presence"] == {"old": 30, "new": 55}
    assert first["actions"]["modified"]


def test_rev_from_another_directory_and_relative_paths(
    cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "maps")
    data = diff_json(cli, "meal.journey.yaml", "--rev", "HEAD~2")
    assert data["old"]["label"] == "HEAD~2:meal.journey.yaml"
    assert data["scores"][0]["gap"] == {"old": 50, "new": 25}
    monkeypatch.chdir(repo)
    text = cli(["diff", "maps/meal.journey.yaml", "--rev", "HEAD~2"]).out
    assert "Orientation: presence 30 → 55, gap 50 → 25" in text


def test_rev_accepts_branch_names_and_shas(cli: Any, repo: Path) -> None:
    sha = git(repo, "rev-parse", "HEAD~1").strip()
    target = repo / "maps" / "meal.journey.yaml"
    assert diff_json(cli, target, "--rev", sha)["actions"]["modified"]
    assert diff_json(cli, target, "--rev", "main")["map"][0]["field"] == "title"


def test_unknown_rev_exits_2_with_gits_reason(cli: Any, repo: Path) -> None:
    result = cli(["diff", repo / "maps" / "meal.journey.yaml", "--rev", "no-such-branch"])
    assert result.code == 2
    assert result.err.startswith("journey: error: git: ")
    assert "no-such-branch" in result.err
    assert len(result.err.splitlines()) == 1


def test_file_absent_at_rev_exits_2_with_gits_reason(cli: Any, repo: Path) -> None:
    other = repo / "maps" / "new.journey.yaml"
    shutil.copy(BASE, other)
    commit(repo, "A second map")
    result = cli(["diff", other, "--rev", "HEAD~1"])
    assert result.code == 2
    assert "exists on disk, but not in 'HEAD~1'" in result.err


def test_outside_a_repository_exits_2(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    shutil.copy(BASE, lonely / "m.journey.yaml")
    monkeypatch.chdir(lonely)
    result = cli(["diff", lonely / "m.journey.yaml", "--rev", "HEAD"])
    assert result.code == 2
    assert "not a git repository" in result.err


@pytest.mark.parametrize("args", [["-", "--rev", "HEAD"], ["a", "b", "--rev", "HEAD"]])
def test_rev_usage_errors(cli: Any, args: list[str]) -> None:
    assert cli(["diff", *args], stdin=b"").code == 2


def test_rev_that_looks_like_an_option_is_refused(cli: Any, repo: Path) -> None:
    result = cli(["diff", repo / "maps" / "meal.journey.yaml", "--rev=--output=x"])
    assert result.code == 2
    assert "not a valid git revision" in result.err


def test_invalid_map_at_rev_exits_1(cli: Any, repo: Path) -> None:
    target = repo / "maps" / "meal.journey.yaml"
    target.write_text("version: 1\ntitle: [broken\n", encoding="utf-8")
    commit(repo, "Broken")
    shutil.copy(BASE, target)
    result = cli(["diff", target, "--rev", "HEAD"])
    assert result.code == 1
    assert result.err.startswith(f"HEAD:{target}:")
    assert "E001" in result.err


def configure_textconv(repo: Path) -> None:
    command = f"{shlex.quote(sys.executable)} -m journeycli summary --textconv"
    git(repo, "config", "diff.journey.textconv", command)
    git(repo, "config", "diff.journey.xfuncname", "^stage .*$")
    (repo / ".gitattributes").write_text("*.journey.yaml diff=journey\n", encoding="utf-8")


@pytest.mark.slow
def test_git_diff_shows_the_summary_with_textconv(repo: Path) -> None:
    configure_textconv(repo)
    patch = git(repo, "diff", "HEAD~2", "--", "maps/meal.journey.yaml")
    assert "-map: Meal kit\n+map: Meal kit box\n" in patch
    assert "-  scores: relevance 80, presence 30, gap 50, rank 1, measured\n" in patch
    assert "+  scores: relevance 80, presence 55, gap 25, rank 1, measured\n" in patch
    assert "@@ stage delivery: Delivery\n" in patch  # hunk header from xfuncname
    assert "status: doing" not in patch  # no raw YAML
    assert "-  action price-table: Rebuild the price table [doing, now, website" in patch


@pytest.mark.slow
def test_git_log_p_shows_summaries_even_for_an_invalid_commit(repo: Path) -> None:
    configure_textconv(repo)
    target = repo / "maps" / "meal.journey.yaml"
    target.write_text("version: 1\ntitle: [broken\n", encoding="utf-8")
    commit(repo, "Broken on purpose")
    log = git(repo, "log", "-p", "--format=commit %s", "--", "maps/meal.journey.yaml")
    assert "+invalid map (1 error):" in log
    assert "+  presence 55" not in log
    assert "+  scores: relevance 80, presence 55, gap 25, rank 1, measured" in log
    assert "commit Price table shipped" in log and "commit First map" in log


def test_rev_reads_raw_yaml_even_with_textconv_configured(cli: Any, repo: Path) -> None:
    configure_textconv(repo)
    data = diff_json(cli, repo / "maps" / "meal.journey.yaml", "--rev", "HEAD~2")
    assert data["scores"][0]["presence"] == {"old": 30, "new": 55}


def test_documented_recipe_is_the_tested_one() -> None:
    """docs/diff.md and the README give the textconv setup these tests use."""
    docs = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (docs, readme):
        assert 'git config diff.journey.textconv "journey summary --textconv"' in text
        assert "*.journey.yaml diff=journey" in text
    assert 'git config diff.journey.xfuncname "^stage .*$"' in docs
    # the pull-request comment: documented as the action's input, run by action.yml
    assert 'diff-comment: "true"' in docs
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert 'journey diff "$path" --rev "$JOURNEY_BASE" --format md' in action
