"""One map at the speed of yamllint: the whole process for a single map, side by side.

    python bench/single.py             # median of 7 interleaved runs, ratios to yamllint
    python bench/single.py --runs 11   # more runs on a noisy machine
    python bench/single.py --quick     # one run: checks the script works (CI smoke test)

People mostly run journey on one map (pre-commit, an editor task on save), where
start-up is the whole cost (docs/performance.md, "One map"). Each command is a
whole process timed from spawn to exit, exactly as `bench/run.py` times it; the
runs are interleaved round by round, so a burst of load on a shared machine hits
every command alike. The ratio is the command's median wall time over the median
of `yamllint -d relaxed` on the same file, measured in the same rounds; the CPU
ratio (user + system time) is the steadier check on a loaded machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (bench/ is not a package; run.py sits next to this file)

ROOT = bench.ROOT
MAP = ROOT / "examples" / "hypotheek.journey.yaml"
OLD = ROOT / "examples" / "energie-overstappen.journey.yaml"
NEW = ROOT / "examples" / "energie-overstappen-2027.journey.yaml"

# Target ratios to `yamllint -d relaxed` (issue 24; docs/performance.md).
LIMITS = {"journey lint": 1.0, "journey report (terminal)": 1.5}


def plan(out_dir: Path, peers: bool) -> list[bench.Command]:
    """The commands of one round; the first is the yardstick (or journey lint without peers)."""
    journey = bench.journey_argv()
    commands: list[bench.Command] = []
    yamllint = bench.tool("yamllint")
    if peers and yamllint:
        commands.append(bench.Command("yamllint -d relaxed", [yamllint, "-d", "relaxed", str(MAP)]))
    checker = bench.tool("check-jsonschema")
    if peers and checker:
        commands.append(
            bench.Command(
                "check-jsonschema",
                [checker, "--schemafile", str(bench.SCHEMA), str(MAP)],
            )
        )
    html = out_dir / "report.html"
    # What any Typer command pays before journey runs: Typer parses arguments
    # with Pydantic TypeAdapters (typer._adapters), so Pydantic is imported too.
    commands.append(
        bench.Command(
            "floor: import Typer's parser",
            [sys.executable, "-c", "import typer.main, typer._adapters"],
        )
    )
    # What any command that validates a map with Pydantic pays before its own
    # code runs: the interpreter, PyYAML and Pydantic's BaseModel; then the same
    # with the map's validator built (pydantic-core, from journey's models).
    commands.append(
        bench.Command(
            "floor: import PyYAML and Pydantic",
            [sys.executable, "-c", "import yaml; from pydantic import BaseModel"],
        )
    )
    commands.append(
        bench.Command(
            "floor: + build the map's validator",
            [
                sys.executable,
                "-c",
                # as journey's entry point does: no scan for Pydantic plugins
                "import os; os.environ.setdefault('PYDANTIC_DISABLE_PLUGINS', '__all__');"
                " import yaml; from journeycli.core.model import JourneyMap;"
                " JourneyMap.model_rebuild()",
            ],
        )
    )
    commands += [
        bench.Command("journey lint", [*journey, "lint", str(MAP)], ok_codes=(0, 1)),
        bench.Command("journey report (terminal)", [*journey, "report", str(MAP)]),
        bench.Command(
            "journey report (html)",
            [*journey, "report", str(MAP), "--format", "html", "--output", str(html)],
        ),
        bench.Command("journey diff", [*journey, "diff", str(OLD), str(NEW)], ok_codes=(0, 1)),
    ]
    return commands


def render(commands: list[bench.Command], runs: int) -> str:
    """A Markdown table: median wall time, CPU time and the ratio to the yardstick."""
    base = commands[0]
    lines = [
        f"Median of {runs} interleaved runs; load average before/after: {load()}",
        "",
        f"| Command | Median time | CPU time | Ratio to {base.name} | CPU ratio | Limit |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for command in commands:
        ratio = command.seconds / base.seconds
        limit = LIMITS.get(command.name) if base.name.startswith("yamllint") else None
        verdict = "" if limit is None else f"<= {limit:g} {'met' if ratio <= limit else 'NOT met'}"
        lines.append(
            f"| {command.name} | {command.seconds * 1000:.0f} ms | {command.cpu * 1000:.0f} ms"
            f" | {ratio:.2f}x | {command.cpu / base.cpu:.2f}x | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def in_process(runs: int) -> str:
    """`render_bytes` of each shipped example, warm: what `journey preview` pays per save."""
    from journeycli.report.run import render_bytes

    lines = [
        "",
        f"In-process render (`render_bytes`, HTML), median of {runs} warm runs:",
        "",
        "| Example | Lines | Median time |",
        "|---|---:|---:|",
    ]
    for path in sorted((ROOT / "examples").glob("*.journey.yaml")):
        raw = path.read_bytes()
        render_bytes(raw, str(path))  # the first render imports; the server pays it once
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            render_bytes(raw, str(path))
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1000
        lines.append(f"| {path.name} | {len(raw.splitlines())} | {median:.1f} ms |")
    return "\n".join(lines) + "\n"


def load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - not on every platform
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    parser.add_argument("--quick", action="store_true", help="one run, no peers: a smoke test")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else max(1, args.runs)
    start_load = load()
    with tempfile.TemporaryDirectory(prefix="journey-single-") as tmp:
        commands = plan(Path(tmp), peers=not args.quick)
        try:
            bench.measure(commands, runs, ROOT, warmup=not args.quick, say=lambda _m: None)
        except bench.BenchError as exc:
            sys.stderr.write(f"single.py: {exc}\n")
            return 1
    sys.stdout.write(f"load average at start: {start_load}\n")
    sys.stdout.write(render(commands, runs))
    sys.stdout.write(in_process(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
