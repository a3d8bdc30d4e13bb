"""The lint errors of one map: run the rule registry on a loaded document.

`journey lint` reports these problems; report, diff, summary and export
refuse a map with errors using the same function, so a map is never usable
for one command and invalid for another (docs/lint.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from journeycli.core.dates import DEFAULT_EVIDENCE_MAX_AGE, reference_date
from journeycli.core.errors import InvalidMapError, UsageError
from journeycli.core.gcpause import paused_gc
from journeycli.core.loader import Limits
from journeycli.core.model import JourneyMap
from journeycli.core.problems import Problem
from journeycli.core.rules import CHECKED_RULES, RULES, RuleContext
from journeycli.core.scoring import DEFAULT_GAP_THRESHOLD
from journeycli.core.validation import ValidatedMap, load_map


@dataclass(frozen=True, slots=True)
class LintOptions:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    gap_threshold: int = DEFAULT_GAP_THRESHOLD
    limits: Limits = field(default_factory=Limits)
    today: dt.date | None = None  # the reference date; None: `reference_date()`
    evidence_max_age: int = DEFAULT_EVIDENCE_MAX_AGE

    def wants(self, code: str) -> bool:
        """Selected (all when nothing is selected) and not ignored; codes or prefixes.

        As in flake8 and ruff, the most specific match wins, so `--select W102
        --ignore W` keeps W102; on a tie (`--select W1 --ignore W1`) ignore wins.
        Only warnings are chosen this way: errors are always reported (`reports`).
        """
        selected = max(
            (len(p) for p in self.select if code.startswith(p)), default=-1 if self.select else 0
        )
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def reports(self, problem: Problem) -> bool:
        """Every error, and the warnings `wants`: a configuration file in a pull request
        must not be able to hide errors (`ignore = ["E"]`); docs/security.md."""
        return problem.is_error or self.wants(problem.code)


def check_map(
    validated: ValidatedMap,
    gap_threshold: int = DEFAULT_GAP_THRESHOLD,
    *,
    today: dt.date | None = None,
    evidence_max_age: int = DEFAULT_EVIDENCE_MAX_AGE,
) -> list[Problem]:
    """Every problem of one map: loading, schema, then the rules (in registry order).

    `today` is the reference date of W108 and of E003's future dates; None
    means `dates.reference_date()` ($JOURNEY_TODAY, else the system date).
    """
    problems = list(validated.problems)
    model, document = validated.model, validated.document
    if model is None:
        return problems
    context = RuleContext(model, gap_threshold, reference_date(today), evidence_max_age)
    with paused_gc():  # see paused_gc: the rules walk a large model without cycles
        for rule in CHECKED_RULES:
            assert rule.check is not None
            for finding in rule.check(context):
                line, col = document.positions.locate(
                    document.data, finding.loc, key=finding.at_key
                )
                problems.append(
                    Problem(document.path, line, col, rule.code, rule.severity, finding.message)
                )
    return problems


def map_errors(
    validated: ValidatedMap,
    gap_threshold: int = DEFAULT_GAP_THRESHOLD,
    *,
    today: dt.date | None = None,
) -> list[Problem]:
    """The errors (not warnings) that make a map unusable for report, diff and export.

    Every command checks future evidence dates against the same reference
    date as lint (`today`, else `dates.reference_date()`).
    """
    return sorted(p for p in check_map(validated, gap_threshold, today=today) if p.is_error)


def valid_map(raw: bytes, name: str, limits: Limits | None = None) -> JourneyMap:
    """Bytes -> the model of a map with no lint errors, or InvalidMapError carrying them.

    Warnings (an unscored stage, a missing owner) do not stop a command, but
    duplicate ids (E004) or dangling references (E005) would make matching by
    id and scoring meaningless, so those do.
    """
    validated = load_map(raw, name, limits or Limits())
    errors = map_errors(validated)
    if errors or validated.model is None:
        raise InvalidMapError(errors)
    return validated.model


def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """`["W1,E003", "W102"]` -> `("W1", "E003", "W102")`, upper-cased, validated."""
    codes: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(known.startswith(code) for known in RULES):
                raise UsageError(
                    f"unknown rule code or prefix '{part.strip()}'",
                    hint=f"known codes: {', '.join(RULES)}",
                )
            codes.append(code)
    return tuple(codes)
