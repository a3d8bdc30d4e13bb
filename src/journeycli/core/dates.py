"""The reference date and evidence age: one definition of "how old is too old".

Evidence ages (docs/lint.md, "Evidence age"): W108 warns when an evidence
date lies before the reference date minus `evidence-max-age` calendar months,
and a date after the reference date is an error (E003). The reference date is
`--today YYYY-MM-DD` when given, else the `JOURNEY_TODAY` environment variable,
else the system date; with either of the first two, lint and report give the
same result on any day.

Month arithmetic: step back whole calendar months and keep the day of the
month, clamped to the last day of a shorter month (2026-08-31 minus 18 months
is 2025-02-28). Evidence dated exactly on that day is still fine; one day
earlier is stale.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re

from journeycli.core.errors import UsageError

DEFAULT_EVIDENCE_MAX_AGE = 18  # months
MAX_EVIDENCE_MAX_AGE = 1200  # a hundred years: beyond that no date can be stale
TODAY_VARIABLE = "JOURNEY_TODAY"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text: str, where: str) -> dt.date:
    """`2026-12-01` -> a date; anything else is a usage error that names `where`."""
    value = text.strip()
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise UsageError(
                f"{where}: '{text}' is not a date that exists",
                hint="write the date as YYYY-MM-DD, such as 2026-12-01",
            ) from None
    raise UsageError(
        f"{where}: '{text}' is not a date",
        hint="write the date as YYYY-MM-DD, such as 2026-12-01",
    )


def reference_date(given: dt.date | None = None) -> dt.date:
    """`given` (from `--today`), else `$JOURNEY_TODAY`, else the system date."""
    if given is not None:
        return given
    pinned = os.environ.get(TODAY_VARIABLE)
    if pinned:
        return parse_date(pinned, TODAY_VARIABLE)
    return dt.date.today()


def months_before(day: dt.date, months: int) -> dt.date:
    """`day` minus whole calendar months, the day clamped to the end of the month."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def evidence_cutoff(today: dt.date, max_age: int = DEFAULT_EVIDENCE_MAX_AGE) -> dt.date:
    """The oldest evidence date that is not stale: `today` minus `max_age` months."""
    return months_before(today, max_age)


def is_stale(date: dt.date | None, cutoff: dt.date) -> bool:
    """Dated before the cutoff; undated evidence has no age and is never stale."""
    return date is not None and date < cutoff
