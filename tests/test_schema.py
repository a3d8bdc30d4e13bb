"""`journey schema`: draft 2020-12, in sync with the models, examples validate."""

from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest
import yaml

from conftest import ROOT, example_maps
from journeycli.core.schema import DRAFT, schema_text

COMMITTED = ROOT / "docs" / "journey.schema.json"


def test_schema_command_prints_draft_2020_12(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["schema"])
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema["$schema"] == DRAFT
    jsonschema.Draft202012Validator.check_schema(schema)


def test_committed_copy_matches_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "docs/journey.schema.json drifted from the models; regenerate it with "
        "`journey schema > docs/journey.schema.json` and review the diff"
    )


@pytest.mark.parametrize("path", example_maps(), ids=lambda p: p.name)
def test_examples_validate_with_jsonschema(path) -> None:  # type: ignore[no-untyped-def]
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    instance = yaml.safe_load(path.read_text(encoding="utf-8"))
    # JSON has no dates: check-jsonschema reads YAML dates as strings, and so do we here.
    instance = json.loads(json.dumps(instance, default=str))
    jsonschema.Draft202012Validator(schema).validate(instance)


def test_examples_validate_with_check_jsonschema() -> None:
    exe = shutil.which("check-jsonschema")
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema)")
    proc = subprocess.run(
        [exe, "--schemafile", str(COMMITTED), *map(str, example_maps())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_rejects_what_lint_rejects() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = {"version": 1, "title": "T", "stages": [{"name": "a", "x-note": 1}], "x-k": 2}
    assert not list(validator.iter_errors(good))
    for bad in (
        {"version": 1, "title": "T", "stages": []},
        {"version": 1, "title": "T", "stages": [{"name": "a", "relevance": 130}]},
        {"version": 1, "title": "T", "stages": [{"name": "a", "relevence": 3}]},
        {"version": 1, "stages": [{"name": "a"}]},
    ):
        assert list(validator.iter_errors(bad)), bad
