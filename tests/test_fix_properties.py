"""Property: `journey fix` changes the fixed values and not one other byte; the result loads.

Each generated map is written twice from the same parts: once with the
mistakes (`broken`) and once as it should be after fixing (`expected`),
with random comments, blank lines, indentation, CRLF and a BOM around them.
Fixing `broken` must give exactly `expected`, byte for byte, which also
proves that nothing outside the fixed values moved; and fixing again must
change nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from journeycli.core.labels import DUTCH_LABELS
from journeycli.core.resolver import resolve_plain
from journeycli.core.validation import load_map
from journeycli.fix.run import fix_map

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_COMMENT_CHARS = st.characters(
    whitelist_categories=("L", "N", "P", "S", "Zs"), blacklist_characters="\x85\u2028\u2029"
)
comment_text = st.text(_COMMENT_CHARS, max_size=20)
# Words YAML reads as text (not `false`, `null` or a YAML 1.1 boolean).
word = (
    st.text("abcdefghijklmnopqrstuvwxyzëé ", min_size=1, max_size=12)
    .map(str.strip)
    .filter(lambda w: w != "" and resolve_plain(w) == w)
)
BOOLS = ["no", "No", "NO", "yes", "Yes", "on", "ON", "off", "Off"]
LABELS = {
    "horizon": ["now", "next"],
    "status": ["todo", "doing", "done", "dropped"],
    "effort": ["low", "medium", "high"],
    "kind": ["digital", "human", "physical"],
}


class _Text:
    """The broken and the expected text, built side by side."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.broken: list[str] = []
        self.expected: list[str] = []

    def line(self, indent: int, head: str, broken: str = "", fixed: str | None = None) -> None:
        tail = ""
        if self.draw(st.booleans()):
            tail = " " * self.draw(st.integers(1, 4)) + "# " + self.draw(comment_text)
        pad = " " * indent
        self.broken.append(pad + head + broken + tail)
        self.expected.append(pad + head + (broken if fixed is None else fixed) + tail)

    def noise(self, indent: int) -> None:
        for _ in range(self.draw(st.integers(0, 2))):
            comment = self.draw(st.booleans())
            text = " " * indent + "# " + self.draw(comment_text) if comment else ""
            self.broken.append(text)
            self.expected.append(text)


@st.composite
def maps(draw: st.DrawFn) -> tuple[bytes, bytes]:
    text = _Text(draw)
    step = draw(st.sampled_from([2, 4]))
    text.noise(0)
    text.line(0, "version: ", "1")
    text.line(0, "title: ", "Klantreis")
    text.line(0, "stages:")
    for s in range(draw(st.integers(1, 3))):
        text.noise(step)
        item, field = step, step + 2
        text.line(item, "- ", f"name: Fase {s}")
        if draw(st.booleans()):
            felt = draw(word)
            quote = draw(st.sampled_from(["", "'", '"']))
            written = f"{quote}{felt}{quote}"
            text.line(field, "feelings: ", written, f"[{written}]")
        if draw(st.booleans()):
            answer = draw(st.sampled_from(BOOLS))
            text.line(field, "customer_goal: ", answer, f"'{answer}'")
        if draw(st.booleans()):
            answer = draw(st.sampled_from(BOOLS))
            text.line(field, "pain_points: ", answer, f"['{answer}']")
        text.noise(field)
        if draw(st.booleans()):
            text.line(field, "touchpoints:")
            value = draw(st.sampled_from(LABELS["kind"]))
            text.line(field + 2, "- ", f"name: Contact {s}")
            text.line(field + 4, "kind: ", *_label(draw, value))
        if draw(st.booleans()):
            text.line(field, "actions:")
            for _ in range(draw(st.integers(1, 2))):
                text.line(field + 2, "- ", "action: Doe iets")
                for key in ("horizon", "status", "effort"):
                    if draw(st.booleans()):
                        value = draw(st.sampled_from(LABELS[key]))
                        text.line(field + 4, f"{key}: ", *_label(draw, value))
                text.noise(field + 4)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    bom = "\ufeff" if draw(st.booleans()) else ""
    end = newline if draw(st.booleans()) else ""

    def join(lines: list[str]) -> bytes:
        return (bom + newline.join(lines) + end).encode("utf-8")

    return join(text.broken), join(text.expected)


def _label(draw: st.DrawFn, value: str) -> tuple[str, str]:
    """(as written with a Dutch label, as fixed): same quotes, label -> value."""
    quote = draw(st.sampled_from(["", "'", '"']))
    dutch = DUTCH_LABELS[value]
    if draw(st.booleans()):
        dutch = dutch.upper()
    return f"{quote}{dutch}{quote}", f"{quote}{value}{quote}"


@pytest.mark.slow
@SETTINGS
@given(maps())
def test_fix_changes_only_the_fixed_values_and_the_result_loads(case: tuple[bytes, bytes]) -> None:
    broken, expected = case
    result = fix_map(broken, "m.journey.yaml")
    assert result.after == expected
    validated = load_map(result.after, "m.journey.yaml")
    assert validated.model is not None, validated.problems
    assert not result.errors
    again = fix_map(result.after, "m.journey.yaml")
    assert again.after == result.after
    assert not again.fixes


_COMMENTED = (DATA / "fix" / "commented.journey.yaml").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fix_of_any_damaged_map_never_crashes_and_keeps_it_loadable(data: st.DataObject) -> None:
    """Random bytes spliced into a real map: fix never raises, and what loaded still loads."""
    at = data.draw(st.integers(0, len(_COMMENTED)))
    junk = data.draw(
        st.binary(max_size=12) | st.sampled_from([b"nu", b"no", b": ", b"\n- ", b"&a", b"*a"])
    )
    raw = _COMMENTED[:at] + junk + _COMMENTED[at + data.draw(st.integers(0, 8)) :]
    result = fix_map(raw, "m.journey.yaml")
    if result.changed:
        assert load_map(raw, "m.journey.yaml").document.data is not None
        assert load_map(result.after, "m.journey.yaml").document.data is not None
        assert len(result.after.splitlines()) <= len(raw.splitlines())  # no line added
