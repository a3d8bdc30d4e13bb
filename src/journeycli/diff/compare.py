"""model x model -> Changes: match items by id and say what each change means.

Items are matched by id, never by position or name, so a renamed stage
shows as a rename and a reordered list is no change at all. Every score
that means something (gap, rank, confidence, breaking moments, the funnel)
comes from `journeycli.core.scoring`; this module only compares its answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from journeycli.core import scoring
from journeycli.core.errors import UsageError
from journeycli.core.model import Action, Goal, JourneyMap, Metrics, Stage
from journeycli.core.problems import Problem
from journeycli.core.slug import slugify
from journeycli.diff.changes import (
    Changes,
    Delta,
    FieldChange,
    FunnelHeadline,
    Hint,
    Item,
    Kind,
    Modified,
    Moment,
    Move,
    RankMove,
    Rename,
    Side,
    StageScores,
)
from journeycli.diff.content import CONTENT_FIELDS, content_changes
from journeycli.diff.evidence import evidence_changes
from journeycli.diff.lintdelta import lint_delta

# Fields compared elsewhere (identity, children, scores) and so left out of `Modified`.
_SKIP: dict[Kind, frozenset[str]] = {
    "persona": frozenset({"id", "name"}),
    "stage": frozenset(
        {"id", "name", "touchpoints", "actions", "relevance", "presence", "conversion"}
        | {"evidence"}
        | CONTENT_FIELDS
    ),
    "touchpoint": frozenset({"id", "name"}),
    "action": frozenset({"id", "action"}),
}
_NESTED_DEFAULTS: dict[str, BaseModel] = {"goal": Goal(), "metrics": Metrics()}


@dataclass(frozen=True, slots=True)
class _Entry:
    """One matchable item: its key, display name, model and enclosing stage."""

    key: str
    name: str
    model: BaseModel
    stage: Stage | None = None


def action_key(stage: Stage, action: Action, index: int, taken: set[str]) -> str:
    """An action's identity: its `id`, else `STAGE/slug-of-its-text`.

    Actions have no default id, so one without an explicit id is matched by
    its text within its stage; editing that text reads as removed + added
    (a hint suggests giving it an id).
    """
    key = action.id or f"{stage.id}/{slugify(action.action) or f'action-{index + 1}'}"
    base, n = key, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


def _entries(journey: JourneyMap, kind: Kind) -> dict[str, _Entry]:
    if kind == "persona":
        return {p.id: _Entry(p.id, p.name, p) for p in journey.personas}
    if kind == "stage":
        return {s.id: _Entry(s.id, s.name, s) for s in journey.stages}
    if kind == "touchpoint":
        return {tp.id: _Entry(tp.id, tp.name, tp, s) for s, tp in journey.touchpoints()}
    taken: set[str] = set()
    found: dict[str, _Entry] = {}
    for stage in journey.stages:
        for index, action in enumerate(stage.actions):
            key = action_key(stage, action, index, taken)
            found[key] = _Entry(key, action.action, action, stage)
    return found


def _dump(model: BaseModel, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude=set(skip))


def _field_changes(old: BaseModel, new: BaseModel, skip: frozenset[str]) -> tuple[FieldChange, ...]:
    before, after = _dump(old, skip), _dump(new, skip)
    return tuple(
        FieldChange(name, before[name], after[name])
        for name in type(new).model_fields
        if name in after and before[name] != after[name]
    )


def _map_fields(old: JourneyMap, new: JourneyMap) -> tuple[FieldChange, ...]:
    """Top-level fields, with `goal` and `metrics` flattened (`metrics.volume`)."""

    def flat(journey: JourneyMap) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in JourneyMap.model_fields:
            if name in ("version", "personas", "stages"):
                continue
            value = getattr(journey, name)
            if name in _NESTED_DEFAULTS:
                nested = _dump(value if value is not None else _NESTED_DEFAULTS[name])
                out.update({f"{name}.{key}": item for key, item in nested.items()})
            else:
                out[name] = journey.model_dump(mode="json", include={name})[name]
        return out

    before, after = flat(old), flat(new)
    return tuple(
        FieldChange(name, before[name], after[name])
        for name in after
        if before[name] != after[name]
    )


def _stage_of(entry: _Entry) -> tuple[str | None, str | None]:
    return (entry.stage.id, entry.stage.name) if entry.stage else (None, None)


def _item(kind: Kind, entry: _Entry) -> Item:
    status = entry.model.status.value if isinstance(entry.model, Action) else None
    return Item(kind, entry.key, entry.name, *_stage_of(entry), status=status)


def _id_hints(kind: Kind, removed: list[Item], added: list[Item]) -> Iterator[Hint]:
    """A removed and an added item with the same name probably had their id changed."""
    for gone in removed:
        for new in added:
            same = gone.name.casefold() == new.name.casefold() or (
                slugify(gone.name) and slugify(gone.name) == slugify(new.name)
            )
            if same and kind != "action":
                yield Hint(
                    "id-changed",
                    f"{kind} '{new.name}' has a new id ('{gone.id}' -> '{new.id}'), so it "
                    f"shows as removed and added; keep id '{gone.id}' if it is the same {kind}",
                    gone.id,
                    new.id,
                )
    if kind == "action":
        stages = {i.stage for i in removed if i.id.startswith(f"{i.stage}/")}
        for stage in sorted(s for s in stages if s is not None):
            if any(i.stage == stage and i.id.startswith(f"{stage}/") for i in added):
                yield Hint(
                    "action-without-id",
                    f"actions without an id in stage '{stage}' are matched by their text; "
                    "give an action an `id` so that editing its text reads as a rename",
                )


@dataclass(slots=True)
class _Collected:
    added: list[Item]
    removed: list[Item]
    renamed: list[Rename]
    moved: list[Move]
    modified: list[Modified]
    hints: list[Hint]


def _compare_kind(kind: Kind, old: JourneyMap, new: JourneyMap, into: _Collected) -> None:
    before, after = _entries(old, kind), _entries(new, kind)
    removed = [_item(kind, e) for key, e in before.items() if key not in after]
    added = [_item(kind, e) for key, e in after.items() if key not in before]
    into.removed += removed
    into.added += added
    into.hints += _id_hints(kind, removed, added)
    for key, now in after.items():
        was = before.get(key)
        if was is None:
            continue
        stage, stage_name = _stage_of(now)
        if was.name != now.name:
            into.renamed.append(Rename(kind, key, was.name, now.name, stage))
        was_stage = _stage_of(was)[0]
        if was_stage != stage and was_stage is not None and stage is not None:
            into.moved.append(Move(kind, key, now.name, was_stage, stage))
        fields = _field_changes(was.model, now.model, _SKIP[kind])
        if fields:
            into.modified.append(Modified(kind, key, now.name, fields, stage, stage_name))


def _ranks(journey: JourneyMap, persona: str | None) -> dict[str, int]:
    ranked = scoring.ranked_stages(journey, persona)
    return {stage.id: position for position, (_, stage, _) in enumerate(ranked, 1)}


def _funnel(journey: JourneyMap) -> dict[str, scoring.FunnelStep]:
    """The engine's funnel keyed by stage id, so old and new steps can be paired."""
    steps = scoring.funnel(journey)
    return {stage.id: step for stage, step in zip(journey.stages, steps, strict=True)}


