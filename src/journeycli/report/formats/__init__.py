"""Report renderers: one per output format, behind one interface, found by name.

A renderer turns a `journeycli.core.analysis.Report` into text in a language:
`render(report, lang) -> str`. It reads the figures of the Analysis and only
formats them; it never recomputes a gap, a rank or a funnel figure.

The registry maps a format name to the module that implements it, imported
only when that format is used (so the CLI stays fast and an optional format
can live in its own module). A module provides

    def render(report: Report, lang: Language) -> str

and may also provide `write(report, lang, stream) -> None` to write to a
stream itself (the terminal renderer does, to use colour on a terminal).
A binary format (pdf, png) provides `render_bytes(report, lang) -> bytes`
instead, and is written only to an `--output` file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO, cast

from journeycli.core.errors import UsageError

if TYPE_CHECKING:
    from journeycli.core.analysis import Report
    from journeycli.core.model import Language

RenderFunction = Callable[["Report", "Language"], str]
WriteFunction = Callable[["Report", "Language", TextIO], None]
BytesFunction = Callable[["Report", "Language"], bytes]

#: format name -> module with `render(report, lang) -> str` (and optionally `write`).
RENDERERS: dict[str, str] = {
    "terminal": "journeycli.report.formats.terminal",
    "md": "journeycli.report.formats.markdown",
    "html": "journeycli.report.formats.html",
    "json": "journeycli.report.formats.json",
    "pdf": "journeycli.report.formats.pdf",
    "png": "journeycli.report.formats.png",
}

#: output file extension -> format name (`--output` without `--format`).
EXTENSIONS: dict[str, str] = {
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".txt": "terminal",
    ".pdf": "pdf",
    ".png": "png",
}


@dataclass(frozen=True, slots=True)
class Renderer:
    """A loaded renderer: `render` returns text; `write` writes to a stream."""

    name: str
    render_text: RenderFunction | None
    write_stream: WriteFunction | None = None
    render_bytes: BytesFunction | None = None

    @property
    def binary(self) -> bool:
        """A PDF or PNG: bytes for an --output file, never text for a stream."""
        return self.render_bytes is not None

    def render(self, report: Report, lang: Language) -> str:
        assert self.render_text is not None, f"{self.name} is a binary format"
        return self.render_text(report, lang)

    def write(self, report: Report, lang: Language, stream: TextIO) -> None:
        if self.write_stream is not None:
            self.write_stream(report, lang, stream)
        else:
            stream.write(self.render(report, lang))


def get_renderer(name: str) -> Renderer:
    """The renderer for a format name; an unknown or missing one is a usage error."""
    module_name = RENDERERS.get(name)
    if module_name is None:
        raise UsageError(
            f"unknown report format '{name}'", hint=f"choose one of {', '.join(RENDERERS)}"
        )
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise UsageError(f"the {name} report format is not available in this build") from exc
    render = cast("RenderFunction | None", getattr(module, "render", None))
    write = cast("WriteFunction | None", getattr(module, "write", None))
    render_bytes = cast("BytesFunction | None", getattr(module, "render_bytes", None))
    return Renderer(name, render, write, render_bytes)


def format_for(path: str) -> str | None:
    """The format an output file name implies, or None when its extension says nothing."""
    lowered = path.lower()
    for extension, name in EXTENSIONS.items():
        if lowered.endswith(extension):
            return name
    return None
