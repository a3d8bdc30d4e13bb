"""journey where teams run it: the pre-commit hook and the GitHub composite action.

The pre-commit test runs the real `pre-commit try-repo` against a copy of
this working tree committed to a temporary git repository (so uncommitted
and untracked changes are what is tested), in a temporary project with one
good and one bad map. pre-commit builds a virtualenv and installs journey
into it, which takes a while: the test is marked slow but runs by default.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import EXAMPLES, ROOT

BAD = """\
version: 1
title: Bad
stages:
  - name: Aankoop
    presence: 130
"""

# Top-level entries that are not part of the package a hook install builds.
NOT_PACKAGED = {
    ".git",
    ".ci",
    "bench",
    "tests",
    "build",
    "dist",
    "node_modules",
    ".venv",
    "venv",
    ".benchmarks",
    ".hypothesis",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
}


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (it is in the test extra: pip install '.[test]')")
    return [sys.executable, "-m", "pre_commit"]


def git_env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "GIT_AUTHOR_NAME": "journey tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "journey tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(home / "cache"),
        "PRE_COMMIT_COLOR": "never",
        "NO_COLOR": "1",
    }


def git_repo(path: Path, env: dict[str, str]) -> None:
    assert shutil.which("git"), "git is needed (CI installs it in .ci/system-deps.sh)"
    for args in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "add", "-A"],
        ["git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "initial"],
    ):
        done = run(args, path, env)
        assert done.returncode == 0, done.stderr


def copy_package(destination: Path) -> None:
    def ignore(directory: str, names: list[str]) -> set[str]:
        top = Path(directory).resolve() == ROOT
        return {n for n in names if n == "__pycache__" or (top and n in NOT_PACKAGED)}

    shutil.copytree(ROOT, destination, ignore=ignore)


@pytest.mark.slow
def test_pre_commit_try_repo_passes_the_good_map_and_fails_the_bad_one(tmp_path: Path) -> None:
    command = pre_commit()
    env = git_env(tmp_path)
    hook_repo, project = tmp_path / "journey", tmp_path / "project"
    copy_package(hook_repo)
    git_repo(hook_repo, env)
    project.mkdir()
    shutil.copy(EXAMPLES / "meal-kit.journey.yaml", project / "good.journey.yaml")
    (project / "maps").mkdir()
    (project / "maps" / "bad.journey.yml").write_text(BAD, encoding="utf-8")
    (project / "notes.yaml").write_text(BAD, encoding="utf-8")  # not a map by its name
    git_repo(project, env)

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return run(
            [*command, "try-repo", str(hook_repo), "journey-lint", "--files", *files], project, env
        )

    good = try_repo("good.journey.yaml")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"journey lint\.+Passed", good.stdout), good.stdout

    bad = try_repo("maps/bad.journey.yml")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"journey lint\.+Failed", bad.stdout), bad.stdout
    assert "maps/bad.journey.yml:5:15: E003 " in bad.stdout

    skipped = try_repo("notes.yaml")
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "(no files to check)Skipped" in skipped.stdout

    both = run([*command, "try-repo", str(hook_repo), "journey-lint", "--all-files"], project, env)
    assert both.returncode == 1
    assert "bad.journey.yml" in both.stdout and "good.journey.yaml" not in both.stdout


def test_the_hook_manifest_is_valid_for_pre_commit() -> None:
    command = pre_commit()
    done = run([*command, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "journey-lint"
    assert hook["entry"] == "journey lint"
    pattern = re.compile(hook["files"])
    for name in ("a.journey.yaml", "maps/b.journey.yml"):
        assert pattern.search(name)
    for name in ("a.yaml", "a.journey.yaml.bak", "journey.yaml"):
        assert not pattern.search(name)


def check_jsonschema() -> list[str]:
    try:
        import check_jsonschema  # noqa: F401
    except ImportError:
        pytest.skip("check-jsonschema is not installed (it is in the test extra)")
    return [sys.executable, "-m", "check_jsonschema"]


def test_the_action_is_valid_and_runs_the_github_format() -> None:
    done = run(
        [
            *check_jsonschema(),
            "--builtin-schema",
            "vendor.github-actions",
            str(ROOT / "action.yml"),
        ],
        ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    scripts = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert any("journey lint --format github" in script for script in scripts)
    assert any("pip install" in script for script in scripts)
    # inputs reach the shell through env, never spliced into the script text
    assert not any("${{" in script for script in scripts)


def test_the_readme_workflow_snippet_is_a_valid_workflow(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use in CI", 1)[1]
    workflow = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert workflow, "the README's 'Use in CI' section needs a workflow snippet"
    path = tmp_path / "journey.yml"
    path.write_text(workflow.group(1), encoding="utf-8")
    done = run(
        [*check_jsonschema(), "--builtin-schema", "vendor.github-workflows", str(path)], tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "--format sarif" in workflow.group(1)
