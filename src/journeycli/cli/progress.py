"""A Rich progress bar on stderr, only when a person is watching many files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

PROGRESS_MIN_FILES = 50


@contextmanager
def file_progress(total: int) -> Iterator[Callable[[str], None] | None]:
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Linting", total=total)
        yield lambda _path: progress.advance(task)
