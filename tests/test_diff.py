"""`journey diff OLD NEW`: every kind of change, matched by id, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, EXAMPLES

BASE = DATA / "diff" / "base.journey.yaml"
AFTER = DATA / "diff" / "after.journey.yaml"


def variant(tmp_path: Path, *edits: tuple[str, str], name: str = "new.journey.yaml") -> Path:
    """The base map with exact text replacements (each must match)."""
    text = BASE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"edit does not apply: {old!r}"
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def as_json(cli: Any, old: Path | str, new: Path | str, *args: str) -> dict[str, Any]:
    result = cli(["diff", str(old), str(new), "--format", "json", *args])
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def text(cli: Any, old: Path | str, new: Path | str, *args: str) -> str:
    result = cli(["diff", str(old), str(new), *args])
    assert result.code == 0, result.err
    out: str = result.out
    return out


def test_identical_maps_have_no_changes(cli: Any) -> None:
    result = cli(["diff", BASE, BASE, "--exit-code"])
    assert result.code == 0
    assert result.out.splitlines()[-1] == "No changes."
    assert as_json(cli, BASE, BASE)["changed"] is False


def test_comments_order_and_formatting_are_not_changes(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path,
        (
            "title: Meal kit\nowner: growth-team",
            "owner: growth-team  # the owners\ntitle: 'Meal kit'",
        ),
        ("  - id: parent\n    name: Busy parent", "  - name: Busy parent\n    id: parent"),
    )
    assert cli(["diff", BASE, new, "--exit-code"]).code == 0


def test_exit_code_is_1_when_anything_changed(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("owner: growth-team", "owner: cx-team"))
    assert cli(["diff", BASE, new]).code == 0
    result = cli(["diff", BASE, new, "--exit-code"])
    assert result.code == 1
    assert "owner growth-team → cx-team" in result.out


def test_title_and_metrics_changes(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path,
        ("title: Meal kit", "title: Meal kit box"),
        ("value: 120", "value: 150"),
        ("period: month", "period: quarter"),
    )
    data = as_json(cli, BASE, new)
    assert data["map"] == [
        {"field": "title", "old": "Meal kit", "new": "Meal kit box"},
        {"field": "metrics.value", "old": 120, "new": 150},
        {"field": "metrics.period", "old": "month", "new": "quarter"},
    ]
    assert data["old"]["title"] == "Meal kit" and data["new"]["title"] == "Meal kit box"
    out = text(cli, BASE, new)
    assert '~ title "Meal kit" → "Meal kit box"' in out
    assert "~ metrics.value 120 → 150" in out


def test_personas_added_removed_renamed(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path,
        ("  - id: parent\n    name: Busy parent\n", "  - id: retiree\n    name: Retiree\n"),
        ("    name: Student\n", "    name: Student on a budget\n    age: 21\n"),
    )
    data = as_json(cli, BASE, new)["personas"]
    assert data["added"] == [{"id": "retiree", "name": "Retiree", "stage": None}]
    assert data["removed"] == [{"id": "parent", "name": "Busy parent", "stage": None}]
    assert data["renamed"] == [
        {"id": "student", "old": "Student", "new": "Student on a budget", "stage": None}
    ]
    assert data["modified"] == [
        {
            "id": "student",
            "name": "Student on a budget",
            "stage": None,
            "changes": [{"field": "age", "old": None, "new": 21}],
        }
    ]
    out = text(cli, BASE, new)
    assert '+ retiree "Retiree"' in out
    assert '- parent "Busy parent"' in out
    assert '~ student renamed "Student" → "Student on a budget"' in out


def test_renamed_stage_with_same_id_is_a_rename(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("    name: Orientation\n", "    name: Oriëntatie\n"))
    data = as_json(cli, BASE, new)
    assert data["stages"]["renamed"] == [
        {"id": "orientation", "old": "Orientation", "new": "Oriëntatie", "stage": None}
    ]
    assert data["stages"]["added"] == [] and data["stages"]["removed"] == []
    assert data["scores"] == [] and data["hints"] == []
    assert '~ orientation renamed "Orientation" → "Oriëntatie"' in text(cli, BASE, new)


def test_stage_whose_id_changed_is_removed_and_added_with_a_hint(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("  - id: delivery\n", "  - id: shipping\n"))
    data = as_json(cli, BASE, new)
    assert data["stages"]["removed"] == [{"id": "delivery", "name": "Delivery", "stage": None}]
    assert data["stages"]["added"] == [{"id": "shipping", "name": "Delivery", "stage": None}]
    assert data["stages"]["renamed"] == []
    [hint] = data["hints"]
    assert hint["kind"] == "id-changed"
    assert (hint["old_id"], hint["new_id"]) == ("delivery", "shipping")
    out = text(cli, BASE, new)
    assert "+ shipping" in out and "- delivery" in out
    assert "hint: stage 'Delivery' has a new id ('delivery' -> 'shipping')" in out


def test_stages_added_and_removed(cli: Any) -> None:
    data = as_json(cli, BASE, AFTER)["stages"]
    assert [s["id"] for s in data["added"]] == ["loyalty"]
    assert [s["id"] for s in data["removed"]] == ["delivery"]


def test_touchpoints_added_removed_renamed_moved(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path,
        ("        name: Review sites\n", "        name: Review websites\n"),
        (
            "      - id: courier\n        name: Courier at the door\n",
            "      - id: driver\n        name: Delivery driver\n",
        ),
    )
    data = as_json(cli, BASE, new)["touchpoints"]
    assert data["renamed"] == [
        {"id": "reviews", "old": "Review sites", "new": "Review websites", "stage": "orientation"}
    ]
    assert data["added"] == [{"id": "driver", "name": "Delivery driver", "stage": "delivery"}]
    assert data["removed"] == [
        {"id": "courier", "name": "Courier at the door", "stage": "delivery"}
    ]
    moved = as_json(cli, BASE, AFTER)["touchpoints"]["moved"]
    assert moved == [
        {"id": "reviews", "name": "Review sites", "old": "orientation", "new": "purchase"}
    ]
    assert "~ reviews moved: stage orientation → purchase" in text(cli, BASE, AFTER)


def test_touchpoint_experience_and_critical_changes(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path,
        ("        experience: 3\n", "        experience: 5\n"),
        (
            "        critical: true\n        experience: 4\n",
            "        critical: false\n        experience: 4\n",
        ),
    )
    data = as_json(cli, BASE, new)["touchpoints"]["modified"]
    assert data == [
        {
            "id": "reviews",
            "name": "Review sites",
            "stage": "orientation",
            "changes": [{"field": "experience", "old": 3, "new": 5}],
        },
        {
            "id": "checkout",
            "name": "Checkout",
            "stage": "purchase",
            "changes": [{"field": "critical", "old": True, "new": False}],
        },
    ]
    out = text(cli, BASE, new)
    assert "~ reviews: experience 3 → 5" in out
    assert "~ checkout: critical true → false" in out


def test_action_status_and_other_changes(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path,
        ("        status: doing\n", "        status: done\n"),
        ("        action: One-page checkout\n", "        action: Single-page checkout\n"),
        (
            "        horizon: next\n",
            "        horizon: next\n      - id: apple-pay\n        action: Offer Apple Pay\n"
            "        owner: web-team\n",
        ),
    )
    data = as_json(cli, BASE, new)["actions"]
    assert data["modified"] == [
        {
            "id": "price-table",
            "name": "Rebuild the price table",
            "stage": "orientation",
            "changes": [{"field": "status", "old": "doing", "new": "done"}],
        }
    ]
    assert data["renamed"] == [
        {
            "id": "one-page",
            "old": "One-page checkout",
            "new": "Single-page checkout",
            "stage": "purchase",
        }
    ]
    assert data["added"] == [{"id": "apple-pay", "name": "Offer Apple Pay", "stage": "purchase"}]
    assert "~ price-table: status doing → done" in text(cli, BASE, new)


def test_todo_to_done(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path, ("        horizon: next\n", "        horizon: next\n        status: done\n")
    )
    assert "~ one-page: status todo → done" in text(cli, BASE, new)


def test_action_without_id_is_matched_by_text_with_a_hint(cli: Any, tmp_path: Path) -> None:
    old = variant(tmp_path, ("      - id: one-page\n", "      -\n"), name="old.journey.yaml")
    new = variant(
        tmp_path,
        (
            "      - id: one-page\n        action: One-page checkout\n",
            "      - action: Single-page checkout\n",
        ),
    )
    data = as_json(cli, old, new)
    assert [a["id"] for a in data["actions"]["removed"]] == ["purchase/one-page-checkout"]
    assert [a["id"] for a in data["actions"]["added"]] == ["purchase/single-page-checkout"]
    assert [h["kind"] for h in data["hints"]] == ["action-without-id"]
    assert as_json(cli, old, old)["changed"] is False


def test_relevance_presence_and_gap_changes(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("    presence: 30\n", "    presence: 55\n"))
    out = text(cli, BASE, new)
    assert "  Orientation: presence 30 → 55, gap 50 → 25\n" in out
    [scores] = as_json(cli, BASE, new)["scores"]
    assert scores["stage"] == "orientation"
    assert scores["changed"] == ["presence", "gap"]  # 25 still outranks Purchase's 20
    assert scores["gap"] == {"old": 50, "new": 25}
    assert scores["rank"] == {"old": 1, "new": 1}


def test_persona_overrides_with_persona_option(cli: Any, tmp_path: Path) -> None:
    new = variant(
        tmp_path,
        ("student: {relevance: 60, presence: 40}", "student: {relevance: 60, presence: 65}"),
    )
    plain = as_json(cli, BASE, new)
    assert plain["scores"] == []
    assert plain["stages"]["modified"][0]["changes"][0]["field"] == "persona_scores"
    data = as_json(cli, BASE, new, "--persona", "student")
    assert data["persona"] == "student"
    scores = next(s for s in data["scores"] if s["stage"] == "orientation")
    assert scores["presence"] == {"old": 40, "new": 65}
    assert scores["gap"] == {"old": 20, "new": -5}
    assert "Orientation: presence 40 → 65, gap 20 → -5" in text(
        cli, BASE, new, "--persona", "student"
    )


def test_persona_option_hides_touchpoints_the_persona_does_not_meet(
    cli: Any, tmp_path: Path
) -> None:
    new = variant(
        tmp_path, ("        experience: 4\n", "        experience: 1\n        personas: [parent]\n")
    )
    assert len(as_json(cli, BASE, new)["breaking_moments"]["introduced"]) == 1
    assert as_json(cli, BASE, new, "--persona", "student")["breaking_moments"]["introduced"] == []


def test_conversion_change_moves_reach_and_value_at_stake(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("    conversion: 50\n", "    conversion: 60\n"))
    data = as_json(cli, BASE, new)
    by_stage = {s["stage"]: s for s in data["scores"]}
    assert by_stage["orientation"]["conversion"] == {"old": 50, "new": 60}
    assert by_stage["orientation"]["lost"] == {"old": 5000, "new": 4000}
    # value at stake = lost x the later conversions up to the stop (purchase: 80 %) x 120
    assert by_stage["orientation"]["value_at_stake"] == {"old": 480000, "new": 384000}
    assert by_stage["purchase"]["reach"] == {"old": 5000, "new": 6000}
    assert by_stage["purchase"]["value_at_stake"] == {"old": 120000, "new": 144000}
    assert by_stage["delivery"]["reach"] == {"old": 4000, "new": 4800}
    out = text(cli, BASE, new)
    assert "  Orientation: conversion 50% → 60%\n" in out
    assert (
        "  Purchase: reach 5,000 → 6,000, lost 1,000 → 1,200, "
        "value at stake EUR 120,000 → EUR 144,000\n"
    ) in out


def test_ranking_moves(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("    presence: 30\n", "    presence: 75\n"))
    data = as_json(cli, BASE, new)
    assert data["ranking"]["old"] == ["orientation", "purchase", "delivery"]
    assert data["ranking"]["new"] == ["purchase", "orientation", "delivery"]
    assert data["ranking"]["moves"] == [
        {"stage": "orientation", "name": "Orientation", "old": 1, "new": 2},
        {"stage": "purchase", "name": "Purchase", "old": 2, "new": 1},
    ]
    out = text(cli, BASE, new)
    assert "Ranking\n  Purchase: rank 2 → 1\n  Orientation: rank 1 → 2\n" in out


def test_unscoring_a_stage_leaves_the_ranking(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("    presence: 55\n", ""))
    moves = as_json(cli, BASE, new)["ranking"]["moves"]
    assert moves == [{"stage": "delivery", "name": "Delivery", "old": 3, "new": None}]
    assert "Delivery: rank 3 → unranked" in text(cli, BASE, new)


def test_breaking_moments_resolved_and_introduced(cli: Any) -> None:
    data = as_json(cli, BASE, AFTER)["breaking_moments"]
    assert data["resolved"] == [
        {"touchpoint": "price-page", "name": "Price page", "stage": "orientation", "experience": 2}
    ]
    assert data["introduced"] == [
        {"touchpoint": "checkout", "name": "Checkout", "stage": "purchase", "experience": 1}
    ]
    out = text(cli, BASE, AFTER)
    assert "resolved: Price page in Orientation (experience was 2)" in out
    assert "introduced: Checkout in Purchase (experience 1)" in out


def test_confidence_change(cli: Any, tmp_path: Path) -> None:
    new = variant(tmp_path, ("      - type: interview\n", "      - type: assumption\n"))
    [scores] = as_json(cli, BASE, new)["scores"]
    assert scores["confidence"] == {"old": "measured", "new": "assumed"}
    assert "Delivery: confidence measured → assumed" in text(cli, BASE, new)


def test_after_fixture_summary_line(cli: Any) -> None:
    out = text(cli, BASE, AFTER)
    assert out.splitlines()[-1] == (
        "Summary: 5 added, 4 removed, 2 renamed, 1 moved, 3 modified, 2 map fields changed, "
        "2 stages with score changes, 4 rank moves, 1 breaking moment resolved, "
        "1 breaking moment introduced, 2 evidence changes, 3 lint problems introduced, "
        "1 lint problem fixed"
    )


def test_a_stage_that_only_moved_in_rank_is_a_rank_move_not_a_score_change(
    cli: Any, tmp_path: Path
) -> None:
    # Orientation's presence closes its gap; Purchase only moves up (rank 2 -> 1).
    new = variant(tmp_path, ("    presence: 30\n", "    presence: 75\n"))
    assert len(as_json(cli, BASE, new)["scores"]) == 2  # JSON lists the rank-only entry too
    out = text(cli, BASE, new)
    assert "  Orientation: presence 30 → 75, gap 50 → 5" in out
    assert out.splitlines()[-1] == "Summary: 1 stage with score changes, 2 rank moves"
    md = text(cli, BASE, new, "--format", "md")
    assert ": 1 stage with score changes, 2 rank moves." in " ".join(md.split())


def test_reverse_diff_swaps_added_and_removed(cli: Any) -> None:
    forward, backward = as_json(cli, BASE, AFTER), as_json(cli, AFTER, BASE)
    for kind in ("personas", "stages", "touchpoints", "actions"):
        assert {i["id"] for i in forward[kind]["added"]} == {
            i["id"] for i in backward[kind]["removed"]
        }
    assert forward["breaking_moments"]["resolved"] == backward["breaking_moments"]["introduced"]


@pytest.mark.parametrize("side", ["old", "new"])
def test_either_side_can_be_stdin(cli: Any, side: str) -> None:
    args = ["-", AFTER] if side == "old" else [BASE, "-"]
    stdin = (BASE if side == "old" else AFTER).read_bytes()
    result = cli(["diff", *args, "--format", "json"], stdin=stdin)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data[side]["label"] == "<stdin>"
    assert data["summary"]["added"] == 5


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (("    relevance: 80\n", "    relevance: 180\n"), "E003"),
        (("  - id: delivery\n", "  - id: purchase\n"), "E004"),
        (("        touchpoint: price-page\n", "        touchpoint: ghost\n"), "E005"),
    ],
)
def test_invalid_side_exits_1_with_its_lint_errors(
    cli: Any, tmp_path: Path, edit: tuple[str, str], code: str
) -> None:
    bad = variant(tmp_path, edit)
    for args in ([BASE, bad], [bad, BASE]):
        result = cli(["diff", *args, "--format", "json"])
        assert result.code == 1
        assert result.out == ""
        assert result.err.startswith(f"{bad}:")
        assert f" {code} " in result.err


def test_not_yaml_exits_1(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_bytes(b"\xff\xfe: [")
    result = cli(["diff", bad, BASE])
    assert result.code == 1
    assert "E001" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([str(BASE)], "give two maps"),
        ([str(BASE), str(AFTER), str(BASE)], "give two maps"),
        (["-", "-"], "only one side"),
        ([str(BASE), "nope.journey.yaml"], "nope.journey.yaml: no such file"),
        ([str(BASE), str(AFTER), "--persona", "ghost"], "unknown persona 'ghost'"),
        ([str(BASE), str(AFTER), "--fail-on", "gap-increase,nonsense"], "unknown condition"),
        ([str(BASE), str(AFTER), "--format", "xml"], "xml"),
    ],
)
def test_usage_errors_exit_2(cli: Any, args: list[str], message: str) -> None:
    result = cli(["diff", *args], stdin=b"")
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_examples_diff_against_each_other(cli: Any) -> None:
    """Two unrelated real maps: everything is added/removed, nothing crashes."""
    maps = sorted(EXAMPLES.glob("*.journey.yaml"))
    data = as_json(cli, maps[0], maps[1])
    assert data["changed"] is True
    assert data["stages"]["added"] and data["stages"]["removed"]
