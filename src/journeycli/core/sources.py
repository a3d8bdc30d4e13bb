"""Where maps come from: file discovery under folders, standard input, the map suffixes.

Every command that reads maps (lint, report, diff, summary, export) finds and
reads them here, so `-` and a missing file mean the same thing everywhere
(docs/architecture.md).
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePath

from journeycli.core.errors import UsageError

STDIN = "-"
STDIN_NAME = "<stdin>"
MAP_SUFFIXES = (".journey.yaml", ".journey.yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv", "env"})


# A map's own suffix and the extensions of the files journey imports (docs/interop.md).
_TITLE_SUFFIXES = re.compile(
    r"(\.journey)?(\.(ya?ml|csv|tsv|txt|mmd|mermaid|md|markdown|xlsx))+$", re.IGNORECASE
)


def is_map_file(name: str) -> bool:
    return name.endswith(MAP_SUFFIXES)


def title_from_filename(name: str) -> str | None:
    """A map title from a file name, or None when nothing is left of it.

    `maps/hypotheek-afsluiten.journey.yaml` -> `Hypotheek afsluiten`,
    `meal_kit.csv` -> `Meal kit`: `journey new` and `journey import` both
    title a map this way when no `--title` is given (docs/scaffold.md).
    """
    stem = _TITLE_SUFFIXES.sub("", PurePath(name).name)
    words = re.sub(r"[-_.\s]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else None


def _skip_dir(directory: Path) -> bool:
    name = directory.name
    return name.startswith(".") or name in SKIPPED_DIRS or (directory / "pyvenv.cfg").exists()


def _walk(root: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _skip_dir(here / d))
        for name in sorted(filenames):
            if is_map_file(name):
                yield str(here / name)


def discover(paths: Sequence[str]) -> list[str]:
    """Expand directories into the maps under them; a named file is taken whatever its name."""
    found: list[str] = []
    for raw in paths or (".",):
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path))
        elif path.exists():
            found.append(raw)
        else:
            raise UsageError(f"{raw}: no such file or directory", hint=missing_file(raw))
    unique = list(dict.fromkeys(found))
    if not unique:
        shown = ", ".join(paths or (".",))
        raise UsageError(
            f"no *.journey.yaml or *.journey.yml maps found in {shown}",
            hint="run `journey new NAME` to start one",
        )
    return unique


def read_source(path: str) -> tuple[bytes, str]:
    """The bytes of a map and the name to report it under; `-` is standard input."""
    if path == STDIN:
        return sys.stdin.buffer.read(), STDIN_NAME
    try:
        return Path(path).read_bytes(), path
    except IsADirectoryError as exc:
        raise UsageError(f"{path}: is a directory, not a map file") from exc
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: no such file", hint=missing_file(path)) from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _stem(name: str) -> str:
    """The part before the first dot: typos in the suffix (`.journy.yaml`) still match."""
    return name.split(".", 1)[0] or name


def missing_file(path: str) -> str:
    """The hint for a map path that does not exist: a near file name, or how to start one."""
    target = Path(path)
    folder = target.parent
    try:
        names = [p.name for p in folder.iterdir() if p.name.endswith(MAP_SUFFIXES)]
    except OSError:
        names = []
    stems = {_stem(name): name for name in names}  # compare "hypoteek" with "hypotheek"
    close = difflib.get_close_matches(_stem(target.name), sorted(stems), n=1, cutoff=0.6)
    if close:
        near = stems[close[0]] if str(folder) == "." else f"{folder}/{stems[close[0]]}"
        return f"did you mean '{near}'?"
    if not folder.is_dir():
        return f"the folder {folder} does not exist either"
    if target.name.endswith(MAP_SUFFIXES):
        return f"create it with `journey new {path}`"
    if names:
        return "maps here: " + ", ".join(sorted(names)[:5])
    return "run `journey new NAME` to start a map"
