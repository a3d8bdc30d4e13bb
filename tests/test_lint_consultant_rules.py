"""W107-W111 through the real CLI: each rule fires alone, at its line, and stays quiet on a fix.

Every case starts from BASE, a map that is clean under every rule, and
changes one thing, so a bad case proves the rule fires *exactly* (no other
code, the right line) and its good twin proves it does not fire for the
fixed map. The reference date is pinned with `--today`, so W108 does not
depend on the day the tests run (see docs/lint.md, "The reference date").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TODAY = "2026-12-01"

BASE = """\
version: 1
title: Consultant
personas:
  - id: starter
    name: Starter
stages:
  - id: orientation
    name: Orientation
    relevance: 50
    presence: 40
    evidence:
      - type: survey
        source: Survey 2026
        date: 2026-06-01
    touchpoints:
      - id: website
        name: Website
        channel: website
    actions:
      - action: Fix the price page
        channel: website
        owner: web-team
"""

TOUCHPOINT = "        channel: website\n    actions:\n"
STUDENT = "    name: Starter\n  - id: student\n    name: Student\n"


def variant(*edits: tuple[str, str]) -> str:
    text = BASE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def breaking(*action_lines: str) -> str:
    """A breaking moment (critical, experience 2) on `website` and these action lines."""
    return variant(
        (
            TOUCHPOINT,
            "        channel: website\n        critical: true\n        experience: 2\n"
            "    actions:\n",
        ),
        ("        owner: web-team\n", "        owner: web-team\n" + "".join(action_lines)),
    )


# (rule, bad map, line of the finding, good map)
CASES = [
    (
        "W107",
        variant((TOUCHPOINT, "        channel: website\n        critical: true\n    actions:\n")),
        16,
        variant(
            (
                TOUCHPOINT,
                "        channel: website\n        critical: true\n        experience: 4\n"
                "    actions:\n",
            )
        ),
    ),
    (
        "W108",
        variant(("date: 2026-06-01", "date: 2025-05-31")),
        14,
        variant(("date: 2026-06-01", "date: 2025-06-01")),
    ),
    (
        "W109",
        variant(
            ("    name: Starter\n", STUDENT),
            (
                TOUCHPOINT,
                TOUCHPOINT.replace("    actions:", "        personas: [starter]\n    actions:"),
            ),
        ),
        6,
        variant(
            ("    name: Starter\n", STUDENT),
            (
                TOUCHPOINT,
                TOUCHPOINT.replace("    actions:", "        personas: [starter]\n    actions:"),
            ),
            (
                "    evidence:\n",
                "    persona_scores:\n      student: {presence: 30}\n    evidence:\n",
            ),
        ),
    ),
    (
        "W110",
        variant(("        channel: website\n        owner:", "        owner:")),
        20,
        variant(
            ("        channel: website\n        owner:", "        status: done\n        owner:")
        ),
    ),
    (
        "W111",
        breaking("        touchpoint: website\n        horizon: later\n"),
        16,
        breaking("        touchpoint: website\n        horizon: now\n"),
    ),
]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated working directory: an empty .journey.toml stops the config search."""
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(cli, workdir: Path, text: str, *args: str) -> tuple[int, list[tuple[str, int]]]:
    (workdir / "m.journey.yaml").write_text(text, encoding="utf-8")
    result = cli(["lint", "-f", "json", "--today", TODAY, *args, "m.journey.yaml"])
    assert result.code in (0, 1), result.err
    return result.code, [(p["code"], p["line"]) for p in json.loads(result.out)]


def test_the_base_map_is_clean(cli, workdir: Path) -> None:
    assert lint(cli, workdir, BASE, "--strict") == (0, [])


@pytest.mark.parametrize(("code", "bad", "line", "good"), CASES, ids=[c[0] for c in CASES])
def test_the_rule_fires_alone_at_its_line_and_not_on_the_fixed_map(
    cli, workdir: Path, code: str, bad: str, line: int, good: str
) -> None:
    assert lint(cli, workdir, bad) == (0, [(code, line)])
    assert lint(cli, workdir, bad, "--strict") == (1, [(code, line)])
    assert lint(cli, workdir, good, "--strict") == (0, [])


