"""Resource exhaustion and special files from a pull request (issue 15, docs/security.md).

Each case runs the real `journey` process; the memory-hungry ones under an
address-space limit (`RLIMIT_AS`), so a regression fails fast with a
MemoryError instead of eating the CI machine, and under a timeout, so a
regression that reads forever fails instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, Result

MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"
# Far above what a normal run needs (about 150 MiB of address space, imports included),
# far below what the attacks took (7.85 GB for lint, out of memory for report).
MEMORY_CAP = 512 * 1024 * 1024


def capped(
    args: list[object],
    *,
    stdin: bytes | int | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> Result:
    """`journey ARGS` in a process limited to MEMORY_CAP bytes of address space."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", *map(str, args)],
        input=stdin if isinstance(stdin, bytes) else None,
        stdin=stdin if isinstance(stdin, int) else None,
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        preexec_fn=limit,  # the test process starts no threads, so a pre-exec hook is safe
        check=False,
    )
    return Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def assert_clean(result: Result, code: int) -> None:
    assert result.code == code, (result.code, result.out[-500:], result.err[-500:])
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err


# --- alias amplification (item 3) ----------------------------------------------------------


def amplified_map(scalar_bytes: int = 1_000_000, stages: int = 1_000) -> bytes:
    """`x-big: &a <1 MB>` and 1,000 stages `{id: sN, name: *a}`: a 1 GB document in 1 MB."""
    lines = ["version: 1", "title: Amplified", f"x-big: &a {'x' * scalar_bytes}", "stages:"]
    lines += [f"  - {{id: s{i}, name: *a}}" for i in range(stages)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [["lint"], ["report"], ["report", "-f", "html"], ["export", "--to", "csv"], ["summary"]],
)
def test_alias_amplification_of_a_large_scalar_is_e006(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "amplified.journey.yaml"
    path.write_bytes(amplified_map())
    result = capped([command[0], path, *command[1:]], timeout=60)
    assert_clean(result, 1)
    message = result.out + result.err
    assert "E006" in message and "--max-expanded-size" in message
    assert "52,428,800 bytes of text" in message  # the default limit, named in the message
    assert len(message) < 2_000  # the 1 MB value is never printed


def test_expanded_size_limit_counts_bytes_through_aliases(cli: Any, tmp_path: Path) -> None:
    """Hand-counted: `name` + `abcdé` (6 bytes in UTF-8) ... the expanded text, byte by byte."""
    text = (
        "version: 1\n"  # 'version' 7 + '1' 1 = 8
        "title: T\n"  # 'title' 5 + 'T' 1 = 6  -> 14
        "x-v: &v abcdé\n"  # 'x-v' 3 + 'abcdé' 6 = 9 -> 23
        "stages:\n"  # 'stages' 6 -> 29
        "  - {id: s, name: *v}\n"  # 'id' 2 + 's' 1 + 'name' 4 + alias 6 = 13 -> 42
    )
    path = tmp_path / "m.journey.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli(["lint", path, "--max-expanded-size", "42"]).code == 0
    refused = cli(["lint", path, "--max-expanded-size", "41"])
    assert refused.code == 1
    assert "E006" in refused.out and "more than 41 bytes of text" in refused.out


def test_expanded_size_limit_from_the_configuration(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".journey.toml").write_text("max-expanded-size = 1000\n", encoding="utf-8")
    result = cli(["lint", MEAL_KIT])
    assert result.code == 1 and "more than 1,000 bytes of text" in result.out


# --- special files and symbolic links (items 4 and 19) -------------------------------------


@pytest.mark.slow
def test_lint_of_dev_zero_on_stdin_ends_with_e006() -> None:
    with open("/dev/zero", "rb") as zero:  # noqa: PTH123
        result = capped(["lint", "-"], stdin=zero.fileno(), timeout=60)
    assert_clean(result, 1)
    assert "<stdin>:1:1: E006 file is over the limit of 4,194,304 bytes" in result.out


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """A checkout whose maps/ holds what a pull request can commit: links to /dev/zero
    and to a file outside the checkout, next to one real map."""
    checkout = tmp_path / "checkout"
    maps = checkout / "maps"
    maps.mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("token: SECRET-VALUE-42\n", encoding="utf-8")
    try:
        (maps / "zero.journey.yaml").symlink_to("/dev/zero")
        (maps / "leak.journey.yaml").symlink_to("../../secret.txt")
    except OSError:
        pytest.skip("this file system has no symlinks")
    (maps / "real.journey.yaml").write_bytes(MEAL_KIT.read_bytes())
    return checkout


@pytest.mark.slow
def test_directory_discovery_skips_special_files_and_links_out_of_the_tree(
    planted: Path,
) -> None:
    result = capped(["lint", "maps", "--format", "json"], cwd=planted, timeout=60)
    assert_clean(result, 0)
    assert json.loads(result.out) == []  # the real map is linted, clean
    warnings = result.err.splitlines()
    assert (
        "journey: warning: maps/leak.journey.yaml: skipped: a symbolic link to "
        f"{(planted.parent / 'secret.txt').resolve()}, outside the folder being searched"
    ) in warnings
    assert (
        "journey: warning: maps/zero.journey.yaml: skipped: a symbolic link to /dev/zero, "
        "outside the folder being searched"
    ) in warnings
    assert "SECRET-VALUE-42" not in result.out + result.err
    report = capped(["report", "maps", "-f", "json"], cwd=planted, timeout=60)
    assert_clean(report, 0)
    assert "SECRET-VALUE-42" not in report.out + report.err


@pytest.mark.slow
def test_a_fifo_in_the_tree_is_skipped(tmp_path: Path) -> None:
    """Opening a FIFO waits for a writer forever: discovery must not open it."""
    os.mkfifo(tmp_path / "pipe.journey.yaml")
    (tmp_path / "real.journey.yaml").write_bytes(MEAL_KIT.read_bytes())
    result = capped(["lint", "."], cwd=tmp_path, timeout=60)
    assert_clean(result, 0)
    assert "pipe.journey.yaml: skipped: not a regular file (a device, pipe or socket)" in (
        result.err
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", ["zero.journey.yaml", "leak.journey.yaml"])
@pytest.mark.parametrize("command", [["lint"], ["report"], ["diff", "maps/real.journey.yaml"]])
def test_a_named_link_out_of_the_checkout_is_refused(
    planted: Path, name: str, command: list[str]
) -> None:
    result = capped([command[0], f"maps/{name}", *command[1:]], cwd=planted, timeout=60)
    assert_clean(result, 2)
    assert f"maps/{name}: a symbolic link to " in result.err
    assert "outside the working directory" in result.err
    assert "SECRET-VALUE-42" not in result.out + result.err


def test_links_inside_the_tree_and_pipes_still_work(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    (tmp_path / "shared.journey.yaml").write_bytes(MEAL_KIT.read_bytes())
    try:
        (tmp_path / "maps" / "alias.journey.yaml").symlink_to("../shared.journey.yaml")
    except OSError:
        pytest.skip("this file system has no symlinks")
    assert cli(["lint", "maps/alias.journey.yaml"]).code == 0
    assert cli(["lint", "."]).code == 0
    read, write = os.pipe()  # as `journey lint <(cat map)` passes /dev/fd/N
    os.write(write, MEAL_KIT.read_bytes())
    os.close(write)
    try:
        assert cli(["lint", f"/dev/fd/{read}"]).code == 0
    finally:
        os.close(read)


@pytest.mark.slow
def test_a_named_special_file_is_read_only_up_to_the_limit() -> None:
    result = capped(["lint", "/dev/zero", "--max-file-size", "1000"], timeout=60)
    assert_clean(result, 1)
    assert "/dev/zero:1:1: E006 file is over the limit of 1,000 bytes" in result.out
