"""Values that YAML 1.1 reads differently from what the author meant.

The loader wraps such plain scalars in these markers instead of silently
turning `no` into False or `012` into 10; the model's field types then decide:
a text field rejects a marker with "quote it", a boolean field accepts only
`true`/`false`, a number field explains what PyYAML would have read. This
module has no dependencies so that both the loader and the pure model can use it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AmbiguousBool:
    """A plain `yes`/`no`/`on`/`off`/`y`/`n` (any case): YAML 1.1 reads a boolean."""

    text: str
    value: bool

    def explain(self) -> str:
        return (
            f"'{self.text}' is read by YAML as the boolean {str(self.value).lower()}; "
            f'quote it ("{self.text}") if you mean text'
        )


@dataclass(frozen=True, slots=True)
class AmbiguousNumber:
    """A plain number with a leading zero (octal) or colons (base 60)."""

    text: str
    value: int | float
    kind: str  # "octal" or "base-60"

    def explain(self) -> str:
        return (
            f"'{self.text}' is read by YAML 1.1 as the {self.kind} number {self.value}; "
            f'write the plain number or quote it ("{self.text}") if you mean text'
        )


Ambiguous = AmbiguousBool | AmbiguousNumber
