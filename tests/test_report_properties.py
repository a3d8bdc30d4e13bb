"""Properties of the analysis and the renderers over generated maps (Hypothesis, bounded)."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from journeycli.core.analysis import analyse
from journeycli.core.combined import combine
from journeycli.core.model import JourneyMap, Language
from journeycli.report.formats import json as json_renderer
from journeycli.report.formats import markdown, terminal

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda s: s.strip() != "")
score = st.one_of(st.none(), st.integers(0, 100))
stage = st.fixed_dictionaries(
    {"name": text},
    optional={
        "relevance": score,
        "presence": score,
        "conversion": st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100)),
        "opportunities": st.lists(text, max_size=2),
        "evidence": st.lists(
            st.fixed_dictionaries(
                {"source": text, "type": st.sampled_from(["analytics", "assumption"])}
            ),
            max_size=2,
        ),
        "touchpoints": st.lists(
            st.fixed_dictionaries(
                {"name": text, "critical": st.booleans(), "experience": st.integers(1, 5)},
                optional={"channel": text},
            ),
            max_size=2,
        ),
        "actions": st.lists(
            st.fixed_dictionaries(
                {"action": text},
                optional={
                    "channel": text,
                    "owner": text,
                    "horizon": st.sampled_from(["now", "next", "later"]),
                    "status": st.sampled_from(["todo", "doing", "done", "dropped"]),
                },
            ),
            max_size=3,
        ),
    },
)


def unique_ids(stages: list[dict[str, object]]) -> list[dict[str, object]]:
    """Give every stage and touchpoint an explicit unique id (names may slug alike)."""
    for si, item in enumerate(stages):
        item["id"] = f"s{si}"
        for ti, tp in enumerate(item.get("touchpoints", [])):  # type: ignore[arg-type]
            tp["id"] = f"t{si}-{ti}"
    return stages


maps = st.builds(
    lambda title, stages, volume, value, lang: {
        "version": 1,
        "title": title,
        "language": lang,
        "stages": unique_ids(stages),
        "metrics": {"volume": volume, "value": value},
    },
    text,
    st.lists(stage, min_size=1, max_size=6),
    st.one_of(st.none(), st.integers(0, 10**6)),
    st.one_of(st.none(), st.floats(0, 10**4)),
    st.sampled_from(["en", "nl"]),
)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=maps, top=st.integers(0, 5), threshold=st.integers(0, 100))
def test_any_map_renders_in_every_format(data: dict[str, object], top: int, threshold: int) -> None:
    journey = JourneyMap.model_validate(data)
    analysis = analyse(journey, path="gen", top=top, gap_threshold=threshold)
    report = combine([analysis])
    gaps = [s.gap for s in analysis.ranked]
    assert gaps == sorted(gaps, reverse=True)  # type: ignore[type-var]
    assert len(analysis.ranked) + len(analysis.unscored) == len(journey.stages)
    assert len(analysis.focus) <= top
    for lang in Language:
        first = markdown.render(report, lang)
        assert first == markdown.render(report, lang)  # deterministic
        assert first.endswith("\n") and "\n\n\n" not in first
        assert "\x1b" not in terminal.render(report, lang)
    rendered = json_renderer.render(report, Language.EN)
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(rendered))
    two = combine([analysis, analysis])
    assert len(two.combined) == 2 * len(analysis.ranked)
