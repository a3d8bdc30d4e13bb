"""`journey lint`: parse arguments, run the linter, pick a reporter, set the exit code."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeycli.cli.app import (
    FLAG,
    app,
)
from journeycli.cli.complete import rule_codes
from journeycli.cli.options import (
    EvidenceMaxAge,
    GapThreshold,
    LimitValues,
    MessageLanguage,
    Today,
    format_option,
    limit_options,
    make_settings,
)
from journeycli.lint.formats import FORMATS

EXAMPLES = """\
[bold]Examples[/]

  journey lint                       [dim]# every map under the current directory[/]

  journey lint maps/ --strict        [dim]# warnings fail too[/]

  journey lint --format json - < hypotheek.journey.yaml

  journey lint --format github       [dim]# annotations in a GitHub Actions job[/]

  journey lint --format sarif > journey.sarif

  journey lint --explain W102        [dim]# why a rule matters, with examples[/]

Settings come from [bold]\\[tool.journey][/] in the nearest pyproject.toml or from
.journey.toml (keys select, ignore, strict, gap-threshold, evidence-max-age); options win.
Evidence ages against --today, else $JOURNEY_TODAY, else the system date.
A comment [bold]# journey: ignore\\[W102][/] silences a warning on its line;
errors cannot be ignored, deselected or suppressed.
Messages follow each map's [bold]language:[/] (en, nl); --lang picks one for all.
"""


@app.command(epilog=EXAMPLES)
@limit_options()
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Map files or directories (default: .); - reads standard input."),
    ] = None,
    output_format: Annotated[str, format_option(FORMATS)] = "text",
    strict: Annotated[
        bool | None,
        typer.Option(
            "--strict/--no-strict",
            metavar=FLAG,
            rich_help_panel="Rules",
            help="Exit 1 on warnings too.",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Only these codes or prefixes (comma-separated).",
            rich_help_panel="Rules",
            autocompletion=rule_codes,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Skip these codes or prefixes, e.g. W102,E0.",
            rich_help_panel="Rules",
            autocompletion=rule_codes,
        ),
    ] = None,
    gap_threshold: GapThreshold = None,
    evidence_max_age: EvidenceMaxAge = None,
    today: Today = None,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="CODE",
            help="Explain a rule (code or name, or 'all') and exit.",
            rich_help_panel="Rules",
            autocompletion=rule_codes,
        ),
    ] = None,
    lang: MessageLanguage = None,
    limits: LimitValues | None = None,
) -> None:
    """Check maps for errors and quality warnings (exit 1 when errors are found)."""
    if explain is not None:
        from journeycli.lint.explain import explain as explain_rule

        sys.stdout.write(explain_rule(explain))
        raise typer.Exit(0)

    from journeycli.cli.lint_run import lint as run_lint

    settings = make_settings(
        limits,
        select=select,
        ignore=ignore,
        strict=strict,
        gap_threshold=gap_threshold,
        evidence_max_age=evidence_max_age,
        today=today,
        language=lang.value if lang else None,
    )
    raise typer.Exit(run_lint(paths or [], settings, output_format))
