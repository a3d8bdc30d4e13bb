"""`journey fix`: Dutch labels, quoted booleans, one-item lists; nothing else changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA
from journeycli.core.validation import load_map

COMMENTED = DATA / "fix" / "commented.journey.yaml"

# line number (1-based) -> the whole line after the fix; every other line stays byte for byte.
EXPECTED_LINES = {
    26: "    tone: 'no'                  # Sanne zei letterlijk \"no\" tegen formele taal",
    32: "    feelings: [gespannen]        # één gevoel, nog geen lijst",
    39: "      - type: survey          # uit het klantpanel",
    45: "        kind: digital         # zoals het rapport het schrijft",
    57: "        horizon: now            # komt uit het Nederlandse rapport",
    58: '        status: "doing"',
    59: "        effort: high",
    64: "    pain_points: [Veel papierwerk]",
    65: "    customer_goal: 'on'",
    69: "      - {type: assumption, source: Workshop januari}",
    73: "        kind: human",
    81: "        status: todo",
    82: "        effort: low   # een middag werk",
}


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    target = tmp_path / "hypotheek.journey.yaml"
    shutil.copy(COMMENTED, target)
    return target


def test_fix_changes_only_the_fixed_values_and_is_idempotent(cli, commented: Path) -> None:
    before = commented.read_bytes().split(b"\n")
    result = cli(["fix", commented])
    assert result.code == 0, result.out + result.err
    after = commented.read_bytes().split(b"\n")
    assert len(after) == len(before)
    for number, (old, new) in enumerate(zip(before, after, strict=True), start=1):
        if number in EXPECTED_LINES:
            assert new.decode() == EXPECTED_LINES[number], number
        else:
            assert new == old, f"line {number} changed: {old!r} -> {new!r}"
    assert "13 fixed" in result.out
    assert f"{commented}:57:18: fixed E003 nu → now (Dutch label)" in result.out
    validated = load_map(commented.read_bytes(), commented.name)
    assert validated.model is not None and not [p for p in validated.problems if p.is_error]
    fixed = commented.read_bytes()
    again = cli(["fix", commented])
    assert again.code == 0
    assert commented.read_bytes() == fixed
    assert "nothing to fix" in again.out


def test_diff_prints_a_unified_diff_and_writes_nothing(cli, commented: Path) -> None:
    original = commented.read_bytes()
    result = cli(["fix", commented, "--diff"])
    assert result.code == 0, result.err
    assert commented.read_bytes() == original
    assert result.out.startswith(f"--- {commented}\n+++ {commented}\n@@ ")
    assert "-        horizon: nu            # komt uit het Nederlandse rapport\n" in result.out
    assert "+        horizon: now            # komt uit het Nederlandse rapport\n" in result.out


def test_an_error_it_cannot_fix_remains_and_exits_1(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text(
        "version: 1\ntitle: T\nstages:\n  - name: S\n    colour: red\n"
        "    actions:\n      - action: A\n        horizon: nu\n"
    )
    result = cli(["fix", path])
    assert result.code == 1
    assert "horizon: now" in path.read_text()
    assert f"{path}:5:5: E003 stages[0].colour: unknown key 'colour'" in result.out
    assert "1 fixed, 1 error remains" in result.out


def test_an_unfixable_value_is_left_alone(cli, tmp_path: Path) -> None:
    text = (
        "version: 1\ntitle: T\nx-plan: &plan nu\nstages:\n  - name: S\n"
        "    actions:\n      - action: A\n        horizon: *plan\n"
    )
    path = tmp_path / "m.journey.yaml"
    path.write_text(text)
    result = cli(["fix", path])
    assert result.code == 1
    assert path.read_text() == text
    assert "'nu' is the Dutch label; write now" in result.out


def test_a_flag_is_not_quoted(cli, tmp_path: Path) -> None:
    text = (
        "version: 1\ntitle: T\nstages:\n  - name: S\n"
        "    touchpoints:\n      - name: P\n        critical: yes\n"
    )
    path = tmp_path / "m.journey.yaml"
    path.write_text(text)
    result = cli(["fix", path])
    assert result.code == 1
    assert path.read_text() == text
    assert "only true and false" in result.out


def test_fix_of_a_clean_map_exits_0_and_writes_nothing(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text("version: 1\ntitle: T\nstages:\n  - name: S\n")
    mtime = path.stat().st_mtime_ns
    result = cli(["fix", path])
    assert result.code == 0
    assert path.stat().st_mtime_ns == mtime


def test_fix_keeps_the_file_mode_and_writes_through_a_symlink(
    cli, commented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(commented.parent)  # a link out of the working tree is refused (security.md)
    commented.chmod(0o640)
    link = commented.with_name("link.journey.yaml")
    link.symlink_to(commented.name)
    result = cli(["fix", link])
    assert result.code == 0, result.err
    assert link.is_symlink()
    assert "horizon: now" in commented.read_text()
    assert commented.stat().st_mode & 0o777 == 0o640


def test_fix_reads_stdin_and_prints_the_fixed_map(cli) -> None:
    result = cli(["fix", "-"], stdin=COMMENTED.read_bytes())
    assert result.code == 0, result.err
    assert "        horizon: now            # komt uit het Nederlandse rapport\n" in result.out
    assert result.out.startswith("# yaml-language-server")


def test_fix_walks_directories_like_lint(cli, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(COMMENTED, tmp_path / "sub" / "a.journey.yaml")
    (tmp_path / "notes.yaml").write_text("horizon: nu\n")
    result = cli(["fix", tmp_path])
    assert result.code == 0, result.err
    assert "horizon: now" in (tmp_path / "sub" / "a.journey.yaml").read_text()
    assert (tmp_path / "notes.yaml").read_text() == "horizon: nu\n"


def test_usage_errors_exit_2(cli, tmp_path: Path) -> None:
    assert cli(["fix", tmp_path / "missing.journey.yaml"]).code == 2
    assert cli(["fix", tmp_path]).code == 2  # no maps there


def test_invalid_yaml_is_reported_not_fixed(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text("version: 1\ntitle: [unclosed\n")
    result = cli(["fix", path])
    assert result.code == 1
    assert "E001" in result.out
    assert path.read_text() == "version: 1\ntitle: [unclosed\n"


def test_opportunities_written_as_text_or_as_a_mapping_are_fixed(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text(
        "version: 1\ntitle: T\nstages:\n  - name: S\n    opportunities:\n"
        "      - no\n      - {text: Sneller, impact: hoog, effort: Laag}  # uit de workshop\n"
    )
    result = cli(["fix", path])
    assert result.code == 0, result.out
    assert path.read_text().endswith(
        "      - 'no'\n      - {text: Sneller, impact: high, effort: low}  # uit de workshop\n"
    )
