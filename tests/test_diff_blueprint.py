"""`journey diff` shows lane texts, tone, KPIs, opportunity fields and action links.

The old side is examples/energie-overstappen.journey.yaml; the new side is the
same text with a few edits, so every expected line is known by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES

ENERGIE = EXAMPLES / "energie-overstappen.journey.yaml"

EDITS = [
    # a lane text added and one removed
    (
        "      - Legt het aanbod naast dat van twee andere leveranciers\n",
        "      - Leest reviews op een vergelijkingssite\n",
    ),
    # tone edited
    (
        "    tone: Helder en eerlijk; alle kosten in één bedrag per maand.\n",
        "    tone: Helder en eerlijk.\n",
    ),
    # a KPI value changed, another KPI removed
    (
        "      - name: Offertes naar aanmelding\n        value: 18\n",
        "      - name: Offertes naar aanmelding\n        value: 21\n",
    ),
    (
        "      - name: Overstap binnen 21 dagen\n        value: 94\n        target: 95\n"
        "        unit: '%'\n",
        "",
    ),
    # an opportunity's impact changed, and one added
    (
        "        text: Een terugbelservice in plaats van de telefoonrij\n        impact: low\n"
        "        effort: high\n",
        "        text: Een terugbelservice in plaats van de telefoonrij\n        impact: medium\n"
        "        effort: high\n"
        "      - text: Een WhatsApp-kanaal voor vragen over de afrekening\n"
        "        impact: medium\n        effort: low\n",
    ),
    # an action's link to its opportunity removed
    ("        opportunity: vergelijk-eigen-contract\n", ""),
]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    text = ENERGIE.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    after = tmp_path / "after.journey.yaml"
    after.write_text(text, encoding="utf-8")
    return ENERGIE, after


def diff_json(cli, old: Path, new: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = cli(["diff", str(old), str(new), "--format", "json"])
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_json_lists_each_content_change(cli, pair: tuple[Path, Path]) -> None:  # type: ignore[no-untyped-def]
    data = diff_json(cli, *pair)
    content = [(c["stage"], c["part"], c["kind"], c["key"]) for c in data["content"]]
    assert content == [
        ("vergelijken", "customer_actions", "added", "Leest reviews op een vergelijkingssite"),
        (
            "vergelijken",
            "customer_actions",
            "removed",
            "Legt het aanbod naast dat van twee andere leveranciers",
        ),
        ("vergelijken", "tone", "changed", "tone"),
        ("vergelijken", "kpi", "changed", "Offertes naar aanmelding"),
        ("overstappen", "kpi", "removed", "Overstap binnen 21 dagen"),
        (
            "jaarafrekening",
            "opportunity",
            "added",
            "Een WhatsApp-kanaal voor vragen over de afrekening",
        ),
        ("jaarafrekening", "opportunity", "changed", "terugbelservice"),
    ]
    kpi = data["content"][3]
    assert kpi["changes"] == [{"field": "value", "old": 18, "new": 21}]
    tone = data["content"][2]
    assert (tone["old"], tone["new"]) == (
        "Helder en eerlijk; alle kosten in één bedrag per maand.",
        "Helder en eerlijk.",
    )
    removed = data["content"][4]
    assert removed["old"]["target"] == 95 and removed["new"] is None
    opportunity = data["content"][6]
    assert opportunity["changes"] == [{"field": "impact", "old": "low", "new": "medium"}]
    # the stage itself is not reported as "modified" for the same edits
    assert all(m["id"] not in ("vergelijken", "overstappen") for m in data["stages"]["modified"])
    # the removed link shows on the action
    action = next(m for m in data["actions"]["modified"] if m["id"] == "upload-proef")
    assert action["changes"] == [
        {"field": "opportunity", "old": "vergelijk-eigen-contract", "new": None}
    ]
    assert data["summary"]["content"] == 7


def test_text_and_markdown_say_what_changed(cli, pair: tuple[Path, Path]) -> None:  # type: ignore[no-untyped-def]
    """The energy map is Dutch, so the diff speaks Dutch (docs/diff.md, "Language")."""
    text = cli(["diff", *map(str, pair)]).out
    assert "Inhoud van de fasen" in text
    assert 'Vergelijken: klantacties + "Leest reviews op een vergelijkingssite"' in text
    assert (
        'Vergelijken: klantacties − "Legt het aanbod naast dat van twee andere leveranciers"'
        in text
    )
    assert (
        'Vergelijken: toon "Helder en eerlijk; alle kosten in één bedrag per maand." → '
        '"Helder en eerlijk."' in text
    )
    assert 'Vergelijken: KPI "Offertes naar aanmelding" waarde 18 → 21' in text
    assert (
        'Overstappen: − KPI "Overstap binnen 21 dagen" (waarde 94, streefwaarde 95, eenheid %)'
        in text
    )
    assert (
        'Jaarafrekening: + kans "Een WhatsApp-kanaal voor vragen over de afrekening" '
        "(impact middel, inspanning laag)" in text
    )
    assert "Jaarafrekening: kans terugbelservice impact laag → middel" in text
    assert "upload-proef: kans vergelijk-eigen-contract → geen" in text
    assert "7 wijzigingen in de inhoud van fasen" in text
    md = cli(["diff", *map(str, pair), "--format", "md"]).out
    assert "Inhoud van de fasen" in md and "Offertes naar aanmelding" in md


def test_identical_maps_have_no_content_changes(cli) -> None:  # type: ignore[no-untyped-def]
    data = diff_json(cli, ENERGIE, ENERGIE)
    assert data["content"] == []
    assert cli(["diff", str(ENERGIE), str(ENERGIE), "--exit-code"]).code == 0


def test_a_content_change_alone_counts_for_exit_code(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    after = tmp_path / "a.journey.yaml"
    after.write_text(
        ENERGIE.read_text(encoding="utf-8").replace("      - Chatplatform\n", ""), encoding="utf-8"
    )
    result = cli(["diff", str(ENERGIE), str(after), "--exit-code"])
    assert result.code == 1
    assert 'Vergelijken: systemen − "Chatplatform"' in result.out
