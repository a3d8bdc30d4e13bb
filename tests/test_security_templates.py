"""A hostile `--template` (issue 15, items 1 and 6) can neither run code nor exhaust the machine.

Each attack of the issue is reproduced through the CLI. The ones that used to
take gigabytes run in a subprocess under `RLIMIT_AS`, so a regression ends in
a MemoryError within seconds instead of eating the CI machine, and each test
asserts the limit's own message, which the MemoryError would not give.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, Result
from journeycli.core.model import Language
from journeycli.report import sandbox_limits
from journeycli.report.run import ReportOptions, build_report, template_context

HYPOTHEEK = EXAMPLES / "hypotheek.journey.yaml"
MEMORY = 2 * 1024**3  # address space for the subprocess: far above a normal run (~300 MB)
# The exact payload: pickle's `os.system('id > pwned.txt')` through Pydantic's parse_raw.
PICKLE = (
    "{{ map.parse_raw(\"cos\\nsystem\\n(S'id > pwned.txt'\\ntR.\", "
    "proto='pickle', allow_pickle=True) }}"
)


def template(tmp_path: Path, source: str, name: str = "t.md.j2") -> Path:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return path


def limited_journey(args: list[Any], cwd: Path, timeout: float = 60) -> Result:
    """`journey ARGS` in a subprocess that cannot take more than `MEMORY` bytes."""
    resource = pytest.importorskip("resource")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    proc = subprocess.run(
        [sys.executable, "-m", "journeycli", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        preexec_fn=limit,
    )
    return Result(
        proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8")
    )


# --- item 1: plain data, whitelisted callables ----------------------------------------------


def test_template_cannot_unpickle_through_the_map(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    mine = template(tmp_path, PICKLE + "\n")
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1 and result.out == ""
    assert not (tmp_path / "pwned.txt").exists()
    assert result.err == (
        f"journey: error: {mine}:1: template error: 'dict object' has no attribute 'parse_raw'\n"
    )


def test_templates_get_plain_data_only() -> None:
    report = build_report([str(HYPOTHEEK)], ReportOptions())
    context = template_context(report.analyses[0], Language.NL)
    seen: list[Any] = [context]
    kinds = set()
    while seen:
        value = seen.pop()
        kinds.add(type(value))
        if isinstance(value, dict):
            assert all(isinstance(key, str) for key in value)
            seen.extend(value.values())
        elif isinstance(value, list):
            seen.extend(value)
    assert kinds <= {dict, list, str, int, float, bool, type(None)}, kinds
    assert context["map"]["stages"][0]["touchpoints"][0]["name"] == "Blog kopen of huren"


def test_plain_data_of_every_example_without_warnings(cli: Any, tmp_path: Path) -> None:
    mine = template(tmp_path, "{{ map|tojson|length > 0 }}\n")
    for example in sorted(EXAMPLES.glob("*.journey.yaml")):
        result = cli(["report", example, "--template", mine])
        assert (result.code, result.out, result.err) == (0, "True\n", ""), example


@pytest.mark.parametrize(
    "source",
    [
        "{{ title.encode() }}",
        "{{ map.copy() }}",
        "{{ stages.copy() }}",
        "{{ (7).bit_length() }}",
        "{{ ', '.join(['a', 'b']) }}",
        "{{ title.maketrans('a', 'b') }}",
        "{{ title.expandtabs(1000000) }}",
        "{{ (map|attr('fromkeys'))(range(10)) }}",
        "{% set c = cycler(1) %}{{ c.__next__() }}",
        "{{ range(3).index(1) }}",
    ],
)
def test_only_whitelisted_callables_can_be_called(cli: Any, tmp_path: Path, source: str) -> None:
    mine = template(tmp_path, source)
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1 and result.out == ""
    assert f"{mine}:1: sandbox violation: " in result.err
    assert "cannot be called in a template" in result.err or "unsafe" in result.err


@pytest.mark.parametrize("name", ["random", "urlize", "pprint"])
def test_filters_outside_the_list_are_unknown(cli: Any, tmp_path: Path, name: str) -> None:
    mine = template(tmp_path, f"{{{{ title|{name} }}}}")
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1
    assert f"No filter named '{name}'" in result.err


def test_what_a_report_template_needs_still_works(cli: Any, tmp_path: Path) -> None:
    source = (
        "{% macro row(s) %}{{ s.rank }}. {{ s.name|upper }} ({{ s.gap }}){% endmacro %}"
        "{% set ns = namespace(total=0) %}"
        "{% for s in stages %}{{ row(s) }}{{ loop.cycle(';', '|') }}"
        "{% set ns.total = ns.total + s.gap %}{% endfor %}\n"
        "{{ ns.total }} {{ map.metrics.currency }} {{ map.title.split()|first }} "
        "{% for key, value in map.metrics.items()|sort %}{{ key }}={{ value }},{% endfor %} "
        "{{ '{}-{}'.format(title, lang) }} {{ '%s!'|format(persona) }} "
        "{{ map.stages|map(attribute='id')|join('+') }} {{ dict(a=1)|tojson }} "
        "{% set j = joiner('/') %}{% for i in range(3) %}{{ j() }}{{ i }}{% endfor %}\n"
    )
    mine = template(tmp_path, source)
    result = cli(["report", HYPOTHEEK, "--template", mine, "--persona", "starter"])
    assert result.code == 0, result.err
    first, second = result.out.splitlines()
    assert first.startswith("1. ORIËNTATIE (75);2. ")
    report = json.loads(cli(["report", HYPOTHEEK, "-f", "json", "--persona", "starter"]).out)
    total = sum(stage["gap"] for stage in report["stages"])
    assert second == (
        f"{total} EUR Hypotheek currency=EUR,period=jaar,value=1450,volume=12000, "
        "Hypotheek afsluiten-nl starter! behoefte+orientatie+advies+aankoop+gebruik+loyaliteit "
        '{"a": 1} 0/1/2'
    )


# --- item 6: memory, steps, time ------------------------------------------------------------

LIMIT = "template limit: "
MEMORY_ATTACKS = {
    "namespace doubling with ~": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "the joined text (~) would be over 1,000,000 characters",
    ),
    "namespace doubling with +": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
        "would be over 1,000,000 characters or items",
    ),
    "list doubling": (
        "{% set ns = namespace(s=[1]) %}{% for i in range(64) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
        "would be over 1,000,000 characters or items",
    ),
    "macro doubling": (
        "{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s|length }}{% endmacro %}{{ d('x', 60) }}",
        "the joined text (~) would be over 1,000,000",
    ),
    "range sliced a billion ways": (
        "{{ range(10)|slice(10**9)|list|length }}",
        "the slice filter's count would be over 1,000,000",
    ),
    "a million references joined": (
        "{% set s = 'x' * 1000000 %}{{ ([s] * 1000000)|join }}",
        "the joined text would be over 33,554,432",
    ),
    "nested references printed": (
        "{% set s = 'x' * 1000000 %}{% set a = [s] * 100 %}{% set b = [a] * 100 %}{{ b }}",
        "the printed value would be over 33,554,432",
    ),
    "nested references as JSON": (
        "{% set s = 'x' * 1000000 %}{% set a = [s] * 100 %}{{ ([a] * 100)|tojson|length }}",
        "the JSON text would be over 33,554,432",
    ),
    "a repeated format": (
        "{% set s = 'x' * 1000000 %}{{ ('%s' * 1000)|format(*([s] * 1000)) }}",
        "the formatted text would be over 1,000,000",
    ),
    "replace that multiplies": (
        "{{ ('a' * 1000000)|replace('a', 'a' * 1000000) }}",
        "the replaced text would be over 1,000,000",
    ),
    "indent of a million lines": (
        "{{ ('\\n' * 1000000)|indent(1000000) }}",
        "the indented text would be over 1,000,000",
    ),
    "squaring an integer": (
        "{% set ns = namespace(n=3) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}"
        "{% endfor %}{{ ns.n > 1 }}",
        "a product would be over",
    ),
}


@pytest.mark.parametrize("attack", MEMORY_ATTACKS)
def test_template_memory_attacks_stop_at_a_limit(tmp_path: Path, attack: str) -> None:
    source, message = MEMORY_ATTACKS[attack]
    mine = template(tmp_path, source)
    result = limited_journey(["report", HYPOTHEEK, "--template", mine], tmp_path)
    assert result.code == 1, result.err
    assert result.err.startswith(f"journey: error: {mine}:1: {LIMIT}")
    assert message in result.err
    assert result.err.rstrip().endswith("the most a template may build")


def test_append_in_a_loop_is_refused(tmp_path: Path) -> None:
    source = (
        "{% set l = ['x' * 1000] %}{% for i in range(100000) %}{% for j in range(100000) %}"
        "{{ l.append(l[0]) }}{% endfor %}{% endfor %}"
    )
    mine = template(tmp_path, source)
    result = limited_journey(["report", HYPOTHEEK, "--template", mine], tmp_path)
    assert result.code == 1
    assert "sandbox violation: access to attribute 'append' of 'list' object is unsafe" in (
        result.err
    )


@pytest.mark.parametrize(
    "source",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% macro m() %}{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
        "{% endfor %}{% endmacro %}{{ m()|length }}",
    ],
)
def test_nested_loops_stop_at_the_step_limit(tmp_path: Path, source: str) -> None:
    mine = template(tmp_path, source)
    result = limited_journey(["report", HYPOTHEEK, "--template", mine], tmp_path, timeout=30)
    assert result.code == 1
    assert "template limit: the template took more than 10,000,000 loop steps and calls" in (
        result.err
    )


def test_output_is_capped_and_nothing_is_written(cli: Any, tmp_path: Path) -> None:
    mine = template(tmp_path, "{% for i in range(100) %}{{ 'x' * 1000000 }}{% endfor %}")
    out = tmp_path / "out.md"
    result = cli(["report", HYPOTHEEK, "--template", mine, "-o", out])
    assert result.code == 1
    assert f"{mine}: template limit: the output would be over 33,554,432 characters" in result.err
    assert not out.exists()


def test_time_limit_stops_a_slow_step(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One filter call that takes seconds (textwrap over 600,000 characters) is interrupted."""
    monkeypatch.setattr(sandbox_limits, "MAX_SECONDS", 0.2)
    mine = template(tmp_path, "{{ ('x' * 600000)|wordwrap(2)|length }}")
    started = time.monotonic()
    result = cli(["report", HYPOTHEEK, "--template", mine])
    assert result.code == 1
    assert "template limit: the template ran for more than 0.2 seconds" in result.err
    assert time.monotonic() - started < 5


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_time_limit_restores_an_outer_alarm() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, _frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with sandbox_limits.time_limit(5):
            assert signal.getitimer(signal.ITIMER_REAL)[0] <= 5
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 25 < left <= 30
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        time.sleep(0.2)
        assert fired == [signal.SIGALRM]  # the outer handler is back
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_memory_backstop_catches_what_the_size_limits_allow(tmp_path: Path) -> None:
    """150 levels of recursion each keeping a 1 MB string: under the size limits, over 64 MiB."""
    pytest.importorskip("resource")
    if not Path("/proc/self/statm").exists():
        pytest.skip("the memory backstop reads /proc (Linux)")
    mine = template(
        tmp_path,
        "{% macro r(n) %}{% set s = ('y' * 999000) ~ n %}{{ r(n - 1) if n else '' }}"
        "{{ s|length }}{% endmacro %}{{ r(150)|length }}",
    )
    code = (
        "import sys; import journeycli.report.sandbox_limits as limits\n"
        "limits.MAX_MEMORY = 64 * 2**20\n"
        "from journeycli.cli import run; sys.exit(run(sys.argv[1:]))\n"
    )
    args = ["report", str(HYPOTHEEK), "--template", str(mine)]
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert "template limit: the template needed more than 64 MiB of memory" in proc.stderr
    normal = subprocess.run(
        [sys.executable, "-m", "journeycli", *args], capture_output=True, text=True, timeout=60
    )
    assert normal.returncode == 0, normal.stderr  # the default leaves room for it
