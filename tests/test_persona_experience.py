"""Peak-end: the worst moment is never averaged away (docs/format.md, docs/report.md).

tests/data/persona-experience.journey.yaml, computed by hand:

    stage       touchpoint        met by     experience  gezin  zakelijk
    boeken      website           all        4           4      4
    boeken      whatsapp (crit.)  all        4           1      5
    reis        receptie          all        3           3      3
    reis        transfer          zakelijk   5           -      5
    thuiskomst  review-mail       all        -           -      -

    all customers:  boeken mean (4+4)/2 = 4, min 4, count 2; reis (3+5)/2 = 4, min 3, count 2;
                    thuiskomst null, null, 0. No breaking moment: the mean looks fine.
    by persona:     boeken gezin (4+1)/2 = 2.5, zakelijk (4+5)/2 = 4.5;
                    reis gezin 3 (meets receptie only), zakelijk (3+5)/2 = 4;
                    thuiskomst gezin null, zakelijk null.
    --persona gezin: boeken mean 2.5, min 1 (whatsapp), count 2; reis 3, 3, 1;
                    breaking moment: whatsapp at 1 (critical, 1 <= 2). W106 warns for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, journey_process
from journeycli.core.analysis import Analysis, analyse
from journeycli.core.scoring import experience_of
from journeycli.core.validation import load_map

MAP = DATA / "persona-experience.journey.yaml"


def analysed(persona: str | None = None) -> Analysis:
    model = load_map(MAP.read_bytes(), str(MAP)).model
    assert model is not None
    return analyse(model, persona=persona)


def test_experience_for_all_customers_hides_nothing_but_shows_the_worst() -> None:
    a = analysed()
    assert [(s.id, s.experience_mean, s.experience_min, s.experience_count) for s in a.stages] == [
        ("boeken", 4, 4, 2),
        ("reis", 4, 3, 2),
        ("thuiskomst", None, None, 0),
    ]
    assert a.breaking_moments == ()
    assert [s.experience_by_persona for s in a.stages] == [
        {"gezin": 2.5, "zakelijk": 4.5},
        {"gezin": 3, "zakelijk": 4},
        {"gezin": None, "zakelijk": None},
    ]
    assert a.stages[1].experience_worst is not None
    assert a.stages[1].experience_worst.id == "receptie"


def test_persona_experience_replaces_experience_for_that_persona() -> None:
    a = analysed("gezin")
    assert [(s.id, s.experience_mean, s.experience_min, s.experience_count) for s in a.stages] == [
        ("boeken", 2.5, 1, 2),
        ("reis", 3, 3, 1),
        ("thuiskomst", None, None, 0),
    ]
    assert [(m.touchpoint.id, m.experience) for m in a.breaking_moments] == [("whatsapp", 1)]
    zakelijk = analysed("zakelijk")
    assert zakelijk.breaking_moments == ()
    assert [s.experience_mean for s in zakelijk.stages] == [4.5, 4, None]


def test_experience_of_falls_back_to_the_touchpoint() -> None:
    model = load_map(MAP.read_bytes(), str(MAP)).model
    assert model is not None
    website, whatsapp = model.stages[0].touchpoints
    assert experience_of(whatsapp, None) == 4
    assert experience_of(whatsapp, "gezin") == 1
    assert experience_of(website, "gezin") == 4


def test_persona_lists_the_breaking_moment_through_the_cli(cli) -> None:  # type: ignore[no-untyped-def]
    everyone = cli(["report", MAP, "--format", "json"])
    assert json.loads(everyone.out)["breaking_moments"] == []
    result = cli(["report", MAP, "--persona", "gezin", "--format", "json"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [(m["touchpoint"], m["experience"]) for m in data["breaking_moments"]] == [
        ("whatsapp", 1)
    ]
    boeken = next(s for s in data["stages"] if s["id"] == "boeken")
    assert (boeken["experience_mean"], boeken["experience_min"], boeken["experience_count"]) == (
        2.5,
        1,
        2,
    )
    assert boeken["experience_by_persona"] == {"gezin": 2.5, "zakelijk": 4.5}
    terminal = cli(["report", MAP, "--persona", "gezin"])
    assert "WhatsApp-service" in terminal.out.split("Fasen naar gap")[0]


def test_json_report_carries_the_experience_figures(cli) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(cli(["report", MAP, "--format", "json"]).out)
    by_id = {s["id"]: s for s in data["stages"]}
    assert {k: by_id["reis"][k] for k in ("experience_mean", "experience_min")} == {
        "experience_mean": 4,
        "experience_min": 3,
    }
    assert by_id["thuiskomst"]["experience_count"] == 0
    assert by_id["thuiskomst"]["experience_mean"] is None
    assert by_id["thuiskomst"]["experience_by_persona"] == {"gezin": None, "zakelijk": None}


def test_w106_warns_for_a_persona_whose_critical_moment_breaks(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["lint", MAP, "--lang", "en"])
    assert result.code == 0
    w106 = [line for line in result.out.splitlines() if "W106" in line]
    assert w106 == [
        f"{MAP}:24:9: W106 breaking moment 'WhatsApp-service' for persona gezin (critical, "
        "experience 1) has no open action with touchpoint: whatsapp"
    ]
    dutch = cli(["lint", MAP]).out  # the map's own language (docs/lint.md)
    assert [line for line in dutch.splitlines() if "W106" in line] == [
        f"{MAP}:24:9: W106 breekmoment 'WhatsApp-service' voor persona gezin "
        "(kritiek contactmoment, beleving 1) wordt door geen open actie aangepakt; "
        "voeg een actie toe met touchpoint: whatsapp"
    ]


def test_unknown_persona_in_persona_experience_is_e005(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    text = MAP.read_text(encoding="utf-8").replace(
        "          zakelijk: 5", "          zakelijke: 5"
    )
    path = tmp_path / "m.journey.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli(["lint", path, "--select", "E"])
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        f"{path}:30:11: E005 persona 'zakelijke' bestaat niet; bedoel je 'zakelijk'?"
    )


@pytest.mark.parametrize("fmt", ["terminal", "md"])
def test_terminal_and_markdown_show_mean_and_worst(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = cli(["report", MAP, "--format", fmt, "--lang", "en"]).out
    assert "Experience per stage" in out
    rows = [line for line in out.splitlines() if "Boeken" in line and "4.5" in line]
    assert rows, out  # mean 4, worst 4 (WhatsApp-service), gezin 2.5, zakelijk 4.5
    row = rows[0]
    assert "WhatsApp-service" in row and "2.5" in row
    reis = next(line for line in out.splitlines() if "Reis" in line and "Receptie" in line)
    assert "3" in reis and "4" in reis
    gezin = cli(["report", MAP, "--format", fmt, "--lang", "en", "--persona", "gezin"]).out
    section = gezin.split("Experience per stage")[1]
    boeken = next(line for line in section.splitlines() if "Boeken" in line)
    assert "2.5" in boeken and "1 (WhatsApp-service)" in boeken
    assert "Gezin met kinderen" not in section  # the persona's scores are the mean already


def test_schema_in_the_repository_has_persona_experience() -> None:
    schema = json.loads((DATA.parent.parent / "docs" / "journey.schema.json").read_text())
    touchpoint = schema["$defs"]["Touchpoint"]["properties"]
    assert touchpoint["persona_experience"]["additionalProperties"]["maximum"] == 5


def test_html_curve_draws_persona_lines_and_marks_each_minimum(cli) -> None:  # type: ignore[no-untyped-def]
    html = cli(["report", MAP, "--format", "html"]).out
    assert html.count('class="curve-min-at"') == 2  # boeken and reis have rated touchpoints
    assert 'data-persona="gezin"' in html and 'data-persona="zakelijk"' in html
    assert "Gezin met kinderen" in html.split('curve-legend"')[1].split("</ul>")[0]


def test_html_without_persona_experiences_draws_no_persona_lines(cli) -> None:  # type: ignore[no-untyped-def]
    html = cli(["report", DATA / "engine-ties.journey.yaml", "--format", "html"]).out
    assert "data-persona=" not in html


@pytest.mark.slow
def test_chromium_shows_the_persona_line_and_the_marked_minimum(tmp_path: Path) -> None:
    from checkers import CHROMIUM

    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium (.ci/system-deps.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; no browser download)")
    pages = {}
    for persona in (None, "gezin"):
        out = tmp_path / f"{persona or 'all'}.html"
        args = ["report", str(MAP), "--output", str(out)]
        assert journey_process(args + (["--persona", persona] if persona else [])).code == 0
        pages[persona] = out
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(pages[None].as_uri())
            seen = curve_facts(page)
            # the family's line is drawn, visibly, in its own colour, below the mean at Boeken
            gezin = seen["personas"]["gezin"]
            assert gezin["visible"] and gezin["stroke"] != seen["mean_stroke"]
            assert gezin["ys"][0] > seen["mean_ys"][0]  # 2.5 is lower on the page than 4
            assert seen["personas"]["zakelijk"]["ys"][0] < seen["mean_ys"][0]  # 4.5 above 4
            assert "Gezin met kinderen" in seen["legend"] and "Zakelijke reiziger" in seen["legend"]
            assert seen["minimum_count"] == 2 and seen["minimum_visible"]
            page.screenshot(path=str(tmp_path / "all.png"), full_page=True)

            page.goto(pages["gezin"].as_uri())
            seen = curve_facts(page)
            # for the family, Boeken's worst moment (1) is marked well below its mean (2.5)
            assert seen["minimum_ys"][0] > seen["mean_ys"][0]
            assert "1" in seen["minimum_labels"][0]
            text = page.evaluate("document.querySelector('.moments').innerText")
            assert "WhatsApp-service" in text
            page.screenshot(path=str(tmp_path / "gezin.png"), full_page=True)
        finally:
            browser.close()


CURVE_JS = """
() => {
  const svg = document.querySelector('svg.curve');
  const box = e => e.getBoundingClientRect();
  const shown = e => { const b = box(e); const s = getComputedStyle(e);
    return b.width > 0 && b.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
      && parseFloat(s.opacity) > 0; };
  const ys = sel => [...svg.querySelectorAll(sel)].map(e => { const b = box(e);
    return b.top + b.height / 2; });
  const personas = {};
  for (const g of svg.querySelectorAll('[data-persona]')) {
    const line = g.querySelector('polyline, line');
    personas[g.dataset.persona] = {
      visible: shown(line),
      stroke: getComputedStyle(line).stroke,
      ys: [...g.querySelectorAll('circle')].map(e => { const b = box(e);
        return b.top + b.height / 2; }),
    };
  }
  const mins = [...svg.querySelectorAll('.curve-min')];
  const mean = svg.querySelector('.curve-line');
  return {
    personas,
    mean_stroke: getComputedStyle(mean).stroke,
    mean_ys: ys('circle.curve-point'),
    minimum_count: mins.length,
    minimum_visible: mins.every(shown),
    minimum_ys: mins.map(e => { const b = box(e); return b.top + b.height / 2; }),
    minimum_labels: [...svg.querySelectorAll('.curve-min-value')].map(e => e.textContent),
    legend: document.querySelector('.curve-legend').innerText,
  };
}
"""


def curve_facts(page: Any) -> dict[str, Any]:
    facts: dict[str, Any] = page.evaluate(CURVE_JS)
    return facts


def test_diff_shows_a_persona_experience_change(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new = tmp_path / "new.journey.yaml"
    new.write_text(MAP.read_text(encoding="utf-8").replace("gezin: 1", "gezin: 3"), "utf-8")
    result = cli(["diff", MAP, new, "--persona", "gezin"])
    assert result.code == 0, result.err
    # a Dutch map: the diff speaks Dutch (docs/diff.md, "Language")
    assert "  opgelost: WhatsApp-service in Boeken (beleving was 1)" in result.out
    assert "  ~ whatsapp: beleving per persona gezin 1 → 3" in result.out


def test_export_for_a_persona_uses_its_own_experience(cli) -> None:  # type: ignore[no-untyped-def]
    everyone = cli(["export", MAP, "--to", "mermaid"])
    assert "    WhatsApp-service: 4: " in everyone.out
    gezin = cli(["export", MAP, "--to", "mermaid", "--persona", "gezin"])
    assert gezin.code == 0, gezin.err
    assert "    WhatsApp-service: 1: Gezin met kinderen" in gezin.out
