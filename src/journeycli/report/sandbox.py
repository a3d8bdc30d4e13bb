"""The Jinja2 sandbox for users' `--template` files: plain data, a whitelist, and limits.

A template comes from a pull request and runs in CI, so it is treated as
hostile code (docs/security.md, "Untrusted report templates"):

- It gets plain data only (dicts, lists, text, numbers; report/run.py
  builds them), never a live object whose methods could reach Python.
- Calling is allowed only for what a report needs: the template's own
  macros, `loop.cycle`/`loop.changed`, the globals `range` (at most 100,000
  items), `dict`, `namespace`, `cycler`, `joiner`, and a few methods of text
  and mappings that cannot grow a value. Everything else is a sandbox
  violation. Filters and tests are a fixed list (no `random`, `urlize`,
  `pprint`, `lipsum`); the ones that can grow text check the size first.
- Data cannot be modified (`ImmutableSandboxedEnvironment`: no `append`).
- Every operation that grows a value (`~`, `+`, `*`, `**`, `%`, `format`,
  `join`, `replace`, `indent`, `center`, a macro's or `set` block's text)
  refuses a result over `MAX_SIZE`; printing a value or turning it into
  text is refused over `MAX_OUTPUT` before the text is built; the output
  stops at `MAX_OUTPUT`; loops and calls count against `MAX_STEPS`, and the
  rendering against `MAX_SECONDS` of wall-clock time and `MAX_MEMORY`.

The limits live in report/sandbox_limits.py.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.runtime import BlockReference, LoopContext, Macro, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Cycler, Joiner, Namespace, _PassArg

from journeycli.report.sandbox_limits import (
    MAX_INT_BITS,
    MAX_OUTPUT,
    MAX_SIZE,
    Budget,
    TemplateLimitError,
    check_format,
    check_int,
    check_text,
    format_arguments,
    length,
    memory_limit,
    out_of_memory,
    stream_limited,
    text_weight,
    time_limit,
    too_big,
)

# Methods of plain data a template may call: none of them can grow a value without a check.
_STR_METHODS = frozenset(
    {
        "capitalize", "casefold", "count", "endswith", "find", "format", "format_map",
        "isalnum", "isalpha", "isdigit", "islower", "isnumeric", "isspace", "istitle",
        "isupper", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix",
        "replace", "rfind", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
        "startswith", "strip", "swapcase", "title", "upper", "center", "zfill",
    }
)  # fmt: skip
_DICT_METHODS = frozenset({"items", "keys", "values", "get"})
_LIST_METHODS = frozenset({"count", "index"})
_WIDTH_METHODS = frozenset({"ljust", "rjust", "center", "zfill"})
_GLOBALS: dict[str, Any] = {
    "range": safe_range,
    "dict": dict,
    "namespace": Namespace,
    "cycler": Cycler,
    "joiner": Joiner,
}
_CALLABLE_GLOBALS = tuple(_GLOBALS.values())


def _grown_replace(text: str, old: str, new: str, count: int | None = None) -> None:
    found = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    if len(new) > len(old) and len(text) + found * (len(new) - len(old)) > MAX_SIZE:
        raise too_big("the replaced text")


# --- filters: the checks run before the filter, with the filter's own arguments -------------


def _text(factor: int = 1) -> Callable[..., None]:
    def check(value: Any, *_args: Any, **_kwargs: Any) -> None:
        check_text(value, "the text of this value", factor)

    return check


def _center(value: Any, width: int = 80) -> None:
    check_text(value, "the centred text")
    check_int(width, "the centre filter's width")


def _indent(value: Any, width: int | str = 4, *_args: Any, **_kwargs: Any) -> None:
    check_text(value, "the indented text")
    text = str(value)
    step = len(width) if isinstance(width, str) else width
    if len(text) + (text.count("\n") + 1) * max(step, 0) > MAX_SIZE:
        raise too_big("the indented text")


def _wordwrap(
    value: Any, width: int = 79, _long: bool = True, wrapstring: str | None = None, *_a: Any
) -> None:
    check_text(value, "the wrapped text")
    check_int(width, "the wordwrap filter's width")
    text = str(value)
    extra = len(wrapstring) if isinstance(wrapstring, str) else 1
    if len(text) + (len(text) // max(width, 1) + 1) * extra > MAX_SIZE:
        raise too_big("the wrapped text")


def _truncate(value: Any, length: int = 255, *_args: Any, **_kwargs: Any) -> None:
    check_text(value, "the truncated text")
    check_int(length, "the truncate filter's length")


def _replace(value: Any, old: str, new: str, count: int | None = None) -> None:
    check_text(value, "the replaced text")
    _grown_replace(str(value), str(old), str(new), count)


def _format(value: Any, *args: Any, **kwargs: Any) -> None:
    check_text(value, "the format")
    check_format(str(value), [*args, *kwargs.values()], brace=False)


def _tojson(value: Any, indent: int | None = None) -> None:
    if indent is not None and not 0 <= indent <= 16:
        raise TemplateLimitError("tojson's indent must be from 0 to 16 in templates")
    check_text(value, "the JSON text", 6 + 4 * (indent or 0))


def _count_arg(name: str) -> Callable[..., None]:
    def check(_value: Any, number: int = 0, *_args: Any, **_kwargs: Any) -> None:
        check_int(number, f"the {name} filter's count")

    return check


def _sum(_value: Any, attribute: Any = None, start: Any = 0) -> None:
    if isinstance(start, bool) or not isinstance(start, int | float):
        raise SecurityError("the sum filter adds numbers only in templates")


_NO_CHECK = None
# Every filter a template may use, with the check that runs first (None: cannot grow a value).
_FILTER_CHECKS: dict[str, Callable[..., None] | None] = {
    "abs": _NO_CHECK, "attr": _NO_CHECK, "batch": _count_arg("batch"),
    "capitalize": _text(), "center": _center, "count": _NO_CHECK, "d": _NO_CHECK,
    "default": _NO_CHECK, "dictsort": _NO_CHECK, "e": _text(6), "escape": _text(6),
    "filesizeformat": _NO_CHECK, "first": _NO_CHECK, "float": _NO_CHECK,
    "forceescape": _text(6), "format": _format, "groupby": _NO_CHECK, "indent": _indent,
    "int": _NO_CHECK, "items": _NO_CHECK, "join": _NO_CHECK, "last": _NO_CHECK,
    "length": _NO_CHECK, "list": _NO_CHECK, "lower": _text(), "map": _NO_CHECK,
    "max": _NO_CHECK, "min": _NO_CHECK, "reject": _NO_CHECK, "rejectattr": _NO_CHECK,
    "replace": _replace, "reverse": _text(), "round": _NO_CHECK, "safe": _text(),
    "select": _NO_CHECK, "selectattr": _NO_CHECK, "slice": _count_arg("slice"),
    "sort": _NO_CHECK, "string": _text(), "striptags": _text(), "sum": _sum,
    "title": _text(), "tojson": _tojson, "trim": _text(), "truncate": _truncate,
    "unique": _NO_CHECK, "upper": _text(), "urlencode": _text(12), "wordcount": _text(),
    "wordwrap": _wordwrap, "xmlattr": _text(6),
}  # fmt: skip


def _after(result: Any, name: str) -> Any:
    """The invariant behind the checks: no filter result is larger than the limits."""
    size = length(result)
    if size is not None and size > (MAX_OUTPUT if isinstance(result, str) else MAX_SIZE):
        raise too_big(f"the result of the {name} filter")
    return result


def _limited(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """The filter with its check first; keeps Jinja's pass_context/environment marker."""
    check = _FILTER_CHECKS[name]
    passed = 1 if _PassArg.from_obj(function) is not None else 0

    def limited(*args: Any, **kwargs: Any) -> Any:
        if check is not None:
            check(*args[passed:], **kwargs)
        return _after(function(*args, **kwargs), name)

    limited.__dict__.update(getattr(function, "__dict__", {}))
    return limited


