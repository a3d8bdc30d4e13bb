"""`--format github`: every line must parse under GitHub's workflow-command grammar.

The parser below is strict and self-contained. It follows GitHub's
"Workflow commands for GitHub Actions" (`::command key=value,...::message`,
annotation parameters file, line, endLine, col, endColumn, title) and the
escaping of actions/toolkit that the runner undoes: `%25 %0D %0A` in the
message, and also `%3A %2C` in property values, upper case only. Anything the
runner would print as plain text, drop silently or decode differently fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import journey_process
from journeycli.core.problems import Problem, Severity
from journeycli.lint.formats.github import annotation, escape_data, escape_property

KEYS = {"file", "line", "endLine", "col", "endColumn", "title"}
INTS = {"line", "endLine", "col", "endColumn"}
DATA_ESCAPES = {"%25": "%", "%0D": "\r", "%0A": "\n"}
PROPERTY_ESCAPES = {**DATA_ESCAPES, "%3A": ":", "%2C": ","}
COMMAND = re.compile(
    r"::(?P<command>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<data>.*)", re.S
)


@dataclass
class Annotation:
    command: str
    props: dict[str, str]
    message: str


def decode(text: str, escapes: dict[str, str], what: str) -> str:
    """Undo the runner's escapes; any other `%` sequence is an error."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char in "\r\n":
            raise AssertionError(f"{what}: raw line break {char!r}")
        if char == "%":
            sequence = text[i : i + 3]
            if sequence not in escapes:
                raise AssertionError(f"{what}: '%' not followed by a known escape: {sequence!r}")
            out.append(escapes[sequence])
            i += 3
            continue
        out.append(char)
        i += 1
    return "".join(out)


def parse(line: str) -> Annotation:
    """One output line -> the annotation GitHub would show, or an AssertionError."""
    match = COMMAND.fullmatch(line)
    assert match, f"not an annotation workflow command: {line!r}"
    props: dict[str, str] = {}
    for fragment in (match["props"] or "").split(","):
        assert "=" in fragment, f"parameter without '=' (dropped by the runner): {fragment!r}"
        key, value = fragment.split("=", 1)
        assert key in KEYS, f"unknown parameter {key!r}"
        assert key not in props, f"parameter {key!r} given twice"
        assert value, f"empty value for {key!r} (dropped by the runner)"
        props[key] = decode(value, PROPERTY_ESCAPES, key)
    for key in INTS & props.keys():
        assert re.fullmatch(r"[1-9][0-9]*", props[key]), f"{key}={props[key]!r} is not >= 1"
    if "col" in props:
        assert "line" in props, "col without line: the runner drops it"
    if "line" in props:
        assert "file" in props, "a line without a file is not attached to anything"
    if "file" in props:
        assert not props["file"].startswith("/") and "\\" not in props["file"]
    message = decode(match["data"], DATA_ESCAPES, "message")
    assert message.strip(), "empty message"
    return Annotation(match["command"], props, message)


def parse_output(out: str) -> list[Annotation]:
    assert out.endswith("\n") or out == ""
    lines = out.split("\n")[:-1] if out else []
    return [parse(line) for line in lines]


# --- the parser itself refuses what GitHub would mangle ---------------------


@pytest.mark.parametrize(
    "line",
    [
        "::error file=a.yaml,line=1,col=2,title=E003::50% done",  # raw % in message
        "::error file=a.yaml,line=1,title=a:b::m",  # raw : in a value ends the properties early
        "::error file=a,b.yaml,line=1::m",  # raw , splits the value
        "::error file=a.yaml,line=1,column=2::m",  # column= is not col=
        "::error file=a.yaml,line=0::m",
        "::error file=a.yaml,line=1::two%0alines",  # lower-case escape is not decoded
        "::error col=3::m",
        "::error file=a.yaml,line=1::",
        " ::error file=a.yaml::m",
        "::fault file=a.yaml::m",
    ],
)
def test_the_strict_parser_rejects_what_the_runner_would_mangle(line: str) -> None:
    with pytest.raises(AssertionError):
        parse(line)


