"""E001: the file cannot be read as one YAML mapping."""

from journeycli.lint.rules.base import Rule
from journeycli.problems import Severity

RULE = Rule(
    code="E001",
    name="invalid-file",
    severity=Severity.ERROR,
    summary="Not valid YAML, not UTF-8, empty, more than one document, or not a mapping.",
    why="Nothing else can be checked until the file parses as one map; editors and CI "
    "must agree on what the file says.",
    bad="title: Hypotheek\nstages: [\n",
    good="version: 1\ntitle: Hypotheek\nstages:\n  - name: Oriëntatie\n",
)
