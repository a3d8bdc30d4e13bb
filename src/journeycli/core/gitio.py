"""The git command line, read-only: the one place journey runs git.

`journey diff --rev` and `journey history` read old versions of a map
through the real `git` (so every repository layout, worktree and ref syntax
git knows works) rather than a library. Every call is read-only and runs from
the map's own directory, so `REV:./name` resolves the path relative to it
wherever the repository root is. A git failure becomes a UsageError (exit 2)
carrying git's own reason.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from journeycli.core.errors import UsageError

_RECORD, _UNIT = "\x1e", "\x1f"


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched the file, with the file's repository path then."""

    sha: str
    short: str
    date: str
    subject: str
    path: str
    deleted: bool = False


def _reason(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line and not line.startswith("hint:")]
    if not lines:
        return "git failed"
    return lines[0].removeprefix("fatal: ").removeprefix("error: ")


def _check_arg(value: str, what: str) -> None:
    if not value or value.startswith("-"):
        raise UsageError(f"{what} '{value}' is not a valid git revision")


def _git(directory: Path, *args: str) -> bytes:
    """Run `git -C directory ARGS` and return stdout; UsageError with git's reason."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"}
    try:
        proc = subprocess.run(
            ["git", "-C", str(directory), "-c", "core.quotePath=false", *args],
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError as exc:
        raise UsageError("git is not installed or not on PATH") from exc
    except OSError as exc:
        raise UsageError(f"cannot run git ({exc.strerror or exc})") from exc
    if proc.returncode != 0:
        raise UsageError(f"git: {_reason(proc.stderr)}")
    return proc.stdout


def _where(path: Path) -> Path:
    directory = path.parent if str(path.parent) else Path()
    if not directory.is_dir():
        raise UsageError(f"{path}: directory {directory} does not exist")
    return directory


def show(path: Path, rev: str) -> bytes:
    """The bytes of `path` at `rev` (`git show --no-textconv REV:./NAME` from its directory)."""
    _check_arg(rev, "revision")
    return _git(_where(path), "show", "--no-textconv", f"{rev}:./{path.name}")


def show_commit(path: Path, commit: Commit) -> bytes:
    """The bytes of the file at one commit of `log_follow` (its repository path then)."""
    return _git(_where(path), "show", "--no-textconv", f"{commit.sha}:{commit.path}")


def _path_line(body: str) -> tuple[str, list[str]]:
    """The first `--name-status` line of a commit: (status, its tab-separated paths)."""
    for line in body.splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            return fields[0], fields[1:]
    return "", []


def log_follow(path: Path, rev_range: str | None = None) -> list[Commit]:
    """Commits that touched `path`, following renames (`git log --follow`), newest first.

    Each commit carries the file's repository path at that commit; a merge
    commit lists no file, so it keeps the path of the newer commit.
    """
    if rev_range is not None:
        _check_arg(rev_range, "revision range")
    args = ["log", "--follow", "--no-color", "--name-status"]
    args.append(f"--format={_RECORD}%H{_UNIT}%h{_UNIT}%as{_UNIT}%s")
    if rev_range:
        args.append(rev_range)
    args += ["--", path.name]
    out = _git(_where(path), *args).decode("utf-8", "replace")
    commits: list[Commit] = []
    current: str | None = None
    for record in out.split(_RECORD)[1:]:
        header, _, body = record.partition("\n")
        sha, short, date, subject = ([*header.split(_UNIT), "", "", ""])[:4]
        status, paths = _path_line(body)
        here = paths[-1] if paths else current
        if here is None:
            continue
        commits.append(Commit(sha, short, date, subject, here, status.startswith("D")))
        # older commits know the file by its name before a rename
        current = paths[0] if status.startswith("R") else here
    return commits
