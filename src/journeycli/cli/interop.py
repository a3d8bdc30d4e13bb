"""`journey export` and `journey import`: parse arguments, convert, write the result."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from journeycli.cli.app import (
    FLAG,
    LanguageChoice,
    MaxDepth,
    MaxFileSize,
    MaxNodes,
    MaxStages,
    MaxTouchpoints,
    app,
)
from journeycli.cli.complete import persona_ids
from journeycli.cli.limits import make_limits


class ExportFormat(StrEnum):
    mermaid = "mermaid"
    csv = "csv"
    json = "json"


class ImportFormat(StrEnum):
    mermaid = "mermaid"
    csv = "csv"


EXPORT_EXAMPLES = """\
[bold]Examples[/]

  journey export map.journey.yaml --to mermaid --fence     [dim]# paste into a README[/]

  journey export map.journey.yaml -o workshop.csv          [dim]# format from the extension[/]

  journey export map.journey.yaml --to json --persona starter | jq '.stages[].name'
"""

IMPORT_EXAMPLES = """\
[bold]Examples[/]

  journey import README.md --from mermaid -o checkout.journey.yaml

  journey import workshop.csv --title "Hypotheek afsluiten" > hypotheek.journey.yaml

  pbpaste | journey import - --from mermaid
"""


@app.command(epilog=EXPORT_EXAMPLES)
def export(
    path: Annotated[str, typer.Argument(help="The map to export; - reads standard input.")],
    to: Annotated[
        ExportFormat | None,
        typer.Option(
            "--to",
            "-t",
            help="Output format (default: from --output's extension).",
            rich_help_panel="Output",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE atomically (replacing it) instead of stdout.",
            rich_help_panel="Output",
        ),
    ] = None,
    persona: Annotated[
        str | None,
        typer.Option(
            "--persona",
            "-p",
            metavar="ID",
            help="Only what this persona meets, with their scores.",
            rich_help_panel="Output",
            autocompletion=persona_ids,
        ),
    ] = None,
    fence: Annotated[
        bool | None,
        typer.Option(
            "--fence/--no-fence",
            metavar=FLAG,
            help="Wrap Mermaid in a ```mermaid fence (default: on for .md output).",
            rich_help_panel="Output",
        ),
    ] = None,
    max_file_size: MaxFileSize = None,
    max_depth: MaxDepth = None,
    max_nodes: MaxNodes = None,
    max_stages: MaxStages = None,
    max_touchpoints: MaxTouchpoints = None,
) -> None:
    """Export a map as a Mermaid journey diagram, CSV rows or JSON."""
    from journeycli.interop.run import run_export

    run_export(
        path,
        stream=sys.stdout,
        to=to.value if to else None,
        output=output,
        persona=persona,
        fence=fence,
        limits=make_limits(max_file_size, max_depth, max_nodes, max_stages, max_touchpoints),
    )


@app.command(name="import", epilog=IMPORT_EXAMPLES)
def import_(
    path: Annotated[
        str,
        typer.Argument(help="A Mermaid diagram, a Markdown file with one, or a CSV; - is stdin."),
    ],
    source_format: Annotated[
        ImportFormat | None,
        typer.Option(
            "--from",
            "-f",
            help="Input format (default: from the file's extension).",
            rich_help_panel="Input",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the map to FILE (default stdout).",
            rich_help_panel="Output",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            metavar=FLAG,
            rich_help_panel="Output",
            help="Overwrite --output when it already exists.",
        ),
    ] = False,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="The map's title (default: the diagram's, or the file name).",
            rich_help_panel="Map",
        ),
    ] = None,
    lang: Annotated[
        LanguageChoice | None,
        typer.Option(
            "--lang",
            help="The map's language (default en; nl for a 'Klant' diagram).",
            rich_help_panel="Map",
        ),
    ] = None,
    schema_ref: Annotated[
        str | None,
        typer.Option(
            "--schema-ref",
            metavar="PATH|URL",
            help="Schema for the modeline (default: the nearest journey.schema.json).",
            rich_help_panel="Output",
        ),
    ] = None,
    max_file_size: MaxFileSize = None,
) -> None:
    """Turn a Mermaid journey diagram or a spreadsheet (CSV) into a map."""
    from journeycli.interop.run import run_import

    run_import(
        path,
        stream=sys.stdout,
        source_format=source_format.value if source_format else None,
        output=output,
        force=force,
        title=title,
        lang=lang.value if lang else None,
        schema_ref=schema_ref,
        limits=make_limits(max_file_size),
    )
