"""The report formats agree: the same empty states, labels and words for the same map.

Found in a QA pass as a user: each format was right on its own, but the
terminal and Markdown reports put "No opportunities yet." in a bullet list
while "No open actions yet." stood as a sentence, Markdown showed an action
without an owner as `–` where the terminal and HTML said "no owner", and the
HTML report wrote "(Gap 100)" where the others write "(gap 100)".
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

MAP = """\
version: 1
title: Edge
language: {lang}
stages:
  - name: Bare
    relevance: 90
    presence: 10
  - name: Planned
    relevance: 80
    presence: 20
    opportunities: [Try something]
    actions:
      - action: Nobody owns this
        channel: web
"""

EMPTY = {
    "en": ("No opportunities yet.", "No open actions yet.", "no owner", "gap"),
    "nl": ("Nog geen kansen.", "Nog geen open acties.", "geen eigenaar", "gap"),
}


def _write(tmp_path: Path, lang: str) -> Path:
    path = tmp_path / f"edge-{lang}.journey.yaml"
    path.write_text(MAP.format(lang=lang), encoding="utf-8")
    return path


def _html_text(page: str) -> str:
    page = re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_empty_focus_lists_are_sentences_in_terminal_and_markdown(
    cli, tmp_path: Path, lang: str
) -> None:
    path = _write(tmp_path, lang)
    no_opportunities, no_actions, _, _ = EMPTY[lang]
    terminal = cli(["report", path]).out
    markdown = cli(["report", path, "--format", "md"]).out
    for text in (terminal, markdown):
        lines = [line.strip("│ ") for line in text.splitlines()]
        assert no_opportunities in lines, text
        assert no_actions in lines, text
    assert f"• {no_opportunities}" not in terminal
    assert f"- {no_opportunities}" not in markdown


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_action_without_owner_reads_the_same_in_every_format(
    cli, tmp_path: Path, lang: str
) -> None:
    path = _write(tmp_path, lang)
    no_owner = EMPTY[lang][2]
    terminal = cli(["report", path]).out
    markdown = cli(["report", path, "--format", "md"]).out
    page = _html_text(cli(["report", path, "--format", "html"]).out)
    assert no_owner in terminal
    assert no_owner in page
    rows = [line for line in markdown.splitlines() if "Nobody owns this" in line]
    assert len(rows) == 2  # the focus table and the roadmap
    assert all(f"| {no_owner} |" in row for row in rows), rows


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_gaps_without_plan_write_gap_the_same_way_in_every_format(
    cli, tmp_path: Path, lang: str
) -> None:
    path = _write(tmp_path, lang)
    terminal = cli(["report", path]).out
    markdown = cli(["report", path, "--format", "md"]).out
    page = _html_text(cli(["report", path, "--format", "html"]).out)
    for text in (terminal, markdown, page):
        assert "Bare (gap 80)" in text, text
        assert "(Gap 80)" not in text
