"""What lands in pull-request comments and diagrams (issue 15, items 9 and 10).

- `metrics.currency` is a code or a sign (E003 otherwise), and the Markdown
  report escapes it like all text anyway.
- No exported Mermaid text holds `%%`, so a map cannot configure Mermaid with a
  `%%{init: ...}%%` directive; the import restores the text. Real Mermaid's
  view of it is tested in tests/test_mermaid_real.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from journeycli.core.model import JourneyMap, Language
from journeycli.interop.mermaid import from_mermaid, to_mermaid
from journeycli.report.formats.markdown import environment

MAP = """\
version: 1
title: Money
metrics: {{volume: 1000, value: 50, currency: {currency}}}
stages:
  - name: Search
    relevance: 90
    presence: 10
"""


@pytest.mark.parametrize(
    "currency",
    [
        "'<img src=x onerror=alert(1)>'",
        "'[x](https://evil.example)'",
        "'![p](https://evil.example/pixel.png)'",
        "'EUR <b>'",
        "'$$$'",
        "'Euro'",
        "''",
    ],
)
def test_currency_must_be_a_code_or_a_sign(cli: Any, tmp_path: Path, currency: str) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text(MAP.format(currency=currency), encoding="utf-8")
    result = cli(["lint", "--format", "json", path])
    assert result.code == 1
    errors = [p for p in json.loads(result.out) if p["severity"] == "error"]
    assert [(p["line"], p["code"]) for p in errors] == [(3, "E003")]
    assert "is not a currency; write an ISO 4217 code such as EUR or USD" in errors[0]["message"]
    report = cli(["report", path, "-f", "md"])
    assert report.code == 1 and report.out == ""


@pytest.mark.parametrize(
    "currency", ["EUR", "USD", "CHF", "eur", "€", "$", "£", "'R$'", "US$", "₹"]
)
def test_real_currencies_pass(cli: Any, tmp_path: Path, currency: str) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text(MAP.format(currency=currency), encoding="utf-8")
    result = cli(["lint", "--select", "E", path])
    assert result.code == 0, result.out


def test_markdown_escapes_the_currency_like_all_text() -> None:
    """Defence in depth: even a currency the model would refuse arrives as text."""
    money = environment(Language.EN).globals["money"]
    shown = money(7500, "<img src=x onerror=alert(1)>")
    tokens = [t for block in MarkdownIt("commonmark").parse(shown) for t in block.children or []]
    assert {t.type for t in tokens} == {"text"}
    assert "\\<img" in shown


PLACES = ["title", "description", "stage", "touchpoint", "persona"]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(
    "text", ['%%{init: {"theme": "forest"}}%%', "50%% off", "%%", "a %%% b", "100％% odd"]
)
def test_mermaid_export_has_no_double_percent_and_imports_back(place: str, text: str) -> None:
    texts = dict.fromkeys(PLACES, "Plain") | {place: f"Before {text}"}
    journey = JourneyMap.model_validate(
        {
            "version": 1,
            "title": texts["title"],
            "description": texts["description"],
            "personas": [{"id": "p", "name": texts["persona"]}],
            "stages": [
                {
                    "id": "s",
                    "name": texts["stage"],
                    "touchpoints": [{"id": "t", "name": texts["touchpoint"], "experience": 2}],
                }
            ],
        }
    )
    exported = to_mermaid(journey)
    assert "%%" not in exported
    back = from_mermaid(exported)
    shown = {
        "title": back.title,
        "description": back.description,
        "stage": back.stages[0].name,
        "touchpoint": back.stages[0].touchpoints[0].name,
        "persona": back.personas[0].name,
    }
    expected = f"Before {text}".replace("100％% odd", "100%% odd")  # a look-alike before %
    assert shown[place] == expected
