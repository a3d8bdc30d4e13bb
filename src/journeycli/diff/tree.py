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

from pathlib import Path

from journeycli.core import gitio
from journeycli.core.errors import InvalidMapError, UsageError
from journeycli.core.problems import Problem
from journeycli.core.settings import Settings
from journeycli.core.sources import SKIPPED_DIRS, discover, is_map_file, read_source
from journeycli.diff.changes import Changes
from journeycli.diff.compare import diff_maps
from journeycli.diff.sources import checked_side
from journeycli.diff.tree_changes import AddedMap, InvalidMap, TreeChanges


def _skipped(relative: str) -> bool:
    parts = relative.split("/")[:-1]
    return any(part.startswith(".") or part in SKIPPED_DIRS for part in parts)


def _join(root: str, relative: str) -> str:
    return str(Path(root) / relative)


def _title(
    raw: bytes, name: str, settings: Settings | None
) -> tuple[str | None, tuple[Problem, ...]]:
    try:
        journey, problems = checked_side(raw, name, settings)
    except InvalidMapError as exc:
        return None, tuple(exc.problems)
    return journey.title, tuple(problems)


def compare_tree(
    root: str,
    rev: str,
    *,
    persona: str | None = None,
    settings: Settings | None = None,
) -> TreeChanges:
    """Compare every map under `root` with its version at `rev` (lint's `settings`)."""
    directory = Path(root)
    size = (settings or Settings()).limits.max_file_size
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
            raw, shown = read_source(path, size)
            title, problems = _title(raw, shown, settings)
            added.append(AddedMap(shown, title, problems, title is None))
            continue
        if name not in new_names:
            continue
        old_label = f"{rev}:{path}"
        new_raw, new_name = read_source(path, size)
        old_raw = gitio.show(Path(path), rev, size)
        try:
            old, old_problems = checked_side(old_raw, old_label, settings)
        except InvalidMapError as exc:
            old_problems, old = list(exc.problems), None
        try:
            new, new_problems = checked_side(new_raw, new_name, settings)
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
