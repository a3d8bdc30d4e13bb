"""`journey --version`: answered before anything else is imported (docs/performance.md)."""

from __future__ import annotations

from journeycli import __version__

VERSION_ARGS = (["--version"], ["-V"])


def version_line() -> str:
    return f"journey {__version__}"
