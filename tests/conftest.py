"""Shared test helpers: run the real CLI in-process or as a subprocess."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from journeycli.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run `journey ARGS` in-process: `cli(["lint", path], stdin=b"...")` -> Result."""

    def _run(args: list[str], stdin: bytes | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        capsys.readouterr()
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def journey_process(args: list[str], stdin: bytes | None = None, cwd: Path | None = None,
                    env: dict[str, str] | None = None, timeout: float = 60) -> Result:
    """Run the installed `journey` console script as a real process."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", *map(str, args)],
        input=stdin, capture_output=True, cwd=cwd, env=full_env, timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                  proc.stderr.decode("utf-8", "replace"))


def example_maps() -> list[Path]:
    return sorted(EXAMPLES.glob("*.journey.yaml"))
