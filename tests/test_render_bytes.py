"""`journeycli.report.run.render_bytes`: the in-process render `journey preview` calls on save.

It must give the same page as `journey report --format html` for the same
file, reject an invalid map with lint's errors, and import nothing the
second time (docs/performance.md, "In-process render").
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import example_maps, journey_process
from journeycli.core.errors import InvalidMapError
from journeycli.report.run import render_bytes


@pytest.mark.slow
@pytest.mark.parametrize("path", example_maps(), ids=lambda p: p.name)
def test_render_bytes_gives_the_page_the_command_writes(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = journey_process(["report", str(path), "--format", "html", "--output", str(out)])
    assert result.code == 0, result.err
    assert render_bytes(path.read_bytes(), str(path)) == out.read_text(encoding="utf-8")


def test_a_second_render_imports_nothing() -> None:
    path = example_maps()[0]
    render_bytes(path.read_bytes(), str(path))
    before = set(sys.modules)
    page = render_bytes(path.read_bytes(), str(path))
    assert set(sys.modules) == before
    assert page.startswith("<!DOCTYPE html>")


def test_an_invalid_map_raises_lints_errors() -> None:
    raw = b"version: 1\ntitle: Kapot\nstages: nee\n"
    with pytest.raises(InvalidMapError) as caught:
        render_bytes(raw, "kapot.journey.yaml")
    assert caught.value.problems
    assert all(p.path == "kapot.journey.yaml" for p in caught.value.problems)
