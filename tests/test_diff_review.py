"""A diff a reviewer can approve from (docs/diff.md): evidence with its text, lint problems
introduced and fixed, the funnel headline, the new gates, Dutch maps, directories.

The Dutch golden files under tests/golden/diff/ were reviewed by eye; after an
intended change regenerate them with `JOURNEY_UPDATE_GOLDEN=1 pytest
tests/test_diff_review.py` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import DATA, ROOT, journey_process
from test_diff import BASE
from test_diff_formats import lint_markdown, needs_markdownlint

GOLDEN = Path(__file__).resolve().parent / "golden" / "diff"
UPDATE = os.environ.get("JOURNEY_UPDATE_GOLDEN") == "1"
SCHEMA = json.loads((ROOT / "docs" / "diff.schema.json").read_text(encoding="utf-8"))
VOOR = DATA / "diff" / "hypotheek-voor.journey.yaml"
NA = DATA / "diff" / "hypotheek-na.journey.yaml"

# A small map: a funnel (1,000 a month, EUR 200), a surveyed stage, an open action.
MAP = """\
version: 1
title: Fietsabonnement
language: {lang}
metrics: {{volume: 1000, value: 200, period: month}}
stages:
  - id: orientation
    name: Orientation
    relevance: 80
    presence: 60
    conversion: 50
    evidence:
      - type: survey
        source: Customer panel
        date: 2026-03-20
    actions:
      - id: price-page
        action: Clearer price page
        channel: website
        owner: web-team
        horizon: now
      - id: chat
        action: Answer questions in a chat
        channel: website
        owner: service-team
        horizon: next
  - id: trial
    name: Trial ride
    relevance: 70
    presence: 50
    conversion: 40
    evidence:
      - type: analytics
        source: Booking funnel
        date: 2026-10-01
  - id: use
    name: Use
    relevance: 50
    presence: 50
    evidence:
      - type: analytics
        source: App usage
        date: 2026-10-01
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "cx@example.com")
    git(tmp_path, "config", "user.name", "CX team")
    git(tmp_path, "config", "commit.gpgsign", "false")
    return tmp_path


