"""History -> the documented JSON shape of `journey history --format json` (docs/diff.md).

`commits` are oldest first; each stage's `points` has one entry per commit, in
the same order, null where the stage is absent or the file is not a valid map.
"""

from __future__ import annotations

import json
from typing import Any

from journeycli.history.series import History

SHAPE_VERSION = 1


def to_dict(history: History) -> dict[str, Any]:
    return {
        "version": SHAPE_VERSION,
        "path": history.path,
        "rev_range": history.rev_range,
        "persona": history.persona,
        "by": history.by,
        "commits": [
            {
                "sha": r.commit.sha,
                "short": r.commit.short,
                "date": r.commit.date,
                "subject": r.commit.subject,
                "path": r.commit.path,
                "status": r.status,
                "message": r.message,
                "title": r.title,
                "evidence_date": r.evidence_date,
                "at": r.at,
            }
            for r in history.revisions
        ],
        "stages": [
            {
                "id": s.id,
                "name": s.name,
                "trend": s.trend,
                "first_gap": s.first_gap,
                "last_gap": s.last_gap,
                "points": [
                    None
                    if p is None
                    else {
                        "relevance": p.relevance,
                        "presence": p.presence,
                        "gap": p.gap,
                        "rank": p.rank,
                        "confidence": p.confidence,
                    }
                    for p in s.points
                ],
            }
            for s in history.stages
        ],
    }


def render(history: History) -> str:
    return json.dumps(to_dict(history), indent=2, ensure_ascii=False) + "\n"
