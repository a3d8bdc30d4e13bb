"""Inline suppressions: `# journey: ignore[CODE,...]` and `# journey: ignore` on a line."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeycli.core.problems import Problem, Severity
from journeycli.core.suppress import ALL, directives, unsuppressed

# Without comments: W102, W103 and W105 at 4:5; W101 and W105 at 7:5.
MAP = """\
version: 1
title: Suppressions
stages:
  - name: Oriëntatie{a}
    relevance: 90
    presence: 10
  - name: Aankoop{b}
"""


def lint(cli, a: str = "", b: str = "", *args: str) -> list[tuple[int, str]]:
    text = MAP.format(a=a, b=b)
    result = cli(["lint", "--format", "json", *args, "-"], stdin=text.encode())
    assert result.code in (0, 1), result.err
    return [(p["line"], p["code"]) for p in json.loads(result.out)]


def test_without_comments_every_problem_is_reported(cli) -> None:
    assert lint(cli) == [(4, "W102"), (4, "W103"), (4, "W105"), (7, "W101"), (7, "W105")]


@pytest.mark.parametrize(
    ("comment", "left_on_line_4"),
    [
        ("  # journey: ignore[W102]", ["W103", "W105"]),
        ("  # journey: ignore[W102,W105]", ["W103"]),
        ("  # journey: ignore[ W102 , w105 ]", ["W103"]),
        ("  # journey: ignore[W10]", []),  # a prefix, as with --ignore
        ("  # journey: ignore", []),
        ("  #journey:ignore", []),
        ("  # journey: ignore  -- scores from the 2026 workshop", []),
        ("  # journey: ignore[W102] scores from the 2026 workshop", ["W103", "W105"]),
        ("  # journey: ignore[W106]", ["W102", "W103", "W105"]),  # another code
        ("  # journey: ignore[]", ["W102", "W103", "W105"]),  # no codes, nothing ignored
        ("  # journey: ignored", ["W102", "W103", "W105"]),  # not the directive
        ("  # journey: ignore[W102", ["W102", "W103", "W105"]),  # unclosed
        ("  # Journey: Ignore", ["W102", "W103", "W105"]),  # directives are lower case
        ("  # see journey: ignore", ["W102", "W103", "W105"]),  # must start the comment
    ],
)
def test_a_directive_silences_problems_on_its_own_line(
    cli, comment: str, left_on_line_4: list[str]
) -> None:
    problems = lint(cli, a=comment)
    assert [code for line, code in problems if line == 4] == left_on_line_4
    assert [code for line, code in problems if line == 7] == ["W101", "W105"]


def test_a_directive_on_another_line_does_not_apply(cli) -> None:
    problems = lint(cli, b="  # journey: ignore[W102,W103,W105]")
    assert problems == [(4, "W102"), (4, "W103"), (4, "W105"), (7, "W101")]


def test_a_directive_on_a_comment_line_above_does_not_apply(cli) -> None:
    text = MAP.format(a="", b="").replace(
        "  - name: Aankoop", "  # journey: ignore\n  - name: Aankoop"
    )
    result = cli(["lint", "-f", "json", "-"], stdin=text.encode())
    assert [(p["line"], p["code"]) for p in json.loads(result.out)][-2:] == [
        (8, "W101"),
        (8, "W105"),
    ]


@pytest.mark.parametrize(
    "comment", ["  # journey: ignore[E003]", "  # journey: ignore[E]", "  # journey: ignore"]
)
def test_errors_cannot_be_suppressed(cli, comment: str) -> None:
    """Only warnings can be silenced inline (docs/security.md): a comment in a pull request
    must not make lint say "All clear" over an error."""
    schema = f"version: 1\ntitle: T\nstages:\n  - name: A\n    presence: 130{comment}\n"
    result = cli(["lint", "-f", "json", "--select", "E", "-"], stdin=schema.encode())
    assert result.code == 1
    assert [(p["line"], p["code"]) for p in json.loads(result.out)] == [(5, "E003")]
    broken = "version: 1\ntitle: T\nstages: [a  # journey: ignore\n"
    result = cli(["lint", "-f", "json", "-"], stdin=broken.encode())
    assert result.code == 1
    assert [p["code"] for p in json.loads(result.out)] == ["E001"]


def test_line_numbers_agree_with_the_loader_for_crlf_files(cli) -> None:
    text = MAP.format(a="", b="  # journey: ignore[W101]").replace("\n", "\r\n")
    result = cli(["lint", "-f", "json", "-"], stdin=text.encode())
    assert [(p["line"], p["code"]) for p in json.loads(result.out)] == [
        (4, "W102"),
        (4, "W103"),
        (4, "W105"),
        (7, "W105"),
    ]


def test_suppressed_problems_do_not_count_for_the_exit_code(cli) -> None:
    text = MAP.format(a="  # journey: ignore", b="  # journey: ignore")
    result = cli(["lint", "--strict", "-"], stdin=text.encode())
    assert result.code == 0
    assert result.out == "All clear: 1 map checked, no problems.\n"


def test_directives_parses_only_when_the_marker_occurs() -> None:
    assert directives("a: 1\nb: 2  # ignore[W102]\n") == {}
    assert directives("a: 1\nb: 2  # journey: ignore[W102, e0]\nc: 3 # journey: ignore\n") == {
        2: ("W102", "E0"),
        3: ALL,
    }
    assert directives("x: 'journey: ignore'\n") == {}


def test_unsuppressed_keeps_problems_on_other_lines() -> None:
    problems = [Problem("m", line, 1, "W102", Severity.WARNING, "m") for line in (1, 2, 3)]
    assert unsuppressed(problems, "a\nb  # journey: ignore\nc\n") == [problems[0], problems[2]]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab #:[]\n\r\u2028journeyig,W102E"), max_size=80))
def test_directives_never_fail_and_only_name_existing_lines(text: str) -> None:
    found = directives(text)
    lines = len(text.splitlines()) + 1
    assert all(1 <= line <= lines for line in found)
