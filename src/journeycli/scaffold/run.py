"""`journey new`: a template and a language become a map people can fill in.

The template content (stage names, customer goals, questions, review
questions, the experience map's goal, principles and actions) and the
comments that explain each field live as data in `templates/scaffold/`, each
text in English and Dutch side by side so translations stay in step. Here
they become a validated `JourneyMap` plus `Comments`, and the one writer
turns both into text. Keys the user still has to fill in are written as
empty slots (`relevance:`): they read back as "not set", so a blank scaffold
passes lint with no errors and its warnings (W101 unscored, W105 no
touchpoints, W104 no owner) form the to-do list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from journeycli.core.errors import ConfigError, UsageError
from journeycli.core.fs import atomic_write
from journeycli.core.guards import unsafe_text_message
from journeycli.core.hints import did_you_mean
from journeycli.core.loader import load_document
from journeycli.core.model import Action, Evidence, JourneyMap, Kpi, Persona, Touchpoint
from journeycli.core.schema import SCHEMA_FILE, find_schema_ref
from journeycli.core.slug import slugify, unique_slug
from journeycli.core.sources import MAP_SUFFIXES, title_from_filename
from journeycli.core.templates import template_dir
from journeycli.core.validation import load_map
from journeycli.core.writer import MAX_LINE, Comments, Loc, dump_items, dump_map, written_entries

DEFAULT_TEMPLATE = "five-stages"
LANGUAGES = ("en", "nl")
_MAP_KEYS = ("goal", "principles", "metrics")
_PROMPT_KEYS = ("customer_goal", "questions", "review_questions")
_EXAMPLE_MODELS: dict[str, type[BaseModel]] = {
    "map.personas": Persona,
    "stage.evidence": Evidence,
    "stage.kpis": Kpi,
    "stage.touchpoints": Touchpoint,
    "stage.actions": Action,
}


@dataclass(frozen=True)
class ScaffoldOptions:
    """What `journey new` was asked for; `None` means the default."""

    template: str = DEFAULT_TEMPLATE
    language: str = "en"
    title: str | None = None
    stages: str | None = None
    personas: Sequence[str] = ()
    schema_ref: str | None = None


@dataclass(frozen=True)
class Scaffold:
    """A scaffolded map: where it went (None for stdout), its model and its text."""

    path: Path | None
    journey: JourneyMap
    text: str
    schema_ref: str
    schema_found: bool


def create(path: str, options: ScaffoldOptions, *, force: bool = False) -> Scaffold:
    """Scaffold a map to `path` (`-` for none: the caller prints the text)."""
    target = None if path == "-" else map_path(path)
    if target is not None:
        if not target.parent.is_dir():
            raise UsageError(
                f"{target}: directory {target.parent} does not exist", hint="create it first"
            )
        if target.exists() and not force:
            raise UsageError(f"{target}: already exists", hint="use --force to overwrite it")
    directory = target.parent if target is not None else Path.cwd()
    if options.schema_ref is not None:
        ref, found = options.schema_ref, True
    else:
        ref, found = find_schema_ref(directory)
    title = (
        options.title
        if options.title is not None
        else (title_from_filename(target.name) if target else None)
    )
    journey, comments = build(options, title)
    text = dump_map(journey, comments=comments, schema_ref=ref)
    _self_check(text, journey)
    if target is not None:
        atomic_write(target, text, overwrite=force)
    return Scaffold(target, journey, text, ref, found)


def next_steps(result: Scaffold, options: ScaffoldOptions) -> str:
    """What `journey new` tells the user after writing a file: what it made, what to do next.

    Without a schema file to point the modeline at, it also says how to make
    one, since editor checks are the quickest way to fill in a map correctly.
    """
    assert result.path is not None
    lines = [
        f"Created {result.path} ({options.template}, {options.language}, "
        f"{len(result.journey.stages)} stages{' from --stages' if options.stages else ''}).",
        f"Next: fill in the prompts, then run: journey lint {result.path}",
    ]
    if not result.schema_found:
        folder = result.path.parent
        target = folder / SCHEMA_FILE if str(folder) != "." else SCHEMA_FILE
        lines.append(f"For checks while you type: journey schema > {target}")
    return "".join(f"{line}\n" for line in lines)


def map_path(path: str) -> Path:
    """`onboarding` -> `onboarding.journey.yaml`; a `.yaml`/`.yml` suffix is replaced."""
    if path.endswith(("/", "\\")) or Path(path).is_dir():
        raise UsageError(f"{path}: is a directory", hint="name the map file, like maps/onboarding")
    if path.endswith(MAP_SUFFIXES):
        return Path(path)
    for plain in (".yaml", ".yml"):
        if path.endswith(plain) and len(path) > len(plain):
            path = path[: -len(plain)]
            break
    return Path(path + MAP_SUFFIXES[0])


def list_templates(language: str = "en") -> list[tuple[str, str]]:
    """(name, one-line description) of every template, the default first."""
    names = sorted(_template_names(), key=lambda n: (_raw(n).get("order", 99), n))
    return [(name, str(_localize(_raw(name).get("description", ""), language))) for name in names]


def template_listing(language: str = "en") -> str:
    """`journey new --list`: one template a line, descriptions aligned in a column."""
    rows = list_templates(language)
    width = max(len(name) for name, _ in rows)
    return "".join(f"{name:<{width}}  {description}\n" for name, description in rows)


def build(options: ScaffoldOptions, title: str | None = None) -> tuple[JourneyMap, Comments]:
    """The scaffold's model and the comments and slots to write with it."""
    language = _check_language(options.language)
    data = _template(options.template, language)
    if title is not None and not title.strip():
        raise UsageError("the title must not be empty")
    _check_safe([title or ""], "--title")
    stages = _stages(options, data, language)
    taken: set[str] = set()
    personas = [
        {"id": unique_slug(name, taken, "persona"), "name": name}
        for name in _clean_names(options.personas, "--persona")
    ]
    document: dict[str, Any] = {
        "version": 1,
        "title": (title or str(data.get("title") or "Customer journey")).strip(),
        "language": language,
        **{key: data[key] for key in _MAP_KEYS if key in data},
        "personas": personas,
        "stages": stages,
    }
    try:
        journey = JourneyMap.model_validate(document)
    except ValidationError as exc:
        raise ConfigError(f"scaffold template '{options.template}' is broken: {exc}") from exc
    slots = data.get("slots") or {}
    return journey, _comments(journey, slots, language, data.get("once") or {})


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise UsageError(f"unknown language '{language}'", hint="choose en or nl")
    return language


