"""The base classes of every map model: strict keys, `x-` extensions, ids from names.

Split from `model.py` so that the models of the format read on their own;
every item of a map derives from `Strict` (and items with an id from
`Identified`), so the rules they share are written once here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from journeycli.core.fieldtypes import Name, Slug, mapping_not_null, no_default
from journeycli.core.messages import invalid, msg
from journeycli.core.slug import slugify

EXTENSION_PREFIX = "x-"


def _schema_extra(schema: dict[str, Any]) -> None:
    """Allow `x-` keys; make each field's docstring a one-line hover text for editors."""
    schema["patternProperties"] = {"^x-": {}}
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict) and isinstance(prop.get("description"), str):
            prop["description"] = " ".join(prop["description"].split())


def without_extensions(data: Any) -> Any:
    """A mapping without the user's own `x-` keys; anything else as it is.

    Runs for every item of every map: a plain loop finds the first `x-` key, and
    only a mapping that has one is copied.
    """
    if isinstance(data, dict):
        for key in data:
            if isinstance(key, str) and key.startswith(EXTENSION_PREFIX):
                return {
                    k: v
                    for k, v in data.items()
                    if not (isinstance(k, str) and k.startswith(EXTENSION_PREFIX))
                }
    return data


class Strict(BaseModel):
    """Unknown keys are errors, except `x-` keys, which are dropped as the user's own."""

    model_config = ConfigDict(
        extra="forbid",
        # Built on first use, as part of JourneyMap: lint never builds a validator
        # for each nested model on its own (docs/performance.md, "One map").
        defer_build=True,
        frozen=True,
        use_enum_values=False,
        # The docstring under each field is its schema description, read by core/schema.py
        # only when the schema is built: not at import, where every lint would pay for it.
        json_schema_extra=_schema_extra,
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_extensions(cls, data: Any) -> Any:
        return without_extensions(data)


class Identified(Strict):
    """An item whose `id` defaults to the slug of its `name` (docs/format.md)."""

    id: Slug = Field(default="", json_schema_extra=no_default)
    """Short, stable identifier: a lower-case slug such as 'first-time-buyer'. Default: the slug of
    the name. Keep it when you rename the item, so reports and diffs follow it.
    """
    name: Name
    """Display name (required)."""

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("id") is None and isinstance(data.get("name"), str):
            derived = slugify(data["name"])
            if derived:
                data = {**data, "id": derived}
            else:
                data = {k: v for k, v in data.items() if k != "id"}
        return data

    @model_validator(mode="after")
    def _require_id(self) -> Identified:
        if not self.id:
            raise invalid(msg("value.no_id", name=self.name))
        return self


def drop_extension_keys(value: Any) -> Any:
    """A mapping keyed by ids (`persona_scores:`) minus the user's own `x-` keys.

    Such a mapping is a plain dict, not a `Strict` model, so the model validator
    above never sees it; without this an `x-note:` there would be read as a persona id.
    """
    return without_extensions(mapping_not_null(value))
