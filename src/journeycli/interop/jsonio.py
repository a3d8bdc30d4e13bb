"""A validated map as JSON, for scripts (jq, dashboards) rather than people.

Every field is written, defaults and nulls included (`model_dump(mode="json")`,
nothing excluded): a consumer sees the same keys for every map and needs no
knowledge of the format's defaults. Keys keep the order of docs/format.md, text stays
Unicode, dates are ISO strings. JSON is YAML, so the output is itself a valid
map that `journey lint` accepts.
"""

from __future__ import annotations

import json

from journeycli.core.model import JourneyMap


def to_json(journey: JourneyMap) -> str:
    return json.dumps(journey.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
