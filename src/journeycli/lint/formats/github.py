"""GitHub Actions workflow commands: one `::error`/`::warning` annotation per problem.

The escaping is the one of actions/toolkit, which the runner undoes: in the
message `%`, CR and LF become `%25`, `%0D`, `%0A`; property values also
escape `:` and `,` (`%3A`, `%2C`), since `,` separates properties and `::`
ends them. Files are relative to the working directory with `/`, as the
runner expects. A map read from standard input has no file to attach to,
so its annotations carry no file or position and the message starts with
`<stdin>:line:col:` instead. A clean run prints nothing.
"""

from __future__ import annotations

from typing import TextIO

from journeycli.core.problems import Problem, one_line
from journeycli.lint.formats.location import is_stdin, relative_path
from journeycli.lint.run import LintResult


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """`::error file=F,line=L,col=C,title=CODE::MESSAGE` for one problem."""
    command = "error" if problem.is_error else "warning"
    message = problem.message
    if is_stdin(problem.path):
        props: list[tuple[str, str]] = [("title", problem.code)]
        message = f"{problem.path}:{problem.line}:{problem.column}: {message}"
    else:
        props = [
            ("file", relative_path(problem.path)),
            ("line", str(problem.line)),
            ("col", str(problem.column)),
            ("title", problem.code),
        ]
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    # other control characters (a form feed in a map's name) as escapes, as in the text format
    return f"::{command} {rendered}::{one_line(escape_data(message))}"


def write(result: LintResult, stream: TextIO) -> None:
    for problem in result.problems:
        stream.write(annotation(problem) + "\n")
