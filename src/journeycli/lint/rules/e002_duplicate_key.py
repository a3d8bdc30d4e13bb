"""E002: a mapping key written twice (YAML keeps only the last, silently)."""

from journeycli.lint.rules.base import Rule
from journeycli.problems import Severity

RULE = Rule(
    code="E002",
    name="duplicate-key",
    severity=Severity.ERROR,
    summary="A duplicated mapping key.",
    why="YAML parsers keep one of the two values without a word, so a score or a "
    "name that a reviewer reads may not be the one the tools use.",
    bad="  - name: Aankoop\n    presence: 40\n    presence: 60\n",
    good="  - name: Aankoop\n    presence: 60\n",
)
