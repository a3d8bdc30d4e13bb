"""Stage content that is not a score: blueprint lanes, tone, KPIs and opportunities.

A stage's lanes are lists of short texts, so a change there reads as texts
added and removed (a reordering is no change). KPIs are matched by name and
opportunities by id (by their text when they have none), so an edited target
or a raised impact reads as that one field changing, with its old and new
value, instead of "kpis edited". docs/diff.md describes the output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from journeycli.core.model import JourneyMap, Stage
from journeycli.diff.changes import ContentChange, FieldChange

LANES = ("customer_actions", "frontstage", "backstage", "support", "systems")
CONTENT_FIELDS = frozenset({*LANES, "tone", "kpis", "opportunities"})
"""Stage fields compared here, and so left out of a stage's `Modified` fields."""


def _beyond(items: Sequence[str], other: Sequence[str]) -> list[str]:
    """The texts of `items` that `other` lacks, counting repeats, in order."""
    left = Counter(other)
    out = []
    for text in items:
        if left[text]:
            left[text] -= 1
        else:
            out.append(text)
    return out


def _lane(stage: Stage, was: Stage, lane: str) -> Iterator[ContentChange]:
    before, after = getattr(was, lane), getattr(stage, lane)
    for text in _beyond(after, before):
        yield ContentChange(stage.id, stage.name, lane, "added", text, None, text)
    for text in _beyond(before, after):
        yield ContentChange(stage.id, stage.name, lane, "removed", text, text, None)


def _opportunity_data(item: Any) -> dict[str, Any]:
    if isinstance(item, str):
        return {"text": item, "id": None, "impact": None, "effort": None}
    data: dict[str, Any] = item.model_dump(mode="json")
    return data


def _keyed(
    items: Sequence[Any], key: Callable[[Any], str], data: Callable[[Any], dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Items by key; a repeated key gets `#2`, `#3` so none is lost."""
    out: dict[str, dict[str, Any]] = {}
    for item in items:
        name, n = key(item), 2
        unique = name
        while unique in out:
            unique, n = f"{name} #{n}", n + 1
        out[unique] = data(item)
    return out


def _items(
    stage: Stage,
    part: str,
    before: dict[str, dict[str, Any]],
    after: dict[str, dict[str, Any]],
) -> Iterator[ContentChange]:
    for key, item in after.items():
        if key not in before:
            yield ContentChange(stage.id, stage.name, part, "added", key, None, item)
    for key, item in before.items():
        if key not in after:
            yield ContentChange(stage.id, stage.name, part, "removed", key, item, None)
    for key, item in after.items():
        old = before.get(key)
        if old is not None and old != item:
            fields = tuple(
                FieldChange(name, old.get(name), value)
                for name, value in item.items()
                if old.get(name) != value
            )
            yield ContentChange(stage.id, stage.name, part, "changed", key, old, item, fields)


def _kpi_data(kpi: BaseModel) -> dict[str, Any]:
    data: dict[str, Any] = kpi.model_dump(mode="json")
    return data


def _kpi_key(kpi: Any) -> str:
    return str(kpi.name)


def _opportunity_key(item: Any) -> str:
    return item if isinstance(item, str) else str(item.id or item.text)


def stage_content(was: Stage, stage: Stage) -> list[ContentChange]:
    """What changed in one stage's lanes, tone, KPIs and opportunities, in that order."""
    out: list[ContentChange] = []
    for lane in LANES:
        out += _lane(stage, was, lane)
    if was.tone != stage.tone:
        out.append(
            ContentChange(stage.id, stage.name, "tone", "changed", "tone", was.tone, stage.tone)
        )
    out += _items(
        stage, "kpi", _keyed(was.kpis, _kpi_key, _kpi_data), _keyed(stage.kpis, _kpi_key, _kpi_data)
    )
    out += _items(
        stage,
        "opportunity",
        _keyed(was.opportunities, _opportunity_key, _opportunity_data),
        _keyed(stage.opportunities, _opportunity_key, _opportunity_data),
    )
    return out


def content_changes(old: JourneyMap, new: JourneyMap) -> tuple[ContentChange, ...]:
    """Content changes of every stage present in both maps, in the new map's order."""
    before = {stage.id: stage for stage in old.stages}
    return tuple(
        change
        for stage in new.stages
        if stage.id in before
        for change in stage_content(before[stage.id], stage)
    )
