"""The output formats of `journey lint`: each module has `write(result, stream)`.

Listed once here; the CLI reads its `--format` choices, help and completion
from this registry (docs/architecture.md, "Where do I add a format").
"""

from __future__ import annotations

from journeycli.core.formats import Format, FormatRegistry

_HERE = "journeycli.lint.formats"

FORMATS = FormatRegistry(
    "lint",
    [
        Format("text", help="one problem a line, then a summary", write=f"{_HERE}.text:write"),
        Format("json", (".json",), "a JSON array of problems", write=f"{_HERE}.json:write"),
        Format("github", help="GitHub Actions annotations", write=f"{_HERE}.github:write"),
        Format("sarif", (".sarif",), "SARIF 2.1.0 (code scanning)", write=f"{_HERE}.sarif:write"),
    ],
)
