"""Where the two sides of a diff come from: files, standard input, or git.

The comparison itself is pure (`compare.py`); this module reads the bytes
(through `core.sources.read_source` and `gitio`), validates each side as
`journey lint` would, and refuses an invalid side with its lint errors.
"""

from __future__ import annotations

from pathlib import Path

from journeycli.core import gitio
from journeycli.core.checks import valid_map
from journeycli.core.errors import UsageError
from journeycli.core.settings import Settings
from journeycli.core.sources import STDIN, read_source
from journeycli.diff.changes import Changes
from journeycli.diff.compare import diff_maps

parse_map = valid_map  # a diff side: errors stop the diff, warnings do not


def diff_files(
    old: str,
    new: str,
    *,
    persona: str | None = None,
    settings: Settings | None = None,
) -> Changes:
    """`journey diff OLD NEW`: either side may be `-` (standard input), not both."""
    if old == STDIN and new == STDIN:
        raise UsageError("only one side can be read from standard input (-)")
    old_raw, old_name = read_source(old)
    new_raw, new_name = read_source(new)
    return _compare(old_raw, old_name, new_raw, new_name, persona, settings)


def diff_revision(
    path: str,
    rev: str,
    *,
    persona: str | None = None,
    settings: Settings | None = None,
) -> Changes:
    """`journey diff PATH --rev REV`: `git show REV:PATH` against the working copy."""
    if path == STDIN:
        raise UsageError("--rev needs a file path, not standard input (-)")
    new_raw, new_name = read_source(path)
    old_raw = gitio.show(Path(path), rev)
    return _compare(old_raw, f"{rev}:{path}", new_raw, new_name, persona, settings)


def _compare(
    old_raw: bytes,
    old_name: str,
    new_raw: bytes,
    new_name: str,
    persona: str | None,
    settings: Settings | None,
) -> Changes:
    """Both sides validated as `journey lint` would (old first), then compared."""
    return diff_maps(
        parse_map(old_raw, old_name, settings),
        parse_map(new_raw, new_name, settings),
        old_label=old_name,
        new_label=new_name,
        persona=persona,
    )
