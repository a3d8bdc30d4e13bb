"""`journey preview` and `journey site`: parse arguments, hand off to `journeycli.site`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from journeycli.cli.app import app
from journeycli.cli.complete import persona_ids
from journeycli.cli.options import LabelLanguage, make_settings

PREVIEW_EXAMPLES = """\
[bold]Examples[/]

  journey preview examples/hypotheek.journey.yaml          [dim]# prints the address to open[/]

  journey preview map.journey.yaml --port 8000 --persona starter
"""

SITE_EXAMPLES = """\
[bold]Examples[/]

  journey site maps/ --output public                        [dim]# index, reports, histories[/]

  journey site a.journey.yaml b.journey.yaml -o site --force
"""


@app.command(epilog=PREVIEW_EXAMPLES)
def preview(
    path: Annotated[str, typer.Argument(help="The map file to show.")],
    port: Annotated[
        int,
        typer.Option(
            "--port",
            min=0,
            max=65535,
            help="Port to listen on (default: a free one).",
            rich_help_panel="Server",
        ),
    ] = 0,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on; beyond 127.0.0.1 anyone can read it.",
            rich_help_panel="Server",
        ),
    ] = "127.0.0.1",
    persona: Annotated[
        str | None,
        typer.Option(
            "--persona",
            "-p",
            metavar="ID",
            help="Show the map for this persona.",
            rich_help_panel="Scoring",
            autocompletion=persona_ids,
        ),
    ] = None,
    lang: LabelLanguage = None,
) -> None:
    """Serve the HTML report on this machine, reloading in the browser on every save."""
    from journeycli.site.preview import serve

    settings = make_settings(language=lang.value if lang else None)
    serve(path, host=host, port=port, persona=persona, settings=settings)


@app.command(epilog=SITE_EXAMPLES)
def site(
    paths: Annotated[
        list[str], typer.Argument(help="Map files or directories (every map under it).")
    ],
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Folder to write the site to.",
            rich_help_panel="Output",
        ),
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into a non-empty folder that holds no journey site.",
            rich_help_panel="Output",
        ),
    ] = False,
) -> None:
    """Build a static site: an index of every map, its report and its history (in git)."""
    from journeycli.site.build import build_site

    written = build_site(paths, output, settings=make_settings(), force=force)
    sys.stdout.write(f"Wrote {len(written)} pages to {output}/ (open {output}/index.html)\n")
