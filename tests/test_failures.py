"""Failures of the environment: a failed or interrupted write never loses a file.

Writes fail by injection (monkeypatched `os.write`, `os.fsync`, `Path.replace`,
`tempfile.mkstemp`), through the real CLI, for every command that writes a
file; the old file must survive byte for byte and no temporary file may stay
behind. Streams fail for real: a pipe closed early, a closed stdout, /dev/full,
an ASCII locale, a dumb terminal.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, journey_process
from journeycli.core import fs
from journeycli.core.errors import OutputError, UsageError

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"
OLD = b"the old file, which must survive\n"


def _write_commands(tmp_path: Path) -> dict[str, Callable[[Path], list[Any]]]:
    """Every command that writes a file, as args for a given output path."""
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("stage_name,touchpoint\nSearch,Website\n", encoding="utf-8")
    return {
        "report-md": lambda out: ["report", HYPOTHEEK, "-o", out.with_suffix(".md")],
        "report-html": lambda out: ["report", HYPOTHEEK, "-o", out.with_suffix(".html")],
        "export-csv": lambda out: ["export", MEAL_KIT, "-o", out.with_suffix(".csv")],
        "import": lambda out: [
            "import",
            csv_file,
            "-o",
            out.with_suffix(".journey.yaml"),
            "--force",
        ],
        "new": lambda out: ["new", out.with_suffix(".journey.yaml"), "--force"],
        "diff": lambda out: ["diff", HYPOTHEEK, HYPOTHEEK, "-o", out.with_suffix(".txt")],
    }


COMMANDS = ["report-md", "report-html", "export-csv", "import", "new", "diff"]


def _target(args: list[Any]) -> Path:
    for i, arg in enumerate(args):
        if arg == "-o":
            return Path(args[i + 1])
    return Path(args[1])


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def _fail_with(code: int) -> Callable[..., Any]:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_failed_write_keeps_the_old_file(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, where: str
) -> None:
    args = _write_commands(tmp_path)[command](tmp_path / "out")
    target = _target(args)
    target.write_bytes(OLD)
    if where == "write":  # disk full: the data does not fit
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, handle: Any) -> None:
                self.handle = handle

            def __enter__(self) -> Full:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def write(self, data: bytes) -> int:
                self.handle.write(data[: len(data) // 2])  # a partial temporary file
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            def __getattr__(self, name: str) -> Any:
                return getattr(self.handle, name)

        monkeypatch.setattr(fs.os, "fdopen", lambda *a, **k: Full(real_fdopen(*a, **k)))
    elif where == "fsync":
        monkeypatch.setattr(fs.os, "fsync", _fail_with(errno.EIO))
    else:
        monkeypatch.setattr(Path, "replace", _fail_with(errno.EACCES))
    result = cli(args)
    assert result.code == 2, (result.out, result.err)
    assert target.read_bytes() == OLD
    assert _leftovers(target.parent) == []
    assert result.err.startswith(f"journey: error: {target}: cannot write")
    assert "Traceback" not in result.err and "internal error" not in result.err


def test_disk_full_says_what_to_do(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fs.os, "fsync", _fail_with(errno.ENOSPC))
    out = tmp_path / "r.md"
    result = cli(["report", HYPOTHEEK, "-o", out])
    assert result.code == 2
    assert "No space left on device" in result.err and "free some space" in result.err
    assert not out.exists() and _leftovers(tmp_path) == []


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, SystemExit])
def test_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interrupt: type[BaseException]
) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(OLD)

    def stop(_fd: int) -> None:
        raise interrupt()

    monkeypatch.setattr(fs.os, "fsync", stop)
    with pytest.raises(interrupt):
        fs.atomic_write(target, "new content " * 10_000)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_interrupt_through_the_cli_exits_130_and_keeps_the_file(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(OLD)

    def stop(*_args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "replace", stop)
    result = cli(["report", HYPOTHEEK, "-o", target])
    assert result.code == 130 and "interrupted" in result.err
    assert target.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_no_partial_file_when_there_was_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fs.os, "fsync", _fail_with(errno.EIO))
    with pytest.raises(OutputError):
        fs.atomic_write(tmp_path / "new.md", "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_directory(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated, as tests may run as root (who may write anywhere).
    monkeypatch.setattr(tempfile, "mkstemp", _fail_with(errno.EACCES))
    result = cli(["export", MEAL_KIT, "-o", tmp_path / "out.csv"])
    assert result.code == 2
    assert f"{tmp_path / 'out.csv'}: cannot write (Permission denied" in result.err
    assert f"check that {tmp_path} is writable" in result.err


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root ignores directory permissions"
)
def test_really_read_only_directory(cli: Any, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "r.md").write_bytes(OLD)
    locked.chmod(0o555)
    try:
        result = cli(["report", HYPOTHEEK, "-o", locked / "r.md"])
    finally:
        locked.chmod(0o755)
    assert result.code == 2 and "Permission denied" in result.err
    assert (locked / "r.md").read_bytes() == OLD


def test_target_that_is_a_directory(cli: Any, tmp_path: Path) -> None:
    folder = tmp_path / "report.md"
    folder.mkdir()
    result = cli(["report", HYPOTHEEK, "-o", folder])
    assert result.code == 2 and "is a directory" in result.err
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_target_replaced_by_a_directory_mid_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(OLD)
    real_fsync = os.fsync

    def swap(fd: int) -> None:
        real_fsync(fd)
        target.unlink()
        target.mkdir()
        (target / "keep").write_text("inside")

    monkeypatch.setattr(fs.os, "fsync", swap)
    with pytest.raises(OutputError):
        fs.atomic_write(target, "new")
    assert (target / "keep").read_text() == "inside"
    assert _leftovers(tmp_path) == []


def test_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        fs.atomic_write(tmp_path / "nope" / "x.md", "x")


def test_replaced_file_keeps_its_permissions(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(OLD)
    target.chmod(0o640)
    assert cli(["report", HYPOTHEEK, "-o", target]).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() != OLD


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o027)
    try:
        fs.atomic_write(tmp_path / "a.md", "x")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlinked_output_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(OLD)
    link = tmp_path / "report.md"
    link.symlink_to(outside)
    fs.atomic_write(link, "report")
    assert outside.read_bytes() == OLD  # nothing written outside the named output
    assert not link.is_symlink() and link.read_text() == "report"


def test_refusing_to_overwrite_leaves_the_file(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "m.journey.yaml"
    target.write_bytes(OLD)
    result = cli(["new", target])
    assert result.code == 2 and "--force" in result.err
    assert target.read_bytes() == OLD


# --- Streams ------------------------------------------------------------------------------


def _big_map(tmp_path: Path) -> Path:
    """A map whose report is far larger than a pipe's buffer (64 KiB)."""
    stages = "".join(
        f"  - name: Stage {i} with a long enough name to fill the table\n"
        f"    relevance: {50 + i % 50}\n    presence: {i % 40}\n"
        f"    evidence: [{{type: survey, source: Survey {i}}}]\n"
        f"    actions: [{{action: Do thing {i}, owner: team, horizon: now}}]\n"
        for i in range(400)
    )
    path = tmp_path / "big.journey.yaml"
    path.write_text(f"version: 1\ntitle: Big\nstages:\n{stages}", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["report", "--format", "md"],
        ["report", "--format", "json"],
        ["report"],
        ["lint", "--format", "json"],
        ["export", "--to", "csv"],
    ],
)
def test_reader_that_stops_early_is_not_an_error(tmp_path: Path, args: list[str]) -> None:
    """`journey report big.yaml | head -1`: exit 0, nothing on stderr."""
    command = [sys.executable, "-m", "journeycli", args[0], str(_big_map(tmp_path)), *args[1:]]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert code in (0, 1), err  # lint may find problems; never 141 or 2
    assert err == "" or ("BrokenPipe" not in err and "Traceback" not in err), err


