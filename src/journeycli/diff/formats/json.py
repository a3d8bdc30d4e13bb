"""Changes -> the documented JSON shape of `journey diff --format json`.

The shape is a contract (docs/diff.md, docs/diff.schema.json): every key is
always present, lists are empty rather than missing, absent values are null,
and `version` changes only when the shape does. Keys keep a fixed order and
the text is UTF-8 (no `\\u` escapes), so the output diffs well too.
"""

from __future__ import annotations

import json
from typing import Any

from journeycli.diff.changes import (
    KINDS,
    SCORE_FIELDS,
    Changes,
    FieldChange,
    Item,
    Modified,
    Moment,
    Move,
    Rename,
    Side,
)
from journeycli.diff.gate import regressions, tree_regressions
from journeycli.diff.tree_changes import TreeChanges

SHAPE_VERSION = 1
_COLLECTIONS = {
    "persona": "personas",
    "stage": "stages",
    "touchpoint": "touchpoints",
    "action": "actions",
}


def _side(side: Side) -> dict[str, Any]:
    return {"label": side.label, "title": side.title, "currency": side.currency}


def _field(change: FieldChange) -> dict[str, Any]:
    return {"field": change.field, "old": change.old, "new": change.new}


def _item(item: Item) -> dict[str, Any]:
    return {"id": item.id, "name": item.name, "stage": item.stage}


def _rename(rename: Rename) -> dict[str, Any]:
    return {"id": rename.id, "old": rename.old, "new": rename.new, "stage": rename.stage}


def _move(move: Move) -> dict[str, Any]:
    return {"id": move.id, "name": move.name, "old": move.old, "new": move.new}


def _modified(item: Modified) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": item.name,
        "stage": item.stage,
        "changes": [_field(c) for c in item.fields],
    }


def _moment(moment: Moment) -> dict[str, Any]:
    return {
        "touchpoint": moment.touchpoint,
        "name": moment.name,
        "stage": moment.stage,
        "experience": moment.experience,
    }


def to_dict(changes: Changes) -> dict[str, Any]:
    """The JSON document as plain data (what `render` serialises)."""
    out: dict[str, Any] = {
        "version": SHAPE_VERSION,
        "old": _side(changes.old),
        "new": _side(changes.new),
        "persona": changes.persona,
        "changed": changes.changed,
        "summary": changes.counts(),
        "map": [_field(c) for c in changes.map_fields],
    }
    for kind in KINDS:
        parts = changes.of_kind(kind)
        out[_COLLECTIONS[kind]] = {
            "added": [_item(i) for i in parts["added"]],
            "removed": [_item(i) for i in parts["removed"]],
            "renamed": [_rename(r) for r in parts["renamed"]],
            "moved": [_move(m) for m in parts["moved"]],
            "modified": [_modified(m) for m in parts["modified"]],
        }
    out["scores"] = [
        {
            "stage": s.id,
            "name": s.name,
            "changed": list(s.changed),
            **{name: {"old": s[name].old, "new": s[name].new} for name in SCORE_FIELDS},
        }
        for s in changes.scores
    ]
    out["ranking"] = {
        "old": list(changes.ranking_old),
        "new": list(changes.ranking_new),
        "moves": [
            {"stage": m.stage, "name": m.name, "old": m.old, "new": m.new}
            for m in changes.rank_moves
        ],
    }
    out["breaking_moments"] = {
        "resolved": [_moment(m) for m in changes.breaking_resolved],
        "introduced": [_moment(m) for m in changes.breaking_introduced],
    }
    out["content"] = [
        {
            "stage": c.stage,
            "stage_name": c.stage_name,
            "part": c.part,
            "kind": c.kind,
            "key": c.key,
            "old": c.old,
            "new": c.new,
            "changes": [_field(f) for f in c.fields],
        }
        for c in changes.content
    ]
    out["evidence"] = [
        {
            "stage": e.stage,
            "stage_name": e.stage_name,
            "kind": e.kind,
            "old": e.old,
            "new": e.new,
        }
        for e in changes.evidence
    ]
    out["lint"] = {
        "introduced": [p.as_dict() for p in changes.lint.introduced],
        "fixed": [p.as_dict() for p in changes.lint.fixed],
    }
    funnel = changes.funnel
    out["funnel"] = {
        "completed": [None, None]
        if funnel is None
        else [funnel.completed.old, funnel.completed.new],
        "completed_value": [None, None]
        if funnel is None
        else [funnel.completed_value.old, funnel.completed_value.new],
        "currency": None if funnel is None else funnel.currency,
        "period": None if funnel is None else funnel.period,
    }
    out["score_changes"] = list(changes.score_changes())
    out["hints"] = [
        {"kind": h.kind, "message": h.message, "old_id": h.old_id, "new_id": h.new_id}
        for h in changes.hints
    ]
    out["regressions"] = {
        condition: [{"id": r.id, "name": r.name, "detail": r.detail} for r in found]
        for condition, found in regressions(changes).items()
    }
    return out


def tree_to_dict(tree: TreeChanges) -> dict[str, Any]:
    """The JSON of a directory diff (docs/diff.schema.json, `directory_diff`)."""
    return {
        "version": SHAPE_VERSION,
        "root": tree.root,
        "rev": tree.rev,
        "changed": tree.changed,
        "maps": [to_dict(c) for c in tree.maps if c.changed],
        "unchanged": [c.new.label for c in tree.maps if not c.changed],
        "added": [
            {
                "path": m.path,
                "title": m.title,
                "valid": not m.invalid,
                "problems": [p.as_dict() for p in m.problems],
            }
            for m in tree.added
        ],
        "removed": [{"path": path} for path in tree.removed],
        "invalid": [
            {
                "path": m.path,
                "side": m.side,
                "errors": [p.as_dict() for p in m.errors],
            }
            for m in tree.invalid
        ],
        "regressions": {
            condition: [{"id": r.id, "name": r.name, "detail": r.detail} for r in found]
            for condition, found in tree_regressions(tree).items()
        },
    }


def render(changes: Changes | TreeChanges) -> str:
    data = tree_to_dict(changes) if isinstance(changes, TreeChanges) else to_dict(changes)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
