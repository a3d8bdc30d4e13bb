"""Where maps come from: file discovery under folders, standard input, the map suffixes.

Every command that reads maps (lint, report, diff, summary, export) finds and
reads them here, so `-` and a missing file mean the same thing everywhere
(docs/architecture.md).

Maps come from pull requests, and git stores symbolic links, so reading is
bounded (docs/security.md, "Untrusted maps"): no more than the size limit
plus one byte is ever read (a link to /dev/zero ends in E006, not an endless
read), discovery passes over anything that is not a regular file inside the
searched tree (with a warning, the only thing this module prints), and a
link that leads out of the working directory is refused, so a file outside
the checkout (a key, a token) is never read and echoed in a message.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath

from journeycli.core.document import Limits
from journeycli.core.errors import UsageError
from journeycli.core.hints import closest
from journeycli.core.problems import one_line
from journeycli.core.safetext import escape_controls

STDIN = "-"
STDIN_NAME = "<stdin>"
MAP_SUFFIXES = (".journey.yaml", ".journey.yml")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv", "env"})
DEFAULT_MAX_FILE_SIZE = Limits().max_file_size


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


def _inside(real: str, base: str) -> bool:
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _warn(message: str) -> None:
    sys.stderr.write(f"journey: warning: {one_line(message)}\n")


def _skipped(path: Path, root_real: str) -> str | None:
    """Why discovery passes over `path` (a link out of the tree, not a regular file), or None."""
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            real = os.path.realpath(path)
            if not _inside(real, root_real):
                return f"a symbolic link to {real}, outside the folder being searched"
            mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc}; a broken symbolic link?)"
    if not stat.S_ISREG(mode):
        return "not a regular file (a device, pipe or socket), so not a map"
    return None


def _walk(root: Path, warn: Callable[[str], None]) -> Iterator[str]:
    root_real = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _skip_dir(here / d))
        for name in sorted(filenames):
            if is_map_file(name):
                why = _skipped(here / name, root_real)
                if why is None:
                    yield str(here / name)
                else:
                    warn(f"{here / name}: skipped: {why}")


def link_out_of_tree(path: str) -> str | None:
    """Where `path` really leads when a symbolic link on the way takes it to a file or
    device out of the working directory; None when it stays inside, no link is
    involved, or it leads to a pipe (`journey diff <(git show HEAD:m.journey.yaml) ...`)."""
    real = os.path.realpath(path)
    if real == os.path.normpath(Path.cwd() / path) or _inside(real, str(Path.cwd().resolve())):
        return None
    try:
        mode = os.stat(path).st_mode  # noqa: PTH116 - the mode of what the link leads to
    except OSError:
        return None  # nothing there: reading it says so
    return None if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) else real


def _refuse_link_out_of_tree(path: str) -> None:
    real = link_out_of_tree(path)
    if real is not None:
        raise UsageError(
            f"{path}: a symbolic link to {real}, outside the working directory; journey "
            "does not follow links out of the tree it runs in",
            hint="name the file it points to instead, if you trust it",
        )


def discover(paths: Sequence[str], warn: Callable[[str], None] = _warn) -> list[str]:
    """Expand directories into the maps under them; a named file is taken whatever its name.

    In a directory, what is not a regular file inside it is passed over with a
    warning (see the module docstring); a named file or directory reached
    through a symbolic link out of the working directory is refused.
    """
    found: list[str] = []
    for raw in paths or (".",):
        if raw == STDIN:
            found.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            _refuse_link_out_of_tree(raw)
            found.extend(_walk(path, warn))
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


def read_source(path: str, max_bytes: int = DEFAULT_MAX_FILE_SIZE) -> tuple[bytes, str]:
    """The bytes of a map and the name to report it under; `-` is standard input.

    At most `max_bytes` + 1 bytes are read: enough for the loader to say the
    file is over the limit (E006), never more, whatever the file is.

    The name has its control, bidi and undecodable characters escaped
    (`safetext.escape_controls`): it is shown by every output format, and a
    file name comes from whoever named the file (docs/security.md).
    """
    if path == STDIN:
        return sys.stdin.buffer.read(max_bytes + 1), STDIN_NAME
    _refuse_link_out_of_tree(path)
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - a bounded read, not read_bytes()
            return file.read(max_bytes + 1), escape_controls(path)
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
    match = closest(_stem(target.name), stems)
    if match:
        near = stems[match] if str(folder) == "." else f"{folder}/{stems[match]}"
        return f"did you mean '{near}'?"
    if not folder.is_dir():
        return f"the folder {folder} does not exist either"
    if target.name.endswith(MAP_SUFFIXES):
        return f"create it with `journey new {path}`"
    if names:
        return "maps here: " + ", ".join(sorted(names)[:5])
    return "run `journey new NAME` to start a map"
