"""Finding the journey diagram in what people paste: Markdown, front matter, directives.

Diagrams live in READMEs inside ```` ```mermaid ```` fences, start with YAML
front matter (`---` / `title:` / `config:` / `---`) or an `%%{init: ...}%%`
directive that may span lines. Mermaid strips front matter and directives
before its lexer runs; so does this module, replacing them with blank lines
so every later error still names the line of the original file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from journeycli.core.errors import InputError
from journeycli.core.loader import load_document
from journeycli.core.scalars import AmbiguousBool, AmbiguousNumber

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
_DIRECTIVE = re.compile(r"%%\{.*?\}%%", re.DOTALL)
_COMMENT_LINE = re.compile(r"^\s*%%")


@dataclass(frozen=True, slots=True)
class Diagram:
    """The diagram text (front matter and directives blanked) and where it starts in the file."""

    text: str
    first_line: int
    front_title: str | None = None


@dataclass(frozen=True, slots=True)
class _Block:
    first_line: int
    text: str
    info: str


def _fenced_blocks(lines: list[str]) -> list[_Block]:
    """CommonMark fenced code blocks: (first content line, content, info string)."""
    blocks = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None or (match.group(2)[0] == "`" and "`" in match.group(3)):
            i += 1
            continue
        indent, fence, info = len(match.group(1)), match.group(2), match.group(3).strip()
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        body = [_dedent(line, indent) for line in lines[i + 1 : j]]
        blocks.append(_Block(i + 2, "\n".join(body), info))
        i = j + 1
    return blocks


def _dedent(line: str, indent: int) -> str:
    strip = min(indent, len(line) - len(line.lstrip(" ")))
    return line[strip:]


def _first_word(text: str) -> str:
    """The first word Mermaid would see: after front matter, directives and comments."""
    text = _DIRECTIVE.sub("", _strip_front_matter(text))
    for line in text.split("\n"):
        if line.strip() and not _COMMENT_LINE.match(line):
            return line.split()[0]
    return ""


def _strip_front_matter(text: str) -> str:
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].rstrip() != "---":
        return text
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip() == "---":
            return "\n".join(lines[end + 1 :])
    return text


def find_diagram(text: str, source: str) -> Diagram:
    """The journey diagram in `text`: the first journey block of a Markdown file, or all of it."""
    lines = text.split("\n")
    blocks = [
        b for b in _fenced_blocks(lines) if not b.info or b.info.split()[0].lower() == "mermaid"
    ]
    if not blocks:
        return _prepare(text, 1, source)
    for block in blocks:
        if _first_word(block.text).lower() == "journey":
            return _prepare(block.text, block.first_line, source)
    found = sorted({_first_word(b.text) or "(empty)" for b in blocks})
    raise InputError(
        f"{source}: none of the {len(blocks)} Mermaid block(s) is a journey diagram "
        f"(found: {', '.join(found)})"
    )


def _prepare(text: str, first_line: int, source: str) -> Diagram:
    text, title = _front_matter(text, first_line, source)
    text = _DIRECTIVE.sub(lambda m: "\n" * m.group().count("\n"), text)
    return Diagram(text, first_line, title)


def _front_matter(text: str, first_line: int, source: str) -> tuple[str, str | None]:
    """Blank out leading `---` front matter; return its `title` when it has one."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].rstrip() != "---":
        return text, None
    end = next((j for j in range(start + 1, len(lines)) if lines[j].rstrip() == "---"), None)
    if end is None:
        raise InputError(
            f"{source}:{first_line + start}: front matter starts with '---' but is never closed"
        )
    body = "\n".join(lines[start + 1 : end])
    title = _front_title(body, first_line + start + 1, source) if body.strip() else None
    blanked = [""] * (end + 1) + lines[end + 1 :]
    return "\n".join(blanked), title


def _front_title(body: str, line: int, source: str) -> str | None:
    # blank lines in front keep every line number the file's own, in messages too
    document = load_document(("\n" * (line - 1) + body).encode("utf-8"), source)
    errors = [p for p in document.problems if p.is_error]
    if errors or document.data is None:
        problem = errors[0] if errors else None
        where = problem.line if problem else line
        detail = problem.message.removeprefix("not valid YAML: ") if problem else "not a mapping"
        raise InputError(f"{source}:{where}: the front matter is not valid YAML: {detail}")
    title = document.data.get("title")
    if isinstance(title, AmbiguousBool | AmbiguousNumber):
        return title.text
    if isinstance(title, dt.date):
        return title.isoformat()
    if title is None or isinstance(title, dict | list):
        return None
    return str(title).strip() or None
