"""The JSON report (docs/report.md): the Analysis as plain data, raw numbers, nulls if absent.

`analysis_data` is also the context of a user's `--template`, so the fields a
template sees are exactly the fields of the JSON report (docs/report.schema.json).
"""

from __future__ import annotations

import json
from typing import Any

from journeycli.core.analysis import Analysis, Moment, RoadmapItem, StageAnalysis, TargetState
from journeycli.core.blueprint import KpiView, OpportunityView
from journeycli.core.combined import Report
from journeycli.core.model import Action, Language
from journeycli.core.safetext import json_safe


def _action(action: Action) -> dict[str, Any]:
    return {
        "action": action.action,
        "id": action.id,
        "channel": action.channel,
        "owner": action.owner,
        "touchpoint": action.touchpoint,
        "opportunity": action.opportunity,
        "horizon": action.horizon.value,
        "status": action.status.value,
        "effort": action.effort.value if action.effort else None,
    }


def _kpi(kpi: KpiView) -> dict[str, Any]:
    return {
        "name": kpi.name,
        "value": kpi.value,
        "target": kpi.target,
        "unit": kpi.unit,
        "higher_is_better": kpi.higher_is_better,
        "worse_than_target": kpi.worse_than_target,
        "evidence": [
            {
                "type": e.type.value if e.type else None,
                "source": e.source,
                "date": e.date.isoformat() if e.date else None,
                "n": e.n,
                "margin": e.margin,
            }
            for e in kpi.evidence
        ],
    }


def _opportunity(item: OpportunityView) -> dict[str, Any]:
    return {
        "text": item.text,
        "id": item.id,
        "impact": item.impact.value if item.impact else None,
        "effort": item.effort.value if item.effort else None,
        "actions": [
            {
                "id": linked.action.id,
                "action": linked.action.action,
                "stage": linked.stage_id,
                "status": linked.action.status.value,
            }
            for linked in item.actions
        ],
    }


def _target(stage: StageAnalysis | None) -> dict[str, Any] | None:
    """The future state of a stage (--target): null when the future map lacks it."""
    if stage is None:
        return None
    return {
        "name": stage.name,
        "relevance": stage.relevance,
        "presence": stage.presence,
        "gap": stage.gap,
        "experience_mean": stage.experience_mean,
        "kpis": [_kpi(k) for k in stage.kpis],
    }


def _stage(stage: StageAnalysis) -> dict[str, Any]:
    content = stage.stage
    return {
        "id": stage.id,
        "name": stage.name,
        "rank": stage.rank,
        "relevance": stage.relevance,
        "presence": stage.presence,
        "gap": stage.gap,
        "n": stage.sample.n if stage.sample else None,
        "margin": stage.sample.margin if stage.sample else None,
        "confidence": stage.confidence.value,
        "conversion": stage.conversion,
        "reach": stage.reach,
        "lost": stage.lost,
        "value_at_stake": stage.value_at_stake,
        "overridden": stage.overridden,
        "has_plan": stage.has_plan,
        "focus": stage.focus,
        "experience_mean": stage.experience_mean,
        "experience_min": stage.experience_min,
        "experience_count": stage.experience_count,
        "experience_by_persona": dict(stage.experience_by_persona),
        "mean_experience": stage.experience_mean,
        "opportunities": [_opportunity(o) for o in stage.opportunities],
        "open_actions": [_action(a) for a in stage.open_actions],
        "tone": content.tone,
        "customer_actions": list(content.customer_actions),
        "frontstage": list(content.frontstage),
        "backstage": list(content.backstage),
        "support": list(content.support),
        "systems": list(content.systems),
        "kpis": [_kpi(k) for k in stage.kpis],
        "target": _target(stage.target),
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


def _target_map(target: TargetState | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {
        "path": target.analysis.path,
        "title": target.analysis.title,
        "state": target.analysis.state.value,
        "added": [s.id for s in target.added],
        "dropped": [s.id for s in target.dropped],
    }


def analysis_data(analysis: Analysis) -> dict[str, Any]:
    """One map's report as JSON-ready data (docs/report.schema.json)."""
    metrics = analysis.metrics
    totals = analysis.funnel
    return {
        "path": analysis.path,
        "title": analysis.title,
        "language": analysis.language.value,
        "state": analysis.state.value,
        "target_map": _target_map(analysis.target),
        "persona": analysis.persona.id if analysis.persona else None,
        "persona_name": analysis.persona.name if analysis.persona else None,
        "gap_threshold": analysis.gap_threshold,
        "evidence_max_age": analysis.evidence_max_age,
        "reference_date": analysis.reference_date.isoformat(),
        "metrics": None
        if metrics is None
        else {
            "volume": metrics.volume,
            "value": metrics.value,
            "currency": metrics.currency,
            "period": metrics.period,
        },
        "funnel": None
        if totals is None
        else {
            "volume": totals.volume,
            "completed": totals.completed,
            "completed_value": totals.completed_value,
            "currency": totals.currency,
            "period": totals.period,
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
