"""Where the two sides of a diff come from: files, standard input, or git.

The comparison itself is pure (`compare.py`); this module reads the bytes
(through `lint.runner.read_source` and `gitio`), validates each side as
`journey lint` would, and refuses an invalid side with its lint errors.
"""

from __future__ import annotations

from pathlib import Path

from journeycli import gitio
from journeycli.diff.changes import Changes
from journeycli.diff.compare import diff_maps
from journeycli.errors import InvalidMapError, UsageError
from journeycli.lint.runner import STDIN, read_source, valid_map
from journeycli.loader import Limits

parse_map = valid_map  # a diff side: errors stop the diff, warnings do not


def diff_files(
    old: str,
    new: str,
    *,
    persona: str | None = None,
    limits: Limits | None = None,
) -> Changes:
    """`journey diff OLD NEW`: either side may be `-` (standard input), not both."""
    if old == STDIN and new == STDIN:
        raise UsageError("only one side can be read from standard input (-)")
    size = (limits or Limits()).max_file_size
    old_raw, old_name = read_source(old, size)
    new_raw, new_name = read_source(new, size)
    return _compare(old_raw, old_name, new_raw, new_name, persona, limits)


def diff_revision(
    path: str,
    rev: str,
    *,
    persona: str | None = None,
    limits: Limits | None = None,
) -> Changes:
    """`journey diff PATH --rev REV`: `git show REV:PATH` against the working copy."""
    if path == STDIN:
        raise UsageError("--rev needs a file path, not standard input (-)")
    size = (limits or Limits()).max_file_size
    new_raw, new_name = read_source(path, size)
    old_raw = gitio.show(Path(path), rev, size)
    return _compare(old_raw, f"{rev}:{path}", new_raw, new_name, persona, limits)


def _compare(
    old_raw: bytes,
    old_name: str,
    new_raw: bytes,
    new_name: str,
    persona: str | None,
    limits: Limits | None,
) -> Changes:
    """Both sides validated as `journey lint` would (old first), then compared."""
    return diff_maps(
        parse_map(old_raw, old_name, limits),
        parse_map(new_raw, new_name, limits),
        old_label=old_name,
        new_label=new_name,
        persona=persona,
    )


def summarize(path: str, *, textconv: bool = False, limits: Limits | None = None) -> str:
    """`journey summary PATH`: the line-oriented summary of one map.

    With `textconv` (git's `diff.journey.textconv`), an invalid map is not an
    error: git would abort the whole `git diff`/`git log -p` on a failing
    textconv, so its errors and raw text are shown instead.
    """
    from journeycli.render.diff_summary import render, render_invalid

    raw, name = read_source(path, (limits or Limits()).max_file_size)
    try:
        return render(parse_map(raw, name, limits))
    except InvalidMapError as exc:
        if not textconv:
            raise
        return render_invalid(exc.problems, raw)
