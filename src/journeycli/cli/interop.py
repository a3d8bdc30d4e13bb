"""`journey export` and `journey import`: parse arguments, convert, write the result."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeycli.cli.app import (
    FLAG,
    LanguageChoice,
    app,
)
from journeycli.cli.complete import persona_ids
from journeycli.cli.options import LimitValues, format_option, limit_options, make_settings
from journeycli.interop.formats import EXPORT_FORMATS, IMPORT_FORMATS

EXPORT_EXAMPLES = """\
[bold]Examples[/]

  journey export map.journey.yaml --to mermaid --fence     [dim]# paste into a README[/]

  journey export map.journey.yaml -o workshop.xlsx         [dim]# format from the extension[/]

  journey export map.journey.yaml -o workshop.csv --delimiter ";"

  journey export map.journey.yaml --to json --persona starter | jq '.stages[].name'
"""

IMPORT_EXAMPLES = """\
[bold]Examples[/]

  journey import README.md --from mermaid -o checkout.journey.yaml

  journey import workshop.xlsx -o hypotheek.journey.yaml

  journey import workshop.csv --title "Hypotheek afsluiten" > hypotheek.journey.yaml

  pbpaste | journey import - --from mermaid
"""


@app.command(epilog=EXPORT_EXAMPLES)
@limit_options()
def export(
    path: Annotated[str, typer.Argument(help="The map to export; - reads standard input.")],
    to: Annotated[
        str | None,
        format_option(
            EXPORT_FORMATS, "--to", help="Output format (default: from --output's extension)"
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
            rich_help_panel="Per format",
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter",
            metavar="SEP",
            help="CSV separator: ',', ';' or tab (default: ';' for a Dutch map, else ',').",
            rich_help_panel="Per format",
        ),
    ] = None,
    limits: LimitValues | None = None,
) -> None:
    """Export a map as a Mermaid journey diagram, CSV rows, JSON or an Excel workbook."""
    from journeycli.interop.run import run_export

    run_export(
        path,
        stream=sys.stdout,
        to=to,
        output=output,
        persona=persona,
        fence=fence,
        delimiter=delimiter,
        settings=make_settings(limits),
    )


@app.command(name="import", epilog=IMPORT_EXAMPLES)
@limit_options("max_file_size", "max_stages", "max_touchpoints")
def import_(
    path: Annotated[
        str,
        typer.Argument(
            help="A Mermaid diagram, a Markdown file with one, a CSV or an xlsx; - is stdin."
        ),
    ],
    source_format: Annotated[
        str | None,
        format_option(
            IMPORT_FORMATS,
            "--from",
            help="Input format (default: from the file's extension)",
            panel="Input",
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
    limits: LimitValues | None = None,
) -> None:
    """Turn a Mermaid journey diagram or a spreadsheet (CSV, xlsx) into a map."""
    from journeycli.interop.run import run_import

    run_import(
        path,
        stream=sys.stdout,
        source_format=source_format,
        output=output,
        force=force,
        title=title,
        lang=lang.value if lang else None,
        schema_ref=schema_ref,
        settings=make_settings(limits),
    )
