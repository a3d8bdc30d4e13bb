"""How a change reads: the phrases the text and Markdown diff renderers share.

`Oriëntatie: presence 30 → 55, gap 55 → 30` is built here once, so the
terminal and the pull-request comment say the same thing in the same words.
Labels and numbers follow the map's language (`words.py`; docs/diff.md,
"Language"): a Dutch map reads `aanwezigheid 30 → 55` and `18.000`.
Formatting never uses the machine's locale, so output is byte-identical
anywhere.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from journeycli.core import i18n
from journeycli.core.model import Language
from journeycli.diff.changes import (
    Changes,
    ContentChange,
    Delta,
    EvidenceChange,
    FieldChange,
    FunnelHeadline,
    StageScores,
)
from journeycli.diff.formats.words import counted, sentence, word
from journeycli.diff.tree_changes import TreeChanges

EN = Language.EN
ARROW = "→"
SCORE_PART = ("relevance", "presence", "gap", "confidence", "conversion")
FUNNEL_PART = ("reach", "lost", "value_at_stake")
KIND_TITLES = {
    "persona": "Personas",
    "stage": "Stages",
    "touchpoint": "Touchpoints",
    "action": "Actions",
}
# fields whose values are enum words (translated as the reports translate them)
_ENUM_FIELDS = frozenset({"status", "horizon", "effort", "impact", "kind", "confidence", "type"})
_LONG = 60


def language(changes: Changes) -> Language:
    """The language of the diff's labels: the new version's `language`."""
    return Language.NL if changes.new.language == Language.NL.value else Language.EN


def label(name: str, lang: Language = EN) -> str:
    return word(name, lang)


def number(value: float | int, lang: Language = EN) -> str:
    """A score or percentage: whole numbers plain, others to at most 2 decimals."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang is Language.NL else text
    return str(value)


def amount(value: float | int, lang: Language = EN) -> str:
    """A count of customers or money: rounded half up to whole units, with thousands separators."""
    return i18n.number(value, lang)


def money(value: float | int, currency: str | None, lang: Language = EN) -> str:
    """`EUR 720,000` in English (a fixed code, as before); `€ 4.320.000` in Dutch."""
    if lang is Language.NL and currency:
        return i18n.money(value, currency, lang)
    return f"{currency} {amount(value, lang)}" if currency else amount(value, lang)


def scalar(value: Any, lang: Language = EN, field: str | None = None) -> str:
    if value is None:
        return word("none", lang)
    if isinstance(value, bool):
        return word("true" if value else "false", lang)
    if isinstance(value, int | float):
        return number(value, lang)
    if field in _ENUM_FIELDS and lang is Language.NL:
        return i18n.label(str(value), lang) if str(value) in i18n.MESSAGES else word(value, lang)
    return str(value)


def quoted(value: Any, lang: Language = EN, field: str | None = None) -> str:
    """A scalar, with text that holds spaces (or nothing) in double quotes."""
    spaced = isinstance(value, str) and (not value or any(c.isspace() for c in value))
    if spaced and (field not in _ENUM_FIELDS or lang is not Language.NL):
        return f'"{value}"'
    return scalar(value, lang, field)


def pair(old: Any, new: Any, lang: Language = EN, field: str | None = None) -> str:
    return f"{quoted(old, lang, field)} {ARROW} {quoted(new, lang, field)}"


def _is_scalar(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) <= _LONG and "\n" not in value
    return value is None or isinstance(value, int | float | bool)


def field_phrase(change: FieldChange, lang: Language = EN) -> str:
    """`status todo → done`, `questions +1 −1`, `persona experience gezin 1 → 3`, `... edited`."""
    name = label(change.field, lang)
    old, new = change.old, change.new
    if _is_scalar(old) and _is_scalar(new):
        return f"{name} {pair(old, new, lang, change.field)}"
    if isinstance(old, list) and isinstance(new, list):
        before, after = [repr(v) for v in old], [repr(v) for v in new]
        added = sum(1 for v in after if v not in before)
        removed = sum(1 for v in before if v not in after)
        if not added and not removed:
            return f"{name} {word('reordered', lang)}"
        parts = ([f"+{added}"] if added else []) + ([f"−{removed}"] if removed else [])
        return f"{name} {' '.join(parts)}"
    if (
        isinstance(old, dict)
        and isinstance(new, dict)
        and all(_is_scalar(v) for v in (*old.values(), *new.values()))
    ):
        keys = [*old, *(k for k in new if k not in old)]
        changed = [
            f"{k} {pair(old.get(k), new.get(k), lang)}" for k in keys if old.get(k) != new.get(k)
        ]
        return f"{name} {', '.join(changed)}"
    return f"{name} {word('edited', lang)}"


