"""Every error names the file (with line and column where there is one) and what to do.

An audit of the commands' error paths: each case is a real failure through
the real CLI, and the message on stderr (or the lint output) must be one
line, start with the file it is about, and carry advice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
ADVICE = (
    "use ",
    "raise ",
    "remove ",
    "run ",
    "name ",
    "create ",
    "check ",
    "quote ",
    "save ",
    "did you mean",
    "choose ",
    "keys of your own",
    "fill in",
    "expected ",
    "must ",
    "free ",
    "write ",
    "keep one map",
    "a number ",
)


def _cases(tmp: Path) -> list[tuple[list[Any], str]]:
    bad = tmp / "bad.journey.yaml"
    bad.write_text("version: 1\ntitle: T\nstages:\n  - name: S\n    relevance: 120\n")
    binary = tmp / "bin.journey.yaml"
    binary.write_bytes(b"version: 1\ntitle: \xff\n")
    two = tmp / "two.journey.yaml"
    two.write_text("version: 1\n---\nversion: 1\n")
    csv_file = tmp / "bad.csv"
    csv_file.write_text("stage_name,relevance\nSearch,lots\n")
    mmd = tmp / "bad.mmd"
    mmd.write_text("journey\nsection A\n  Task: nine: Me\n")
    template = tmp / "t.md.j2"
    template.write_text("{{ title }\n")
    existing = tmp / "exists.journey.yaml"
    existing.write_text("x")
    return [
        (["lint", bad], f"{bad}:5:16:"),
        (["report", bad], f"{bad}:5:16:"),
        (["export", bad, "--to", "csv"], f"{bad}:5:16:"),
        (["diff", bad, HYPOTHEEK], f"{bad}:5:16:"),
        (["lint", binary], f"{binary}:2:8:"),
        (["lint", two], f"{two}:2:1:"),
        (["lint", tmp / "missing.journey.yaml"], f"journey: error: {tmp / 'missing.journey.yaml'}"),
        (
            ["report", tmp / "missing.journey.yaml"],
            f"journey: error: {tmp / 'missing.journey.yaml'}",
        ),
        (["import", csv_file], f"journey: error: {csv_file}: row 2"),
        (["import", mmd], f"journey: error: {mmd}:3"),
        (["report", HYPOTHEEK, "--template", template], f"journey: error: {template}:1"),
        (["new", existing], f"journey: error: {existing}"),
        (["report", HYPOTHEEK, "-o", tmp / "no" / "r.md"], f"journey: error: {tmp / 'no'}"),
        (["export", HYPOTHEEK, "-o", tmp], f"journey: error: {tmp}"),
        (["lint", HYPOTHEEK, "--max-file-size", "10"], f"{HYPOTHEEK}:1:1: E006"),
    ]


def test_error_messages_name_the_file_and_say_what_to_do(cli: Any, tmp_path: Path) -> None:
    failures = []
    for args, expected in _cases(tmp_path):
        result = cli(args)
        text = result.err + result.out
        first = next((line for line in text.splitlines() if line.strip()), "")
        ok = (
            result.code in (1, 2)
            and expected in first
            and any(word in first.lower() for word in ADVICE)
        )
        if not ok:
            failures.append(f"{' '.join(map(str, args))}\n    -> exit {result.code}: {first!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", ["a\nb.journey.yaml", "a\x1b[2Jb.journey.yaml"])
def test_file_names_with_control_characters_stay_on_one_line(
    cli: Any, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text("version: 1\n")
    result = cli(["lint", path])
    problem_lines = [line for line in result.out.splitlines() if "E003" in line]
    assert problem_lines and all(line.startswith(str(tmp_path)) for line in problem_lines)
    assert "\x1b" not in result.out
    missing = cli(["report", tmp_path / ("x" + name)])
    assert missing.code == 2 and len(missing.err.strip().splitlines()) == 1
    assert "\x1b" not in missing.err
