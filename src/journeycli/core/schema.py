"""The JSON Schema of the map format, generated from the models.

Pydantic does not add `$schema`; without it yaml-language-server falls back
to draft-07, so it is set here. `docs/journey.schema.json` is a committed copy
that a test keeps in sync.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://journeycli.example/schema/v1/journey.schema.json"
SCHEMA_FILE = "journey.schema.json"  # what `journey schema >` is told to write, next to the maps


def build_schema() -> dict[str, Any]:
    from journeycli.core.model import JourneyMap

    generated = JourneyMap.model_json_schema()
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "journey map (format version 1)",
        "description": "A customer journey map kept as code; see docs/format.md.",
    }
    schema.update({k: v for k, v in generated.items() if k not in ("title", "description")})
    return schema


def schema_text() -> str:
    return json.dumps(build_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def find_schema_ref(directory: Path) -> tuple[str, bool]:
    """The modeline target: the nearest `journey.schema.json` up to the project root.

    The search climbs from the map's folder to the nearest folder holding
    `.git` or `pyproject.toml`; without such a root only the map's own folder
    is looked at. When none is found, the same-folder name is used
    (`journey schema > journey.schema.json` creates it).
    """
    start = directory.resolve()
    folders = [start]
    for folder in [start, *start.parents]:
        if folder is not start:
            folders.append(folder)
        if (folder / ".git").exists() or (folder / "pyproject.toml").is_file():
            break
    else:
        folders = [start]
    for level, folder in enumerate(folders):
        if (folder / SCHEMA_FILE).is_file():
            return "../" * level + SCHEMA_FILE, True
    return SCHEMA_FILE, False
