"""The HTML report without a browser: structure, escaping, determinism, chart geometry.

The browser and Nu HTML checker tests are in `test_html_browser.py`.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES, example_maps
from journeycli.core.analysis import analyse
from journeycli.core.model import JourneyMap, Language, Metrics
from journeycli.report import i18n_html
from journeycli.report.charts import experience_curve, fmt, funnel_widths, score_chart, wrap
from journeycli.report.formats import FORMATS
from journeycli.report.run import ReportOptions, build_report

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"
XSS = DATA / "xss.journey.yaml"

BARE_MAP = """\
version: 1
title: Bare map
stages:
  - name: Only relevance
    relevance: 50
  - name: Scored
    relevance: 70
    presence: 20
    touchpoints:
      - name: Desk
"""


def render(paths: list[Path], lang: Language | None = None, persona: str | None = None) -> str:
    report = build_report([str(p) for p in paths], ReportOptions(persona=persona))
    return FORMATS.load("html").render(report, lang or report.analyses[0].language)


class Page(HTMLParser):
    """Collects what the structural tests look at."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter[str] = Counter()
        self.ids: list[str] = []
        self.svgs: list[dict[str, str | None]] = []
        self.svg_children: list[list[str]] = []
        self.html_lang: str | None = None
        self.stage_heads = 0
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        data = dict(attrs)
        self.tags[tag] += 1
        if data.get("id"):
            self.ids.append(data["id"])
        if tag == "html":
            self.html_lang = data.get("lang")
        if tag == "svg":
            self.svgs.append(data)
            self.svg_children.append([])
        elif self.svg_children:
            self.svg_children[-1].append(tag)
        if tag == "th" and "stage-head" in (data.get("class") or ""):
            self.stage_heads += 1
        for name in ("src", "href", "xlink:href", "action", "data", "poster"):
            value = data.get(name)
            if value is not None:
                self.urls.append(value)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


@pytest.mark.parametrize("path", example_maps(), ids=lambda p: p.name)
def test_example_report_is_one_self_contained_page(path: Path) -> None:
    html = render([path])
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>\n<html lang=")
    assert page.tags["script"] == 0
    assert page.tags["link"] == 0
    assert page.tags["img"] == 0
    assert page.tags["style"] == 1
    # the only links are to places on the page itself
    assert page.urls and all(url.startswith("#") for url in page.urls)
    assert not re.search(r"url\((?!#)", html), "CSS or SVG refers to something outside the page"
    assert "http://" not in html and "https://" not in html
    assert "Content-Security-Policy" in html


@pytest.mark.parametrize("path", example_maps(), ids=lambda p: p.name)
def test_report_shows_every_stage_as_a_column(path: Path) -> None:
    html = render([path])
    report = build_report([str(path)])
    page = parse(html)
    stages = report.analyses[0].stages
    assert page.stage_heads == len(stages)
    for stage in stages:
        assert f'id="m1-stage-{stage.id}"' in html


def test_html_lang_follows_the_map_and_the_lang_option() -> None:
    assert parse(render([HYPOTHEEK])).html_lang == "nl"
    assert parse(render([MEAL_KIT])).html_lang == "en"
    assert parse(render([HYPOTHEEK], Language.EN)).html_lang == "en"
    english = render([HYPOTHEEK], Language.EN)
    assert "Breaking moments" in english and "Breekmomenten" not in english


def test_every_svg_is_an_image_with_a_title_and_description() -> None:
    html = render([HYPOTHEEK])
    page = parse(html)
    charts = [
        (svg, children)
        for svg, children in zip(page.svgs, page.svg_children, strict=True)
        if svg.get("aria-hidden") != "true"
    ]
    assert len(charts) == 2  # relevance/presence, experience curve
    for svg, children in charts:
        assert svg.get("role") == "img"
        assert children[:2] == ["title", "desc"]
        for ref in (svg.get("aria-labelledby") or "").split():
            assert f'id="{ref}"' in html


def test_chart_descriptions_carry_the_figures_as_text() -> None:
    html = render([HYPOTHEEK])
    assert "Oriëntatie: relevantie 85, aanwezigheid 30, gap 55" in html
    assert (
        "Oriëntatie: gemiddeld 2,5, slechtste 2" in html
    )  # mean and worst in the text alternative


def test_ids_are_unique_in_a_multi_map_report(tmp_path: Path) -> None:
    copy = tmp_path / "copy.journey.yaml"  # the same stage and touchpoint ids twice
    copy.write_bytes(HYPOTHEEK.read_bytes())
    html = render([HYPOTHEEK, MEAL_KIT, copy])
    ids = parse(html).ids
    assert ids and len(ids) == len(set(ids))
    assert html.count('class="map"') == 3
    assert 'id="combined-title"' in html
    assert parse(html).tags["h1"] == 1


def test_persona_report_shows_the_persona_card_and_only_its_touchpoints() -> None:
    html = render([MEAL_KIT], persona="student")
    assert "Tom, student" in html and "Casual and playful." in html
    # the box delivery is met by the busy parent only
    assert "Box delivery" not in html
    everyone = render([MEAL_KIT])
    assert "Box delivery" in everyone and "Priya, busy parent" in everyone


