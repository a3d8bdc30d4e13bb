"""`journey measure`: parse arguments and hand off to `journeycli.measure.run`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeycli.cli.app import FLAG, app
from journeycli.cli.options import LimitValues, limit_options, make_settings

EXAMPLES = """\
[bold]Examples[/]

  journey measure hypotheek.journey.yaml --survey enquete.csv --scale 1-5 --date 2026-11-20

  journey measure hypotheek.journey.yaml --funnel funnel.xlsx --ratings beoordelingen.csv

  journey measure hypotheek.journey.yaml --survey enquete.csv --dry-run   [dim]# show the diff[/]

Scores become the rounded mean of the answers (per persona with a [bold]persona[/] column);
each measured stage gets a survey evidence item with n and the 95 % margin (docs/measure.md).
A bad row stops the run with its row number and leaves the map as it was.
"""


@app.command(epilog=EXAMPLES)
@limit_options()
def measure(
    path: Annotated[str, typer.Argument(help="The map file to measure (edited in place).")],
    survey: Annotated[
        str | None,
        typer.Option(
            help="CSV or XLSX: stage, relevance and/or presence, optional persona.",
            rich_help_panel="Data",
        ),
    ] = None,
    funnel: Annotated[
        str | None,
        typer.Option(
            help="CSV or XLSX: stage, entered (customers per stage).", rich_help_panel="Data"
        ),
    ] = None,
    ratings: Annotated[
        str | None,
        typer.Option(
            help="CSV or XLSX: touchpoint, rating (1-5), optional persona.",
            rich_help_panel="Data",
        ),
    ] = None,
    scale: Annotated[
        str,
        typer.Option(
            help="Scale of the survey answers: 0-100, 1-5, 1-7 or 1-10.", rich_help_panel="Data"
        ),
    ] = "0-100",
    source: Annotated[
        str | None,
        typer.Option(
            help="The evidence source to write. Default: the survey file's name.",
            rich_help_panel="Evidence",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            help="The evidence date (YYYY-MM-DD). Default: today.", rich_help_panel="Evidence"
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            metavar=FLAG,
            help="Print the diff; write nothing.",
            rich_help_panel="Output",
        ),
    ] = False,
    limits: LimitValues | None = None,
) -> None:
    """Set scores, conversions and experience from research data, in place (layout untouched)."""
    from journeycli.core.dates import parse_date
    from journeycli.measure.run import Options, run_measure

    settings = make_settings(limits)
    options = Options(
        survey=survey,
        funnel=funnel,
        ratings=ratings,
        scale=scale,
        source=source,
        date=parse_date(date, "--date") if date else settings.today,
    )
    code = run_measure(
        path, options, dry_run=dry_run, out=sys.stdout, err=sys.stderr, settings=settings
    )
    raise typer.Exit(code)
