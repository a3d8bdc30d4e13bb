"""A pull request cannot blind the lint gate (issue 15, item 7).

The pull request controls the maps, their comments and the repository's
`.journey.toml` / `pyproject.toml`. None of those can hide an error (an
E-code) or raise a resource limit: only warnings can be chosen or
suppressed, and a configuration file can only lower a limit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES

# Out-of-range score and a bidi override (E003) in one map, duplicate ids (E004) in another
# (the rules run only on a map that validates): each with the comment that used to silence it.
HOSTILE_MAPS = {
    "a.journey.yaml": """\
version: 1
title: Looks fine
stages:
  - name: Search  # journey: ignore
    relevance: 250  # journey: ignore[E003]
    presence: 10
  - name: "admin\\u202e\\u2066txt.exe"  # journey: ignore[E]
""",
    "b.journey.yaml": """\
version: 1
title: Looks fine too
stages:
  - id: a  # journey: ignore[E004]
    name: Search
  - id: a  # journey: ignore
    name: Buy
""",
}
EXPECTED = [
    ("a.journey.yaml", 5, "E003"),
    ("a.journey.yaml", 7, "E003"),
    ("b.journey.yaml", 6, "E004"),
]


def write_maps(directory: Path) -> None:
    for name, text in HOSTILE_MAPS.items():
        (directory / name).write_text(text, encoding="utf-8")


CONFIGS = {
    ".journey.toml ignore E": (".journey.toml", 'ignore = ["E"]\n'),
    ".journey.toml select W": (".journey.toml", 'select = ["W"]\n'),
    ".journey.toml ignore codes": (".journey.toml", 'ignore = ["E003", "E004"]\n'),
    "pyproject ignore E": ("pyproject.toml", '[tool.journey]\nignore = "E"\nselect = "W"\n'),
}


def _errors(out: str) -> list[tuple[str, int, str]]:
    return [
        (Path(p["path"]).name, p["line"], p["code"])
        for p in json.loads(out)
        if p["severity"] == "error"
    ]


@pytest.mark.parametrize("config", CONFIGS)
def test_a_pull_requests_configuration_cannot_hide_errors(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str
) -> None:
    name, text = CONFIGS[config]
    (tmp_path / name).write_text(text, encoding="utf-8")
    write_maps(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = cli(["lint", "--format", "json"])
    assert result.code == 1
    assert _errors(result.out) == EXPECTED
    plain = cli(["lint"])
    assert plain.code == 1 and "All clear" not in plain.out
    assert "Found 3 errors" in plain.out


@pytest.mark.parametrize(
    "args", [["--ignore", "E"], ["--ignore", "E003,E004"], ["--select", "W"], ["--select", "W1"]]
)
def test_flags_cannot_hide_errors_either(cli: Any, tmp_path: Path, args: list[str]) -> None:
    write_maps(tmp_path)
    result = cli(["lint", "--format", "json", *args, tmp_path])
    assert result.code == 1
    assert _errors(result.out) == EXPECTED


def test_warnings_can_still_be_chosen_and_suppressed(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "w.journey.yaml"
    path.write_text(
        "version: 1\ntitle: T\nstages:\n  - name: A  # journey: ignore[W105]\n"
        "    relevance: 90\n    presence: 10\n",
        encoding="utf-8",
    )
    everything = cli(["lint", "--format", "json", path])
    assert {p["code"] for p in json.loads(everything.out)} == {"W102", "W103"}
    assert cli(["lint", "--ignore", "W", "--strict", path]).code == 0


# A 650-byte map: nine levels of nine aliases, 9^9 = 387 million nodes when expanded.
ALIAS_BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10)
)


def test_a_configuration_cannot_raise_a_limit(tmp_path: Path) -> None:
    """`max-nodes = 10**12` in a pull request's config let a 650-byte map take the memory.

    Run under RLIMIT_AS, so a regression is a quick MemoryError, not a dead CI machine.
    """
    resource = pytest.importorskip("resource")
    assert len(ALIAS_BOMB) < 700
    (tmp_path / ".journey.toml").write_text("max-nodes = 1000000000000\n", encoding="utf-8")
    (tmp_path / "bomb.journey.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    limit = 2 * 1024**3
    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", "lint", "bomb.journey.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
    )
    assert proc.returncode == 2, proc.stderr
    assert ".journey.toml: max-nodes: 1000000000000 is above the default 1000000" in proc.stderr
    assert "--max-nodes 1000000000000" in proc.stderr
    (tmp_path / ".journey.toml").write_text("max-nodes = 1000\n", encoding="utf-8")
    lowered = subprocess.run(
        [sys.executable, "-m", "journeycli", "lint", "bomb.journey.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
    )
    assert lowered.returncode == 1 and "E006" in lowered.stdout


def _stages(count: int) -> str:
    return json.dumps(
        {"version": 1, "title": "Big", "stages": [{"name": f"S{i}"} for i in range(count)]}
    )


def test_only_the_flag_raises_a_limit(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.journey.yaml").write_text(_stages(1200), encoding="utf-8")
    (tmp_path / ".journey.toml").write_text("max-stages = 5000\n", encoding="utf-8")
    from_file = cli(["report", "big.journey.yaml", "-f", "json"])
    assert from_file.code == 2 and "max-stages: 5000 is above the default 1000" in from_file.err
    (tmp_path / ".journey.toml").unlink()
    assert cli(["report", "big.journey.yaml", "-f", "json"]).code == 1  # over the default
    assert cli(["report", "big.journey.yaml", "-f", "json", "--max-stages", "5000"]).code == 0
    # lowering from the file still works, for every command
    (tmp_path / ".journey.toml").write_text("max-stages = 3\n", encoding="utf-8")
    lowered = cli(["report", EXAMPLES / "hypotheek.journey.yaml"])
    assert lowered.code == 1 and "E006" in lowered.err
