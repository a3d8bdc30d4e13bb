"""The command line: Typer commands, and the one error handler that maps to exit codes.

Each command module only parses arguments and hands off to the core; this
module turns the small exception hierarchy of `journeycli.errors` into a
one-line message and the exit codes of SPEC §4, so no input ever shows a
Python traceback.
"""

from __future__ import annotations

import os
import sys

import typer

from journeycli.cli import diff as _diff  # noqa: F401  (registers diff, history, summary)
from journeycli.cli import interop as _interop  # noqa: F401  (export, import)
from journeycli.cli import lint as _lint  # noqa: F401  (registers the command)
from journeycli.cli import new as _new  # noqa: F401
from journeycli.cli import report as _report  # noqa: F401
from journeycli.cli import schema as _schema  # noqa: F401
from journeycli.cli.app import app
from journeycli.errors import InvalidMapError, JourneyError

try:  # recent Typer parses with its own vendored Click and no longer installs click
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older Typer raises Click's own exceptions
    from click import ClickException  # type: ignore[assignment,import-not-found,unused-ignore]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _say(message: str) -> None:
    sys.stderr.write(f"journey: {message}\n")


def _quiet_broken_pipe() -> int:
    """A reader that stopped early (`| head`) is not an error: exit quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    return EXIT_OK


def run(args: list[str] | None = None) -> int:
    """Run the CLI and return the exit code instead of exiting (used by tests too)."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="journey", standalone_mode=False)
    except InvalidMapError as exc:
        for problem in exc.problems:
            sys.stderr.write(problem.format_text() + "\n")
        return exc.exit_code
    except JourneyError as exc:
        _say(f"error: {exc}")
        return exc.exit_code
    except typer.Abort:
        _say("aborted")
        return 130
    except ClickException as exc:
        exc.show()
        return exc.exit_code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except RecursionError:
        _say("error: the input is nested too deeply to process")
        return EXIT_USAGE
    except Exception as exc:
        _say(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        return EXIT_USAGE
    return result if isinstance(result, int) else EXIT_OK


def main() -> None:
    code = run()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _quiet_broken_pipe()
    sys.exit(code)
