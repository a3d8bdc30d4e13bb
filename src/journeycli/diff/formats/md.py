"""Changes -> GitHub-flavoured Markdown for a pull-request comment (`templates/diff/diff.md.j2`).

A heading and a one-line summary, the funnel headline, tables of score and
funnel changes, then the evidence, lists of what was added, removed, renamed,
moved and changed, the stage content and the lint problems. Map text is
escaped by the one Markdown escaper (`core.markdown.md`), so a name can never
become HTML or emphasis, and the result passes markdownlint's default rules
(docs/diff.md). Words and numbers follow the map's language
(`diff.formats.words`); this module only puts the changes in the order the
template shows them; the phrases come from `diff.formats.common`, shared with
text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from journeycli.core.markdown import code, environment, finish, md
from journeycli.core.model import Language
from journeycli.diff.changes import KINDS, Changes, Kind, StageScores
from journeycli.diff.formats.common import (
    ARROW,
    FUNNEL_PART,
    SCORE_PART,
    content_phrase,
    evidence_phrase,
    field_phrase,
    fixed_maps,
    funnel_lines,
    label,
    language,
    rank,
    score_value,
    summary,
    tree_language,
    tree_summary,
)
from journeycli.diff.formats.words import sentence, word
from journeycli.diff.tree_changes import TreeChanges

KIND_NAMES: dict[Kind, str] = {
    "persona": "Persona",
    "stage": "Stage",
    "touchpoint": "Touchpoint",
    "action": "Action",
}


class _Kinded(Protocol):
    @property
    def kind(self) -> Kind: ...


K = TypeVar("K", bound=_Kinded)


def by_kind(items: Sequence[K]) -> list[K]:
    """Personas, then stages, touchpoints and actions, each in the order found."""
    return [item for kind in KINDS for item in items if item.kind == kind]


def _cell(scores: StageScores, name: str, lang: Language) -> str:
    """`30 → 55` when changed, else the value; money without its currency (in the header).

    Only journey's own figures and words, never map text, so nothing to escape:
    `md` would turn a Dutch `6.600` at the start of a cell into `6\\.600` (it
    reads like a numbered list item), which is harmless but ugly in a comment.
    """
    delta = scores[name]
    new = score_value(name, delta.new, None, lang)
    if not delta.changed:
        return new
    return f"{score_value(name, delta.old, None, lang)} {ARROW} {new}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _score_table(
    changes: Changes, fields: tuple[str, ...], lang: Language
) -> dict[str, Any] | None:
    """Header and escaped rows of the stages whose `fields` changed; None when none did."""
    rows = [
        [md(s.name), *(_cell(s, f, lang) for f in fields)]
        for s in changes.scores
        if any(s[f].changed for f in fields)
    ]
    if not rows:
        return None
    header = [_capital(label(f, lang)) for f in fields]
    currency = changes.new.currency
    if currency and "value_at_stake" in fields:
        header[fields.index("value_at_stake")] += f" ({md(currency)})"
    return {"header": [word("Stage", lang), *header], "rows": rows}


@cache
def _environment() -> Any:
    return environment("diff")


def render(changes: Changes | TreeChanges) -> str:
    """The Markdown diff of one map, or of every map under a directory."""
    return markdown(changes) if isinstance(changes, TreeChanges) else render_map(changes)


def render_map(
    changes: Changes, *, level: int = 1, heading: str | None = None, suffix: str = ""
) -> str:
    """One map's diff; `level` 2 nests it under a directory diff's `#` heading, and
    `suffix` (the map's file name) keeps its section headings unique (markdownlint)."""
    lang = language(changes)
    moves = sorted(changes.rank_moves, key=lambda m: (m.new is None, m.new or 0, m.old or 0))
    text = (
        _environment()
        .get_template("diff.md.j2")
        .render(
            changes=changes,
            top="#" * level,
            sub="#" * (level + 1),
            suffix=suffix,
            heading=heading or f"{md(word('Journey map changes', lang))}: {md(changes.new.title)}",
            w=partial(word, lang=lang),
            cap=lambda key: _capital(word(key, lang)),
            rank=partial(rank, lang=lang),
            phrase=partial(field_phrase, lang=lang),
            phrases=lambda fields: ", ".join(field_phrase(f, lang) for f in fields),
            content=partial(content_phrase, lang=lang),
            evidence=partial(evidence_phrase, lang=lang),
            kind_name=lambda kind: word(KIND_NAMES[kind], lang),
            summary=summary(changes, lang),
            headline=funnel_lines(changes.funnel, lang),
            scores=_score_table(changes, SCORE_PART, lang),
            funnel=_score_table(changes, FUNNEL_PART, lang),
            moves=moves,
            added=by_kind(changes.added),
            removed=by_kind(changes.removed),
            renamed=by_kind(changes.renamed),
            moved=by_kind(changes.moved),
            modified=by_kind(changes.modified),
        )
    )
    result: str = finish(text, wrap_lines=True)
    return result


def markdown(tree: TreeChanges) -> str:
    """One Markdown document for all maps: fit for a single pull-request comment."""
    lang = tree_language(tree)
    rev = code(tree.rev)
    lines = [
        f"# {md(word('Journey map changes since', lang))} {rev}",
        "",
        f"{code(tree.root)}: {md(tree_summary(tree, lang))}.",
    ]

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend(["", f"## {title}", "", *items])

    section(
        md(sentence("added_since", lang, rev=tree.rev)).replace(md(tree.rev), rev),
        [f"- {code(m.path)}" + (f": {md(m.title)}" if m.title else "") for m in tree.added],
    )
    section(
        md(sentence("removed_since", lang, rev=tree.rev)).replace(md(tree.rev), rev),
        [f"- {code(path)}" for path in tree.removed],
    )
    section(
        md(sentence("invalid_now", lang)),
        [
            f"- {code(p.path)}: {code(p.code)} ({word('line', lang)} {p.line}) {md(p.message)}"
            for p in tree.errors_now()
        ],
    )
    section(
        md(sentence("fixed_since", lang, rev=tree.rev)).replace(md(tree.rev), rev),
        [f"- {code(path)}" for path in fixed_maps(tree)],
    )
    text = finish("\n".join(lines), wrap_lines=True)
    for changes in tree.maps:
        if not changes.changed:
            continue
        name = code(Path(changes.new.label).name)
        heading = f"{md(changes.new.title)} ({name})"
        text += "\n" + render_map(changes, level=2, heading=heading, suffix=f" ({name})")
    return text
