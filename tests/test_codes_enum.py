"""Rule codes are one enum, `core.problems.Code`, used wherever a problem is raised."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from journeycli.core.problems import Code, Severity
from journeycli.core.rules import RULES

SRC = Path(__file__).resolve().parent.parent / "src" / "journeycli"
BARE_CODE = re.compile(r"""^[rbuRBU]?["'][EW]\d{3}["']$""")


def test_every_code_has_exactly_one_rule_and_the_same_severity() -> None:
    assert list(RULES) == list(Code)
    for code, rule in RULES.items():
        assert rule.code is code
        assert rule.severity is code.severity
    assert Code.E003.severity is Severity.ERROR
    assert Code.W102.severity is Severity.WARNING


def test_no_module_spells_a_code_as_a_bare_string() -> None:
    """`"E003"` as a string literal outside the enum would bypass the type checker."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "problems.py" and path.parent.name == "core":
            continue
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.STRING and BARE_CODE.match(token.string):
                found.append(f"{path.relative_to(SRC)}:{token.start[0]}: {token.string}")
    assert found == []


def test_a_code_reads_as_its_text_everywhere() -> None:
    """StrEnum: JSON, SARIF and f-strings show `E003`, not `Code.E003`."""
    import json

    assert f"{Code.E003}" == "E003"
    assert json.dumps({"code": Code.E003}) == '{"code": "E003"}'
    assert Code("W102") is Code.W102
