"""Next-step hints for error messages: "did you mean ...?" and where a YAML mistake is.

Many journey users have never used a command-line linter; an error that only
says what is wrong leaves them stuck. These helpers turn a typo or a missing
file into the one thing to try next. Pure apart from listing one directory.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from journeycli.core.messages import Message, msg


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a typo most likely meant, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """ "did you mean 'x'?" for the closest choice, or None when nothing is close."""
    match = closest(word, choices)
    return f"did you mean '{match}'?" if match else None


def yaml_syntax(exc: Any, text: str) -> tuple[int, int, Message]:
    """Where a PyYAML syntax error is (1-based line, column) and why, in the user's terms.

    PyYAML says what its parser expected ("mapping values are not allowed
    here"), at the place it gave up, often the line after the mistake. For the
    mistakes people make by hand (a tab, a line indented wrongly, a missing
    space after '-' or ':', ': ' or '@' in unquoted text, an unclosed quote or
    bracket) this names the cause and points at the line to fix; anything
    else keeps PyYAML's own words (docs/format.md, "YAML traps"). The causes
    are catalogue messages, so a Dutch map gets them in Dutch (docs/lint.md).
    """
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    reason = " ".join(part for part in (context, problem) if part)
    found = _Source(lines).explain(context, problem, exc.context_mark, line, col)
    if found is not None:
        return found[0], found[1], msg("e001.yaml_hint", hint=found[2])
    return line, col, msg("e001.yaml", reason=reason)


_DASH_WORD = re.compile(r"-[^\s-]")
_TIGHT_COLON = re.compile(r"([^\s:#]+):([^\s/][^\s]*)")  # `name:A`; not `https://`
_ITEM_PREFIX = re.compile(r"^(\s*(?:-\s+)*)")


def _closes(text: str, opening: str, closing: str) -> bool:
    """Whether the bracket that `text` starts with is closed later on the same line."""
    depth = 0
    for char in text:
        depth += (char == opening) - (char == closing)
        if depth == 0:
            return True
    return False


class _Source:
    """The lines of the file, read for the cause of one syntax error."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def row(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def indent(self, line: int) -> int:
        row = self.row(line)
        return len(row) - len(row.lstrip(" "))

    def previous(self, line: int) -> int | None:
        """The nearest line above with content (not blank, not only a comment)."""
        for number in range(line - 1, 0, -1):
            stripped = self.row(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return None

    def explain(
        self, context: str, problem: str, context_mark: Any, line: int, col: int
    ) -> tuple[int, int, Message] | None:
        row = self.row(line)
        if row[col - 1 : col] == "\t" or "tab character" in problem:
            return self.tab(line, col)
        if "quoted scalar" in context and context_mark is not None:
            at, start = context_mark.line + 1, context_mark.column + 1
            quote = self.row(at)[start - 1 : start] or '"'
            return (
                at,
                start,
                msg("yaml.unclosed_quote", line=str(at), quote=quote),
            )
        if "flow sequence" in context or "flow mapping" in context:
            return self.flow(context, context_mark, line, col)
        if "could not find expected ':'" in problem and context_mark is not None:
            at, start = context_mark.line + 1, context_mark.column + 1
            return self.tight_colon(at) or (
                at,
                start,
                msg("yaml.key_expected", line=str(at)),
            )
        if "mapping values are not allowed" in problem:
            return self.colon_in_text(line, col) or self.continued(line)
        if "cannot start any token" in problem:
            char = row[col - 1 : col]
            return (
                line,
                col,
                msg("yaml.reserved", char=char),
            )
        if "did not find expected" in problem and "block" in context:
            return self.after_quote(line, col) or self.misaligned(line)
        if "unknown escape character" in problem:
            return (
                line,
                col,
                msg("yaml.escape"),
            )
        return None

    def tab(self, line: int, col: int) -> tuple[int, int, Message]:
        if not self.row(line)[: col - 1].strip(" \t"):
            return (
                line,
                1,
                msg("yaml.tab_indent", line=str(line)),
            )
        return line, col, msg("yaml.tab")

    def flow(
        self, context: str, context_mark: Any, line: int, col: int
    ) -> tuple[int, int, Message]:
        opening, closing, kind = (
            ("[", "]", msg("yaml.the_list"))
            if "sequence" in context
            else ("{", "}", msg("yaml.the_mapping"))
        )
        if context_mark is None:
            return line, col, msg("yaml.flow_open", kind=kind, closing=closing)
        at, start = context_mark.line + 1, context_mark.column + 1
        if _closes(self.row(at)[start - 1 :], opening, closing):
            return (
                line,
                col,
                msg("yaml.flow_bad", kind=kind, opening=opening, line=str(at), closing=closing),
            )
        return (
            at,
            start,
            msg("yaml.flow_unclosed", opening=opening, line=str(at), kind=kind, closing=closing),
        )

    def tight_colon(self, line: int) -> tuple[int, int, Message] | None:
        """`name:Aankoop`: without a space after ':' it is text, not a key."""
        row = self.row(line)
        body = row[len(_ITEM_PREFIX.match(row).group(1)) :]  # type: ignore[union-attr]
        match = _TIGHT_COLON.match(body)
        if match is None or body.startswith(("'", '"')):
            return None
        token = match.group(0)
        col = row.index(token) + 1
        return (
            line,
            col,
            msg("yaml.tight_colon", token=token, key=match.group(1), value=match.group(2)),
        )

    def colon_in_text(self, line: int, col: int) -> tuple[int, int, Message] | None:
        """`description: Let op: dit is het`: the second ': ' is inside the text."""
        row = self.row(line)
        prefix = _ITEM_PREFIX.match(row).group(1)  # type: ignore[union-attr]
        before = row[len(prefix) : col - 1]
        key, sep, _ = before.partition(": ")
        if not sep or not key or " " in key.strip():
            return None
        value_col = len(prefix) + len(key) + len(sep) + 1
        text = row[value_col - 1 :].strip()
        return (
            line,
            value_col,
            msg("yaml.colon_in_text", key=key, text=text),
        )

    def continued(self, line: int) -> tuple[int, int, Message] | None:
        """A key on a line that YAML read as more text of a plain value above it."""
        above = self.previous(line)
        if above is None:
            return None
        row = self.row(above)
        body = row.lstrip(" ")
        if _DASH_WORD.match(body):
            head = body.split(":", 1)[0]
            return (
                above,
                self.indent(above) + 1,
                msg("yaml.dash", head=head, rest=body[1:]),
            )
        tight = self.tight_colon(above)
        if tight is not None:
            return tight
        prefix = len(_ITEM_PREFIX.match(row).group(1))  # type: ignore[union-attr]
        here = self.indent(line)
        if here > prefix:
            return (
                line,
                here + 1,
                msg(
                    "yaml.indented_further",
                    line=str(line),
                    above=str(above),
                    here=str(here),
                    prefix=str(prefix),
                ),
            )
        return None

    def after_quote(self, line: int, col: int) -> tuple[int, int, Message] | None:
        """`- "Kan dat" nog?`: text after a closing quote."""
        row = self.row(line)
        before = row[: col - 1].rstrip()
        if col - 1 <= self.indent(line) or not before.endswith(("'", '"')):
            return None
        quote = before[-1]
        start = before.rfind(quote, 0, len(before) - 1)
        if start < 0:
            return None
        whole = (before[start + 1 : -1] + " " + row[col - 1 :].strip()).strip()
        return (
            line,
            start + 1,
            msg("yaml.after_quote", line=str(line), whole=whole),
        )

    def misaligned(self, line: int) -> tuple[int, int, Message] | None:
        """A line whose indentation fits no level of the structure above it."""
        above = self.previous(line)
        if above is None:
            return None
        here, there = self.indent(line), self.indent(above)
        levels = set()
        for number in range(1, line):
            row = self.row(number)
            if row.strip() and not row.strip().startswith("#"):
                prefix = _ITEM_PREFIX.match(row).group(1)  # type: ignore[union-attr]
                levels.update({self.indent(number), len(prefix)})
        if here not in levels:
            return (
                line,
                here + 1,
                msg(
                    "yaml.no_level",
                    line=str(line),
                    here=str(here),
                    above=str(above),
                    there=str(there),
                ),
            )
        return (
            line,
            here + 1,
            msg("yaml.misfit", line=str(line), here=str(here), above=str(above), there=str(there)),
        )
