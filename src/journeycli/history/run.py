"""How a map's scores moved across the commits that touched it (`journey history`).

Teams re-measure after acting; the history shows, per stage, whether the gap
between relevance and presence is closing. `build_history` is pure (commits
and their file contents in, a History out); `history_of` is the thin edge
that asks git (through `gitio`) for those commits and contents. A commit
where the file is not a valid map is reported as such, never fatal.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from journeycli.core import gitio, scoring
from journeycli.core.checks import valid_map
from journeycli.core.errors import InvalidMapError, UsageError
from journeycli.core.fs import write_output
from journeycli.core.model import JourneyMap
from journeycli.core.settings import Settings
from journeycli.history.series import History, Revision, StagePoint, StageSeries, Status


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
    commit: gitio.Commit, raw: bytes | None, settings: Settings | None
) -> tuple[JourneyMap | None, Status, str | None]:
    """The map at one commit, or why there is none (status and a one-line reason)."""
    if raw is None:
        return None, "missing", "file deleted" if commit.deleted else "file not found"
    try:
        return valid_map(raw, f"{commit.short}:{commit.path}", settings), "ok", None
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
    settings: Settings | None = None,
) -> History:
    """Commits (oldest first) with the file's bytes at each (None: absent) -> History."""
    parsed = [(commit, *_parse(commit, raw, settings)) for commit, raw in contents]
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
    settings: Settings | None = None,
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
    return build_history(path, contents, rev_range=rev_range, persona=persona, settings=settings)


def run_history(
    path: str,
    *,
    stream: TextIO,
    rev_range: str | None = None,
    output_format: str = "terminal",
    persona: str | None = None,
    output: str | None = None,
    settings: Settings | None = None,
) -> None:
    """Walk the commits that touched `path` and write the history in `output_format`."""
    from journeycli.history.formats import FORMATS

    renderer = FORMATS.load(output_format)
    result = history_of(path, rev_range=rev_range, persona=persona, settings=settings)
    if output is None:
        renderer.write(result, stream=stream)
    else:
        write_output(renderer.render(result), output, stream)
