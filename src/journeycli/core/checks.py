"""The lint errors of one map: run the rule registry on a loaded document.

`journey lint` reports these problems; report, diff, summary and export
refuse a map with errors using the same function, so a map is never usable
for one command and invalid for another (docs/lint.md).
"""

from __future__ import annotations

import re

from journeycli.core.enums import Language
from journeycli.core.errors import InvalidMapError
from journeycli.core.gcpause import paused_gc
from journeycli.core.messages import language_of
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
                problems.append(Problem.of(document.path, line, col, rule.code, finding.message))
    return problems


# `language: nl` at the top level, as written in a file that does not load.
_LANGUAGE_LINE = re.compile(r"^language:[ \t]*(['\"]?)([a-z]{2})\1[ \t]*(?:#.*)?$", re.MULTILINE)


def message_language(validated: ValidatedMap, settings: Settings | None = None) -> Language:
    """The language of a map's messages: `--lang`, else the map's `language:`, else English.

    The map's own key is read from the loaded data, so a Dutch map with a
    schema error still gets its errors in Dutch (docs/lint.md, "Messages in
    Dutch"). A file that does not load (E001, E006) is searched for a
    top-level `language:` line as written; without one, English.
    """
    chosen = language_of(settings.language) if settings else None
    if chosen is not None:
        return chosen
    data = validated.document.data
    if isinstance(data, dict):
        return language_of(data.get("language")) or Language.EN
    found = _LANGUAGE_LINE.search(validated.document.text)
    return (language_of(found.group(2)) if found else None) or Language.EN


def in_language(problems: list[Problem], lang: Language) -> list[Problem]:
    """The problems with their messages written in `lang`, ready for output (`Problem.written`)."""
    return [problem.written(lang) for problem in problems]


def map_errors(validated: ValidatedMap, settings: Settings | None = None) -> list[Problem]:
    """The errors (not warnings) that make a map unusable for report, diff and export.

    In the map's language (or `--lang`), as `journey lint` would print them.
    """
    errors = sorted(p for p in check_map(validated, settings) if p.is_error)
    return in_language(errors, message_language(validated, settings))


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