def _join(function: Callable[..., Any]) -> Callable[..., Any]:
    """`join` takes any iterable: read at most MAX_SIZE items, measure, then join."""

    def join(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> Any:
        items = list(islice(value, MAX_SIZE + 1))
        if len(items) > MAX_SIZE:
            raise too_big("the joined list")
        total = text_weight(items, MAX_OUTPUT) + len(str(d)) * len(items)
        if total > MAX_OUTPUT:
            raise too_big("the joined text", MAX_OUTPUT)
        return _after(function(eval_ctx, items, d, attribute), "join")

    join.__dict__.update(function.__dict__)
    return join


# --- operators ---------------------------------------------------------------------------


def _add(left: Any, right: Any) -> Any:
    sizes = (length(left), length(right))
    if None not in sizes and sum(s or 0 for s in sizes) > MAX_SIZE:
        raise too_big("the sum of these values")
    return operator.add(left, right)


def _multiply(left: Any, right: Any) -> Any:
    for sequence, count in ((left, right), (right, left)):
        size = length(sequence)
        if size is not None and isinstance(count, int) and size * count > MAX_SIZE:
            raise too_big("a repeated value")
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and left.bit_length() + right.bit_length() > MAX_INT_BITS
    ):
        raise too_big("a product")
    return operator.mul(left, right)


def _power(left: Any, right: Any) -> Any:
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and right > 0
        and abs(left) > 1
        and abs(left).bit_length() * right > MAX_INT_BITS
    ):
        raise too_big("a power")
    return operator.pow(left, right)


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        check_format(left, format_arguments(right), brace=False)
    return operator.mod(left, right)


