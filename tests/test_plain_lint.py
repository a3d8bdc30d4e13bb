"""`journey lint PATH...` with no option skips Typer and behaves exactly as with Typer.

pre-commit and editors run this form on one map at a time, where Typer's
start-up (it parses through Pydantic) is a tenth of the run
(docs/performance.md, "One map"). The proof that nothing changes for the
user: every case below gives the same exit code, output and errors as the
same command with `--format text` (the default, spelled out), which Typer parses.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, journey_process
from journeycli.cli.lint_run import plain_lint_paths

CLEAN = """\
version: 1
title: Schoon
language: nl
stages:
  - name: Oriëntatie
    relevance: 80
    presence: 70
"""

WARNS = """\
version: 1
title: Warnings
stages:
  - name: Research
    relevance: 90
    presence: 20
"""

BROKEN = """\
version: 1
title: Broken
stages:
  - name: Research
    relevance: 160
"""


@pytest.mark.parametrize(
    ("argv", "paths"),
    [
        (["lint"], []),
        (["lint", "a.journey.yaml"], ["a.journey.yaml"]),
        (["lint", "maps/", "b.yml"], ["maps/", "b.yml"]),
        (["lint", "-"], None),  # standard input: Typer's way
        (["lint", "--strict", "a"], None),
        (["lint", "a", "-f", "json"], None),
        (["lint", "--", "a"], None),
        (["lint", "--help"], None),
        (["report", "a"], None),
        ([], None),
    ],
)
def test_only_paths_and_nothing_else_take_the_plain_path(
    argv: list[str], paths: list[str] | None
) -> None:
    assert plain_lint_paths(argv) == paths


def test_completion_always_reaches_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_JOURNEY_COMPLETE", "complete_bash")
    assert plain_lint_paths(["lint", "a"]) is None


def _cases(root: Path) -> list[list[str]]:
    (root / "clean.journey.yaml").write_text(CLEAN, encoding="utf-8")
    (root / "warns.journey.yaml").write_text(WARNS, encoding="utf-8")
    (root / "broken.journey.yaml").write_text(BROKEN, encoding="utf-8")
    configured = root / "configured"
    configured.mkdir()
    (configured / ".journey.toml").write_text("gap-threshold = 5\nstrict = true\n")
    (configured / "warns.journey.yaml").write_text(WARNS, encoding="utf-8")
    return [
        ["clean.journey.yaml"],
        ["warns.journey.yaml"],
        ["broken.journey.yaml", "clean.journey.yaml"],
        ["."],
        [],
        ["missing.journey.yaml"],
        [str(EXAMPLES)],
    ]


def test_same_result_as_through_typer(tmp_path: Path) -> None:
    for paths in _cases(tmp_path):
        plain = journey_process(["lint", *paths], cwd=tmp_path)
        typer = journey_process(["lint", "--format", "text", *paths], cwd=tmp_path)
        assert (plain.code, plain.out, plain.err) == (typer.code, typer.out, typer.err), paths
    # the configuration is read on the plain path too: strict, and threshold 5 in the message
    configured = tmp_path / "configured"
    plain = journey_process(["lint", "warns.journey.yaml"], cwd=configured)
    typer = journey_process(["lint", "--format", "text", "warns.journey.yaml"], cwd=configured)
    assert (plain.code, plain.out) == (typer.code, typer.out)
    assert plain.code == 1 and "(threshold 5)" in plain.out


def test_the_plain_path_imports_no_typer_and_version_neither() -> None:
    example = str(EXAMPLES / "hypotheek.journey.yaml")
    for argv, typer_expected in (
        (["lint", example], False),
        (["--version"], False),
        (["lint", "--strict", example], True),
    ):
        code = (
            "import sys; from journeycli.cli import run; "
            f"code = run({argv!r}); "
            "print(code, any(m.split('.')[0] in ('typer', 'click') for m in sys.modules))"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines()[-1] == f"0 {typer_expected}", argv