def remeasured(text: str, *, chat: str) -> str:
    """The re-measurement of the issue: new evidence and presence for Orientation, a
    conversion that rises, an owner gone from an open action, and `chat` done to the
    open chat action ("delete" or a new status)."""
    edits = [
        ("    presence: 60\n    conversion: 50\n", "    presence: 55\n    conversion: 60\n"),
        (
            "        source: Customer panel\n        date: 2026-03-20\n",
            "        source: Customer panel\n        date: 2026-11-15\n"
            "      - type: interview\n        source: Twelve interviews at the dealer\n",
        ),
        ("        owner: web-team\n", ""),
    ]
    chat_block = (
        "      - id: chat\n        action: Answer questions in a chat\n        channel: website\n"
        "        owner: service-team\n        horizon: next\n"
    )
    if chat == "delete":
        edits.append((chat_block, ""))
    else:
        edits.append((chat_block, chat_block + f"        status: {chat}\n"))
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.mark.slow
def test_git_history_remeasurement_through_the_real_cli(repo: Path) -> None:
    """Must show 1: evidence texts, W104 introduced, the funnel headline, both gates by name."""
    path = repo / "fiets.journey.yaml"
    path.write_text(MAP.format(lang="en"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "First measurement")
    path.write_text(remeasured(MAP.format(lang="en"), chat="delete"), encoding="utf-8")
    git(repo, "commit", "-qam", "Re-measured orientation")

    result = journey_process(["diff", path.name, "--rev", "HEAD~1", "--format", "json"], cwd=repo)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    jsonschema.validate(data, SCHEMA)
    assert data["evidence"] == [
        {
            "stage": "orientation",
            "stage_name": "Orientation",
            "kind": "added",
            "old": None,
            "new": {
                "type": "interview",
                "source": "Twelve interviews at the dealer",
                "date": None,
                "n": None,
                "margin": None,
            },
        },
        {
            "stage": "orientation",
            "stage_name": "Orientation",
            "kind": "changed",
            "old": {
                "type": "survey",
                "source": "Customer panel",
                "date": "2026-03-20",
                "n": None,
                "margin": None,
            },
            "new": {
                "type": "survey",
                "source": "Customer panel",
                "date": "2026-11-15",
                "n": None,
                "margin": None,
            },
        },
    ]
    [w104] = [p for p in data["lint"]["introduced"] if p["code"] == "W104"]
    assert w104 == {
        "path": "fiets.journey.yaml",
        "line": 18,  # the action's first key, two lines lower after the new evidence
        "column": 9,
        "code": "W104",
        "severity": "warning",
        "message": w104["message"],
    }
    assert "Clearer price page" in w104["message"]
    # completed = 1,000 x 50% x 40% = 200 -> 1,000 x 60% x 40% = 240; value x EUR 200
    assert data["funnel"] == {
        "completed": [200, 240],
        "completed_value": [40000, 48000],
        "currency": "EUR",
        "period": "month",
    }

    text = journey_process(["diff", path.name, "--rev", "HEAD~1"], cwd=repo).out
    assert "Customers completing the journey: 200 → 240 per month (+20%)" in text
    assert "Their value: EUR 40,000 → EUR 48,000 (+20%)" in text
    assert 'Orientation: + interview "Twelve interviews at the dealer"' in text
    assert 'Orientation: survey "Customer panel": 2026-03-20 → 2026-11-15' in text

    gated = journey_process(
        ["diff", path.name, "--rev", "HEAD~1", "--fail-on", "action-removed,presence-drop"],
        cwd=repo,
    )
    assert gated.code == 1
    assert gated.err.splitlines() == [
        "journey: --fail-on presence-drop: Orientation (presence 60 → 55)",
        "journey: --fail-on action-removed: Answer questions in a chat (deleted while todo "
        "in Orientation; set its status to done or dropped instead)",
    ]

    # the same change, with the chat action set to done instead of deleted
    path.write_text(remeasured(MAP.format(lang="en"), chat="done"), encoding="utf-8")
    git(repo, "commit", "-qam", "Chat done, not deleted")
    kept = journey_process(
        ["diff", path.name, "--rev", "HEAD~2", "--fail-on", "action-removed"], cwd=repo
    )
    assert kept.code == 0, kept.err
    assert "chat: status todo → done" in kept.out


def test_score_changes_count_only_stages_whose_own_scores_changed(cli: Any) -> None:
    """A conversion change moves every later stage's reach (and every value at stake, the
    earlier stages' too): those stages are not score changes."""
    data = json.loads(cli(["diff", VOOR, NA, "--format", "json"]).out)
    assert [s["stage"] for s in data["scores"]] == [
        "behoefte",
        "orientatie",
        "advies",
        "aankoop",
        "gebruik",
        "loyaliteit",
    ]
    assert data["score_changes"] == ["orientatie"]
    assert data["summary"]["score_changes"] == 1


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path}; run with JOURNEY_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize(("fmt", "name"), [("text", "hypotheek.txt"), ("md", "hypotheek.md")])
def test_dutch_map_diff_golden(
    cli: Any, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str
) -> None:
    """Must show 2: Dutch labels and Dutch number formats (18.000, € 1.450.000)."""
    monkeypatch.chdir(DATA / "diff")
    result = cli(["diff", VOOR.name, NA.name, "--format", fmt])
    assert result.code == 0, result.err
    check_golden(name, result.out)
    assert "1.236 → 1.390" in result.out  # never 1,236 in a Dutch diff
    assert "€ 1.791.504 → € 2.015.442" in result.out
    assert "aanwezigheid" in result.out.lower() and "presence" not in result.out


def test_english_map_keeps_english_numbers(cli: Any, tmp_path: Path) -> None:
    old = tmp_path / "old.journey.yaml"
    new = tmp_path / "new.journey.yaml"
    old.write_text(MAP.format(lang="en"), encoding="utf-8")
    new.write_text(MAP.format(lang="en").replace("volume: 1000", "volume: 18000"), "utf-8")
    out = cli(["diff", old, new]).out
    assert "Customers completing the journey: 200 → 3,600 per month (+1,700%)" in out
    new.write_text(MAP.format(lang="nl").replace("volume: 1000", "volume: 18000"), "utf-8")
    out = cli(["diff", old, new]).out
    assert "Klanten die de hele reis afleggen: 200 → 3.600 per month (+1.700%)" in out
    assert "~ taal en → nl" in out


@pytest.mark.slow
def test_directory_diff_lists_added_maps_by_file_name(repo: Path) -> None:
    """Must show 3: a directory diff over two maps, one of them added since REV."""
    maps = repo / "maps"
    maps.mkdir()
    (maps / "fiets.journey.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")
    (maps / "gone.journey.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")
    (maps / "notes.txt").write_text("not a map\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Maps")
    (maps / "fiets.journey.yaml").write_text(
        remeasured(MAP.format(lang="en"), chat="done"), encoding="utf-8"
    )
    shutil.copy(BASE, maps / "meal.journey.yaml")
    git(repo, "rm", "-q", "maps/gone.journey.yaml")

    text = journey_process(["diff", "maps", "--rev", "HEAD"], cwd=repo)
    assert text.code == 0, text.err
    lines = text.out.splitlines()
    assert lines[0] == "journey diff maps --rev HEAD: 1 of 1 maps changed, 1 added, 1 removed"
    assert "== maps/fiets.journey.yaml" in lines
    assert lines[-5:] == [
        "Maps added since HEAD",
        '  + maps/meal.journey.yaml "Meal kit"',
        "",
        "Maps removed since HEAD",
        "  - maps/gone.journey.yaml",
    ]

    result = journey_process(["diff", "maps", "--rev", "HEAD", "--format", "json"], cwd=repo)
    data = json.loads(result.out)
    jsonschema.validate(data, SCHEMA)
    assert [m["new"]["label"] for m in data["maps"]] == ["maps/fiets.journey.yaml"]
    assert data["added"][0]["path"] == "maps/meal.journey.yaml"
    assert data["removed"] == [{"path": "maps/gone.journey.yaml"}]

    md = journey_process(["diff", "maps", "--rev", "HEAD", "--format", "md"], cwd=repo).out
    assert md.startswith("# Journey map changes since `HEAD`\n")
    assert "- `maps/meal.journey.yaml`: Meal kit" in md
    assert "## Fietsabonnement (`fiets.journey.yaml`)" in md


