"""E002: a mapping key written twice (YAML keeps only the last, silently)."""

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Rule

RULE = Rule(
    code=Code.E002,
    name="duplicate-key",
    severity=Severity.ERROR,
    summary="A duplicated mapping key.",
    why=(
        "YAML parsers keep one of the two values without a word, so the score a reviewer reads "
        "may not be the one the ranking uses. Duplicates usually come from a merge or a "
        "copy-paste; keep the value that is right and delete the other."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Aankoop\n"
        "    relevance: 80\n"
        "    presence: 40\n"
        "    presence: 60\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Aankoop\n"
        "    relevance: 80\n"
        "    presence: 60\n"
    ),
)
