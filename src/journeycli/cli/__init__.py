"""The command line: Typer commands, and the one error handler that maps to exit codes.

Each command module only parses arguments and hands off to the core; this
module turns the small exception hierarchy of `journeycli.core.errors` into a
one-line message and the exit codes of docs/architecture.md, so no input ever shows a
Python traceback.
"""

from __future__ import annotations

import codecs
import errno
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

from journeycli.cli.lint_run import plain_lint, plain_lint_paths
from journeycli.cli.version import VERSION_ARGS, version_line
from journeycli.core.errors import InvalidMapError, JourneyError, Terminated

if TYPE_CHECKING:
    import typer

EXIT_OK, EXIT_USAGE, EXIT_INTERRUPTED = 0, 2, 130

# The module that registers each command on the Typer app. `journey lint FILE`
# imports only cli/lint.py, so one map does not pay for the parsers and imports
# of the other commands (docs/performance.md, "One map").
COMMAND_MODULES = {
    "new": "new",
    "import": "interop",
    "export": "interop",
    "lint": "lint",
    "report": "report",
    "fix": "fix",
    "measure": "measure",
    "diff": "diff",
    "history": "diff",
    "summary": "diff",
    "schema": "schema",
    "preview": "site",
    "site": "site",
}


def register(command: str | None = None) -> typer.Typer:
    """The app with `command` registered, or every command when it names none.

    Help, completion and a mistyped command see them all; a known command is
    the only one Typer has to build.
    """
    from journeycli.cli.app import app

    if command in COMMAND_MODULES:
        modules = {COMMAND_MODULES[command]}
    else:
        modules = set(COMMAND_MODULES.values())
    for module in sorted(modules):
        importlib.import_module(f"journeycli.cli.{module}")
    return app


def _say(message: str) -> None:
    from journeycli.core.problems import one_line

    sys.stderr.write(f"journey: {one_line(message)}\n")


class _ClosedStream:
    """Stands in for a standard stream that was closed before journey started (`>&-`).

    Writing to it fails like writing to a closed descriptor, which the handler
    turns into a one-line error; a command that never writes to it works.
    """

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> _ClosedStream:
        return self

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _is_utf(stream: Any) -> bool:
    try:
        return codecs.lookup(stream.encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def _prepare_streams() -> None:
    """Streams that can carry any map text, whatever the locale says.

    Under `LC_ALL=C` with locale coercion off, or `PYTHONIOENCODING=ascii`,
    Python's standard output is ASCII and Dutch text (`Oriëntatie`) would fail
    mid-report. journey's formats (JSON, YAML, CSV, SARIF, Markdown) are UTF-8
    by definition, so standard output is switched to UTF-8, as ruff and git
    write their output whatever the locale; a file name that is not valid
    UTF-8 goes back out as the bytes it came in as (surrogateescape, as `ls`).
    Messages on standard error never fail: what cannot be shown is escaped.
    """
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    elif hasattr(sys.stdout, "reconfigure"):
        if not _is_utf(sys.stdout):
            sys.stdout.reconfigure(encoding="utf-8", errors="surrogateescape")
        elif sys.stdout.errors == "strict":
            sys.stdout.reconfigure(errors="surrogateescape")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: PTH123, SIM115 - for the run
    elif hasattr(sys.stderr, "reconfigure") and not _is_utf(sys.stderr):
        sys.stderr.reconfigure(errors="backslashreplace")


def _os_error(exc: OSError) -> str:
    """An OSError that escaped a command: what failed, and what to do."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    advice = {
        errno.ENOSPC: "free some disk space and run it again",
        errno.EBADF: "run it with standard output open, or use --output FILE",
        errno.EACCES: "check the permissions",
        errno.EPERM: "check the permissions",
        errno.EROFS: "write to a writable location",
    }.get(exc.errno or 0, "check the file system and run it again")
    where = f"{exc.filename}: " if exc.filename else "writing the output: "
    return f"{where}{reason} ({advice})"


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
    try:
        argv = sys.argv[1:] if args is None else args
        if argv in VERSION_ARGS:
            # Answered before Typer is even imported, which would take three
            # times as long as the rest of `journey --version` (docs/performance.md).
            sys.stdout.write(version_line() + "\n")
            return EXIT_OK
        paths = plain_lint_paths(argv)
        if paths is not None:  # `journey lint FILE...`: no option to parse, no Typer
            return plain_lint(paths)
        result = _run_typer(argv, args)
    except InvalidMapError as exc:
        for problem in exc.problems:
            sys.stderr.write(problem.format_text() + "\n")
        return exc.exit_code
    except JourneyError as exc:
        _say(f"error: {exc}")
        return exc.exit_code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except OSError as exc:  # disk full, closed stdout: the environment, not the input
        _say(f"error: {_os_error(exc)}")
        return EXIT_USAGE
    except MemoryError:
        _say("error: out of memory; the input is too large to process")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except Terminated as exc:  # SIGTERM/SIGHUP mid-write: the temporary file is gone
        _say("terminated; nothing was written")
        return 128 + exc.signum
    except RecursionError:
        _say("error: the input is nested too deeply to process")
        return EXIT_USAGE
    except Exception as exc:
        _say(f"internal error: {type(exc).__name__}: {exc} (please report this)")
        return EXIT_USAGE
    if result == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into Exit(130) before we see it
        _say("interrupted")
    return result if isinstance(result, int) else EXIT_OK


def _run_typer(argv: list[str], args: list[str] | None) -> Any:
    """Every other command line: Typer parses it; its own errors become exit codes here."""
    import typer

    try:  # recent Typer parses with its own vendored Click and no longer installs click
        from typer._click.exceptions import ClickException
    except ImportError:  # pragma: no cover - older Typer raises Click's own exceptions
        from click import ClickException  # type: ignore[assignment,import-not-found,unused-ignore]

    command = typer.main.get_command(register(argv[0] if argv else None))
    try:
        return command.main(args=args, prog_name="journey", standalone_mode=False)
    except typer.Abort:
        _say("aborted")
        return EXIT_INTERRUPTED
    except ClickException as exc:
        exc.show()
        return exc.exit_code


def main() -> None:
    # Pydantic looks for plugins by reading the metadata of every installed
    # distribution when it builds the first model: a quarter of `journey lint`
    # on one map, for a hook into journey's internal validation that nobody
    # uses. A value the user set is kept (docs/performance.md, "One map").
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _prepare_streams()
    code = run()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _quiet_broken_pipe()
    except OSError as exc:  # the last buffered bytes did not fit (disk full)
        _say(f"error: {_os_error(exc)}")
        code = EXIT_USAGE
    sys.exit(code)