class _LimitedCodeGenerator(CodeGenerator):
    """Jinja's compiler with two hooks: loops count their steps, and `~` checks its size."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:  # noqa: N802 (Jinja's name)
        counted = nodes.Call(
            nodes.EnvironmentAttribute("count_steps"), [node.iter], [], None, None
        ).set_lineno(node.lineno)
        loop = nodes.For(node.target, counted, node.body, node.else_, node.test, node.recursive)
        loop.set_lineno(node.lineno)
        super().visit_For(loop, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802
        self.write("environment.joined((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("), ")
        if frame.eval_ctx.volatile:
            self.write("(markup_join if context.eval_ctx.volatile else str_join)")
        else:
            self.write("markup_join" if frame.eval_ctx.autoescape else "str_join")
        self.write(")")


class TemplateSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with a whitelist of callables and the limits above."""

    code_generator_class = _LimitedCodeGenerator
    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = Budget()
        self.binop_table = {
            **self.binop_table,
            "+": _add,
            "*": _multiply,
            "**": _power,
            "%": _modulo,
        }
        self.filters = {name: _limited(name, FILTERS[name]) for name in _FILTER_CHECKS}
        self.filters["join"] = _join(FILTERS["join"])
        self.globals = dict(_GLOBALS)
        self.finalize = self._printable
        self.concat = self._buffer_text  # type: ignore[method-assign]

    # hooks of the compiled template ------------------------------------------------------

    def count_steps(self, iterable: Iterable[Any]) -> Iterable[Any]:
        return self.budget.counted(iterable)

    def joined(self, parts: tuple[Any, ...], join: Callable[[Iterable[Any]], str]) -> str:
        """`a ~ b ~ c`: measured first (each part's text), then joined."""
        total = 0
        for part in parts:
            total += len(part) if isinstance(part, str) else text_weight(part, MAX_SIZE)
            if total > MAX_SIZE:
                raise too_big("the joined text (~)")
        return join(parts)

    def _buffer_text(self, parts: Iterable[str]) -> str:
        """The text of a macro, `set` block, `filter` block or `caller()`."""
        pieces = parts if isinstance(parts, list) else list(parts)
        if sum(len(piece) for piece in pieces) > MAX_SIZE:
            raise too_big("the text of this block or macro")
        return "".join(pieces)

    def _printable(self, value: Any) -> Any:
        """Every `{{ value }}`: its text is measured before it is made."""
        if not isinstance(value, str | int | float | Undefined) and value is not None:
            check_text(value, "the printed value")
        return value

    # the whitelist -------------------------------------------------------------------------

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.budget.tick()
        if getattr(__obj, "__func__", None) is TemplateSandbox.count_steps or isinstance(
            __obj, Undefined
        ):
            return __context.call(__obj, *args, **kwargs)
        if isinstance(__obj, LoopContext) and args:  # a recursive loop: count its steps too
            args = (__self.budget.counted(args[0]), *args[1:])
        if isinstance(__obj, Macro | LoopContext | BlockReference | Joiner) or any(
            __obj is allowed for allowed in _CALLABLE_GLOBALS
        ):
            return __context.call(__obj, *args, **kwargs)
        __self._check_method(__obj, args, kwargs)
        return __context.call(__obj, *args, **kwargs)

    @staticmethod
    def _check_method(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        name = getattr(method, "__name__", "")
        # The sandbox hands out str.format wrapped; the string is the wrapped method's owner.
        owner = getattr(getattr(method, "__wrapped__", method), "__self__", None)
        if isinstance(owner, str) and name in _STR_METHODS:
            if name in _WIDTH_METHODS and any(
                isinstance(a, int) and a > MAX_SIZE for a in (*args, *kwargs.values())
            ):
                raise too_big(f"str.{name}()")
            if name in ("format", "format_map"):
                check_format(owner, [*args, *kwargs.values()], brace=True)
            if name == "replace" and len(args) >= 2:
                _grown_replace(owner, str(args[0]), str(args[1]), *args[2:3])
            return
        if (
            (isinstance(owner, dict) and name in _DICT_METHODS)
            or (isinstance(owner, list | tuple) and name in _LIST_METHODS)
            or (isinstance(owner, LoopContext) and name in ("cycle", "changed"))
            or (isinstance(owner, Cycler) and name in ("next", "reset"))
        ):
            return
        shown = name if name.isidentifier() else type(method).__name__
        raise SecurityError(
            f"{shown}() cannot be called in a template; "
            "use the filters and tests listed in docs/report.md"
        )


def render_capped(template: Any, context: dict[str, Any]) -> str:
    """Render within every limit: steps, output size, wall-clock time and memory."""
    if isinstance(template.environment, TemplateSandbox):
        template.environment.budget = Budget()
    try:
        with memory_limit(), time_limit():
            return stream_limited(template.generate(context))
    except MemoryError:
        raise out_of_memory() from None
    except SystemError as exc:
        # A C extension (markupsafe, the str type) that fails to allocate under the memory
        # limit may return an error without setting MemoryError; it is the same failure.
        if "without exception set" in str(exc):
            raise out_of_memory() from None
        raise
