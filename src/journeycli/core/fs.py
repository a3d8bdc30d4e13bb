"""Writing files without ever losing one: temporary file, fsync, rename.

Every command that writes (new, report --output, export/import --output)
goes through `atomic_write`, so an interrupted or failed write leaves the old
file intact and no partial file behind, and an existing file is replaced
only when the caller allows it. The rules (docs/security.md, "The file
system"):

- Only a regular file is replaced by renaming. An existing FIFO, character
  device or `/dev/stdout` is written into as it is, as `cat > target` would:
  renaming over it would put a regular file in its place.
- The output is never one of the command's own inputs (the same file, also
  through a link): that would replace the input with its own report.
- SIGTERM (a cancelled CI job) and SIGHUP during a write end the process as
  Ctrl-C does: the temporary file is removed first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from journeycli.core.errors import OutputError, Terminated, UsageError

STDIN = "-"
_CLEANUP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


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


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def refuse_own_input(target: Path, inputs: Sequence[str | Path]) -> None:
    """UsageError when `target` is one of `inputs` (same device and inode, links followed)."""
    out = _stat(target)
    if out is None or not stat.S_ISREG(out.st_mode):
        return
    for name in inputs:
        if str(name) == STDIN:
            continue
        found = _stat(Path(name))
        if found is not None and (found.st_dev, found.st_ino) == (out.st_dev, out.st_ino):
            also = f" ({name})" if str(name) != str(target) else ""
            raise UsageError(
                f"{target}: is one of this command's inputs{also}; writing would replace it",
                hint="name another output file",
            )


def _own_stream(found: os.stat_result) -> int | None:
    """The descriptor (1 or 2) that `found` is, for `/dev/stdout`, `/dev/fd/2` and the like."""
    for fd in (1, 2):
        try:
            mine = os.fstat(fd)
        except OSError:
            continue
        if (mine.st_dev, mine.st_ino) == (found.st_dev, found.st_ino):
            return fd
    return None


def _write_in_place(target: Path, payload: bytes, found: os.stat_result) -> None:
    """Write into an existing FIFO, device or standard stream, without replacing it."""
    if stat.S_ISBLK(found.st_mode):
        raise UsageError(f"{target}: is a block device; name a file to write")
    fd = _own_stream(found) if target.is_symlink() else None
    try:
        if fd is not None:
            stream = sys.stdout if fd == 1 else sys.stderr
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
            _write_all(fd, payload)
            return
        out = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        try:
            _write_all(out, payload)
        finally:
            os.close(out)
    except OSError as exc:
        raise OutputError(
            f"{target}: cannot write ({exc.strerror or exc})", hint=_advice(exc, target.parent)
        ) from exc


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """For the length of a write, SIGTERM and SIGHUP raise `Terminated` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: Any) -> None:
        raise Terminated(signum)

    previous = {}
    for number in _CLEANUP_SIGNALS:
        handler = signal.getsignal(number)
        if handler is signal.SIG_IGN:  # `nohup` asked for the signal to be ignored
            continue
        previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold the signals back while the temporary file is created and its name kept.

    A signal in between would otherwise leave a file nobody knows the name
    of; held, it arrives right after, when the `finally` can remove the file.
    """
    if not hasattr(signal, "pthread_sigmask") or not _CLEANUP_SIGNALS:
        yield
        return
    held = {*_CLEANUP_SIGNALS, signal.SIGINT}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def atomic_write(
    path: str | Path,
    data: str | bytes,
    *,
    overwrite: bool = True,
    inputs: Sequence[str | Path] = (),
) -> None:
    """Write `data` to `path` atomically, keeping an existing file's permissions.

    Raises UsageError when the target exists and `overwrite` is False, when
    its directory does not exist, or when it is one of `inputs`; OutputError
    when the write itself fails. A target that exists but is not a regular
    file (a FIFO, a device, `/dev/stdout`) is written into, not replaced.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path()
    if target.is_dir():
        raise UsageError(f"{target}: is a directory; name a file to write")
    refuse_own_input(target, inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    found = _stat(target)
    if found is not None and (
        not stat.S_ISREG(found.st_mode) or (target.is_symlink() and _own_stream(found))
    ):
        _write_in_place(target, payload, found)
        return
    if not directory.is_dir():
        raise UsageError(
            f"{target}: directory {directory} does not exist",
            hint="create it first, or name another output file",
        )
    if target.exists() and not overwrite:
        raise UsageError(f"{target}: already exists", hint="use --force to overwrite it")
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(target.stat().st_mode)
    tmp_name = None
    with _signals_raise():
        try:
            with _signals_held():
                fd, tmp_name = tempfile.mkstemp(
                    prefix=f".{target.name}.", suffix=".tmp", dir=directory
                )
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
    text: str,
    output: str | Path | None,
    stream: TextIO,
    *,
    overwrite: bool = True,
    inputs: Sequence[str | Path] = (),
) -> None:
    """A command's result to `--output` (atomically) when one is named, else to `stream`.

    The one place where "file or standard output" is decided, so every
    command that takes `--output` writes the same way; `inputs` are the files
    the command read, which the output must not replace.
    """
    if output is None:
        stream.write(text)
    else:
        atomic_write(output, text, overwrite=overwrite, inputs=inputs)
