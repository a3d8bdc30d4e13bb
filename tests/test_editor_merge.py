"""`Editor.merge`: nested values written in place, comments and layout kept (docs/fix.md)."""

from __future__ import annotations

import pytest
import yaml

from journeycli.core.editor import EditError, Editor

MAP = """\
stages:
  - id: a   # eerste fase
    relevance: 60  # uit de workshop
    persona_scores:
      starter: {relevance: 95}
    evidence:
      - type: survey
        source: panel
  - id: b
    notes:
"""


def merged(text: str, loc: tuple[str | int, ...], values: dict[str, object]) -> str:
    editor = Editor(text)
    editor.merge(loc, values)
    return editor.text()


def test_replaces_written_values_and_adds_missing_keys_in_place() -> None:
    out = merged(
        MAP,
        ("stages", 0),
        {"relevance": 70, "presence": 20, "persona_scores": {"starter": {"relevance": 90}}},
    )
    assert "    relevance: 70  # uit de workshop\n" in out
    assert "      starter: {relevance: 90}\n" in out
    assert "  - id: a   # eerste fase\n" in out
    assert yaml.safe_load(out)["stages"][0]["presence"] == 20


def test_adds_into_a_flow_mapping_and_makes_a_new_block() -> None:
    out = merged(
        MAP,
        ("stages", 0, "persona_scores"),
        {"starter": {"presence": 10}, "doorstromer": {"relevance": 40, "presence": 30}},
    )
    assert "      starter: {relevance: 95, presence: 10}\n" in out
    assert "      doorstromer:\n        relevance: 40\n        presence: 30\n" in out


def test_a_missing_mapping_is_added_with_all_values_under_it() -> None:
    out = merged(MAP, ("stages", 1, "persona_scores", "starter"), {"relevance": 1, "presence": 2})
    data = yaml.safe_load(out)
    assert data["stages"][1]["persona_scores"] == {"starter": {"relevance": 1, "presence": 2}}
    assert out.count("persona_scores:") == 2


def test_an_empty_key_becomes_a_block_and_list_items_merge() -> None:
    out = merged(MAP, ("stages", 1, "notes"), {"x": "y"})
    assert yaml.safe_load(out)["stages"][1]["notes"] == {"x": "y"}
    out = merged(MAP, ("stages", 0, "evidence", 0), {"source": "panel", "n": 12, "margin": 9.5})
    assert "        source: panel\n        n: 12\n        margin: 9.5\n" in out  # n plain


def test_a_value_that_is_a_list_is_refused() -> None:
    with pytest.raises(EditError):
        merged(MAP, ("stages", 0), {"evidence": 3})
