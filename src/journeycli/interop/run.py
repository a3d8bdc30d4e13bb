"""Export and import end to end: bytes in, text out, for the two CLI commands.

The format modules (`mermaid`, `table`, `jsonio`) are pure text <-> model;
this module adds what every conversion needs around them: reading a map the
way `journey lint` does (an invalid map is refused with its lint errors),
the view for one persona, decoding input bytes, and writing imported maps
through the one YAML writer, checked by the linter before they are handed
back, so an import never produces a map with lint errors.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath
from typing import TextIO

from journeycli.core.analysis import find_persona
from journeycli.core.checks import map_errors, valid_map
from journeycli.core.errors import InputError, UsageError
from journeycli.core.loader import Limits, decode
from journeycli.core.model import JourneyMap, Language
from journeycli.core.scoring import meets, scores
from journeycli.core.sources import STDIN, read_source
from journeycli.core.validation import DEFAULT_LIMITS, load_map
from journeycli.interop.common import title_from_name

EXPORT_FORMATS = ("mermaid", "csv", "json")
IMPORT_FORMATS = ("mermaid", "csv")

_EXTENSIONS = {
    ".mmd": "mermaid",
    ".mermaid": "mermaid",
    ".md": "mermaid",
    ".markdown": "mermaid",
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
}


def format_for(path: str | None, allowed: tuple[str, ...]) -> str | None:
    """The format a file name implies (`journey.mmd` -> mermaid), when it is one of `allowed`."""
    if not path or path == STDIN:
        return None
    found = _EXTENSIONS.get(PurePath(path).suffix.lower())
    return found if found in allowed else None


def for_persona(journey: JourneyMap, persona_id: str) -> JourneyMap:
    """The map as one persona meets it: their touchpoints and their scores.

    Stages keep their order (a stage the persona meets no touchpoint in stays,
    empty); relevance and presence become the persona's (`persona_scores`
    applied); actions about a touchpoint the persona does not meet are dropped.
    The result is itself a valid map.
    """
    persona = find_persona(journey, persona_id)
    assert persona is not None
    stages = []
    for stage in journey.stages:
        relevance, presence = scores(stage, persona.id)
        kept = [tp for tp in stage.touchpoints if meets(tp, persona.id)]
        ids = {tp.id for tp in kept}
        gone = {tp.id for tp in stage.touchpoints} - ids
        stages.append(
            stage.model_copy(
                update={
                    "relevance": relevance,
                    "presence": presence,
                    "persona_scores": {},
                    "touchpoints": [tp.model_copy(update={"personas": []}) for tp in kept],
                    "actions": [a for a in stage.actions if a.touchpoint not in gone],
                }
            )
        )
    return journey.model_copy(update={"personas": [persona], "stages": stages})


def export_map(
    raw: bytes,
    path: str,
    fmt: str,
    *,
    persona: str | None = None,
    fence: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """A map file's bytes -> the text of `fmt` (mermaid, csv or json)."""
    from journeycli.interop.jsonio import to_json
    from journeycli.interop.mermaid import to_mermaid
    from journeycli.interop.table import to_csv

    if fence and fmt != "mermaid":
        raise UsageError("--fence only applies to --to mermaid")
    journey = valid_map(raw, path, limits)
    if persona is not None:
        journey = for_persona(journey, persona)
    exporters: dict[str, Callable[[JourneyMap], str]] = {
        "mermaid": lambda j: to_mermaid(j, fence=fence),
        "csv": to_csv,
        "json": to_json,
    }
    if fmt not in exporters:
        raise UsageError(f"unknown export format '{fmt}'", hint="use mermaid, csv or json")
    return exporters[fmt](journey)


