"""E003: the map does not follow the v1 format."""

from journeycli.core.problems import Severity
from journeycli.core.rules.base import Rule

RULE = Rule(
    code="E003",
    name="schema-violation",
    severity=Severity.ERROR,
    summary="A missing required key, a wrong type, a value out of range, an unknown key, "
    "or an unquoted yes/no/on/off.",
    why=(
        "A score outside 0-100, a misspelt key or a YAML 1.1 surprise (`no` read as false, "
        "`012` read as 10) would silently change the analysis. Unknown keys get a did-you-mean;"
        " keys of your own must start with `x-`."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevence: 85\n"
        "    presence: 130\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevance: 85\n"
        "    presence: 30\n"
    ),
)
