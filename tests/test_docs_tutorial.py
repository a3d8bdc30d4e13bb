"""The tutorials run: every command in them, in order, in a fresh folder, with the output shown.

A tutorial is a Markdown file read top to bottom; the test replays it the way a
reader would, so the docs cannot rot:

- `<!-- file: NAME -->` right before a fenced block: write the block to NAME.
- `<!-- edit: NAME -->` right before a ```diff block: apply it to NAME. Lines
  starting with a space are context, `-` lines are removed, `+` lines added;
  the context and `-` lines must occur exactly once in the file. A line
  `@@ ... @@` starts a new hunk.
- A ```console block: each `$ COMMAND` line is run with bash in the folder,
  stdout and stderr together, and must print exactly the lines that follow it
  (up to the next `$ ` line), trailing whitespace aside. It must exit 0,
  unless `<!-- exit: N -->` right before the block gives the exit code of the
  block's last command.
- `<!-- checkout -->` right before a ```console block: the installation. Its
  commands run in a fresh clone of this repository (`git clone` of the
  committed tree, as a reader's checkout), `cd DIR` moving to DIR for the
  commands after it; only their standard output is compared (pip's warnings
  depend on the machine). Afterwards `journey` is the one it installed, in
  `.venv/bin` of the clone, and the rest runs in an empty folder beside it.
- Other blocks (```sh, ```yaml without a marker, ...) are for reading only.

Without a checkout block (or with `checkout=False`) `journey` is the package
under test (a wrapper runs `python -m journeycli`);
git runs with a fixed author and date so commit hashes are stable, and journey
with a fixed reference date (`JOURNEY_TODAY`), so evidence never ages.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT

TUTORIALS = [ROOT / "docs" / "tutorial.md", ROOT / "docs" / "tutorial.nl.md"]
MARKER = re.compile(r"^<!-- (file|edit|exit|checkout):? ?(.*?) ?-->$")
FENCE = re.compile(r"^```(\S*)")


@dataclass
class Block:
    """A fenced block of a tutorial with the marker right before it, if any."""

    info: str
    body: str
    line: int  # 1-based line of the opening fence, for messages
    marker: tuple[str, str] | None = None


@dataclass
class Command:
    text: str
    expected: list[str] = field(default_factory=list)
    exit_code: int = 0


def blocks(markdown: str) -> list[Block]:
    found: list[Block] = []
    lines = markdown.splitlines()
    marker: tuple[str, str] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        mark = MARKER.match(line)
        if mark:
            marker = (mark.group(1), mark.group(2).strip())
        elif fence:
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            found.append(Block(fence.group(1), "\n".join(lines[i + 1 : end]) + "\n", i + 1, marker))
            marker = None
            i = end
        elif line.strip():
            marker = None  # a marker must stand right before its block
        i += 1
    return found


def commands(block: Block) -> list[Command]:
    found: list[Command] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            found.append(Command(line[2:]))
        else:
            assert found, f"line {block.line}: output before the first `$ ` command"
            found[-1].expected.append(line)
    if block.marker and block.marker[0] == "exit":
        found[-1].exit_code = int(block.marker[1])
    return found


def apply_diff(text: str, diff: str, where: str) -> str:
    hunks: list[list[str]] = [[]]
    for line in diff.splitlines():
        if line.startswith("@@"):
            hunks.append([])
        else:
            hunks[-1].append(line)
    for hunk in (h for h in hunks if h):
        old = "".join(line[1:] + "\n" for line in hunk if line[:1] in (" ", "-", ""))
        new = "".join(line[1:] + "\n" for line in hunk if line[:1] in (" ", "+", ""))
        assert text.count(old) == 1, (
            f"{where}: the diff's old lines occur {text.count(old)} "
            f"times in the file, not once:\n{old}"
        )
        text = text.replace(old, new)
    return text


def clean(lines: list[str]) -> list[str]:
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def environment(tmp_path: Path) -> dict[str, str]:
    bin_dir = tmp_path / ".bin"  # the wrapper; an installing checkout block puts its own first
    bin_dir.mkdir()
    wrapper = bin_dir / "journey"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m journeycli "$@"\n', encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    home = tmp_path / ".home"
    home.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GIT_", "FORCE_COLOR", "CLICOLOR", "COLUMNS", "LINES", "TTY_"))
    }
    env.update(
        {
            "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
            "HOME": str(home),
            "NO_COLOR": "1",
            "TERM": "dumb",
            "PYTHONUNBUFFERED": "1",
            "PYTHONIOENCODING": "utf-8",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Sam Doe",
            "GIT_AUTHOR_EMAIL": "sam@example.com",
            "GIT_COMMITTER_NAME": "Sam Doe",
            "GIT_COMMITTER_EMAIL": "sam@example.com",
            "GIT_AUTHOR_DATE": "2026-04-01T10:00:00+02:00",
            "GIT_COMMITTER_DATE": "2026-04-01T10:00:00+02:00",
            # the tutorial's story happens in spring 2026: its evidence is fresh then
            "JOURNEY_TODAY": "2026-05-01",
        }
    )
    return env


def install(block: Block, clone: Path, env: dict[str, str], where: str) -> int:
    """Run a checkout block in a fresh clone of the repository; return the commands run."""
    subprocess.run(
        ["git", "clone", "--quiet", str(ROOT), str(clone)], env=env, check=True, capture_output=True
    )
    cwd, ran = clone.parent, 0
    for command in commands(block):
        if command.text.startswith("cd "):
            cwd = cwd / command.text[3:].strip()
            assert cwd.is_dir(), f"{where}: `{command.text}`: no such folder"
            continue
        proc = subprocess.run(
            ["bash", "-c", command.text],
            cwd=cwd,
            env=env,
            capture_output=True,
            timeout=900,
            check=False,
        )
        assert proc.returncode == command.exit_code, (
            f"{where}: `{command.text}` exited {proc.returncode}:\n{proc.stderr.decode()}"
        )
        output = proc.stdout.decode("utf-8", "replace").splitlines()
        assert clean(output) == clean(command.expected), (
            f"{where}: `{command.text}` printed {output}"
        )
        ran += 1
    installed = clone / ".venv" / "bin"
    assert (installed / "journey").exists(), f"{where}: the block installs no .venv/bin/journey"
    env["PATH"] = f"{installed}{os.pathsep}{env['PATH']}"
    return ran


def replay(tutorial: Path, workdir: Path, checkout: bool = True) -> int:
    """Run the tutorial in `workdir`; return the number of commands run.

    With `checkout`, a checkout block installs journey from a fresh clone in
    `workdir/journey` and the rest runs in `workdir/work`.
    """
    env = environment(workdir)
    git = subprocess.run(
        ["git", "config", "--global", "init.defaultBranch", "main"],
        env=env,
        cwd=workdir,
        capture_output=True,
        check=False,
    )
    assert git.returncode == 0, git.stderr
    ran = 0
    for block in blocks(tutorial.read_text(encoding="utf-8")):
        where = f"{tutorial.name}:{block.line}"
        kind, name = block.marker or ("", "")
        if kind == "checkout":
            if checkout:
                ran += install(block, workdir / "journey", env, where)
                workdir = workdir / "work"
                workdir.mkdir()
            continue
        if kind == "file":
            (workdir / name).write_text(block.body, encoding="utf-8")
        elif kind == "edit":
            assert block.info == "diff", f"{where}: an edit needs a ```diff block"
            target = workdir / name
            target.write_text(
                apply_diff(target.read_text(encoding="utf-8"), block.body, where), encoding="utf-8"
            )
        if block.info != "console":
            continue
        for command in commands(block):
            proc = subprocess.run(
                ["bash", "-c", command.text],
                cwd=workdir,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=120,
                check=False,
            )
            output = proc.stdout.decode("utf-8", "replace").splitlines()
            assert clean(output) == clean(command.expected), (
                f"{where}: `{command.text}` printed something else than the tutorial shows"
            )
            assert proc.returncode == command.exit_code, (
                f"{where}: `{command.text}` exited {proc.returncode}, "
                f"the tutorial expects {command.exit_code}"
            )
            ran += 1
    return ran


@pytest.mark.slow
@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_every_command_in_the_tutorial_prints_what_it_shows(tutorial: Path, tmp_path: Path) -> None:
    """From a fresh checkout: the installation the tutorial shows, then every step."""
    ran = replay(tutorial, tmp_path)
    assert ran >= 10, f"{tutorial.name} ran only {ran} commands"
    assert any(b.marker == ("checkout", "") for b in blocks(tutorial.read_text("utf-8")))


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_the_tutorial_installs_from_a_checkout_and_shows_the_new_steps(tutorial: Path) -> None:
    """The issue's list (issue 21): a first command that works today, the experience-map
    template, the HTML report, the editor's schema step, `effort` with the action fields."""
    text = tutorial.read_text(encoding="utf-8")
    first = next(b for b in blocks(text) if b.info == "console")
    assert first.marker == ("checkout", ""), "the first commands are the installation"
    assert "pip install" in first.body and "pipx install journeycli\n" not in text
    shown = [c.text for b in blocks(text) if b.info == "console" for c in commands(b)]
    assert any("--template experience-map" in c for c in shown)
    assert any(c.startswith("journey report") and ".html" in c for c in shown)
    assert "journey schema > journey.schema.json" in shown
    assert "# yaml-language-server: $schema=journey.schema.json" in text
    assert re.search(r"`horizon`[^.]*`effort`", text, re.S), "effort among the action fields"


@pytest.mark.parametrize("tutorial", TUTORIALS, ids=lambda p: p.name)
def test_the_tutorial_follows_the_five_steps_and_uses_real_commands(tutorial: Path) -> None:
    text = tutorial.read_text(encoding="utf-8")
    steps = re.findall(r"^## (?:Step|Stap) (\d)", text, re.M)
    assert steps == ["1", "2", "3", "4", "5"], steps
    used = {
        c.text.split()[1]
        for b in blocks(text)
        if b.info == "console"
        for c in commands(b)
        if c.text.startswith("journey ")
    }
    assert {"new", "lint", "report", "diff", "history"} <= used, used


def test_the_diff_convention_applies_hunks_exactly() -> None:
    text = "a: 1\nb: 2\nc: 3\n"
    assert apply_diff(text, " a: 1\n-b: 2\n+b: 5\n+d: 6\n", "t") == "a: 1\nb: 5\nd: 6\nc: 3\n"
    with pytest.raises(AssertionError, match="occur 0 times"):
        apply_diff(text, "-x: 1\n+x: 2\n", "t")
