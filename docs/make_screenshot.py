"""Regenerate docs/report-example.png: the HTML report of an example map in headless Chromium.

    python docs/make_screenshot.py [MAP] [OUT.png]

Renders `journey report MAP --format html` (default: examples/meal-kit.journey.yaml)
and photographs the top of the page (header, breaking moments and the journey
map grid) in Debian's Chromium driven by Playwright-python. Every request the
page would make is blocked and reported, so a screenshot is never taken of a
page that is not self-contained. Needs /usr/bin/chromium (or $CHROMIUM) and
`pip install playwright`; never `playwright install`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAP = ROOT / "examples" / "meal-kit.journey.yaml"
DEFAULT_OUT = ROOT / "docs" / "report-example.png"
WIDTH, HEIGHT = 1400, 1640
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]


def render_html(journey_map: Path, out: Path) -> None:
    from journeycli.cli import run

    code = run(["report", str(journey_map), "--format", "html", "--output", str(out)])
    if code != 0:
        raise SystemExit(f"journey report failed with exit code {code}")


def screenshot(html: Path, png: Path) -> list[str]:
    """Take the screenshot; returns the requests the page tried to make (all blocked)."""
    from playwright.sync_api import Route, sync_playwright

    url = html.resolve().as_uri()
    requests: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.split("#", 1)[0] == url:
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort("blockedbyclient")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=FLAGS
        )
        context = browser.new_context(
            viewport={"width": WIDTH, "height": HEIGHT}, service_workers="block"
        )
        context.route("**/*", route)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.screenshot(path=str(png), full_page=False)
        browser.close()
    return requests


def main(argv: list[str]) -> int:
    journey_map = (Path(argv[0]) if argv else DEFAULT_MAP).resolve()
    png = (Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT).resolve()
    # the page shows the map's path: render from the repository root so it reads
    # `examples/...` and the picture is the same on every machine
    os.chdir(ROOT)
    shown = journey_map.relative_to(ROOT) if journey_map.is_relative_to(ROOT) else journey_map
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "report.html"
        render_html(shown, html)
        requests = screenshot(html, png)
    if requests:
        print(f"the report made {len(requests)} request(s): {requests}", file=sys.stderr)
        return 1
    print(f"wrote {png} ({png.stat().st_size:,} bytes) from {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