def test_map_text_is_escaped_everywhere() -> None:
    html = render([XSS])
    page = parse(html)
    assert page.tags["script"] == page.tags["iframe"] == page.tags["img"] == 0
    assert page.tags["object"] == page.tags["marquee"] == page.tags["b"] == 0
    assert page.tags["style"] == 1 and page.tags["link"] == 0
    assert "&lt;script&gt;alert(&#34;touchpoint&#34;)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "{% for x in range(3) %}loop{% endfor %}" in html
    assert "مرحبا" in html and "שלום" in html and "🚀" in html
    assert all(url.startswith("#") for url in page.urls)


def test_output_is_deterministic_and_the_same_through_the_cli(cli, tmp_path: Path) -> None:
    first = render([HYPOTHEEK, MEAL_KIT])
    assert render([HYPOTHEEK, MEAL_KIT]) == first
    out = tmp_path / "report.html"
    result = cli(["report", HYPOTHEEK, MEAL_KIT, "--output", out])
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8") == first
    stdout = cli(["report", HYPOTHEEK, MEAL_KIT, "--format", "html"])
    assert stdout.out == first
    assert first.endswith("</html>\n")
    assert not any(line != line.rstrip() for line in first.splitlines())


def test_a_bare_map_renders_without_funnel_curve_or_intro(tmp_path: Path) -> None:
    path = tmp_path / "bare.journey.yaml"
    path.write_text(BARE_MAP, encoding="utf-8")
    html = render([path])
    page = parse(html)
    assert "Funnel" not in html and "Value at stake" not in html
    assert "Experience curve" not in html  # no touchpoint has an experience
    assert "not scored" in html and "Unscored stages" in html
    assert "No breaking moments." in html
    assert len(page.svgs) > 0 and page.stage_heads == 2


def test_an_invalid_map_writes_no_html(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("version: 1\ntitle: x\nstages: []\n", encoding="utf-8")
    out = tmp_path / "out.html"
    result = cli(["report", bad, "-o", out])
    assert result.code == 1
    assert not out.exists()


# --- chart geometry ------------------------------------------------------------------------------


def _stages(yaml_stages: str) -> JourneyMap:
    import yaml

    return JourneyMap.model_validate(
        {"version": 1, "title": "t", "stages": yaml.safe_load(yaml_stages)}
    )


def test_fmt_and_wrap() -> None:
    assert [fmt(v) for v in (12.5, 40.0, -0.04, 3.14159, 0)] == ["12.5", "40", "0", "3.1", "0"]
    assert wrap("Online hypotheek rekentool", 12) == ("Online", "hypotheek", "rekentool")
    assert wrap("a b c d e f g h", 3, 2) == ("a b", "c…")
    assert wrap("Supercalifragilistic", 5) == ("Supercalifragilistic",)


def test_gap_area_is_split_where_the_lines_cross() -> None:
    journey = _stages(
        "[{name: A, relevance: 80, presence: 20}, {name: B, relevance: 20, presence: 80}]"
    )
    chart = score_chart(analyse(journey).stages)
    assert [area.positive for area in chart.areas] == [True, False]
    # both pieces meet in the crossing point, halfway and at score 50
    middle = f"{fmt((chart.left + chart.right) / 2)},{fmt(chart.top + 110)}"
    assert all(middle in area.points for area in chart.areas)
    assert chart.relevance_lines and chart.presence_lines


def test_unscored_stage_breaks_the_lines() -> None:
    journey = _stages(
        "[{name: A, relevance: 80, presence: 20}, {name: B, relevance: 50},"
        " {name: C, relevance: 60, presence: 10}, {name: D, relevance: 60, presence: 60}]"
    )
    chart = score_chart(analyse(journey).stages)
    assert len(chart.relevance_lines) == 1  # only C-D form a line; A stands alone
    assert chart.columns[1].top_y is None and chart.columns[1].relevance_y is not None
    assert len(chart.areas) == 1 and chart.areas[0].positive


def test_experience_curve_and_funnel_widths() -> None:
    journey = _stages(
        "[{name: A, conversion: 50, touchpoints: [{name: x, experience: 2},"
        " {name: y, experience: 5}]}, {name: B, touchpoints: [{name: z}]},"
        " {name: C, touchpoints: [{name: w, experience: 4}]}]"
    )
    stages = analyse(journey).stages
    curve = experience_curve(stages)
    assert curve is not None
    assert [p.x for p in curve.points] == ["16.7%", "83.3%"]
    assert curve.segments == ()  # B has no experience: no line through it
    assert [p.poor for p in curve.points] == [False, False]
    assert experience_curve(analyse(_stages("[{name: A}]")).stages) is None
    with_funnel = journey.model_copy(update={"metrics": Metrics(volume=1000)})
    assert funnel_widths(analyse(with_funnel).stages) == ("100%", "50%", None)
    assert funnel_widths(stages) == (None, None, None)


# --- labels --------------------------------------------------------------------------------------


def test_html_labels_exist_in_both_languages_with_the_same_placeholders() -> None:
    fields = string.Formatter()
    for key, entry in i18n_html.MESSAGES.items():
        assert set(entry) == set(Language), key
        names = [{f for _, f, _, _ in fields.parse(text) if f} for text in entry.values()]
        assert all(n == names[0] for n in names), key


def test_every_label_the_templates_use_exists() -> None:
    from journeycli.core import i18n
    from journeycli.core.templates import template_dir

    used = set()
    for template in (template_dir() / "report").glob("*.html.j2"):
        used |= set(re.findall(r"""\bt\(["'](\w+)["']""", template.read_text(encoding="utf-8")))
    assert used
    missing = {key for key in used if key not in i18n_html.MESSAGES and key not in i18n.MESSAGES}
    assert not missing
