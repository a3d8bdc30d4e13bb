"""Evidence changes with their text: what was measured, where, when, and how many.

A reviewer approves a re-measurement from "survey 'Klantpanel' n=1,204
(2026-03-20) → n=980 (2026-11-15)", not from "evidence +1 −1". Evidence
has no id, so items are matched within their stage by type and source
(repeats counted); a matched item whose date, n or margin differs is
`changed`. docs/diff.md ("Evidence") describes the output.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from journeycli.core.model import JourneyMap, Stage
from journeycli.diff.changes import EvidenceChange


def _items(stage: Stage) -> dict[tuple[str | None, str, int], dict[str, Any]]:
    """Evidence items keyed by (type, source, occurrence), as JSON-ready dicts."""
    out: dict[tuple[str | None, str, int], dict[str, Any]] = {}
    for item in stage.evidence:
        data: dict[str, Any] = item.model_dump(mode="json")
        base = (data.get("type"), str(data.get("source")))
        n = 0
        while (*base, n) in out:
            n += 1
        out[(*base, n)] = data
    return out


def stage_evidence(was: Stage, stage: Stage) -> Iterator[EvidenceChange]:
    """Added, then removed, then changed evidence of one stage, each in map order."""
    before, after = _items(was), _items(stage)
    for key, item in after.items():
        if key not in before:
            yield EvidenceChange(stage.id, stage.name, "added", None, item)
    for key, item in before.items():
        if key not in after:
            yield EvidenceChange(stage.id, stage.name, "removed", item, None)
    for key, item in after.items():
        old = before.get(key)
        if old is not None and old != item:
            yield EvidenceChange(stage.id, stage.name, "changed", old, item)


def evidence_changes(old: JourneyMap, new: JourneyMap) -> tuple[EvidenceChange, ...]:
    """Evidence changes of every stage present in both maps, in the new map's order.

    A stage added or removed as a whole shows as such; its evidence is not
    listed item by item.
    """
    before = {stage.id: stage for stage in old.stages}
    return tuple(
        change
        for stage in new.stages
        if stage.id in before
        for change in stage_evidence(before[stage.id], stage)
    )
