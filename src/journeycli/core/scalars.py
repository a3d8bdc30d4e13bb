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


class WrittenFloat(float):
    """A plain decimal number that keeps its text as written (`1.450`, not `1.45`).

    Floats are rare in a map, so keeping their text costs nothing, and it lets
    a field refuse `1.450` as a thousands separator and every message quote
    the number the way the user typed it. Behaves as a float everywhere else.
    """

    __slots__ = ("text",)
    text: str

    def __new__(cls, value: float, text: str) -> WrittenFloat:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __reduce__(self) -> tuple[type, tuple[float, str]]:
        return (WrittenFloat, (float(self), self.text))


Ambiguous = AmbiguousBool | AmbiguousNumber
