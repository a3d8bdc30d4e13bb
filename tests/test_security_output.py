"""Where `--output` lands (issue 15, items 5, 13 and 17).

- A FIFO, a character device or a standard stream named as the output is
  written into, never replaced by a regular file.
- The output is never one of the command's own inputs.
- SIGTERM (what a cancelled CI job sends) during a write leaves the old file
  and no temporary file, and the process exits 128 + 15.

Nothing here touches the machine's own `/dev` entries: a regression would
replace whatever the test names, so the tests name links and nodes in a
temporary directory (or `/dev/fd/1`, whose directory cannot take a new file).
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, interruptible

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"
OLD = b"the old file, which must survive\n"

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symlinks")


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# --- item 5: outputs that are not regular files -----------------------------------------------


@posix_only
def test_output_onto_a_fifo_is_written_into(cli: Any, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = cli(["report", HYPOTHEEK, "-f", "md", "-o", fifo])
    reader.join(timeout=30)
    assert result.code == 0, result.err
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO is still a FIFO"
    expected = cli(["report", HYPOTHEEK, "-f", "md"]).out
    assert received == [expected.encode("utf-8")]
    assert _leftovers(tmp_path) == []


@posix_only
def test_output_onto_a_character_device_is_written_into(cli: Any, tmp_path: Path) -> None:
    """A link to /dev/null, and (as root) a null device of the test's own."""
    link = tmp_path / "null.md"
    link.symlink_to(os.devnull)
    targets = [link]
    if os.geteuid() == 0:
        node = tmp_path / "null-node.md"
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append(node)
    for target in targets:
        result = cli(["export", MEAL_KIT, "--to", "csv", "-o", target])
        assert result.code == 0, result.err
        assert stat.S_ISCHR(target.stat().st_mode), target
    assert link.is_symlink() and str(link.readlink()) == os.devnull
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def _run(args: list[Any], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "journeycli", *map(str, args)],
        capture_output=True,
        timeout=60,
        **kwargs,
    )


@posix_only
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd (Linux)")
def test_output_onto_standard_output_goes_to_standard_output(tmp_path: Path) -> None:
    expected = _run(["report", HYPOTHEEK, "-f", "md"]).stdout
    link = tmp_path / "stdout.md"
    link.symlink_to("/proc/self/fd/1")
    for name in ("/dev/fd/1", link):
        piped = _run(["report", HYPOTHEEK, "-f", "md", "-o", name])
        assert piped.returncode == 0, piped.stderr
        assert piped.stdout == expected
        out_file = tmp_path / "redirected.md"
        with out_file.open("wb") as handle:  # standard output is a regular file
            redirected = subprocess.run(
                [sys.executable, "-m", "journeycli", "report", HYPOTHEEK, "-f", "md", "-o", name],
                stdout=handle,
                stderr=subprocess.PIPE,
                timeout=60,
            )
        assert redirected.returncode == 0, redirected.stderr
        assert out_file.read_bytes() == expected
    assert link.is_symlink(), "the link to standard output is not replaced"
    assert _leftovers(tmp_path) == []


# --- item 13: an output onto one of the command's own inputs ----------------------------------


def _own_input_cases(tmp_path: Path) -> dict[str, tuple[list[Any], Path]]:
    the_map = tmp_path / "m.journey.yaml"
    shutil.copy(MEAL_KIT, the_map)
    maps = tmp_path / "maps"
    maps.mkdir()
    in_dir = maps / "n.journey.yaml"
    shutil.copy(HYPOTHEEK, in_dir)
    template = tmp_path / "t.md.j2"
    template.write_text("{{ title }}\n", encoding="utf-8")
    csv_file = tmp_path / "in.csv"
    csv_file.write_text("stage_name,touchpoint\nSearch,Website\n", encoding="utf-8")
    hard = tmp_path / "hard.md"
    os.link(the_map, hard)
    return {
        "report onto its map": (["report", the_map, "-f", "md", "-o", the_map], the_map),
        "report onto a map of its folder": (["report", maps, "-f", "md", "-o", in_dir], in_dir),
        "report onto its template": (
            ["report", the_map, "--template", template, "-o", template],
            template,
        ),
        "report onto a hard link of its map": (["report", the_map, "-o", hard], the_map),
        "export onto its map": (["export", the_map, "--to", "json", "-o", the_map], the_map),
        "import onto its CSV": (["import", csv_file, "-o", csv_file, "--force"], csv_file),
        "diff onto its old side": (
            ["diff", the_map, HYPOTHEEK, "-f", "md", "-o", the_map],
            the_map,
        ),
    }


OWN_INPUT_CASES = [
    "report onto its map",
    "report onto a map of its folder",
    "report onto its template",
    "report onto a hard link of its map",
    "export onto its map",
    "import onto its CSV",
    "diff onto its old side",
]


@pytest.mark.parametrize("case", OWN_INPUT_CASES)
def test_output_onto_its_own_input_is_refused(cli: Any, tmp_path: Path, case: str) -> None:
    args, kept = _own_input_cases(tmp_path)[case]
    before = kept.read_bytes()
    result = cli(args)
    assert result.code == 2, (result.out, result.err)
    assert "is one of this command's inputs" in result.err
    assert "name another output file" in result.err
    assert kept.read_bytes() == before
    assert _leftovers(tmp_path) == []


@posix_only
def test_output_through_a_symlink_onto_an_input_is_refused(cli: Any, tmp_path: Path) -> None:
    the_map = tmp_path / "m.journey.yaml"
    shutil.copy(MEAL_KIT, the_map)
    link = tmp_path / "report.md"
    link.symlink_to(the_map)
    result = cli(["report", the_map, "-o", link])
    assert result.code == 2
    assert f"{link}: is one of this command's inputs ({the_map})" in result.err
    assert link.is_symlink() and the_map.read_bytes() == MEAL_KIT.read_bytes()


def test_an_output_that_is_not_an_input_is_still_written(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_bytes(OLD)
    assert cli(["report", HYPOTHEEK, "-o", out]).code == 0
    assert out.read_bytes() != OLD


# --- item 17: SIGTERM during a write ------------------------------------------------------------

_PAUSED_WRITER = """
import os, sys, time
from pathlib import Path
from journeycli.core import fs
from journeycli.cli import run

real_fsync = fs.os.fsync
def slow_fsync(fd):
    real_fsync(fd)
    Path(sys.argv[1]).write_text("writing")   # the temporary file exists now
    time.sleep(30)
fs.os.fsync = slow_fsync
sys.exit(run(sys.argv[2:]))
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_mid_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, signum: int) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.md"
    target.write_bytes(OLD)
    marker = tmp_path / "marker"
    proc = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_WRITER, marker, "report", HYPOTHEEK, "-o", target],
        stderr=subprocess.PIPE,
        preexec_fn=interruptible,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert marker.exists(), "the write never started"
    assert _leftovers(out_dir), "the temporary file exists mid-write"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == (128 + signum if signum == signal.SIGTERM else 130), err
    assert target.read_bytes() == OLD
    assert _leftovers(out_dir) == []
    message = "terminated; nothing was written" if signum == signal.SIGTERM else "interrupted"
    assert message.encode() in err
