"""The result of a directory diff (`journey diff DIR --rev REV`): plain, frozen values.

`tree.compare_tree` builds them; the formats and the gate only read them
(docs/diff.md, "A directory").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeycli.diff.changes import Changes

if TYPE_CHECKING:
    from journeycli.core.problems import Problem


@dataclass(frozen=True, slots=True)
class AddedMap:
    """A map in the working copy that REV does not have."""

    path: str
    title: str | None
    problems: tuple[Problem, ...]  # its lint problems (errors when it is invalid)
    invalid: bool


@dataclass(frozen=True, slots=True)
class InvalidMap:
    """A map present at REV and now whose working copy (or old version) has lint errors."""

    path: str
    errors: tuple[Problem, ...]
    side: str  # "new": invalid now; "old": invalid at REV only
    was_valid: bool  # the other side is valid: the change broke (or fixed) it


@dataclass(frozen=True, slots=True)
class TreeChanges:
    root: str
    rev: str
    maps: tuple[Changes, ...]  # maps on both sides, valid on both, in path order
    added: tuple[AddedMap, ...] = ()
    removed: tuple[str, ...] = ()
    invalid: tuple[InvalidMap, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.invalid) or any(c.changed for c in self.maps)

    @property
    def language(self) -> str:
        """The language most of the maps use (English on a tie), for the shared labels."""
        languages = [c.new.language for c in self.maps]
        return "nl" if languages.count("nl") > len(languages) / 2 else "en"

    def errors_now(self) -> tuple[Problem, ...]:
        """Lint errors of the working copy: they make the run exit 1, as in `journey lint`."""
        found = [p for m in self.invalid if m.side == "new" for p in m.errors]
        found += [p for m in self.added if m.invalid for p in m.problems]
        return tuple(sorted(found))
