"""The git command line, read-only: the one place journey runs git.

`journey diff --rev` and `journey history` read old versions of a map
through the real `git` (so every repository layout, worktree and ref syntax
git knows works) rather than a library. A git failure becomes a UsageError
(exit 2) carrying git's own reason.

A pull request decides what lies in the checkout, so git is run the way
docs/security.md ("git") describes, never the way the files suggest:

- the repository is found once, from the working directory (`git rev-parse
  --show-toplevel`), and every command runs at its root. Running git in the
  map's folder would let a folder laid out as a bare repository (`HEAD`,
  `objects/`, `refs/`, a `config`) become the repository, with its config;
- `safe.bareRepository=explicit` refuses such a folder wherever it is met,
  and the config that runs programs is switched off on the command line,
  which wins over any file: no signature display (it runs `gpg.program`), no
  fsmonitor, no pager, no external diff or textconv;
- paths go after `--` with pathspec magic off, and paths and subjects are
  read NUL-separated (`-z`), so a tab, a newline, a quote or an ESC in a file
  name is just a name.

`history` reads every version through one `git cat-file --batch` process
(`Blobs`), one blob at a time, so a long history costs neither a process per
commit nor the memory of all versions at once.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

from journeycli.core.errors import UsageError

# Settings from the command line win over every config file (docs/security.md, "git").
_SAFE_CONFIG = (
    "safe.bareRepository=explicit",
    "log.showSignature=false",
    "core.fsmonitor=false",
    "core.quotePath=false",
)
_ENV = {
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_PAGER": "cat",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_LITERAL_PATHSPECS": "1",
}
_HEADER = re.compile(rb"^([0-9a-f]{40,64}) (\w+) (\d+)\n$")
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit that touched the file, with the file's repository path then."""

    sha: str
    short: str
    date: str
    subject: str
    path: str
    deleted: bool = False
    # Where the content is: the blob id git listed for the file (None when the listing
    # names none; the content is then looked up by commit and path), and the path as
    # git wrote it (bytes, for that lookup).
    blob: str | None = field(default=None, compare=False, repr=False)
    raw_path: bytes = field(default=b"", compare=False, repr=False)


def _reason(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line and not line.startswith("hint:")]
    if not lines:
        return "git failed"
    return lines[0].removeprefix("fatal: ").removeprefix("error: ")


def _check_arg(value: str, what: str) -> None:
    if not value or value.startswith("-"):
        raise UsageError(f"{what} '{value}' is not a valid git revision")


def _command(*args: str | bytes) -> list[str | bytes]:
    config = [part for setting in _SAFE_CONFIG for part in ("-c", setting)]
    return ["git", "--no-pager", *config, *args]


def _git(cwd: Path | None, *args: str | bytes, max_bytes: int | None = None) -> bytes:
    """Run git in `cwd` (the working directory when None); stdout, or UsageError.

    With `max_bytes`, at most that many bytes plus one are read, then git is stopped.
    """
    try:
        proc = subprocess.Popen(
            _command(*args),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **_ENV},
        )
    except FileNotFoundError as exc:
        raise UsageError("git is not installed or not on PATH") from exc
    except OSError as exc:
        raise UsageError(f"cannot run git ({exc.strerror or exc})") from exc
    with proc:
        assert proc.stdout is not None and proc.stderr is not None
        if max_bytes is None:
            out, err = proc.communicate()
        else:
            out = proc.stdout.read(max_bytes + 1)
            if len(out) > max_bytes:
                proc.kill()  # enough to know it is over the limit
                return out
            err = proc.stderr.read()
        if proc.wait() != 0:
            raise UsageError(f"git: {_reason(err)}")
    return out


@dataclass(frozen=True, slots=True)
class Repository:
    """The git repository of the working directory: where every git command runs."""

    root: Path

    def path_of(self, path: Path) -> bytes:
        """`path` (as the user named it) as a path from the repository root."""
        directory = path.parent if str(path.parent) else Path()
        if not directory.is_dir():
            raise UsageError(f"{path}: directory {directory} does not exist")
        real = Path(os.path.realpath(directory))
        try:
            inside = real.relative_to(os.path.realpath(self.root))
        except ValueError:
            raise UsageError(
                f"{path}: not in the git repository of the working directory ({self.root})",
                hint="run journey from inside the map's repository",
            ) from None
        return os.fsencode((inside / path.name).as_posix())


def repository() -> Repository:
    """The repository that holds the working directory (`git rev-parse --show-toplevel`)."""
    out = _git(None, "rev-parse", "--show-toplevel")
    return Repository(Path(os.fsdecode(out.removesuffix(b"\n"))))


def show(path: Path, rev: str, max_bytes: int) -> bytes:
    """The bytes of `path` at `rev` (`git cat-file blob REV:PATH` at the repository root),
    at most `max_bytes` + 1 of them."""
    _check_arg(rev, "revision")
    repo = repository()
    name = os.fsencode(rev) + b":" + repo.path_of(path)
    return _git(repo.root, "cat-file", "blob", name, max_bytes=max_bytes)


