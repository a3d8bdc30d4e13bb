"""`journey schema`: print the JSON Schema of the map format."""

from __future__ import annotations

import sys

from journeycli.cli.app import app

EXAMPLES = """\
[bold]Examples[/]

  journey schema > journey.schema.json

  check-jsonschema --schemafile journey.schema.json maps/*.journey.yaml
"""


@app.command(epilog=EXAMPLES)
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the map format, for editors and CI."""
    from journeycli.schema import schema_text

    sys.stdout.write(schema_text())
