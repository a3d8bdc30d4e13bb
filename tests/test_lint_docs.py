"""docs/rules.md is generated from the rule registry, and its examples are true.

When this fails after a change to a rule's texts, regenerate the file with
`journey lint --explain all > docs/rules.md` and review the diff.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from journeycli.core.checks import check_map
from journeycli.core.rules import RULES, Rule
from journeycli.core.validation import load_map
from journeycli.lint.explain import anchor, explain, rules_markdown

RULES_MD = ROOT / "docs" / "rules.md"


def test_docs_rules_md_matches_the_registry() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is out of date: run `journey lint --explain all > docs/rules.md`"
    )


def test_explain_all_prints_docs_rules_md(cli) -> None:
    result = cli(["lint", "--explain", "all"])
    assert result.code == 0
    assert result.out == RULES_MD.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_every_rule_is_documented_with_why_and_examples(rule: Rule) -> None:
    assert rule.name and rule.summary.endswith(".")
    assert len(rule.why) > 80, "say why the rule matters, in the domain's terms"
    assert rule.bad and rule.good
    section = explain(rule.code)
    assert section.startswith(f"## {rule.code} {rule.name}\n")
    assert f"(#{anchor(rule)})" in rules_markdown()


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_the_bad_example_triggers_the_rule_and_the_good_one_does_not(rule: Rule) -> None:
    def found(text: str) -> set[str]:
        return {p.code for p in check_map(load_map(text.encode(), "example.journey.yaml"))}

    assert rule.code in found(rule.bad)
    assert rule.code not in found(rule.good)


def test_the_rules_carry_the_domain() -> None:
    """The reasons speak of evidence, moments of truth and plans, not of YAML alone."""
    assert "evidence" in RULES["W102"].why
    assert "moment of truth" in RULES["W106"].why
    assert "roadmap" in RULES["W103"].why
