"""Rule documentation from the registry: `journey lint --explain`, docs/rules.md, SARIF help.

One source for every description, so the docs, the terminal and GitHub code
scanning never disagree; a test fails when docs/rules.md drifts from
`rules_markdown()` (regenerate with `journey lint --explain all > docs/rules.md`).
"""

from __future__ import annotations

import textwrap

from journeycli.core.errors import UsageError
from journeycli.core.problems import Severity
from journeycli.core.rules import RULES, Rule

ALL = "all"

_INTRO = """\
# Lint rules

<!-- Generated from the rule registry: `journey lint --explain all > docs/rules.md`.
     tests/test_lint_docs.py fails when this file and the registry disagree. -->

`journey lint` reports two kinds of problems. **Errors** (E) mean the file is
not a valid map: `report`, `export` and `diff` refuse it, and `journey lint`
exits 1. **Warnings** (W) are about the quality of the analysis: evidence over
guesses, moments of truth that break the experience, gaps without a plan. They
fail the run only with `--strict`.

Show one rule in the terminal with `journey lint --explain W102`. Turn a
warning off with `--ignore W102` (or `ignore = ["W102"]` in the configuration),
or for one line with a `# journey: ignore[W102]` comment; see
[lint.md](lint.md). Errors cannot be turned off or suppressed.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def anchor(rule: Rule) -> str:
    """The heading's anchor as GitHub makes it: `W102 assumed-scores` -> `w102-assumed-scores`."""
    return f"{rule.code}-{rule.name}".lower()


def _paragraph(text: str) -> str:
    """Prose wrapped at 80 columns, as markdownlint and diff-friendly docs want."""
    return textwrap.fill(text, width=80, break_long_words=False, break_on_hyphens=False) + "\n"


def _example(label: str, yaml_text: str) -> str:
    return f"{label}:\n\n```yaml\n{yaml_text.rstrip()}\n```\n"


def rule_markdown(rule: Rule) -> str:
    """One rule as a Markdown section (also what `--explain CODE` prints)."""
    parts = [
        f"## {rule.code} {rule.name}\n",
        f"**Severity:** {rule.severity.value}\n",
        _paragraph(rule.summary),
        _paragraph(f"**Why it matters.** {rule.why}"),
    ]
    if rule.bad:
        parts.append(_example("Bad", rule.bad))
    if rule.good:
        parts.append(_example("Good", rule.good))
    if rule.severity is Severity.ERROR:
        parts.append(
            _paragraph(
                "An error cannot be suppressed with a `# journey: ignore` comment, nor "
                "turned off with `--ignore`, `--select` or the configuration: fix the map."
            )
        )
    else:
        parts.append(f"Suppress it on one line with `# journey: ignore[{rule.code}]`.\n")
    return "\n".join(parts)


def rule_text(rule: Rule) -> str:
    """Plain-text help (SARIF `help.text`): why it matters, then the examples."""
    text = f"{rule.summary}\n\nWhy it matters: {rule.why}\n"
    if rule.bad:
        text += f"\nBad:\n\n{rule.bad.rstrip()}\n"
    if rule.good:
        text += f"\nGood:\n\n{rule.good.rstrip()}\n"
    return text


def rules_markdown() -> str:
    """The whole of docs/rules.md."""
    table = ["| code | name | severity | problem |", "| --- | --- | --- | --- |"]
    table += [
        f"| [{r.code}](#{anchor(r)}) | {r.name} | {r.severity.value} | {_cell(r.summary)} |"
        for r in RULES.values()
    ]
    sections = [_INTRO, "\n".join(table) + "\n"]
    sections += [rule_markdown(rule) for rule in RULES.values()]
    return "\n".join(sections)


def find_rule(query: str) -> Rule:
    """A rule by code (`w102`) or by name (`assumed-scores`)."""
    wanted = query.strip()
    for rule in RULES.values():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    raise UsageError(
        f"unknown rule '{query}'",
        hint=f"use a code such as W102, or 'all'; known: {', '.join(RULES)}",
    )


def explain(query: str) -> str:
    """What `journey lint --explain QUERY` prints: one rule, or every rule for `all`."""
    if query.strip().lower() == ALL:
        return rules_markdown()
    return rule_markdown(find_rule(query))
