"""`journey history --by evidence-date`, and the history page's small multiples in Chromium.

A busy week of commits all carry the same commit date; the history places
each version at its newest evidence date instead. The HTML page draws one
small chart per stage on one scale; at nine stages (with long Dutch names)
Chromium must show nine charts whose texts neither overlap nor get cut.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checkers import CHROMIUM
from test_diff_git import commit, edit, init_repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

NAMES = [
    "Behoefte",
    "Oriëntatie op financieringsmogelijkheden",
    "Overweging",
    "Beslismoment",
    "Aankoop",
    "Levering",
    "Gebruik",
    "Loyaliteit",
    "Ambassadeurschap en doorverwijzing",
]
BUSY_WEEK = "2026-11-30T10:00:00+00:00"  # every commit on the same day


def nine_stages(presence: int, date: str) -> str:
    lines = ["version: 1", "title: Hypotheek in negen fasen", "language: nl", "stages:"]
    for number, name in enumerate(NAMES):
        lines += [
            f"  - name: {name}",
            f"    relevance: {90 - number * 5}",
            f"    presence: {presence + number * 3}",
            "    evidence:",
            "      - type: survey",
            "        source: Klantpanel",
            f"        date: {date}",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four commits on one day; measured on 2026-01-10, 2026-06-01, 2026-11-15 (a typo fix
    in between keeps the June measurement)."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = init_repo(tmp_path / "repo")
    monkeypatch.chdir(root)  # git runs in the working directory's repository
    path = root / "negen.journey.yaml"
    path.write_text(nine_stages(20, "2026-01-10"), encoding="utf-8")
    commit(root, "Eerste meting", BUSY_WEEK)
    path.write_text(nine_stages(35, "2026-06-01"), encoding="utf-8")
    commit(root, "Tweede meting", BUSY_WEEK)
    edit(path, "title: Hypotheek in negen fasen", "title: Hypotheek afsluiten in negen fasen")
    commit(root, "Titel", BUSY_WEEK)
    path.write_text(
        nine_stages(50, "2026-11-15").replace("in negen", "afsluiten in negen"), encoding="utf-8"
    )
    commit(root, "Derde meting", BUSY_WEEK)
    return root


def test_by_evidence_date_places_each_version_at_its_newest_evidence(cli: Any, repo: Path) -> None:
    path = repo / "negen.journey.yaml"
    by_commit = json.loads(cli(["history", path, "--format", "json"]).out)
    assert [c["at"] for c in by_commit["commits"]] == [BUSY_WEEK[:10]] * 4
    result = cli(["history", path, "--format", "json", "--by", "evidence-date"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["by"] == "evidence-date"
    assert [c["at"] for c in data["commits"]] == [
        "2026-01-10",
        "2026-06-01",
        "2026-06-01",
        "2026-11-15",
    ]
    assert [c["date"] for c in data["commits"]] == [BUSY_WEEK[:10]] * 4  # kept as well
    md = cli(["history", path, "--format", "md", "--by", "evidence-date"]).out
    assert "| # | Commit | Evidence date | Subject | Status |" in md
    assert "each at its newest evidence date" in " ".join(md.split())


def test_by_rejects_an_unknown_value(cli: Any, repo: Path) -> None:
    result = cli(["history", repo / "negen.journey.yaml", "--by", "author-date"])
    assert result.code == 2


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


# For every chart: its svg box, the boxes of its texts, its caption's box and overflow.
MEASURE = """() => [...document.querySelectorAll('figure.stage-chart')].map(figure => {
  const box = e => { const r = e.getBoundingClientRect();
                     return [r.left, r.top, r.right, r.bottom]; };
  const caption = figure.querySelector('figcaption');
  return {
    figure: box(figure),
    svg: box(figure.querySelector('svg')),
    caption: box(caption),
    captionOverflow: caption.scrollWidth > caption.clientWidth,
    texts: [...figure.querySelectorAll('svg text')].map(t => [t.textContent, box(t)]),
  };
})"""


def overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def inside(inner: list[float], outer: list[float]) -> bool:
    return (
        inner[0] >= outer[0] - 0.5
        and inner[1] >= outer[1] - 0.5
        and inner[2] <= outer[2] + 0.5
        and inner[3] <= outer[3] + 0.5
    )


@pytest.mark.slow
@pytest.mark.parametrize("width", [1440, 1024])
def test_nine_small_charts_without_overlapping_or_clipped_text(
    cli: Any, repo: Path, tmp_path: Path, browser: Any, width: int
) -> None:
    """Must show 4: nine charts; no text overlaps another; no label leaves its chart."""
    page_file = tmp_path / "history.html"
    result = cli(
        [
            "history",
            repo / "negen.journey.yaml",
            "--by",
            "evidence-date",
            "--format",
            "html",
            "--output",
            page_file,
        ]
    )
    assert result.code == 0, result.err
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        charts = page.evaluate(MEASURE)
        scroll = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        page.screenshot(path=str(tmp_path / f"history-{width}.png"), full_page=True)
    finally:
        context.close()
    assert len(charts) == 9
    assert scroll <= 0, "the page scrolls sideways"
    for chart in charts:
        texts = chart["texts"]
        assert [t for t, _ in texts][-2:] == ["2026-01-10", "2026-11-15"]  # first, last only
        for label, rect in texts:
            assert inside(rect, chart["svg"]), f"label {label!r} is cut off"
        for index, (label, rect) in enumerate(texts):
            for other, other_rect in texts[index + 1 :]:
                assert not overlaps(rect, other_rect), f"{label!r} overlaps {other!r}"
        assert not overlaps(chart["caption"], chart["svg"]), "the stage name covers its chart"
        assert not chart["captionOverflow"], "the stage name is cut off"
        assert inside(chart["svg"], chart["figure"]), "the chart leaves its box"
    for index, chart in enumerate(charts):
        for other in charts[index + 1 :]:
            assert not overlaps(chart["figure"], other["figure"]), "two charts overlap"
