"""Where the Jinja2 templates live: inside the installed package, or in the source tree.

The wheel force-includes the top-level `templates/` folder as
`journeycli/templates`; an editable install or a source checkout has it at
the repository root instead.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from journeycli.core.errors import ConfigError

if TYPE_CHECKING:
    import jinja2


def template_dir() -> Path:
    """The folder with the shipped templates (installed package first, source tree fallback).

    Used by the scaffolder (`templates/scaffold/`) and the report renderer
    (`templates/report/`).
    """
    installed = files("journeycli") / "templates"
    if isinstance(installed, Path) and installed.is_dir():
        return installed
    source = Path(__file__).resolve().parents[3] / "templates"  # src/journeycli/core/ -> root
    if source.is_dir():
        return source
    raise ConfigError(
        "journey's templates folder is missing from this installation", hint="reinstall journeycli"
    )


def environment(folder: str, *, autoescape: bool, shared: str | None = None) -> jinja2.Environment:
    """A Jinja2 environment over one folder of the shipped templates.

    One set of settings for every built-in template (HTML, Markdown, history):
    undefined names fail loudly instead of rendering as blanks, and block tags
    leave no stray whitespace, so output is byte-identical however the
    template is indented. jinja2 is imported here, not at module level, so
    commands that render no template never load it. `shared` names a second
    folder searched after `folder` (macros several commands use).
    """
    import jinja2

    folders = [str(template_dir() / folder)]
    if shared is not None:
        folders.append(str(template_dir() / shared))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
