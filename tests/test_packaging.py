"""The wheel is fit to publish and works once installed, away from the source tree.

Builds the wheel with `python -m build`, checks its metadata with `twine check
--strict`, installs it into a clean virtual environment (no system
site-packages: nothing of the base interpreter's) with pip resolving its
dependencies from a wheelhouse made of the test environment's own
distributions (`tests/wheelhouse.py`, so no network is needed), and runs the
README's main command from an unrelated directory.
"""

from __future__ import annotations

import email
import importlib.util
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import journeycli
import wheelhouse
from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow


def run(
    args: list[str], cwd: Path, timeout: float = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, env=env
    )


def offline_pip_env() -> dict[str, str]:
    """No pip configuration from the machine (index URLs, find-links): only our wheelhouse."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the `build` package is not installed (pip install '.[test]')")
    out = tmp_path_factory.mktemp("dist")
    # Without network the isolated build cannot fetch hatchling; use an installed one then.
    offline = ["--no-isolation"] if importlib.util.find_spec("hatchling") else []
    proc = run(
        [sys.executable, "-m", "build", "--wheel", *offline, "--outdir", str(out), str(ROOT)],
        cwd=out,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheels = list(out.glob("journeycli-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def test_the_wheel_metadata_passes_twine_check(wheel: Path, tmp_path: Path) -> None:
    if importlib.util.find_spec("twine") is None:
        pytest.skip("twine is not installed (pip install '.[test]')")
    proc = run([sys.executable, "-m", "twine", "check", "--strict", str(wheel)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PASSED" in proc.stdout


def test_the_metadata_is_complete_and_the_version_has_one_home(wheel: Path) -> None:
    meta = metadata(wheel)
    assert meta["Name"] == "journeycli"
    assert meta["Version"] == journeycli.__version__
    assert meta["License-Expression"] == "MIT"
    assert meta["License-File"] == "LICENSE"
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert meta["Summary"] and meta["Keywords"]
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Documentation", "Changelog"} <= set(urls)
    requires = {
        re.split(r"[<>=;\s\[]", r, maxsplit=1)[0].lower()
        for r in meta.get_all("Requires-Dist") or []
        if "extra ==" not in r
    }
    assert requires == {"typer", "rich", "pyyaml", "pydantic", "jinja2", "openpyxl"}
    assert not [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")], (
        "PEP 639: the license expression replaces License :: classifiers"
    )
    # The long description is the README, whose set-up commands people copy.
    assert "pip install . && journey report examples/hypotheek.journey.yaml" in (
        meta.get_payload() or ""
    )


def test_the_wheel_carries_license_types_templates_and_schema(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names
    for required in (
        "journeycli/py.typed",
        "journeycli/templates/report/report.html.j2",
        "journeycli/templates/scaffold/five-stages.yaml",
    ):
        assert required in names
    # `journey schema` generates the schema; no packaged copy that nothing reads
    assert "journeycli/journey.schema.json" not in names


def test_the_installed_wheel_runs_the_readme_command_from_anywhere(
    wheel: Path, tmp_path: Path
) -> None:
    house = tmp_path / "wheelhouse"
    packed = wheelhouse.build(metadata(wheel).get_all("Requires-Dist") or [], house)
    venv = tmp_path / "venv"
    made = run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / "python"
    pip = [str(python), "-m", "pip"]
    installed = run(
        [*pip, "install", "--no-index", "--find-links", str(house), "--quiet", str(wheel)],
        cwd=tmp_path,
        env=offline_pip_env(),
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    checked = run([*pip, "check"], cwd=tmp_path, env=offline_pip_env())
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Exactly journey and what it requires: nothing comes from the base interpreter.
    listed = run([*pip, "list", "--format", "json"], cwd=tmp_path, env=offline_pip_env())
    names = {p["name"].lower().replace("_", "-") for p in json.loads(listed.stdout)}
    wanted = {p.name.split("-")[0].lower().replace("_", "-") for p in packed}
    assert names - {"pip", "setuptools"} == wanted | {"journeycli"}
    assert {"typer", "pydantic", "pyyaml", "openpyxl"} <= wanted
    where = run(
        [str(python), "-c", "import journeycli, typer; print(journeycli.__file__, typer.__file__)"],
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    assert all(Path(f).is_relative_to(venv) for f in where.stdout.split()), (
        f"the venv imports journeycli and typer from {where.stdout.strip()}, not from itself"
    )

    journey = bindir / "journey"
    example = (EXAMPLES / "hypotheek.journey.yaml").resolve()
    report = run([str(journey), "report", str(example)], cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    assert "Hypotheek afsluiten" in report.stdout
    # The templates and the schema come from the wheel, not from the source tree.
    html = run([str(journey), "report", str(example), "--output", "map.html"], cwd=tmp_path)
    assert html.returncode == 0, html.stderr
    assert (tmp_path / "map.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    new = run([str(journey), "new", "first", "--lang", "nl"], cwd=tmp_path)
    assert new.returncode == 0, new.stderr
    assert run([str(journey), "lint", "first.journey.yaml"], cwd=tmp_path).returncode == 0
    version = run([str(journey), "--version"], cwd=tmp_path)
    assert version.stdout.strip() == f"journey {journeycli.__version__}"
