"""docs/security.md names the test behind each threat; each of those tests must exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "security.md"
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def _test_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_test_named_in_the_threat_model_exists() -> None:
    references = REFERENCE.findall(DOC.read_text(encoding="utf-8"))
    assert len(references) >= 40, "the threat model names its tests"
    missing = [
        f"{file}::{name}"
        for file, name in references
        if not (ROOT / file).is_file() or name not in _test_functions(ROOT / file)
    ]
    assert missing == []


def test_every_threat_row_names_a_test() -> None:
    rows = [
        line
        for line in DOC.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ")
        and not line.startswith(("| Threat", "| Situation", "| Limit", "|---"))
    ]
    without = [row for row in rows if "tests/" not in row and "`--max" not in row]
    assert without == []
