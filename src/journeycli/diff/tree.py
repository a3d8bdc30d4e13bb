"""`journey diff DIR --rev REV`: every map under a directory against its version at REV.

A pull request often touches several maps; the reviewer wants one diff of
all of them, and to see which maps were added or removed. The working copy's
maps are found as `journey lint` finds them (`core.sources.discover`); the
maps at REV are listed by git (`gitio.list_files`) with the same rules
(map suffixes, hidden and vendored directories skipped). A map that is
invalid now does not hide the others: it is listed with its lint errors,
and `--fail-on new-error` names it when it was valid at REV or is new
(docs/diff.md, "A directory").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from journeycli.core import gitio
from journeycli.core.checks import LintOptions
from journeycli.core.errors import InvalidMapError, UsageError
from journeycli.core.problems import Problem
from journeycli.core.sources import SKIPPED_DIRS, discover, is_map_file, read_source
from journeycli.diff.changes import Changes
from journeycli.diff.compare import diff_maps
from journeycli.diff.gate import CONDITIONS, NEW_ERROR, Regression, regressions
from journeycli.diff.sources import checked_side, lint_options


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


def _skipped(relative: str) -> bool:
    parts = relative.split("/")[:-1]
    return any(part.startswith(".") or part in SKIPPED_DIRS for part in parts)


def _join(root: str, relative: str) -> str:
    return str(Path(root) / relative)


def _title(raw: bytes, name: str, options: LintOptions) -> tuple[str | None, tuple[Problem, ...]]:
    try:
        journey, problems = checked_side(raw, name, options)
    except InvalidMapError as exc:
        return None, tuple(exc.problems)
    return journey.title, tuple(problems)


def compare_tree(
    root: str,
    rev: str,
    *,
    persona: str | None = None,
    options: LintOptions | None = None,
) -> TreeChanges:
    """Compare every map under `root` with its version at `rev`."""
    options = options or lint_options()
    directory = Path(root)
    old_names = {
        name
        for name in gitio.list_files(directory, rev)
        if is_map_file(name) and not _skipped(name)
    }
    try:
        current = discover([root])
    except UsageError:  # no map under the directory now: every one was removed
        current = []
    new_names = {str(Path(path).relative_to(directory).as_posix()) for path in current}
    maps: list[Changes] = []
    invalid: list[InvalidMap] = []
    added: list[AddedMap] = []
    for name in sorted(new_names | old_names):
        path = _join(root, name)
        if name not in old_names:
            raw, shown = read_source(path)
            title, problems = _title(raw, shown, options)
            added.append(AddedMap(shown, title, problems, title is None))
            continue
        if name not in new_names:
            continue
        old_label = f"{rev}:{path}"
        new_raw, new_name = read_source(path)
        old_raw = gitio.show(Path(path), rev)
        try:
            old, old_problems = checked_side(old_raw, old_label, options)
        except InvalidMapError as exc:
            old_problems, old = list(exc.problems), None
        try:
            new, new_problems = checked_side(new_raw, new_name, options)
        except InvalidMapError as exc:
            invalid.append(InvalidMap(new_name, tuple(exc.problems), "new", old is not None))
            continue
        if old is None:
            invalid.append(InvalidMap(new_name, tuple(old_problems), "old", True))
            continue
        maps.append(
            diff_maps(
                old,
                new,
                old_label=old_label,
                new_label=new_name,
                persona=persona,
                old_problems=old_problems,
                new_problems=new_problems,
            )
        )
    removed = tuple(_join(root, n) for n in sorted(old_names - new_names))
    return TreeChanges(root, rev, tuple(maps), tuple(added), removed, tuple(invalid))


def tree_regressions(tree: TreeChanges) -> dict[str, tuple[Regression, ...]]:
    """Every condition over all maps; each item's name starts with its map's file name."""
    found: dict[str, list[Regression]] = {}
    for changes in tree.maps:
        where = Path(changes.new.label).name
        for condition, items in regressions(changes).items():
            found.setdefault(condition, []).extend(
                Regression(r.condition, r.id, f"{where}: {r.name}", r.detail) for r in items
            )
    broken = [(m.path, m.errors) for m in tree.invalid if m.side == "new" and m.was_valid] + [
        (a.path, tuple(p for p in a.problems if p.is_error)) for a in tree.added if a.invalid
    ]
    for path, errors in broken:
        found.setdefault(NEW_ERROR, []).extend(
            Regression(
                NEW_ERROR, p.code, f"{Path(path).name}: {p.message}", f"{p.code} line {p.line}"
            )
            for p in errors
        )
    return {condition: tuple(found.get(condition, ())) for condition in CONDITIONS}