@pytest.mark.slow
def test_shell_pipe_into_head(tmp_path: Path) -> None:
    big = _big_map(tmp_path)
    proc = subprocess.run(
        [
            "bash",
            "-c",
            f'"{sys.executable}" -m journeycli report "{big}" --format md | head -1;'
            ' exit "${PIPESTATUS[0]}"',
        ],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    assert proc.stdout.decode().startswith("# Big")


@pytest.mark.slow
def test_closed_stdout_is_a_clear_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m journeycli report "{HYPOTHEEK}" >&-'],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("journey: error: writing the output: standard output")
    # ...but a command that writes to a file does not need stdout at all.
    out = tmp_path / "r.md"
    proc = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m journeycli report "{HYPOTHEEK}" -o "{out}" >&-'],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0 and out.read_text(encoding="utf-8").startswith("# Hypotheek")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_full_stdout_is_a_clear_error() -> None:
    with open("/dev/full", "wb") as full:  # noqa: PTH123
        proc = subprocess.run(
            [sys.executable, "-m", "journeycli", "report", str(HYPOTHEEK)],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert proc.returncode == 2
    assert b"No space left on device" in proc.stderr and b"Traceback" not in proc.stderr


ASCII_LOCALES = [
    {"LC_ALL": "C", "LANG": "C"},
    {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
    {"PYTHONIOENCODING": "ascii"},
]


@pytest.mark.slow
@pytest.mark.parametrize("env", ASCII_LOCALES)
@pytest.mark.parametrize(
    "args",
    [
        ["report", HYPOTHEEK],
        ["report", HYPOTHEEK, "-f", "md"],
        ["export", HYPOTHEEK, "--to", "csv"],
        ["lint", HYPOTHEEK],
        ["diff", HYPOTHEEK, MEAL_KIT],
    ],
)
def test_ascii_locale_does_not_break_dutch_text(env: dict[str, str], args: list[Any]) -> None:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONIOENCODING", "LC_ALL", "LANG", "PYTHONUTF8")
    }
    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", *map(str, args)],
        capture_output=True,
        env={**clean, **env},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    if args[0] != "lint":
        assert "Oriëntatie" in proc.stdout.decode("utf-8")  # UTF-8 whatever the locale


@pytest.mark.slow
@pytest.mark.parametrize(
    "env",
    [
        {"NO_COLOR": "1"},
        {"TERM": "dumb"},
        {"COLUMNS": "20"},
        {"COLUMNS": "20", "TERM": "dumb", "NO_COLOR": "1"},
    ],
)
@pytest.mark.parametrize("command", ["report", "lint", "diff"])
def test_odd_terminals(env: dict[str, str], command: str) -> None:
    args = {
        "report": ["report", HYPOTHEEK],
        "lint": ["lint", HYPOTHEEK],
        "diff": ["diff", HYPOTHEEK, MEAL_KIT],
    }[command]
    result = journey_process(args, env=env)
    assert result.code == 0, result.err
    assert result.err == ""
    assert "\x1b[" not in result.out
    assert result.out.strip()
