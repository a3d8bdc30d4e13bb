"""The Analysis of two hand-computed maps, figure by figure (docs/format.md).

tests/data/engine-ties.journey.yaml (volume 1000, value 50):

    stage  rel pres gap  conv  reach  lost  at stake  evidence          plan
    s1     80  50   30   50    1000   500    2500     analytics         yes
    s2     70  40   30   40     500   300    3750     assumption only   no opportunity
    s3     80  50   30   25     200   150    7500     none              actions all closed
    s4     20  60  -40   -       50   null  null      untyped source    (funnel stops here)
    s5     50  -    -    90     null  null  null      none              unscored
    s6     30  40  -10   10     null  null  null      assumption+survey

    value at stake = lost x (conversions of the later stages up to the stop) x value:
    s1 500 x .40 x .25 x 50 = 2500; s2 300 x .25 x 50 = 3750; s3 150 x 50 = 7500.
    completed = reach of s4 (the stop) = 50, worth 50 x 50 = 2500.

    rank (gap desc, relevance desc, map order): s1, s3, s2, s6, s4; unscored s5
    alpha overrides s1 presence -> 80 (gap 0): s3, s2, s1, s6, s4
    beta overrides s5 presence -> 20 (gap 30, rel 50): s1, s3, s2, s5, s6, s4

tests/data/engine-plain.journey.yaml (volume 200, no value, no personas):

    stage  rel pres gap  conv  reach  lost
    b1     90  10   80   12.5  200    175
    b2     40  40    0   100    25      0
    b3     -   -    -    50     25     12.5
    b4    100   0  100   30     12.5    8.75
    b5     80  50   30   -       3.75  null
"""

from __future__ import annotations

import pytest

from conftest import DATA
from journeycli.core.analysis import Analysis, analyse
from journeycli.core.combined import combine
from journeycli.core.errors import UsageError
from journeycli.core.model import Horizon, JourneyMap
from journeycli.core.scoring import Confidence, funnel
from journeycli.core.validation import load_map


def load(name: str) -> JourneyMap:
    path = DATA / name
    validated = load_map(path.read_bytes(), str(path))
    assert validated.model is not None, validated.problems
    return validated.model


TIES = "engine-ties.journey.yaml"
PLAIN = "engine-plain.journey.yaml"


@pytest.fixture(scope="module")
def ties() -> Analysis:
    return analyse(load(TIES), path="ties")


@pytest.fixture(scope="module")
def plain() -> Analysis:
    return analyse(load(PLAIN), path="plain")


def by_id(analysis: Analysis) -> dict[str, object]:
    return {s.id: s for s in analysis.stages}


def test_ranking_breaks_ties_by_relevance_then_map_order(ties: Analysis) -> None:
    assert [(s.id, s.rank, s.gap) for s in ties.ranked] == [
        ("s1", 1, 30),
        ("s3", 2, 30),
        ("s2", 3, 30),
        ("s6", 4, -10),
        ("s4", 5, -40),
    ]
    assert [s.id for s in ties.unscored] == ["s5"]
    assert ties.stages[4].rank is None and ties.stages[4].gap is None
    assert [s.id for s in ties.stages] == ["s1", "s2", "s3", "s4", "s5", "s6"]


def test_scores_and_negative_gaps(ties: Analysis) -> None:
    expected = {
        "s1": (80, 50, 30),
        "s2": (70, 40, 30),
        "s3": (80, 50, 30),
        "s4": (20, 60, -40),
        "s5": (50, None, None),
        "s6": (30, 40, -10),
    }
    assert {s.id: (s.relevance, s.presence, s.gap) for s in ties.stages} == expected
    assert not any(s.overridden for s in ties.stages)


def test_confidence(ties: Analysis) -> None:
    assert {s.id: s.confidence for s in ties.stages} == {
        "s1": Confidence.MEASURED,  # analytics
        "s2": Confidence.ASSUMED,  # only an assumption
        "s3": Confidence.ASSUMED,  # no evidence
        "s4": Confidence.MEASURED,  # a source without a type is still a source
        "s5": Confidence.ASSUMED,
        "s6": Confidence.MEASURED,  # an assumption and a survey
    }