def _stage_values(
    stage: Stage, rank: int | None, funnel: scoring.FunnelStep | None, persona: str | None
) -> dict[str, Any]:
    relevance, presence = scoring.scores(stage, persona)
    return {
        "relevance": relevance,
        "presence": presence,
        "gap": scoring.gap(stage, persona),
        "rank": rank,
        "confidence": scoring.confidence(stage).value,
        "conversion": stage.conversion,
        "reach": funnel.reach if funnel else None,
        "lost": funnel.lost if funnel else None,
        "value_at_stake": funnel.value_at_stake if funnel else None,
    }


def _scores(
    old: JourneyMap, new: JourneyMap, persona: str | None
) -> tuple[tuple[StageScores, ...], tuple[RankMove, ...], tuple[str, ...], tuple[str, ...]]:
    old_ranks, new_ranks = _ranks(old, persona), _ranks(new, persona)
    old_funnel, new_funnel = _funnel(old), _funnel(new)
    old_stages = {s.id: s for s in old.stages}
    scores: list[StageScores] = []
    for stage in new.stages:
        was = old_stages.get(stage.id)
        if was is None:
            continue
        before = _stage_values(was, old_ranks.get(was.id), old_funnel.get(was.id), persona)
        after = _stage_values(stage, new_ranks.get(stage.id), new_funnel.get(stage.id), persona)
        entry = StageScores(stage.id, stage.name, {k: Delta(before[k], after[k]) for k in after})
        if entry.changed:
            scores.append(entry)
    names = {s.id: s.name for s in old.stages} | {s.id: s.name for s in new.stages}
    new_ids = {s.id for s in new.stages}
    order = [s.id for s in new.stages] + [s.id for s in old.stages if s.id not in new_ids]
    moves = tuple(
        RankMove(sid, names[sid], old_ranks.get(sid), new_ranks.get(sid))
        for sid in order
        if old_ranks.get(sid) != new_ranks.get(sid)
    )
    ranking_old = tuple(sorted(old_ranks, key=old_ranks.__getitem__))
    ranking_new = tuple(sorted(new_ranks, key=new_ranks.__getitem__))
    return tuple(scores), moves, ranking_old, ranking_new


