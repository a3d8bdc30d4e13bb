"""Export and import end to end: bytes in, text out, for the two CLI commands.

The format modules (`mermaid`, `table`, `jsonio`) are pure text <-> model;
this module adds what every conversion needs around them: reading a map the
way `journey lint` does (an invalid map is refused with its lint errors),
the view for one persona, decoding input bytes, and writing imported maps
through the one YAML writer, checked by the linter before they are handed
back, so an import never produces a map with lint errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from journeycli.core.analysis import find_persona
from journeycli.core.checks import map_errors, valid_map
from journeycli.core.document import DEFAULT_LIMITS, Limits, decode
from journeycli.core.errors import InputError, UsageError
from journeycli.core.model import JourneyMap, Language
from journeycli.core.scoring import experience_of, meets, scores
from journeycli.core.settings import Settings
from journeycli.core.sources import STDIN, read_source
from journeycli.core.validation import load_map
from journeycli.interop.common import title_from_name
from journeycli.interop.formats import EXPORT_FORMATS, IMPORT_FORMATS

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t"}
"""What `--delimiter` accepts: the separators the CSV import recognises."""


def for_persona(journey: JourneyMap, persona_id: str) -> JourneyMap:
    """The map as one persona meets it: their touchpoints and their scores.

    Stages keep their order (a stage the persona meets no touchpoint in stays,
    empty); relevance and presence become the persona's (`persona_scores`
    applied), and so does each touchpoint's experience (`persona_experience`
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
                    "touchpoints": [
                        tp.model_copy(
                            update={
                                "personas": [],
                                "experience": experience_of(tp, persona.id),
                                "persona_experience": {},
                            }
                        )
                        for tp in kept
                    ],
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
    delimiter: str | None = None,
    settings: Settings | None = None,
) -> str | bytes:
    """A map file's bytes -> the text of `fmt` (mermaid, csv or json), or an xlsx workbook."""
    exporter = EXPORT_FORMATS.load(fmt)
    if fence and fmt != "mermaid":
        raise UsageError("--fence only applies to --to mermaid")
    if delimiter is not None and fmt != "csv":
        raise UsageError("--delimiter only applies to --to csv")
    journey = valid_map(raw, path, settings)
    if persona is not None:
        journey = for_persona(journey, persona)
    if EXPORT_FORMATS.get(fmt).binary:
        return exporter.render_bytes(journey)
    options: dict[str, dict[str, object]] = {
        "mermaid": {"fence": fence},
        "csv": {"delimiter": delimiter},
    }
    return exporter.render(journey, **options.get(fmt, {}))


