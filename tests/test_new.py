"""`journey new`: every template x language lints clean, validates and round-trips;
options, suffixes, the modeline, and the never-overwrite / atomic-write rules."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, journey_process
from journeycli.core.checks import check_map
from journeycli.core.slug import is_slug
from journeycli.core.validation import load_map
from journeycli.core.writer import dump_map
from journeycli.scaffold import run as scaffold
from test_writer import SAFE_CHARS

TEMPLATES = ["five-stages", "nine-stages", "experience-map"]
LANGS = ["en", "nl"]
STAGES = {
    ("five-stages", "en"): ["Awareness", "Consideration", "Acquisition", "Service", "Loyalty"],
    ("five-stages", "nl"): ["Bewustwording", "Oriëntatie", "Aankoop", "Gebruik", "Loyaliteit"],
    ("nine-stages", "en"): [
        "Need",
        "Orientation",
        "Consideration",
        "Decision",
        "Purchase",
        "Delivery",
        "Use",
        "Loyalty",
        "Advocacy",
    ],
    ("nine-stages", "nl"): [
        "Behoefte",
        "Oriëntatie",
        "Overweging",
        "Beslismoment",
        "Aankoop",
        "Levering",
        "Gebruik",
        "Loyaliteit",
        "Ambassadeur",
    ],
}
STAGES["experience-map", "en"] = STAGES["five-stages", "en"]
STAGES["experience-map", "nl"] = STAGES["five-stages", "nl"]
SCHEMA = json.loads((ROOT / "docs" / "journey.schema.json").read_text(encoding="utf-8"))


def _lint_json(cli, path: Path) -> list[dict[str, object]]:
    result = cli(["lint", "--format", "json", path])
    assert result.code == 0, result.out + result.err
    problems: list[dict[str, object]] = json.loads(result.out)
    return problems


def _errors(text: str) -> list[str]:
    validated = load_map(text.encode("utf-8"), "m.journey.yaml")
    return [p.format_text() for p in check_map(validated) if p.is_error]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_lints_validates_and_round_trips(
    cli, tmp_path: Path, template: str, lang: str
) -> None:
    result = cli(["new", tmp_path / "m", "--template", template, "--lang", lang])
    assert result.code == 0, result.err
    path = tmp_path / "m.journey.yaml"
    text = path.read_text(encoding="utf-8")

    problems = _lint_json(cli, path)
    assert [p for p in problems if p["severity"] == "error"] == []
    assert {p["code"] for p in problems} <= {"W101", "W104", "W105"}

    jsonschema.Draft202012Validator(SCHEMA).validate(yaml.safe_load(text))

    model = load_map(text.encode(), str(path)).model
    assert model is not None
    expected, _ = scaffold.build(
        scaffold.ScaffoldOptions(template=template, language=lang), title="M"
    )
    assert model == expected
    assert load_map(dump_map(model).encode(), "x").model == model
    assert [s.name for s in model.stages] == STAGES[template, lang]
    assert model.language.value == lang
    assert text.startswith("# yaml-language-server: $schema=journey.schema.json\n")


@pytest.mark.slow
@pytest.mark.parametrize("template", TEMPLATES)
def test_scaffolds_pass_check_jsonschema(tmp_path: Path, template: str) -> None:
    tool = shutil.which("check-jsonschema")
    if tool is None:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema)")
    paths = []
    for lang in LANGS:
        options = scaffold.ScaffoldOptions(template=template, language=lang)
        paths.append(scaffold.create(str(tmp_path / f"{lang}"), options).path)
    proc = subprocess.run(
        [tool, "--schemafile", str(ROOT / "docs" / "journey.schema.json"), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_experience_map_has_the_extras(tmp_path: Path) -> None:
    journey = scaffold.create(
        str(tmp_path / "e"), scaffold.ScaffoldOptions(template="experience-map")
    ).journey
    assert journey.goal is not None and journey.goal.why
    assert journey.principles and journey.metrics is not None
    for stage in journey.stages:
        assert stage.evidence and stage.evidence[0].type is not None
        assert stage.opportunities
        assert stage.actions and all(a.channel for a in stage.actions)
        assert stage.customer_goal and stage.questions and stage.review_questions


def test_dutch_output_keeps_unicode_literally(cli, tmp_path: Path) -> None:
    assert cli(["new", tmp_path / "hypotheek", "--lang", "nl"]).code == 0
    raw = (tmp_path / "hypotheek.journey.yaml").read_bytes()
    assert "name: Oriëntatie\n".encode() in raw
    assert b"\\x" not in raw and b"\\u" not in raw
    assert "id: orientatie" in raw.decode("utf-8")


def test_stages_and_personas_are_exactly_those_given(cli, tmp_path: Path) -> None:
    result = cli(
        [
            "new",
            tmp_path / "trial",
            "--stages",
            "Oriëntatie, Eerste week,Ça va 🚀 ,Purchase,",
            "--persona",
            "Zoë de Vries",
            "--persona",
            "Sanne, first-time buyer",
            "--persona",
            "Zoë",
            "--title",
            "Free trial",
        ]
    )
    assert result.code == 0, result.err
    path = tmp_path / "trial.journey.yaml"
    model = load_map(path.read_bytes(), str(path)).model
    assert model is not None
    assert model.title == "Free trial"
    assert [(s.id, s.name) for s in model.stages] == [
        ("orientatie", "Oriëntatie"),
        ("eerste-week", "Eerste week"),
        ("ca-va", "Ça va 🚀"),
        ("purchase", "Purchase"),
    ]
    assert [(p.id, p.name) for p in model.personas] == [
        ("zoe-de-vries", "Zoë de Vries"),
        ("sanne-first-time-buyer", "Sanne, first-time buyer"),
        ("zoe", "Zoë"),
    ]
    # A known stage name brings its prompts along, from whichever template has it.
    assert model.stages[0].questions and model.stages[3].review_questions
    assert not model.stages[1].questions
    assert [p for p in _lint_json(cli, path) if p["severity"] == "error"] == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(
        st.text(SAFE_CHARS, min_size=1, max_size=20).filter(lambda t: t.strip() and "," not in t),
        min_size=1,
        max_size=5,
    ),
    personas=st.lists(st.text(SAFE_CHARS, min_size=1, max_size=20).filter(str.strip), max_size=3),
    title=st.text(SAFE_CHARS, min_size=1, max_size=30).filter(str.strip),
    template=st.sampled_from(TEMPLATES),
)
def test_any_names_give_a_clean_map(
    names: list[str], personas: list[str], title: str, template: str
) -> None:
    options = scaffold.ScaffoldOptions(
        template=template, title=title, stages=",".join(names), personas=personas
    )
    journey, comments = scaffold.build(options, title)
    text = dump_map(journey, comments=comments, schema_ref="journey.schema.json")
    assert _errors(text) == []
    assert load_map(text.encode(), "x").model == journey
    assert [s.name for s in journey.stages] == [n.strip() for n in names]
    assert [p.name for p in journey.personas] == [p.strip() for p in personas]
    ids = [s.id for s in journey.stages]
    assert len(set(ids)) == len(ids) and all(is_slug(i) for i in ids)
    assert all(is_slug(p.id) for p in journey.personas)


def test_commented_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    text = scaffold.create(str(tmp_path / "m"), scaffold.ScaffoldOptions()).text
    lines = []
    for line in text.splitlines():
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if body.startswith("#   "):
            line = " " * indent + body[2:]
            if lines[-1].endswith(" []") or " []  # " in lines[-1]:
                lines[-1] = lines[-1].replace(" []", "", 1)
        lines.append(line)
    uncommented = "\n".join(lines) + "\n"
    assert _errors(uncommented) == []
    model = load_map(uncommented.encode(), "x").model
    assert model is not None
    assert len(model.personas) == 1
    assert len(model.stages[0].touchpoints) == 1 and len(model.stages[0].evidence) == 1


def test_refuses_to_overwrite_without_force(cli, tmp_path: Path) -> None:
    path = tmp_path / "m.journey.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = cli(["new", tmp_path / "m"])
    assert result.code == 2
    assert "already exists" in result.err and "--force" in result.err
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.journey.yaml"]

    result = cli(["new", tmp_path / "m", "--force"])
    assert result.code == 0, result.err
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.journey.yaml"]


def test_stdout_mode_writes_no_file(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(["new", "-", "--lang", "nl"])
    assert result.code == 0, result.err
    assert result.out.startswith("# yaml-language-server: $schema=journey.schema.json\n")
    assert "Oriëntatie" in result.out
    assert list(tmp_path.iterdir()) == []
    assert _errors(result.out) == []
    assert result.out == cli(["new", "-", "--lang", "nl"]).out  # deterministic


def test_failed_write_leaves_nothing_behind(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = cli(["new", tmp_path / "m"])
    assert result.code == 2
    assert "cannot write" in result.err
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli(["new", tmp_path / "nope" / "m"])
    assert result.code == 2
    assert "does not exist" in result.err
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("m", "m.journey.yaml"),
        ("m.journey.yaml", "m.journey.yaml"),
        ("m.journey.yml", "m.journey.yml"),
        ("m.yaml", "m.journey.yaml"),
        ("m.yml", "m.journey.yaml"),
        ("hypotheek-afsluiten", "hypotheek-afsluiten.journey.yaml"),
    ],
)
def test_suffix_is_added_when_missing(cli, tmp_path: Path, given: str, written: str) -> None:
    result = cli(["new", tmp_path / given])
    assert result.code == 0, result.err
    assert [p.name for p in tmp_path.iterdir()] == [written]
    assert f"Created {tmp_path / written}" in result.err


def test_title_comes_from_the_file_name(tmp_path: Path) -> None:
    made = scaffold.create(str(tmp_path / "hypotheek_afsluiten"), scaffold.ScaffoldOptions())
    assert made.journey.title == "Hypotheek afsluiten"


def test_a_directory_is_not_a_map_name(cli, tmp_path: Path) -> None:
    result = cli(["new", tmp_path])
    assert result.code == 2 and "is a directory" in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--template", "six"], "unknown template 'six'"),
        (["--stages", " , "], "--stages"),
        (["--persona", ""], "--persona"),
        (["--title", " "], "title must not be empty"),
        (["--stages", "A,\x1b[2J"], "U+001B"),
        (["--persona", "Eve\u202e"], "U+202E"),
        (["--title", "T\x07"], "U+0007"),
    ],
)
def test_bad_options_are_usage_errors(cli, tmp_path: Path, args: list[str], message: str) -> None:
    result = cli(["new", tmp_path / "m", *args])
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


def test_list_names_every_template(cli) -> None:
    result = cli(["new", "--list"])
    assert result.code == 0
    names = [line.split()[0] for line in result.out.splitlines()]
    assert names == TEMPLATES
    assert "(default)" in result.out.splitlines()[0]
    assert "standaard" in cli(["new", "--list", "--lang", "nl"]).out


def test_modeline_points_at_the_nearest_schema(cli, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "journey.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "maps" / "b2b").mkdir(parents=True)
    result = cli(["new", tmp_path / "maps" / "b2b" / "m"])
    assert result.code == 0, result.err
    text = (tmp_path / "maps" / "b2b" / "m.journey.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../journey.schema.json\n")
    assert "journey schema >" not in result.err

    result = cli(["new", tmp_path / "maps" / "n", "--schema-ref", "https://example.org/s.json"])
    text = (tmp_path / "maps" / "n.journey.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=https://example.org/s.json\n")


def test_without_a_schema_the_user_is_told_how_to_make_one(cli, tmp_path: Path) -> None:
    result = cli(["new", tmp_path / "m"])
    assert f"journey schema > {tmp_path / 'journey.schema.json'}" in result.err


def test_scaffold_passes_yamllint(tmp_path: Path) -> None:
    tool = shutil.which("yamllint")
    if tool is None:
        pytest.skip("yamllint is not installed (pip install yamllint)")
    paths = [
        str(
            scaffold.create(
                str(tmp_path / f"{t}-{lang}"),
                scaffold.ScaffoldOptions(template=t, language=lang, personas=("Zoë",)),
            ).path
        )
        for t in TEMPLATES
        for lang in LANGS
    ]
    config = "{extends: default, rules: {document-start: disable, line-length: {max: 100}}}"
    proc = subprocess.run(
        [tool, "-s", "-d", config, *paths], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_real_process_prints_to_stdout(tmp_path: Path) -> None:
    result = journey_process(
        ["new", "-", "--template", "nine-stages", "--lang", "nl"], cwd=tmp_path
    )
    assert result.code == 0, result.err
    assert "Ambassadeur" in result.out
    assert list(tmp_path.iterdir()) == []


def test_message_says_the_stages_came_from_the_option(cli, tmp_path: Path) -> None:
    custom = cli(["new", tmp_path / "a", "--stages", "Eerste,Tweede", "--lang", "nl"])
    assert custom.code == 0, custom.err
    assert "(five-stages, nl, 2 fasen uit --stages)." in custom.err  # a Dutch map: Dutch
    default = cli(["new", tmp_path / "b"])
    assert "(five-stages, en, 5 stages)." in default.err


def test_the_next_steps_quote_a_file_name_with_spaces(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hint after `journey new "Mijn Reis"` is a command that works when pasted."""
    monkeypatch.chdir(tmp_path)
    result = cli(["new", "Mijn Reis", "--lang", "nl"])
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        "'Mijn Reis.journey.yaml' aangemaakt (five-stages, nl, 5 fasen).",
        "Volgende stap: vul de vragen in en controleer de klantreiskaart dan met: "
        "journey lint 'Mijn Reis.journey.yaml'",
        "Voor controles tijdens het typen: journey schema > journey.schema.json",
    ]
    command = result.err.splitlines()[1].rsplit(": ", 1)[1]
    assert shlex.split(command) == ["journey", "lint", "Mijn Reis.journey.yaml"]
    assert cli(shlex.split(command)[1:]).code == 0