def read_text(raw: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Input bytes as text: UTF-8 (a BOM is fine), within the file size limit."""
    if len(raw) > limits.max_file_size:
        raise InputError(
            f"{source}: {len(raw):,} bytes, over the limit of "
            f"{limits.max_file_size:,}; raise it with --max-file-size"
        )
    text, problem = decode(raw, source)
    if problem is not None or text is None:
        detail = problem.message if problem else "unreadable"
        line = f":{problem.line}" if problem else ""
        raise InputError(f"{source}{line}: {detail}")
    return text


def import_map(
    raw: bytes,
    source: str,
    fmt: str,
    *,
    title: str | None = None,
    lang: str | None = None,
    schema_ref: str | None = None,
    output_dir: Path | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> str:
    """A Mermaid diagram or CSV file's bytes -> the YAML text of a map that lints clean.

    The text starts with the same schema modeline as `journey new` writes:
    `schema_ref`, or the nearest `journey.schema.json` seen from `output_dir`
    (default: the working directory).
    """
    from journeycli.core.schema import find_schema_ref
    from journeycli.core.writer import dump_map
    from journeycli.interop.mermaid import from_mermaid
    from journeycli.interop.table import from_csv

    text = read_text(raw, source, limits)
    if fmt == "mermaid":
        journey = from_mermaid(
            text, source=source, title=title, default_title=title_from_name(source)
        )
    elif fmt == "csv":
        journey = from_csv(text, source=source, title=title or title_from_name(source))
    else:
        raise UsageError(f"unknown import format '{fmt}'", hint="use mermaid or csv")
    if lang is not None:
        journey = journey.model_copy(update={"language": Language(lang)})
    if schema_ref is None:
        schema_ref, _ = find_schema_ref(output_dir or Path.cwd())
    yaml_text = dump_map(journey, schema_ref=schema_ref)
    errors = map_errors(load_map(yaml_text.encode("utf-8"), source))
    if errors:  # pragma: no cover - a bug in an importer or the writer, never the user's input
        raise InputError(f"{source}: the imported map would not lint: {errors[0].format_text()}")
    return yaml_text


def _output_file(output: str | None) -> str | None:
    """`--output`, with `-` meaning standard output, as for the input path."""
    return None if output in (None, STDIN) else output


def run_export(
    path: str,
    *,
    stream: TextIO,
    to: str | None = None,
    output: str | None = None,
    persona: str | None = None,
    fence: bool | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> None:
    """`journey export` end to end: settle the format, convert, write `output` or `stream`.

    The format is `to`, else the one `output`'s extension implies; Mermaid
    written to a Markdown file is fenced unless `fence` says otherwise, so the
    file renders on GitHub as it is. An existing `output` is replaced: an
    export is derived data, regenerated at will.
    """
    from journeycli.core.fs import write_output

    fmt = to or format_for(output, EXPORT_FORMATS)
    if fmt is None:
        where = (
            f"{output}: cannot tell the export format from the file name"
            if output
            else ("no output format")
        )
        raise UsageError(where, hint="use --to mermaid|csv|json")
    if fence is None:
        fence = (
            fmt == "mermaid"
            and output is not None
            and output.lower().endswith((".md", ".markdown"))
        )
    raw, name = read_source(path)
    text = export_map(raw, name, fmt, persona=persona, fence=fence, limits=limits)
    write_output(text, _output_file(output), stream, overwrite=True, inputs=[path])


def run_import(
    path: str,
    *,
    stream: TextIO,
    source_format: str | None = None,
    output: str | None = None,
    force: bool = False,
    title: str | None = None,
    lang: str | None = None,
    schema_ref: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> None:
    """`journey import` end to end: settle the format, convert, write `output` or `stream`.

    The format is `source_format`, else the one the input's extension implies.
    Unlike an export, an imported map is the user's own work from then on, so
    an existing `output` is replaced only with `force`.
    """
    from journeycli.core.fs import write_output

    fmt = source_format or format_for(path, IMPORT_FORMATS)
    if fmt is None:
        raise UsageError(f"{path}: cannot tell the input format", hint="use --from mermaid|csv")
    if title is not None and not title.strip():
        raise UsageError("--title must not be empty")
    raw, name = read_source(path)
    target = _output_file(output)
    text = import_map(
        raw,
        name,
        fmt,
        title=title,
        lang=lang,
        schema_ref=schema_ref,
        output_dir=Path(target).parent if target is not None else None,
        limits=limits,
    )
    write_output(text, target, stream, overwrite=force, inputs=[path])
