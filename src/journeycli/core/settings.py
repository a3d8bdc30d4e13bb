"""Settings: one value read once per run from the flags and the nearest configuration.

Every command's core receives a `Settings` (limits, gap threshold, evidence
age, reference date, rule selection, language) built by `load_settings`, so
`journey lint` and `journey report` can never disagree about a map: both read
the same `gap-threshold` from the same file (docs/lint.md, "Configuration").

The nearest file wins: walking up from the working directory, the first
directory that has a `.journey.toml`, or a `pyproject.toml` with a
`[tool.journey]` table, holds the configuration (a `.journey.toml` is
preferred over a `pyproject.toml` beside it, as ruff prefers `.ruff.toml`).
A pyproject.toml without the table is passed over, so a project's own
pyproject does not hide a configuration further up.

The command line wins key by key: `--select` replaces the file's `select`,
`--ignore` its `ignore`, and so on. An invalid file is a usage error (exit 2)
that names the file and the key, never a silent fallback to defaults. A file
may lower a resource limit but not raise it: a pull request's configuration
must not switch the protection off; raising takes a flag (docs/security.md).
For the same reason `select` and `ignore` choose among warnings only: errors
are always reported (`Settings.reports`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journeycli.core.dates import (
    DEFAULT_EVIDENCE_MAX_AGE,
    MAX_EVIDENCE_MAX_AGE,
    parse_date,
    reference_date,
)
from journeycli.core.document import Limits
from journeycli.core.errors import ConfigError, UsageError
from journeycli.core.hints import closest
from journeycli.core.problems import Problem, Severity
from journeycli.core.rules import RULES
from journeycli.core.scoring import DEFAULT_GAP_THRESHOLD

JOURNEY_TOML = ".journey.toml"
PYPROJECT = "pyproject.toml"
CONFIG_MAX_BYTES = 4 * 1024 * 1024  # far above any pyproject.toml; bounds a link to /dev/zero
# Resource limits (E006), key -> the `Limits` field it sets; see docs/security.md.
# A new `Limits` field is a new key (and, in cli/options.py, a new flag) by itself.
LIMIT_KEYS = {f.name.replace("_", "-"): f.name for f in dataclasses.fields(Limits)}
KEYS = ("select", "ignore", "strict", "gap-threshold", "evidence-max-age", *LIMIT_KEYS)


def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """`["W1,E003", "W102"]` -> `("W1", "E003", "W102")`, upper-cased, validated."""
    codes: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(known.startswith(code) for known in RULES):
                raise UsageError(
                    f"unknown rule code or prefix '{part.strip()}'",
                    hint=f"known codes: {', '.join(RULES)}",
                )
            codes.append(code)
    return tuple(codes)


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run of any command is told: flags over the configuration over the defaults.

    Built once per run by `load_settings`; a core function takes it whole, so a
    new setting reaches every command without another parameter on each.
    """

    limits: Limits = field(default_factory=Limits)
    gap_threshold: int = DEFAULT_GAP_THRESHOLD
    evidence_max_age: int = DEFAULT_EVIDENCE_MAX_AGE  # months
    today: dt.date = field(default_factory=reference_date)  # docs/lint.md, "Evidence age"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    language: str | None = None  # --lang; None: the map's own language
    config: Path | None = None  # the configuration file read, if any

    def wants(self, code: str) -> bool:
        """Selected (all when nothing is selected) and not ignored; codes or prefixes.

        As in flake8 and ruff, the most specific match wins, so `--select W102
        --ignore W` keeps W102; on a tie (`--select W1 --ignore W1`) ignore wins.
        Only warnings are chosen this way: errors are always reported (`reports`).
        """
        selected = max(
            (len(p) for p in self.select if code.startswith(p)), default=-1 if self.select else 0
        )
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def reports(self, problem: Problem) -> bool:
        """Every error, and the warnings `wants`: a configuration file in a pull request
        must not be able to hide errors (`ignore = ["E"]`); docs/security.md."""
        return problem.is_error or self.wants(problem.code)


def ignored_errors(ignore: Sequence[str]) -> list[str]:
    """The codes or prefixes of `ignore` that name errors, which cannot be ignored."""
    errors = [code for code, rule in RULES.items() if rule.severity is Severity.ERROR]
    return [prefix for prefix in ignore if any(code.startswith(prefix) for code in errors)]


@dataclass(frozen=True, slots=True)
class Config:
    """What one configuration file sets; None where it is silent."""

    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    strict: bool | None = None
    gap_threshold: int | None = None
    evidence_max_age: int | None = None
    limits: tuple[tuple[str, int], ...] = ()  # (Limits field, value) for the keys given


