"""Changes -> GitHub-flavoured Markdown for a pull-request comment.

A heading and a one-line summary, tables of score and funnel changes, then
lists of what was added, removed, renamed, moved and changed. Built to pass
markdownlint's default rules: blank lines around headings, lists and tables,
the same cell spacing in the delimiter row as in the body, `|` escaped in
cells, map text escaped so a name can never become HTML or a link.
"""

from __future__ import annotations

from journeycli.core.markdown import code, escape, table, wrap
from journeycli.core.model import Language
from journeycli.diff.changes import KINDS, Changes, Item, Kind, StageScores
from journeycli.diff.formats.common import (
    ARROW,
    FUNNEL_PART,
    SCORE_PART,
    content_phrase,
    evidence_phrase,
    field_phrase,
    funnel_lines,
    label,
    language,
    rank,
    score_value,
    summary,
)
from journeycli.diff.formats.words import word
from journeycli.diff.tree import TreeChanges

_KIND_NAMES: dict[Kind, str] = {
    "persona": "Persona",
    "stage": "Stage",
    "touchpoint": "Touchpoint",
    "action": "Action",
}


def _cell(scores: StageScores, name: str, lang: Language) -> str:
    """`30 → 55` when changed, else the value; money without its currency (in the header)."""
    delta = scores[name]
    new = score_value(name, delta.new, None, lang)
    if not delta.changed:
        return escape(new)
    return escape(f"{score_value(name, delta.old, None, lang)} {ARROW} {new}")


def _score_table(changes: Changes, fields: tuple[str, ...]) -> list[str]:
    lang = language(changes)
    currency = changes.new.currency
    rows = [
        [escape(s.name), *(_cell(s, f, lang) for f in fields)]
        for s in changes.scores
        if any(s[f].changed for f in fields)
    ]
    if not rows:
        return []
    header = [_capital(label(f, lang)) for f in fields]
    if currency and "value_at_stake" in fields:
        header[fields.index("value_at_stake")] += f" ({escape(currency)})"
    return table([word("Stage", lang), *header], rows)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _kind(kind: Kind, lang: Language) -> str:
    return word(_KIND_NAMES[kind], lang)


def _item(item: Item, lang: Language) -> str:
    where = f" ({word('in', lang)} {escape(item.stage_name)})" if item.stage_name else ""
    return f"- {_kind(item.kind, lang)} {code(item.id)}: {escape(item.name)}{where}"


def _lists(changes: Changes) -> dict[str, list[str]]:
    lang = language(changes)
    renamed = [
        f"- {_kind(r.kind, lang)} {code(r.id)}: {escape(r.old)} {ARROW} {escape(r.new)}"
        for kind in KINDS
        for r in changes.renamed
        if r.kind == kind
    ]
    moved = [
        f"- {_kind(m.kind, lang)} {code(m.id)}: {escape(m.name)}, "
        f"{word('Stage', lang).lower()} {code(m.old)} {ARROW} {code(m.new)}"
        for kind in KINDS
        for m in changes.moved
        if m.kind == kind
    ]
    modified = [
        f"- {word('Map', lang)}: {escape(field_phrase(c, lang))}" for c in changes.map_fields
    ] + [
        f"- {_kind(m.kind, lang)} {code(m.id)}: "
        + escape(", ".join(field_phrase(c, lang) for c in m.fields))
        for kind in KINDS
        for m in changes.modified
        if m.kind == kind
    ]
    return {
        "Added": [_item(i, lang) for kind in KINDS for i in changes.added if i.kind == kind],
        "Removed": [_item(i, lang) for kind in KINDS for i in changes.removed if i.kind == kind],
        "Renamed": renamed,
        "Moved": moved,
        "Changed": modified,
    }


def _moments(changes: Changes, lang: Language) -> list[str]:
    experience = word("experience", lang)
    return [
        f"- {_capital(word('resolved', lang))}: {escape(m.name)} {word('in', lang)} "
        f"{escape(m.stage_name)} ({word('experience was', lang)} {m.experience})"
        for m in changes.breaking_resolved
    ] + [
        f"- {_capital(word('introduced', lang))}: {escape(m.name)} {word('in', lang)} "
        f"{escape(m.stage_name)} ({experience} {m.experience})"
        for m in changes.breaking_introduced
    ]


def _lint(changes: Changes, lang: Language) -> list[str]:
    return [
        f"- {_capital(word('introduced', lang))}: {code(p.code)} "
        f"({word('line', lang)} {p.line}) {escape(p.message)}"
        for p in changes.lint.introduced
    ] + [
        f"- {_capital(word('fixed', lang))}: {code(p.code)} "
        f"({word('was line', lang)} {p.line}) {escape(p.message)}"
        for p in changes.lint.fixed
    ]


def render(changes: Changes | TreeChanges) -> str:
    """The Markdown diff of one map, or of every map under a directory."""
    if isinstance(changes, TreeChanges):
        from journeycli.diff.formats.tree import markdown

        return markdown(changes)
    return render_map(changes)


def render_map(
    changes: Changes, *, level: int = 1, heading: str | None = None, suffix: str = ""
) -> str:
    """One map's diff; `level` 2 nests it under a directory diff's `#` heading, and
    `suffix` (the map's file name) keeps its section headings unique (markdownlint)."""
    lang = language(changes)
    top, sub = "#" * level, "#" * (level + 1)
    title = heading or f"{word('Journey map changes', lang)}: {escape(changes.new.title)}"
    blocks: list[list[str]] = [
        [f"{top} {title}"],
        [
            f"{code(changes.old.label)} {ARROW} {code(changes.new.label)}"
            + (f" ({word('persona', lang)} {code(changes.persona)})" if changes.persona else "")
            + f": {escape(summary(changes, lang))}."
        ],
    ]
    headline = funnel_lines(changes.funnel, lang)
    if headline:
        blocks.append([f"- **{escape(line)}**" for line in headline])

    def section(title: str, body: list[str]) -> None:
        if body:
            blocks.append([f"{sub} {word(title, lang)}{suffix}"])
            blocks.append(body)

    section("Breaking moments", _moments(changes, lang))
    section("Score changes", _score_table(changes, SCORE_PART))
    section("Funnel changes", _score_table(changes, FUNNEL_PART))
    moves = sorted(changes.rank_moves, key=lambda m: (m.new is None, m.new or 0, m.old or 0))
    section(
        "Ranking",
        [
            f"- {escape(m.name)}: {word('rank', lang)} {rank(m.old, lang)} {ARROW} "
            f"{rank(m.new, lang)}"
            for m in moves
        ],
    )
    section(
        "Evidence",
        [f"- {escape(e.stage_name)}: {escape(evidence_phrase(e, lang))}" for e in changes.evidence],
    )
    for title, body in _lists(changes).items():
        section(title, body)
    section(
        "Stage content",
        [f"- {escape(c.stage_name)}: {escape(content_phrase(c, lang))}" for c in changes.content],
    )
    section("Lint problems", _lint(changes, lang))
    section("Hints", [f"- {escape(h.message)}" for h in changes.hints])
    return join(blocks)


def join(blocks: list[list[str]]) -> str:
    """Blocks separated by blank lines; text wrapped at 80 columns, table rows never."""
    return (
        "\n\n".join(
            "\n".join(line if line.startswith("|") else wrap(line) for line in block)
            for block in blocks
        )
        + "\n"
    )
