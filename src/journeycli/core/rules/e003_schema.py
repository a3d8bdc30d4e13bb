"""E003: the map does not follow the v1 format.

Validation finds almost every E003 while reading the file; the one check
left here needs the reference date (docs/lint.md, "Evidence age and the
reference date"): an evidence date after it.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.problems import Code, Severity, dotted
from journeycli.core.rules.base import Finding, Rule, RuleContext

# The one English text of the future-date message; a translation keeps the {fields}.
FUTURE_DATE = (
    "{where}: {date} is after the reference date {today}; evidence cannot come from the "
    "future: write the date it was gathered"
)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for si, stage in enumerate(ctx.journey.stages):
        for ei, item in enumerate(stage.evidence):
            if item.date is not None and item.date > ctx.today:
                loc = ("stages", si, "evidence", ei, "date")
                yield Finding(
                    loc,
                    FUTURE_DATE.format(
                        where=dotted(loc), date=item.date.isoformat(), today=ctx.today.isoformat()
                    ),
                )


RULE = Rule(
    code=Code.E003,
    name="schema-violation",
    severity=Severity.ERROR,
    summary="A missing required key, a wrong type, a value out of range, an unknown key, "
    "an unquoted yes/no/on/off, or an evidence date after the reference date.",
    why=(
        "A score outside 0-100, a misspelt key or a YAML 1.1 surprise (`no` read as false, "
        "`012` read as 10) would silently change the analysis. Unknown keys get a did-you-mean;"
        " keys of your own must start with `x-`. An evidence date after the reference date "
        "(`--today`, default today) is a typo that would keep the scores fresh forever. A Dutch "
        "label copied from a Dutch report (`horizon: nu`) names the one value to write "
        "(`'nu' is the Dutch label; write now`). `journey fix` fixes Dutch labels, a bare "
        "yes/no/on/off in a text field and a single value where a list belongs, in place "
        "(docs/fix.md)."
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
    check=check,
)