def list_files(directory: Path, rev: str) -> list[str]:
    """The files under `directory` at `rev`, relative to it (`git ls-tree -r -z --name-only`,
    run at the repository root like every other git command here)."""
    _check_arg(rev, "revision")
    if not directory.is_dir():
        raise UsageError(f"{directory}: no such directory")
    repo = repository()
    inside = repo.path_of(directory / "_").removesuffix(b"_")  # b"" at the root, else b"dir/"
    out = _git(
        repo.root, "ls-tree", "-r", "-z", "--name-only", "--full-tree", rev, "--", inside or b"."
    )
    names = (name for name in out.split(b"\0") if name)
    return [os.fsdecode(name.removeprefix(inside)) for name in names if name.startswith(inside)]


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _commits(tokens: list[bytes]) -> list[Commit]:
    """`git log -z --raw` output split at NUL -> commits, newest first.

    A commit is its header (`%H %h %as %s`) and, when git lists the file, one
    raw line (`:modes ids status`) followed by one path, or two for a rename
    or copy (old, new). A commit listing no file (a merge) keeps the path of
    the newer commit; older commits know the file by its name before a rename.
    """
    records: list[tuple[bytes, tuple[str, bytes, list[bytes]] | None]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if not token:
            continue
        if not token.startswith(b":"):
            records.append((token, None))
            continue
        meta = token[1:].split(b" ")
        status = _text(meta[4]) if len(meta) > 4 else ""
        count = 2 if status[:1] in ("R", "C") else 1
        paths = tokens[index : index + count]
        index += count
        if records and records[-1][1] is None and len(meta) > 4 and paths:
            records[-1] = (records[-1][0], (status, meta[3], paths))
    commits: list[Commit] = []
    current: bytes | None = None
    for header, raw in records:
        sha, short, date, subject = map(_text, [*header.split(b" ", 3), b"", b"", b""][:4])
        if raw is None:
            if current is None:
                continue  # the newest commit names no file: nothing to read
            commits.append(Commit(sha, short, date, subject, _text(current), raw_path=current))
            continue
        status, blob, paths = raw
        here, deleted = paths[-1], status.startswith("D")
        commits.append(
            Commit(
                sha,
                short,
                date,
                subject,
                _text(here),
                deleted,
                blob=None if deleted else _text(blob),
                raw_path=here,
            )
        )
        current = paths[0] if status.startswith("R") else here
    return commits


def log_follow(repo: Repository, path: bytes, rev_range: str | None = None) -> list[Commit]:
    """Commits that touched `path` (from the root), following renames, newest first."""
    if rev_range is not None:
        _check_arg(rev_range, "revision range")
    args: list[str | bytes] = ["log", "--follow", "--no-color", "--no-ext-diff", "--no-textconv"]
    args += ["--no-show-signature", "--raw", "-z"]
    args.append("--format=%H %h %as %s")
    if rev_range:
        args.append(rev_range)
    args += ["--", path]
    return _commits(_git(repo.root, *args).split(b"\0"))


class Blobs:
    """One `git cat-file --batch` process that hands out file contents one at a time.

    Each request is answered in full before the next is written, so the pipes
    never fill; content past `max_bytes` + 1 is read and dropped in chunks, so
    an oversized version costs no more memory than the limit.
    """

    def __init__(self, repo: Repository, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        try:
            self._proc = subprocess.Popen(
                _command("cat-file", "--batch"),
                cwd=repo.root,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, **_ENV},
            )
        except OSError as exc:
            raise UsageError(f"cannot run git ({exc.strerror or exc})") from exc
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._in: IO[bytes] = self._proc.stdin
        self._out: IO[bytes] = self._proc.stdout

    def __enter__(self) -> Blobs:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._in.close()
        self._out.close()
        self._proc.wait()

    def content(self, commit: Commit) -> bytes | None:
        """The file at `commit` (at most max_bytes + 1 bytes), or None when it is not there."""
        if commit.deleted:
            return None
        if commit.blob is not None:
            return self._read(commit.blob.encode("ascii"))
        if b"\n" in commit.raw_path:  # cannot go through the line-based batch
            return None
        return self._read(commit.sha.encode("ascii") + b":" + commit.raw_path)

    def _read(self, name: bytes) -> bytes | None:
        try:
            self._in.write(name + b"\n")
            self._in.flush()
            header = self._out.readline()
        except OSError as exc:
            raise UsageError(f"git cat-file stopped ({exc.strerror or exc})") from exc
        found = _HEADER.match(header)
        if found is None:
            if not header:
                raise UsageError("git cat-file stopped before answering")
            return None  # "<name> missing" or "ambiguous"
        size = int(found.group(3))
        kept = self._out.read(min(size, self.max_bytes + 1))
        left = size - len(kept)
        while left > 0:
            chunk = self._out.read(min(left, _CHUNK))
            if not chunk:
                raise UsageError("git cat-file stopped while answering")
            left -= len(chunk)
        self._out.read(1)  # the line feed after the content
        return kept if found.group(2) == b"blob" else None
