"""What CONTRIBUTING.md promises a contributor holds: the lock, the hooks, the editor rules.

The lock (`.ci/constraints.txt`) must pin every dependency pyproject.toml names, at
a version its range allows, or `.ci/run` fails only after a long install; the
pre-commit configuration must be valid; and every tracked text file must follow
`.editorconfig` (test inputs, which are byte-exact on purpose, excepted).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import ROOT

LOCK = ROOT / ".ci" / "constraints.txt"


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version, f"{LOCK.name}: '{line}' is not pinned with =="
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_the_lock_pins_every_dependency_within_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += extra
    pins = _pins()
    assert "journeycli" not in pins
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in {LOCK.name}: run `bash .ci/lock.sh`"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{LOCK.name} pins {name}=={pins[name]}, outside {requirement.specifier}: "
            "run `bash .ci/lock.sh`"
        )


def test_the_pre_commit_configuration_is_valid() -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _tracked_text_files() -> list[str]:
    proc = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False, timeout=60
    )
    if proc.returncode != 0:
        pytest.skip("not a git checkout: nothing to compare with .editorconfig")
    names = [n for n in proc.stdout.decode("utf-8").split("\0") if n]
    # tests/data holds byte-exact inputs (tabs, CRLF, a BOM); .editorconfig leaves them be.
    return [n for n in names if not n.startswith("tests/data/") and not n.endswith(".png")]


def test_tracked_files_follow_the_editorconfig() -> None:
    broken = []
    for name in _tracked_text_files():
        path = ROOT / name
        if not path.is_file():
            continue  # deleted in the work tree, not yet committed
        data = path.read_bytes()
        if not data:
            continue
        text = data.decode("utf-8")  # charset = utf-8
        golden = name.startswith("tests/golden/")
        if "\r" in text:
            broken.append(f"{name}: CRLF line ends (end_of_line = lf)")
        if not golden and not text.endswith("\n"):
            broken.append(f"{name}: no newline at the end (insert_final_newline)")
        lines = text.split("\n")
        trailing = [i + 1 for i, line in enumerate(lines) if line != line.rstrip(" \t")]
        if trailing and not golden:
            broken.append(f"{name}:{trailing[0]}: trailing whitespace")
        if name.endswith(".py") and any(line.startswith("\t") for line in lines):
            broken.append(f"{name}: a tab indents Python (indent_style = space)")
    assert broken == []
