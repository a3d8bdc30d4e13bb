"""Honest funnel figures (docs/format.md "How journey computes the report"): the worked example.

The shipped mortgage map (examples/hypotheek.journey.yaml): 12,000 customers a year,
EUR 1,450 per customer who completes the journey, conversions 55 / 40 / 65 / 90 / 80,
the sixth stage (Loyaliteit) without conversion, so the funnel stops there (k = 6).

Computed by hand (exact decimals):

    stage        reach      lost      share = product of the later conversions  value at stake
    behoefte     12000      5400      .40 x .65 x .90 x .80 = .1872   5400 x .1872 x 1450 = 1465776
    orientatie    6600      3960      .65 x .90 x .80       = .468    3960 x .468  x 1450 = 2687256
    advies        2640       924      .90 x .80             = .72      924 x .72   x 1450 =  964656
    aankoop       1716       171.6    .80                              171.6 x .80 x 1450 =  199056
    gebruik       1544.4     308.88   1 (empty product)              308.88 x 1    x 1450 =  447876
    loyaliteit    1235.52    null     (no conversion: the funnel stops here)

    completed = reach(6) = 1235.52; completed value = 1235.52 x 1450 = 1791504

The old figure (lost x value) gave 5400 x 1450 = 7,830,000 for the first stage:
more than four times what the whole journey earns.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EXAMPLES
from journeycli.core.analysis import analyse
from journeycli.core.model import JourneyMap
from journeycli.core.scoring import funnel, funnel_totals
from journeycli.core.validation import load_map

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"


def load(path: Path) -> JourneyMap:
    model = load_map(path.read_bytes(), str(path)).model
    assert model is not None
    return model


def load_text(text: str) -> JourneyMap:
    validated = load_map(text.encode(), "t.journey.yaml")
    assert validated.model is not None, validated.problems
    return validated.model


def hand(*factors: str) -> Decimal:
    product = Decimal(1)
    for factor in factors:
        product *= Decimal(factor)
    return product


def test_worked_example_on_the_mortgage_map() -> None:
    journey = load(HYPOTHEEK)
    metrics = journey.metrics
    assert metrics is not None and (metrics.volume, metrics.value) == (12000, 1450)
    assert [s.conversion for s in journey.stages] == [55, 40, 65, 90, 80, None]
    steps = funnel(journey)
    reach = [hand("12000")]
    for conversion in ("0.55", "0.40", "0.65", "0.90", "0.80"):
        reach.append(reach[-1] * Decimal(conversion))
    assert [Decimal(str(step.reach)) for step in steps] == reach
    assert reach[5] == Decimal("1235.52")
    lost = [reach[i] - reach[i + 1] for i in range(5)]
    assert lost == [Decimal(x) for x in ("5400", "3960", "924", "171.6", "308.88")]
    expected_at_stake = [
        hand("5400", "0.40", "0.65", "0.90", "0.80", "1450"),
        hand("3960", "0.65", "0.90", "0.80", "1450"),
        hand("924", "0.90", "0.80", "1450"),
        hand("171.6", "0.80", "1450"),
        hand("308.88", "1450"),
    ]
    assert expected_at_stake[:2] == [Decimal("1465776"), Decimal("2687256")]  # SPEC's figures
    assert [Decimal(str(s.value_at_stake)) for s in steps[:5]] == expected_at_stake
    assert steps[5].lost is None and steps[5].value_at_stake is None
    totals = funnel_totals(journey)
    assert totals is not None
    assert Decimal(str(totals.completed)) == Decimal("1235.52")
    assert Decimal(str(totals.completed_value)) == hand("1235.52", "1450") == Decimal("1791504")
    # the sum of what each stage puts at stake is no longer a multiple of what the journey earns
    assert sum(expected_at_stake) < Decimal(12000) * Decimal(1450)


def test_worked_example_in_the_json_report(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", HYPOTHEEK, "--format", "json"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["funnel"] == {
        "volume": 12000,
        "completed": 1235.52,
        "completed_value": 1791504,
        "currency": "EUR",
        "period": "jaar",
    }
    at_stake = {s["id"]: s["value_at_stake"] for s in data["stages"]}
    assert at_stake["behoefte"] == 1465776
    assert at_stake["orientatie"] == 2687256
    assert at_stake["gebruik"] == 447876
    assert at_stake["loyaliteit"] is None


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        # Dutch map: Dutch separators; 1235.52 rounds to 1.236 whole customers
        ("terminal", ["1.236", "€ 1.791.504", "€ 1.465.776", "€ 2.687.256"]),
        ("md", ["1.236", "€ 1.791.504", "€ 1.465.776", "€ 2.687.256"]),
        ("html", ["1.236", "€ 1.791.504", "€ 1.465.776", "€ 2.687.256"]),
    ],
)
def test_every_report_shows_completed_customers_and_their_value(
    cli,  # type: ignore[no-untyped-def]
    fmt: str,
    shown: list[str],
) -> None:
    result = cli(["report", HYPOTHEEK, "--format", fmt])
    assert result.code == 0, result.err
    for text in shown:
        assert text in result.out, (fmt, text)
    assert "7.830.000" not in result.out  # the old, overstated figure


def test_english_labels_for_completed(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["report", HYPOTHEEK, "--lang", "en"])
    assert result.code == 0
    assert "Completed: 1,236 customers per jaar, worth €1,791,504." in result.out


BASE = """\
version: 1
title: T
metrics: {{{metrics}}}
stages:
  - {{name: A, conversion: 50}}
  - {{name: B, conversion: 20}}
  - {{name: C{c3}}}
  - {{name: D, conversion: 10}}
