"""The JSON Schema of the map format, generated from the models.

Pydantic does not add `$schema`; without it yaml-language-server falls back
to draft-07, so it is set here. `docs/journey.schema.json` is a committed copy
that a test keeps in sync.
"""

from __future__ import annotations

import json
from typing import Any

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://journeycli.example/schema/v1/journey.schema.json"


def build_schema() -> dict[str, Any]:
    from journeycli.model import JourneyMap

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
