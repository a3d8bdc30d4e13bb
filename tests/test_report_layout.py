"""The HTML map's layout in headless Chromium, and `journey report --format pdf|png`.

A nine-stage Dutch map with long compounds (tests/data/negen-fasen.journey.yaml)
and the shipped examples are opened at 1440 px: no element's content is wider
than its box, the page does not scroll sideways, the grid needs no scrolling,
and the stage-name column stays in view when a narrow window scrolls the grid.
The PDF of the nine-stage map has the whole grid on page 1, an A3 landscape
page (read back with poppler's pdfinfo and pdftotext); the PNG is that page as an image.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checkers import CHROMIUM
from conftest import DATA, EXAMPLES, journey_process
from journeycli.core.model import Language
from journeycli.report.formats import FORMATS
from journeycli.report.run import ReportOptions, build_report
from layout_probe import overflows, scrolls

pytestmark = pytest.mark.slow

NINE = DATA / "negen-fasen.journey.yaml"
STAGES = [
    "Oriëntatie",
    "Vergelijken",
    "Beslismoment",
    "Boeken",
    "Voorbereiden",
    "Vertrekken",
    "Verblijven",
    "Terugkeren",
    "Ambassadeur",
]
GRID_ROWS = ["Doel van de klant", "Contactmomenten", "Zichtlijn", "Kansen", "Acties per kanaal"]
A3_LANDSCAPE = (1190.55, 841.89)  # points


def _html(path: Path, lang: Language | None = None) -> str:
    report = build_report([str(path)], ReportOptions())
    return FORMATS.load("html").render(report, lang or report.analyses[0].language)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


def _open(browser: Any, html: str, width: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.route("**/*", lambda route: route.abort())
    page.set_content(html)
    return page


@pytest.mark.parametrize(
    "path",
    [NINE, *sorted(EXAMPLES.glob("*.journey.yaml"))],
    ids=lambda p: p.name.split(".")[0],
)
def test_nothing_overflows_at_1440_px_and_the_grid_fits(browser: Any, path: Path) -> None:
    page = _open(browser, _html(path), 1440)
    try:
        assert overflows(page) == []
        widths = scrolls(page)
        assert widths["page"] == 0, "the page scrolls sideways"
        assert widths["grids"] and all(extra == 0 for extra in widths["grids"]), widths
    finally:
        page.close()


def test_the_nine_stages_are_readable_columns_at_1440_px(browser: Any) -> None:
    page = _open(browser, _html(NINE), 1440)
    try:
        heads = page.eval_on_selector_all(
            ".grid .stage-head",
            "els => els.map(e => [e.querySelector('.stage-name').textContent,"
            " e.getBoundingClientRect().right, e.getBoundingClientRect().width])",
        )
        assert [name for name, _, _ in heads] == STAGES
        assert all(right <= 1440 for _, right, _ in heads)  # the ninth is in view
        assert min(width for _, _, width in heads) >= 130  # ~9 rem: a readable column
        # a stage name breaks between words only: each fits on its line
        lines = page.eval_on_selector_all(
            ".grid .stage-name", "els => els.map(e => Math.round(e.getBoundingClientRect().height))"
        )
        line_height = min(lines)
        assert all(height == line_height for height in lines), lines
    finally:
        page.close()


def test_the_stage_name_column_stays_in_view_when_the_grid_scrolls(browser: Any) -> None:
    page = _open(browser, _html(NINE), 900)
    try:
        box = page.eval_on_selector(".grid-scroll", "e => e.getBoundingClientRect().left")
        page.eval_on_selector(".grid-scroll", "e => { e.scrollLeft = 400; }")
        assert page.eval_on_selector(".grid-scroll", "e => e.scrollLeft") > 300
        lefts = page.eval_on_selector_all(
            ".grid tbody th", "els => els.map(e => e.getBoundingClientRect().left)"
        )
        assert lefts and all(abs(left - box) <= 2 for left in lefts), (box, lefts)
    finally:
        page.close()


def test_touchpoint_cards_name_persona_and_owner_for_all_customers(browser: Any) -> None:
    page = _open(browser, _html(NINE), 1440)
    try:
        first = page.inner_text("#m1-tp-orientatie-a .tp-who")
        assert "Persona's: Familie Jansen-Verhoevenhuizen" in first
        assert "Eigenaar: klantcontactcentrum-reisadvies" in first
        assert "Persona's: iedereen" in page.inner_text("#m1-tp-orientatie-b .tp-who")
    finally:
        page.close()


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is missing: apt-get install poppler-utils (CI installs it)")
    return found


def _pdf_page_text(pdf: Path, number: int) -> str:
    """One page's text (poppler's pdftotext) without whitespace, so a wrapped line still matches."""
    text = subprocess.run(
        [_poppler("pdftotext"), "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.sub(r"\s+", "", text)


def _pdf_info(pdf: Path) -> tuple[int, tuple[float, float]]:
    """(page count, page 1 size in points) from poppler's pdfinfo."""
    info = subprocess.run(
        [_poppler("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert pages and size, info
    return int(pages.group(1)), (float(size.group(1)), float(size.group(2)))


def test_pdf_has_the_whole_grid_on_page_one_a3_landscape(tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    out = tmp_path / "wand.pdf"
    result = journey_process(["report", NINE, "-o", out])
    assert result.code == 0, result.err
    count, size = _pdf_info(out)
    assert count >= 2  # the analysis follows on its own pages
    assert size == pytest.approx(A3_LANDSCAPE, abs=1.5)
    text = _pdf_page_text(out, 1)
    for name in [*STAGES, *GRID_ROWS]:
        assert re.sub(r"\s+", "", name) in text, name
    # every touchpoint of the last stage, and the last action, are on page 1
    for name in ["Klantloyaliteitsprogramma", "Aanbevelingsbeloningsregeling"]:
        assert name in text
    assert "Klantloyaliteitsprogrammaherschrijven" in text
    rest = "".join(_pdf_page_text(out, n) for n in range(2, count + 1))
    assert "Doelvandeklant" not in rest  # no part of the grid spilled onto page 2
    assert "Breekmomenten" in rest  # the analysis did


def test_pdf_and_png_are_the_same_bytes_twice(tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    for suffix in ("pdf", "png"):
        one, two = tmp_path / f"1.{suffix}", tmp_path / f"2.{suffix}"
        assert journey_process(["report", NINE, "-o", one]).code == 0
        assert journey_process(["report", NINE, "-f", suffix, "-o", two]).code == 0
        assert one.read_bytes() == two.read_bytes(), suffix


def test_png_is_the_map(tmp_path: Path) -> None:
    from journeycli.report.browser import PAGE_WIDTH, PNG_MARGIN

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    out = tmp_path / "kaart.png"
    assert journey_process(["report", NINE, "-o", out]).code == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 2 * (PAGE_WIDTH + 2 * PNG_MARGIN)
    assert 0 < height <= width


@pytest.mark.parametrize("suffix", ["pdf", "png"])
def test_without_a_browser_exit_2_and_nothing_written(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"kaart.{suffix}"
    result = journey_process(
        ["report", NINE, "-o", out], env={"JOURNEY_CHROMIUM": str(tmp_path / "no-chromium")}
    )
    assert result.code == 2
    assert "JOURNEY_CHROMIUM" in result.err and "not a file" in result.err
    not_a_browser = tmp_path / "chromium"
    not_a_browser.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    not_a_browser.chmod(0o755)
    result = journey_process(
        ["report", NINE, "-o", out], env={"JOURNEY_CHROMIUM": str(not_a_browser)}
    )
    assert result.code == 2
    assert f"the {suffix} format needs a headless Chromium" in result.err
    assert f"{not_a_browser} could not be started" in result.err
    assert "pip install 'journeycli[pdf]'" in result.err
    assert "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == [not_a_browser]


def test_without_playwright_exit_2_saying_how_to_get_it(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    out = tmp_path / "wand.pdf"
    result = cli(["report", str(NINE), "-o", str(out)])
    assert result.code == 2
    assert "Playwright is not installed" in result.err
    assert "pip install 'journeycli[pdf]'" in result.err
    assert not out.exists()


def test_pdf_to_standard_output_is_a_usage_error(cli) -> None:
    result = cli(["report", str(NINE), "--format", "pdf"])
    assert result.code == 2
    assert "--output" in result.err
