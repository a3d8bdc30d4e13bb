"""Property-based robustness of every command (docs/security.md), in-process for speed.

Whatever the input — random bytes, random YAML trees, mutated real maps,
random CSV and Mermaid text, random names for `new`, random templates,
random command lines — every run ends with exit 0, 1 or 2 and a message,
never a traceback or the handler's "internal error", and never a hang (each
case runs under an alarm). When a run succeeds, its output parses again:
JSON loads, HTML tokenises without injected elements, CSV and Mermaid import
back, YAML lints without errors. `tests/test_fuzz_lint.py` covers lint alone.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from journeycli.cli import run
from journeycli.diff.formats import FORMATS as DIFF_REGISTRY
from journeycli.lint.formats import FORMATS as LINT_REGISTRY
from journeycli.report.formats import FORMATS as REPORT_REGISTRY

SEED = (EXAMPLES / "meal-kit.journey.yaml").read_bytes()
SEED_NL = (EXAMPLES / "hypotheek.journey.yaml").read_bytes()
HANG_SECONDS = 60  # a bound on one case, far above any real run: a hang guard, not a timing test
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
FEW = settings(SETTINGS, max_examples=30)

# Fuzzing is the full suite's job; the quick loop (`pytest -m "not slow"`) leaves it out.
pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM"),
    pytest.mark.slow,
]


@dataclass
class Outcome:
    code: int
    out: str
    err: str


class HangError(Exception):
    pass


@contextlib.contextmanager
def bounded(seconds: int = HANG_SECONDS) -> Iterator[None]:
    def alarm(_signum: int, _frame: Any) -> None:
        raise HangError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def journey(args: list[Any], stdin: bytes = b"") -> Outcome:
    """Run the CLI in-process with captured streams; check the universal properties."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    sys.stdout, sys.stderr = out, err
    try:
        with bounded():
            code = run([str(a) for a in args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    outcome = Outcome(code, out.getvalue(), err.getvalue())
    assert code in (0, 1, 2), (args, outcome)
    assert "Traceback" not in outcome.err, outcome.err
    assert "internal error" not in outcome.err, outcome.err
    if code != 0:
        assert outcome.err.strip() or outcome.out.strip(), f"exit {code} without a message"
    return outcome


@contextlib.contextmanager
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="journey-fuzz-") as name:
        yield Path(name)


# --- strategies ----------------------------------------------------------------------------

PIECES = [
    b":",
    b"- ",
    b"\n",
    b"  ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!str ",
    b"'",
    b'"',
    b"#",
    b"---\n",
    b"? ",
    b"|\n",
    b"no",
    b"012",
    b"1:30",
    b"~",
    b"\t",
    b"\xff",
    b"<<: *a\n",
    b"\x00",
    b"\\e",
    b"\xe2\x80\xae",
    b"relevance: 101\n",
    b"id: X\n",
    b"experience: 0\n",
    b"critical: yes\n",
    b"personas: [ghost]\n",
    b"- name: \n",
]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes | None = None) -> bytes:
    data = bytearray(seed if seed is not None else draw(st.sampled_from([SEED, SEED_NL])))
    for _ in range(draw(st.integers(0, 5))):
        position = draw(st.integers(0, len(data)))
        piece = draw(st.sampled_from(PIECES))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert":
            data[position:position] = piece
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 60))]
        else:
            data[position : position + len(piece)] = piece
    return bytes(data)


KEYS = [
    "version",
    "title",
    "stages",
    "personas",
    "name",
    "id",
    "relevance",
    "presence",
    "touchpoints",
    "critical",
    "experience",
    "actions",
    "action",
    "evidence",
    "type",
    "source",
    "metrics",
    "volume",
    "value",
    "conversion",
    "language",
    "x-note",
    "owner",
]
leaves = (
    st.none()
    | st.booleans()
    | st.integers(-5, 200)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(["en", "nl", "now", "analytics", "s", "t"])
)
trees = st.recursive(
    leaves,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS), children, max_size=6)
    ),
    max_leaves=30,
)
maps_as_json = st.fixed_dictionaries(
    {"version": st.sampled_from([1, 1, 2, "1"]), "title": leaves, "stages": trees},
    optional={"personas": trees, "metrics": trees, "language": leaves},
).map(lambda tree: json.dumps(tree).encode())

# Any text at all, control and bidi characters included: they must be refused cleanly.
any_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=25)
hostile_text = st.one_of(
    any_text,
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "a | b",
            "[x](javascript:y)",
            "=1+1",
            "@SUM(1)",
            "-",
            "+",
            "a: 3: b",
            "#",
            "%% c",
            "section x",
            "\u202eabc",
            "a\nb",
            "  ",
            "&amp;",
            "{{ 7*7 }}",
            "${x}",
            "'",
            '"',
            "\\",
            "é\u0301",
            "\ufeff",
            "Klant",
        ]
    ),
)