def test_funnel_stops_at_a_stage_without_conversion(ties: Analysis) -> None:
    assert [(s.id, s.reach, s.lost, s.value_at_stake) for s in ties.stages] == [
        ("s1", 1000, 500, 2500),
        ("s2", 500, 300, 3750),
        ("s3", 200, 150, 7500),
        ("s4", 50, None, None),  # no conversion: keeps its reach, stops the funnel
        ("s5", None, None, None),
        ("s6", None, None, None),
    ]
    assert all(isinstance(s.reach, int) for s in ties.stages[:4])  # whole numbers stay ints
    assert ties.has_funnel
    assert ties.funnel is not None
    assert (ties.funnel.completed, ties.funnel.completed_value) == (50, 2500)


def test_funnel_with_fractions_and_without_value(plain: Analysis) -> None:
    assert [(s.id, s.conversion, s.reach, s.lost, s.value_at_stake) for s in plain.stages] == [
        ("b1", 12.5, 200, 175, None),
        ("b2", 100, 25, 0, None),
        ("b3", 50, 25, 12.5, None),  # unscored stages still carry customers
        ("b4", 30, 12.5, 8.75, None),
        ("b5", None, 3.75, None, None),
    ]


def test_no_funnel_without_volume() -> None:
    journey = load(PLAIN)
    no_metrics = journey.model_copy(update={"metrics": None})
    assert all(step.reach is None and step.lost is None for step in funnel(no_metrics))
    analysis = analyse(no_metrics)
    assert not analysis.has_funnel
    assert all(s.reach is None for s in analysis.stages)


def test_persona_override_of_one_score_keeps_the_other() -> None:
    alpha = analyse(load(TIES), persona="alpha")
    s1 = alpha.stages[0]
    assert (s1.relevance, s1.presence, s1.gap, s1.overridden) == (80, 80, 0, True)
    assert [(s.id, s.rank, s.gap) for s in alpha.ranked] == [
        ("s3", 1, 30),
        ("s2", 2, 30),
        ("s1", 3, 0),
        ("s6", 4, -10),
        ("s4", 5, -40),
    ]
    assert alpha.persona is not None and alpha.persona.name == "Alpha"


def test_persona_override_can_score_an_unscored_stage() -> None:
    beta = analyse(load(TIES), persona="beta")
    s5 = beta.stages[4]
    assert (s5.relevance, s5.presence, s5.gap, s5.rank, s5.overridden) == (50, 20, 30, 4, True)
    assert [s.id for s in beta.ranked] == ["s1", "s3", "s2", "s5", "s6", "s4"]
    assert beta.unscored == ()
    assert [s.id for s in beta.gaps_without_plan] == ["s3", "s2", "s5"]


def test_unknown_persona_is_a_usage_error_naming_the_known_ids() -> None:
    with pytest.raises(UsageError) as caught:
        analyse(load(TIES), path="ties.journey.yaml", persona="gamma")
    assert "gamma" in str(caught.value)
    assert "alpha, beta" in str(caught.value)
    with pytest.raises(UsageError, match="defines no personas"):
        analyse(load(PLAIN), persona="alpha")


def test_breaking_moments_worst_first_then_map_order(ties: Analysis) -> None:
    assert [(m.touchpoint.id, m.stage.id, m.experience) for m in ties.breaking_moments] == [
        ("call", "s2", 1),
        ("login", "s1", 2),
        ("shop", "s4", 2),
    ]
    addressed = {m.touchpoint.id: [a.action for a in m.actions] for m in ties.breaking_moments}
    assert addressed == {"call": [], "login": ["Fix login"], "shop": ["Shop revamp"]}


def test_breaking_moments_for_a_persona_count_only_what_it_meets() -> None:
    journey = load(TIES)
    assert [m.touchpoint.id for m in analyse(journey, persona="alpha").breaking_moments] == [
        "call",
        "login",
    ]
    assert [m.touchpoint.id for m in analyse(journey, persona="beta").breaking_moments] == [
        "call",
        "shop",
    ]


