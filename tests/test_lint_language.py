"""Lint and command messages in the map's language (docs/lint.md, "Messages in Dutch").

The Dutch maps under tests/data/lang/nl break every rule (E001-E006,
W101-W112); their lint output is compared with golden files: in Dutch as
the maps ask (tests/golden/lint/nl.txt, read by a Dutch CX reader), and in
English with `--lang en` (tests/golden/lint/en.txt). Regenerate after an
intended change with `JOURNEY_UPDATE_GOLDEN=1 pytest tests/test_lint_language.py`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import string
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES
from journeycli.core.messages import CATALOGUES, Message, en, msg, nl
from journeycli.core.model import Language
from journeycli.core.problems import Code

GOLDEN = Path(__file__).resolve().parent / "golden" / "lint"
UPDATE = os.environ.get("JOURNEY_UPDATE_GOLDEN") == "1"
LANG = DATA / "lang"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_english_message_has_a_dutch_one_with_the_same_fields() -> None:
    assert set(nl.MESSAGES) == set(en.MESSAGES)
    for message_id, english in en.MESSAGES.items():
        assert _fields(nl.MESSAGES[message_id]) == _fields(english), message_id
        assert nl.MESSAGES[message_id] != english or message_id in _SAME_IN_BOTH, message_id


# Ids whose Dutch text is the English one on purpose (a symbol, a name, a quoted key).
_SAME_IN_BOTH = {
    "e003.value",
    "word.persona",
    "w106.everyone",
    "value.one_item",
    "fix.no_note",
    "fix.summary",
}


def test_every_code_has_its_messages_in_the_catalogue() -> None:
    for code in Code:
        assert any(i == code.lower() or i.startswith(f"{code.lower()}.") for i in en.MESSAGES), code


def test_no_dutch_message_calls_a_journey_map_a_map() -> None:
    """In Dutch a "map" is a folder; a journey map is a klantreis(kaart)."""
    for message_id, dutch in nl.MESSAGES.items():
        words = re.sub(r"\{\w+\}", "", dutch)
        assert not re.search(r"\bmaps?\b", words), message_id


def test_an_unknown_id_fails_at_once() -> None:
    with pytest.raises(KeyError):
        msg("w999")


def test_numbers_follow_the_language() -> None:
    message = msg("e006.nodes", limit=1_000_000)
    assert "1,000,000 nodes" in message.render(Language.EN)
    assert "1.000.000 knooppunten" in message.render(Language.NL)
    assert str(message) == message.render(Language.EN)
    assert set(CATALOGUES) == set(Language)


def test_a_nested_word_is_translated_too() -> None:
    message = msg("w101", stage="Levering", missing=msg("w101.presence"))
    assert isinstance(message.args[1][1], Message)
    assert message.render("nl").startswith(
        "fase 'Levering' heeft nog geen score voor aanwezigheid (presence); daardoor telt de fase"
    )


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with JOURNEY_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "golden"), [([], "nl.txt"), (["--lang", "en"], "en.txt")])
def test_dutch_maps_lint_in_dutch_for_every_rule(
    cli, monkeypatch: pytest.MonkeyPatch, args: list[str], golden: str
) -> None:
    monkeypatch.chdir(LANG)  # relative paths in the output; LANG/.journey.toml shields config
    result = cli(["lint", "--today", "2026-12-01", *args, "nl"])
    assert result.code == 1
    codes = set(re.findall(r": ([EW]\d{3}) ", result.out))
    assert codes == {str(code) for code in Code}, "the maps must break every rule"
    _golden(golden, result.out)


def test_the_dutch_output_has_no_english_left() -> None:
    dutch = (GOLDEN / "nl.txt").read_text(encoding="utf-8")
    english_words = ("stage '", "has no", "unknown", ", got", "Found", " map ", "did you mean")
    for english in english_words:
        assert english not in dutch, english
    # PyYAML's own words stay as the parser wrote them, in brackets (docs/lint.md)
    assert dutch.endswith("15 fouten en 13 waarschuwingen gevonden in 4 klantreiskaarten.\n")


def test_an_english_map_lints_in_english_and_lang_overrides_it(cli) -> None:
    english = EXAMPLES / "meal-kit.journey.yaml"
    warnings = cli(["lint", "--select", "W", english, "--strict"])
    assert "Found 0 errors and" in warnings.out or "All clear" in warnings.out
    broken = english.read_text(encoding="utf-8").replace("relevance:", "relevanse:", 1)
    result = cli(["lint", "-"], stdin=broken.encode())
    assert "unknown key 'relevanse'; did you mean 'relevance'?" in result.out
    assert result.out.endswith("Found 1 error and 0 warnings in 1 map.\n")
    result = cli(["lint", "--lang", "nl", "-"], stdin=broken.encode())
    assert "onbekende sleutel 'relevanse'; bedoel je 'relevance'?" in result.out
    assert result.out.endswith("1 fout en 0 waarschuwingen gevonden in 1 klantreiskaart.\n")


def test_codes_and_json_keys_stay_as_they_are_in_dutch(cli) -> None:
    source = (LANG / "nl" / "c-schema.journey.yaml").read_bytes()
    dutch = json.loads(cli(["lint", "--format", "json", "-"], stdin=source).out)
    english = json.loads(cli(["lint", "--format", "json", "--lang", "en", "-"], stdin=source).out)
    strip = [{k: v for k, v in p.items() if k != "message"} for p in dutch]
    assert strip == [{k: v for k, v in p.items() if k != "message"} for p in english]
    assert [p["code"] for p in dutch] == ["E003"] * 8
    assert dutch[2]["message"].endswith("valt buiten het bereik (maximaal 100)")
    assert english[2]["message"].endswith("is out of range (must be at most 100)")


def test_other_commands_refuse_a_dutch_map_in_dutch(cli) -> None:
    result = cli(["report", str(LANG / "nl" / "c-schema.journey.yaml")])
    assert result.code == 1
    assert "onbekende sleutel 'relevantie'; bedoel je 'relevance'?" in result.err + result.out


def test_every_problem_of_the_dutch_maps_comes_from_the_catalogue() -> None:
    """A message written as plain text would stay English in a Dutch map."""
    from journeycli.core.checks import check_map
    from journeycli.core.settings import Settings
    from journeycli.core.validation import load_map
    from journeycli.lint.run import lint_map

    settings = Settings(today=dt.date(2026, 12, 1))
    for path in sorted((LANG / "nl").glob("*.journey.yaml")):
        found = check_map(load_map(path.read_bytes(), str(path)), settings)
        assert found and all(p.template is not None for p in found), path
        problems, lang = lint_map(str(path), settings)  # written in Dutch, templates dropped
        assert lang is Language.NL, path
        assert [p.message for p in problems] == [
            p.in_language(Language.NL).message for p in found if settings.reports(p)
        ], path
