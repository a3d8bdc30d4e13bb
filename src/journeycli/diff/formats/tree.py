"""A directory diff (`journey diff DIR --rev REV`) as text, Markdown and JSON.

Each changed map reads exactly as its own diff would; around them come the
maps added and removed since REV (by file name) and the maps that have lint
errors now. Shared labels follow the language most of the maps use.
docs/diff.md ("A directory") shows the output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journeycli.core.markdown import code, escape
from journeycli.core.model import Language
from journeycli.diff.formats import json as diff_json
from journeycli.diff.formats import md as diff_md
from journeycli.diff.formats import text as diff_text
from journeycli.diff.formats.common import ARROW
from journeycli.diff.formats.words import sentence, word
from journeycli.diff.tree import TreeChanges, tree_regressions

SHAPE_VERSION = 1


def _lang(tree: TreeChanges) -> Language:
    return Language.NL if tree.language == "nl" else Language.EN


def _summary(tree: TreeChanges, lang: Language) -> str:
    changed = sum(1 for c in tree.maps if c.changed)
    total = len(tree.maps) + len(tree.invalid)
    parts = [sentence("maps_summary", lang, changed=changed, total=total)]
    if tree.added:
        parts.append(f"{len(tree.added)} {word('added', lang)}")
    if tree.removed:
        parts.append(f"{len(tree.removed)} {word('removed', lang)}")
    return ", ".join(parts)


def text_lines(tree: TreeChanges) -> list[diff_text.Line]:
    """The text lines: a header, each changed map's diff, then added, removed and invalid maps."""
    lang = _lang(tree)
    out: list[diff_text.Line] = [
        [(f"journey diff {tree.root} --rev {tree.rev}: {_summary(tree, lang)}", diff_text.HEAD)]
    ]
    for changes in tree.maps:
        if not changes.changed:
            continue
        out.append([])
        out.append([(f"== {changes.new.label}", diff_text.HEAD)])
        out.extend(diff_text.lines(changes, header=False))

    def section(title: str, body: list[diff_text.Line]) -> None:
        if body:
            out.append([])
            out.append([(title, diff_text.HEAD)])
            out.extend(body)

    section(
        sentence("added_since", lang, rev=tree.rev),
        [
            [("  + ", diff_text.ADDED), (m.path + (f' "{m.title}"' if m.title else ""), "")]
            for m in tree.added
        ],
    )
    section(
        sentence("removed_since", lang, rev=tree.rev),
        [[("  - ", diff_text.REMOVED), (path, "")] for path in tree.removed],
    )
    section(
        sentence("invalid_now", lang),
        [[("  ! ", diff_text.REMOVED), (p.format_text(), "")] for p in tree.errors_now()],
    )
    section(
        sentence("fixed_since", lang, rev=tree.rev),
        [[("  ✓ ", diff_text.ADDED), (path, "")] for path in _fixed(tree)],
    )
    if not tree.changed:
        out.append([])
        out.append([(word("No changes.", lang), diff_text.HEAD)])
    return out


def _fixed(tree: TreeChanges) -> list[str]:
    """Maps invalid at REV and valid now: the change fixed their lint errors."""
    return [m.path for m in tree.invalid if m.side == "old"]


def markdown(tree: TreeChanges) -> str:
    """One Markdown document for all maps: fit for a single pull-request comment."""
    lang = _lang(tree)
    blocks: list[list[str]] = [
        [f"# {word('Journey map changes since', lang)} {code(tree.rev)}"],
        [f"{code(tree.root)}: {escape(_summary(tree, lang))}."],
    ]
    if tree.added:
        blocks.append([f"## {sentence('added_since', lang, rev=code(tree.rev))}"])
        blocks.append(
            [f"- {code(m.path)}" + (f": {escape(m.title)}" if m.title else "") for m in tree.added]
        )
    if tree.removed:
        blocks.append([f"## {sentence('removed_since', lang, rev=code(tree.rev))}"])
        blocks.append([f"- {code(path)}" for path in tree.removed])
    errors = tree.errors_now()
    if errors:
        blocks.append([f"## {sentence('invalid_now', lang)}"])
        blocks.append(
            [
                f"- {code(p.path)}: {code(p.code)} ({word('line', _lang(tree))} {p.line}) "
                f"{escape(p.message)}"
                for p in errors
            ]
        )
    fixed = _fixed(tree)
    if fixed:
        blocks.append([f"## {sentence('fixed_since', lang, rev=code(tree.rev))}"])
        blocks.append([f"- {code(path)}" for path in fixed])
    text = diff_md.join(blocks)
    for changes in tree.maps:
        if not changes.changed:
            continue
        name = Path(changes.new.label).name
        heading = f"{escape(changes.new.title)} ({code(name)})"
        text += "\n" + diff_md.render_map(
            changes, level=2, heading=heading, suffix=f" ({code(name)})"
        )
    return text


def to_dict(tree: TreeChanges) -> dict[str, Any]:
    """The JSON of a directory diff (docs/diff.schema.json, `directory_diff`)."""
    return {
        "version": SHAPE_VERSION,
        "root": tree.root,
        "rev": tree.rev,
        "changed": tree.changed,
        "maps": [diff_json.to_dict(c) for c in tree.maps if c.changed],
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


__all__ = ["ARROW", "markdown", "text_lines", "to_dict"]
