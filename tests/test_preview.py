"""`journey preview` through the real CLI in a subprocess (docs/site.md#preview).

Start it on a free port, fetch the page, edit the map and see the change, break
the map and see its lint errors (HTTP 422), fix it again, then stop it with
SIGINT and expect exit 0. A browser test checks that the page reloads itself
after a save, so the inline script and its Content-Security-Policy work.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkers import CHROMIUM
from conftest import EXAMPLES, interruptible

pytestmark = pytest.mark.slow

MAP = (EXAMPLES / "hypotheek.journey.yaml").read_text(encoding="utf-8")
TITLE = "title: Hypotheek afsluiten"


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _until(url: str, text: str, seconds: float = 3.0) -> tuple[int, str, float]:
    """Fetch until the page holds `text`; (status, page, seconds it took)."""
    start = time.monotonic()
    while True:
        status, page = _fetch(url)
        if text in page or time.monotonic() - start > seconds:
            return status, page, time.monotonic() - start
        time.sleep(0.05)


def _save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    path = tmp_path / "reis.journey.yaml"
    _save(path, MAP)
    proc = subprocess.Popen(
        [sys.executable, "-m", "journeycli", "preview", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=interruptible,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
    assert found, first + (proc.stderr.read() if proc.stderr else "")
    try:
        yield proc, found.group(0), path
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_preview_serves_follows_edits_shows_errors_and_stops_on_sigint(served) -> None:
    proc, url, path = served
    status, page = _fetch(url)
    assert status == 200
    assert "<h1" in page and "Hypotheek afsluiten" in page
    assert "script-src 'nonce-" in page  # the reload script is allowed by its nonce only

    _save(path, MAP.replace(TITLE, "title: Hypotheek oversluiten"))
    status, page, took = _until(url, "Hypotheek oversluiten")
    assert status == 200 and "Hypotheek oversluiten" in page
    assert took < 1.0, f"the change showed after {took:.2f} s"

    _save(path, MAP.replace("    relevance: 60\n", "    relevance: 160\n", 1))
    status, page, _ = _until(url, "not a valid map")
    assert status == 422
    assert "E00" in page and "160" in page  # the lint error, as journey lint words it

    _save(path, MAP)
    status, page, _ = _until(url, "Hypotheek afsluiten")
    assert status == 200

    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "Preview stopped." in out
    assert "Traceback" not in err


def test_the_page_reloads_itself_after_a_save(served) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    _, url, path = served
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.goto(url)
            assert "Hypotheek afsluiten" in page.title()
            _save(path, MAP.replace(TITLE, "title: Hypotheek na de verbouwing"))
            page.wait_for_function(
                "() => document.title.includes('verbouwing')", timeout=3000, polling=100
            )
            assert errors == []  # no CSP violation, no failed fetch
        finally:
            browser.close()


def test_preview_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "journeycli", "preview", str(tmp_path / "nope.journey.yaml")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "no such map file" in result.stderr
