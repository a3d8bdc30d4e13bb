"""One map -> a stable, line-oriented summary for git's textconv (`journey summary`).

git hands a textconv program ONE file and diffs the outputs line by line, so
each fact sits on its own line, in map order, and nothing depends on the
other version: a changed presence changes exactly the `scores` line of that
stage. Stage lines start with `stage ` so `diff.journey.xfuncname` can show
the stage in every hunk header. Figures come from the engine.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeycli.core import scoring
from journeycli.core.errors import InvalidMapError
from journeycli.core.model import JourneyMap, Stage
from journeycli.core.problems import Problem
from journeycli.core.settings import Settings
from journeycli.core.sources import read_source
from journeycli.diff.compare import action_key
from journeycli.diff.formats.common import amount, number
from journeycli.diff.sources import parse_map


def _parts(*parts: str | None) -> str:
    return ", ".join(part for part in parts if part)


def _stage_lines(
    stage: Stage, rank: int | None, step: scoring.FunnelStep, currency: str, taken: set[str]
) -> list[str]:
    relevance, presence = scoring.scores(stage)
    gap = scoring.gap(stage)
    lines = [f"stage {stage.id}: {stage.name}"]
    lines.append(
        "  scores: "
        + _parts(
            f"relevance {relevance if relevance is not None else 'none'}",
            f"presence {presence if presence is not None else 'none'}",
            f"gap {gap}" if gap is not None else "unscored",
            f"rank {rank}" if rank is not None else None,
            scoring.confidence(stage).value,
        )
    )
    for persona, score in stage.persona_scores.items():
        lines.append(
            f"  persona {persona}: "
            + _parts(
                f"relevance {score.relevance}" if score.relevance is not None else None,
                f"presence {score.presence}" if score.presence is not None else None,
                f"gap {scoring.gap(stage, persona)}"
                if scoring.gap(stage, persona) is not None
                else None,
            )
        )
    funnel = _parts(
        f"conversion {number(stage.conversion)}%" if stage.conversion is not None else None,
        f"reach {amount(step.reach)}" if step.reach is not None else None,
        f"lost {amount(step.lost)}" if step.lost is not None else None,
        f"value at stake {currency} {amount(step.value_at_stake)}"
        if step.value_at_stake is not None
        else None,
    )
    if funnel:
        lines.append(f"  funnel: {funnel}")
    for evidence in stage.evidence:
        kind = evidence.type.value if evidence.type else "evidence"
        date = f" ({evidence.date.isoformat()})" if evidence.date else ""
        lines.append(f"  evidence {kind}: {evidence.source}{date}")
    for tp in stage.touchpoints:
        lines.append(
            f"  touchpoint {tp.id}: {tp.name} ("
            + _parts(
                tp.channel,
                tp.kind.value if tp.kind else None,
                "critical" if tp.critical else None,
                f"experience {tp.experience}" if tp.experience is not None else "no experience",
                f"personas {' '.join(tp.personas)}" if tp.personas else None,
                f"owner {tp.owner}" if tp.owner else None,
            )
            + ")"
        )
    lines += _content_lines(stage)
    for index, action in enumerate(stage.actions):
        key = action_key(stage, action, index, taken)
        lines.append(
            f"  action {key}: {action.action} ["
            + _parts(
                action.status.value,
                action.horizon.value,
                action.channel,
                f"owner {action.owner}" if action.owner else "no owner",
                f"effort {action.effort.value}" if action.effort else None,
                f"opportunity {action.opportunity}" if action.opportunity else None,
            )
            + "]"
        )
    return lines


def _content_lines(stage: Stage) -> list[str]:
    """Tone, KPIs, blueprint lanes and opportunities, one fact a line."""
    lines = [f"  tone: {stage.tone}"] if stage.tone else []
    for kpi in stage.kpis:
        worse = scoring.kpi_worse_than_target(kpi)
        lines.append(
            f"  kpi {kpi.name}: "
            + _parts(
                f"value {number(kpi.value)}" if kpi.value is not None else "no value",
                f"target {number(kpi.target)}" if kpi.target is not None else None,
                f"unit {kpi.unit}" if kpi.unit else None,
                None if kpi.higher_is_better else "lower is better",
                "worse than target" if worse else None,
            )
        )
    for lane in ("customer_actions", "frontstage", "backstage", "support", "systems"):
        lines += [f"  {lane.replace('_', ' ')}: {text}" for text in getattr(stage, lane)]
    for item in stage.opportunities:
        if isinstance(item, str):
            lines.append(f"  opportunity: {item}")
            continue
        levels = _parts(
            f"impact {item.impact.value}" if item.impact else None,
            f"effort {item.effort.value}" if item.effort else None,
        )
        lines.append(
            f"  opportunity{' ' + item.id if item.id else ''}: {item.text}"
            + (f" ({levels})" if levels else "")
        )
    return lines


def summary_lines(journey: JourneyMap) -> list[str]:
    """The summary of one valid map, one fact a line."""
    metrics = journey.metrics
    currency = journey.currency
    lines = [f"map: {journey.title}", f"language: {journey.language.value}"]
    if journey.state.value != "current":
        lines.append(f"state: {journey.state.value}")
    if journey.owner:
        lines.append(f"owner: {journey.owner}")
    if metrics:
        lines.append(
            "metrics: "
            + _parts(
                f"volume {amount(metrics.volume)}" if metrics.volume is not None else None,
                f"value {currency} {amount(metrics.value)}" if metrics.value is not None else None,
                f"per {metrics.period}",
            )
        )
    lines += [f"persona {p.id}: {p.name}" for p in journey.personas]
    ranked = scoring.ranked_stages(journey)
    ranks = {stage.id: position for position, (_, stage, _) in enumerate(ranked, 1)}
    steps = scoring.funnel(journey)
    taken: set[str] = set()
    for stage, step in zip(journey.stages, steps, strict=True):
        lines.append("")
        lines += _stage_lines(stage, ranks.get(stage.id), step, currency, taken)
    lines.append("")
    lines.append("ranking: " + (", ".join(f"{s.id} {g}" for _, s, g in ranked) or "none"))
    for moment in scoring.breaking_moments(journey):
        lines.append(
            f"breaking: {moment.touchpoint.id} in {moment.stage.id} "
            f"(experience {moment.experience})"
        )
    return lines


def render(journey: JourneyMap) -> str:
    """The summary as text; a line break inside map text becomes a space (one fact a line)."""
    return "".join(
        line.replace("\r", " ").replace("\n", " ") + "\n" for line in summary_lines(journey)
    )


def render_invalid(problems: Sequence[Problem], raw: bytes) -> str:
    """What textconv shows for a version that is not a valid map: its errors, then its text."""
    head = [f"invalid map ({len(problems)} error{'s' if len(problems) != 1 else ''}):"]
    head += [f"  {p.code} line {p.line}: {p.message}" for p in problems]
    head += ["", "--- raw text ---"]
    text = raw.decode("utf-8", "replace")
    return "\n".join(head) + "\n" + text + ("" if text.endswith("\n") or not text else "\n")


def summarize(path: str, *, textconv: bool = False, settings: Settings | None = None) -> str:
    """`journey summary PATH`: the line-oriented summary of one map.

    With `textconv` (git's `diff.journey.textconv`), an invalid map is not an
    error: git would abort the whole `git diff`/`git log -p` on a failing
    textconv, so its errors and raw text are shown instead.
    """
    raw, name = read_source(path, (settings or Settings()).limits.max_file_size)
    try:
        return render(parse_map(raw, name, settings))
    except InvalidMapError as exc:
        if not textconv:
            raise
        return render_invalid(exc.problems, raw)
