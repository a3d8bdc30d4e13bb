"""`journey report` without the command line: maps in, a Report and rendered text out.

Reading and validating go through the same functions as `journey lint`, so a
map that lint rejects is never reported on: its errors travel in an
`InvalidMapError` and nothing is written. A user's `--template` is rendered
here, in Jinja2's sandbox, with the fields of the JSON report as its variables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TextIO

from journeycli.core.analysis import DEFAULT_TOP, Analysis, analyse
from journeycli.core.checks import map_errors
from journeycli.core.combined import Report, combine
from journeycli.core.errors import InputError, InvalidMapError, UsageError
from journeycli.core.gcpause import paused_gc
from journeycli.core.model import JourneyMap, Language
from journeycli.core.problems import Problem
from journeycli.core.settings import Settings
from journeycli.core.sources import discover, read_source
from journeycli.core.validation import load_map
from journeycli.report.formats.json import analysis_data

TEMPLATE_NAME = "<template>"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What only the report asks for; everything shared is in `Settings`."""

    persona: str | None = None
    top: int = DEFAULT_TOP
    settings: Settings = field(default_factory=Settings)
    target: str | None = None  # a future-state map to show beside the one map (--target)


def _valid(path: str, options: ReportOptions) -> tuple[JourneyMap | None, str, list[Problem]]:
    """(model or None, name, lint errors) of one map, read and checked as `journey lint` does."""
    raw, name = read_source(path, options.settings.limits.max_file_size)
    model, problems = _checked(raw, name, options)
    return model, name, problems


def _checked(
    raw: bytes, name: str, options: ReportOptions
) -> tuple[JourneyMap | None, list[Problem]]:
    """(model or None, lint errors) of one map's bytes, checked as `journey lint` does."""
    validated = load_map(raw, name, options.settings.limits)
    problems = map_errors(validated, options.settings)
    return (None if problems else validated.model), problems


def render_bytes(
    raw: bytes,
    name: str,
    *,
    output_format: str = "html",
    options: ReportOptions = ReportOptions(),
) -> str:
    """The report of one map held in memory, for `journey preview` to re-render on save.

    The same checks, analysis and renderer as `journey report --format html`,
    so the text is the same as the command writes for that file. Called again
    in the same process it imports nothing: the server pays the start-up once
    (docs/performance.md, "In-process render"). An invalid map raises
    `InvalidMapError` with lint's errors, as the command does.
    """
    from journeycli.report.formats import FORMATS

    renderer = FORMATS.load(output_format)
    model, problems = _checked(raw, name, options)
    if problems or model is None:
        raise InvalidMapError(sorted(problems))
    with paused_gc():  # a large map holds no cycles; see gcpause.paused_gc
        analysis = analyse(
            model,
            path=name,
            persona=options.persona,
            top=options.top,
            gap_threshold=options.settings.gap_threshold,
            reference_date=options.settings.today,
            evidence_max_age=options.settings.evidence_max_age,
        )
    report = combine([analysis])
    return renderer.render(report, resolve_language(report, options.settings.language))


def build_report(paths: Sequence[str], options: ReportOptions = ReportOptions()) -> Report:
    """Discover, validate and analyse the maps; any invalid map stops the whole report.

    With `options.target`, the one map is shown beside that future-state map
    (docs/format.md#current-and-future-state); the future map must be valid too.
    """
    analyses = []
    errors: list[Problem] = []
    found = discover(paths)
    future: JourneyMap | None = None
    future_name = ""
    if options.target is not None:
        if len(found) != 1:
            raise UsageError(
                f"--target compares one map with its future state; {len(found)} maps were given",
                hint="name one current map, like: journey report now.journey.yaml --target "
                "future.journey.yaml",
            )
        future, future_name, problems = _valid(options.target, options)
        errors.extend(problems)
    for path in found:
        model, name, problems = _valid(path, options)
        if problems or model is None:
            errors.extend(problems)
            continue
        if not errors:
            with paused_gc():  # a large map holds no cycles; see gcpause.paused_gc
                analyses.append(
                    analyse(
                        model,
                        path=name,
                        persona=options.persona,
                        top=options.top,
                        gap_threshold=options.settings.gap_threshold,
                        reference_date=options.settings.today,
                        evidence_max_age=options.settings.evidence_max_age,
                        target=future,
                        target_path=future_name,
                    )
                )
    if errors:
        raise InvalidMapError(sorted(errors))
    return combine(analyses)


