"""The in-place editor: only the bytes of the edited values change, and the result reads back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from journeycli.core.editor import Edit, EditError, Editor, apply_edits
from journeycli.core.loader import load_document

MAP = """\
# a comment that must survive
version: 1
title: Hypotheek   # inline comment
stages:
  # the first stage
  - id: orientatie
    name: Oriëntatie
    relevance: 85    # guessed
    evidence:
      - type: interview
        source: Tien starters

  - id: aanvraag
    name: Aanvraag
    feelings: [gespannen]
    persona_scores: {starter: {relevance: 90}}
    evidence: []
    questions:
# trailing comment
"""


def data(text: str) -> dict[str, Any]:
    document = load_document(text.encode("utf-8"), "m.journey.yaml")
    assert document.data is not None, document.problems
    return document.data


def edited(text: str, *changes: tuple[str, tuple[Any, ...], Any]) -> str:
    editor = Editor(text)
    for method, *args in changes:
        getattr(editor, method)(*args)
    return editor.text()


def test_replace_changes_only_the_value() -> None:
    out = edited(MAP, ("replace", ("stages", 0, "relevance"), "55"))
    assert out == MAP.replace("relevance: 85    # guessed", "relevance: 55    # guessed")


def test_set_scalar_replaces_a_written_value_with_the_writers_quoting() -> None:
    out = edited(MAP, ("set_scalar", ("title",), "no"))
    assert 'title: "no"   # inline comment' in out
    assert data(out)["title"] == "no"


def test_set_scalar_inserts_a_missing_key_at_the_mappings_indentation() -> None:
    out = edited(MAP, ("set_scalar", ("stages", 0, "presence"), 30))
    lines = out.splitlines()
    where = lines.index("        source: Tien starters")
    assert lines[where + 1] == "    presence: 30"
    assert data(out)["stages"][0]["presence"] == 30
    assert out.replace("    presence: 30\n", "") == MAP


def test_set_scalar_creates_the_missing_parents() -> None:
    out = edited(MAP, ("set_scalar", ("stages", 0, "persona_scores", "starter", "presence"), 20))
    assert "    persona_scores:\n      starter:\n        presence: 20\n" in out
    assert data(out)["stages"][0]["persona_scores"] == {"starter": {"presence": 20}}


def test_insert_into_a_flow_mapping_stays_flow() -> None:
    out = edited(MAP, ("set_scalar", ("stages", 1, "persona_scores", "starter", "presence"), 20))
    assert "persona_scores: {starter: {relevance: 90, presence: 20}}" in out


def test_append_to_a_block_list_matches_its_indentation() -> None:
    item = {"type": "survey", "source": "NPS, Q1: 2026", "date": dt.date(2026, 3, 1)}
    out = edited(MAP, ("append_item", ("stages", 0, "evidence"), item))
    assert (
        "        source: Tien starters\n"
        "      - type: survey\n"
        '        source: "NPS, Q1: 2026"\n'
        "        date: 2026-03-01\n"
    ) in out
    assert data(out)["stages"][0]["evidence"][1] == item


def test_append_to_a_flow_list_and_to_an_empty_one() -> None:
    out = edited(
        MAP,
        ("append_item", ("stages", 1, "feelings"), "moe, maar blij"),
        ("append_item", ("stages", 1, "evidence"), {"type": "poll", "source": "Peiling"}),
    )
    assert 'feelings: [gespannen, "moe, maar blij"]' in out
    assert "    evidence:\n      - type: poll\n        source: Peiling\n    questions:" in out
    stage = data(out)["stages"][1]
    assert stage["feelings"] == ["gespannen", "moe, maar blij"]
    assert stage["evidence"] == [{"type": "poll", "source": "Peiling"}]


def test_append_to_an_empty_value_opens_a_block_under_its_key() -> None:
    out = edited(MAP, ("append_item", ("stages", 1, "questions"), "Wat kost het?"))
    assert "    questions:\n      - Wat kost het?\n# trailing comment\n" in out


def test_crlf_bom_and_no_final_newline_are_kept() -> None:
    text = "version: 1\r\ntitle: T\r\nstages:\r\n  - name: S\r\n    relevance: 5"
    raw = ("\ufeff" + text).encode("utf-8")
    editor = Editor.from_bytes(raw)
    editor.set_scalar(("stages", 0, "presence"), 7)
    editor.replace(("title",), "U")
    out = editor.to_bytes()
    assert (
        out
        == (
            "\ufeffversion: 1\r\ntitle: U\r\nstages:\r\n  - name: S\r\n"
            "    relevance: 5\r\n    presence: 7"
        ).encode()
    )


def test_a_value_shared_through_an_anchor_is_not_edited() -> None:
    text = "base: &b\n  horizon: nu\nother: *b\nlist: [&x a, *x]\nblock: |\n  text\n"
    editor = Editor(text)
    for loc in [("base", "horizon"), ("other",), ("list", 0), ("list", 1)]:
        with pytest.raises(EditError, match="anchor or alias"):
            editor.replace(loc, "now")
    with pytest.raises(EditError, match="block of text"):
        editor.replace(("block",), "x")
    with pytest.raises(EditError, match="not written"):
        editor.replace(("missing",), "x")


def test_two_edits_of_one_value_are_refused() -> None:
    editor = Editor(MAP)
    editor.replace(("title",), "A")
    with pytest.raises(EditError, match="same value"):
        editor.replace(("title",), "B")
    with pytest.raises(EditError, match="overlap"):
        apply_edits("abc", [Edit(0, 2, "x"), Edit(1, 3, "y")])


def test_insertions_at_one_place_keep_their_order() -> None:
    out = edited(
        MAP,
        ("set_scalar", ("stages", 0, "presence"), 30),
        ("set_scalar", ("stages", 0, "conversion"), 40.5),
    )
    assert "        source: Tien starters\n    presence: 30\n    conversion: 40.5\n" in out


def test_duplicated_key_edits_the_value_the_loader_keeps() -> None:
    out = edited("a: 1\na: 2\n", ("replace", ("a",), "3"))
    assert out == "a: 1\na: 3\n"


def test_an_empty_flow_item_stays_flow_and_a_null_item_is_not_a_mapping() -> None:
    text = "list:\n  - {}\n  - []\n  -\n"
    out = edited(
        text,
        ("insert_key", ("list", 0), "a", 1),
        ("append_item", ("list", 1), "x, y"),
    )
    assert out == 'list:\n  - {a: 1}\n  - ["x, y"]\n  -\n'
    with pytest.raises(EditError, match="not a mapping"):
        Editor(text).insert_key(("list", 2), "a", 1)


def test_a_key_with_null_or_tilde_gets_a_block_and_keeps_its_comment() -> None:
    text = "a: ~   # none yet\nb:\nc: 1\n"
    out = edited(text, ("insert_key", ("a",), "k", "v"), ("append_item", ("b",), 2))
    assert out == "a:   # none yet\n  k: v\nb:\n  - 2\nc: 1\n"
    assert data(out) == {"a": {"k": "v"}, "b": [2], "c": 1}
