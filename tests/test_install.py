"""The installed package works from anywhere, and the wheel carries its data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import journeycli
from conftest import ROOT


def test_console_script_from_an_unrelated_directory(tmp_path: Path) -> None:
    exe = shutil.which("journey")
    if exe is None:
        pytest.skip("the journey console script is not on PATH (install the package)")
    version = subprocess.run([exe, "--version"], cwd=tmp_path, capture_output=True, text=True)
    assert version.returncode == 0
    assert version.stdout.strip() == f"journey {journeycli.__version__}"
    helped = subprocess.run([exe, "--help"], cwd=tmp_path, capture_output=True, text=True)
    assert helped.returncode == 0
    for command in ("lint", "schema"):
        assert command in helped.stdout


def test_python_dash_m_from_an_unrelated_directory(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", "--help"], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode == 0
    assert "Usage" in proc.stdout


def test_no_arguments_shows_help_and_bad_flag_is_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", "lint", "--no-such-flag"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "No such option" in proc.stderr


def test_installed_package_is_not_the_source_tree() -> None:
    """In CI the tests run against `pip install .`, not against src/."""
    location = Path(journeycli.__file__).resolve().parent
    if (ROOT / "src") in location.parents:
        pytest.skip("editable install: the wheel contents are checked by the wheel test")
    assert (location / "templates").is_dir()


@pytest.mark.slow
def test_wheel_carries_templates_and_schema(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 and "Could not find a version" in proc.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("journeycli-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "journeycli/journey.schema.json" not in names  # `journey schema` makes it
    assert "journeycli/py.typed" in names
    templates = [n for n in names if n.startswith("journeycli/templates/")]
    assert templates, names
    repo_templates = [
        p for p in (ROOT / "templates").rglob("*") if p.is_file() and p.name != ".keep"
    ]
    assert len([t for t in templates if not t.endswith("/.keep")]) == len(repo_templates)
