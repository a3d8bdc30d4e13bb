"""Where the Jinja2 templates live: inside the installed package, or in the source tree.

The wheel force-includes the top-level `templates/` folder as
`journeycli/templates`; an editable install or a source checkout has it at
the repository root instead.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from journeycli.errors import ConfigError


def template_dir() -> Path:
    """The folder with the shipped templates (installed package first, source tree fallback).

    Used by the scaffolder (`templates/scaffold/`) and the report renderer
    (`templates/report/`).
    """
    installed = files("journeycli") / "templates"
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    source = Path(__file__).resolve().parent.parent.parent / "templates"
    if source.is_dir():
        return source
    raise ConfigError("journey's templates folder is missing from this installation",
                      hint="reinstall journeycli")
