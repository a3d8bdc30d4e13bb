"""The experience-map scaffold prompts for each blueprint lane once; the writer keeps the order.

docs/scaffold.md: a lane, the tone and the KPIs appear once, in the first
stage, as empty slots with a prompt, so the scaffold still lints without errors
and no invented lane text reaches a report.
"""

from __future__ import annotations

import json
import re

import pytest

from journeycli.core.model import JourneyMap
from journeycli.core.validation import load_map
from journeycli.core.writer import dump_map

LANES = ("customer_actions", "frontstage", "backstage", "support", "systems")
PROMPTS = {
    "en": {
        "customer_actions": "what the customer does here",
        "frontstage": "what staff and systems do in view of the customer",
        "backstage": "what happens behind the scenes",
        "support": "support processes that make it possible",
        "systems": "the tools and systems involved",
        "tone": "how we speak to the customer in this stage",
        "kpis": "figures that show how this stage goes, with a target",
    },
    "nl": {
        "customer_actions": "wat de klant hier doet",
        "frontstage": "wat medewerkers en systemen zichtbaar voor de klant doen",
        "backstage": "wat er achter de schermen gebeurt",
        "support": "ondersteunende processen die het mogelijk maken",
        "systems": "de gebruikte tools en systemen",
        "tone": "hoe we de klant in deze fase aanspreken",
        "kpis": "cijfers die laten zien hoe deze fase gaat, met een doel",
    },
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_experience_map_shows_each_lane_once_with_a_prompt(cli, lang: str) -> None:  # type: ignore[no-untyped-def]
    result = cli(["new", "-", "--template", "experience-map", "--lang", lang])
    assert result.code == 0, result.err
    text = result.out
    for key, prompt in PROMPTS[lang].items():
        lines = [line for line in text.splitlines() if re.match(rf"\s+{key}:", line)]
        assert len(lines) == 1, (key, lines)  # once, in the first stage
        assert prompt in lines[0] or prompt in text.split(lines[0])[0].splitlines()[-1], key
    first_stage = text.split("\n  - id: ")[1]
    for key in (*LANES, "tone", "kpis"):
        assert f"    {key}:" in first_stage
    # the scaffold lints with no errors
    lint = cli(["lint", "-", "--format", "json"], stdin=text.encode())
    assert [p for p in json.loads(lint.out) if p["severity"] == "error"] == []


def test_experience_map_kpi_example_is_valid_when_uncommented(cli) -> None:  # type: ignore[no-untyped-def]
    text = cli(["new", "-", "--template", "experience-map"]).out
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("kpis:"))
    indent = len(lines[at]) - len(lines[at].lstrip())
    example = []
    for line in lines[at + 1 :]:
        if not line.startswith(" " * indent + "#"):
            break
        example.append(line[:indent] + line[indent + 2 :])
    assert example and "name:" in example[0] and any("target:" in line for line in example)
    uncommented = "\n".join(
        [*lines[:at], lines[at].replace(" []", ""), *example, *lines[at + 1 + len(example) :]]
    )
    validated = load_map(uncommented.encode(), "m.journey.yaml")
    assert validated.model is not None, validated.problems
    assert validated.model.stages[0].kpis[0].name


def test_writer_order_for_the_new_keys() -> None:
    model = JourneyMap.model_validate(
        {
            "state": "future",
            "title": "T",
            "version": 1,
            "stages": [
                {
                    "opportunities": [
                        "Plain",
                        {"effort": "low", "impact": "high", "id": "o", "text": "Rated"},
                    ],
                    "systems": ["CRM"],
                    "support": ["Desk"],
                    "backstage": ["Check"],
                    "frontstage": ["Form"],
                    "customer_actions": ["Signs"],
                    "kpis": [
                        {
                            "higher_is_better": False,
                            "unit": "%",
                            "target": 5,
                            "value": 7,
                            "name": "Calls",
                        }
                    ],
                    "tone": "Warm",
                    "name": "S",
                    "actions": [{"opportunity": "o", "action": "Do"}],
                    "touchpoints": [{"name": "Site"}],
                }
            ],
        }
    )
    text = dump_map(model)
    assert text == (
        "version: 1\ntitle: T\nlanguage: en\nstate: future\nstages:\n"
        "  - id: s\n    name: S\n    tone: Warm\n"
        '    kpis:\n      - name: Calls\n        value: 7\n        target: 5\n        unit: "%"\n'
        "        higher_is_better: false\n"
        "    customer_actions:\n      - Signs\n"
        "    touchpoints:\n      - id: site\n        name: Site\n"
        "    frontstage:\n      - Form\n    backstage:\n      - Check\n"
        "    support:\n      - Desk\n    systems:\n      - CRM\n"
        "    opportunities:\n      - Plain\n      - text: Rated\n        id: o\n"
        "        impact: high\n        effort: low\n"
        "    actions:\n      - action: Do\n        opportunity: o\n"
    )
    assert load_map(text.encode(), "t.journey.yaml").model == model
