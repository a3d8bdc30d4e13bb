"""The rule registry: every lint code, in one dict, in code order.

As in yamllint's `rules/__init__.py`, each rule lives in its own module and is
listed here once; reporters, `--explain` and the docs read this registry.
"""

from __future__ import annotations

from journeycli.core.problems import Code
from journeycli.core.rules import (
    e001_invalid_file,
    e002_duplicate_key,
    e003_schema,
    e004_duplicate_id,
    e005_unknown_reference,
    e006_resource_limit,
    w101_unscored_stage,
    w102_assumed_scores,
    w103_gap_without_plan,
    w104_action_without_owner,
    w105_stage_without_touchpoints,
    w106_unaddressed_breaking_moment,
    w107_critical_without_experience,
    w108_stale_evidence,
    w109_persona_without_touchpoints,
    w110_action_without_channel,
    w111_breaking_moment_only_later,
    w112_kpi_worse_than_target,
)
from journeycli.core.rules.base import Finding, Rule, RuleContext

_MODULES = (
    e001_invalid_file,
    e002_duplicate_key,
    e003_schema,
    e004_duplicate_id,
    e005_unknown_reference,
    e006_resource_limit,
    w101_unscored_stage,
    w102_assumed_scores,
    w103_gap_without_plan,
    w104_action_without_owner,
    w105_stage_without_touchpoints,
    w106_unaddressed_breaking_moment,
    w107_critical_without_experience,
    w108_stale_evidence,
    w109_persona_without_touchpoints,
    w110_action_without_channel,
    w111_breaking_moment_only_later,
    w112_kpi_worse_than_target,
)

RULES: dict[Code, Rule] = {module.RULE.code: module.RULE for module in _MODULES}
CHECKED_RULES: tuple[Rule, ...] = tuple(rule for rule in RULES.values() if rule.check)

__all__ = ["CHECKED_RULES", "RULES", "Finding", "Rule", "RuleContext"]
