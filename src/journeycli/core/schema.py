"""The JSON Schema of the map format, generated from the models.

Pydantic does not add `$schema`; without it yaml-language-server falls back
to draft-07, so it is set here. `docs/journey.schema.json` is a committed copy
that a test keeps in sync.

The docstring under each model field is its description here. The models do
not ask Pydantic to read those docstrings (`use_attribute_docstrings`): that
reads and parses the source of every model at import, which every `journey
lint` would pay for and only `journey schema` needs (docs/performance.md,
"One map"). They are read here, from the same source, instead.
"""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from pathlib import Path
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://journeycli.example/schema/v1/journey.schema.json"
SCHEMA_FILE = "journey.schema.json"  # what `journey schema >` is told to write, next to the maps


def build_schema() -> dict[str, Any]:
    from journeycli.core import model
    from journeycli.core.model import JourneyMap
    from journeycli.core.model_base import Strict

    generated = JourneyMap.model_json_schema()
    _describe(generated, JourneyMap)
    for name, definition in generated.get("$defs", {}).items():
        cls = getattr(model, name, None)
        if isinstance(cls, type) and issubclass(cls, Strict):
            _describe(definition, cls)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": "journey map (format version 1)",
        "description": "A customer journey map kept as code; see docs/format.md.",
    }
    schema.update({k: v for k, v in generated.items() if k not in ("title", "description")})
    return schema


def _field_docstrings(cls: type) -> dict[str, str]:
    """The string literal right under each annotated field of `cls` and its bases.

    Bases count from `Strict` down (`Identified`'s `id` and `name` live in
    `model_base.py`); Pydantic's own classes above it have no field docstrings.
    """
    from journeycli.core.model_base import Strict

    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if not (isinstance(klass, type) and issubclass(klass, Strict)):
            continue
        body = ast.parse(textwrap.dedent(inspect.getsource(klass))).body[0]
        assert isinstance(body, ast.ClassDef)
        for node, after in zip(body.body, [*body.body[1:], None], strict=True):
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                docs.pop(node.target.id, None)  # redeclared: only its own docstring counts
                if (
                    isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                ):
                    docs[node.target.id] = after.value.value
    return docs


def _describe(definition: dict[str, Any], cls: type) -> None:
    """Give each property of `cls`'s schema its field docstring, folded onto one line."""
    properties = definition.get("properties", {})
    docs = _field_docstrings(cls)
    for name, prop in properties.items():
        if isinstance(prop, dict) and "description" not in prop and name in docs:
            prop["description"] = " ".join(docs[name].split())
            properties[name] = dict(sorted(prop.items()))  # Pydantic's own key order


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
