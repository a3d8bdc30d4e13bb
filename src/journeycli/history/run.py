"""How a map's scores moved across the commits that touched it (`journey history`).

Teams re-measure after acting; the history shows, per stage, whether the gap
between relevance and presence is closing. `build_history` is pure (commits
and their file contents in, a History out); `history_of` is the thin edge
that asks git (through `gitio`) for those commits and contents. A commit
where the file is not a valid map is reported as such, never fatal.

The contents stream through: each version is read, scored and dropped
before the next is read, and only its per-stage figures are kept, so memory
grows with the number of commits by a few numbers each, not by a map each
(docs/security.md, "git").
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from journeycli.core import gitio, scoring
from journeycli.core.checks import valid_map
from journeycli.core.errors import InvalidMapError, UsageError
from journeycli.core.fs import write_output
from journeycli.core.model import JourneyMap
from journeycli.core.settings import Settings
from journeycli.history.series import (
    BY,
    By,
    History,
    Revision,
    StagePoint,
    StageSeries,
    Status,
)


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


def newest_evidence(journey: JourneyMap) -> str | None:
    """The newest date of any evidence item of the map (stages and KPIs), as ISO text."""
    dates = [e.date for stage in journey.stages for e in stage.evidence if e.date is not None]
    dates += [
        e.date
        for stage in journey.stages
        for kpi in getattr(stage, "kpis", ())
        for e in getattr(kpi, "evidence", ())
        if e.date is not None
    ]
    return max(dates).isoformat() if dates else None


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
    contents: Iterable[tuple[gitio.Commit, bytes | None]],
    *,
    rev_range: str | None = None,
    persona: str | None = None,
    settings: Settings | None = None,
    by: By = "commit",
) -> History:
    """Commits (oldest first) with the file's bytes at each (None: absent) -> History.

    `contents` is consumed one version at a time (see the module docstring); a
    version identical to the one before is not parsed again.

    With `by="evidence-date"` each version is placed at its newest evidence
    date instead of its commit date (a busy week of commits measures nothing
    new; a re-measurement months later does), and the versions are ordered
    by that date; a version without a dated evidence item, or not a valid
    map, keeps its commit date (docs/diff.md, "journey history").
    """
    revisions: list[Revision] = []
    known: set[str] = set()
    previous: tuple[bytes | None, Revision | None] = (None, None)
    for commit, raw in contents:
        same_raw, same = previous
        if raw is not None and same is not None and raw == same_raw:
            status, message, title = same.status, same.message, same.title
            points, evidence = same.points, same.evidence_date
        else:
            journey, status, message = _parse(commit, raw, settings)
            title = journey.title if journey else None
            points = _points(journey, persona) if journey else {}
            evidence = newest_evidence(journey) if journey else None
            if journey is not None:
                known.update(p.id for p in journey.personas)
            del journey
        at = evidence if by == "evidence-date" and evidence else commit.date
        revision = Revision(commit, status, message, title, points, evidence, at)
        revisions.append(revision)
        previous = (raw, revision)
    if persona is not None and persona not in known:
        shown = ", ".join(sorted(known)) if known else "none"
        raise UsageError(f"unknown persona '{persona}'", hint=f"personas in this history: {shown}")
    if by == "evidence-date":
        revisions.sort(key=lambda r: r.at)  # stable: commits with the same date keep their order
    order: dict[str, str] = {}
    for revision in reversed(revisions):
        for stage_id, point in revision.points.items():
            order.setdefault(stage_id, point.name)
    stages = tuple(
        StageSeries(stage_id, name, tuple(r.points.get(stage_id) for r in revisions))
        for stage_id, name in order.items()
    )
    return History(path, rev_range, persona, tuple(revisions), stages, by)


def history_of(
    path: str,
    *,
    rev_range: str | None = None,
    persona: str | None = None,
    settings: Settings | None = None,
    by: By = "commit",
) -> History:
    """`journey history PATH`: walk `git log --follow` and score every version.

    Git runs at the root of the working directory's repository; the versions
    come through one `git cat-file --batch` process (see `gitio`).
    """
    if path == "-":
        raise UsageError("history needs a file path in a git repository, not standard input (-)")
    repo = gitio.repository()
    commits = list(reversed(gitio.log_follow(repo, repo.path_of(Path(path)), rev_range)))
    if not commits:
        where = f" in {rev_range}" if rev_range else ""
        raise UsageError(
            f"{path}: no commits touch this file{where}",
            hint="commit it first, or check the path and range",
        )
    max_bytes = (settings or Settings()).limits.max_file_size
    with gitio.Blobs(repo, max_bytes) as blobs:
        contents = ((commit, blobs.content(commit)) for commit in commits)
        return build_history(
            path, contents, rev_range=rev_range, persona=persona, settings=settings, by=by
        )


def run_history(
    path: str,
    *,
    stream: TextIO,
    rev_range: str | None = None,
    output_format: str = "terminal",
    persona: str | None = None,
    output: str | None = None,
    settings: Settings | None = None,
    by: str = "commit",
) -> None:
    """Walk the commits that touched `path` and write the history in `output_format`."""
    from journeycli.history.formats import FORMATS

    renderer = FORMATS.load(output_format)
    if by not in BY:
        raise UsageError(f"--by: unknown value '{by}'", hint="choose commit or evidence-date")
    result = history_of(
        path,
        rev_range=rev_range,
        persona=persona,
        settings=settings,
        by="commit" if by == "commit" else "evidence-date",
    )
    if output is None:
        renderer.write(result, stream=stream)
    else:
        write_output(renderer.render(result), output, stream)
