"""Markdown for every command: one escaper, one Jinja2 environment, one finishing pass.

Every Markdown output (report, diff, history) is a Jinja2 template under
`templates/<command>/` rendered in `environment`, whose filters escape map
text with `md` (the only Markdown escaper): a stage named `a | b` or
`*new*` cannot break a table or start emphasis, HTML stays text, and a URL in
the map becomes an autolink rather than a bare URL (markdownlint MD034).
`finish` then wraps long lines and tidies blank lines, so the output passes
markdownlint's default rules (docs/report.md, docs/diff.md).
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from journeycli.core import i18n

if TYPE_CHECKING:
    import jinja2

# An address only starts where a run of address characters starts (the lookbehind): without
# it every position of a long word was tried and scanned to its end, quadratic in the name's
# length (a 300 kB stage name took minutes; tests/test_security_limits.py).
_LINK = re.compile(r"https?://[^\s<>]*[^\s<>.,;:!?)\]'\"]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?\w+;))")
_LIST_START = re.compile(r"^(\d+)([.)])")
_EMPTY_CELL = re.compile(r"(?<=\|)  (?=\|)")
_HEADING_PUNCTUATION = ".,;:!。，；：！"
_BLOCK_START = re.compile(r"^\s*([-+*>#=]|\d+[.)])")
WIDTH = 80


def md(value: object) -> str:
    """Map text as inline Markdown: specials escaped, whitespace folded, links made safe."""
    text = " ".join(str(value).split())
    out = []
    position = 0
    for match in _LINK.finditer(text):
        out.append(_SPECIAL.sub(r"\\\1", text[position : match.start()]))
        out.append(f"<{match.group(0)}>")
        position = match.end()
    out.append(_SPECIAL.sub(r"\\\1", text[position:]))
    escaped = "".join(out)
    escaped = _LIST_START.sub(r"\1\\\2", escaped)
    if escaped[:1] in ("-", "+", "=", ">"):
        escaped = "\\" + escaped
    return escaped


def cell(value: object) -> str:
    """A table cell: like `md`, and never empty (an empty cell reads as a mistake)."""
    return md(value) if value not in (None, "") else i18n.ABSENT


def heading(value: object) -> str:
    """Heading text without the trailing punctuation markdownlint (MD026) rejects."""
    return md(str(value).rstrip(_HEADING_PUNCTUATION + " ") or str(value))


def code(text: object) -> str:
    """Inline code (a path, an id, a commit): backticks inside become quotes."""
    return "`" + str(text).replace("`", "'") + "`"


def wrap(line: str) -> str:
    """A paragraph or list item wrapped at 80 columns (markdownlint MD013).

    Left whole when wrapping would start a continuation line with something
    Markdown reads as a new block (`- `, `#`, `1.`), or cannot get it short.
    """
    if len(line) <= WIDTH:
        return line
    indent = "  " if line.startswith("- ") else ""
    lines = textwrap.wrap(
        line, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )
    if any(_BLOCK_START.match(rest) for rest in lines[1:]):
        return line
    return "\n".join(lines)


def finish(text: str, *, wrap_lines: bool = False) -> str:
    """No trailing spaces, no runs of blank lines, exactly one final newline.

    An empty table cell becomes `| |`, the spacing markdownlint's MD060 wants;
    with `wrap_lines`, every line outside a table is wrapped (`wrap`).
    """
    lines = [_EMPTY_CELL.sub(" ", line.rstrip()) for line in text.splitlines()]
    if wrap_lines:
        lines = [line if line.startswith("|") else wrap(line) for line in lines]
    tidy: list[str] = []
    for line in lines:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    while tidy and not tidy[-1]:
        tidy.pop()
    return "\n".join(tidy) + "\n"


def environment(folder: str) -> jinja2.Environment:
    """The Jinja2 environment of one command's Markdown templates, with the shared filters.

    `templates/<folder>/` holds the command's templates; `templates/common/`
    the macros they share (`markdown.md.j2`: tables).
    """
    from journeycli.core.templates import environment as template_environment

    env = template_environment(folder, autoescape=False, shared="common")
    env.filters.update(md=md, cell=cell, heading=heading, code=code)
    return env
