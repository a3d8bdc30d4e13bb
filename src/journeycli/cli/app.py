"""The Typer application object, the root callback and `--lang` (shared options: options.py).

Only Typer is imported here: pydantic, yaml, jinja2 and rich load inside the
commands that need them, so `journey --version` starts as fast as Typer.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

import typer

from journeycli.cli.version import version_line

# The order a team meets the commands in, for `journey --help` (import order is an accident).
WORKFLOW = (
    "new",
    "import",
    "lint",
    "fix",
    "measure",
    "report",
    "preview",
    "diff",
    "history",
    "summary",
    "site",
    "export",
    "schema",
)

QUICK_START = """\
[bold]Quick start[/]

  journey new onboarding                      [dim]# a map with prompts to fill in[/]

  journey lint onboarding.journey.yaml        [dim]# what is wrong or still missing[/]

  journey report onboarding.journey.yaml      [dim]# where the most is to be gained[/]

  journey diff onboarding.journey.yaml --rev HEAD   [dim]# what your edits changed[/]

Every command has examples: [bold]journey COMMAND --help[/]. Tab completion:
[bold]journey --install-completion[/].
"""


class WorkflowGroup(typer.core.TyperGroup):
    """Lists the commands in workflow order (new, lint, report, diff, ...)."""

    def list_commands(self, ctx: Any) -> list[str]:  # Any: Typer vendors its own Click
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: WORKFLOW.index(n) if n in WORKFLOW else len(WORKFLOW))


app = typer.Typer(
    name="journey",
    help="Customer journey maps as code: scaffold, lint, score, report and diff YAML maps.",
    epilog=QUICK_START,
    cls=WorkflowGroup,
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=True,
)


# The metavar of a flag: Typer would show `<bool>`, which reads as "takes a value".
FLAG = ""


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            metavar=FLAG,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Customer journey maps as code.

    Scaffold a map with [bold]journey new[/], guard it with [bold]journey lint[/],
    rank the stages with the largest gap with [bold]journey report[/], and review
    changes with [bold]journey diff[/].
    """


class LanguageChoice(StrEnum):
    """`--lang` of new, report and import: the languages of the labels and templates.

    A plain enum here rather than `journeycli.core.model.Language`, which would
    load pydantic before any command runs.
    """

    en = "en"
    nl = "nl"
