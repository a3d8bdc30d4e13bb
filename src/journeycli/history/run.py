"""How a map's scores moved across the commits that touched it (`journey history`).

Teams re-measure after acting; the history shows, per stage, whether the gap
between relevance and presence is closing. `build_history` is pure (commits
and their file contents in, a History out); `history_of` is the thin edge
that asks git (through `gitio`) for those commits and contents. A commit
where the file is not a valid map is reported as such, never fatal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from journeycli.core import gitio, scoring
from journeycli.core.checks import valid_map
from journeycli.core.errors import InvalidMapError, UsageError
from journeycli.core.fs import write_output
from journeycli.core.loader import Limits
from journeycli.core.model import JourneyMap

Status = Literal["ok", "invalid", "missing"]
Trend = Literal["closing", "widening", "steady", "unknown"]


@dataclass(frozen=True, slots=True)
class StagePoint:
    """One stage at one commit (persona overrides applied)."""

    name: str
    relevance: int | None
    presence: int | None
    gap: int | None
    rank: int | None
    confidence: str


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit: the map's title and stage points, or why there are none."""

    commit: gitio.Commit
    status: Status
    message: str | None
    title: str | None
    points: dict[str, StagePoint]


@dataclass(frozen=True, slots=True)
class StageSeries:
    """One stage across the revisions (oldest first); None where absent or invalid."""

    id: str
    name: str
    points: tuple[StagePoint | None, ...]

    def values(self, field: str) -> tuple[int | None, ...]:
        return tuple(None if p is None else getattr(p, field) for p in self.points)

    @property
    def first_gap(self) -> int | None:
        return next((g for g in self.values("gap") if g is not None), None)

    @property
    def last_gap(self) -> int | None:
        return next((g for g in reversed(self.values("gap")) if g is not None), None)

    @property
    def trend(self) -> Trend:
        """Closing when the latest gap is below the first one, widening when above."""
        scored = [g for g in self.values("gap") if g is not None]
        if len(scored) < 2:
            return "unknown"
        if scored[-1] < scored[0]:
            return "closing"
        if scored[-1] > scored[0]:
            return "widening"
        return "steady"


@dataclass(frozen=True, slots=True)
class History:
    path: str
    rev_range: str | None
    persona: str | None
    revisions: tuple[Revision, ...]  # oldest first
    stages: tuple[StageSeries, ...]  # newest map order, then stages only seen before


def _points(journey: JourneyMap, persona: str | None) -> dict[str, StagePoint]:
    ranks = {
        stage.id: position
        for position, (_, stage, _) in enumerate(scoring.ranked_stages(journey, persona), 1)
    }
    points = {}
    for stage in journey.stages:
        relevance, presence = scoring.scores(stage, persona)
        points[stage.id] = StagePoint(
            stage.name,
            relevance,
            presence,
            scoring.gap(stage, persona),
            ranks.get(stage.id),
            scoring.confidence(stage).value,
        )
    return points


def _parse(
    commit: gitio.Commit, raw: bytes | None, limits: Limits | None
) -> tuple[JourneyMap | None, Status, str | None]:
    """The map at one commit, or why there is none (status and a one-line reason)."""
    if raw is None:
        return None, "missing", "file deleted" if commit.deleted else "file not found"
    try:
        return valid_map(raw, f"{commit.short}:{commit.path}", limits), "ok", None
    except InvalidMapError as exc:
        first = exc.problems[0] if exc.problems else None
        message = f"{first.code} line {first.line}: {first.message}" if first else "invalid map"
        if len(exc.problems) > 1:
            message += f" (+{len(exc.problems) - 1} more)"
        return None, "invalid", message


def build_history(
    path: str,
    contents: Sequence[tuple[gitio.Commit, bytes | None]],
    *,
    rev_range: str | None = None,
    persona: str | None = None,
    limits: Limits | None = None,
) -> History:
    """Commits (oldest first) with the file's bytes at each (None: absent) -> History."""
    parsed = [(commit, *_parse(commit, raw, limits)) for commit, raw in contents]
    if persona is not None:
        known = sorted({p.id for _, journey, _, _ in parsed if journey for p in journey.personas})
        if persona not in known:
            shown = ", ".join(known) if known else "none"
            raise UsageError(
                f"unknown persona '{persona}'", hint=f"personas in this history: {shown}"
            )
    revisions = [
        Revision(
            commit,
            status,
            message,
            journey.title if journey else None,
            _points(journey, persona) if journey else {},
        )
        for commit, journey, status, message in parsed
    ]
    order: dict[str, str] = {}
    for revision in reversed(revisions):
        for stage_id, point in revision.points.items():
            order.setdefault(stage_id, point.name)
    stages = tuple(
        StageSeries(stage_id, name, tuple(r.points.get(stage_id) for r in revisions))
        for stage_id, name in order.items()
    )
    return History(path, rev_range, persona, tuple(revisions), stages)


def history_of(
    path: str,
    *,
    rev_range: str | None = None,
    persona: str | None = None,
    limits: Limits | None = None,
) -> History:
    """`journey history PATH`: walk `git log --follow` and score every version."""
    if path == "-":
        raise UsageError("history needs a file path in a git repository, not standard input (-)")
    file = Path(path)
    commits = list(reversed(gitio.log_follow(file, rev_range)))
    if not commits:
        where = f" in {rev_range}" if rev_range else ""
        raise UsageError(
            f"{path}: no commits touch this file{where}",
            hint="commit it first, or check the path and range",
        )
    contents: list[tuple[gitio.Commit, bytes | None]] = []
    for commit in commits:
        raw = None
        if not commit.deleted:
            try:
                raw = gitio.show_commit(file, commit)
            except UsageError:
                raw = None
        contents.append((commit, raw))
    return build_history(path, contents, rev_range=rev_range, persona=persona, limits=limits)


def run_history(
    path: str,
    *,
    stream: TextIO,
    rev_range: str | None = None,
    output_format: str = "terminal",
    persona: str | None = None,
    output: str | None = None,
    limits: Limits | None = None,
) -> None:
    """Walk the commits that touched `path` and write the history in `output_format`."""
    from journeycli.history.formats import html as history_html
    from journeycli.history.formats import json as history_json
    from journeycli.history.formats import md as history_md
    from journeycli.history.formats import terminal as history_terminal

    result = history_of(path, rev_range=rev_range, persona=persona, limits=limits)
    if output_format == "terminal" and output is None:
        history_terminal.write(result, stream)
        return
    renderers: dict[str, Callable[[History], str]] = {
        "terminal": history_terminal.render,
        "md": history_md.render,
        "json": history_json.render,
        "html": history_html.render,
    }
    write_output(renderers[output_format](result), output, stream, inputs=[path])