def produce(
    paths: Sequence[str],
    *,
    stream: TextIO,
    persona: str | None = None,
    top: int = DEFAULT_TOP,
    settings: Settings | None = None,
    output_format: str | None = None,
    output: str | None = None,
    template: str | None = None,
    target: str | None = None,
) -> None:
    """`journey report` end to end: the format, the report, then `output` or `stream`.

    The format is `output_format`, else the one `output`'s extension implies
    (a user's template decides its own format), else terminal. It is settled
    before any map is read, so a bad `--output` name costs nothing. Only the
    terminal renderer, writing to the stream itself, may colour its output.
    The gap threshold, evidence age, reference date, limits and language come
    from `settings`, the same value `journey lint` reads (docs/report.md);
    None means the defaults. `target` is a future-state map shown beside the
    one map.
    """
    from journeycli.core.fs import atomic_write, write_output
    from journeycli.report.formats import FORMATS

    name = output_format
    if name is None and output is not None and template is None:
        name = FORMATS.for_path(output)
        if name is None:
            raise UsageError(
                f"{output}: cannot tell the report format from the file name",
                hint=f"use --format {FORMATS.choices()}",
            )
    renderer = FORMATS.load(name or "terminal")
    if renderer.binary and template is None and output is None:
        raise UsageError(
            f"the {renderer.name} format writes a file, not text",
            hint=f"name it with --output, like: --output report.{renderer.name}",
        )
    settings = settings or Settings()
    options = ReportOptions(persona=persona, top=top, settings=settings, target=target)
    files = discover(paths)  # once: also the inputs the output must not replace
    report = build_report(files, options)
    language = resolve_language(report, settings.language)
    if template is not None:
        text = render_template(report, template, language)
    elif output is not None and renderer.binary:
        atomic_write(output, renderer.render_bytes(report, language))
        return
    elif output is not None:
        text = renderer.render(report, language)
    else:
        renderer.write(report, language, stream=stream)
        return
    inputs = [*files, *(extra for extra in (template, target) if extra is not None)]
    write_output(text, output, stream, inputs=inputs)


def resolve_language(report: Report, lang: str | None) -> Language:
    """`--lang` when given, else the language of the (first) map."""
    if lang is not None:
        try:
            return Language(lang)
        except ValueError as exc:
            known = ", ".join(item.value for item in Language)
            raise UsageError(f"unknown language '{lang}'", hint=f"choose one of {known}") from exc
    return report.analyses[0].language


TEMPLATE_MAX_BYTES = 1024 * 1024  # a template is a page of text; /dev/zero must not be read forever


def read_template(path: str) -> str:
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - a bounded read (docs/security.md)
            raw = file.read(TEMPLATE_MAX_BYTES + 1)
        if len(raw) > TEMPLATE_MAX_BYTES:
            raise InputError(f"{path}: the template is over {TEMPLATE_MAX_BYTES:,} bytes")
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: the template is not UTF-8 text") from exc
    except IsADirectoryError as exc:
        raise UsageError(f"{path}: is a directory, not a template file") from exc
    except FileNotFoundError as exc:
        raise UsageError(f"{path}: no such template file") from exc
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _template_line(tb: TracebackType | None) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_NAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def template_context(analysis: Analysis, lang: Language) -> dict[str, Any]:
    """The variables of a user's template: plain data only, never a live object.

    The fields of the JSON report, `map` as the map's plain data
    (`model_dump(mode="json")`: dicts, lists, text, numbers, null) and `lang`.
    A live model would hand the template its methods: Pydantic's deprecated
    `parse_raw` unpickles, which runs any command (docs/security.md).
    """
    return {
        **analysis_data(analysis),
        "map": analysis.journey.model_dump(mode="json"),
        "lang": lang.value,
    }


def render_template(report: Report, path: str, lang: Language) -> str:
    """Render a user's Jinja2 template in the sandbox, once per map (joined by a blank line).

    Its variables are the fields of the JSON report (`title`, `persona`,
    `stages`, `unscored`, `breaking_moments`, `gaps_without_plan`, `roadmap`,
    ...) plus `map`, the validated map as plain data, and `lang` (see
    `template_context`). Any template error,
    including a sandbox violation, is an InputError naming the template line.
    """
    import jinja2

    from journeycli.report.sandbox import TemplateSandbox, render_capped
    from journeycli.report.sandbox_limits import TemplateLimitError

    source = read_template(path)
    autoescape = path.lower().endswith((".html", ".htm", ".xml"))
    env = TemplateSandbox(
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    outputs = []
    try:
        template = env.from_string(source)
        # the compiled template reports errors under this file name
        for analysis in report.analyses:
            outputs.append(render_capped(template, template_context(analysis, lang)))
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"{path}:{exc.lineno}: template error: {exc.message}") from None
    except RecursionError:
        raise InputError(f"{path}: template error: recursion too deep") from None
    except Exception as exc:  # a user's template may fail in any way
        line = _template_line(exc.__traceback__)
        where = f"{path}:{line}" if line else path
        if isinstance(exc, TemplateLimitError):
            kind = "template limit"
        elif isinstance(exc, jinja2.exceptions.SecurityError):
            kind = "sandbox violation"
        else:
            kind = "template error"
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{where}: {kind}: {message}") from None
    return "\n".join(outputs)
