"""`journey report` without the command line: maps in, a Report and rendered text out.

Reading and validating go through the same functions as `journey lint`, so a
map that lint rejects is never reported on: its errors travel in an
`InvalidMapError` and nothing is written. A user's `--template` is rendered
here, in Jinja2's sandbox, with the fields of the JSON report as its variables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from journeycli.analysis import DEFAULT_TOP, Analysis, Report, analyse, combine
from journeycli.engine import DEFAULT_GAP_THRESHOLD
from journeycli.errors import InputError, InvalidMapError, UsageError
from journeycli.gcpause import paused_gc
from journeycli.lint.runner import discover, map_errors, read_source
from journeycli.loader import Limits
from journeycli.model import Language
from journeycli.problems import Problem
from journeycli.render.json import analysis_data
from journeycli.validation import load_map

TEMPLATE_NAME = "<template>"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    persona: str | None = None
    top: int = DEFAULT_TOP
    gap_threshold: int = DEFAULT_GAP_THRESHOLD
    limits: Limits = field(default_factory=Limits)


def build_report(paths: Sequence[str], options: ReportOptions = ReportOptions()) -> Report:
    """Discover, validate and analyse the maps; any invalid map stops the whole report."""
    analyses = []
    errors: list[Problem] = []
    for path in discover(paths):
        raw, name = read_source(path)
        validated = load_map(raw, name, options.limits)
        problems = map_errors(validated, options.gap_threshold)
        if problems or validated.model is None:
            errors.extend(problems)
            continue
        if not errors:
            with paused_gc():  # a large map holds no cycles; see gcpause.paused_gc
                analyses.append(
                    analyse(
                        validated.model,
                        path=name,
                        persona=options.persona,
                        top=options.top,
                        gap_threshold=options.gap_threshold,
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
    gap_threshold: int | None = None,
    limits: Limits | None = None,
    output_format: str | None = None,
    output: str | None = None,
    lang: str | None = None,
    template: str | None = None,
) -> None:
    """`journey report` end to end: the format, the report, then `output` or `stream`.

    The format is `output_format`, else the one `output`'s extension implies
    (a user's template decides its own format), else terminal. It is settled
    before any map is read, so a bad `--output` name costs nothing. Only the
    terminal renderer, writing to the stream itself, may colour its output.
    None for `gap_threshold` or `limits` means the default.
    """
    from journeycli.fs import write_output
    from journeycli.render import format_for, get_renderer

    name = output_format
    if name is None and output is not None and template is None:
        name = format_for(output)
        if name is None:
            raise UsageError(
                f"{output}: cannot tell the report format from the file name",
                hint="use --format terminal|md|html|json",
            )
    renderer = get_renderer(name or "terminal")
    options = ReportOptions(
        persona=persona,
        top=top,
        gap_threshold=DEFAULT_GAP_THRESHOLD if gap_threshold is None else gap_threshold,
        limits=limits or Limits(),
    )
    files = discover(paths)  # once: also the inputs the output must not replace
    report = build_report(files, options)
    language = resolve_language(report, lang)
    if template is not None:
        text = render_template(report, template, language)
    elif output is not None:
        text = renderer.render(report, language)
    else:
        renderer.write(report, language, stream)
        return
    write_output(text, output, stream, inputs=[*files, *([template] if template else [])])


def resolve_language(report: Report, lang: str | None) -> Language:
    """`--lang` when given, else the language of the (first) map."""
    if lang is not None:
        try:
            return Language(lang)
        except ValueError as exc:
            known = ", ".join(item.value for item in Language)
            raise UsageError(f"unknown language '{lang}'", hint=f"choose one of {known}") from exc
    return report.analyses[0].language


def read_template(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
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

    from journeycli.render.sandbox import TemplateSandbox, render_capped
    from journeycli.render.sandbox_limits import TemplateLimitError

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
