"""`journey schema`: print the JSON Schema of the map format."""

from __future__ import annotations

import sys

from journeycli.cli.app import app

EXAMPLES = """\
[bold]Examples[/]

  journey schema > journey.schema.json        [dim]# for editors: see the first line of a map[/]

  check-jsonschema --schemafile journey.schema.json maps/*.journey.yaml

  journey schema | jq '."$defs".Stage.properties.relevance'   [dim]# what a key means[/]

A map whose first line is [bold]# yaml-language-server: $schema=journey.schema.json[/]
is checked while you type in VS Code (YAML extension), with each key explained on hover.
"""


@app.command(epilog=EXAMPLES)
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the map format, for editors and CI."""
    from journeycli.core.schema import schema_text

    sys.stdout.write(schema_text())
