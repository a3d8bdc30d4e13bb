"""Shared test helpers: run the real CLI in-process or as a subprocess."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from journeycli.cli import run

# `.ci/run` sets HYPOTHESIS_PROFILE=ci: the property tests draw the same examples on every
# CI run, so a red run can be reproduced; elsewhere they stay random and keep finding cases.
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
# The reference date of every test (W108's evidence age, E003's future dates), so the
# suite gives the same result on any day; a test that needs the system date unsets it.
TODAY = "2026-12-01"


@pytest.fixture(autouse=True)
def _pinned_reference_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """`JOURNEY_TODAY` is read by every command in-process and inherited by subprocesses."""
    monkeypatch.setenv("JOURNEY_TODAY", TODAY)


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


def journey_process(
    args: list[str],
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> Result:
    """Run the installed `journey` console script as a real process."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
    )
    return Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def interruptible() -> None:
    """`preexec_fn` for a child that a test stops with SIGINT, as Ctrl-C would.

    A shell starts background jobs with SIGINT ignored, and Python then leaves
    it ignored: run under `pytest ... &`, such a child would never see the
    signal. The child gets the default disposition back, as in a terminal.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def example_maps() -> list[Path]:
    return sorted(EXAMPLES.glob("*.journey.yaml"))


# In CI (`.ci/run` sets JOURNEY_REQUIRE_TOOLS=1) every checker is installed, so a test
# that skips because a tool is missing is a failure there: a green CI must not hide a
# missing install step. Only skips that no install can fix stay skips.
_SKIPS_CI_ACCEPTS = ("editable install", "root", "SIGALRM", "symlinks", "/dev/full", "wait4")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or os.environ.get("JOURNEY_REQUIRE_TOOLS") != "1":
        return
    reason = (
        str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
    )
    if any(accepted in reason for accepted in _SKIPS_CI_ACCEPTS):
        return
    report.outcome = "failed"
    report.longrepr = f"skipped in CI, where every checker must be installed: {reason}"