def test_gaps_without_plan_in_rank_order(ties: Analysis, plain: Analysis) -> None:
    # s1 has an opportunity and open actions; s3's actions are done/dropped; s2 has nothing
    assert [s.id for s in ties.gaps_without_plan] == ["s3", "s2"]
    assert {s.id: s.has_plan for s in ties.stages}["s1"] is True
    assert [s.id for s in plain.gaps_without_plan] == ["b4", "b5"]
    strict = analyse(load(PLAIN), gap_threshold=31)
    assert [s.id for s in strict.gaps_without_plan] == ["b4"]
    lenient = analyse(load(TIES), gap_threshold=0)  # s6/s4 are negative, s1 has a plan
    assert [s.id for s in lenient.gaps_without_plan] == ["s3", "s2"]


def test_focus_takes_the_top_positive_gaps(ties: Analysis, plain: Analysis) -> None:
    assert [s.id for s in ties.focus] == ["s1", "s3", "s2"]
    assert [s.id for s in analyse(load(TIES), top=1).focus] == ["s1"]
    assert analyse(load(TIES), top=0).focus == ()
    assert [s.id for s in analyse(load(TIES), persona="alpha").focus] == ["s3", "s2"]
    assert [s.id for s in plain.focus] == ["b4", "b1", "b5"]  # b2 has gap 0


def test_open_actions_grouped_by_channel_none_last(ties: Analysis) -> None:
    s1 = ties.stages[0]
    groups = [(g.channel, [a.action for a in g.actions]) for g in s1.channels]
    assert groups == [
        ("web", ["Fix login", "Web two"]),
        ("email", ["Later thing"]),
        (None, ["Unchanneled"]),
    ]
    assert ties.stages[2].open_actions == ()  # done and dropped are not open


def test_roadmap_by_horizon_in_rank_order_unscored_last(ties: Analysis) -> None:
    def names(items: tuple[object, ...]) -> list[tuple[str, str]]:
        return [(i.stage.id, i.action.action) for i in items]  # type: ignore[attr-defined]

    assert names(ties.roadmap.now) == [("s1", "Fix login"), ("s5", "Score five")]
    assert names(ties.roadmap.next) == [
        ("s1", "Web two"),
        ("s1", "Unchanneled"),
        ("s6", "Six action"),
        ("s4", "Shop revamp"),
    ]
    assert names(ties.roadmap.later) == [("s1", "Later thing")]
    assert [h for h, _ in ties.roadmap.by_horizon()] == [Horizon.NOW, Horizon.NEXT, Horizon.LATER]


def test_mean_experience_per_stage_for_the_persona(ties: Analysis, plain: Analysis) -> None:
    assert [s.experience_mean for s in plain.stages] == [4.5, None, None, None, None]
    assert ties.stages[0].experience_mean == 2.0
    assert ties.stages[5].experience_mean == 1.0
    beta = analyse(load(TIES), persona="beta")
    assert beta.stages[0].experience_mean is None  # Login is for alpha only
    assert beta.stages[0].touchpoints == ()


def test_combined_ranking_across_maps_keeps_the_tie_breaks() -> None:
    ties, plain = analyse(load(TIES)), analyse(load(PLAIN))
    report = combine([ties, plain])
    assert [(e.rank, e.stage.id, e.stage.gap) for e in report.combined] == [
        (1, "b4", 100),
        (2, "b1", 80),
        (3, "s1", 30),
        (4, "s3", 30),
        (5, "b5", 30),
        (6, "s2", 30),
        (7, "b2", 0),
        (8, "s6", -10),
        (9, "s4", -40),
    ]
    swapped = combine([plain, ties])
    assert [e.stage.id for e in swapped.combined][:6] == ["b4", "b1", "b5", "s1", "s3", "s2"]
    assert combine([ties]).combined == ()
    assert combine([ties]).single


def test_analysis_is_frozen(ties: Analysis) -> None:
    with pytest.raises(AttributeError):
        ties.top = 5  # type: ignore[misc]
