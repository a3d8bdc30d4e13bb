"""A JSON array of problems, sorted by path, line, column; `[]` when clean."""

from __future__ import annotations

import json
from typing import TextIO

from journeycli.core.safetext import json_safe
from journeycli.lint.run import LintResult


def write(result: LintResult, stream: TextIO) -> None:
    text = json.dumps([p.as_dict() for p in result.problems], ensure_ascii=False, indent=2)
    stream.write(json_safe(text))
    stream.write("\n")
