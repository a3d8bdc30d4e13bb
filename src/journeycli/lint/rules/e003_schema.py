"""E003: the map does not follow the v1 format."""

from journeycli.lint.rules.base import Rule
from journeycli.problems import Severity

RULE = Rule(
    code="E003",
    name="schema-violation",
    severity=Severity.ERROR,
    summary="A missing required key, a wrong type, a value out of range, an unknown key, "
    "or an unquoted yes/no/on/off.",
    why="Scores outside 0-100, typos in keys and YAML 1.1 surprises (`no` read as false, "
    "`012` read as 10) would silently change the analysis.",
    bad="  - name: Oriëntatie\n    relevence: 85\n    presence: 130\n",
    good="  - name: Oriëntatie\n    relevance: 85\n    presence: 30\n",
)