def _moments(journey: JourneyMap, persona: str | None) -> dict[str, Moment]:
    return {
        m.touchpoint.id: Moment(
            m.touchpoint.id, m.touchpoint.name, m.stage.id, m.stage.name, m.experience
        )
        for m in scoring.breaking_moments(journey, persona)
    }


def _check_persona(persona: str | None, maps: Iterable[JourneyMap]) -> None:
    if persona is None:
        return
    known = sorted({p.id for journey in maps for p in journey.personas})
    if persona not in known:
        shown = ", ".join(known) if known else "none"
        raise UsageError(f"unknown persona '{persona}'", hint=f"personas in these maps: {shown}")


def _funnel_headline(old: JourneyMap, new: JourneyMap) -> FunnelHeadline | None:
    """Completed customers and their value on both sides; None when neither has a funnel."""
    before, after = scoring.funnel_totals(old), scoring.funnel_totals(new)
    basis = after or before
    if basis is None:
        return None
    return FunnelHeadline(
        Delta(
            None if before is None else before.completed,
            None if after is None else after.completed,
        ),
        Delta(
            None if before is None else before.completed_value,
            None if after is None else after.completed_value,
        ),
        basis.currency,
        basis.period,
    )


def _experience_stages(modified: Iterable[Modified]) -> tuple[str, ...]:
    """Stages holding a touchpoint whose experience (or a persona's experience) changed."""
    found = (
        m.stage
        for m in modified
        if m.kind == "touchpoint"
        and m.stage is not None
        and any(c.field in ("experience", "persona_experience") for c in m.fields)
    )
    return tuple(dict.fromkeys(s for s in found if s is not None))


def _side(label: str, journey: JourneyMap) -> Side:
    currency = journey.metrics.currency if journey.metrics else None
    return Side(label, journey.title, currency, journey.language.value)


def diff_maps(
    old: JourneyMap,
    new: JourneyMap,
    *,
    old_label: str = "old",
    new_label: str = "new",
    persona: str | None = None,
    old_problems: Sequence[Problem] = (),
    new_problems: Sequence[Problem] = (),
) -> Changes:
    """Compare two valid maps; `persona` applies that persona's scores and moments.

    `old_problems`/`new_problems` are each side's lint problems (from
    `core.checks`); the diff reports those introduced and fixed.
    """
    _check_persona(persona, (old, new))
    collected = _Collected([], [], [], [], [], [])
    for kind in ("persona", "stage", "touchpoint", "action"):
        _compare_kind(kind, old, new, collected)
    scores, moves, ranking_old, ranking_new = _scores(old, new, persona)
    old_moments, new_moments = _moments(old, persona), _moments(new, persona)
    return Changes(
        old=_side(old_label, old),
        new=_side(new_label, new),
        persona=persona,
        map_fields=_map_fields(old, new),
        added=tuple(collected.added),
        removed=tuple(collected.removed),
        renamed=tuple(collected.renamed),
        moved=tuple(collected.moved),
        modified=tuple(collected.modified),
        scores=scores,
        ranking_old=ranking_old,
        ranking_new=ranking_new,
        rank_moves=moves,
        breaking_resolved=tuple(m for k, m in old_moments.items() if k not in new_moments),
        breaking_introduced=tuple(m for k, m in new_moments.items() if k not in old_moments),
        hints=tuple(collected.hints),
        evidence=evidence_changes(old, new),
        lint=lint_delta(old_problems, new_problems),
        funnel=_funnel_headline(old, new),
        experience_stages=_experience_stages(collected.modified),
        content=content_changes(old, new),
    )
