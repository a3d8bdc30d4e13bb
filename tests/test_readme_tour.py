"""The README's 60-second tour is a real run: new -> edit -> lint -> report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, journey_process

README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_block(command: str) -> list[str]:
    """The output lines shown under `$ COMMAND` in the README (up to the next `$` or fence)."""
    match = re.search(rf"^\$ {re.escape(command)}\n(.*?)^(?:\$ |```)", README, re.M | re.S)
    assert match, f"the README shows no run of `{command}`"
    return match.group(1).splitlines()


@pytest.mark.slow
def test_scaffold_edit_lint_report_loop_matches_the_readme(tmp_path: Path) -> None:
    created = journey_process(["new", "onboarding"], cwd=tmp_path)
    assert created.code == 0
    # messages go to stderr (stdout is for `journey new -`); a terminal shows both
    assert (created.out + created.err).splitlines() == console_block("journey new onboarding")

    scaffold = tmp_path / "onboarding.journey.yaml"
    before = journey_process(["lint", scaffold.name], cwd=tmp_path)
    assert before.code == 0
    shown = console_block("journey lint onboarding.journey.yaml")
    assert before.out.splitlines()[:2] == shown[:2]
    assert before.out.splitlines()[-1] == shown[-1]

    text = scaffold.read_text(encoding="utf-8")
    text = text.replace("    relevance:  #", "    relevance: 70  #", 1)
    text = text.replace("    presence:  #", "    presence: 25  #", 1)
    scaffold.write_text(text, encoding="utf-8")

    report = journey_process(["report", scaffold.name], cwd=tmp_path)
    assert report.code == 0
    lines = report.out.splitlines()
    shown = console_block("journey report onboarding.journey.yaml")
    cut = shown.index("...")
    assert lines[:cut] == shown[:cut]
    tail = shown[cut + 1 :]
    start = lines.index(tail[0])
    assert lines[start : start + len(tail)] == tail
