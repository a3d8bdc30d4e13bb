"""A JSON array of problems, sorted by path, line, column; `[]` when clean."""

from __future__ import annotations

import json
from typing import TextIO

from journeycli.lint.run import LintResult


def write(result: LintResult, stream: TextIO) -> None:
    json.dump([p.as_dict() for p in result.problems], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
