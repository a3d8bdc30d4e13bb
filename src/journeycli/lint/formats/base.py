"""The reporter interface: a lint result in, text on an injected stream out.

As in check-jsonschema's reporters, the core never prints; a reporter is
looked up by name and writes to whatever stream the CLI hands it.
"""

from __future__ import annotations

from typing import Protocol, TextIO

from journeycli.lint.run import LintResult


class Reporter(Protocol):
    def report(self, result: LintResult, stream: TextIO) -> None: ...
