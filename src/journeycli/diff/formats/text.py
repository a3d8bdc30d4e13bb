"""Changes -> text for the terminal: coloured on a terminal, plain and stable otherwise.

Rich decides on colour (a terminal, `NO_COLOR`, `FORCE_COLOR`, `TERM=dumb`)
the way every other journey command does; lines are never wrapped, so piped
output is one change per line and byte-identical for the same input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from journeycli.core.model import Language
from journeycli.diff.changes import KINDS, Changes, Kind, Modified
from journeycli.diff.formats.common import (
    ARROW,
    FUNNEL_PART,
    KIND_TITLES,
    SCORE_PART,
    content_phrase,
    evidence_phrase,
    field_phrase,
    fixed_maps,
    funnel_lines,
    language,
    rank,
    score_parts,
    summary,
    tree_language,
    tree_summary,
)
from journeycli.diff.formats.words import sentence, word
from journeycli.diff.tree_changes import TreeChanges

if TYPE_CHECKING:
    from rich.text import Text

Line = list[tuple[str, str]]  # (text, Rich style) segments

ADDED, REMOVED, CHANGED, HEAD, DIM = "green", "red", "yellow", "bold", "dim"
_CONTENT_STYLES = {"added": ADDED, "removed": REMOVED, "changed": CHANGED}


def _modified(item: Modified, lang: Language) -> str:
    return ", ".join(field_phrase(change, lang) for change in item.fields)


def _where(stage_name: str | None, lang: Language = Language.EN) -> str:
    return f" ({word('in', lang)} {stage_name})" if stage_name else ""


def _kind_lines(changes: Changes, kind: Kind) -> list[Line]:
    lang = language(changes)
    parts = changes.of_kind(kind)
    lines: list[Line] = []
    lines += [
        [("  + ", ADDED), (f"{i.id} ", ADDED), (f'"{i.name}"{_where(i.stage_name, lang)}', "")]
        for i in parts["added"]
    ]
    lines += [
        [("  - ", REMOVED), (f"{i.id} ", REMOVED), (f'"{i.name}"{_where(i.stage_name, lang)}', "")]
        for i in parts["removed"]
    ]
    lines += [
        [
            ("  ~ ", CHANGED),
            (f"{r.id} ", CHANGED),
            (f'{word("renamed", lang)} "{r.old}" {ARROW} "{r.new}"', ""),
        ]
        for r in parts["renamed"]
    ]
    lines += [
        [
            ("  ~ ", CHANGED),
            (f"{m.id} ", CHANGED),
            (f"{word('moved: stage', lang)} {m.old} {ARROW} {m.new}", ""),
        ]
        for m in parts["moved"]
    ]
    lines += [
        [("  ~ ", CHANGED), (f"{m.id}: ", CHANGED), (_modified(m, lang), "")]
        for m in parts["modified"]
    ]
    return lines


def _score_lines(changes: Changes, fields: tuple[str, ...]) -> list[Line]:
    lines: list[Line] = []
    lang = language(changes)
    currency = changes.new.currency
    gap_word, confidence_word = f"{word('gap', lang)} ", f"{word('confidence', lang)} "
    for scores in changes.scores:
        parts = score_parts(scores, fields, currency, lang)
        if not parts:
            continue
        line: Line = [(f"  {scores.name}: ", "")]
        for index, part in enumerate(parts):
            style = ""
            if part.startswith(gap_word):
                gap = scores["gap"]
                if gap.old is not None and gap.new is not None:
                    style = REMOVED if gap.new > gap.old else ADDED
            elif part.startswith(confidence_word):
                style = REMOVED if scores["confidence"].new == "assumed" else ADDED
            line.append((part, style))
            if index < len(parts) - 1:
                line.append((", ", ""))
        lines.append(line)
    return lines


def _rank_lines(changes: Changes) -> list[Line]:
    lang = language(changes)
    moves = sorted(
        changes.rank_moves,
        key=lambda m: (m.new is None, m.new or 0, m.old is None, m.old or 0),
    )
    return [
        [
            (f"  {m.name}: ", ""),
            (
                f"{word('rank', lang)} {rank(m.old, lang)} {ARROW} {rank(m.new, lang)}",
                ADDED if m.old is not None and m.new is not None and m.new > m.old else CHANGED,
            ),
        ]
        for m in moves
    ]


def _lint_lines(changes: Changes, lang: Language) -> list[Line]:
    """`+ W104 line 40: ...` for problems introduced, `− W106 was line 33: ...` for fixed."""
    return [
        [("  + ", REMOVED), (f"{p.code} {word('line', lang)} {p.line}: {p.message}", "")]
        for p in changes.lint.introduced
    ] + [
        [("  − ", ADDED), (f"{p.code} {word('was line', lang)} {p.line}: {p.message}", "")]
        for p in changes.lint.fixed
    ]


def _evidence_lines(changes: Changes, lang: Language) -> list[Line]:
    styles = {"added": ADDED, "removed": REMOVED, "changed": CHANGED}
    return [
        [(f"  {e.stage_name}: ", ""), (evidence_phrase(e, lang), styles[e.kind])]
        for e in changes.evidence
    ]


def _moment_lines(changes: Changes, lang: Language) -> list[Line]:
    experience = word("experience", lang)
    return [
        [
            (f"  {word('resolved', lang)}: ", ADDED),
            (
                f"{m.name} {word('in', lang)} {m.stage_name} "
                f"({word('experience was', lang)} {m.experience})",
                "",
            ),
        ]
        for m in changes.breaking_resolved
    ] + [
        [
            (f"  {word('introduced', lang)}: ", REMOVED),
            (f"{m.name} {word('in', lang)} {m.stage_name} ({experience} {m.experience})", ""),
        ]
        for m in changes.breaking_introduced
    ]


def lines(changes: Changes, *, header: bool = True) -> list[Line]:
    """Every line of the text diff, as styled segments (the renderer's one model)."""
    lang = language(changes)
    out: list[Line] = []
    if header:
        out.append([(f"journey diff {changes.old.label} {ARROW} {changes.new.label}", HEAD)])
    if changes.persona:
        out.append([(f"{word('persona', lang)}: {changes.persona}", DIM)])
    headline = funnel_lines(changes.funnel, lang)
    if headline:
        out.append([])
        out.extend([[(line, HEAD)] for line in headline])

    def section(title: str, body: list[Line]) -> None:
        if body:
            out.append([])
            out.append([(word(title, lang), HEAD)])
            out.extend(body)

    section("Map", [[("  ~ ", CHANGED), (field_phrase(c, lang), "")] for c in changes.map_fields])
    section("Breaking moments", _moment_lines(changes, lang))
    section("Scores", _score_lines(changes, SCORE_PART))
    section("Funnel", _score_lines(changes, FUNNEL_PART))
    section("Ranking", _rank_lines(changes))
    section("Evidence", _evidence_lines(changes, lang))
    for kind in KINDS:
        section(KIND_TITLES[kind], _kind_lines(changes, kind))
    section(
        "Stage content",
        [
            [(f"  {c.stage_name}: ", ""), (content_phrase(c, lang), _CONTENT_STYLES[c.kind])]
            for c in changes.content
        ],
    )
    section("Lint problems", _lint_lines(changes, lang))
    section(
        "Hints",
        [[(f"  {word('hint', lang)}: ", DIM), (hint.message, "")] for hint in changes.hints],
    )
    out.append([])
    if changes.changed:
        out.append([(f"{word('Summary', lang)}: ", HEAD), (summary(changes, lang), "")])
    else:
        out.append([(word("No changes.", lang), HEAD)])
    return out


def text_lines(tree: TreeChanges) -> list[Line]:
    """The text lines: a header, each changed map's diff, then added, removed and invalid maps."""
    lang = tree_language(tree)
    out: list[Line] = [
        [(f"journey diff {tree.root} --rev {tree.rev}: {tree_summary(tree, lang)}", HEAD)]
    ]
    for changes in tree.maps:
        if not changes.changed:
            continue
        out.append([])
        out.append([(f"== {changes.new.label}", HEAD)])
        out.extend(lines(changes, header=False))

    def section(title: str, body: list[Line]) -> None:
        if body:
            out.append([])
            out.append([(title, HEAD)])
            out.extend(body)

    section(
        sentence("added_since", lang, rev=tree.rev),
        [
            [("  + ", ADDED), (m.path + (f' "{m.title}"' if m.title else ""), "")]
            for m in tree.added
        ],
    )
    section(
        sentence("removed_since", lang, rev=tree.rev),
        [[("  - ", REMOVED), (path, "")] for path in tree.removed],
    )
    section(
        sentence("invalid_now", lang),
        [[("  ! ", REMOVED), (p.format_text(), "")] for p in tree.errors_now()],
    )
    section(
        sentence("fixed_since", lang, rev=tree.rev),
        [[("  ✓ ", ADDED), (path, "")] for path in fixed_maps(tree)],
    )
    if not tree.changed:
        out.append([])
        out.append([(word("No changes.", lang), HEAD)])
    return out


def _lines(changes: Changes | TreeChanges) -> list[Line]:
    return text_lines(changes) if isinstance(changes, TreeChanges) else lines(changes)


def render(changes: Changes | TreeChanges) -> str:
    """Plain text (no styles): what a pipe or a file gets."""
    return "".join("".join(text for text, _ in line) + "\n" for line in _lines(changes))


def _text(line: Line) -> Text:
    from rich.text import Text

    text = Text()
    for segment, style in line:
        text.append(segment, style=style or None)
    return text


def write(changes: Changes | TreeChanges, stream: TextIO) -> None:
    """Write to `stream`, coloured only when Rich finds a colour terminal there."""
    from rich.console import Console

    console = Console(file=stream, highlight=False, emoji=False, soft_wrap=True)
    if not console.is_terminal or console.no_color or console.color_system is None:
        stream.write(render(changes))
        return
    for line in _lines(changes):
        console.print(_text(line))
