"""W108: evidence older than `evidence-max-age` months before the reference date."""

from __future__ import annotations

from collections.abc import Iterator

from journeycli.core.dates import evidence_cutoff, is_stale
from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Finding, Rule, RuleContext

# The one English text of this rule's message; a translation keeps the {fields}.
MESSAGE = (
    "evidence '{source}' is dated {date}, more than {months} months before {today}; "
    "measure again and update the scores and the date"
)


def check(ctx: RuleContext) -> Iterator[Finding]:
    cutoff = evidence_cutoff(ctx.today, ctx.evidence_max_age)
    for si, stage in enumerate(ctx.journey.stages):
        for ei, item in enumerate(stage.evidence):
            if item.date is not None and is_stale(item.date, cutoff):
                yield Finding(
                    ("stages", si, "evidence", ei, "date"),
                    MESSAGE.format(
                        source=item.source,
                        date=item.date.isoformat(),
                        months=ctx.evidence_max_age,
                        today=ctx.today.isoformat(),
                    ),
                )


RULE = Rule(
    code=Code.W108,
    name="stale-evidence",
    severity=Severity.WARNING,
    summary="Evidence dated more than `evidence-max-age` months (default 18) before the "
    "reference date.",
    why=(
        "Scores age. Customers, competitors and the product move on, and a map last measured "
        "two years ago describes a journey that no longer exists: its scores are assumptions "
        "again, and the report marks a stage whose every measurement is this old as stale. "
        "Measure again and update the scores and the date. The reference date is `--today` "
        "(default: the `JOURNEY_TODAY` environment variable, else the system date); the limit "
        "is `--evidence-max-age` or `evidence-max-age` in the configuration, in calendar "
        "months. Evidence exactly that many months old is still fine, undated evidence is "
        "never stale, and a date after the reference date is an error (E003). The examples "
        "assume `--today 2026-12-01`."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevance: 85\n"
        "    presence: 30\n"
        "    evidence:\n"
        "      - type: survey\n"
        "        source: Klantonderzoek 2024 (n=380)\n"
        "        date: 2024-03-01\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    relevance: 85\n"
        "    presence: 30\n"
        "    evidence:\n"
        "      - type: survey\n"
        "        source: Klantonderzoek 2026 (n=412)\n"
        "        date: 2026-03-01\n"
    ),
    check=check,
)