def within_limit(raw: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Input bytes no larger than `--max-file-size` allows."""
    if len(raw) > limits.max_file_size:
        raise InputError(
            f"{source}: over the limit of {limits.max_file_size:,} bytes; "
            "raise it with --max-file-size"
        )


def read_text(raw: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """Input bytes as text: UTF-8 (a BOM is fine), within the file size limit."""
    within_limit(raw, source, limits)
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
    settings: Settings | None = None,
) -> str:
    """A Mermaid diagram, CSV or xlsx file's bytes -> the YAML text of a map that lints clean.

    The text starts with the same schema modeline as `journey new` writes:
    `schema_ref`, or the nearest `journey.schema.json` seen from `output_dir`
    (default: the working directory).
    """
    from journeycli.core.schema import find_schema_ref
    from journeycli.core.writer import dump_map
    from journeycli.interop.mermaid import from_mermaid
    from journeycli.interop.table import from_csv
    from journeycli.interop.workbook import from_xlsx

    limits = settings.limits if settings else DEFAULT_LIMITS
    if fmt == "xlsx":
        within_limit(raw, source, limits)
        journey = from_xlsx(raw, source=source, title=title, default_title=title_from_name(source))
    elif fmt == "mermaid":
        text = read_text(raw, source, limits)
        journey = from_mermaid(
            text,
            source=source,
            title=title,
            default_title=title_from_name(source),
            limits=limits,
        )
    elif fmt == "csv":
        text = read_text(raw, source, limits)
        journey = from_csv(
            text, source=source, title=title or title_from_name(source), limits=limits
        )
    else:
        IMPORT_FORMATS.get(fmt)  # an unknown name: a usage error with the choices
        raise AssertionError(fmt)  # pragma: no cover - a registered format without a branch
    if lang is not None:
        journey = journey.model_copy(update={"language": Language(lang)})
    if schema_ref is None:
        schema_ref, _ = find_schema_ref(output_dir or Path.cwd())
    yaml_text = dump_map(journey, schema_ref=schema_ref)
    written = yaml_text.encode("utf-8")
    if len(written) > limits.max_file_size:  # lint would refuse the map this import writes
        raise InputError(
            f"{source}: the imported map would be {len(written):,} bytes, over the limit of "
            f"{limits.max_file_size:,} (E006); raise it with --max-file-size if this input is real"
        )
    errors = map_errors(load_map(written, source, limits))
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
    delimiter: str | None = None,
    settings: Settings | None = None,
) -> None:
    """`journey export` end to end: settle the format, convert, write `output` or `stream`.

    The format is `to`, else the one `output`'s extension implies; Mermaid
    written to a Markdown file is fenced unless `fence` says otherwise, so the
    file renders on GitHub as it is. An existing `output` is replaced: an
    export is derived data, regenerated at will. An xlsx workbook goes to a
    file or a pipe, never to a terminal.
    """
    from journeycli.core.fs import atomic_write, write_output

    fmt = to or EXPORT_FORMATS.for_path(output)
    if fmt is None:
        where = (
            f"{output}: cannot tell the export format from the file name"
            if output
            else ("no output format")
        )
        raise UsageError(where, hint=f"use --to {EXPORT_FORMATS.choices()}")
    if fence is None:
        fence = (
            fmt == "mermaid"
            and output is not None
            and output.lower().endswith((".md", ".markdown"))
        )
    if delimiter is not None:
        if delimiter.lower() not in DELIMITERS:
            raise UsageError(
                f"--delimiter {delimiter!r} is not supported", hint="use ',', ';' or tab"
            )
        delimiter = DELIMITERS[delimiter.lower()]
    target = _output_file(output)
    if EXPORT_FORMATS.get(fmt).binary and target is None and stream.isatty():
        raise UsageError(f"an {fmt} file is binary", hint=f"name it with --output FILE.{fmt}")
    raw, name = read_source(path, (settings or Settings()).limits.max_file_size)
    result = export_map(
        raw, name, fmt, persona=persona, fence=fence, delimiter=delimiter, settings=settings
    )
    if isinstance(result, str):
        write_output(result, target, stream, overwrite=True)
    elif target is not None:
        atomic_write(target, result)
    else:
        stream.flush()
        stream.buffer.write(result)


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
    settings: Settings | None = None,
) -> None:
    """`journey import` end to end: settle the format, convert, write `output` or `stream`.

    The format is `source_format`, else the one the input's extension implies.
    Unlike an export, an imported map is the user's own work from then on, so
    an existing `output` is replaced only with `force`.
    """
    from journeycli.core.fs import write_output

    fmt = source_format or IMPORT_FORMATS.for_path(path)
    if fmt is None:
        raise UsageError(
            f"{path}: cannot tell the input format", hint=f"use --from {IMPORT_FORMATS.choices()}"
        )
    if title is not None and not title.strip():
        raise UsageError("--title must not be empty")
    raw, name = read_source(path, (settings or Settings()).limits.max_file_size)
    target = _output_file(output)
    text = import_map(
        raw,
        name,
        fmt,
        title=title,
        lang=lang,
        schema_ref=schema_ref,
        output_dir=Path(target).parent if target is not None else None,
        settings=settings,
    )
    write_output(text, target, stream, overwrite=force)
