"""Where CI tools want a problem's file: relative to the working directory, with `/`.

GitHub resolves annotation files and SARIF URIs against the repository root
(the job's working directory), so both reporters share this one rule.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from journeycli.core.sources import STDIN_NAME

# SARIF needs a URI; standard input has none, so it is reported under this
# relative placeholder (documented in docs/lint.md).
STDIN_URI = "stdin"


def relative_path(path: str) -> str:
    """`./maps\\a.journey.yaml` or `/abs/cwd/maps/a.journey.yaml` -> `maps/a.journey.yaml`.

    A file outside the working directory keeps a `../` path; on another drive
    (Windows) it stays absolute, as there is no relative path to give.
    """
    # abspath, not Path.resolve: it folds `..` without following symlinks, so the
    # path stays the one the user sees under the working directory.
    absolute = os.path.abspath(path)  # noqa: PTH100
    try:
        relative = os.path.relpath(absolute, Path.cwd())
    except ValueError:
        relative = absolute
    return relative.replace(os.sep, "/")


def is_stdin(path: str) -> bool:
    return path == STDIN_NAME


def file_uri(path: str) -> str:
    """A relative URI reference (RFC 3986) for a problem's path, percent-encoded."""
    if is_stdin(path):
        return STDIN_URI
    relative = relative_path(path)
    if Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative, safe="/")