def _clean_names(names: Sequence[str], option: str) -> list[str]:
    cleaned = [name.strip() for name in names]
    if not all(cleaned):
        raise UsageError(f"{option} needs a name, not an empty text")
    _check_safe(cleaned, option)
    return cleaned


def _check_safe(texts: Sequence[str], option: str) -> None:
    """Refuse what lint would refuse (control characters, bidi overrides) up front."""
    for text in texts:
        message = unsafe_text_message(text)
        if message is not None:
            raise UsageError(f"{option}: {text!r} {message}")


def parse_stage_names(text: str) -> list[str]:
    """`"Orientation, Purchase,"` -> two names; empty entries are skipped."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise UsageError('--stages needs at least one stage name, like --stages "A,B,C"')
    _check_safe(names, "--stages")
    return names


def _stages(options: ScaffoldOptions, data: dict[str, Any], language: str) -> list[Any]:
    taken: set[str] = set()
    if options.stages is None:
        return [{"id": unique_slug(str(s["name"]), taken, "stage"), **s} for s in data["stages"]]
    stages = []
    for name in parse_stage_names(options.stages):
        content = _known_stage(name, options.template, language, data)
        stages.append({**content, "id": unique_slug(name, taken, "stage"), "name": name})
    return stages


def _known_stage(name: str, template: str, language: str, data: dict[str, Any]) -> Any:
    """The prompts for a `--stages` name: the template's own stage when the name
    matches one (in either language), else another template's prompts, else the
    template's `custom_stage`."""
    wanted = slugify(name)
    custom = dict(data.get("custom_stage") or {})
    others = sorted(_template_names(), key=lambda n: (n != template, n))
    for other in others:
        raw = _merged(other)
        for index, stage in enumerate(raw.get("stages", [])):
            names = stage.get("name")
            spellings = names.values() if isinstance(names, dict) else [names]
            if wanted and wanted in {slugify(str(s)) for s in spellings}:
                localized = _localize(_merged(other)["stages"][index], language)
                if other == template:
                    return localized
                return {**custom, **{k: v for k, v in localized.items() if k in _PROMPT_KEYS}}
    return custom


# --- comments ------------------------------------------------------------------


