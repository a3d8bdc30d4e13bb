"""One meaning per short flag across every command (docs/architecture.md, "Options")."""

from __future__ import annotations

from collections import defaultdict

import typer

from journeycli.cli import register

app = register()  # every command, as `journey --help` sees them


def test_every_short_flag_means_one_long_option_everywhere() -> None:
    group = typer.main.get_command(app)
    meanings: dict[str, set[str]] = defaultdict(set)
    for command in group.commands.values():  # type: ignore[attr-defined]
        for param in command.params:
            shorts = [o for o in param.opts if len(o) == 2 and o.startswith("-")]
            longs = [o for o in param.opts if o.startswith("--")]
            for short in shorts:
                meanings[short].add(longs[0])
    clashes = {short: longs for short, longs in meanings.items() if len(longs) > 1}
    assert clashes == {}
    assert meanings["-f"] == {"--format"}
    assert meanings["-o"] == {"--output"}


def test_the_options_that_used_to_clash_have_no_short_form() -> None:
    group = typer.main.get_command(app)
    for command in group.commands.values():  # type: ignore[attr-defined]
        for param in command.params:
            if any(o in ("--force", "--from", "--to", "--template") for o in param.opts):
                assert all(o.startswith("--") for o in param.opts), param.opts
