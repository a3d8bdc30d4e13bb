"""Lint configuration: `[tool.journey]` in pyproject.toml, or `.journey.toml`.

The nearest file wins: walking up from the working directory, the first
directory that has a `.journey.toml`, or a `pyproject.toml` with a
`[tool.journey]` table, holds the configuration (a `.journey.toml` is
preferred over a `pyproject.toml` beside it, as ruff prefers `.ruff.toml`).
A pyproject.toml without the table is passed over, so a project's own
pyproject does not hide a configuration further up.

The command line wins key by key: `--select` replaces the file's `select`,
`--ignore` its `ignore`, and so on. An invalid file is a usage error (exit 2)
that names the file and the key, never a silent fallback to defaults.

A configuration file can come with a pull request, so it is trusted only to
make checks stricter (docs/security.md): its resource limits may lower the
defaults, never raise them (a higher value is clamped to the default, with a
note), and `select`/`ignore` choose among warnings only (errors are always
reported, `core.checks.LintOptions.reports`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from journeycli.core.checks import LintOptions, parse_codes
from journeycli.core.dates import (
    DEFAULT_EVIDENCE_MAX_AGE,
    MAX_EVIDENCE_MAX_AGE,
    parse_date,
    reference_date,
)
from journeycli.core.errors import ConfigError, UsageError
from journeycli.core.loader import Limits
from journeycli.core.scoring import DEFAULT_GAP_THRESHOLD

JOURNEY_TOML = ".journey.toml"
PYPROJECT = "pyproject.toml"
# Resource limits (E006), key -> the `Limits` field it sets; see docs/security.md.
LIMIT_KEYS = {
    "max-file-size": "max_file_size",
    "max-depth": "max_depth",
    "max-nodes": "max_nodes",
    "max-stages": "max_stages",
    "max-touchpoints": "max_touchpoints",
}
KEYS = ("select", "ignore", "strict", "gap-threshold", "evidence-max-age", *LIMIT_KEYS)


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
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{_shown(path)}: cannot read ({exc.strerror or exc})") from exc
    if path.name == PYPROJECT and b"journey" not in raw:
        return None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_shown(path)}: not valid TOML: {exc}") from exc


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


def _limit(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: expected a whole number of 1 or more, not {value!r}")
    return value


def load_config(path: Path) -> Config:
    """Parse and check one file; every error names the file and the key."""
    table = _table(path) or {}
    prefix = f"{_shown(path)}: " + ("[tool.journey] " if path.name == PYPROJECT else "")
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(KEYS)}"
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
            (field_name, _limit(table[key], f"{prefix}{key}"))
            for key, field_name in LIMIT_KEYS.items()
            if key in table
        ),
    )


def configured_limits(
    *,
    max_file_size: int | None = None,
    max_depth: int | None = None,
    max_nodes: int | None = None,
    max_stages: int | None = None,
    max_touchpoints: int | None = None,
    cwd: Path | None = None,
    notes: list[str] | None = None,
) -> Limits:
    """The resource limits of every command, field by field: the command line's
    (None means not given), else the nearest configuration's, else the defaults.

    A configuration value above the default is clamped to the default, and a
    note saying so is appended to `notes`: raising a limit takes the flag.
    """
    given = {
        "max_file_size": max_file_size,
        "max_depth": max_depth,
        "max_nodes": max_nodes,
        "max_stages": max_stages,
        "max_touchpoints": max_touchpoints,
    }
    found = find_config(cwd or Path(os.curdir))
    config = load_config(found) if found else Config()
    flags = {name: value for name, value in given.items() if value is not None}
    defaults = Limits()
    from_file = {}
    for name, value in config.limits:
        default = getattr(defaults, name)
        if value > default and name not in flags and notes is not None and config.path:
            key = name.replace("_", "-")
            notes.append(
                f"{_shown(config.path)}: {key} = {value} is above the default {default}; "
                f"a configuration file can only lower a limit (raise it with --{key})"
            )
        from_file[name] = min(value, default)
    return Limits(**{**from_file, **flags})


def ignored_errors(ignore: Sequence[str]) -> list[str]:
    """The codes or prefixes of `ignore` that name errors, which cannot be ignored."""
    from journeycli.core.problems import Severity
    from journeycli.core.rules import RULES

    errors = [code for code, rule in RULES.items() if rule.severity is Severity.ERROR]
    return [prefix for prefix in ignore if any(code.startswith(prefix) for code in errors)]


def resolve_options(
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    strict: bool | None = None,
    gap_threshold: int | None = None,
    evidence_max_age: int | None = None,
    today: str | dt.date | None = None,
    limits: Limits | None = None,
    cwd: Path | None = None,
) -> LintOptions:
    """Command-line values over the nearest configuration over the defaults.

    A command-line value of None (or an empty list) means "not given". `today`
    is `--today` as written (or a date); the reference date is settled here,
    once per run: `--today`, else $JOURNEY_TODAY, else the system date
    (docs/lint.md, "Evidence age and the reference date"). `journey report`
    reads its settings through this function too, so lint and report never
    disagree about a map.
    """
    if isinstance(today, str):
        today = parse_date(today, "--today")
    reference = reference_date(today)
    found = find_config(cwd or Path(os.curdir))
    config = load_config(found) if found else Config()

    def pick_codes(cli: Sequence[str] | None, fallback: tuple[str, ...] | None) -> tuple[str, ...]:
        return parse_codes(cli) if cli else (fallback or ())

    threshold = gap_threshold if gap_threshold is not None else config.gap_threshold
    max_age = evidence_max_age if evidence_max_age is not None else config.evidence_max_age
    return LintOptions(
        select=pick_codes(select, config.select),
        ignore=pick_codes(ignore, config.ignore),
        strict=strict if strict is not None else bool(config.strict),
        gap_threshold=DEFAULT_GAP_THRESHOLD if threshold is None else threshold,
        limits=limits or Limits(),
        today=reference,
        evidence_max_age=DEFAULT_EVIDENCE_MAX_AGE if max_age is None else max_age,
    )
