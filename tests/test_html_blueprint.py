"""The HTML map shows the service blueprint, KPIs, tone, the impact/effort matrix and targets.

Structure without a browser (the Nu checker and Chromium run in
test_html_browser.py): which rows appear, that the line of visibility sits
between what the customer sees and what happens behind the scenes, that a KPI
worse than its target says so in words, and that `--target` adds marks.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import EXAMPLES

ENERGIE = EXAMPLES / "energie-overstappen.journey.yaml"
FUTURE = EXAMPLES / "energie-overstappen-2027.journey.yaml"
HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"


def html(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli(["report", *map(str, args), "--format", "html"])
    assert result.code == 0, result.err
    return str(result.out)


def rows(page: str) -> list[str]:
    """The classes of the grid rows, in order."""
    return re.findall(r'<tr class="(row-[a-z-]+)"', page)


def test_lanes_are_rows_under_the_touchpoints_with_the_line_of_visibility(cli) -> None:  # type: ignore[no-untyped-def]
    order = rows(html(cli, ENERGIE))
    at = order.index("row-touchpoints")
    assert order[at + 1 : at + 7] == [
        "row-customer-actions",
        "row-frontstage",
        "row-visibility",
        "row-backstage",
        "row-support",
        "row-systems",
    ]


def test_the_line_of_visibility_is_labelled_in_words(cli) -> None:  # type: ignore[no-untyped-def]
    page = html(cli, ENERGIE)
    assert "Zichtlijn" in page
    assert "Boven de lijn ziet de klant het, eronder niet." in page
    english = html(cli, ENERGIE, "--lang", "en")
    assert "Line of visibility" in english


def test_a_lane_row_only_when_some_stage_fills_it(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "one-lane.journey.yaml"
    path.write_text(
        "version: 1\ntitle: One lane\nstages:\n  - name: A\n    backstage: [Check the bill]\n"
        "  - name: B\n",
        encoding="utf-8",
    )
    order = rows(html(cli, path))
    assert "row-backstage" in order and "row-visibility" in order
    for absent in ("row-customer-actions", "row-frontstage", "row-support", "row-systems"):
        assert absent not in order
    # a map without lanes has no blueprint rows at all (and no line of visibility)
    plain = rows(html(cli, HYPOTHEEK))
    assert not {"row-visibility", "row-backstage", "row-kpis", "row-tone"} & set(plain)


def test_kpis_show_value_against_target_and_mark_the_worse_ones_in_words(cli) -> None:  # type: ignore[no-untyped-def]
    page = html(cli, ENERGIE)
    assert "row-kpis" in rows(page)
    kpis = re.findall(r'<li class="kpi( is-worse)?">(.*?)</li>', page, re.S)
    assert len(kpis) == 9  # 1 + 2 + 2 + 1 + 2 + 1 in the six stages
    worse = [body for flag, body in kpis if flag]
    assert len(worse) == 7
    for body in worse:
        assert "slechter dan doel" in body  # not only a colour
    nps = next(body for _, body in kpis if "NPS na de jaarafrekening" in body)
    assert "-18" in nps and "doel 10" in nps
    ces = next(body for _, body in kpis if "Klantinspanning" in body)
    assert "4,6" in ces and "lager is beter" in ces


def test_tone_is_a_row(cli) -> None:  # type: ignore[no-untyped-def]
    page = html(cli, ENERGIE)
    assert "row-tone" in rows(page)
    assert "Nuchter en zonder verkooppraat" in page


def test_the_impact_effort_matrix_places_each_rated_opportunity_once(cli) -> None:  # type: ignore[no-untyped-def]
    page = html(cli, ENERGIE, "--lang", "en")
    matrix = page[
        page.index('<table class="matrix"') : page.index(
            "</table>", page.index('<table class="matrix"')
        )
    ]
    cells = re.findall(r'<td class="cell impact-(\w+) effort-(\w+)[^"]*">(.*?)</td>', matrix, re.S)
    assert len(cells) == 9
    placed = {(i, e): re.findall(r'<li class="matrix-item"', body) for i, e, body in cells}
    assert sum(len(v) for v in placed.values()) == 8  # the eight opportunities with both
    high_low = next(body for i, e, body in cells if (i, e) == ("high", "low"))
    assert "Het verwachte jaarbedrag inclusief terugleverkosten" in high_low
    assert "Terugleverkosten in het maandbedrag" in high_low  # its linked action
    assert "Quick wins" in matrix
    # the plain-text opportunity is not placed
    assert "Een herinnering sturen" not in matrix


def test_opportunities_in_the_grid_show_impact_effort_and_their_actions(cli) -> None:  # type: ignore[no-untyped-def]
    page = html(cli, ENERGIE, "--lang", "en")
    start = page.index('<tr class="row-opportunities"')
    row = page[start : page.index("</tr>", start)]
    assert "impact high" in row and "effort low" in row
    assert "Halfjaarcheck van het termijnbedrag in de app bouwen" in row


def test_target_adds_marks_to_the_bars_and_the_curve(cli) -> None:  # type: ignore[no-untyped-def]
    without = html(cli, ENERGIE)
    assert 'class="target-mark' not in without and 'class="curve-target' not in without
    page = html(cli, ENERGIE, "--target", FUTURE, "--lang", "en")
    # bars: one relevance and one presence mark per matched stage (5 of 6)
    assert page.count('class="target-mark is-relevance"') == 5
    assert page.count('class="target-mark is-presence"') == 5
    # Jaarafrekening's future figures, in words
    assert "Future state: relevance 95, presence 80, gap 15" in page
    # the score chart and the experience curve carry the future state too
    assert page.count('class="score-target is-presence"') == 5
    assert page.count('class="curve-target"') == 5
    assert "Future state" in page
    assert "dropped in the future state" in page
    assert "Maandelijks inzicht" in page  # added in the future state


def test_target_pages_are_deterministic(cli) -> None:  # type: ignore[no-untyped-def]
    assert html(cli, ENERGIE, "--target", FUTURE) == html(cli, ENERGIE, "--target", FUTURE)
