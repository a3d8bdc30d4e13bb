"""History -> Markdown: an overview of gaps with sparklines, the commits, and per stage
the values at each commit. Passes markdownlint's default rules (headings are
unique because each stage heading carries its id)."""

from __future__ import annotations

from journeycli.core.markdown import code, escape, table, wrap
from journeycli.history.formats.common import (
    first_last,
    gap_bounds,
    inert,
    sparkline,
    status_text,
    value,
)
from journeycli.history.run import History


def render(history: History) -> str:
    history = inert(history)
    revisions = history.revisions
    title = next((r.title for r in reversed(revisions) if r.title), history.path)
    count = len(revisions)
    intro = (
        f"{code(history.path)}: {count} commit{'s' if count != 1 else ''}, "
        f"{code(revisions[0].commit.short)} ({revisions[0].commit.date}) to "
        f"{code(revisions[-1].commit.short)} ({revisions[-1].commit.date})"
    )
    if history.rev_range:
        intro += f" in {code(history.rev_range)}"
    if history.persona:
        intro += f", persona {code(history.persona)}"
    blocks = [[f"# Journey map history: {escape(title)}"], [intro + "."]]
    low, high = gap_bounds(history)
    blocks.append(["## Gap by stage"])
    blocks.append(
        table(
            ["Stage", "Gap over time", "Relevance", "Presence", "Gap", "Trend"],
            [
                [
                    escape(s.name),
                    sparkline(s.values("gap"), low, high),
                    first_last(s, "relevance"),
                    first_last(s, "presence"),
                    first_last(s, "gap"),
                    s.trend,
                ]
                for s in history.stages
            ],
        )
        if history.stages
        else ["No commit holds a valid map."]
    )
    blocks.append(["## Commits"])
    blocks.append(
        table(
            ["#", "Commit", "Date", "Subject", "Status"],
            [
                [
                    str(i),
                    code(r.commit.short),
                    r.commit.date,
                    escape(r.commit.subject),
                    escape(status_text(r.status, r.message)),
                ]
                for i, r in enumerate(revisions, 1)
            ],
        )
    )
    for stage in history.stages:
        blocks.append([f"## {escape(stage.name)} ({code(stage.id)})"])
        rows = []
        for revision, point in zip(revisions, stage.points, strict=True):
            if point is None:
                cells = ["–"] * 4 if revision.status == "ok" else [revision.status, "–", "–", "–"]
            else:
                cells = [
                    value(point.relevance),
                    value(point.presence),
                    value(point.gap),
                    value(point.rank),
                ]
            rows.append([code(revision.commit.short), revision.commit.date, *cells])
        blocks.append(table(["Commit", "Date", "Relevance", "Presence", "Gap", "Rank"], rows))
    return (
        "\n\n".join(
            "\n".join(line if line.startswith("|") else wrap(line) for line in block)
            for block in blocks
        )
        + "\n"
    )
