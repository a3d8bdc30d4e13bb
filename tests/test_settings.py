"""One `Settings` value per run, read once from the flags and the nearest configuration.

The bug this guards against: with `gap-threshold = 5` in `.journey.toml`,
`journey lint` warned W103 "(threshold 5)" while `journey report --format
json` said `gap_threshold: 30` (docs/lint.md, "Configuration").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeycli.core import settings as settings_module
from journeycli.core.document import Limits
from journeycli.core.settings import Settings, load_settings

# Gap 50 - 40 = 10: at or above a threshold of 5, below the default of 30.
MAP = """\
version: 1
title: Settings
stages:
  - id: orientation
    name: Orientation
    relevance: 50
    presence: 40
    evidence:
      - type: survey
        source: Survey
    touchpoints:
      - id: website
        name: Website
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "m.journey.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint_w103(cli) -> list[str]:
    result = cli(["lint", "-f", "json", "m.journey.yaml"])
    assert result.code == 0, result.err
    return [p["message"] for p in json.loads(result.out) if p["code"] == "W103"]


def report_json(cli, *args: str) -> dict[str, object]:
    result = cli(["report", "m.journey.yaml", "-f", "json", *args])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".journey.toml", "gap-threshold = 5\n"),
        ("pyproject.toml", "[tool.journey]\ngap-threshold = 5\n"),
    ],
)
def test_lint_and_report_read_the_same_gap_threshold(
    cli, workdir: Path, name: str, text: str
) -> None:
    # without configuration neither complains: gap 10 is below the default 30
    assert lint_w103(cli) == []
    assert report_json(cli)["gap_threshold"] == 30
    assert report_json(cli)["gaps_without_plan"] == []

    (workdir / name).write_text(text, encoding="utf-8")
    [message] = lint_w103(cli)
    assert "(threshold 5)" in message
    data = report_json(cli)
    assert data["gap_threshold"] == 5
    assert data["gaps_without_plan"] == ["orientation"]
    # the flag wins over the file, in both commands
    assert report_json(cli, "--gap-threshold", "11")["gap_threshold"] == 11
    result = cli(["lint", "-f", "json", "--gap-threshold", "11", "m.journey.yaml"])
    assert "W103" not in result.out


def test_the_markdown_report_uses_the_configured_threshold(cli, workdir: Path) -> None:
    before = cli(["report", "m.journey.yaml", "-f", "md"])
    assert "Every gap of 30 or more has a plan." in before.out
    (workdir / ".journey.toml").write_text("gap-threshold = 5\n", encoding="utf-8")
    after = cli(["report", "m.journey.yaml", "-f", "md"])
    assert after.code == 0, after.err
    assert "Stages with a gap of 5 or more that lack" in after.out


def test_the_configuration_is_read_once_per_run(
    cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / ".journey.toml").write_text("gap-threshold = 5\n", encoding="utf-8")
    calls: list[Path] = []
    real = settings_module.load_config

    def counting(path: Path) -> settings_module.Config:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(settings_module, "load_config", counting)
    assert cli(["report", "m.journey.yaml", "-f", "json"]).code == 0
    assert len(calls) == 1
    calls.clear()
    assert cli(["lint", "m.journey.yaml"]).code == 0
    assert len(calls) == 1


def test_load_settings_takes_flags_over_the_file_over_the_defaults(tmp_path: Path) -> None:
    (tmp_path / ".journey.toml").write_text(
        "gap-threshold = 5\nevidence-max-age = 6\nmax-stages = 10\nstrict = true\n",
        encoding="utf-8",
    )
    found = load_settings(cwd=tmp_path)
    assert (found.gap_threshold, found.evidence_max_age, found.strict) == (5, 6, True)
    assert found.limits == Limits(max_stages=10)
    assert found.config == tmp_path / ".journey.toml"
    flagged = load_settings(
        cwd=tmp_path, gap_threshold=40, evidence_max_age=24, strict=False, limits={"max_stages": 20}
    )
    assert (flagged.gap_threshold, flagged.evidence_max_age, flagged.strict) == (40, 24, False)
    assert flagged.limits == Limits(max_stages=20)
    defaults = Settings()
    assert (defaults.gap_threshold, defaults.evidence_max_age, defaults.limits) == (
        30,
        18,
        Limits(),
    )


def test_a_configuration_may_lower_a_limit_but_not_raise_it(cli, workdir: Path) -> None:
    """docs/security.md: a pull request's config must not switch the protection off."""
    (workdir / ".journey.toml").write_text("max-nodes = 1000000000000\n", encoding="utf-8")
    result = cli(["report", "m.journey.yaml"])
    assert result.code == 2
    assert ".journey.toml: max-nodes: 1000000000000 is above the default 1000000" in result.err
    assert "--max-nodes 1000000000000" in result.err  # says how to raise it
    (workdir / ".journey.toml").write_text("max-stages = 1000\n", encoding="utf-8")
    assert cli(["lint", "m.journey.yaml"]).code == 0  # the default itself is fine
    assert cli(["lint", "m.journey.yaml", "--max-stages", "5000"]).code == 0


def test_the_evidence_max_age_key_is_checked(cli, workdir: Path) -> None:
    (workdir / ".journey.toml").write_text("evidence-max-age = 0\n", encoding="utf-8")
    result = cli(["lint", "m.journey.yaml"])
    assert result.code == 2
    assert ".journey.toml: evidence-max-age: 0 is out of range" in result.err


def test_every_limit_has_one_flag_and_one_configuration_key() -> None:
    import dataclasses

    from journeycli.cli.options import LIMIT_FLAGS
    from journeycli.core.settings import LIMIT_KEYS

    names = [f.name for f in dataclasses.fields(Limits)]
    assert [flag.field for flag in LIMIT_FLAGS] == names
    assert [flag.flag for flag in LIMIT_FLAGS] == [f"--{key}" for key in LIMIT_KEYS]
