"""No source module over 400 lines (issue 16, docs/architecture.md "Conventions").

A module that grows past this is doing two jobs; the test names every such
module so the split is planned before it becomes a tangle.
"""

from __future__ import annotations

from pathlib import Path

import journeycli

MAX_LINES = 400
PACKAGE = Path(journeycli.__file__).parent


def _line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_every_module_is_at_most_400_lines() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 100  # the whole package, not an empty directory
    too_long = {
        str(m.relative_to(PACKAGE)): n for m in modules if (n := _line_count(m)) > MAX_LINES
    }
    assert too_long == {}


def test_the_count_sees_a_long_module(tmp_path: Path) -> None:
    long_module = tmp_path / "long.py"
    long_module.write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    assert _line_count(long_module) == MAX_LINES + 1
