"""One registry type for every command's output (and input) formats.

Each command package declares its formats once, in its `formats/__init__.py`,
as a `FormatRegistry`: a name, the file extensions that imply it, a one-line
help, and where its `render` (and optional `write`) function lives. The CLI
builds `--format` choices, help, completion and "did you mean" from the
registry, and `--output x.csv` finds its format through `for_path`, so adding
a format is one module plus one line (docs/architecture.md, "Where do I add a
format").

A format module is imported only when it is used: `journey --help` and
`journey lint` never load the HTML renderer. `render` returns text; `write`,
when a format has one, writes to a stream itself (the terminal formats do, to
colour their output on a terminal).
"""

from __future__ import annotations

import difflib
import importlib
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, TextIO

from journeycli.core.errors import UsageError


@dataclass(frozen=True, slots=True)
class Format:
    """One format: `render` and `write` are `"package.module:function"`, loaded on use.

    A format has a `render` (value -> text), a `write` (value and stream, the
    stream last), or both; with only `write`, its text is what it writes. A
    `binary` format's `render` gives bytes instead (an xlsx workbook, report's
    PDF and PNG), which go to a file or a pipe, never to a terminal.
    """

    name: str
    extensions: tuple[str, ...] = ()
    help: str = ""
    render: str | None = None
    write: str | None = None
    binary: bool = False


@dataclass(frozen=True, slots=True)
class LoadedFormat:
    """A format, imported: `render(value, *args)` and `write(value, *args, stream)`."""

    name: str
    render_text: Callable[..., str] | None = None
    write_stream: Callable[..., None] | None = None
    render_data: Callable[..., bytes] | None = None

    @property
    def binary(self) -> bool:
        """Bytes (an xlsx workbook, a PDF, a PNG), never text for a terminal."""
        return self.render_data is not None

    def render(self, value: Any, *args: Any, **options: Any) -> str:
        """The format's text (what its `write` would write, when it has only that)."""
        if self.render_text is not None:
            return self.render_text(value, *args, **options)
        buffer = io.StringIO()
        assert self.write_stream is not None
        self.write_stream(value, *args, buffer)
        return buffer.getvalue()

    def render_bytes(self, value: Any, *args: Any, **options: Any) -> bytes:
        """A binary format's bytes."""
        assert self.render_data is not None, f"{self.name} is not a binary format"
        return self.render_data(value, *args, **options)

    def write(self, value: Any, *args: Any, stream: TextIO) -> None:
        """Write to `stream`: the format's own `write` when it has one, else `render`'s text."""
        if self.write_stream is not None:
            self.write_stream(value, *args, stream)
        else:
            stream.write(self.render(value, *args))


def _load(target: str) -> Callable[..., Any]:
    module_name, _, attribute = target.partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module_name), attribute)
    return function


class FormatRegistry:
    """The formats of one command (`report`, `diff`, ...), in the order help lists them."""

    def __init__(self, command: str, formats: Iterable[Format], *, option: str = "--format"):
        self.command = command
        self.option = option
        self._formats = {fmt.name: fmt for fmt in formats}

    def __iter__(self) -> Iterator[Format]:
        return iter(self._formats.values())

    def __contains__(self, name: object) -> bool:
        return name in self._formats

    def names(self) -> tuple[str, ...]:
        return tuple(self._formats)

    def choices(self) -> str:
        """`text|md|json`, for help texts and hints."""
        return "|".join(self._formats)

    def suggestion(self, name: str) -> str | None:
        close = difflib.get_close_matches(name.lower(), self._formats, n=1, cutoff=0.5)
        return close[0] if close else None

    def get(self, name: str) -> Format:
        """The format called `name`; anything else is a usage error with a did-you-mean."""
        found = self._formats.get(name)
        if found is None:
            close = self.suggestion(name)
            hint = f"did you mean '{close}'? " if close else ""
            raise UsageError(
                f"unknown {self.command} format '{name}'",
                hint=f"{hint}choose one of {', '.join(self._formats)}",
            )
        return found

    def load(self, name: str) -> LoadedFormat:
        """The format's functions, imported now."""
        fmt = self.get(name)
        render = _load(fmt.render) if fmt.render else None
        write = _load(fmt.write) if fmt.write else None
        if fmt.binary:
            return LoadedFormat(fmt.name, render_data=render)
        return LoadedFormat(fmt.name, render, write)

    def for_path(self, path: str | None) -> str | None:
        """The format a file name implies (`report.HTML` -> html), or None."""
        if not path or path == "-":
            return None
        suffix = PurePath(path).suffix.lower()
        for fmt in self._formats.values():
            if suffix and suffix in fmt.extensions:
                return fmt.name
        return None

    def complete(self, incomplete: str) -> list[tuple[str, str]]:
        """Shell completion: the names that start with what was typed, with their help."""
        return [(fmt.name, fmt.help) for fmt in self if fmt.name.startswith(incomplete)]
