"""The size, time and memory limits of a user's `--template` (see report/sandbox.py).

A template is code from a pull request, rendered by CI. Jinja2's sandbox
keeps it away from Python's internals but not from the machine's memory and
time: `'x' * 10**10`, a string doubled in a `namespace` loop, `range(10) |
slice(10**9)`, nested loops of 100,000 each. Every operation that can grow a
value checks the size its result would have *before* building it, so the
error comes instead of the allocation. The limits and their rationale are
documented in docs/security.md ("Untrusted report templates").
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
from collections.abc import ItemsView, Iterable, Iterator, KeysView, ValuesView
from pathlib import Path
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.utils import Namespace

MAX_SIZE = 1_000_000  # characters or items in one value a template operation builds
MAX_OUTPUT = 32 * 1024 * 1024  # characters of output, and of the text one value may become
MAX_INT_BITS = 64 * 1024  # bits of an integer built by `*` or `**`
MAX_STEPS = 10_000_000  # loop iterations and calls in one rendering
MAX_SECONDS = 10.0  # wall-clock time of one rendering
MAX_MEMORY = 1024 * 1024 * 1024  # bytes of memory a rendering may add to the process

# A width or precision in a format spec: `{:>1000}`, `%-1000s`, `%.*f`.
_BRACE_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")
_NESTED_SPEC = re.compile(r"\{[^{}]*:[^{}]*\{")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


class TemplateLimitError(SecurityError):
    """A template reached one of the limits above; the message names the limit."""


def too_big(what: str, limit: int = MAX_SIZE) -> TemplateLimitError:
    return TemplateLimitError(
        f"{what} would be over {limit:,} characters or items, the most a template may build"
    )


def text_weight(value: Any, limit: int) -> int:
    """About how many characters `str(value)` has, counting no further than past `limit`.

    Walks containers without building their text, so a list that refers to
    the same large string a million times is measured before `str()` or
    `tojson` would allocate it. Stops as soon as the count passes `limit`.
    """
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item) + 2
        elif isinstance(item, dict):
            total += 4 * len(item) + 2
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset | KeysView | ValuesView | ItemsView):
            total += 2 * len(item) + 2
            stack.extend(item)
        elif isinstance(item, Namespace):
            stack.append(dict(item._Namespace__attrs))
        elif isinstance(item, int) and not isinstance(item, bool):
            total += item.bit_length() // 3 + 2
        else:
            total += 32
        if total > limit:
            break
    return total


def check_text(value: Any, what: str, factor: int = 1, limit: int = MAX_OUTPUT) -> None:
    """Refuse turning `value` into text when the text would be over `limit` characters.

    `factor` is how much longer the conversion can make each character (six
    for JSON's `\\u003c`, nine for URL encoding of a four-byte character).
    """
    if not isinstance(value, str) and text_weight(value, limit // factor) * factor > limit:
        raise too_big(what, limit)
    if isinstance(value, str) and len(value) * factor > limit:
        raise too_big(what, limit)


def length(value: Any) -> int | None:
    return len(value) if isinstance(value, str | bytes | list | tuple) else None


def check_int(value: Any, what: str) -> None:
    if isinstance(value, int) and value > MAX_SIZE:
        raise too_big(what)


def _check_widths(numbers: Iterable[str], what: str) -> None:
    for number in numbers:
        if number == "*":
            raise TemplateLimitError(f"{what}: a '*' width is not allowed in templates")
        if number and int(number) > MAX_SIZE:
            raise too_big(what)


def check_format(text: str, args: Iterable[Any], brace: bool) -> None:
    """`text.format(*args)` or `text % args`: widths in range, and a bound on the result.

    Each field can take the longest argument, so the result is at most the
    format's length plus fields x the longest argument's text.
    """
    if brace:
        if _NESTED_SPEC.search(text):
            raise TemplateLimitError(
                "a format width taken from an argument is not allowed in templates"
            )
        _check_widths(_BRACE_WIDTH.findall(text), "a format width")
        fields = text.count("{")
    else:
        specs = _PERCENT_SPEC.findall(text)
        for width, precision in specs:
            _check_widths((width, precision), "a %-format width")
        fields = text.count("%")
    longest = max((text_weight(arg, MAX_SIZE) for arg in args), default=0)
    if len(text) + fields * longest > MAX_SIZE:
        raise too_big("the formatted text")


def format_arguments(right: Any) -> list[Any]:
    """The values a `%` format may insert: a tuple's items, a mapping's values, or the value."""
    if isinstance(right, tuple):
        return list(right)
    if isinstance(right, dict):
        return list(right.values())
    return [right]


class Budget:
    """The steps and the deadline of one rendering, checked as the template runs."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TemplateLimitError(
                f"the template took more than {MAX_STEPS:,} loop steps and calls, "
                "the most a template may take"
            )
        if not self.steps & 0x3FF and time.monotonic() > self.deadline:
            raise timed_out()

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.tick()
            yield item


def timed_out() -> TemplateLimitError:
    return TemplateLimitError(
        f"the template ran for more than {MAX_SECONDS:g} seconds, the most a template may take"
    )


@contextlib.contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Interrupt the rendering after `seconds` of wall-clock time (main thread only).

    The `Budget` checks the clock between steps; this alarm also stops a
    single long step. An alarm set by the caller that would fire first is
    left alone; a later one is restored with its remaining time.
    """
    seconds = MAX_SECONDS if seconds is None else seconds
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL) if usable else (0.0, 0.0)
    if not usable or 0 < outer_delay <= seconds:
        yield
        return

    def expired(_signum: int, _frame: Any) -> None:
        # An exception raised in a garbage-collector or __del__ callback is printed and
        # dropped; the alarm is set again so a dropped one is followed by another.
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        raise timed_out()

    outer_handler = signal.signal(signal.SIGALRM, expired)
    start = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, outer_handler)
        if outer_delay:
            left = max(outer_delay - (time.monotonic() - start), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


def _address_space() -> int | None:
    """The process's current virtual memory size in bytes (Linux), else None."""
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0])
    except (OSError, ValueError, IndexError):
        return None
    import resource

    return pages * resource.getpagesize()


@contextlib.contextmanager
def memory_limit(headroom: int | None = None) -> Iterator[None]:
    """Let the rendering add at most `headroom` bytes to the process (Linux; a backstop).

    The size checks stop every known way to grow a value; this catches any
    combination they miss (deep recursion that keeps large values alive on
    every level), as a MemoryError instead of the machine's memory.
    """
    headroom = MAX_MEMORY if headroom is None else headroom
    current = _address_space()
    if current is None:
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = current + headroom
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft <= wanted:
        yield
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def out_of_memory() -> TemplateLimitError:
    return TemplateLimitError(
        f"the template needed more than {MAX_MEMORY // 2**20:,} MiB of memory, "
        "the most a template may use"
    )


def stream_limited(parts: Iterable[str]) -> str:
    """Join the rendered parts, refusing output beyond `MAX_OUTPUT` characters as it streams."""
    out: list[str] = []
    size = 0
    for part in parts:
        size += len(part)
        if size > MAX_OUTPUT:
            raise TemplateLimitError(
                f"the output would be over {MAX_OUTPUT:,} characters, the most a template may write"
            )
        out.append(part)
    return "".join(out)