def _comments(
    journey: JourneyMap, slots: dict[str, Any], language: str, once: dict[str, Any] | None = None
) -> Comments:
    """The comments and empty slots of a scaffold.

    `slots` name the keys written empty in every item of a kind; `once` those
    written empty only in the first item of their kind (the blueprint lanes,
    tone and KPIs of `experience-map`, docs/scaffold.md).
    """
    table = _localize(_raw("_comments"), language)
    inline_table: dict[str, str] = table.get("inline", {})
    above_table: dict[str, str] = table.get("above", {})
    keep: set[Loc] = set()
    above: dict[Loc, list[str]] = {}
    inline: dict[Loc, str] = {}
    below: dict[Loc, list[str]] = {}
    seen: set[str] = set()

    started: set[str] = set()

    def walk(value: BaseModel, loc: Loc, kind: str) -> None:
        first = kind not in started
        started.add(kind)
        for field in [*slots.get(kind, ()), *((once or {}).get(kind, ()) if first else ())]:
            if field in type(value).model_fields:
                keep.add((*loc, field))
        for key, item in written_entries(value, loc, keep):
            name, key_loc = f"{kind}.{key}", (*loc, key)
            if kind == "map" and name in above_table:
                above[key_loc] = [above_table[name]]
            if name not in seen and name in inline_table:
                inline[key_loc] = inline_table[name]
            if isinstance(item, BaseModel):
                walk(item, key_loc, _kind(item))
            elif isinstance(item, list) and item and isinstance(item[0], BaseModel):
                for index, child in enumerate(item):
                    walk(child, (*key_loc, index), _kind(child))
            elif (
                isinstance(item, list)
                and not item
                and name not in seen
                and name in (_EXAMPLE_MODELS)
            ):
                below[key_loc] = _example(name, table, inline_table)
            seen.add(name)

    walk(journey, (), "map")
    header = table.get("header", [])
    return Comments(header=header, above=above, inline=inline, below=below, keep=keep)


def _kind(value: BaseModel) -> str:
    return "map" if isinstance(value, JourneyMap) else type(value).__name__.lower()


def _example(name: str, table: dict[str, Any], inline_table: dict[str, str]) -> list[str]:
    """One item of the list `name`, written and ready to be commented out."""
    data = table["examples"][name]
    model_type = _EXAMPLE_MODELS[name]
    item = model_type.model_validate(data)
    kind = model_type.__name__.lower()
    keep: set[Loc] = {(0, key) for key in data}
    notes: dict[Loc, str] = {
        (0, key): inline_table[f"{kind}.{key}"] for key in data if f"{kind}.{key}" in inline_table
    }
    # The deepest example sits under a stage key: 4 spaces and `#   ` go in front.
    text = dump_items([item], comments=Comments(inline=notes, keep=keep), max_line=MAX_LINE - 8)
    return text.rstrip("\n").split("\n")


# --- template data --------------------------------------------------------------


def _template_names() -> list[str]:
    folder = template_dir() / "scaffold"
    return sorted(p.stem for p in folder.glob("*.yaml") if not p.name.startswith("_"))


@cache
def _raw(name: str) -> dict[str, Any]:
    """A scaffold data file, read with the same loader as maps."""
    path = template_dir() / "scaffold" / f"{name}.yaml"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read scaffold data {path}: {exc.strerror or exc}") from exc
    document = load_document(raw, str(path))
    if document.data is None or document.problems:
        first = document.problems[0].format_text() if document.problems else "unreadable"
        raise ConfigError(f"scaffold data is broken: {first}")
    return document.data


def _merged(name: str) -> dict[str, Any]:
    """A template with `extends` resolved: the base's stages merged item by item."""
    data = _raw(name)
    base_name = data.get("extends")
    if not base_name:
        return data
    base = _merged(str(base_name))
    merged = {**base, **{k: v for k, v in data.items() if k != "extends"}}
    extra = data.get("stages", [])
    merged["stages"] = [
        {**stage, **(extra[i] if i < len(extra) else {})} for i, stage in enumerate(base["stages"])
    ]
    merged["custom_stage"] = {
        **(base.get("custom_stage") or {}),
        **(data.get("custom_stage") or {}),
    }
    return merged


def _template(name: str, language: str) -> dict[str, Any]:
    names = _template_names()
    if name not in names:
        choices = "choose " + ", ".join(n for n, _ in list_templates())
        close = did_you_mean(name, names)
        raise UsageError(
            f"unknown template '{name}'", hint=f"{close} {choices}" if close else choices
        )
    localized = _localize(_merged(name), language)
    assert isinstance(localized, dict)
    return localized


def _localize(node: Any, language: str) -> Any:
    """Pick `language` from every `{en: ..., nl: ...}` text in the data."""
    if isinstance(node, dict):
        if node and set(node) <= set(LANGUAGES):
            if language not in node:
                raise ConfigError(f"scaffold data lacks a '{language}' text: {node}")
            return _localize(node[language], language)
        return {key: _localize(value, language) for key, value in node.items()}
    if isinstance(node, list):
        return [_localize(item, language) for item in node]
    return node


def _self_check(text: str, journey: JourneyMap) -> None:
    """The scaffold must read back as the same map; anything else is a bug here."""
    validated = load_map(text.encode("utf-8"), "<scaffold>")
    if validated.model != journey:
        problems = "; ".join(p.format_text() for p in validated.problems[:3])
        raise ConfigError(f"the scaffold does not read back as written ({problems})")
