"""Terminal escapes and undecodable names from outside the map (issue 15, items 8 and 15).

A map's text is validated, but file names and git commit subjects are not.
Each output of each command that shows them must carry them inert: no C0 or
C1 control, DEL, line separator, bidi control or lone surrogate reaches the
output, neither raw nor inside a JSON string a consumer would decode, and
JSON and SARIF stay valid when a file name is not UTF-8.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from journeycli.core.safetext import escape_controls, json_safe

# Clipboard (OSC 52), a link (OSC 8), clear screen, C1 CSI, a right-to-left override,
# and a byte that is not UTF-8.
HOSTILE_NAME = (
    b"m-\x1b]52;c;cHduZWQ=\x07-\x1b]8;;evil.example\x07x\x1b]8;;\x07-\x1b[2J"
    b"-\xc2\x9b31m-\xe2\x80\xaeexe-\xff.journey.yaml"
)
HOSTILE_SUBJECT = "Fix \x1b]52;c;cHduZWQ=\x07 \x1b[2J \u009b31m \u202eexe \x7f"
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
WARNINGS = "version: 1\ntitle: T\nstages:\n  - name: A\n    relevance: 90\n    presence: 10\n"


def assert_inert(text: str, what: str) -> None:
    found = UNSAFE.findall(text)
    assert not found, f"{what}: {found[:5]}"


def assert_inert_json(text: str, what: str) -> None:
    assert_inert(text, what)
    seen: list[Any] = [json.loads(text)]
    while seen:
        value = seen.pop()
        if isinstance(value, dict):
            seen.extend(value.keys())
            seen.extend(value.values())
        elif isinstance(value, list):
            seen.extend(value)
        elif isinstance(value, str):
            assert_inert(value, f"{what} (decoded)")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    if os.name != "posix":
        pytest.skip("file names with control characters (POSIX)")
    path = tmp_path / os.fsdecode(HOSTILE_NAME)
    path.write_text(WARNINGS, encoding="utf-8")
    return path


COMMANDS = {
    "lint text": (["lint"], "text"),
    "lint github": (["lint", "-f", "github"], "text"),
    "lint json": (["lint", "-f", "json"], "json"),
    "lint sarif": (["lint", "-f", "sarif"], "json"),
    "report terminal": (["report", "-f", "terminal"], "text"),
    "report md": (["report", "-f", "md"], "text"),
    "report html": (["report", "-f", "html"], "text"),
    "report json": (["report", "-f", "json"], "json"),
    "summary": (["summary"], "text"),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_file_names_arrive_inert(cli: Any, hostile: Path, command: str) -> None:
    args, kind = COMMANDS[command]
    second = hostile.parent / "plain.journey.yaml"
    shutil.copy(EXAMPLES / "meal-kit.journey.yaml", second)
    paths = [hostile, second] if args[0] == "report" else [hostile]
    result = cli([*args[:1], *paths, *args[1:]])
    assert result.code in (0, 1), result.err
    assert result.out.strip()
    (assert_inert_json if kind == "json" else assert_inert)(result.out, command)
    assert_inert(result.err, command)
    if args[0] == "lint":  # the file name is shown, escaped
        assert "x1b]52;c;" in result.out or "x1b%5D52" in result.out


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_hostile_file_names_in_a_diff(cli: Any, hostile: Path, fmt: str) -> None:
    other = hostile.parent / "other.journey.yaml"
    other.write_text(WARNINGS.replace("presence: 10", "presence: 30"), encoding="utf-8")
    result = cli(["diff", hostile, other, "-f", fmt])
    assert result.code == 0, result.err
    (assert_inert_json if fmt == "json" else assert_inert)(result.out, fmt)
    assert "\\x1b]52" in result.out


def test_sarif_and_json_stay_valid_for_a_name_that_is_not_utf8(cli: Any, hostile: Path) -> None:
    result = cli(["lint", "-f", "json", hostile])
    assert result.code == 0, result.err
    assert json.loads(result.out)[0]["path"].endswith("-\\xff.journey.yaml")  # the byte's escape
    sarif = cli(["lint", "-f", "sarif", hostile])
    assert sarif.code == 0 and "internal error" not in sarif.err, sarif.err
    results = json.loads(sarif.out)["runs"][0]["results"]
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("-%5Cxff.journey.yaml")


def test_error_messages_escape_the_name(cli: Any, hostile: Path) -> None:
    missing = hostile.with_name(hostile.name + ".missing")
    result = cli(["report", missing])
    assert result.code == 2
    assert_inert(result.err, "error")
    assert result.err.count("\n") == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("fmt", ["terminal", "md", "json", "html"])
def test_hostile_commit_subjects_arrive_inert(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from test_diff_git import commit, init_repo

    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = init_repo(tmp_path / "repo")
    target = root / "m.journey.yaml"
    shutil.copy(EXAMPLES / "meal-kit.journey.yaml", target)
    commit(root, HOSTILE_SUBJECT)
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(root, "Second \u2067isolate")
    monkeypatch.chdir(root)  # git runs in the working directory's repository
    result = cli(["history", target, "-f", fmt])
    assert result.code == 0, result.err
    (assert_inert_json if fmt == "json" else assert_inert)(result.out, fmt)
    assert "x1b" in result.out  # the subject is shown, escaped


def test_escape_controls_is_the_one_rule() -> None:
    assert escape_controls("a\x1b[2Jb\u009b\u202e\x7f") == "a\\x1b[2Jb\\x9b\\u202e\\x7f"
    assert escape_controls("line\nnext\ttab", keep="\n\t") == "line\nnext\ttab"
    assert escape_controls("line\nnext") == "line\\nnext"
    assert escape_controls(os.fsdecode(b"caf\xff")) == "caf\\xff"
    assert escape_controls("Oriëntatie שלום \u200f") == "Oriëntatie שלום \u200f"
    dumped = json.dumps({"k": "a\u009b\u202eb"}, ensure_ascii=False)
    assert json_safe(dumped) == '{"k": "a\\u009b\\u202eb"}'
    assert json.loads(json_safe(dumped)) == {"k": "a\u009b\u202eb"}
