"""`journey diff --fail-on`: each regression condition fires when it should, and only then."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from journeycli.core.errors import UsageError
from journeycli.diff.gate import CONDITIONS, parse_conditions
from test_diff import AFTER, BASE, variant

# condition -> (an edit that triggers it, a similar edit that does not)
CASES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "gap-increase": (
        ("    presence: 30\n", "    presence: 20\n"),  # orientation gap 50 -> 60
        ("    presence: 30\n", "    presence: 45\n"),  # gap 50 -> 35
    ),
    "new-breaking-moment": (
        ("        experience: 4\n", "        experience: 1\n"),  # checkout, critical
        ("        experience: 2\n", "        experience: 1\n"),  # price-page: already breaking
    ),
    "lost-evidence": (
        ("      - type: interview\n", "      - type: assumption\n"),
        (
            "      - type: interview\n        source: Ten customer interviews\n",
            "      - type: interview\n        source: Ten customer interviews\n"
            "      - type: assumption\n        source: Our guess\n",
        ),  # still measured
    ),
    "rank-change": (
        ("    presence: 30\n", "    presence: 75\n"),  # orientation falls to rank 2
        ("    presence: 30\n", "    presence: 35\n"),  # gap 45: still rank 1
    ),
    "presence-drop": (
        ("    presence: 30\n", "    presence: 20\n"),
        ("    presence: 30\n", "    presence: 45\n"),
    ),
    "experience-drop": (
        ("        experience: 4\n", "        experience: 3\n"),  # checkout
        ("        experience: 4\n", "        experience: 5\n"),
    ),
    "action-removed": (
        (
            "    actions:\n      - id: one-page\n        action: One-page checkout\n"
            "        owner: web-team\n        horizon: next\n",
            "    actions: []\n",
        ),  # an open action deleted
        (
            "        horizon: next\n  - id: delivery",
            "        horizon: next\n        status: dropped\n  - id: delivery",
        ),  # dropped instead: kept, with its status
    ),
}
# new-error needs a version with lint errors, which a two-file diff refuses outright;
# it is shown on a directory diff (test_diff_tree.py)
SINGLE = tuple(c for c in CONDITIONS if c != "new-error")


@pytest.mark.parametrize("condition", SINGLE)
def test_condition_triggers(cli: Any, tmp_path: Path, condition: str) -> None:
    new = variant(tmp_path, CASES[condition][0])
    result = cli(["diff", BASE, new, "--fail-on", condition])
    assert result.code == 1
    assert result.out.startswith("journey diff ")  # the diff is still shown
    [line] = result.err.splitlines()
    assert line.startswith(f"journey: --fail-on {condition}: ")


@pytest.mark.parametrize("condition", SINGLE)
def test_condition_does_not_trigger(cli: Any, tmp_path: Path, condition: str) -> None:
    new = variant(tmp_path, CASES[condition][1])
    result = cli(["diff", BASE, new, "--fail-on", condition])
    assert result.code == 0, result.err
    assert result.err == ""
    assert "Summary:" in result.out  # something did change


@pytest.mark.parametrize("condition", SINGLE)
def test_json_lists_what_triggers_each_condition(cli: Any, tmp_path: Path, condition: str) -> None:
    new = variant(tmp_path, CASES[condition][0])
    data = json.loads(cli(["diff", BASE, new, "-f", "json"]).out)
    assert data["regressions"][condition]
    quiet = variant(tmp_path, CASES[condition][1], name="quiet.journey.yaml")
    assert json.loads(cli(["diff", BASE, quiet, "-f", "json"]).out)["regressions"][condition] == []


def test_messages_name_items_and_reasons(cli: Any) -> None:
    result = cli(["diff", BASE, AFTER, "--fail-on", "all", "--format", "md"])
    assert result.code == 1
    assert result.err.splitlines() == [
        "journey: --fail-on gap-increase: Purchase (gap 20 → 35)",
        "journey: --fail-on new-breaking-moment: Checkout (critical touchpoint in Purchase "
        "with experience 1)",
        "journey: --fail-on lost-evidence: Purchase (confidence measured → assumed)",
        "journey: --fail-on rank-change: Orientation phase (rank 1 → 3); Purchase (rank 2 → 1); "
        "Loyalty (rank unranked → 2); Delivery (rank 3 → unranked)",
        "journey: --fail-on experience-drop: Checkout (experience 4 → 1 in Purchase)",
        "journey: --fail-on action-removed: One-page checkout (deleted while todo in Purchase; "
        "set its status to done or dropped instead)",
    ]
    assert result.out.startswith("# Journey map changes")


def test_only_requested_conditions_fail(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, CASES["rank-change"][0])  # also closes a gap: no gap-increase
    assert cli(["diff", BASE, new, "--fail-on", "gap-increase,lost-evidence"]).code == 0
    result = cli(["diff", BASE, new, "--fail-on", "gap-increase", "--fail-on", "rank-change"])
    assert result.code == 1
    assert [line.split(":")[1].strip() for line in result.err.splitlines()] == [
        "--fail-on rank-change"
    ]


def test_fail_on_and_exit_code_together(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("owner: growth-team", "owner: cx-team"))
    assert cli(["diff", BASE, new, "--fail-on", "all"]).code == 0
    assert cli(["diff", BASE, new, "--fail-on", "all", "--exit-code"]).code == 1


def test_parse_conditions() -> None:
    assert parse_conditions(["rank-change, gap-increase", ""]) == ("gap-increase", "rank-change")
    assert parse_conditions(["ALL"]) == CONDITIONS
    with pytest.raises(UsageError, match="unknown condition 'gap'"):
        parse_conditions(["gap"])
