"""The JSON report (SPEC §4): the Analysis as plain data, raw numbers, nulls for absent values.

`analysis_data` is also the context of a user's `--template`, so the fields a
template sees are exactly the fields of the JSON report (docs/report.schema.json).
"""

from __future__ import annotations

import json
from typing import Any

from journeycli.analysis import Analysis, Moment, Report, RoadmapItem, StageAnalysis
from journeycli.model import Action, Language
from journeycli.safetext import json_safe


def _action(action: Action) -> dict[str, Any]:
    return {
        "action": action.action,
        "id": action.id,
        "channel": action.channel,
        "owner": action.owner,
        "touchpoint": action.touchpoint,
        "horizon": action.horizon.value,
        "status": action.status.value,
        "effort": action.effort.value if action.effort else None,
    }


def _stage(stage: StageAnalysis) -> dict[str, Any]:
    return {
        "id": stage.id,
        "name": stage.name,
        "rank": stage.rank,
        "relevance": stage.relevance,
        "presence": stage.presence,
        "gap": stage.gap,
        "confidence": stage.confidence.value,
        "conversion": stage.conversion,
        "reach": stage.reach,
        "lost": stage.lost,
        "value_at_stake": stage.value_at_stake,
        "overridden": stage.overridden,
        "has_plan": stage.has_plan,
        "focus": stage.focus,
        "mean_experience": stage.mean_experience,
        "opportunities": list(stage.opportunities),
        "open_actions": [_action(a) for a in stage.open_actions],
    }


def _moment(moment: Moment) -> dict[str, Any]:
    return {
        "touchpoint": moment.touchpoint.id,
        "touchpoint_name": moment.touchpoint.name,
        "stage": moment.stage.id,
        "stage_name": moment.stage.name,
        "experience": moment.experience,
        "channel": moment.touchpoint.channel,
        "owner": moment.touchpoint.owner,
        "actions": [_action(a) for a in moment.actions],
    }


def _roadmap_item(item: RoadmapItem) -> dict[str, Any]:
    return {**_action(item.action), "stage": item.stage.id, "stage_name": item.stage.name}


def analysis_data(analysis: Analysis) -> dict[str, Any]:
    """One map's report as JSON-ready data (the shape of SPEC §4, plus a few extra fields)."""
    metrics = analysis.metrics
    return {
        "path": analysis.path,
        "title": analysis.title,
        "language": analysis.language.value,
        "persona": analysis.persona.id if analysis.persona else None,
        "persona_name": analysis.persona.name if analysis.persona else None,
        "gap_threshold": analysis.gap_threshold,
        "metrics": None
        if metrics is None
        else {
            "volume": metrics.volume,
            "value": metrics.value,
            "currency": metrics.currency,
            "period": metrics.period,
        },
        "stages": [_stage(s) for s in analysis.ranked],
        "unscored": [s.id for s in analysis.unscored],
        "focus": [s.id for s in analysis.focus],
        "breaking_moments": [_moment(m) for m in analysis.breaking_moments],
        "gaps_without_plan": [s.id for s in analysis.gaps_without_plan],
        "roadmap": {
            horizon.value: [_roadmap_item(item) for item in items]
            for horizon, items in analysis.roadmap.by_horizon()
        },
    }


def report_data(report: Report) -> dict[str, Any]:
    """One map: its object. Several: `{"maps": [...], "combined": [...]}`."""
    if report.single:
        return analysis_data(report.analyses[0])
    return {
        "maps": [analysis_data(a) for a in report.analyses],
        "combined": [
            {
                "rank": entry.rank,
                "map": entry.analysis.title,
                "path": entry.analysis.path,
                "stage": entry.stage.id,
                "name": entry.stage.name,
                "relevance": entry.stage.relevance,
                "presence": entry.stage.presence,
                "gap": entry.stage.gap,
            }
            for entry in report.combined
        ],
    }


def render(report: Report, lang: Language) -> str:
    """Raw numbers and stable key order; the language does not change JSON."""
    del lang
    return json_safe(json.dumps(report_data(report), ensure_ascii=False, indent=2)) + "\n"
