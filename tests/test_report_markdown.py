"""The Markdown report passes markdownlint (markdownlint-cli2 from npm), and map text is escaped.

CI installs markdownlint-cli2 into .ci/node (see .ci/system-deps.sh); on a
developer machine it is also found on PATH or under $VALTOOLS/node. The
configuration is docs/report.markdownlint-cli2.jsonc: markdownlint's default
rules with MD013 (line length) off, for the reason written in that file.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from checkers import markdownlint
from conftest import DATA, EXAMPLES, ROOT, example_maps

CONFIG = ROOT / "docs" / "report.markdownlint-cli2.jsonc"

NASTY = """\
version: 1
title: 'Pipes | stars * and #hashes.'
description: |
  1. starts like a list
  - and has a second line with <script>alert(1)</script> and `code`
  See https://example.com/path_(x)?a=1&b=2. Mail help@example.com or &amp; entity.
language: en
metrics: {volume: 1000, value: 12.5, currency: USD}
goal: {why: '**bold** claim', what: '[link](https://example.com)'}
principles: ['> quoted', '# heading-like', '+ plus']
personas:
  - {id: p, name: 'Persona _under_ [x]'}
stages:
  - name: 'A | B'
    id: a-b
    relevance: 90
    presence: 10
    conversion: 50
    customer_goal: "Tabs\\there and ~~strike~~"
    opportunities: ['*star* opportunity', 'trailing backslash \\\\']
    touchpoints:
      - {id: t1, name: '<b>Bold</b> touch', critical: true, experience: 1, channel: 'web|app'}
    actions:
      - {action: 'Fix | the *thing*', channel: 'web|app', owner: 'a_b', touchpoint: t1}
      - {action: 'No channel', owner: team}
  - name: 'Ends with a colon:'
    relevance: 80
    presence: 20
  - name: Unscored
    relevance: 50
"""


MARKDOWNLINT = markdownlint()
needs_markdownlint = pytest.mark.skipif(
    MARKDOWNLINT is None or shutil.which("node") is None,
    reason="markdownlint-cli2 (npm) or node is not installed; "
    "run .ci/system-deps.sh to install it into .ci/node",
)


def lint_markdown(path: Path) -> subprocess.CompletedProcess[str]:
    assert MARKDOWNLINT is not None
    return subprocess.run(
        [MARKDOWNLINT, "--config", str(CONFIG), path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )


def nasty_map(tmp_path: Path) -> Path:
    path = tmp_path / "nasty.journey.yaml"
    path.write_text(NASTY, encoding="utf-8")
    return path


REPORTS = {
    **{path.name: [path] for path in example_maps()},
    "examples": [EXAMPLES],
    "hypotheek-starter-en": [EXAMPLES / "hypotheek.journey.yaml", "-p", "starter", "--lang", "en"],
    "engine-ties": [DATA / "engine-ties.journey.yaml", "--top", "5"],
    "engine-both": [DATA / "engine-ties.journey.yaml", DATA / "engine-plain.journey.yaml"],
}


def same_title_twice(tmp_path: Path) -> list[Path]:
    """Two maps with one title: headings fall back to the paths to stay unique (MD024)."""
    copies = [tmp_path / "a.journey.yaml", tmp_path / "b.journey.yaml"]
    for copy in copies:
        copy.write_bytes((EXAMPLES / "meal-kit.journey.yaml").read_bytes())
    return copies


@pytest.mark.slow
@needs_markdownlint
@pytest.mark.parametrize("name", [*REPORTS, "nasty", "same-title-twice"])
def test_markdown_report_passes_markdownlint(cli, tmp_path: Path, name: str) -> None:
    extra = {"nasty": [nasty_map(tmp_path)], "same-title-twice": same_title_twice(tmp_path)}
    args = REPORTS.get(name) or extra[name]
    out = tmp_path / "report.md"
    result = cli(["report", *args, "-o", out])
    assert result.code == 0, result.err
    linted = lint_markdown(out)
    assert linted.returncode == 0, linted.stdout + linted.stderr


def test_markdownlint_config_keeps_the_default_rules() -> None:
    text = CONFIG.read_text(encoding="utf-8")
    assert '"default": true' in text
    assert '"MD013": false' in text


def test_map_text_is_escaped(cli, tmp_path: Path) -> None:
    result = cli(["report", nasty_map(tmp_path), "-f", "md"])
    assert result.code == 0, result.err
    md = result.out
    assert md.startswith("# Pipes \\| stars \\* and \\#hashes\n")  # no trailing '.' (MD026)
    assert "1\\. starts like a list" in md
    assert "&lt;" not in md and "\\<script\\>" in md
    assert "<https://example.com/path_(x)?a=1&b=2>." in md
    assert "<help@example.com>" in md
    assert "\\&amp; entity" in md
    assert "| 1 | A \\| B |" in md
    assert "| web\\|app | Fix \\| the \\*thing\\* | a\\_b |" in md
    assert "Tabs here and \\~\\~strike\\~\\~" in md
    assert "- \\*star\\* opportunity" in md
    assert "trailing backslash \\\\" in md
    assert "1. \\> quoted" in md and "2. \\# heading-like" in md and "3. \\+ plus" in md
    assert "| (no channel) | No channel | team |" in md
    assert "| $6,250 |" in md  # 1000 x 50% lost x 12.5 USD, in whole dollars
    assert "### 2. Ends with a colon (gap 60)" in md
    assert "- Unscored: relevance 50, presence –" in md


def test_several_maps_with_the_same_title_get_unique_headings(cli, tmp_path: Path) -> None:
    md = cli(["report", *same_title_twice(tmp_path), "-f", "md"]).out
    assert "a.journey.yaml" in md and "b.journey.yaml" in md
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert len(headings) == len(set(headings))
