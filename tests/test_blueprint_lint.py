"""Service-blueprint lanes, KPIs, tone, opportunities with impact and effort, `state`:
how lint reads them (docs/format.md#stages, #kpis, #opportunities) and W112.

Through the real CLI (`journey lint --format json`), so each test sees exactly
what a user sees: code, line, column and message.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES

ENERGIE = EXAMPLES / "energie-overstappen.journey.yaml"
ENERGIE_2027 = EXAMPLES / "energie-overstappen-2027.journey.yaml"

HEAD = "version: 1\ntitle: Energie\nstages:\n"


def lint(cli, text: str, *extra: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    result = cli(["lint", "-", "--format", "json", *extra], stdin=text.encode())
    assert result.code in (0, 1), result.err
    problems: list[dict[str, object]] = json.loads(result.out)
    return problems


def codes(problems: list[dict[str, object]]) -> list[str]:
    return [str(p["code"]) for p in problems]


# --- the examples ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ENERGIE, ENERGIE_2027], ids=lambda p: p.name)
def test_the_energy_examples_lint_clean(cli, path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["lint", str(path), "--format", "json", "--strict"])
    assert (result.code, json.loads(result.out)) == (0, [])


def test_the_energy_example_uses_every_new_key() -> None:
    text = ENERGIE.read_text(encoding="utf-8")
    for key in (
        "state: current",
        "customer_actions:",
        "frontstage:",
        "backstage:",
        "support:",
        "systems:",
        "tone:",
        "kpis:",
        "unit:",
        "higher_is_better: false",
        "impact:",
        "opportunity:",
    ):
        assert key in text, key
    assert "state: future" in ENERGIE_2027.read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_energy_examples_validate_with_check_jsonschema(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    exe = shutil.which("check-jsonschema")
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install check-jsonschema)")
    schema = tmp_path / "journey.schema.json"
    result = cli(["schema"])
    assert result.code == 0
    schema.write_text(result.out, encoding="utf-8")
    proc = subprocess.run(
        [exe, "--schemafile", str(schema), str(ENERGIE), str(ENERGIE_2027)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # a positive control: the schema does reject a KPI without a name
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text(HEAD + "  - name: A\n    kpis:\n      - value: 3\n", encoding="utf-8")
    proc = subprocess.run(
        [exe, "--schemafile", str(schema), str(bad)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1


# --- E003 with did-you-mean --------------------------------------------------------------------


def test_unknown_kpi_key_is_e003_with_did_you_mean(cli) -> None:  # type: ignore[no-untyped-def]
    text = HEAD + "  - name: A\n    kpis:\n      - name: NPS\n        traget: 30\n"
    problems = lint(cli, text)
    assert codes(problems) == ["E003"]
    problem = problems[0]
    assert (problem["line"], problem["column"]) == (7, 9)
    assert "unknown key 'traget'" in str(problem["message"])
    assert "did you mean 'target'?" in str(problem["message"])


def test_unknown_opportunity_key_is_e003_with_did_you_mean(cli) -> None:  # type: ignore[no-untyped-def]
    text = (
        HEAD + "  - name: A\n    opportunities:\n      - Plain text stays valid\n"
        "      - text: Show the yearly amount\n        imapct: high\n"
    )
    problems = lint(cli, text)
    assert codes(problems) == ["E003"]
    assert (problems[0]["line"], problems[0]["column"]) == (8, 9)
    assert "stages[0].opportunities[1].imapct: unknown key 'imapct'" in str(problems[0]["message"])
    assert "did you mean 'impact'?" in str(problems[0]["message"])


def test_opportunity_and_kpi_values_are_checked(cli) -> None:  # type: ignore[no-untyped-def]
    text = (
        HEAD + "  - name: A\n"
        "    opportunities:\n"
        "      - impact: high\n"  # no text
        "      - text: B\n        effort: huge\n"
        "    kpis:\n"
        "      - name: NPS\n        value: twelve\n        higher_is_better: yes\n"
    )
    messages = [str(p["message"]) for p in lint(cli, text)]
    assert len(messages) == 4, messages
    assert any("opportunities[0].text: missing required key 'text'" in m for m in messages)
    assert any("opportunities[1].effort: 'huge' is not allowed" in m for m in messages)
    assert any("kpis[0].value: expected a number" in m for m in messages)
    assert any("only true and false are accepted here, not 'yes'" in m for m in messages)


def test_a_lane_must_be_a_list_of_text(cli) -> None:  # type: ignore[no-untyped-def]
    problems = lint(cli, HEAD + "  - name: A\n    backstage: Billing checks the amount\n")
    assert codes(problems) == ["E003"]
    assert "stages[0].backstage" in str(problems[0]["message"])


def test_state_is_current_or_future(cli) -> None:  # type: ignore[no-untyped-def]
    problems = lint(cli, "version: 1\ntitle: T\nstate: past\nstages:\n  - name: A\n")
    assert codes(problems) == ["E003"]
    assert "'past' is not allowed; expected 'current' or 'future'" in str(problems[0]["message"])


# --- E004 and E005 for opportunity ids ---------------------------------------------------------


def test_an_action_naming_an_unknown_opportunity_is_e005(cli) -> None:  # type: ignore[no-untyped-def]
    text = (
        HEAD + "  - name: A\n"
        "    opportunities:\n      - {text: Show the yearly amount, id: yearly-amount}\n"
        "    actions:\n      - action: Add it\n        opportunity: yearly-amout\n"
    )
    problems = lint(cli, text, "--select", "E")
    assert codes(problems) == ["E005"]
    assert (problems[0]["line"], problems[0]["column"]) == (9, 22)
    assert problems[0]["message"] == (
        "unknown opportunity 'yearly-amout'; did you mean 'yearly-amount'?"
    )


def test_an_opportunity_without_an_id_cannot_be_linked(cli) -> None:  # type: ignore[no-untyped-def]
    text = (
        HEAD + "  - name: A\n    opportunities: [Plain text]\n"
        "    actions:\n      - action: Add it\n        opportunity: plain-text\n"
    )
    problems = lint(cli, text, "--select", "E")
    assert codes(problems) == ["E005"]
    assert problems[0]["message"] == (
        "unknown opportunity 'plain-text'; define it under opportunities as "
        "{text: ..., id: plain-text}"
    )


def test_opportunity_ids_are_unique_in_the_map(cli) -> None:  # type: ignore[no-untyped-def]
    text = (
        HEAD + "  - name: A\n    opportunities:\n      - {text: One, id: same}\n"
        "  - name: B\n    opportunities:\n      - {text: Two, id: same}\n"
    )
    problems = lint(cli, text, "--select", "E")
    assert codes(problems) == ["E004"]
    assert problems[0]["line"] == 9  # the later one
    assert "duplicate opportunity id 'same'" in str(problems[0]["message"])


# --- W112 --------------------------------------------------------------------------------------

STAGE_KPI = """\
  - name: Jaarafrekening
    kpis:
      - name: NPS
        value: {value}
        target: 10
{extra}"""


@pytest.mark.parametrize(
    ("value", "extra", "warned"),
    [
        (-18, "", True),  # higher is better, below target
        (10, "", False),  # on target is not worse
        (12, "", False),
        (12, "        higher_is_better: false\n", True),  # lower is better, above target
        (8, "        higher_is_better: false\n", False),
    ],
)
def test_w112_kpi_worse_than_target_without_open_action(
    cli,  # type: ignore[no-untyped-def]
    value: int,
    extra: str,
    warned: bool,
) -> None:
    problems = lint(cli, HEAD + STAGE_KPI.format(value=value, extra=extra), "--select", "W112")
    assert codes(problems) == (["W112"] if warned else [])
    if warned:
        assert (problems[0]["line"], problems[0]["column"]) == (6, 9)  # the KPI's first key
        assert problems[0]["message"] == (
            f"KPI 'NPS' is {value}, worse than its target 10, and stage 'Jaarafrekening' "
            "has no open action; add one (status todo or doing) that works on it"
        )


def test_w112_is_silenced_by_an_open_action_not_by_a_done_one(cli) -> None:  # type: ignore[no-untyped-def]
    base = HEAD + STAGE_KPI.format(value=-18, extra="")
    done = base + "    actions:\n      - {action: Rewrite the bill, owner: billing, status: done}\n"
    doing = (
        base + "    actions:\n      - {action: Rewrite the bill, owner: billing, status: doing}\n"
    )
    assert codes(lint(cli, done, "--select", "W112")) == ["W112"]
    assert codes(lint(cli, doing, "--select", "W112")) == []


def test_w112_needs_both_value_and_target(cli) -> None:  # type: ignore[no-untyped-def]
    text = HEAD + "  - name: A\n    kpis:\n      - {name: NPS, value: -18}\n      - {name: CES}\n"
    assert codes(lint(cli, text, "--select", "W112")) == []


def test_w112_can_be_suppressed_and_ignored(cli) -> None:  # type: ignore[no-untyped-def]
    text = HEAD + STAGE_KPI.format(value=-18, extra="")
    assert "W112" in codes(lint(cli, text))
    assert "W112" not in codes(lint(cli, text, "--ignore", "W112"))
    suppressed = text.replace("      - name: NPS\n", "      - name: NPS  # journey: ignore[W112]\n")
    assert "W112" not in codes(lint(cli, suppressed))


def test_w102_does_not_ask_a_future_map_for_evidence(cli) -> None:  # type: ignore[no-untyped-def]
    """A future-state map holds targets, not observations (docs/format.md#state)."""
    scored = "  - name: A\n    relevance: 80\n    presence: 70\n    touchpoints: [{name: T}]\n"
    current = "version: 1\ntitle: T\nstages:\n" + scored
    future = "version: 1\ntitle: T\nstate: future\nstages:\n" + scored
    assert codes(lint(cli, current)) == ["W102"]
    assert codes(lint(cli, future)) == []