# text formats: pdf and png need --output and a browser (tests/test_report_layout.py)
REPORT_FORMATS = [fmt.name for fmt in REPORT_REGISTRY if not fmt.binary]


# --- output checks -------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.handlers.extend(name for name, _ in attrs if name.startswith("on"))


def check_output(fmt: str, text: str) -> None:
    """The output of a successful run parses as its format."""
    assert text.strip(), f"empty {fmt} output"
    if fmt in ("json", "sarif"):
        json.loads(text)
    elif fmt == "html":
        parser = _Tags()
        parser.feed(text)
        parser.close()
        assert parser.tags[:1] == ["html"] or "html" in parser.tags
        assert "script" not in parser.tags and parser.handlers == []
    elif fmt == "csv":
        dutch = text.startswith("\ufeff")  # a Dutch map's CSV: `;` and a BOM, for Dutch Excel
        rows = list(
            csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";" if dutch else ",")
        )
        assert rows and rows[0][0] in ("stage_id", "stage")  # export, report
        assert len({len(row) for row in rows}) == 1


def lint_errors(directory: Path, yaml_text: str) -> list[dict[str, Any]]:
    path = directory / "check.journey.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    result = journey(["lint", path, "--format", "json"])
    return [p for p in json.loads(result.out) if p["severity"] == "error"]


# --- properties ----------------------------------------------------------------------------


@SETTINGS
@given(
    data=st.binary(max_size=300),
    command=st.sampled_from(
        [
            ["report", "-", "-f", "json"],
            ["report", "-", "-f", "html"],
            ["export", "-", "--to", "csv"],
            ["export", "-", "--to", "mermaid"],
            ["import", "-", "--from", "csv"],
            ["import", "-", "--from", "mermaid"],
            ["diff", "-", str(EXAMPLES / "meal-kit.journey.yaml")],
        ]
    ),
)
def test_any_bytes_through_any_command(data: bytes, command: list[str]) -> None:
    journey(command, stdin=data)


@SETTINGS
@given(data=mutated(), fmt=st.sampled_from(REPORT_FORMATS))
def test_report_of_mutated_maps(data: bytes, fmt: str) -> None:
    result = journey(["report", "-", "--format", fmt], stdin=data)
    assert result.code in (0, 1)
    if result.code == 0:
        check_output(fmt, result.out)
    else:
        assert result.out == "" and ":" in result.err


@SETTINGS
@given(data=maps_as_json, fmt=st.sampled_from(REPORT_FORMATS))
def test_report_of_random_trees(data: bytes, fmt: str) -> None:
    result = journey(["report", "-", "--format", fmt, "--top", "2"], stdin=data)
    if result.code == 0:
        check_output(fmt, result.out)


@SETTINGS
@given(old=mutated(SEED), new=mutated(SEED), fmt=st.sampled_from(DIFF_REGISTRY.names()))
def test_diff_of_mutated_maps(old: bytes, new: bytes, fmt: str) -> None:
    with workdir() as directory:
        (directory / "old.journey.yaml").write_bytes(old)
        (directory / "new.journey.yaml").write_bytes(new)
        result = journey(
            [
                "diff",
                directory / "old.journey.yaml",
                directory / "new.journey.yaml",
                "--format",
                fmt,
            ]
        )
    if result.code == 0 and fmt == "json":
        json.loads(result.out)


@SETTINGS
@given(data=mutated(), fmt=st.sampled_from(["csv", "mermaid", "json"]))
def test_export_of_mutated_maps_imports_back(data: bytes, fmt: str) -> None:
    result = journey(["export", "-", "--to", fmt], stdin=data)
    if result.code != 0:
        return
    check_output(fmt, result.out)
    if fmt == "json":
        return
    back = journey(["import", "-", "--from", fmt], stdin=result.out.encode())
    assert back.code == 0, back.err
    with workdir() as directory:
        assert lint_errors(directory, back.out) == []


CSV_CELLS = st.one_of(
    hostile_text,
    st.sampled_from(
        [
            "",
            "50",
            "101",
            "-1",
            "40,5",
            "3",
            "0",
            "6",
            "true",
            "WAAR",
            "nee",
            "x",
            "digital",
            "menselijk",
            "alien",
            "a;b",
            "Priya; Tom",
            "stage-1",
            "Not A Slug",
            "10%",
        ]
    ),
)
CSV_HEADERS = st.lists(
    st.sampled_from(
        [
            "stage_id",
            "stage_name",
            "relevance",
            "presence",
            "conversion",
            "touchpoint_id",
            "touchpoint",
            "channel",
            "kind",
            "personas",
            "critical",
            "experience",
            "owner",
            "x-note",
            "Stage Name",
            "bogus",
        ]
    ),
    min_size=1,
    max_size=8,
    unique=True,
)


