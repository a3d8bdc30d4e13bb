"""`journey diff`, `journey history` and `journey summary`: parse, call the core, write, exit.

The meaning of a change lives in `journeycli.diff`, the walk over commits in
`journeycli.history`, each with its `formats/` registry; this module only wires
arguments to them and maps the result to an exit code (1 for changes with
`--exit-code` or a triggered `--fail-on`).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from journeycli.cli.app import (
    FLAG,
    app,
)
from journeycli.cli.complete import persona_ids
from journeycli.cli.options import LimitValues, format_option, limit_options, make_settings
from journeycli.diff.formats import FORMATS as DIFF_FORMATS
from journeycli.history.formats import FORMATS as HISTORY_FORMATS


class HistoryBy(StrEnum):
    commit = "commit"
    evidence_date = "evidence-date"


DIFF_EXAMPLES = """\
[bold]Examples[/]

  journey diff old.journey.yaml new.journey.yaml

  journey diff maps/hypotheek.journey.yaml --rev origin/main --format md > comment.md

  journey diff map.journey.yaml --rev HEAD~1 --fail-on gap-increase,new-breaking-moment

  journey diff maps/ --rev origin/main --format md          [dim]# every map under maps/[/]

  git show main:map.journey.yaml | journey diff - map.journey.yaml --format json
"""

HISTORY_EXAMPLES = """\
[bold]Examples[/]

  journey history maps/hypotheek.journey.yaml               [dim]# sparklines per stage[/]

  journey history map.journey.yaml --rev-range v1.0..HEAD --format md

  journey history map.journey.yaml --format html --output history.html

  journey history map.journey.yaml --by evidence-date   [dim]# when things were measured[/]
"""

SUMMARY_EXAMPLES = """\
[bold]Examples[/]

  journey summary examples/hypotheek.journey.yaml

  git config diff.journey.textconv "journey summary --textconv"   [dim]# with .gitattributes:[/]
  echo '*.journey.yaml diff=journey' >> .gitattributes            [dim]# git diff reads summaries[/]
"""

PersonaOption = Annotated[
    str | None,
    typer.Option(
        "--persona",
        "-p",
        metavar="ID",
        help="Compare this persona's scores (persona_scores) and breaking moments.",
        rich_help_panel="Compare",
        autocompletion=persona_ids,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE atomically instead of standard output.",
        rich_help_panel="Output",
    ),
]


@app.command(epilog=DIFF_EXAMPLES)
@limit_options()
def diff(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="OLD NEW | PATH --rev REV",
            help="Two maps to compare, or one map or directory with --rev; - reads stdin.",
        ),
    ],
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            "-r",
            metavar="REV",
            help="Compare `git show REV:PATH` with the working copy of PATH.",
            rich_help_panel="Compare",
        ),
    ] = None,
    output_format: Annotated[str, format_option(DIFF_FORMATS)] = "text",
    persona: PersonaOption = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            metavar=FLAG,
            rich_help_panel="Exit code",
            help="Exit 1 when anything changed (like git diff).",
        ),
    ] = False,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            metavar="CONDITIONS",
            help="Exit 1 on these regressions (comma-separated): gap-increase, "
            "new-breaking-moment, lost-evidence, rank-change, presence-drop, "
            "experience-drop, action-removed, new-error, or all.",
            rich_help_panel="Exit code",
        ),
    ] = None,
    output: OutputOption = None,
    limits: LimitValues | None = None,
) -> None:
    """Show what a change to a map means: scores, gaps, ranking, breaking moments."""
    from journeycli.diff.run import run_diff

    outcome = run_diff(
        paths,
        stream=sys.stdout,
        rev=rev,
        output_format=output_format,
        persona=persona,
        fail_on=fail_on or (),
        output=output,
        settings=make_settings(limits),
    )
    for problem in outcome.errors:
        sys.stderr.write(problem.format_text() + "\n")
    for line in outcome.regression_lines():
        sys.stderr.write(f"journey: {line}\n")
    if outcome.regressions or outcome.errors:
        raise typer.Exit(1)
    raise typer.Exit(1 if exit_code and outcome.changed else 0)


@app.command(epilog=HISTORY_EXAMPLES)
@limit_options()
def history(
    path: Annotated[str, typer.Argument(help="A map file tracked in git.")],
    rev_range: Annotated[
        str | None,
        typer.Option(
            "--rev-range",
            metavar="A..B",
            help="Only the commits in this range (as git log takes it).",
            rich_help_panel="Compare",
        ),
    ] = None,
    output_format: Annotated[str, format_option(HISTORY_FORMATS)] = "terminal",
    persona: PersonaOption = None,
    output: OutputOption = None,
    by: Annotated[
        HistoryBy,
        typer.Option(
            "--by",
            help="Place each version at its commit date or at its newest evidence date.",
            rich_help_panel="Compare",
        ),
    ] = HistoryBy.commit,
    limits: LimitValues | None = None,
) -> None:
    """Show how each stage's relevance, presence and gap moved across the commits."""
    from journeycli.history.run import run_history

    run_history(
        path,
        stream=sys.stdout,
        rev_range=rev_range,
        output_format=output_format,
        persona=persona,
        output=output,
        settings=make_settings(limits),
        by=by.value,
    )


@app.command(epilog=SUMMARY_EXAMPLES)
@limit_options()
def summary(
    path: Annotated[str, typer.Argument(help="A map file; - reads standard input.")],
    textconv: Annotated[
        bool,
        typer.Option(
            "--textconv",
            metavar=FLAG,
            rich_help_panel="Output",
            help="For git's textconv: show an invalid map's errors and text, exit 0.",
        ),
    ] = False,
    limits: LimitValues | None = None,
) -> None:
    """Print a stable, line-oriented summary of one map (for git diff textconv)."""
    from journeycli.diff.summary import summarize

    sys.stdout.write(
        summarize(
            path,
            textconv=textconv,
            settings=make_settings(limits),
        )
    )
