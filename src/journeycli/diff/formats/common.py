"""How a change reads: the phrases the text and Markdown diff renderers share.

`Oriëntatie: presence 30 → 55, gap 55 → 30` is built here once, so the
terminal and the pull-request comment say the same thing in the same words.
Labels are English (the diff is a review tool, like `git diff`); numbers are
formatted without the machine's locale so output is byte-identical anywhere.
"""

from __future__ import annotations

from typing import Any

from journeycli.core import i18n
from journeycli.core.model import Language
from journeycli.diff.changes import Changes, ContentChange, FieldChange, StageScores, rank_text

ARROW = "→"
SCORE_PART = ("relevance", "presence", "gap", "confidence", "conversion")
FUNNEL_PART = ("reach", "lost", "value_at_stake")
LABELS = {
    "value_at_stake": "value at stake",
    "customer_goal": "customer goal",
    "pain_points": "pain points",
    "review_questions": "review questions",
    "persona_scores": "persona scores",
}
KIND_TITLES = {
    "persona": "Personas",
    "stage": "Stages",
    "touchpoint": "Touchpoints",
    "action": "Actions",
}
_LONG = 60


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


def number(value: float | int) -> str:
    """A score or percentage: whole numbers plain, others to at most 2 decimals."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def amount(value: float | int) -> str:
    """A count of customers or money: rounded half up to whole units, with thousands commas."""
    return i18n.number(value, Language.EN)


def scalar(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value)
    return str(value)


def quoted(value: Any) -> str:
    """A scalar, with text that holds spaces (or nothing) in double quotes."""
    if isinstance(value, str) and (not value or any(c.isspace() for c in value)):
        return f'"{value}"'
    return scalar(value)


def pair(old: Any, new: Any) -> str:
    return f"{quoted(old)} {ARROW} {quoted(new)}"


def _is_scalar(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) <= _LONG and "\n" not in value
    return value is None or isinstance(value, int | float | bool)


def field_phrase(change: FieldChange) -> str:
    """`status todo → done`, `questions +1 −1`, `persona experience gezin 1 → 3`, `... edited`."""
    name = label(change.field)
    old, new = change.old, change.new
    if _is_scalar(old) and _is_scalar(new):
        return f"{name} {pair(old, new)}"
    if isinstance(old, list) and isinstance(new, list):
        before, after = [repr(v) for v in old], [repr(v) for v in new]
        added = sum(1 for v in after if v not in before)
        removed = sum(1 for v in before if v not in after)
        if not added and not removed:
            return f"{name} reordered"
        parts = ([f"+{added}"] if added else []) + ([f"−{removed}"] if removed else [])
        return f"{name} {' '.join(parts)}"
    if (
        isinstance(old, dict)
        and isinstance(new, dict)
        and all(_is_scalar(v) for v in (*old.values(), *new.values()))
    ):
        keys = [*old, *(k for k in new if k not in old)]
        changed = [f"{k} {pair(old.get(k), new.get(k))}" for k in keys if old.get(k) != new.get(k)]
        return f"{name} {', '.join(changed)}"
    return f"{name} edited"


def score_value(name: str, value: Any, currency: str | None) -> str:
    if value is None:
        return "none"
    if name == "value_at_stake":
        money = amount(value)
        return f"{currency} {money}" if currency else money
    if name in ("reach", "lost"):
        return amount(value)
    if name == "conversion":
        return f"{number(value)}%"
    return scalar(value)


def score_parts(scores: StageScores, fields: tuple[str, ...], currency: str | None) -> list[str]:
    """The changed fields among `fields` as `presence 30 → 55`."""
    return [
        f"{label(name)} {score_value(name, scores[name].old, currency)} {ARROW} "
        f"{score_value(name, scores[name].new, currency)}"
        for name in fields
        if scores[name].changed
    ]


rank = rank_text  # the label the regression gate prints too


def summary(changes: Changes) -> str:
    """One line: `2 added, 1 removed, 1 renamed, 3 scores changed, 2 rank moves`.

    A stage whose only change is its rank counts as a rank move, not as a score
    change too: the text and Markdown diffs list it under Ranking alone.
    """
    counts = changes.counts()
    scored = sum(1 for scores in changes.scores if set(scores.changed) - {"rank"})
    parts = [
        f"{counts['added']} added" if counts["added"] else "",
        f"{counts['removed']} removed" if counts["removed"] else "",
        f"{counts['renamed']} renamed" if counts["renamed"] else "",
        f"{counts['moved']} moved" if counts["moved"] else "",
        f"{counts['modified']} modified" if counts["modified"] else "",
        _plural(len(changes.map_fields), "map field changed", "map fields changed"),
        _plural(scored, "stage with score changes", "stages with score changes"),
        _plural(counts["rank_moves"], "rank move", "rank moves"),
        _plural(
            counts["breaking_resolved"], "breaking moment resolved", "breaking moments resolved"
        ),
        _plural(
            counts["breaking_introduced"],
            "breaking moment introduced",
            "breaking moments introduced",
        ),
        _plural(counts["content"], "stage content change", "stage content changes"),
    ]
    shown = [part for part in parts if part]
    return ", ".join(shown) if shown else "no changes"


def _plural(count: int, one: str, many: str) -> str:
    if not count:
        return ""
    return f"{count} {one if count == 1 else many}"


def _text(value: Any) -> str:
    """Map text in full, in double quotes (the diff shows new text as written)."""
    return "none" if value is None else f'"{value}"'


def _details(part: str, item: dict[str, Any]) -> str:
    """`(value 94, target 95, unit %)` for a KPI, `(impact high, effort low)` for an opportunity."""
    keys = ("value", "target", "unit") if part == "kpi" else ("impact", "effort")
    shown = [f"{key} {scalar(item[key])}" for key in keys if item.get(key) is not None]
    if part == "kpi" and item.get("higher_is_better") is False:
        shown.append("lower is better")
    return f" ({', '.join(shown)})" if shown else ""


def content_phrase(change: ContentChange) -> str:
    """One stage-content change: `systems − "CRM"`, `KPI "NPS" value -18 → -5`, ..."""
    mark = {"added": "+ ", "removed": "− "}.get(change.kind, "")
    if change.part == "tone":
        return f"tone {_text(change.old)} {ARROW} {_text(change.new)}"
    if change.part not in ("kpi", "opportunity"):
        return f"{label(change.part)} {mark.strip()} {_text(change.old or change.new)}"
    noun = "KPI" if change.part == "kpi" else "opportunity"
    item = change.new if change.new is not None else change.old
    if change.kind == "changed":
        key = _text(change.key) if change.part == "kpi" or not item.get("id") else change.key
        return f"{noun} {key} " + ", ".join(field_phrase(f) for f in change.fields)
    name = item["name"] if change.part == "kpi" else item["text"]
    return f"{mark}{noun} {_text(name)}{_details(change.part, item)}"
