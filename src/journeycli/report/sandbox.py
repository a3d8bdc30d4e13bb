"""The Jinja2 sandbox for users' `--template` files, with size limits added.

Jinja2's `SandboxedEnvironment` stops a template from reaching Python's
internals (`''.__class__.__mro__`, `__globals__`, file access) and caps
`range()` at 100,000 items, but it lets a template build an arbitrarily large
value in one expression: `'x' * 10**10`, `9 ** 9 ** 9`, `'%*s' % (10**9, '')`,
`'x'.ljust(10**9)`, `'x' | center(10**9)`, `'{:>999999999}'.format(1)`. Any of
those takes the machine's memory (a CI runner reviewing a pull request) before
an error can be shown. Here each is refused with a `SecurityError` when the
result would be larger than `MAX_SIZE` items or characters, and the rendered
text as a whole is cut off with an error past `MAX_OUTPUT` characters.

What remains possible is spending CPU time in nested loops (each loop is
capped at 100,000 items by the sandbox): run untrusted templates under a job
timeout, as CI does anyway (docs/security.md).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_SIZE = 1_000_000  # items or characters in one value built by an operator or method
MAX_OUTPUT = 32 * 1024 * 1024  # characters of rendered text
MAX_EXPONENT_BITS = 64 * 1024  # bits of an integer power

_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})
_FORMAT_METHODS = frozenset({"format", "format_map"})
_WIDTH_FILTERS = ("center", "indent", "wordwrap", "truncate")
# A width or precision in a format spec: `{:>1000}`, `%-1000s`, `%.*f`.
_BRACE_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")
_NESTED_SPEC = re.compile(r"\{[^{}]*:[^{}]*\{")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _too_big(what: str) -> SecurityError:
    return SecurityError(f"{what} would be larger than {MAX_SIZE:,}; templates are limited")


def _check_widths(numbers: Iterable[str], what: str) -> None:
    for number in numbers:
        if number == "*":
            raise SecurityError(f"{what}: a '*' width is not allowed in templates")
        if number and int(number) > MAX_SIZE:
            raise _too_big(what)


def _check_format_string(text: str) -> None:
    if _NESTED_SPEC.search(text):
        raise SecurityError("a format width taken from an argument is not allowed in templates")
    _check_widths(_BRACE_WIDTH.findall(text), "a format width")


def _check_percent(text: str) -> None:
    for width, precision in _PERCENT_SPEC.findall(text):
        _check_widths((width, precision), "a %-format width")


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple) else None


def _multiply(left: Any, right: Any) -> Any:
    for sequence, count in ((left, right), (right, left)):
        size = _length(sequence)
        if size is not None and isinstance(count, int) and size * count > MAX_SIZE:
            raise _too_big("a repeated value")
    return operator.mul(left, right)


def _power(left: Any, right: Any) -> Any:
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and right > 0
        and abs(left) > 1
        and abs(left).bit_length() * right > MAX_EXPONENT_BITS
    ):
        raise _too_big("a power")
    return operator.pow(left, right)


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        _check_percent(left)
    return operator.mod(left, right)


def _capped_filter(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    def capped(*args: Any, **kwargs: Any) -> Any:
        numbers = [a for a in (*args[1:], *kwargs.values()) if isinstance(a, int)]
        if any(n > MAX_SIZE for n in numbers):
            raise _too_big(f"the {name} filter's width")
        return function(*args, **kwargs)

    capped.__dict__.update(function.__dict__)  # keep Jinja's pass_environment markers
    return capped


class TemplateSandbox(SandboxedEnvironment):
    """Jinja2's sandbox plus the size limits of the module docstring."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table = {**self.binop_table, "*": _multiply, "**": _power, "%": _modulo}
        for name in _WIDTH_FILTERS:
            self.filters[name] = _capped_filter(self.filters[name], name)
        original_format = self.filters["format"]

        def checked_format(value: Any, *args: Any, **kwargs: Any) -> Any:
            _check_percent(str(value))
            return original_format(value, *args, **kwargs)

        self.filters["format"] = checked_format

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(__obj, "__name__", "")
        # The sandbox hands out str.format wrapped; the string is the wrapped method's owner.
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str):
            if name in _WIDTH_METHODS and any(
                isinstance(a, int) and a > MAX_SIZE for a in (*args, *kwargs.values())
            ):
                raise _too_big(f"str.{name}()")
            if name in _FORMAT_METHODS:
                _check_format_string(owner)
        return super().call(__context, __obj, *args, **kwargs)


def render_capped(template: Any, context: dict[str, Any]) -> str:
    """Render, refusing output beyond `MAX_OUTPUT` characters as it streams."""
    parts: list[str] = []
    size = 0
    for part in template.generate(context):
        size += len(part)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the template's output is over {MAX_OUTPUT:,} characters")
        parts.append(part)
    return "".join(parts)