def _shown(path: Path) -> str:
    """The path relative to the working directory when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_toml(path: Path) -> dict[str, Any] | None:
    """The parsed file, or None when it cannot mention journey at all (cheap skip)."""
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - a bounded read (docs/security.md)
            raw = file.read(CONFIG_MAX_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{_shown(path)}: cannot read ({exc.strerror or exc})") from exc
    if path.name == PYPROJECT and b"journey" not in raw:
        return None
    if len(raw) > CONFIG_MAX_BYTES:
        raise ConfigError(f"{_shown(path)}: over {CONFIG_MAX_BYTES:,} bytes, too large to read")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: not valid TOML: {exc}") from exc
    except RecursionError as exc:  # tomllib recurses per nested array or inline table
        raise ConfigError(
            f"{_shown(path)}: not valid TOML: arrays or tables nested too deeply"
        ) from exc


def _table(path: Path) -> dict[str, Any] | None:
    """The journey settings in `path`, or None when the file has none."""
    data = _read_toml(path)
    if data is None:
        return None
    if path.name != PYPROJECT:
        return data
    tool = data.get("tool")
    table = tool.get("journey") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{_shown(path)}: [tool.journey] must be a table")
    return table


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file, walking up from `start` (the working directory)."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in (JOURNEY_TOML, PYPROJECT):
            candidate = directory / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def _codes(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        values: Sequence[Any] = [value]
    elif isinstance(value, list):
        values = value
    else:
        raise ConfigError(
            f"{where}: expected a list of codes or a comma-separated string, "
            f"not {type(value).__name__}"
        )
    if not all(isinstance(item, str) for item in values):
        raise ConfigError(f'{where}: every code must be a string such as "W102"')
    try:
        return parse_codes(values)
    except UsageError as exc:
        raise ConfigError(f"{where}: {exc.message}", hint=exc.hint) from exc


def _gap_threshold(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(
            f"{where}: expected a whole number from 0 to 100, not {type(value).__name__}"
        )
    if not 0 <= value <= 100:
        raise ConfigError(f"{where}: {value} is out of range; use a whole number from 0 to 100")
    return value


def _evidence_max_age(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(
            f"{where}: expected a whole number of months from 1 to {MAX_EVIDENCE_MAX_AGE}, "
            f"not {type(value).__name__}"
        )
    if not 1 <= value <= MAX_EVIDENCE_MAX_AGE:
        raise ConfigError(
            f"{where}: {value} is out of range; use a whole number of months from 1 to "
            f"{MAX_EVIDENCE_MAX_AGE}"
        )
    return value


def _limit(value: Any, where: str, key: str, field_name: str) -> int:
    """A limit from a file: a whole number, and no higher than the default."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: expected a whole number of 1 or more, not {value!r}")
    default = getattr(Limits(), field_name)
    if value > default:
        raise ConfigError(
            f"{where}: {value} is above the default {default}; a configuration file may only "
            "lower a limit",
            hint=f"raise it on the command line: --{key} {value}",
        )
    return value


def load_config(path: Path) -> Config:
    """Parse and check one file; every error names the file and the key."""
    table = _table(path) or {}
    prefix = f"{_shown(path)}: " + ("[tool.journey] " if path.name == PYPROJECT else "")
    for key in table:
        if key not in KEYS:
            match = closest(key.replace("_", "-"), KEYS)
            hint = f"did you mean '{match}'?" if match else f"known keys: {', '.join(KEYS)}"
            raise ConfigError(f"{prefix}unknown key '{key}'", hint=hint)
    strict = table.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise ConfigError(f"{prefix}strict: expected true or false, not {type(strict).__name__}")
    return Config(
        path=path,
        select=_codes(table["select"], f"{prefix}select") if "select" in table else None,
        ignore=_codes(table["ignore"], f"{prefix}ignore") if "ignore" in table else None,
        strict=strict,
        gap_threshold=(
            _gap_threshold(table["gap-threshold"], f"{prefix}gap-threshold")
            if "gap-threshold" in table
            else None
        ),
        evidence_max_age=(
            _evidence_max_age(table["evidence-max-age"], f"{prefix}evidence-max-age")
            if "evidence-max-age" in table
            else None
        ),
        limits=tuple(
            (field_name, _limit(table[key], f"{prefix}{key}", key, field_name))
            for key, field_name in LIMIT_KEYS.items()
            if key in table
        ),
    )


def load_settings(
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    strict: bool | None = None,
    gap_threshold: int | None = None,
    evidence_max_age: int | None = None,
    today: str | dt.date | None = None,
    language: str | None = None,
    limits: Mapping[str, int | None] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """The settings of one run: each flag given, else the nearest configuration, else the default.

    A flag of None (or an empty list) means "not given". `limits` maps a
    `Limits` field (`max_stages`, ...) to its flag. The configuration file is
    found and read here, once. `today` is `--today` as written (or a date); the
    reference date is settled here: `--today`, else $JOURNEY_TODAY, else the
    system date (docs/lint.md, "Evidence age and the reference date").
    """
    if isinstance(today, str):
        today = parse_date(today, "--today")
    found = find_config(cwd or Path(os.curdir))
    config = load_config(found) if found else Config()

    def pick_codes(cli: Sequence[str] | None, fallback: tuple[str, ...] | None) -> tuple[str, ...]:
        return parse_codes(cli) if cli else (fallback or ())

    def pick(flag: Any, configured: Any, default: Any) -> Any:
        return flag if flag is not None else (default if configured is None else configured)

    flags = {name: value for name, value in (limits or {}).items() if value is not None}
    return Settings(
        limits=dataclasses.replace(Limits(), **{**dict(config.limits), **flags}),
        gap_threshold=pick(gap_threshold, config.gap_threshold, DEFAULT_GAP_THRESHOLD),
        evidence_max_age=pick(evidence_max_age, config.evidence_max_age, DEFAULT_EVIDENCE_MAX_AGE),
        today=reference_date(today),
        select=pick_codes(select, config.select),
        ignore=pick_codes(ignore, config.ignore),
        strict=pick(strict, config.strict, False),
        language=language,
        config=found,
    )
