"""What `journey lint` does once its arguments are parsed, and the one case parsed without Typer.

`journey lint FILE...` with no option is what pre-commit and an editor's
save task run, on one map at a time, where start-up is nearly the whole cost.
Typer parses every value through Pydantic, so for that case alone `cli.run`
skips building the Typer app: the paths are the only arguments, the settings
come from the configuration alone, and the same `lint` below does the rest.
Any option (or `--help`, or completion) goes through Typer as before, so
there is one meaning for every flag (docs/performance.md, "One map").
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeycli.core.settings import Settings

# Typer's completion sets this variable; such a run must reach Typer.
_COMPLETION = "_JOURNEY_COMPLETE"


def plain_lint_paths(argv: list[str]) -> list[str] | None:
    """The paths of `journey lint PATH...` when it has no option at all, else None."""
    if not argv or argv[0] != "lint" or _COMPLETION in os.environ:
        return None
    paths = argv[1:]
    if any(arg.startswith("-") for arg in paths):  # an option, `--`, or `-` for stdin
        return None
    return paths


def lint(paths: list[str], settings: Settings, output_format: str = "text") -> int:
    """Lint `paths` (default: the current directory), write the format; the exit code."""
    from journeycli.cli.progress import file_progress
    from journeycli.core.problems import one_line
    from journeycli.core.settings import ignored_errors
    from journeycli.core.sources import discover
    from journeycli.lint.formats import FORMATS
    from journeycli.lint.run import lint_files

    for prefix in ignored_errors(settings.ignore):
        sys.stderr.write(
            f"journey: note: ignore {one_line(prefix)}: errors cannot be ignored or "
            "suppressed, only warnings; they are reported anyway\n"
        )
    files = discover(paths or ["."])
    with file_progress(len(files)) as advance:
        result = lint_files(files, settings, on_file=advance)
    FORMATS.load(output_format).write(result, stream=sys.stdout)
    return result.exit_code


def plain_lint(paths: list[str]) -> int:
    """`journey lint PATH...` with the settings of the nearest configuration."""
    from journeycli.core.settings import load_settings

    return lint(paths, load_settings())
