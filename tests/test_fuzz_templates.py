"""Random `--template` programs against the sandbox (issue 15: the fuzz suite, with templates).

The strategy builds templates from the pieces an attacker combines: large
literals and the map's data, the operators that grow values (`~`, `+`, `*`,
`**`, `%`), the filters and methods that can multiply text, loops that carry
a value through a `namespace`, recursive macros, `set` blocks, and calls that
must be refused. Every run must end in exit 0 or 1 with a message naming the
template, never a traceback or an internal error, and within the limits of
docs/security.md: output no longer than `MAX_OUTPUT`, and the process never
growing by more than the memory budget (measured as its peak RSS).
"""

from __future__ import annotations

import resource
import signal
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES
from journeycli.report.sandbox_limits import MAX_MEMORY, MAX_OUTPUT
from test_fuzz_commands import SETTINGS, journey, workdir

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")

MAP = EXAMPLES / "meal-kit.journey.yaml"
NUMBERS = st.sampled_from(["0", "1", "2", "3", "64", "1000", "10**6", "10**9", "-1", "2**62"])
COUNTS = st.sampled_from(["0", "1", "3", "20", "64", "1000"])  # nested: 10**6 steps at most
LEAVES = st.sampled_from(
    [
        "'x'",
        "'ab'",
        "'%s%s'",
        "'{0}{0}'",
        "'\\n'",
        "('x' * 999999)",
        "title",
        "stages",
        "stages[0]",
        "stages[0].name",
        "map",
        "map.stages",
        "map.metrics",
        "roadmap",
        "range(10)",
        "range(100000)",
        "[1, 2, 3]",
        "{'k': 'v'}",
        "lang",
        "ns.v",
    ]
)
UNARY = st.sampled_from(
    [
        "({}) ~ ({})",
        "({}) + ({})",
        "({}) * {n}",
        "{n} * ({})",
        "({}) ** {n}",
        "({}) % ({})",
        "[{}, {}]",
        "({})|join",
        "({})|join({})",
        "({})|tojson",
        "({})|string",
        "({})|list",
        "({})|e",
        "({})|center({n})",
        "({})|indent({n})",
        "({})|wordwrap({n})",
        "({})|truncate({n})",
        "({})|replace('x', {})",
        "({})|format({}, {})",
        "({})|slice({n})",
        "({})|batch({n})",
        "({})|sum",
        "({})|sort",
        "({})|unique|list",
        "({})|reverse",
        "({})|length",
        "({})|first",
        "({})|map('string')|list",
        "({}).upper()",
        "({}).split()",
        "({}).format({})",
        "({}).ljust({n})",
        "({}).replace('x', {})",
        "({}).items()",
        "({}).encode()",
        "({}).__class__",
        "({}).append({})",
        "dict(a={})",
        "cycler({}).next()",
        "range({n})",
    ]
)


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    if depth >= 3 or draw(st.integers(0, 3)) == 0:
        return draw(LEAVES)
    shape = draw(UNARY)
    parts = [draw(expressions(depth + 1)) for _ in range(shape.count("{}"))]
    return shape.replace("{n}", draw(NUMBERS)).format(*parts)


@st.composite
def templates(draw: st.DrawFn) -> str:
    first = draw(expressions()).replace("ns.v", "title")
    pieces = ["{% set ns = namespace(v=" + first + ") %}"]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(["print", "loop", "nested", "macro", "block", "recursive", "text"])
        )
        expr = draw(expressions())
        count = draw(COUNTS)
        if kind == "loop":
            count = draw(st.sampled_from([count, "100000"]))
        if kind == "print":
            pieces.append("{{ " + expr + " }}")
        elif kind == "loop":
            pieces.append(
                f"{{% for i in range({count}) %}}{{% set ns.v = {expr} %}}{{% endfor %}}"
                "{{ ns.v|length if ns.v is sequence else ns.v }}"
            )
        elif kind == "nested":
            pieces.append(
                f"{{% for i in range({count}) %}}{{% for j in range({count}) %}}"
                f"{{{{ {expr} if j == 0 else '' }}}}{{% endfor %}}{{% endfor %}}"
            )
        elif kind == "macro":
            pieces.append(
                "{% macro m(v, n) %}{{ m(" + expr.replace("ns.v", "v") + ", n - 1) "
                "if n > 0 else v|length }}{% endmacro %}{{ m(ns.v, " + count + ") }}"
            )
        elif kind == "block":
            pieces.append(
                f"{{% set b %}}{{% for i in range({count}) %}}{{{{ {expr} }}}}{{% endfor %}}"
                "{% endset %}{{ b|length }}"
            )
        elif kind == "recursive":
            pieces.append(
                "{% for x in [[1, [2, [3]]]] * 3 recursive %}"
                "{{ loop(x) if x is iterable else x }}{% endfor %}"
            )
        else:  # mostly text; now and then a syntax error
            pieces.append(draw(st.sampled_from(["\n", "text ", "{# c #}", "\n", "text", "{{"])))
    return "".join(pieces)


def _peak_rss() -> int:
    """The process's peak resident memory in bytes (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@SETTINGS
@given(source=templates(), suffix=st.sampled_from([".md", ".html"]))
def test_random_templates_stay_within_the_limits(source: str, suffix: str) -> None:
    before = _peak_rss()
    with workdir() as directory:
        template = directory / f"t{suffix}"
        template.write_text(source, encoding="utf-8")
        result = journey(["report", MAP, "--template", template])
    assert result.code in (0, 1), result.err
    if result.code == 0:
        assert len(result.out) <= MAX_OUTPUT
    else:
        assert result.err.startswith(f"journey: error: {template}"), result.err
        assert len(result.err.strip().splitlines()) == 1
    assert _peak_rss() - before <= MAX_MEMORY + 256 * 1024 * 1024, "over the memory budget"
