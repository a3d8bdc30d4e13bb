"""A progress bar when many maps are linted on a terminal, and none in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from journeycli.cli.progress import PROGRESS_MIN_FILES

MAP = "version: 1\ntitle: T{n}\nstages:\n  - name: S\n    touchpoints: [{{name: t}}]\n"


def many_maps(root: Path) -> Path:
    for n in range(PROGRESS_MIN_FILES + 5):
        (root / f"m{n:03}.journey.yaml").write_text(MAP.format(n=n))
    return root


def run_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run with stdin, stdout and stderr on a pseudo-terminal, as a person would."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "journeycli", *args],
        cwd=cwd,
        env=env,
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    code, screen = run_on_a_terminal(["lint", str(many_maps(tmp_path))], tmp_path)
    assert code == 0
    assert "Linting" in screen
    assert f"in {PROGRESS_MIN_FILES + 5} maps." in screen  # the summary follows the bar


def test_no_progress_bar_in_a_pipe(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", "lint", str(many_maps(tmp_path))],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert "Linting" not in proc.stdout
