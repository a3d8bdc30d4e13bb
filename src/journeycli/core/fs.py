"""Writing files without ever losing one: temporary file, fsync, rename.

Every command that writes (new, report --output, export/import --output)
goes through `atomic_write`, so an interrupted or failed write leaves the old
file intact and no partial file behind, and an existing file is replaced
only when the caller allows it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import TextIO

from journeycli.core.errors import OutputError, UsageError


def _advice(exc: OSError, directory: Path) -> str:
    """What to do about a failed write; the old file, if any, is untouched."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space and run it again"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"check that {directory} is writable"
    if exc.errno == errno.EISDIR:
        return "the output path is a directory; name a file"
    return "nothing was changed"


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (best effort: not every platform can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: str | Path, data: str | bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` atomically, keeping an existing file's permissions.

    Raises UsageError when the target exists and `overwrite` is False, or when
    its directory does not exist; OutputError when the write itself fails.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise UsageError(f"{target}: is a directory; name a file to write")
    if not directory.is_dir():
        raise UsageError(
            f"{target}: directory {directory} does not exist",
            hint="create it first, or name another output file",
        )
    if target.exists() and not overwrite:
        raise UsageError(f"{target}: already exists", hint="use --force to overwrite it")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(target.stat().st_mode)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            Path(tmp_name).chmod(mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(tmp_name).chmod(0o666 & ~umask)
        if not overwrite and target.exists():
            raise UsageError(f"{target}: already exists", hint="use --force to overwrite it")
        Path(tmp_name).replace(target)
        tmp_name = None
        _sync_directory(directory)
    except OSError as exc:
        raise OutputError(
            f"{target}: cannot write ({exc.strerror or exc})", hint=_advice(exc, directory)
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()


def write_output(
    text: str, output: str | Path | None, stream: TextIO, *, overwrite: bool = True
) -> None:
    """A command's result to `--output` (atomically) when one is named, else to `stream`.

    The one place where "file or standard output" is decided, so every
    command that takes `--output` writes the same way.
    """
    if output is None:
        stream.write(text)
    else:
        atomic_write(output, text, overwrite=overwrite)
