"""The report carries lanes, tone, KPIs, opportunities and the future state (`--target`).

Every figure is worked out by hand from examples/energie-overstappen.journey.yaml
(current) and examples/energie-overstappen-2027.journey.yaml (future) in the
comments, and compared with the real CLI's JSON, terminal and Markdown output.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import EXAMPLES

ENERGIE = str(EXAMPLES / "energie-overstappen.journey.yaml")
FUTURE = str(EXAMPLES / "energie-overstappen-2027.journey.yaml")


def report_json(cli, *args: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = cli(["report", *args, "--format", "json"])
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def stage(data: dict[str, Any], stage_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in data["stages"] if s["id"] == stage_id)
    return found


def test_json_has_every_lane_tone_and_state(cli) -> None:  # type: ignore[no-untyped-def]
    data = report_json(cli, ENERGIE)
    assert data["state"] == "current"
    overstappen = stage(data, "overstappen")
    assert overstappen["customer_actions"] == [
        "Kiest een contract en tekent digitaal",
        "Geeft IBAN en meterstanden bij de start door",
    ]
    assert overstappen["frontstage"] == [
        "Aanmeldformulier in vier stappen",
        "Bevestigingsmail en welkomstbrief",
    ]
    assert overstappen["backstage"][1] == "Opzegging bij de oude leverancier via de overstapservice"
    assert overstappen["support"] == ["Klantenservice belt bij een afgekeurde aanmelding"]
    assert overstappen["systems"] == ["CRM", "Overstapservice van de netbeheerders"]
    assert overstappen["tone"].startswith("Geruststellend;")
    assert stage(data, "aanleiding")["support"] == []  # absent lane: an empty list


def test_json_kpis_say_whether_they_are_worse_than_target(cli) -> None:  # type: ignore[no-untyped-def]
    data = report_json(cli, ENERGIE)
    worse = {
        s["id"]: [(k["name"], k["worse_than_target"]) for k in s["kpis"]] for s in data["stages"]
    }
    assert worse == {
        # 41 >= 40, higher is better: not worse
        "aanleiding": [("Naamsbekendheid in de regio", False)],
        # 18 < 25; CES 4.6 > 3.5 where lower is better
        "vergelijken": [("Offertes naar aanmelding", True), ("Klantinspanning (CES)", True)],
        # 71 < 80; 94 < 95
        "overstappen": [("Afgeronde aanmeldingen", True), ("Overstap binnen 21 dagen", True)],
        # 88 >= 85
        "meterstanden": [("Meterstanden binnen 5 dagen", False)],
        # NPS -18 < 10; callers 31 % > 15 % where lower is better
        "jaarafrekening": [("NPS na de jaarafrekening", True), ("Bellers binnen 14 dagen", True)],
        # 64 < 75
        "verlengen": [("Verlengd na een jaar", True)],
    }
    ces = stage(data, "vergelijken")["kpis"][1]
    assert ces == {
        "name": "Klantinspanning (CES)",
        "value": 4.6,
        "target": 3.5,
        "unit": "punten",
        "higher_is_better": False,
        "worse_than_target": True,
        "evidence": [],
    }
    nps = stage(data, "jaarafrekening")["kpis"][0]
    assert nps["unit"] is None and nps["evidence"][0]["type"] == "survey"
    assert nps["evidence"][0]["date"] == "2026-10-28"


def test_a_kpi_without_value_or_target_is_not_judged(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "k.journey.yaml"
    path.write_text(
        "version: 1\ntitle: K\nstages:\n  - name: A\n    relevance: 50\n    presence: 20\n"
        "    kpis:\n      - {name: NPS, value: 3}\n      - {name: CES, target: 3}\n",
        encoding="utf-8",
    )
    kpis = stage(report_json(cli, str(path)), "a")["kpis"]
    assert [k["worse_than_target"] for k in kpis] == [None, None]


def test_json_opportunities_with_impact_effort_and_linked_actions(cli) -> None:  # type: ignore[no-untyped-def]
    data = report_json(cli, ENERGIE)
    opportunities = stage(data, "jaarafrekening")["opportunities"]
    assert [(o["id"], o["impact"], o["effort"]) for o in opportunities] == [
        ("halfjaar-check", "high", "medium"),
        ("uitleg-bovenaan", "medium", "low"),
        ("terugbelservice", "low", "high"),
    ]
    assert opportunities[0]["text"].startswith("Na zes maanden")
    assert opportunities[0]["actions"] == [
        {
            "id": "halfjaarcheck",
            "action": "Halfjaarcheck van het termijnbedrag in de app bouwen",
            "stage": "jaarafrekening",
            "status": "doing",
        }
    ]
    assert opportunities[2]["actions"] == []
    plain = stage(data, "aanleiding")["opportunities"]
    assert plain == [
        {
            "text": "Een herinnering sturen twee maanden voor het einde van het contract",
            "id": None,
            "impact": None,
            "effort": None,
            "actions": [],
        }
    ]
    action = stage(data, "vergelijken")["open_actions"][0]
    assert action["opportunity"] == "jaarbedrag-vooraf"


def test_without_target_the_target_keys_are_null(cli) -> None:  # type: ignore[no-untyped-def]
    data = report_json(cli, ENERGIE)
    assert data["target_map"] is None
    assert all(s["target"] is None for s in data["stages"])


# --- --target -----------------------------------------------------------------------------------


def test_target_gives_the_future_figures_per_matched_stage(cli) -> None:  # type: ignore[no-untyped-def]
    data = report_json(cli, ENERGIE, "--target", FUTURE)
    assert data["target_map"] == {
        "path": FUTURE,
        "title": "Overstappen naar Helder Energie (2027)",
        "state": "future",
        "added": ["maandinzicht"],  # only in the future map
        "dropped": ["meterstanden"],  # only in the current map
    }
    targets = {s["id"]: s["target"] for s in data["stages"]}
    figures = {
        sid: None if t is None else (t["relevance"], t["presence"], t["gap"], t["experience_mean"])
        for sid, t in targets.items()
    }
    assert figures == {
        "aanleiding": (55, 45, 10, 4.0),  # 55 - 45; one touchpoint at 4
        "vergelijken": (85, 70, 15, 4.0),
        "overstappen": (80, 75, 5, 4.0),  # (4 + 4) / 2
        "meterstanden": None,  # the future map lacks it
        "jaarafrekening": (95, 80, 15, 4.0),
        "verlengen": (75, 70, 5, 4.0),
    }
    kpis = targets["jaarafrekening"]["kpis"]
    assert [(k["name"], k["value"], k["target"], k["worse_than_target"]) for k in kpis] == [
        ("NPS na de jaarafrekening", 10, 10, False),
        ("Bellers binnen 14 dagen", 15, 15, False),
    ]
    # the current figures stay as they were
    jaar = stage(data, "jaarafrekening")
    assert (jaar["relevance"], jaar["presence"], jaar["gap"]) == (95, 45, 50)


def test_target_with_a_persona_uses_that_persona_in_both_maps(cli) -> None:  # type: ignore[no-untyped-def]
    data = report_json(cli, ENERGIE, "--target", FUTURE, "--persona", "henk")
    vergelijken = stage(data, "vergelijken")
    assert (vergelijken["relevance"], vergelijken["presence"]) == (95, 25)  # henk's override
    assert vergelijken["target"]["gap"] == 15  # the future map has no override for henk


def test_target_must_be_a_valid_map(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "future.journey.yaml"
    bad.write_text("version: 1\ntitle: F\nstages:\n  - name: A\n    relevence: 3\n")
    out = tmp_path / "r.json"
    result = cli(["report", ENERGIE, "--target", str(bad), "-o", str(out)])
    assert result.code == 1
    assert "did you mean 'relevance'?" in result.err and str(bad) in result.err
    assert not out.exists()


def test_target_needs_an_existing_file_and_one_map(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = cli(["report", ENERGIE, "--target", str(tmp_path / "nope.journey.yaml")])
    assert missing.code == 2 and "nope.journey.yaml" in missing.err
    several = cli(["report", ENERGIE, str(EXAMPLES / "hypotheek.journey.yaml"), "--target", FUTURE])
    assert several.code == 2
    assert "--target compares one map" in several.err


# --- terminal and Markdown ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["terminal", "md"])
def test_focus_stages_show_kpis_and_opportunities_by_impact_and_effort(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", ENERGIE, "--format", fmt])
    assert result.code == 0
    out = " ".join(result.out.replace("│", " ").split())  # the terminal wraps inside panels
    # the focus stage Jaarafrekening: its KPIs with target and the worse mark
    assert "NPS na de jaarafrekening" in out
    assert "slechter dan doel" in out
    # opportunities ordered high impact first, then low effort
    first = out.index("Na zes maanden het verbruik")
    second = out.index("De uitleg van de naheffing bovenaan")
    third = out.index("Een terugbelservice in plaats van de telefoonrij")
    assert first < second < third
    assert "impact hoog" in out and "inspanning laag" in out
    # a non-focus stage's KPI is not listed (Meterstanden ranks 6th)
    assert "Meterstanden binnen 5 dagen" not in out


@pytest.mark.parametrize("fmt", ["terminal", "md"])
def test_target_columns_in_terminal_and_markdown(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", ENERGIE, "--target", FUTURE, "--format", fmt, "--lang", "en"])
    assert result.code == 0
    out = result.out
    assert "Future state" in out
    assert "Overstappen naar Helder Energie (2027)" in out
    assert "Added in the future state: Maandelijks inzicht" in out
    assert "Dropped in the future state: Meterstanden doorgeven" in out
    section = out[out.index("Future state") :]
    line = next(row for row in section.splitlines() if "Jaarafrekening" in row)
    # relevance 95 -> 95, presence 45 -> 80, gap 50 -> 15, experience 1.5 -> 4
    assert re.findall(r"-?\d+(?:\.\d+)?", line) == ["95", "95", "45", "80", "50", "15", "1.5", "4"]
    dropped = next(row for row in section.splitlines() if "Meterstanden doorgeven" in row)
    assert re.findall(r"-?\d+(?:\.\d+)?", dropped) == ["50", "55", "-5", "3"]


def test_without_target_no_future_section(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli(["report", ENERGIE, "--lang", "en"]).out
    assert "Future state" not in out
