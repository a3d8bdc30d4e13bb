"""The benchmark still works: corpus generator and `bench/run.py --quick`.

No timing is asserted anywhere: timings on a shared CI machine are noise.
These tests only prove that the benchmark runs end to end, that its corpus
is reproducible and valid, and that the quick mode leaves the committed
figures in docs/performance.md alone.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, journey_process

BENCH = ROOT / "bench"

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="the benchmark needs os.wait4")


def load_corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def digest(directory: Path) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*.journey.yaml"))
    }


def small_corpus(corpus: ModuleType, out: Path, maps: int) -> Path:
    return Path(corpus.generate(out, maps=maps, large_stages=4, large_touchpoints=3))


def test_corpus_is_deterministic_and_prefix_stable(tmp_path: Path) -> None:
    corpus = load_corpus_module()
    first = digest(small_corpus(corpus, tmp_path / "a", 6))
    again = digest(small_corpus(corpus, tmp_path / "b", 6))
    bigger = digest(small_corpus(corpus, tmp_path / "c", 9))
    assert first == again
    assert len(first) == 6 + 4  # six maps and the large map at 1x, 2x, 4x, 8x
    # Map n is the same map whatever the corpus size: a 10-map run is a prefix of 1,000.
    assert {k: v for k, v in bigger.items() if k in first and k.startswith("maps")} == {
        k: v for k, v in first.items() if k.startswith("maps")
    }


def test_corpus_maps_are_valid_with_realistic_shape(tmp_path: Path) -> None:
    corpus = load_corpus_module()
    out = small_corpus(corpus, tmp_path / "corpus", 12)
    result = journey_process(["lint", out / "maps", "--format", "json"])
    assert result.code == 0, result.out + result.err  # warnings only, never an error
    sizes = [
        len(p.read_text(encoding="utf-8").splitlines())
        for p in sorted((out / "maps").glob("*.journey.yaml"))
    ]
    assert 250 <= sum(sizes) / len(sizes) <= 650
    text = "".join(p.read_text(encoding="utf-8") for p in (out / "maps").glob("*.yaml"))
    assert any(ch in text for ch in "ëéï")  # Dutch accents reach the parser
    large = out / "large"
    by_factor = {int(p.name.split("-")[1].split("x")[0]): p for p in large.glob("*.yaml")}
    # Personas and stages are both "  - id:" items; there are three personas.
    stages = [
        by_factor[f].read_text(encoding="utf-8").count("\n  - id: ") - 3 for f in sorted(by_factor)
    ]
    assert stages == [4, 8, 16, 32]


@pytest.mark.slow
def test_quick_benchmark_runs_and_prints_the_table(tmp_path: Path) -> None:
    doc = ROOT / "docs" / "performance.md"
    before = doc.read_bytes() if doc.exists() else None
    output = tmp_path / "performance.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--quick",
            "--work",
            str(tmp_path / "corpus"),
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for heading in (
        "Startup",
        "Lint throughput",
        "Scaling of lint",
        "Scaling of report",
        "Peak memory",
        "Targets",
    ):
        assert heading in proc.stdout
    for command in ("journey --version", "floor: CSafeLoader", "journey lint", "report 8x"):
        assert command in proc.stdout
    markdown = output.read_text(encoding="utf-8")
    assert markdown.startswith("# Performance\n")
    assert "| Target |" in markdown and "## How to reproduce" in markdown
    # --quick never touches the committed figures.
    assert (doc.read_bytes() if doc.exists() else None) == before


@pytest.mark.slow
def test_single_map_benchmark_runs_every_command(tmp_path: Path) -> None:
    """`bench/single.py --quick` times each single-map command once and prints the table."""
    proc = subprocess.run(
        [sys.executable, str(BENCH / "single.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    for command in (
        "journey lint",
        "journey report (terminal)",
        "journey report (html)",
        "journey diff",
    ):
        assert f"| {command} |" in proc.stdout
    assert "load average" in proc.stdout
    assert "| hypotheek.journey.yaml |" in proc.stdout  # the in-process render
