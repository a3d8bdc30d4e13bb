"""`journeycli.cli.COMMAND_MODULES`: a known command imports only its own module.

`journey lint FILE` must not pay for the other commands, Rich or Jinja2
(docs/performance.md, "One map"), and yet no command may go missing from the
table: a command module the table does not name would vanish from the CLI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from conftest import EXAMPLES
from journeycli.cli import COMMAND_MODULES, register

CLI = Path(__file__).resolve().parents[1] / "src" / "journeycli" / "cli"


def test_every_command_module_is_in_the_table() -> None:
    declaring = {p.stem for p in CLI.glob("*.py") if "@app.command" in p.read_text("utf-8")}
    assert declaring == set(COMMAND_MODULES.values())


def test_the_table_names_every_command() -> None:
    group = typer.main.get_command(register())
    assert isinstance(group, typer.core.TyperGroup)
    assert set(group.commands) == set(COMMAND_MODULES)


def test_lint_of_one_map_imports_no_other_command_nor_rich_or_jinja2() -> None:
    # with an option, so Typer parses it (without one, see tests/test_plain_lint.py)
    code = (
        "import sys; from journeycli.cli import run; "
        f"code = run(['lint', '--strict', {str(EXAMPLES / 'hypotheek.journey.yaml')!r}]); "
        "print(code, sorted(m for m in sys.modules if m.startswith(('journeycli.', 'rich', "
        "'jinja2'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.strip().splitlines()[-1]
    assert loaded.startswith("0 ")
    assert "'journeycli.cli.lint'" in loaded
    for other in ("diff", "report", "interop", "new", "schema", "fix"):
        assert f"'journeycli.cli.{other}'" not in loaded
        assert f"'journeycli.{other}." not in loaded
    assert "'rich" not in loaded and "'jinja2" not in loaded
