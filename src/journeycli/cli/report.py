"""`journey report`: parse arguments, build the report, render it to stdout or a file."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeycli.cli.app import (
    app,
)
from journeycli.cli.complete import persona_ids
from journeycli.cli.options import (
    EvidenceMaxAge,
    GapThreshold,
    LabelLanguage,
    LimitValues,
    Today,
    format_option,
    limit_options,
    make_settings,
)
from journeycli.report.formats import FORMATS

EXAMPLES = """\
[bold]Examples[/]

  journey report examples/hypotheek.journey.yaml          [dim]# ranked stages in the terminal[/]

  journey report maps/ --output report.md                 [dim]# every map, as Markdown[/]

  journey report map.journey.yaml --persona starter --top 5 --format json

  journey report map.journey.yaml --template mine.md.j2 -o out.md

  journey report now.journey.yaml --target future.journey.yaml -o plan.html
"""


@app.command(epilog=EXAMPLES)
@limit_options()
def report(
    paths: Annotated[
        list[str],
        typer.Argument(help="Map files or directories (every map under it); - reads stdin."),
    ],
    output_format: Annotated[
        str | None,
        format_option(
            FORMATS, help="Output format (default terminal, or from --output's extension)"
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE atomically instead of stdout; its extension picks the format.",
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
    lang: LabelLanguage = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help="Your own Jinja2 template (sandboxed) instead of the built-in one.",
            rich_help_panel="Output",
        ),
    ] = None,
    limits: LimitValues | None = None,
) -> None:
    """Rank the stages where the most is to be gained, with the actions to take."""
    from journeycli.report.run import produce

    produce(
        paths,
        stream=sys.stdout,
        persona=persona,
        top=top,
        settings=make_settings(
            limits,
            gap_threshold=gap_threshold,
            evidence_max_age=evidence_max_age,
            today=today,
            language=lang.value if lang else None,
        ),
        output_format=output_format,
        output=output,
        template=template,
        target=target,
    )
