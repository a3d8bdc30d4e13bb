"""The lint errors of one map: run the rule registry on a loaded document.

`journey lint` reports these problems; report, diff, summary and export
refuse a map with errors using the same function, so a map is never usable
for one command and invalid for another (docs/lint.md).
"""

from __future__ import annotations

from journeycli.core.errors import InvalidMapError
from journeycli.core.gcpause import paused_gc
from journeycli.core.model import JourneyMap
from journeycli.core.problems import Problem
from journeycli.core.rules import CHECKED_RULES, RuleContext
from journeycli.core.settings import Settings
from journeycli.core.validation import ValidatedMap, load_map


def check_map(validated: ValidatedMap, settings: Settings | None = None) -> list[Problem]:
    """Every problem of one map: loading, schema, then the rules (in registry order).

    The rules read their thresholds and the reference date (W108, E003's
    future evidence dates) from `settings` (the defaults when None), the same
    value the command's own core reads (docs/lint.md).
    """
    settings = settings or Settings()
    problems = list(validated.problems)
    model, document = validated.model, validated.document
    if model is None:
        return problems
    context = RuleContext(model, settings.gap_threshold, settings.today, settings.evidence_max_age)
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


def map_errors(validated: ValidatedMap, settings: Settings | None = None) -> list[Problem]:
    """The errors (not warnings) that make a map unusable for report, diff and export."""
    return sorted(p for p in check_map(validated, settings) if p.is_error)


def valid_map(raw: bytes, name: str, settings: Settings | None = None) -> JourneyMap:
    """Bytes -> the model of a map with no lint errors, or InvalidMapError carrying them.

    Warnings (an unscored stage, a missing owner) do not stop a command, but
    duplicate ids (E004) or dangling references (E005) would make matching by
    id and scoring meaningless, so those do.
    """
    settings = settings or Settings()
    validated = load_map(raw, name, settings.limits)
    errors = map_errors(validated, settings)
    if errors or validated.model is None:
        raise InvalidMapError(errors)
    return validated.model