def score_value(name: str, value: Any, currency: str | None, lang: Language = EN) -> str:
    if value is None:
        return word("none", lang)
    if name == "value_at_stake":
        return money(value, currency, lang)
    if name in ("reach", "lost"):
        return amount(value, lang)
    if name == "conversion":
        return f"{number(value, lang)}%"
    if name == "confidence":
        return i18n.label(str(value), lang)
    return scalar(value, lang)


def score_parts(
    scores: StageScores, fields: tuple[str, ...], currency: str | None, lang: Language = EN
) -> list[str]:
    """The changed fields among `fields` as `presence 30 → 55`."""
    return [
        f"{label(name, lang)} {score_value(name, scores[name].old, currency, lang)} {ARROW} "
        f"{score_value(name, scores[name].new, currency, lang)}"
        for name in fields
        if scores[name].changed
    ]


def rank(value: int | None, lang: Language = EN) -> str:
    """A rank as the diff shows it: `3`, or `unranked` for a stage without both scores."""
    return word("unranked", lang) if value is None else str(value)


_NO_PERCENT_FROM = Decimal(1_000_000)
"""A relative change of a million percent or more is not shown (and could not be printed)."""


def _change(delta: Delta, lang: Language) -> str:
    """` (+17.1%)`: the relative change, when both sides have a non-zero old value."""
    if delta.old is None or delta.new is None or not delta.old or not delta.changed:
        return ""
    ratio = (Decimal(str(delta.new)) - Decimal(str(delta.old))) * 100 / Decimal(str(delta.old))
    if abs(ratio) >= _NO_PERCENT_FROM:  # from next to nothing: a percentage says nothing
        return ""
    sign = "+" if ratio > 0 else "−" if ratio < 0 else ""
    return f" ({sign}{i18n.percent(float(abs(ratio)), lang)})"


def funnel_lines(funnel: FunnelHeadline | None, lang: Language) -> list[str]:
    """The headline a manager reads first: completed customers and their value, old → new.

    Empty when neither version has a funnel, or when neither figure changed.
    """
    if funnel is None or not funnel.changed:
        return []
    completed = funnel.completed

    def count(value: Any) -> str:
        return word("none", lang) if value is None else amount(value, lang)

    def worth(value: Any) -> str:
        return word("none", lang) if value is None else money(value, funnel.currency, lang)

    lines = [
        sentence(
            "completed",
            lang,
            old=count(completed.old),
            new=count(completed.new),
            period=funnel.period or "period",
            change=_change(completed, lang),
        )
    ]
    if funnel.completed_value.old is not None or funnel.completed_value.new is not None:
        lines.append(
            sentence(
                "completed_value",
                lang,
                old=worth(funnel.completed_value.old),
                new=worth(funnel.completed_value.new),
                change=_change(funnel.completed_value, lang),
            )
        )
    return lines


def evidence_item(item: dict[str, Any], lang: Language = EN) -> str:
    """`survey "Klantpanel" (n=1,204, ± 3, 2026-03-20)`: the evidence in full."""
    kind = word(item["type"], lang) if item.get("type") else word("evidence", lang)
    details = _evidence_details(item, lang)
    return f'{kind} "{item["source"]}"' + (f" ({details})" if details else "")


def _evidence_details(item: dict[str, Any], lang: Language) -> str:
    parts = []
    if item.get("n") is not None:
        parts.append(f"n={amount(item['n'], lang)}")
    if item.get("margin") is not None:
        parts.append(f"± {i18n.decimal(item['margin'], lang)}")
    if item.get("date"):
        parts.append(str(item["date"]))
    return ", ".join(parts)


