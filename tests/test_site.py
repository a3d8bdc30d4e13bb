"""`journey site` over the shipped examples, through the real CLI (docs/site.md).

The site is built once per module into a temporary folder, then every page
- passes the Nu HTML checker (with a positive control that must fail),
- links only relatively, and every link (with its #fragment) resolves to a file
  of the site,
- opened from file:// in Chromium with every request recorded and blocked,
  asks for nothing but itself.
Building twice gives the same bytes; a folder that holds other files is
refused without --force; the index's figures are checked against the maps.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from checkers import CHROMIUM, vnu_jar
from conftest import EXAMPLES, journey_process

pytestmark = pytest.mark.slow


class _Links(HTMLParser):
    """Every href/src of a page, and every id in it."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    result = journey_process(["site", EXAMPLES, "--output", out])
    assert result.code == 0, result.err
    assert "index.html" in result.out
    return out


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_one_report_and_one_history_per_map(site: Path) -> None:
    maps = sorted(p.name.split(".")[0] for p in EXAMPLES.glob("*.journey.yaml"))
    names = sorted(p.relative_to(site).as_posix() for p in _pages(site))
    expected = ["index.html"]
    for name in maps:
        expected += [f"maps/{name}.history.html", f"maps/{name}.html"]
    assert names == sorted(expected)


def test_every_link_is_relative_and_resolves(site: Path) -> None:
    for page in _pages(site):
        for link in _parse(page).links:
            assert not link.startswith(("/", "http:", "https:", "//", "file:")), (page, link)
            target, _, fragment = link.partition("#")
            file = (page.parent / target).resolve() if target else page
            assert file.is_file() and site.resolve() in file.parents, (page.name, link)
            if fragment:
                assert fragment in _parse(file).ids, (page.name, link)


def test_index_lists_every_map_with_its_figures(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    report = json.loads(journey_process(["report", EXAMPLES, "-f", "json"]).out)
    for data in report["maps"]:
        assert data["title"] in index
        for moment in data["breaking_moments"]:
            assert moment["touchpoint_name"] in index
    # hand-computed: Hypotheek, Oriëntatie: relevance 85 - presence 30 = gap 55, ranked first
    # of all stages of all maps; its owner is team-hypotheken
    first = index.split('<table class="ranking">', 1)[1].split("</tr>", 2)[1]
    for cell in ("Hypotheek afsluiten", "Oriëntatie", ">85<", ">30<", ">55<"):
        assert cell in first, cell
    assert "team-hypotheken" in index
    # hand-computed completed value of Hypotheek: 12,000 x 55% x 40% x 65% x 90% x 80%
    # = 1,235.52 customers a year, x EUR 1,450 = EUR 1,791,504; two breaking moments
    row = index.split('<a href="maps/hypotheek.html" dir="auto">', 1)[1].split("</tr>", 1)[0]
    assert "€1,791,504" in row
    assert '<span class="count is-bad">2</span>' in row
    assert '<a href="maps/hypotheek.html" dir="auto">Hypotheek afsluiten</a>' in index


def test_nu_html_checker_passes_every_page(site: Path, tmp_path: Path) -> None:
    java = shutil.which("java")
    jar = vnu_jar()
    if java is None or jar is None:
        pytest.skip("java or vnu.jar is missing (CI installs both)")
    control = tmp_path / "control-invalid.html"
    control.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title><p><li>x</html>\n', encoding="utf-8"
    )
    files = [*(str(p) for p in _pages(site)), str(control)]
    proc = subprocess.run(
        [java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    errors = [
        f"{m.get('url', '?')}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert [e for e in errors if "control-invalid.html" not in e] == []
    assert any("control-invalid.html" in e for e in errors)


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


def _blocker(url: str, requests: list[str]) -> Any:
    """A route handler: the page itself loads, anything else is recorded and aborted."""

    def block(route: Any) -> None:
        if route.request.url.split("#", 1)[0] == url:
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    return block


def test_no_page_makes_a_request_from_file_url(site: Path, browser: Any) -> None:
    for file in _pages(site):
        url = file.resolve().as_uri()
        requests: list[str] = []
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        context.route("**/*", _blocker(url, requests))
        page = context.new_page()
        page.goto(url, wait_until="load")
        assert page.title()
        assert requests == [], (file.name, requests)
        context.close()


def test_a_second_build_gives_the_same_bytes(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert journey_process(["site", EXAMPLES, "-o", again]).code == 0
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_a_folder_with_other_files_needs_force(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    one_map = EXAMPLES / "meal-kit.journey.yaml"
    result = journey_process(["site", one_map, "-o", folder])
    assert result.code == 2
    assert "not empty" in result.err and "--force" in result.err
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    result = journey_process(["site", one_map, "-o", folder, "--force"])
    assert result.code == 0, result.err
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert (folder / "maps" / "meal-kit.html").is_file()


def test_rebuilding_a_site_replaces_its_pages(tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert journey_process(["site", EXAMPLES, "-o", out]).code == 0
    assert (out / "maps" / "hypotheek.html").is_file()
    result = journey_process(["site", EXAMPLES / "meal-kit.journey.yaml", "-o", out])
    assert result.code == 0, result.err
    assert sorted(p.name for p in (out / "maps").iterdir()) == [
        "meal-kit.history.html",
        "meal-kit.html",
    ]


def test_outside_git_a_map_has_no_history_page(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    shutil.copy(EXAMPLES / "meal-kit.journey.yaml", folder)
    out = tmp_path / "public"
    result = journey_process(["site", folder, "-o", out], cwd=tmp_path)
    assert result.code == 0, result.err
    assert sorted(p.name for p in (out / "maps").iterdir()) == ["meal-kit.html"]
    assert "not in git" in (out / "index.html").read_text(encoding="utf-8")