def test_the_strict_parser_accepts_githubs_documented_example() -> None:
    parsed = parse(
        "::error file=app.js,line=1,col=5,endColumn=7,title=YOUR-TITLE::Missing semicolon"
    )
    assert parsed.props == {
        "file": "app.js",
        "line": "1",
        "col": "5",
        "endColumn": "7",
        "title": "YOUR-TITLE",
    }
    assert parsed.message == "Missing semicolon"


# --- the reporter -------------------------------------------------------------


def test_escaping_follows_actions_toolkit() -> None:
    assert escape_data("50%: a,b\r\nc") == "50%25: a,b%0D%0Ac"
    assert escape_property("50%: a,b\r\nc") == "50%25%3A a%2Cb%0D%0Ac"


def test_a_message_with_percent_newline_and_colon_round_trips() -> None:
    problem = Problem(
        "maps/x,y:z.journey.yaml",
        7,
        3,
        "W102",
        Severity.WARNING,
        "score 50% of: the\nstage, really\r\n%0A stays literal",
    )
    line = annotation(problem)
    assert "\n" not in line and "\r" not in line
    parsed = parse(line)
    assert parsed.command == "warning"
    assert parsed.props == {
        "file": "maps/x,y:z.journey.yaml",
        "line": "7",
        "col": "3",
        "title": "W102",
    }
    assert parsed.message == problem.message


MAP_WITH_AWKWARD_NAME = """\
version: 1
title: Awkward
stages:
  - name: "50% ready: yes\\nsecond line, really"
    relevance: 90
    presence: 10
"""

BROKEN = """\
version: 1
title: Broken
stages:
  - name: Aankoop
    presence: 130
"""


def test_every_line_of_a_real_run_parses(tmp_path: Path) -> None:
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    maps = tmp_path / "maps, 50%: here"
    maps.mkdir()
    (maps / "awkward.journey.yaml").write_text(MAP_WITH_AWKWARD_NAME, encoding="utf-8")
    (maps / "broken.journey.yaml").write_text(BROKEN, encoding="utf-8")
    result = journey_process(["lint", "--format", "github", "."], cwd=tmp_path)
    assert result.code == 1, result.err
    assert result.err == ""
    annotations = parse_output(result.out)
    assert [
        (a.command, a.props["title"], a.props["file"], a.props["line"], a.props["col"])
        for a in annotations
    ] == [
        ("warning", "W102", "maps, 50%: here/awkward.journey.yaml", "4", "5"),
        ("warning", "W103", "maps, 50%: here/awkward.journey.yaml", "4", "5"),
        ("warning", "W105", "maps, 50%: here/awkward.journey.yaml", "4", "5"),
        ("error", "E003", "maps, 50%: here/broken.journey.yaml", "5", "15"),
    ]
    # the stage name's %, newline and : arrive intact in the decoded message
    assert "'50% ready: yes\nsecond line, really'" in annotations[0].message


def test_paths_are_relative_to_the_working_directory_with_slashes(
    cli, tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "m.journey.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "a")
    for given in ("b/m.journey.yaml", "./b/../b/m.journey.yaml", str(sub / "m.journey.yaml")):
        (parsed,) = parse_output(cli(["lint", "--format", "github", given]).out)
        assert parsed.props["file"] == "b/m.journey.yaml"
    monkeypatch.chdir(sub / "..")
    (parsed,) = parse_output(cli(["lint", "-f", "github", str(sub / "m.journey.yaml")]).out)
    assert parsed.props["file"] == "b/m.journey.yaml"


def test_standard_input_has_no_file_and_names_the_position_in_the_message(cli) -> None:
    result = cli(["lint", "--format", "github", "-"], stdin=BROKEN.encode())
    (parsed,) = parse_output(result.out)
    assert parsed.props == {"title": "E003"}
    assert parsed.message.startswith("<stdin>:5:15: ")


def test_a_clean_run_prints_nothing(cli, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".journey.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli(
        ["lint", "-f", "github", "--ignore", "W", "-"], stdin=MAP_WITH_AWKWARD_NAME.encode()
    )
    assert (result.code, result.out) == (0, "")
