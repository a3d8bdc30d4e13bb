"""Any bytes in, exit 0, 1 or 2 with a message out: never a traceback (docs/security.md)."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from journeycli.cli import run

# Fuzzing is the full suite's job; the quick loop (`pytest -m "not slow"`) leaves it out.
pytestmark = pytest.mark.slow

SEED_MAP = (EXAMPLES / "meal-kit.journey.yaml").read_bytes()
YAML_PIECES = [
    b":",
    b"- ",
    b"\n",
    b"  ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!",
    b"'",
    b'"',
    b"#",
    b"---\n",
    b"? ",
    b"|\n",
    b"no",
    b"012",
    b"1:30",
    b"~",
    b"\t",
    b"\xff",
    b"<<: ",
    b"%YAML 1.1\n",
    b"\x00",
]


def lint_stdin(data: bytes) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    sys.stdout, sys.stderr = out, err
    try:
        code = run(["lint", "-", "--format", "json"])
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    return code, out.getvalue() + err.getvalue()


def assert_clean_outcome(data: bytes) -> None:
    code, output = lint_stdin(data)
    assert code in (0, 1, 2), (code, output)
    assert output.strip(), "no message at all"
    assert "Traceback" not in output
    assert "internal error" not in output, output


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    assert_clean_outcome(data)


@st.composite
def mutated_map(draw: st.DrawFn) -> bytes:
    data = bytearray(SEED_MAP)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(YAML_PIECES))
        if action == "insert":
            data[position:position] = piece
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        else:
            data[position : position + len(piece)] = piece
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_map())
def test_mutated_maps(data: bytes) -> None:
    assert_clean_outcome(data)


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "name",
                    "id",
                    "stages",
                    "relevance",
                    "presence",
                    "touchpoints",
                    "x-a",
                    "critical",
                    "experience",
                    "personas",
                    "actions",
                    "evidence",
                    "type",
                    "source",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(
            ["version", "title", "stages", "personas", "metrics", "goal", "language", "x-k"]
        ),
        yaml_values,
        max_size=6,
    )
)
def test_random_yaml_trees(tree: dict[str, object]) -> None:
    import json

    # JSON is YAML: a tree dumped as JSON exercises the model, not just the parser.
    assert_clean_outcome(json.dumps(tree).encode())


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xef\xbb\xbf",
        b"\x00",
        b"---",
        b"...",
        b"~",
        b"[]",
        b"version: 1",
        b"\t",
        b"a: b: c",
        b"- - - -",
    ],
)
def test_edge_inputs(data: bytes) -> None:
    assert_clean_outcome(data)