"""


def test_funnel_that_stops_midway_counts_the_reach_of_the_stop_as_completed() -> None:
    # k = 3 (C has no conversion): completed = reach(3) = 1000 x .5 x .2 = 100
    journey = load_text(BASE.format(metrics="volume: 1000, value: 10", c3=""))
    steps = funnel(journey)
    assert [s.reach for s in steps] == [1000, 500, 100, None]
    # A: lost 500, share .2 -> 500 x .2 x 10 = 1000; B: lost 400, share 1 -> 4000
    assert [s.value_at_stake for s in steps] == [1000, 4000, None, None]
    totals = funnel_totals(journey)
    assert totals is not None and (totals.completed, totals.completed_value) == (100, 1000)


def test_every_stage_converting_completes_after_the_last_stage() -> None:
    # k = n + 1: completed = reach(4) x conversion(4) = 1000 x .5 x .2 x .3 x .1 = 3
    journey = load_text(BASE.format(metrics="volume: 1000, value: 10", c3=", conversion: 30"))
    steps = funnel(journey)
    assert [s.reach for s in steps] == [1000, 500, 100, 30]
    # A: 500 x (.2 x .3 x .1) x 10 = 30; B: 400 x (.3 x .1) x 10 = 120;
    # C: 70 x .1 x 10 = 70; D: 27 x 1 x 10 = 270
    assert [s.value_at_stake for s in steps] == [30, 120, 70, 270]
    totals = funnel_totals(journey)
    assert totals is not None and (totals.completed, totals.completed_value) == (3, 30)


def test_volume_without_value_computes_completed_but_no_value() -> None:
    journey = load_text(BASE.format(metrics="volume: 1000", c3=""))
    totals = funnel_totals(journey)
    assert totals is not None
    assert (totals.completed, totals.completed_value) == (100, None)
    assert all(step.value_at_stake is None for step in funnel(journey))
    data = analyse(journey)
    assert data.funnel is not None and data.funnel.completed == 100


def test_no_volume_means_no_funnel_object(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "t.journey.yaml"
    path.write_text(BASE.format(metrics="value: 10", c3=""), encoding="utf-8")
    assert funnel_totals(load(path)) is None
    result = cli(["report", path, "--format", "json"])
    assert json.loads(result.out)["funnel"] is None
