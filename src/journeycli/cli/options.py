"""Options every command shares, declared once, and the one function that builds `Settings`.

The resource-limit flags (docs/security.md) are one table, `LIMIT_FLAGS`; a
command gets them with the `limit_options` decorator and receives their values
as one mapping, `limits`, which `make_settings` hands to
`journeycli.core.settings.load_settings` together with the command's other
flags. Which value wins (flag, then `[tool.journey]` / `.journey.toml`, then
the default) is decided there, once per run.

Short flags mean the same in every command (docs/cli.md): `-f` is `--format`,
`-o` `--output`, `-p` `--persona`, `-r` `--rev`, `-l` `--lang`. `--force`,
`--from`, `--to` and `--template` have no short form, so none can be mistaken
for another command's.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from journeycli.cli.app import LanguageChoice
from journeycli.core.formats import FormatRegistry

if TYPE_CHECKING:
    import datetime as dt

    from journeycli.core.settings import Settings

LIMITS_PANEL = "Resource limits"


@dataclass(frozen=True, slots=True)
class LimitFlag:
    """One resource-limit flag: the `Limits` field it sets, its help."""

    field: str
    help: str
    metavar: str = "N"

    @property
    def flag(self) -> str:
        return "--" + self.field.replace("_", "-")


# One entry per `core.document.Limits` field (tests/test_settings.py checks they match).
LIMIT_FLAGS = (
    LimitFlag("max_file_size", "Largest map file accepted (default 4 MiB).", "BYTES"),
    LimitFlag("max_depth", "Deepest nesting accepted (default 100)."),
    LimitFlag("max_nodes", "Most YAML nodes after expanding aliases (default 1,000,000)."),
    LimitFlag(
        "max_expanded_size",
        "Most bytes of text after expanding aliases (default 50 MiB).",
        "BYTES",
    ),
    LimitFlag("max_stages", "Most stages in one map (default 1,000)."),
    LimitFlag("max_touchpoints", "Most touchpoints in one map (default 10,000)."),
)

#: The flag values of one run, by `Limits` field; None where the flag was not given.
LimitValues = dict[str, int | None]

F = TypeVar("F", bound=Callable[..., Any])


def _limit_parameter(spec: LimitFlag) -> inspect.Parameter:
    option = typer.Option(
        spec.flag, min=1, metavar=spec.metavar, rich_help_panel=LIMITS_PANEL, help=spec.help
    )
    return inspect.Parameter(
        spec.field,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[int | None, option],
    )


def limit_options(*fields: str) -> Callable[[F], F]:
    """Add the limit flags (all, or only `fields`) to a command that takes `limits`.

    The command declares `limits: LimitValues | None = None` and receives the
    flags' values in it; Typer sees the flags themselves, built from
    `LIMIT_FLAGS`, so their names, ranges and help are written once.
    """
    specs = [spec for spec in LIMIT_FLAGS if not fields or spec.field in fields]

    def decorate(command: F) -> F:
        signature = inspect.signature(command, eval_str=True)
        kept = [p for p in signature.parameters.values() if p.name != "limits"]
        added = [_limit_parameter(spec) for spec in specs]

        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {spec.field: kwargs.pop(spec.field, None) for spec in specs}
            return command(*args, limits=values, **kwargs)

        wrapper.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
        wrapper.__annotations__ = {
            **{p.name: p.annotation for p in kept},
            **{p.name: p.annotation for p in added},
        }
        return wrapper  # type: ignore[return-value]

    return decorate


def make_settings(
    limits: LimitValues | None = None,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    strict: bool | None = None,
    gap_threshold: int | None = None,
    evidence_max_age: int | None = None,
    today: str | dt.date | None = None,
    language: str | None = None,
) -> Settings:
    """The run's `Settings`: these flags over the nearest configuration over the defaults."""
    from journeycli.core.settings import load_settings

    return load_settings(
        select=select,
        ignore=ignore,
        strict=strict,
        gap_threshold=gap_threshold,
        evidence_max_age=evidence_max_age,
        today=today,
        language=language,
        limits=limits,
    )


# `--lang` of the commands that write messages about maps (lint, fix) and of those
# that draw a map (report, preview): one declaration each, as the flag's help says.
MessageLanguage = Annotated[
    LanguageChoice | None,
    typer.Option(
        "--lang",
        help="Language of the messages (default: each map's own language).",
        rich_help_panel="Output",
    ),
]
LabelLanguage = Annotated[
    LanguageChoice | None,
    typer.Option(
        "--lang",
        help="Language of the labels (default: the map's language).",
        rich_help_panel="Output",
    ),
]

GapThreshold = Annotated[
    int | None,
    typer.Option(
        "--gap-threshold",
        min=0,
        max=100,
        rich_help_panel="Scoring",
        help="Gap from which a stage needs a plan (default 30).",
    ),
]


def format_option(
    registry: FormatRegistry,
    *flags: str,
    help: str = "Output format",
    panel: str = "Output",
) -> Any:
    """The `--format` (or `--to`/`--from`) option of a command, built from its registry.

    The choices in the help, the shell completion and the did-you-mean of a
    mistyped name all come from `registry`; the value reaches the command as
    the format's name.
    """

    def check(value: str | None) -> str | None:
        if value is None or value in registry:
            return value
        close = registry.suggestion(value)
        hint = f" (did you mean '{close}'?)" if close else ""
        raise typer.BadParameter(
            f"'{value}' is not a {registry.command} format; choose one of "
            f"{', '.join(registry.names())}{hint}"
        )

    return typer.Option(
        *(flags or (registry.option, "-f")),
        metavar=f"<{registry.choices()}>",
        help=f"{help}.",
        rich_help_panel=panel,
        callback=check,
        autocompletion=registry.complete,
    )


EvidenceMaxAge = Annotated[
    int | None,
    typer.Option(
        "--evidence-max-age",
        min=1,
        max=1200,
        metavar="MONTHS",
        rich_help_panel="Scoring",
        help="Months after which evidence is stale (default 18).",
    ),
]
Today = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="YYYY-MM-DD",
        rich_help_panel="Scoring",
        help="Reference date for evidence age (default: $JOURNEY_TODAY, else today).",
    ),
]
