"""A wheelhouse made from the test environment: journey's dependencies as wheels, offline.

`tests/test_packaging.py` installs the built wheel into a clean virtual
environment the way a user would, letting pip resolve its dependencies, but
without the network and without the base interpreter's packages (a
venv that shares the system site-packages sees those, not the test environment's). So the
dependencies pip resolves from are the very distributions the tests run with,
packed back into wheels: each one's files as its RECORD lists them, under the
tags its WHEEL file records, with a fresh RECORD (sha256, as PEP 376/427 ask).
Scripts and data outside site-packages (`../../bin/typer`) are left out; pip
writes the console scripts again from `entry_points.txt`.
"""

from __future__ import annotations

import base64
import email
import hashlib
import importlib.metadata
import zipfile
from collections.abc import Iterable
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# Written by the installer, not part of a wheel.
_INSTALL_ONLY = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}


def closure(requirements: Iterable[str]) -> list[importlib.metadata.Distribution]:
    """The installed distributions that `requirements` need, transitively, extras included."""
    environment: dict[str, str] = dict(default_environment())
    found: dict[str, importlib.metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()
    todo = [(Requirement(r), "") for r in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({**environment, "extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        dist = found.get(name) or importlib.metadata.distribution(requirement.name)
        found[name] = dist
        for wanted in {"", *requirement.extras}:
            if (name, wanted) not in done:
                done.add((name, wanted))
                todo += [(Requirement(r), wanted) for r in dist.requires or []]
    return sorted(found.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def _tags(dist: importlib.metadata.Distribution) -> str:
    """`cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64` from the WHEEL file's tags."""
    wheel = email.message_from_string(dist.read_text("WHEEL") or "")
    parts: list[list[str]] = [[], [], []]
    for tag in wheel.get_all("Tag") or ["py3-none-any"]:
        for part, value in zip(parts, tag.split("-"), strict=True):
            if value not in part:
                part.append(value)
    return "-".join(".".join(part) for part in parts)


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def repack(dist: importlib.metadata.Distribution, wheelhouse: Path) -> Path:
    """One installed distribution as a wheel in `wheelhouse`."""
    name = canonicalize_name(dist.metadata["Name"]).replace("-", "_")
    version = dist.version
    files = dist.files
    if files is None:
        raise RuntimeError(f"{name} {version} has no RECORD: it cannot be packed into a wheel")
    info = next(f.parts[0] for f in files if f.parts[0].endswith(".dist-info"))
    target = wheelhouse / f"{name}-{version}-{_tags(dist)}.whl"
    record: list[str] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for file in sorted(files, key=str):
            path = str(file)
            skipped = path.startswith("..") or "__pycache__" in file.parts
            if skipped or (file.parts[0] == info and file.name in _INSTALL_ONLY):
                continue
            data = Path(str(dist.locate_file(file))).read_bytes()
            wheel.writestr(path, data)
            record.append(f"{path},{_digest(data)},{len(data)}")
        record.append(f"{info}/RECORD,,")
        wheel.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return target


def build(requirements: Iterable[str], wheelhouse: Path) -> list[Path]:
    """Every distribution `requirements` need, from the running environment, as wheels."""
    wheelhouse.mkdir(parents=True, exist_ok=True)
    return [repack(dist, wheelhouse) for dist in closure(requirements)]
