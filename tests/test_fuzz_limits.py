"""Property-based checks of the resource limits and of extreme numbers (docs/security.md).

Part of the fuzz suite (`tests/test_fuzz_commands.py` holds the harness):

- **alias amplification**: random documents whose anchors repeat scalars and
  lists of aliases, nested; journey must refuse exactly those whose text with
  every alias expanded is over `--max-expanded-size` (the expected size is
  computed here from how the document was built, never by expanding it), and
  what it accepts must render with output bounded by that size;
- **extreme numbers**: any valid map, whatever its volume, value and
  conversions within their ranges (0 to 10^15, subnormal floats, many
  decimals), goes through every report, diff, summary and export.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from test_fuzz_commands import FEW, SETTINGS, check_output, journey

HUGE = str(10**12)  # a node limit out of the way: these properties are about bytes


@dataclass
class Amplified:
    """A YAML map built from anchored scalars, lists of aliases and stage names by alias."""

    lines: list[str] = field(default_factory=lambda: ["version: 1", "title: T"])
    size: int = len("version") + len("1") + len("title") + len("T")
    anchors: dict[str, int] = field(default_factory=dict)  # anchor -> expanded bytes

    def text(self) -> bytes:
        return ("\n".join(self.lines) + "\n").encode("utf-8")


@st.composite
def amplified(draw: st.DrawFn) -> Amplified:
    doc = Amplified()
    for i, text in enumerate(
        draw(
            st.lists(
                st.builds(
                    lambda unit, count: unit * count,
                    st.sampled_from(["x", "é", "€", "ab", "\U0001f680"]),
                    st.integers(1, 60_000),
                ),
                min_size=1,
                max_size=3,
            )
        )
    ):
        key = f"x-s{i}"
        doc.lines.append(f'{key}: &s{i} "{text}"')
        doc.size += len(key) + len(text.encode("utf-8"))
        doc.anchors[f"s{i}"] = len(text.encode("utf-8"))
    for j in range(draw(st.integers(0, 4))):
        names = draw(st.lists(st.sampled_from(sorted(doc.anchors)), min_size=1, max_size=12))
        key = f"x-l{j}"
        doc.lines.append(f"{key}: &l{j} [{', '.join('*' + n for n in names)}]")
        expanded = sum(doc.anchors[n] for n in names)
        doc.size += len(key) + expanded
        doc.anchors[f"l{j}"] = expanded
    scalars = sorted(n for n in doc.anchors if n.startswith("s"))
    doc.lines.append("stages:")
    doc.size += len("stages")
    for k in range(draw(st.integers(1, 40))):
        name = draw(st.sampled_from(scalars))
        doc.lines.append(f"  - {{id: s{k}, name: *{name}}}")
        doc.size += len("id") + len(f"s{k}") + len("name") + doc.anchors[name]
    return doc


@SETTINGS
@given(doc=amplified(), limit=st.integers(1_000, 3_000_000))
def test_alias_amplification_is_refused_exactly_past_the_limit(doc: Amplified, limit: int) -> None:
    result = journey(
        ["lint", "-", "--max-expanded-size", limit, "--max-nodes", HUGE, "--format", "json"],
        stdin=doc.text(),
    )
    codes = [p["code"] for p in json.loads(result.out)] if result.out.strip() else []
    refused = "E006" in codes and "bytes of text" in result.out
    assert refused == (doc.size > limit), (doc.size, limit, result.out[:300])
    if refused:
        assert len(result.out) < 10_000  # a refusal never prints the repeated text


@FEW
@given(
    doc=amplified(),
    limit=st.integers(1_000, 2_000_000),
    command=st.sampled_from(
        [
            ["report", "-f", "terminal"],
            ["report", "-f", "md"],
            ["report", "-f", "html"],
            ["report", "-f", "json"],
            ["export", "--to", "csv"],
            ["summary"],
        ]
    ),
)
def test_accepted_amplification_renders_within_bounds(
    doc: Amplified, limit: int, command: list[str]
) -> None:
    args = [command[0], "-", *command[1:], "--max-expanded-size", limit, "--max-nodes", HUGE]
    result = journey(args, stdin=doc.text())
    assert result.code in (0, 1)
    if doc.size > limit:
        assert result.code == 1 and "E006" in result.err
        assert len(result.err) + len(result.out) < 10_000
    elif result.code == 0:
        # Each name appears a bounded number of times in any output.
        assert len(result.out) < 12 * doc.size + 100_000


amounts = st.one_of(
    st.integers(0, 10**15),
    st.floats(0, 1e15, allow_nan=False, allow_infinity=False),
    st.sampled_from([0, 1, 10**15, 1e15, 5e-324, 1e-300, 0.1, 999_999_999_999_999.9]),
)
percents = st.one_of(
    st.integers(0, 100),
    st.floats(0, 100, allow_nan=False, allow_infinity=False),
    st.sampled_from([5e-324, 1e-300, 99.99999999999999, 100.0, 0.0]),
)
scores = st.none() | st.integers(0, 100)


@st.composite
def extreme_maps(draw: st.DrawFn) -> bytes:
    stages = []
    for index in range(draw(st.integers(1, 5))):
        stage: dict[str, Any] = {"id": f"s{index}", "name": f"Stage {index}"}
        for key in ("relevance", "presence"):
            value = draw(scores)
            if value is not None:
                stage[key] = value
        if draw(st.booleans()):
            stage["conversion"] = draw(percents)
        stage["touchpoints"] = [
            {"id": f"s{index}-t{t}", "name": "T", "experience": draw(st.integers(1, 5))}
            for t in range(draw(st.integers(0, 2)))
        ]
        stages.append(stage)
    metrics: dict[str, Any] = {"volume": draw(amounts)}
    if draw(st.booleans()):
        metrics["value"] = draw(amounts)
        metrics["currency"] = draw(st.sampled_from(["EUR", "USD", "JPY", "CHF", "XBT"]))
    data = {"version": 1, "title": "Extremes", "metrics": metrics, "stages": stages}
    return _as_yaml_flow(data).encode()


def _as_yaml_flow(data: Any) -> str:
    """JSON, except that floats are written as YAML 1.1 reads them (`5.0e-324`, not `5e-324`,
    which is text in YAML 1.1 and so E003)."""
    if isinstance(data, float):
        text = repr(data)
        mantissa, _, exponent = text.partition("e")
        return f"{mantissa}.0e{exponent}" if exponent and "." not in mantissa else text
    if isinstance(data, dict):
        return (
            "{" + ", ".join(f"{json.dumps(k)}: {_as_yaml_flow(v)}" for k, v in data.items()) + "}"
        )
    if isinstance(data, list):
        return "[" + ", ".join(_as_yaml_flow(v) for v in data) + "]"
    return json.dumps(data)


@SETTINGS
@given(
    data=extreme_maps(),
    command=st.sampled_from(
        [["report", "-f", fmt] for fmt in ("terminal", "md", "html", "json")]
        + [["report", "-f", "md", "--lang", "nl"], ["summary"]]
        + [["export", "--to", fmt] for fmt in ("csv", "json", "mermaid")]
    ),
)
def test_reports_never_crash_on_extreme_numbers(data: bytes, command: list[str]) -> None:
    assert journey(["lint", "-"], stdin=data).code == 0
    result = journey([command[0], "-", *command[1:]], stdin=data)
    assert result.code == 0, result.err
    fmt = command[2] if command[0] == "report" else None
    if fmt in ("json", "html"):
        check_output(fmt, result.out)


@FEW
@given(old=extreme_maps(), new=extreme_maps(), fmt=st.sampled_from(["text", "md", "json"]))
def test_diff_never_crashes_on_extreme_numbers(old: bytes, new: bytes, fmt: str) -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="journey-fuzz-") as name:
        path = Path(name) / "old.journey.yaml"
        path.write_bytes(old)
        result = journey(["diff", path, "-", "--format", fmt], stdin=new)
    assert result.code == 0, result.err
