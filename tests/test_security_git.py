"""git from a pull request's checkout (issue 15 items 2, 11, 18; docs/security.md, "git").

journey runs git in the working directory's repository with the settings that
run programs switched off, lists paths NUL-separated, and reads every version
through one `git cat-file --batch` process.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from test_diff import BASE
from test_diff_git import SAFE_ENV, commit, edit, git, init_repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLANTED_CONFIG = """\
[core]
\trepositoryformatversion = 0
\tbare = true
[log]
\tshowSignature = true
[gpg]
\tprogram = ./evil.sh
"""
# A commit with a (fake) PGP signature: showing it with log.showSignature runs gpg.program.
SIGNED_COMMIT = """\
tree {tree}
author Mallory <m@example.com> 1700000000 +0000
committer Mallory <m@example.com> 1700000000 +0000
gpgsig -----BEGIN PGP SIGNATURE-----
{blank}
 iQEzBAABCAAdFiEE
 =abcd
 -----END PGP SIGNATURE-----

planted
"""


@pytest.fixture(autouse=True)
def _no_user_git_config(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in SAFE_ENV.items():
        monkeypatch.setenv(key, value)


def plant_bare_repository(folder: Path, marker: Path) -> None:
    """Lay `folder` out as a bare repository whose config runs ./evil.sh (which writes
    `marker`) when git shows its signed commit touching m.journey.yaml."""
    bare = folder.parent / "bare-source.git"
    git(folder.parent, "init", "-q", "--bare", str(bare))
    blob = git(bare, "hash-object", "-w", str(BASE)).strip()
    tree = subprocess.run(
        ["git", "-C", str(bare), "mktree"],
        input=f"100644 blob {blob}\tm.journey.yaml\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    signed = folder.parent / "signed-commit.txt"
    signed.write_text(SIGNED_COMMIT.format(tree=tree, blank=" "), encoding="utf-8")
    sha = git(bare, "hash-object", "-t", "commit", "-w", str(signed)).strip()
    git(bare, "update-ref", "refs/heads/main", sha)
    for part in ("objects", "refs"):
        shutil.copytree(bare / part, folder / part)
    (folder / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder / "config").write_text(PLANTED_CONFIG, encoding="utf-8")
    evil = folder / "evil.sh"
    evil.write_text(f"#!/bin/sh\ntouch '{marker}'\nexit 1\n", encoding="utf-8")
    evil.chmod(0o755)


@pytest.fixture
def planted_checkout(tmp_path: Path) -> tuple[Path, Path]:
    """A checkout whose maps/ is also laid out as a bare repository with a hostile config."""
    checkout = init_repo(tmp_path / "checkout")
    (checkout / "maps").mkdir()
    shutil.copy(BASE, checkout / "maps" / "m.journey.yaml")
    commit(checkout, "The real map")
    marker = tmp_path / "PWNED"
    plant_bare_repository(checkout / "maps", marker)
    return checkout, marker


def test_the_planted_repository_is_armed(planted_checkout: tuple[Path, Path]) -> None:
    """Control: git run in the planted folder, as journey used to, does run evil.sh."""
    checkout, marker = planted_checkout
    subprocess.run(
        ["git", "-C", "maps", "-c", "safe.bareRepository=all", "log", "--", "m.journey.yaml"],
        cwd=checkout,
        capture_output=True,
        check=False,
        env={**os.environ, **SAFE_ENV},
    )
    assert marker.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["history", "maps/m.journey.yaml", "--format", "json"],
        ["diff", "maps/m.journey.yaml", "--rev", "HEAD", "--format", "json"],
    ],
)
def test_a_planted_bare_repository_never_runs_its_config(
    cli: Any, planted_checkout: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    checkout, marker = planted_checkout
    monkeypatch.chdir(checkout)
    result = cli(args)
    assert result.code == 0, result.err
    assert not marker.exists()
    if args[0] == "history":  # the checkout's own history, not the planted one
        assert [c["subject"] for c in json.loads(result.out)["commits"]] == ["The real map"]
    monkeypatch.chdir(checkout / "maps")  # even from inside the planted folder
    inside = cli([args[0], "m.journey.yaml", *args[2:]])
    assert inside.code == 2 and "bare repository" in inside.err
    assert not marker.exists()


ODD_NAMES = [
    "tab\there.journey.yaml",
    "new\nline.journey.yaml",
    '"quoted" name.journey.yaml',
    "esc\x1b[31m.journey.yaml",
]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_history_and_diff_of_paths_with_tab_newline_quote_esc(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    root = init_repo(tmp_path / "repo")
    (root / "maps").mkdir()
    target = root / "maps" / name
    shutil.copy(BASE, target)
    commit(root, "First")
    edit(target, "    presence: 30\n", "    presence: 45\n")
    commit(root, "Second")
    monkeypatch.chdir(root)
    diff = cli(["diff", f"maps/{name}", "--rev", "HEAD~1", "--format", "json"])
    assert diff.code == 0, diff.err
    assert json.loads(diff.out)["scores"][0]["presence"] == {"old": 30, "new": 45}
    git(root, "mv", f"maps/{name}", f"maps/renamed {name}")
    commit(root, "Renamed")
    result = cli(["history", f"maps/renamed {name}", "--format", "json"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [c["status"] for c in data["commits"]] == ["ok", "ok", "ok"]
    assert [c["path"] for c in data["commits"]] == [f"maps/{name}"] * 2 + [f"maps/renamed {name}"]
    orientation = next(s for s in data["stages"] if s["id"] == "orientation")
    assert [p["presence"] for p in orientation["points"]] == [30, 45, 45]


def test_history_runs_git_three_times_whatever_the_number_of_commits(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rev-parse, log, and one cat-file for every version: not a process per commit."""
    root = init_repo(tmp_path / "repo")
    target = root / "m.journey.yaml"
    shutil.copy(BASE, target)
    commit(root, "Version 0")
    for version in range(1, 25):
        edit(target, f"    presence: {29 + version}\n", f"    presence: {30 + version}\n")
        commit(root, f"Version {version}")
    log = tmp_path / "git-calls.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "git"
    wrapper.write_text(
        f"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{shutil.which('git')}' \"$@\"\n",
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.chdir(root)
    result = cli(["history", "m.journey.yaml", "--format", "json"])
    assert result.code == 0, result.err
    assert len(json.loads(result.out)["commits"]) == 25
    calls = log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == 3, calls
    assert "rev-parse --show-toplevel" in calls[0]
    assert " log --follow " in calls[1] and " -z " in calls[1]
    assert calls[2].endswith("cat-file --batch")
    for call in calls:
        assert "safe.bareRepository=explicit" in call and "log.showSignature=false" in call


def _big_map(version: int, stages: int = 150) -> bytes:
    """About 620 kB: 150 stages of 10 touchpoints with long names."""
    lines = ["version: 1", f"title: Big {version}", "stages:"]
    for s in range(stages):
        lines += [
            f"  - id: s{s}",
            f"    name: Stage {s}",
            f"    relevance: {50 + s % 50}",
            f"    presence: {(version + s) % 100}",
            "    touchpoints:",
        ]
        for t in range(10):
            lines += [f"      - id: s{s}-t{t}", f"        name: Touchpoint {t} " + "lorem " * 55]
    return ("\n".join(lines) + "\n").encode()


def _fast_import(root: Path, versions: int) -> None:
    """`versions` commits of maps/big.journey.yaml in one `git fast-import`."""
    stream = []
    for i in range(versions):
        content, message = _big_map(i), f"Version {i}".encode()
        stream.append(b"blob\nmark :%d\ndata %d\n%s\n" % (2 * i + 1, len(content), content))
        stream.append(
            b"commit refs/heads/main\nmark :%d\ncommitter T <t@example.com> %d +0000\n"
            b"data %d\n%s\n" % (2 * i + 2, 1_700_000_000 + 60 * i, len(message), message)
        )
        if i:
            stream.append(b"from :%d\n" % (2 * i))
        stream.append(b"M 100644 :%d maps/big.journey.yaml\n\n" % (2 * i + 1))
    git(root, "init", "-q", "-b", "main")
    subprocess.run(
        ["git", "-C", str(root), "fast-import", "--quiet"],
        input=b"".join(stream),
        check=True,
        env={**os.environ, **SAFE_ENV},
    )
    git(root, "checkout", "-q", "main")


HISTORY_MEMORY_CAP = 200 * 1024 * 1024  # a run needs ~150 MiB; all versions at once, ~450


@pytest.mark.slow
def test_history_memory_is_flat_in_the_number_of_commits(tmp_path: Path) -> None:
    """120 versions of a 620 kB map: journey used to hold every version (and its model)."""
    root = tmp_path / "repo"
    root.mkdir()
    _fast_import(root, 120)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (HISTORY_MEMORY_CAP, HISTORY_MEMORY_CAP))

    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", "history", "maps/big.journey.yaml", "-f", "json"],
        cwd=root,
        capture_output=True,
        timeout=300,
        preexec_fn=limit,  # the test process starts no threads, so a pre-exec hook is safe
        env={**os.environ, **SAFE_ENV},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    data = json.loads(proc.stdout)
    assert len(data["commits"]) == 120
    assert {c["status"] for c in data["commits"]} == {"ok"}
    s7 = next(s for s in data["stages"] if s["id"] == "s7")
    assert [p["presence"] for p in s7["points"]] == [(v + 7) % 100 for v in range(120)]


def test_a_commit_without_a_listed_blob_is_read_by_commit_and_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`git log --raw` names the blob of each version; a commit it lists without one
    (none in practice) is looked up as SHA:PATH through the same cat-file process."""
    from journeycli.core import gitio

    root = init_repo(tmp_path / "repo")
    shutil.copy(BASE, root / "m.journey.yaml")
    commit(root, "Only")
    monkeypatch.chdir(root)
    repo = gitio.repository()
    (listed,) = gitio.log_follow(repo, b"m.journey.yaml")
    assert listed.blob is not None and listed.raw_path == b"m.journey.yaml"
    unlisted = gitio.Commit(
        listed.sha,
        listed.short,
        listed.date,
        listed.subject,
        listed.path,
        raw_path=b"m.journey.yaml",
    )
    with gitio.Blobs(repo, max_bytes=100) as blobs:
        assert blobs.content(unlisted) == BASE.read_bytes()[:101]  # bounded: limit + 1 bytes
        assert blobs.content(listed) == BASE.read_bytes()[:101]
        gone = gitio.Commit(listed.sha, "", "", "", "", raw_path=b"not-there.yaml")
        assert blobs.content(gone) is None
