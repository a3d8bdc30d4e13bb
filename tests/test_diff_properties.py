"""Properties of the pure comparison: identity, symmetry, and agreement with the engine."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeycli.core import scoring
from journeycli.core.model import JourneyMap
from journeycli.diff.compare import diff_maps
from journeycli.diff.gate import regressions
from journeycli.diff.sources import parse_map
from test_diff import BASE

TEXT = BASE.read_text(encoding="utf-8")
ORIGINAL = parse_map(TEXT.encode(), "base")
score = st.integers(min_value=0, max_value=100)


def rescored(relevances: list[int], presences: list[int], experience: int) -> JourneyMap:
    data = ORIGINAL.model_dump()
    for stage, relevance, presence in zip(data["stages"], relevances, presences, strict=True):
        stage["relevance"], stage["presence"] = relevance, presence
    data["stages"][1]["touchpoints"][0]["experience"] = experience
    return JourneyMap.model_validate(data)


maps = st.builds(
    rescored,
    st.lists(score, min_size=3, max_size=3),
    st.lists(score, min_size=3, max_size=3),
    st.integers(min_value=1, max_value=5),
)


@settings(max_examples=60, deadline=None)
@given(maps)
def test_a_map_has_no_changes_against_itself(journey: JourneyMap) -> None:
    changes = diff_maps(journey, journey)
    assert not changes.changed
    assert all(not found for found in regressions(changes).values())


@settings(max_examples=60, deadline=None)
@given(maps, maps)
def test_gaps_and_ranks_agree_with_the_engine_and_reverse(old: JourneyMap, new: JourneyMap) -> None:
    changes = diff_maps(old, new)
    reverse = diff_maps(new, old)
    for scores in changes.scores:
        stage_old = next(s for s in old.stages if s.id == scores.id)
        stage_new = next(s for s in new.stages if s.id == scores.id)
        assert scores["gap"].old == scoring.gap(stage_old)
        assert scores["gap"].new == scoring.gap(stage_new)
    assert changes.ranking_new == tuple(s.id for _, s, _ in scoring.ranked_stages(new))
    assert {m.stage for m in changes.rank_moves} == {m.stage for m in reverse.rank_moves}
    assert changes.breaking_introduced == reverse.breaking_resolved
    gap_up = {r.id for r in regressions(changes)["gap-increase"]}
    assert gap_up == {
        s.id
        for s, t in zip(old.stages, new.stages, strict=True)
        if (scoring.gap(t) or 0) > (scoring.gap(s) or 0)
    }