@pytest.mark.parametrize(("code", "bad", "line", "good"), CASES, ids=[c[0] for c in CASES])
def test_the_rule_can_be_suppressed_on_its_line(
    cli, workdir: Path, code: str, bad: str, line: int, good: str
) -> None:
    del good
    lines = bad.splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].rstrip("\n") + f"  # journey: ignore[{code}]\n"
    assert lint(cli, workdir, "".join(lines)) == (0, [])
    assert lint(cli, workdir, bad, "--ignore", code) == (0, [])


def test_the_messages_name_the_item_and_say_what_to_do(cli, workdir: Path) -> None:
    def message(text: str) -> str:
        (workdir / "m.journey.yaml").write_text(text, encoding="utf-8")
        out = cli(["lint", "-f", "json", "--today", TODAY, "m.journey.yaml"]).out
        (problem,) = json.loads(out)
        return str(problem["message"])

    assert message(CASES[0][1]) == (
        "critical touchpoint 'Website' has no experience score; score it from 1 (very bad) "
        "to 5 (very good), so a breaking moment cannot hide"
    )
    assert message(CASES[1][1]) == (
        "evidence 'Survey 2026' is dated 2025-05-31, more than 18 months before 2026-12-01; "
        "measure again and update the scores and the date"
    )
    assert message(CASES[2][1]) == (
        "persona 'Student' (student) meets no touchpoint and has no persona scores; name "
        "'student' in the personas of the touchpoints it meets, or remove the persona"
    )
    assert message(CASES[3][1]) == (
        "open action 'Fix the price page' has no channel; name the channel it changes, "
        "such as website, app or phone"
    )
    assert message(CASES[4][1]) == (
        "breaking moment 'Website' (critical, experience 2) has open actions only on the "
        "'later' horizon; plan one for now or next"
    )


# --- W109 and W111: the edges of their definitions --------------------------------


def test_w109_a_touchpoint_without_personas_is_met_by_every_persona(cli, workdir: Path) -> None:
    both = variant(
        ("    name: Starter\n", STUDENT),
        (
            TOUCHPOINT,
            TOUCHPOINT.replace("    actions:", "        personas: [starter]\n    actions:"),
        ),
        ("    touchpoints:\n", "    touchpoints:\n      - name: Phone\n        channel: phone\n"),
    )
    assert lint(cli, workdir, both) == (0, [])


def test_w109_every_unmet_persona_is_named(cli, workdir: Path) -> None:
    text = variant(
        ("    name: Starter\n", STUDENT + "  - id: parent\n    name: Parent\n"),
        (
            TOUCHPOINT,
            TOUCHPOINT.replace("    actions:", "        personas: [starter]\n    actions:"),
        ),
    )
    assert lint(cli, workdir, text) == (0, [("W109", 6), ("W109", 8)])


def test_w111_one_action_on_a_nearer_horizon_is_enough(cli, workdir: Path) -> None:
    text = breaking(
        "        touchpoint: website\n        horizon: later\n",
        "      - action: Show the insurance costs up front\n        channel: website\n"
        "        owner: web-team\n        touchpoint: website\n        horizon: next\n",
    )
    assert lint(cli, workdir, text) == (0, [])


def test_w111_done_actions_do_not_count_and_no_open_action_is_w106(cli, workdir: Path) -> None:
    later_and_done = breaking(
        "        touchpoint: website\n        horizon: later\n",
        "      - action: Old fix\n        channel: website\n        owner: web-team\n"
        "        touchpoint: website\n        horizon: now\n        status: done\n",
    )
    assert lint(cli, workdir, later_and_done) == (0, [("W111", 16)])
    only_done = breaking("        touchpoint: website\n        status: done\n")
    assert lint(cli, workdir, only_done) == (0, [("W106", 16)])


def test_w110_an_action_without_channel_is_fine_once_done_or_dropped(cli, workdir: Path) -> None:
    for status in ("done", "dropped"):
        text = variant(
            (
                "        channel: website\n        owner:",
                f"        status: {status}\n        owner:",
            )
        )
        assert lint(cli, workdir, text) == (0, [])
    doing = variant(
        ("        channel: website\n        owner:", "        status: doing\n        owner:")
    )
    assert lint(cli, workdir, doing) == (0, [("W110", 20)])


def test_w109_a_map_without_touchpoints_yet_meets_no_persona(cli, workdir: Path) -> None:
    text = variant(
        (
            "    touchpoints:\n      - id: website\n        name: Website\n"
            "        channel: website\n",
            "",
        )
    )
    assert lint(cli, workdir, text) == (0, [("W109", 4), ("W105", 7)])