@st.composite
def csv_texts(draw: st.DrawFn) -> bytes:
    header = draw(CSV_HEADERS)
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    if draw(st.booleans()):
        out.write(f"sep={delimiter}\n")
    writer.writerow(header)
    for _ in range(draw(st.integers(0, 5))):
        writer.writerow(draw(st.lists(CSV_CELLS, min_size=0, max_size=len(header) + 1)))
    text = out.getvalue()
    if draw(st.booleans()):
        text = text.replace("\r\n", "\n")
    return (("\ufeff" if draw(st.booleans()) else "") + text).encode()


@SETTINGS
@given(data=csv_texts())
def test_import_of_random_csv(data: bytes) -> None:
    result = journey(["import", "-", "--from", "csv"], stdin=data)
    if result.code == 0:
        with workdir() as directory:
            assert lint_errors(directory, result.out) == []
    else:
        assert result.code == 1 and result.err.startswith("journey: error: <stdin>")


MERMAID_LINES = st.one_of(
    st.sampled_from(
        [
            "journey",
            "  title My journey",
            "section Search",
            "  section Buy  ",
            "  Find it: 5: Me",
            "  Pay: 1: Me, You",
            "  Task: 3:",
            "  Bad: 9: Me",
            "  Bad: x: Me",
            "%% comment",
            "accTitle: t",
            "accDescr: d",
            "accDescr {",
            "multi",
            "}",
            "",
            "   ",
            "\t",
            "title",
            "Task without score",
            "```mermaid",
            "```",
            "  A: 0: B",
            "  C: 3: Klant",
        ]
    ),
    hostile_text.map(lambda t: "  " + t.replace("\n", " ") + ": 3: Me"),
    hostile_text.map(lambda t: "section " + t.replace("\n", " ")),
)


@SETTINGS
@given(lines=st.lists(MERMAID_LINES, max_size=10), header=st.booleans())
def test_import_of_random_mermaid(lines: list[str], header: bool) -> None:
    text = "\n".join((["journey"] if header else []) + lines) + "\n"
    result = journey(["import", "-", "--from", "mermaid"], stdin=text.encode())
    if result.code == 0:
        with workdir() as directory:
            assert lint_errors(directory, result.out) == []
    else:
        assert result.code == 1 and result.err.startswith("journey: error: <stdin>")


@SETTINGS
@given(
    stages=st.none() | st.lists(hostile_text, min_size=0, max_size=5).map(",".join),
    personas=st.lists(hostile_text, max_size=3),
    title=st.none() | hostile_text,
    template=st.sampled_from(["five-stages", "nine-stages", "experience-map", "nope"]),
    lang=st.sampled_from(["en", "nl"]),
)
def test_new_with_random_names(
    stages: str | None, personas: list[str], title: str | None, template: str, lang: str
) -> None:
    args: list[Any] = ["--template", template, "--lang", lang]
    if stages is not None:
        args += ["--stages", stages]
    if title is not None:
        args += ["--title", title]
    for persona in personas:
        args += ["--persona", persona]
    with workdir() as directory:
        target = directory / "m.journey.yaml"
        result = journey(["new", target, *args])
        if result.code == 0:
            text = target.read_text(encoding="utf-8")
            assert text.startswith("# yaml-language-server: $schema=")
            assert lint_errors(directory, text) == []
        else:
            assert result.code == 2 and not target.exists()


def _map_with(names: list[str]) -> bytes:
    stage, touchpoint, persona, action, title = names
    return json.dumps(
        {
            "version": 1,
            "title": title,
            "personas": [{"id": "p", "name": persona}],
            "stages": [
                {
                    "id": "s",
                    "name": stage,
                    "relevance": 80,
                    "presence": 20,
                    "evidence": [{"type": "survey", "source": "S"}],
                    "touchpoints": [
                        {
                            "id": "t",
                            "name": touchpoint,
                            "critical": True,
                            "experience": 1,
                            "channel": touchpoint,
                        }
                    ],
                    "actions": [{"action": action, "owner": persona, "horizon": "now"}],
                }
            ],
        },
        ensure_ascii=False,
    ).encode()  # ASCII escapes would split astral characters in two


