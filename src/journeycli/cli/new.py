"""`journey new`: parse arguments, scaffold a map, say where it went."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeycli.cli.app import FLAG, LanguageChoice, app
from journeycli.cli.complete import template_names

EXAMPLES = """\
[bold]Examples[/]

  journey new onboarding                      [dim]# writes onboarding.journey.yaml[/]

  journey new hypotheek --lang nl --template experience-map --persona "Sanne, starter"

  journey new trial --stages "Sign-up,First week,Upgrade" --title "Free trial"

  journey new - --template nine-stages > maps/purchase.journey.yaml

  journey new --list                          [dim]# the templates, one a line[/]
"""


@app.command(epilog=EXAMPLES)
def new(
    path: Annotated[
        str | None,
        typer.Argument(help="Map file to create (.journey.yaml is added); - prints to stdout."),
    ] = None,
    template: Annotated[
        str,
        typer.Option(
            "--template",
            help="Template name (see --list).",
            rich_help_panel="Template",
            autocompletion=template_names,
        ),
    ] = "five-stages",
    stages: Annotated[
        str | None,
        typer.Option(
            "--stages",
            metavar="A,B,C",
            help="Your own stages, comma-separated, in place of the template's.",
            rich_help_panel="Template",
        ),
    ] = None,
    lang: Annotated[
        LanguageChoice,
        typer.Option(
            "--lang",
            "-l",
            help="Language of stage names, prompts and comments.",
            rich_help_panel="Template",
        ),
    ] = LanguageChoice.en,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="Title of the map (default: from the file name).",
            rich_help_panel="Content",
        ),
    ] = None,
    persona: Annotated[
        list[str] | None,
        typer.Option(
            "--persona",
            "-p",
            metavar="NAME",
            help="Add a persona (repeatable).",
            rich_help_panel="Content",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            metavar=FLAG,
            help="Overwrite an existing file.",
            rich_help_panel="Output",
        ),
    ] = False,
    schema_ref: Annotated[
        str | None,
        typer.Option(
            "--schema-ref",
            metavar="PATH|URL",
            help="Schema in the yaml-language-server modeline "
            "(default: the nearest journey.schema.json).",
            rich_help_panel="Output",
        ),
    ] = None,
    list_templates: Annotated[
        bool,
        typer.Option(
            "--list", metavar=FLAG, help="List the templates and exit.", rich_help_panel="Template"
        ),
    ] = False,
) -> None:
    """Scaffold a new journey map with prompts and comments, ready to fill in."""
    from journeycli.core.errors import UsageError
    from journeycli.scaffold import run as scaffold

    if list_templates:
        sys.stdout.write(scaffold.template_listing(lang.value))
        return
    if path is None:
        raise UsageError("missing PATH", hint="journey new PATH, or journey new - for stdout")
    options = scaffold.ScaffoldOptions(
        template=template,
        language=lang.value,
        title=title,
        stages=stages,
        personas=tuple(persona or ()),
        schema_ref=schema_ref,
    )
    result = scaffold.create(path, options, force=force)
    if result.path is None:
        sys.stdout.write(result.text)
    else:
        sys.stderr.write(scaffold.next_steps(result, options))
