"""`journey report --template`: a user's Jinja2 template, rendered in the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"


def template(tmp_path: Path, text: str, name: str = "mine.md.j2") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_template_sees_the_json_fields_and_the_map(cli, tmp_path: Path) -> None:
    mine = template(
        tmp_path,
        (
            "{{ title }} / {{ persona }} / {{ map.owner }} / {{ lang }}\n"
            "{% for s in stages %}{{ s.rank }}. {{ s.name }} gap={{ s.gap }} "
            "reach={{ s.reach }} {{ s.confidence }}\n{% endfor %}"
            "unscored={{ unscored }} breaking={{ breaking_moments | map(attribute='touchpoint')"
            " | join(',') }}\nwithout plan={{ gaps_without_plan }} now={{ roadmap.now | length }}\n"
            "{{ map.stages[0].touchpoints[0].name }}\n"
        ),
    )
    result = cli(["report", HYPOTHEEK, "--template", mine, "--persona", "starter"])
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Hypotheek afsluiten / starter / team-hypotheken / nl"
    assert lines[1] == "1. Oriëntatie gap=75 reach=6600 measured"
    assert "unscored=[] breaking=documenten-uploaden,rekentool" in result.out
    assert "without plan=[] now=3" in result.out
    assert lines[-1] == "Blog kopen of huren"


def test_template_output_goes_to_the_output_file(cli, tmp_path: Path) -> None:
    mine = template(tmp_path, "{{ stages | map(attribute='id') | list | tojson }}\n")
    out = tmp_path / "ranks.json"
    result = cli(["report", DATA / "engine-ties.journey.yaml", "--template", mine, "-o", out])
    assert result.code == 0, result.err
    assert json.loads(out.read_text(encoding="utf-8")) == ["s1", "s3", "s2", "s6", "s4"]


def test_template_is_rendered_once_per_map(cli, tmp_path: Path) -> None:
    mine = template(tmp_path, "{{ title }}\n")
    result = cli(["report", EXAMPLES, "--template", mine])
    assert result.out == (
        "Overstappen naar Helder Energie (2027)\n\nOverstappen naar Helder Energie\n\n"
        "Hypotheek afsluiten\n\nMeal-kit subscription\n"
    )


def test_html_template_is_autoescaped(cli, tmp_path: Path) -> None:
    path = tmp_path / "x.journey.yaml"
    path.write_text(
        "version: 1\ntitle: '<script>alert(1)</script>'\nstages: [{name: A}]\n", encoding="utf-8"
    )
    mine = template(tmp_path, "<h1>{{ title }}</h1>\n", name="page.html")
    result = cli(["report", path, "--template", mine])
    assert result.code == 0, result.err
    assert result.out == "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"


SANDBOX_ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ title.__class__ }}",
    "{{ map.__class__.__subclasses__() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.system('id') }}",
    "{{ map.model_config.__class__ }}",
    "{{ map.model_dump.__globals__ }}",
    "{{ (lipsum | attr('__globals__'))['os'] }}",
]


@pytest.mark.parametrize("source", SANDBOX_ESCAPES)
def test_sandbox_violation_fails_cleanly(cli, tmp_path: Path, source: str) -> None:
    mine = template(tmp_path, "ok\n" + source + "\n")
    out = tmp_path / "out.md"
    result = cli(["report", HYPOTHEEK, "--template", mine, "-o", out])
    assert result.code == 1, result.out
    assert result.err.startswith(f"journey: error: {mine}:2: ")
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert "object at 0x" not in result.err
    assert "<class" not in result.err and "subprocess" not in result.err
    assert not out.exists()


def test_unsafe_attribute_is_reported_as_a_sandbox_violation(cli, tmp_path: Path) -> None:
    mine = template(tmp_path, "{{ title.__class__.__subclasses__() }}")
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1
    assert "sandbox violation" in result.err or "template error" in result.err
    assert "__class__" in result.err


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{% for s in stages %}\n{{ s.name }", "template error"),
        ("line one\n{{ missing_variable }}", "'missing_variable' is undefined"),
        ("{{ 1 / 0 }}", "division by zero"),
        ("{% include 'other.j2' %}", "template error"),
        ("{{ stages[99] }}", "template error"),
    ],
)
def test_template_errors_are_one_line_exit_1(
    cli, tmp_path: Path, source: str, message: str
) -> None:
    mine = template(tmp_path, source)
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1
    assert message in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_syntax_error_names_the_line(cli, tmp_path: Path) -> None:
    mine = template(tmp_path, "a\nb\n{% if %}\n")
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1
    assert f"{mine}:3: template error:" in result.err


def test_missing_template_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli(["report", HYPOTHEEK, "--template", tmp_path / "nope.j2"])
    assert result.code == 2
    assert "no such template file" in result.err


def test_binary_template_is_an_input_error(cli, tmp_path: Path) -> None:
    mine = tmp_path / "bin.j2"
    mine.write_bytes(b"\xff\xfe\x00")
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1
    assert "not UTF-8" in result.err
