"""Where the two sides of a diff come from: files, standard input, or git.

The comparison itself is pure (`compare.py`); this module reads the bytes
(through `core.sources.read_source` and `gitio`), validates each side as
`journey lint` would, and refuses an invalid side with its lint errors.
"""

from __future__ import annotations

from pathlib import Path

from journeycli.core import gitio
from journeycli.core.checks import check_map, valid_map
from journeycli.core.errors import InvalidMapError, UsageError
from journeycli.core.model import JourneyMap
from journeycli.core.problems import Problem
from journeycli.core.settings import Settings
from journeycli.core.sources import STDIN, read_source
from journeycli.core.suppress import unsuppressed
from journeycli.core.validation import load_map
from journeycli.diff.changes import Changes
from journeycli.diff.compare import diff_maps

parse_map = valid_map  # a diff side: errors stop the diff, warnings do not


def checked_side(
    raw: bytes, name: str, settings: Settings | None = None
) -> tuple[JourneyMap, list[Problem]]:
    """One side and the lint problems `journey lint` would report with `settings`.

    Raises InvalidMapError with the errors when the side has any: duplicate
    ids (E004) or dangling references (E005) make matching by id meaningless.
    """
    settings = settings or Settings()
    validated = load_map(raw, name, settings.limits)
    problems = check_map(validated, settings)
    errors = sorted(p for p in problems if p.is_error)
    if errors or validated.model is None:
        raise InvalidMapError(errors)
    # as lint reports them: wanted by the settings, not silenced by `# journey: ignore[...]`
    wanted = [p for p in problems if settings.wants(p.code)]
    return validated.model, unsuppressed(wanted, validated.document.text)


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
    size = (settings or Settings()).limits.max_file_size
    old_raw, old_name = read_source(old, size)
    new_raw, new_name = read_source(new, size)
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
    size = (settings or Settings()).limits.max_file_size
    new_raw, new_name = read_source(path, size)
    old_raw = gitio.show(Path(path), rev, size)
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
    old, old_problems = checked_side(old_raw, old_name, settings)
    new, new_problems = checked_side(new_raw, new_name, settings)
    return diff_maps(
        old,
        new,
        old_label=old_name,
        new_label=new_name,
        persona=persona,
        old_problems=old_problems,
        new_problems=new_problems,
    )