def evidence_phrase(change: EvidenceChange, lang: Language = EN) -> str:
    """`+ survey "Panel" (n=980, 2026-11-15)` or `survey "Panel": n=1,204 (…) → n=980 (…)`."""
    if change.kind == "added" and change.new is not None:
        return f"+ {evidence_item(change.new, lang)}"
    if change.kind == "removed" and change.old is not None:
        return f"− {evidence_item(change.old, lang)}"
    old, new = change.old or {}, change.new or {}
    head = evidence_item({"type": new.get("type"), "source": new.get("source")}, lang)
    return (
        f"{head}: {_evidence_details(old, lang) or word('none', lang)} {ARROW} "
        f"{_evidence_details(new, lang) or word('none', lang)}"
    )


def summary(changes: Changes, lang: Language | None = None) -> str:
    """One line: `2 added, 1 removed, 1 renamed, 3 stages with score changes, 2 rank moves`.

    "Score changes" counts only stages whose relevance, presence, conversion
    or touchpoint experience changed (`Changes.score_changes`): a stage whose
    reach or rank moved because of another stage is not counted.
    """
    lang = language(changes) if lang is None else lang
    counts = changes.counts()
    keys = (
        "added",
        "removed",
        "renamed",
        "moved",
        "modified",
        "map_fields",
        "score_changes",
        "rank_moves",
        "breaking_resolved",
        "breaking_introduced",
        "content",
        "evidence",
        "lint_introduced",
        "lint_fixed",
    )
    counts["map_fields"] = len(changes.map_fields)
    shown = [part for key in keys if (part := counted(key, counts[key], lang))]
    return ", ".join(shown) if shown else word("no changes", lang)


def _text(value: Any, lang: Language = EN) -> str:
    """Map text in full, in double quotes (the diff shows new text as written)."""
    return word("none", lang) if value is None else f'"{value}"'


def _details(part: str, item: dict[str, Any], lang: Language = EN) -> str:
    """`(value 94, target 95, unit %)` for a KPI, `(impact high, effort low)` for an opportunity."""
    keys = ("value", "target", "unit") if part == "kpi" else ("impact", "effort")
    shown = [
        f"{word(key, lang)} {scalar(item[key], lang, key)}"
        for key in keys
        if item.get(key) is not None
    ]
    if part == "kpi" and item.get("higher_is_better") is False:
        shown.append(word("lower is better", lang))
    return f" ({', '.join(shown)})" if shown else ""


def content_phrase(change: ContentChange, lang: Language = EN) -> str:
    """One stage-content change: `systems − "CRM"`, `KPI "NPS" value -18 → -5`, ..."""
    mark = {"added": "+ ", "removed": "− "}.get(change.kind, "")
    if change.part == "tone":
        return f"{word('tone', lang)} {_text(change.old, lang)} {ARROW} {_text(change.new, lang)}"
    if change.part not in ("kpi", "opportunity"):
        return f"{label(change.part, lang)} {mark.strip()} {_text(change.old or change.new, lang)}"
    noun = "KPI" if change.part == "kpi" else word("opportunity", lang)
    item = change.new if change.new is not None else change.old
    if change.kind == "changed":
        key = _text(change.key) if change.part == "kpi" or not item.get("id") else change.key
        return f"{noun} {key} " + ", ".join(field_phrase(f, lang) for f in change.fields)
    name = item["name"] if change.part == "kpi" else item["text"]
    return f"{mark}{noun} {_text(name)}{_details(change.part, item, lang)}"


def tree_language(tree: TreeChanges) -> Language:
    """The language of a directory diff's own labels: the one most of its maps use."""
    return Language.NL if tree.language == "nl" else Language.EN


def tree_summary(tree: TreeChanges, lang: Language) -> str:
    """`1 of 2 maps changed, 1 added, 1 removed`."""
    changed = sum(1 for c in tree.maps if c.changed)
    total = len(tree.maps) + len(tree.invalid)
    parts = [sentence("maps_summary", lang, changed=changed, total=total)]
    if tree.added:
        parts.append(f"{len(tree.added)} {word('added', lang)}")
    if tree.removed:
        parts.append(f"{len(tree.removed)} {word('removed', lang)}")
    return ", ".join(parts)


def fixed_maps(tree: TreeChanges) -> list[str]:
    """Maps invalid at REV and valid now: the change fixed their lint errors."""
    return [m.path for m in tree.invalid if m.side == "old"]
