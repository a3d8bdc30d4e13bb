"""The diff's output formats: Markdown passes markdownlint, JSON matches its schema,
text is plain and stable when piped and coloured only when asked."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from checkers import markdownlint
from conftest import EXAMPLES, ROOT, journey_process
from test_diff import AFTER, BASE, variant

SCHEMA = json.loads((ROOT / "docs" / "diff.schema.json").read_text(encoding="utf-8"))
HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"
NASTY_EDITS = (
    ("title: Meal kit", "title: 'Kit | <script>alert(1)</script> *now*'"),
    ("    name: Orientation\n", "    name: 'Orient_ation | [x](http://e.com) `c`'\n"),
    ("        name: Price page\n", "        name: '<b>Price</b> & page'\n"),
    ("        experience: 2\n", "        experience: 5\n"),
    ("    presence: 30\n", "    presence: 60\n"),
)


MARKDOWNLINT = markdownlint()
needs_markdownlint = pytest.mark.skipif(
    MARKDOWNLINT is None or shutil.which("node") is None,
    reason="markdownlint-cli2 (npm) or node is not installed; run .ci/system-deps.sh",
)


def lint_markdown(
    tmp_path: Path, text: str, long_table_rows: bool = False
) -> subprocess.CompletedProcess[str]:
    """markdownlint's DEFAULT rules (line length included), no project config.

    `long_table_rows`: a table row cannot be wrapped, so with very long map
    names only table rows may pass 80 columns (MD013 `tables: false`).
    """
    assert MARKDOWNLINT is not None
    extra = ', "MD013": {"tables": false}' if long_table_rows else ""
    config = f'{{"config": {{"default": true{extra}}}}}'
    (tmp_path / "default.markdownlint-cli2.jsonc").write_text(config)
    (tmp_path / "diff.md").write_text(text, encoding="utf-8")
    return subprocess.run(
        [MARKDOWNLINT, "--config", "default.markdownlint-cli2.jsonc", "diff.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def pairs(tmp_path: Path) -> dict[str, list[str]]:
    nasty = variant(tmp_path, *NASTY_EDITS, name="nasty.journey.yaml")
    return {
        "fixture": [str(BASE), str(AFTER)],
        "fixture-persona": [str(BASE), str(AFTER), "--persona", "student"],
        "nasty": [str(BASE), str(nasty)],
        "no-changes": [str(BASE), str(BASE)],
        "hypotheek-self": [str(HYPOTHEEK), str(HYPOTHEEK)],
    }


@pytest.mark.slow
@needs_markdownlint
@pytest.mark.parametrize("case", ["fixture", "fixture-persona", "nasty", "no-changes"])
def test_markdown_passes_markdownlint_default_rules(cli: Any, tmp_path: Path, case: str) -> None:
    result = cli(["diff", *pairs(tmp_path)[case], "--format", "md"])
    assert result.code == 0, result.err
    lint = lint_markdown(tmp_path, result.out, long_table_rows=case == "nasty")
    assert lint.returncode == 0, lint.stdout + lint.stderr


@pytest.mark.slow
@needs_markdownlint
def test_markdown_of_unrelated_examples_passes_markdownlint(cli: Any, tmp_path: Path) -> None:
    result = cli(["diff", MEAL_KIT, HYPOTHEEK, "--format", "md"])
    lint = lint_markdown(tmp_path, result.out)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_markdown_content(cli: Any) -> None:
    out = cli(["diff", BASE, AFTER, "--format", "md"]).out
    assert out.startswith("# Journey map changes: Meal kit box\n\n")
    assert "| Stage | Relevance | Presence | Gap | Confidence | Conversion |\n" in out
    assert "| Orientation phase | 80 | 30 → 55 | 50 → 25 | measured | 50% |\n" in out
    assert "| Stage | Reach | Lost | Value at stake (EUR) |\n" in out
    assert "- Stage `delivery`: Delivery\n" in out
    assert "- Action `price-table`: status doing → done\n" in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_markdown_escapes_map_text(cli: Any, tmp_path: Path) -> None:
    out = cli(["diff", *pairs(tmp_path)["nasty"], "--format", "md"]).out
    assert "<script>" not in out and "<b>" not in out
    assert "\\<script\\>" in out
    # the one Markdown escaper (core/markdown.py), as in the report: no link syntax
    # survives, and a bare URL becomes an autolink (markdownlint MD034)
    assert "Orient\\_ation \\| \\[x\\](<http://e.com>) \\`c\\`" in out
    assert "\\<b\\>Price\\</b\\> & page" in out


def test_json_matches_the_documented_schema(cli: Any, tmp_path: Path) -> None:
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    Draft202012Validator.check_schema(SCHEMA)
    cases = pairs(tmp_path)
    cases["examples"] = [str(MEAL_KIT), str(HYPOTHEEK)]
    for name, args in cases.items():
        result = cli(["diff", *args, "--format", "json"])
        data = json.loads(result.out)
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], name


def test_json_is_utf8_and_has_every_key(cli: Any) -> None:
    out = cli(["diff", HYPOTHEEK, HYPOTHEEK, "--format", "json"]).out
    assert "\\u" not in out
    assert list(json.loads(out)) == SCHEMA["$defs"]["file_diff"]["required"]


@pytest.mark.slow
def test_text_is_plain_and_identical_when_piped() -> None:
    first = journey_process(["diff", BASE, AFTER], env={"TERM": "xterm-256color"})
    second = journey_process(["diff", BASE, AFTER])
    assert first.code == 0
    assert "\x1b[" not in first.out
    assert first.out == second.out


@pytest.mark.slow
def test_text_is_coloured_when_forced_and_plain_with_no_color() -> None:
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    coloured = journey_process(["diff", BASE, AFTER], env={**env, "NO_COLOR": ""})
    assert "\x1b[" in coloured.out
    plain = journey_process(["diff", BASE, AFTER], env={**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain.out
    assert plain.out == journey_process(["diff", BASE, AFTER]).out


def test_output_file_is_written_and_replaced(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "diff.md"
    target.write_text("old content")
    result = cli(["diff", BASE, AFTER, "--format", "md", "--output", target])
    assert result.code == 0 and result.out == ""
    assert target.read_text(encoding="utf-8") == cli(["diff", BASE, AFTER, "-f", "md"]).out
    text_file = tmp_path / "diff.txt"
    cli(["diff", BASE, AFTER, "--output", text_file])
    assert "\x1b[" not in text_file.read_text(encoding="utf-8")
    missing_dir = cli(["diff", BASE, AFTER, "--output", tmp_path / "nope" / "x.md"])
    assert missing_dir.code == 2


def test_help_has_examples(cli: Any) -> None:
    for command in ("diff", "history", "summary"):
        result = cli([command, "--help"])
        assert result.code == 0
        assert result.out.count(f"journey {command}") + result.out.count("git config") >= 2
