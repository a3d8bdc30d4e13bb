"""Round trips (Hypothesis): map -> Mermaid -> map and map -> CSV -> map keep what they carry.

Mermaid carries stages, touchpoint names, experience and the personas who
meet each touchpoint (by name); CSV carries every one of its columns.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import example_maps
from journeycli.core.checks import check_map
from journeycli.core.guards import UNSAFE_CHARACTER
from journeycli.core.model import JourneyMap, Kind
from journeycli.core.validation import load_map
from journeycli.interop.jsonio import to_json
from journeycli.interop.mermaid import from_mermaid, to_mermaid
from journeycli.interop.mermaid_syntax import SUBSTITUTES, ZWSP, fold
from journeycli.interop.run import import_map
from journeycli.interop.table import TOUCHPOINT_COLUMNS, from_csv, to_csv

# Hundreds of drawn maps per test: the full suite's job, not the quick loop's.
pytestmark = pytest.mark.slow

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# Any text a map may hold (no surrogates, none of the control and bidi characters that
# journeycli.core.guards refuses); the look-alikes the Mermaid export uses are turned back on
# import (documented), and a leading zero-width space is dropped, so those are left out here.
_REFUSED = "".join(c for c in map(chr, range(0x2070)) if UNSAFE_CHARACTER.match(c))
_chars = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters="".join(SUBSTITUTES.values()) + "\ue000\ue001" + _REFUSED,
)
text = st.text(_chars, min_size=1, max_size=30)
mermaid_name = text.filter(lambda s: fold(s) != "" and not fold(s).startswith(ZWSP))
slug = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6), min_size=1, max_size=3
).map("-".join)


@st.composite
def mermaid_maps(draw: st.DrawFn) -> JourneyMap:
    persona_names = draw(
        st.lists(
            mermaid_name.filter(lambda s: fold(s) not in ("Customer", "Klant")),
            max_size=4,
            unique_by=fold,
        )
    )
    ids = [f"p{i}" for i in range(len(persona_names))]
    stages = []
    for i in range(draw(st.integers(1, 4))):
        touchpoints = []
        for j in range(draw(st.integers(0, 4))):
            touchpoints.append(
                {
                    "id": f"s{i}-t{j}",
                    "name": draw(mermaid_name),
                    "experience": draw(st.none() | st.integers(1, 5)),
                    "personas": draw(st.lists(st.sampled_from(ids), unique=True)) if ids else [],
                }
            )
        stages.append({"id": f"s{i}", "name": draw(mermaid_name), "touchpoints": touchpoints})
    return JourneyMap.model_validate(
        {
            "version": 1,
            "title": draw(mermaid_name),
            "language": draw(st.sampled_from(["en", "nl"])),
            "personas": [{"id": pid, "name": n} for pid, n in zip(ids, persona_names, strict=True)],
            "stages": stages,
        }
    )


def met_by(journey: JourneyMap) -> list[set[str]]:
    """Per touchpoint, the folded names of the personas who meet it."""
    names = {p.id: fold(p.name) for p in journey.personas}
    return [{names[i] for i in (tp.personas or list(names))} for _, tp in journey.touchpoints()]


@SETTINGS
@given(journey=mermaid_maps(), fence=st.booleans())
def test_map_to_mermaid_to_map_keeps_stages_names_experience_and_personas(
    journey: JourneyMap, fence: bool
) -> None:
    back = from_mermaid(to_mermaid(journey, fence=fence), source="rt.mmd")
    assert back.title == fold(journey.title)
    assert [s.name for s in back.stages] == [fold(s.name) for s in journey.stages]
    assert [[t.name for t in s.touchpoints] for s in back.stages] == [
        [fold(t.name) for t in s.touchpoints] for s in journey.stages
    ]
    assert [t.experience for _, t in back.touchpoints()] == [
        t.experience or 3 for _, t in journey.touchpoints()
    ]
    assert met_by(back) == met_by(journey)
    used = set().union(*met_by(journey)) if journey.touchpoints() else set()
    assert {p.name for p in back.personas} == used

    yaml_text = import_map(to_mermaid(journey).encode("utf-8"), "rt.mmd", "mermaid")
    validated = load_map(yaml_text.encode("utf-8"), "rt.journey.yaml")
    assert not [p for p in check_map(validated) if p.is_error]
    assert validated.model == back


@SETTINGS
@given(journey=mermaid_maps())
def test_mermaid_text_is_a_fixed_point_after_one_round_trip(journey: JourneyMap) -> None:
    """Import orders personas by first appearance; from then on the text does not change."""
    twice = to_mermaid(from_mermaid(to_mermaid(journey)))
    assert to_mermaid(from_mermaid(twice)) == twice


clean_text = text.map(str.strip).filter(bool)
optional_text = st.none() | clean_text


@st.composite
def csv_maps(draw: st.DrawFn) -> JourneyMap:
    persona_ids = draw(st.lists(slug, max_size=3, unique=True))
    stage_ids = draw(st.lists(slug, min_size=1, max_size=4, unique=True))
    percent = st.none() | st.integers(0, 100) | st.floats(0, 100, allow_nan=False)
    stages = []
    for stage_id in stage_ids:
        touchpoints = [
            {
                "id": f"{stage_id}-t{j}",
                "name": draw(clean_text),
                "channel": draw(optional_text),
                "kind": draw(st.none() | st.sampled_from(list(Kind))),
                "personas": draw(st.lists(st.sampled_from(persona_ids), unique=True))
                if persona_ids
                else [],
                "critical": draw(st.booleans()),
                "experience": draw(st.none() | st.integers(1, 5)),
                "owner": draw(optional_text),
            }
            for j in range(draw(st.integers(0, 3)))
        ]
        stages.append(
            {
                "id": stage_id,
                "name": draw(clean_text),
                "relevance": draw(st.none() | st.integers(0, 100)),
                "presence": draw(st.none() | st.integers(0, 100)),
                "conversion": draw(percent),
                "touchpoints": touchpoints,
            }
        )
    return JourneyMap.model_validate(
        {
            "version": 1,
            "title": "T",
            "personas": [{"id": p, "name": p} for p in persona_ids],
            "stages": stages,
        }
    )


def csv_fields(journey: JourneyMap) -> list[dict[str, Any]]:
    out = []
    for stage in journey.stages:
        base = {
            "stage_id": stage.id,
            "stage_name": stage.name,
            "relevance": stage.relevance,
            "presence": stage.presence,
            "conversion": stage.conversion,
        }
        out.extend(
            {
                **base,
                **{
                    c: getattr(
                        tp, "name" if c == "touchpoint" else "id" if c == "touchpoint_id" else c
                    )
                    for c in TOUCHPOINT_COLUMNS
                },
            }
            for tp in stage.touchpoints
        )
        if not stage.touchpoints:
            out.append(base)
    return out


@SETTINGS
@given(journey=csv_maps())
def test_map_to_csv_to_map_keeps_every_csv_field(journey: JourneyMap) -> None:
    text = to_csv(journey)
    back = from_csv(text, source="rt.csv", title="T")
    assert csv_fields(back) == csv_fields(journey), text
    assert to_csv(back) == text


@SETTINGS
@given(
    journey=csv_maps(),
    delimiter=st.sampled_from([";", "\t"]),
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_csv_round_trip_holds_in_spreadsheet_dialects(
    journey: JourneyMap, delimiter: str, bom: bool, crlf: bool
) -> None:
    """What a spreadsheet re-saves (other separator, BOM, CRLF) reads back the same."""
    import csv
    import io

    lines = []
    for record in csv.reader(io.StringIO(to_csv(journey), newline="")):
        out = io.StringIO()  # a spreadsheet quotes every cell with a line break in it
        csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerow(record)
        lines.append(out.getvalue() if crlf else out.getvalue()[:-2] + "\n")
    back = from_csv(("\ufeff" if bom else "") + "".join(lines))
    assert csv_fields(back) == csv_fields(journey)


def test_json_export_of_every_example_is_the_map_and_lints_clean() -> None:
    for path in example_maps():
        journey = load_map(path.read_bytes(), path.name).model
        assert journey is not None
        text = to_json(journey)
        validated = load_map(text.encode("utf-8"), path.name + ".json")
        assert not [p for p in check_map(validated) if p.is_error]
        assert validated.model == journey
        assert text == to_json(journey)  # deterministic
