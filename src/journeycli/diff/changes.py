"""What a semantic diff of two maps is made of: plain, frozen values.

The comparison (`compare.py`) builds these; the renderers (text, Markdown,
JSON) and the CI gate (`gate.py`) only read them. Values are JSON-ready
(enums as their text, dates as ISO text) so every renderer shows the same
thing and the JSON renderer is a mechanical walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from journeycli.core.problems import Problem

Kind = Literal["persona", "stage", "touchpoint", "action"]
KINDS: tuple[Kind, ...] = ("persona", "stage", "touchpoint", "action")
SCORE_FIELDS = (
    "relevance",
    "presence",
    "gap",
    "rank",
    "confidence",
    "conversion",
    "reach",
    "lost",
    "value_at_stake",
)


@dataclass(frozen=True, slots=True)
class Delta:
    """A value before and after; either side may be None (absent)."""

    old: Any
    new: Any

    @property
    def changed(self) -> bool:
        return bool(self.old != self.new)


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one item that differs: `status: todo -> done`."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class Item:
    """An added or removed persona, stage, touchpoint or action.

    `stage` is the id of the enclosing stage for touchpoints and actions.
    """

    kind: Kind
    id: str
    name: str
    stage: str | None = None
    stage_name: str | None = None
    status: str | None = None  # an action's status (todo, doing, done, dropped)


@dataclass(frozen=True, slots=True)
class Rename:
    """Same id, new name: the item was renamed, not replaced."""

    kind: Kind
    id: str
    old: str
    new: str
    stage: str | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """A touchpoint or action that now sits in another stage."""

    kind: Kind
    id: str
    name: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Modified:
    """An item present on both sides whose other fields changed."""

    kind: Kind
    id: str
    name: str
    fields: tuple[FieldChange, ...]
    stage: str | None = None
    stage_name: str | None = None

    def get(self, name: str) -> FieldChange | None:
        return next((change for change in self.fields if change.field == name), None)


@dataclass(frozen=True, slots=True)
class StageScores:
    """The scores of one stage present on both sides, each as old -> new.

    Gap, rank and confidence come from the engine; reach, lost and value at
    stake from its funnel. `changed` names the fields that differ, in
    `SCORE_FIELDS` order.
    """

    id: str
    name: str
    values: dict[str, Delta]

    @property
    def changed(self) -> tuple[str, ...]:
        return tuple(name for name in SCORE_FIELDS if self.values[name].changed)

    def __getitem__(self, name: str) -> Delta:
        return self.values[name]


@dataclass(frozen=True, slots=True)
class RankMove:
    """A stage whose rank changed; None means unranked (absent or unscored)."""

    stage: str
    name: str
    old: int | None
    new: int | None


@dataclass(frozen=True, slots=True)
class Moment:
    """A breaking moment (critical touchpoint with a poor experience)."""

    touchpoint: str
    name: str
    stage: str
    stage_name: str
    experience: int | None


@dataclass(frozen=True, slots=True)
class Hint:
    """Advice about a likely mistake, e.g. an id that changed with the name kept."""

    kind: str
    message: str
    old_id: str | None = None
    new_id: str | None = None


@dataclass(frozen=True, slots=True)
class ContentChange:
    """A change to a stage's content: a lane line, the tone, a KPI or an opportunity.

    `part` is a lane name, `tone`, `kpi` or `opportunity`; `kind` is `added`,
    `removed` or `changed`; `key` is the lane text, `tone`, the KPI's name or
    the opportunity's id (its text when it has none). `old`/`new` are
    JSON-ready (text, or the KPI or opportunity as a dict); `fields` lists what
    changed in a KPI or an opportunity.
    """

    stage: str
    stage_name: str
    part: str
    kind: str
    key: str
    old: Any
    new: Any
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceChange:
    """An evidence item of a stage added, removed or re-measured.

    Evidence has no id: an item is matched by its type and source within its
    stage, so a survey re-run under the same source reads as `changed` (new
    date, new n) rather than as one item removed and another added. `old` and
    `new` are the items as JSON-ready dicts (`type`, `source`, `date`, and
    `n`/`margin` when the format has them); None on the side that lacks it.
    """

    stage: str
    stage_name: str
    kind: Literal["added", "removed", "changed"]
    old: dict[str, Any] | None
    new: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class LintDelta:
    """Lint problems the change introduces (in the new version) and fixes (in the old one).

    Problems are matched by code and message, not by line, so a problem that
    merely moved down the file is neither introduced nor fixed.
    """

    introduced: tuple[Problem, ...] = ()
    fixed: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class FunnelHeadline:
    """Customers who complete the journey and their value, old -> new (None: no funnel)."""

    completed: Delta
    completed_value: Delta
    currency: str | None = None
    period: str | None = None

    @property
    def changed(self) -> bool:
        return self.completed.changed or self.completed_value.changed


@dataclass(frozen=True, slots=True)
class Side:
    """Which version a side is: its label (path or REV:PATH), title, currency and language."""

    label: str
    title: str
    currency: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Changes:
    """Everything that differs between two versions of a map."""

    old: Side
    new: Side
    persona: str | None = None
    map_fields: tuple[FieldChange, ...] = ()
    added: tuple[Item, ...] = ()
    removed: tuple[Item, ...] = ()
    renamed: tuple[Rename, ...] = ()
    moved: tuple[Move, ...] = ()
    modified: tuple[Modified, ...] = ()
    scores: tuple[StageScores, ...] = ()
    ranking_old: tuple[str, ...] = ()
    ranking_new: tuple[str, ...] = ()
    rank_moves: tuple[RankMove, ...] = ()
    breaking_resolved: tuple[Moment, ...] = ()
    breaking_introduced: tuple[Moment, ...] = ()
    hints: tuple[Hint, ...] = field(default=())
    content: tuple[ContentChange, ...] = ()
    evidence: tuple[EvidenceChange, ...] = ()
    lint: LintDelta = field(default_factory=LintDelta)
    funnel: FunnelHeadline | None = None
    experience_stages: tuple[str, ...] = ()  # stages where a touchpoint's experience changed

    @property
    def changed(self) -> bool:
        """True when any semantic difference was found (hints alone are not changes)."""
        return any(
            (
                self.map_fields,
                self.added,
                self.removed,
                self.renamed,
                self.moved,
                self.modified,
                self.scores,
                self.rank_moves,
                self.breaking_resolved,
                self.breaking_introduced,
                self.content,
                self.evidence,
            )
        )

    def score_changes(self) -> tuple[str, ...]:
        """Stages whose relevance, presence, conversion or touchpoint experience changed.

        What the summary counts as "score changes" (docs/diff.md): a stage whose
        reach, lost or value at stake moved only because an earlier stage's
        conversion changed, or whose rank moved because another stage's gap
        did, is not counted.
        """
        own = ("relevance", "presence", "conversion")
        scored = {s.id for s in self.scores if any(s[name].changed for name in own)}
        touched = scored | set(self.experience_stages)
        order = [s.id for s in self.scores] + list(self.experience_stages)
        return tuple(dict.fromkeys(sid for sid in order if sid in touched))

    def of_kind(self, kind: Kind) -> dict[str, tuple[Any, ...]]:
        """The added/removed/renamed/moved/modified items of one kind."""
        return {
            "added": tuple(i for i in self.added if i.kind == kind),
            "removed": tuple(i for i in self.removed if i.kind == kind),
            "renamed": tuple(i for i in self.renamed if i.kind == kind),
            "moved": tuple(i for i in self.moved if i.kind == kind),
            "modified": tuple(i for i in self.modified if i.kind == kind),
        }

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "renamed": len(self.renamed),
            "moved": len(self.moved),
            "modified": len(self.modified),
            "scores": len(self.scores),
            "rank_moves": len(self.rank_moves),
            "breaking_resolved": len(self.breaking_resolved),
            "breaking_introduced": len(self.breaking_introduced),
            "content": len(self.content),
            "score_changes": len(self.score_changes()),
            "evidence": len(self.evidence),
            "lint_introduced": len(self.lint.introduced),
            "lint_fixed": len(self.lint.fixed),
        }


def rank_text(value: int | None) -> str:
    """A rank as the diff shows it: `3`, or `unranked` for a stage without both scores."""
    return "unranked" if value is None else str(value)
