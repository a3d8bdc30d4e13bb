"""`journey report`: parse arguments, build the report, render it to stdout or a file."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from journeycli.cli.app import (
    EvidenceMaxAge,
    GapThreshold,
    LanguageChoice,
    MaxDepth,
    MaxFileSize,
    MaxNodes,
    MaxStages,
    MaxTouchpoints,
    Today,
    app,
)
from journeycli.cli.complete import persona_ids
from journeycli.cli.limits import make_limits


class ReportFormat(StrEnum):
    terminal = "terminal"
    md = "md"
    html = "html"
    json = "json"
    pdf = "pdf"
    png = "png"


EXAMPLES = """\
[bold]Examples[/]

  journey report examples/hypotheek.journey.yaml          [dim]# ranked stages in the terminal[/]

  journey report maps/ --output report.md                 [dim]# every map, as Markdown[/]

  journey report map.journey.yaml --persona starter --top 5 --format json

  journey report map.journey.yaml --template mine.md.j2 -o out.md

  journey report now.journey.yaml --target future.journey.yaml -o plan.html
"""


@app.command(epilog=EXAMPLES)
def report(
    paths: Annotated[
        list[str],
        typer.Argument(help="Map files or directories (every map under it); - reads stdin."),
    ],
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default terminal, or from --output's extension).",
            rich_help_panel="Output",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE atomically (.md .json .html .txt .pdf .png) instead of stdout.",
            rich_help_panel="Output",
        ),
    ] = None,
    persona: Annotated[
        str | None,
        typer.Option(
            "--persona",
            "-p",
            metavar="ID",
            help="Score for this persona (its persona_scores and touchpoints).",
            rich_help_panel="Scoring",
            autocompletion=persona_ids,
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="FUTURE",
            help="A future-state map: show its figures beside the one map's, stages matched by id.",
            rich_help_panel="Scoring",
        ),
    ] = None,
    top: Annotated[
        int,
        typer.Option(
            "--top", min=0, metavar="N", help="Number of focus stages.", rich_help_panel="Scoring"
        ),
    ] = 3,
    gap_threshold: GapThreshold = None,
    evidence_max_age: EvidenceMaxAge = None,
    today: Today = None,
    lang: Annotated[
        LanguageChoice | None,
        typer.Option(
            "--lang",
            help="Language of the labels (default: the map's language).",
            rich_help_panel="Output",
        ),
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help="Your own Jinja2 template (sandboxed) instead of the built-in one.",
            rich_help_panel="Output",
        ),
    ] = None,
    max_file_size: MaxFileSize = None,
    max_depth: MaxDepth = None,
    max_nodes: MaxNodes = None,
    max_stages: MaxStages = None,
    max_touchpoints: MaxTouchpoints = None,
) -> None:
    """Rank the stages where the most is to be gained, with the actions to take."""
    from journeycli.report.run import produce

    produce(
        paths,
        stream=sys.stdout,
        persona=persona,
        top=top,
        gap_threshold=gap_threshold,
        evidence_max_age=evidence_max_age,
        today=today,
        limits=make_limits(max_file_size, max_depth, max_nodes, max_stages, max_touchpoints),
        output_format=output_format.value if output_format else None,
        output=output,
        lang=lang.value if lang else None,
        template=template,
        target=target,
    )