@pytest.mark.slow
def test_directory_diff_new_error_names_the_broken_map(repo: Path) -> None:
    """A map broken by the change does not hide the others; new-error names it."""
    maps = repo / "maps"
    maps.mkdir()
    (maps / "a.journey.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")
    (maps / "b.journey.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")
    (maps / "c.journey.yaml").write_text("version: 1\nstages: []\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Maps")
    (maps / "c.journey.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")  # fixed
    broken = MAP.format(lang="en").replace(
        "      - id: chat\n", "      - id: chat\n        touchpoint: ghost\n"
    )
    (maps / "b.journey.yaml").write_text(broken, encoding="utf-8")
    (maps / "a.journey.yaml").write_text(
        MAP.format(lang="en").replace("presence: 60", "presence: 65"), encoding="utf-8"
    )
    result = journey_process(["diff", "maps", "--rev", "HEAD", "--fail-on", "new-error"], cwd=repo)
    assert result.code == 1
    assert "== maps/a.journey.yaml" in result.out  # the other map is still compared
    assert "Maps with lint errors" in result.out
    assert result.out.endswith(
        "Maps whose lint errors at HEAD are fixed\n  ✓ maps/c.journey.yaml\n"
    )
    err = result.err.splitlines()
    assert err[0].startswith("maps/b.journey.yaml:") and " E005 " in err[0]
    assert err[-1].startswith("journey: --fail-on new-error: b.journey.yaml: ")


@needs_markdownlint
def test_dutch_and_directory_markdown_pass_markdownlint(repo: Path, tmp_path: Path) -> None:
    dutch = (GOLDEN / "hypotheek.md").read_text(encoding="utf-8")
    lint = lint_markdown(tmp_path, dutch)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    maps = repo / "maps"
    maps.mkdir()
    for name in ("a", "b"):
        (maps / f"{name}.journey.yaml").write_text(MAP.format(lang="en"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Maps")
    for name in ("a", "b"):  # the same sections in two maps: headings must stay unique
        (maps / f"{name}.journey.yaml").write_text(
            remeasured(MAP.format(lang="en"), chat="done"), encoding="utf-8"
        )
    md = journey_process(["diff", "maps", "--rev", "HEAD", "--format", "md"], cwd=repo).out
    lint = lint_markdown(tmp_path, md)
    assert lint.returncode == 0, lint.stdout + lint.stderr


def test_a_suppressed_warning_is_not_introduced(cli: Any, tmp_path: Path) -> None:
    """The diff lists the problems `journey lint` reports: an inline ignore silences both."""
    old = tmp_path / "old.journey.yaml"
    new = tmp_path / "new.journey.yaml"
    old.write_text(MAP.format(lang="en"), encoding="utf-8")
    ownerless = MAP.format(lang="en").replace("        owner: web-team\n", "")
    new.write_text(ownerless, encoding="utf-8")
    shown = json.loads(cli(["diff", old, new, "--format", "json"]).out)
    assert [p["code"] for p in shown["lint"]["introduced"]] == ["W104"]

    silenced = ownerless.replace(
        "      - id: price-page\n", "      - id: price-page  # journey: ignore[W104]\n"
    )
    new.write_text(silenced, encoding="utf-8")
    assert "W104" not in cli(["lint", new]).out
    quiet = json.loads(cli(["diff", old, new, "--format", "json"]).out)
    assert quiet["lint"]["introduced"] == []


def test_the_dutch_diff_names_evidence_types_as_the_report_does() -> None:
    """One Dutch word per evidence type: the diff said "analytics" where the report says
    "data-analyse"."""
    from journeycli.core import i18n
    from journeycli.core.enums import EvidenceType, Language
    from journeycli.diff.formats.words import word

    for kind in EvidenceType:
        assert word(kind.value, Language.NL) == i18n.label(kind, Language.NL), kind
    assert word("analytics", Language.NL) == "data-analyse"
