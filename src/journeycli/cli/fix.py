"""`journey fix`: parse arguments and hand off to `journeycli.fix.run`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeycli.cli.app import FLAG, app
from journeycli.cli.options import LimitValues, MessageLanguage, limit_options, make_settings

EXAMPLES = """\
[bold]Examples[/]

  journey fix hypotheek.journey.yaml          [dim]# nu -> now, no -> 'no', x -> \\\\[x][/]

  journey fix maps/ --diff                    [dim]# show what would change, write nothing[/]

  journey fix - < hypotheek.journey.yaml      [dim]# print the fixed map[/]

Only these fixes are made, and only the bytes of the fixed values change:
a Dutch label where an enum value belongs, a yes/no/on/off in a text field,
and a single value where a list belongs. Exit 1 when errors remain that need
a person (run [bold]journey lint[/] for the full list with warnings).
"""


@app.command(epilog=EXAMPLES)
@limit_options()
def fix(
    paths: Annotated[
        list[str],
        typer.Argument(help="Map files or directories; - reads standard input."),
    ],
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            metavar=FLAG,
            help="Print a unified diff of the fixes instead of writing them.",
            rich_help_panel="Output",
        ),
    ] = False,
    lang: MessageLanguage = None,
    limits: LimitValues | None = None,
) -> None:
    """Fix the mistakes a machine can fix safely, in place (comments and layout untouched)."""
    from journeycli.fix.run import run_fix

    code = run_fix(
        paths,
        diff=diff,
        out=sys.stdout,
        err=sys.stderr,
        settings=make_settings(limits, language=lang.value if lang else None),
    )
    raise typer.Exit(code)
