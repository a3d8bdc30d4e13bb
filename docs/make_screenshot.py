"""Regenerate docs/report-example.png: the HTML report of an example map in headless Chromium.

    python docs/make_screenshot.py [MAP] [OUT.png] [--target FUTURE] [--height PX] [--element CSS]
                                   [--width PX] [--html PAGE.html]

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


def render_html(journey_map: Path, out: Path, target: Path | None = None) -> None:
    from journeycli.cli import run

    extra = ["--target", str(target)] if target is not None else []
    code = run(["report", str(journey_map), *extra, "--format", "html", "--output", str(out)])
    if code != 0:
        raise SystemExit(f"journey report failed with exit code {code}")


def screenshot(
    html: Path, png: Path, height: int = HEIGHT, element: str | None = None, width: int = WIDTH
) -> list[str]:
    """Take the screenshot; returns the requests the page tried to make (all blocked)."""
    from playwright.sync_api import Route, sync_playwright

    from journeycli.report.browser import FLAGS

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
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=FLAGS,  # the flags `journey report --format pdf|png` runs Chromium with
        )
        context = browser.new_context(
            viewport={"width": width, "height": height}, service_workers="block"
        )
        context.route("**/*", route)
        page = context.new_page()
        page.goto(url, wait_until="load")
        if element:
            page.locator(element).first.screenshot(path=str(png))
        else:
            page.screenshot(path=str(png), full_page=False)
        browser.close()
    return requests


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", type=Path, default=DEFAULT_MAP)
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--target", type=Path, help="a future-state map (journey report --target)")
    parser.add_argument("--height", type=int, default=HEIGHT, help="pixels from the top")
    parser.add_argument("--element", help="photograph this element only (a CSS selector)")
    parser.add_argument("--width", type=int, default=WIDTH, help="window width in pixels")
    parser.add_argument("--html", type=Path, help="photograph this page instead of a map's report")
    args = parser.parse_args(argv)
    if args.html:
        png = args.out.resolve()
        requests = screenshot(args.html, png, args.height, args.element, args.width)
        if requests:
            print(f"the page made {len(requests)} request(s): {requests}", file=sys.stderr)
            return 1
        print(f"wrote {png} ({png.stat().st_size:,} bytes) from {args.html}")
        return 0
    journey_map, png = args.map.resolve(), args.out.resolve()
    target = args.target.resolve() if args.target else None
    # the page shows the map's path: render from the repository root so it reads
    # `examples/...` and the picture is the same on every machine
    os.chdir(ROOT)
    shown = _shown(journey_map)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "report.html"
        render_html(shown, html, _shown(target) if target else None)
        requests = screenshot(html, png, args.height, args.element, args.width)
    if requests:
        print(f"the report made {len(requests)} request(s): {requests}", file=sys.stderr)
        return 1
    print(f"wrote {png} ({png.stat().st_size:,} bytes) from {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
