"""Labels and number formatting per language (journeycli.core.i18n)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeycli.core import i18n
from journeycli.core.model import Effort, Horizon, Language, Status

EN, NL = Language.EN, Language.NL


@pytest.mark.parametrize(
    ("value", "currency", "lang", "expected"),
    [
        (7500000, "EUR", NL, "€ 7.500.000"),
        (7500000, "EUR", EN, "€7,500,000"),
        (1450, "EUR", NL, "€ 1.450"),
        (12.5, "USD", EN, "$12.50"),
        (12.5, "EUR", NL, "€ 12,50"),
        (1234.56, "EUR", EN, "€1,235"),  # from 1,000 on: whole units
        (0, "GBP", EN, "£0"),
        (1200, "CHF", EN, "CHF 1,200"),
        (1200, "CHF", NL, "CHF 1.200"),
        (None, "EUR", EN, "–"),
    ],
)
def test_money(value: float | None, currency: str, lang: Language, expected: str) -> None:
    assert i18n.money(value, currency, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1235.52, NL, "1.236"),
        (1235.5, EN, "1,236"),  # half up, not banker's rounding
        (1234.5, EN, "1,235"),
        (0.4, EN, "0"),
        (12000, NL, "12.000"),
        (None, NL, "–"),
    ],
)
def test_number(value: float | None, lang: Language, expected: str) -> None:
    assert i18n.number(value, lang) == expected


def test_percent_and_decimal() -> None:
    assert i18n.percent(40, EN) == "40%"
    assert i18n.percent(12.5, EN) == "12.5%"
    assert i18n.percent(12.5, NL) == "12,5%"
    assert i18n.percent(None, NL) == "–"
    assert i18n.decimal(2.5, NL) == "2,5"
    assert i18n.decimal(4.0, EN) == "4"


def test_labels_of_enum_values() -> None:
    assert i18n.label(Horizon.NEXT, NL) == "volgende"
    assert i18n.label(Status.TODO, EN) == "to do"
    assert i18n.label(Effort.HIGH, NL) == "hoog"
    assert i18n.label(None, EN) == "–"
    intro = i18n.text("gaps_without_plan_intro", NL, threshold=30)
    assert intro.startswith("Fasen met een gap van 30 ")


def test_every_message_exists_in_every_language() -> None:
    for key, translations in i18n.MESSAGES.items():
        assert set(translations) == set(Language), key
        placeholders = [sorted(_fields(text)) for text in translations.values()]
        assert placeholders[0] == placeholders[1], key


def _fields(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_grouping_round_trips(value: int) -> None:
    assert int(i18n.number(value, EN).replace(",", "")) == value
    assert int(i18n.number(value, NL).replace(".", "")) == value