@SETTINGS
@given(
    names=st.lists(hostile_text, min_size=5, max_size=5),
    command=st.sampled_from(
        [
            ["report", "-f", "md"],
            ["report", "-f", "html"],
            ["report", "-f", "json"],
            ["report"],
            ["export", "--to", "csv"],
            ["export", "--to", "mermaid"],
            ["lint", "-f", "github"],
        ]
    ),
)
def test_hostile_names_in_a_valid_map(names: list[str], command: list[str]) -> None:
    result = journey([command[0], "-", *command[1:]], stdin=_map_with(names))
    if command[0] == "lint":
        assert all(line.startswith("::") for line in result.out.splitlines())
        return
    if result.code != 0:
        # refused with a reason: E003 for an escaped control character, E001 for a raw one
        assert result.code == 1 and ("E003" in result.err or "E001" in result.err), result.err
        return
    fmt = {"-f": command[-1], "--to": command[-1]}.get(
        command[-2] if len(command) > 2 else "", "terminal"
    )
    check_output(fmt, result.out)
    if command[0] == "export" and fmt in ("csv", "mermaid"):
        back = journey(["import", "-", "--from", fmt], stdin=result.out.encode())
        assert back.code == 0, back.err


@SETTINGS
@given(data=mutated(), fmt=st.sampled_from(LINT_REGISTRY.names()))
def test_lint_formats_stay_well_formed(data: bytes, fmt: str) -> None:
    result = journey(["lint", "-", "--format", fmt], stdin=data)
    assert result.code in (0, 1)
    lines = result.out.splitlines()
    if fmt in ("json", "sarif"):
        json.loads(result.out)
    elif fmt == "github":
        assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    else:
        # the summary, in English or (a map with `language: nl`) Dutch
        assert lines and re.match(r"All clear|Found|Alles in orde|\d+ fout(en)? en ", lines[-1])
        assert all(line.startswith("<stdin>:") for line in lines[:-1])


TEMPLATE_PIECES = st.sampled_from(
    [
        "{{ title }}",
        "{{ stages[0].name }}",
        "{% for s in stages %}{{ s.gap }}{% endfor %}",
        "{{ map.stages|length }}",
        "{{ nope }}",
        "{% if %}",
        "{{ 1/0 }}",
        "{{ ''.__class__ }}",
        "{{ 'x' * 10**9 }}",
        "{{ range(10**8)|list }}",
        "{% include 'x' %}",
        "{{ lang }}",
        "{{ '%s'|format(title) }}",
        "{{ title|center(10**8) }}",
        "{{ 2**100000000 }}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "{{",
        "}}",
        "{%",
        "text ",
        "\n",
        "{{ roadmap.now }}",
        "{{ breaking_moments|tojson }}",
        "{% raw %}",
        "{# c #}",
    ]
)


@FEW
@given(pieces=st.lists(TEMPLATE_PIECES, max_size=6), suffix=st.sampled_from([".md", ".html"]))
def test_random_templates(pieces: list[str], suffix: str) -> None:
    with workdir() as directory:
        template = directory / f"t{suffix}"
        template.write_text("".join(pieces), encoding="utf-8")
        result = journey(["report", EXAMPLES / "meal-kit.journey.yaml", "--template", template])
    if result.code != 0:
        assert str(template) in result.err


ARGS = st.sampled_from(
    [
        "lint",
        "report",
        "diff",
        "export",
        "import",
        "new",
        "history",
        "summary",
        "schema",
        "-",
        "--format",
        "json",
        "html",
        "md",
        "sarif",
        "github",
        "csv",
        "mermaid",
        "--to",
        "--from",
        "-o",
        "--output",
        "--max-nodes",
        "0",
        "1",
        "-1",
        "10",
        "--max-depth",
        "--max-file-size",
        "--max-stages",
        "--max-touchpoints",
        "--persona",
        "ghost",
        "--top",
        "--strict",
        "--select",
        "W1,E",
        "--ignore",
        "ZZZ",
        "--gap-threshold",
        "101",
        "--template",
        "--force",
        "--rev",
        "HEAD~999",
        "--lang",
        "xx",
        "--stages",
        ",,,",
        "--explain",
        "all",
        "--",
        "\x00",
        "é",
        str(EXAMPLES / "meal-kit.journey.yaml"),
        str(EXAMPLES),
        "/nonexistent",
        "/",
    ]
)


@SETTINGS
@given(args=st.lists(ARGS, min_size=1, max_size=6))
def test_random_command_lines(args: list[str]) -> None:
    with workdir() as directory:
        # Relative paths (`new json`, `-o md`) land in the scratch directory, not the repository.
        here = Path.cwd()
        os.chdir(directory)
        try:
            journey(args, stdin=SEED)
        finally:
            os.chdir(here)
