"""What the importers share: building the model from plain data, and default titles.

Imported data goes through `JourneyMap.model_validate`, the same door every
map file goes through, so an import can never produce a map that the format
rules would reject; the importers only check first what they can explain
better (a row and a column, a line number).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from journeycli.core.document import Limits
from journeycli.core.errors import InputError
from journeycli.core.model import JourneyMap, Language
from journeycli.core.sources import STDIN, STDIN_NAME, title_from_filename

DEFAULT_TITLE = "Imported journey"
PLACEHOLDER_ACTOR = {Language.EN: "Customer", Language.NL: "Klant"}
"""The actor of every task when a map has no personas (export), and read back as none (import)."""


def title_from_name(source: str | None) -> str:
    """A title from a file name: `meal-kit.csv` -> `Meal kit`; stdin -> the default title."""
    if not source or source in (STDIN, STDIN_NAME):
        return DEFAULT_TITLE
    return title_from_filename(source) or DEFAULT_TITLE


def too_many(source: str, count: int, what: str, limits: Limits) -> InputError | None:
    """E006 of an import: more stages or touchpoints than `limits` allow (docs/security.md)."""
    limit = limits.max_stages if what == "stages" else limits.max_touchpoints
    if count <= limit:
        return None
    flag = "--max-stages" if what == "stages" else "--max-touchpoints"
    return InputError(
        f"{source}: more than {limit:,} {what}, the limit of a map (E006); "
        f"raise it with {flag} if this input is real"
    )


def build_map(data: dict[str, Any], source: str, limits: Limits | None = None) -> JourneyMap:
    """Validate imported data with the model; a failure is an input error, never a traceback.

    The stage and touchpoint limits are checked first, so an oversized import
    fails before the model and the YAML writer spend time on it.
    """
    limits = limits or Limits()
    stages = data.get("stages", [])
    touchpoints = sum(len(s.get("touchpoints", [])) for s in stages)
    problem = too_many(source, len(stages), "stages", limits) or too_many(
        source, touchpoints, "touchpoints", limits
    )
    if problem is not None:
        raise problem
    try:
        return JourneyMap.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(
            f"{source}: the imported map is not valid at {where}: "
            f"{first['msg'].removeprefix('Value error, ')}"
        ) from exc
