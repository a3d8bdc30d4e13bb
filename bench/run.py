"""Measure journey against the physical floor and its peers; write docs/performance.md.

    python bench/run.py            # full run (several minutes), rewrites docs/performance.md
    python bench/run.py --quick    # small corpus, one run, no peers: checks the script works

Every figure is a whole process (`journey ...` as a user runs it, startup
included), timed from spawn to exit, and the median of several runs. The runs
are interleaved (floor, lint, floor, lint, ...) so that a burst of load on a
shared machine hits every command alike instead of skewing one of them. The
peak memory of a run is the child's own maximum resident set size, read from
`os.wait4` in a small launcher process (see LAUNCHER).

What is measured (docs/performance.md, issue 9):

1. startup: `journey --version` and `--help` against `python -c "import typer"`;
2. throughput: `journey lint` of the 1,000-map corpus against the floor
   (`bench/floor.py`: `yaml.load(f, Loader=yaml.CSafeLoader)` of the same files
   in one process), and against yamllint and check-jsonschema as peers;
3. scaling: lint and `report --format json` of one large map at 1x, 2x, 4x, 8x;
4. peak memory of linting 1,000 maps against linting 10.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (bench/ is not a package; corpus.py sits next to this file)

SCHEMA = ROOT / "docs" / "journey.schema.json"
DOC = ROOT / "docs" / "performance.md"
NO_LIMITS = [
    "--max-file-size",
    str(1 << 30),
    "--max-nodes",
    str(100_000_000),
    "--max-stages",
    str(1_000_000),
    "--max-touchpoints",
    str(10_000_000),
]


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall clock, spawn to exit
    cpu: float  # user + system time of the child
    max_rss_kib: int
    code: int


@dataclass
class Command:
    """One command line to time, and the exit codes that mean it ran as intended."""

    name: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    runs: int | None = None  # fewer runs than the others (the slow peers)
    samples: list[Sample] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def max_rss_mib(self) -> float:
        return statistics.median(s.max_rss_kib for s in self.samples) / 1024


class BenchError(Exception):
    """A measured command failed: the figures would be meaningless."""


# Runs one command and prints its wall time, CPU time, peak memory (KiB) and exit code.
# A fresh, small process does the spawning because Linux counts the memory of
# the process that forked a child into the child's peak (the benchmark itself
# holds some 75 MiB; `python -c "import typer"` would seem to need as much).
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
print(seconds, usage.ru_utime + usage.ru_stime, rss, os.waitstatus_to_exitcode(status))
"""


def run_once(argv: Sequence[str], cwd: Path) -> Sample:
    """Wall time, CPU time and peak memory (KiB) of one run of `argv`, and its exit code."""
    proc = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise BenchError(f"cannot run {argv[0]}: {proc.stderr.strip()[-300:]}")
    seconds, cpu, rss, code = proc.stdout.split()
    return Sample(float(seconds), float(cpu), int(rss), int(code))


def explain_failure(command: Command, cwd: Path) -> str:
    proc = subprocess.run(command.argv, cwd=cwd, capture_output=True, text=True, check=False)
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
    return f"{command.name} exited {proc.returncode}: " + " | ".join(tail)


def measure(
    commands: list[Command], runs: int, cwd: Path, warmup: bool, say: Callable[[str], None]
) -> None:
    """Median-ready samples for every command, interleaved round by round."""
    if warmup:  # fill the page cache and the __pycache__ once, not counted
        compile_bytecode()
        for command in commands:
            if command.runs != 0:
                run_once(command.argv, cwd)
    for round_no in range(runs):
        for command in commands:
            if command.runs is not None and round_no >= command.runs:
                continue
            sample = run_once(command.argv, cwd)
            if sample.code not in command.ok_codes:
                raise BenchError(explain_failure(command, cwd))
            command.samples.append(sample)
        say(f"  round {round_no + 1}/{runs} done")


def compile_bytecode() -> None:
    """Write journey's `.pyc` files, as `pip install` does for a wheel.

    A warm-up run alone does not: with PYTHONDONTWRITEBYTECODE set (common in
    containers) an editable install compiles every module from source on every
    run, some 25 ms that no installed copy pays (docs/performance.md, "One map").
    """
    import compileall

    import journeycli

    compileall.compile_dir(
        str(Path(journeycli.__file__).parent), quiet=1, force=False, legacy=False
    )


# ---------------------------------------------------------------- tools


def tool(name: str) -> str | None:
    """A console script of this Python first (a pyenv shim adds its own startup), then PATH."""
    local = Path(sys.executable).with_name(name)
    if local.exists():
        return str(local)
    return shutil.which(name)


def journey_argv() -> list[str]:
    script = tool("journey")
    return [script] if script else [sys.executable, "-m", "journeycli"]


def tool_version(argv: list[str]) -> str:
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (
        (proc.stdout or proc.stderr).strip().splitlines()[0] if proc.stdout or proc.stderr else "?"
    )


def machine() -> dict[str, str]:
    import yaml

    cpu = platform.processor() or "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    libyaml = getattr(getattr(yaml, "_yaml", None), "get_version_string", lambda: "absent")()
    return {
        "date": dt.date.today().isoformat(),
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyyaml": f"{yaml.__version__} (libyaml {libyaml})",
        "journey": tool_version([*journey_argv(), "--version"]),
    }


# ---------------------------------------------------------------- the plan


@dataclass
class Plan:
    startup: list[Command]
    throughput: list[Command]
    scaling_lint: list[Command]
    scaling_report: list[Command]
    memory: list[Command]
    maps: int
    lines: float
    large: list[tuple[int, int, float]]  # factor, lines, MiB
    notes: list[str]

    def all(self) -> list[Command]:
        return [
            *self.startup,
            *self.throughput,
            *self.scaling_lint,
            *self.scaling_report,
            *self.memory,
        ]


def make_plan(corpus_dir: Path, peers: bool, peer_runs: int, factors: Sequence[int]) -> Plan:
    journey = journey_argv()
    python = sys.executable
    maps_dir = corpus_dir / "maps"
    files = sorted(maps_dir.glob("*.journey.yaml"))
    lines = sum(len(f.read_bytes().splitlines()) for f in files) / max(1, len(files))
    notes: list[str] = []

    startup = [
        Command("python -c 'import typer'", [python, "-c", "import typer"]),
        Command("journey --version", [*journey, "--version"]),
        Command("journey --help", [*journey, "--help"]),
    ]
    # Exit 1 is expected from lint: about half of the maps carry warnings... and
    # peers flag style; only a crash or a usage error (2+) invalidates a run.
    throughput = [
        Command("floor: CSafeLoader", [python, str(HERE / "floor.py"), str(maps_dir)]),
        Command("journey lint", [*journey, "lint", str(maps_dir)], ok_codes=(0, 1)),
    ]
    if peers:
        yamllint = tool("yamllint")
        if yamllint:
            throughput.append(
                Command(
                    "yamllint",
                    [yamllint, "-f", "parsable", str(maps_dir)],
                    ok_codes=(0, 1),
                    runs=peer_runs,
                )
            )
        else:
            notes.append("yamllint is not installed: skipped (`pip install yamllint`).")
        check = tool("check-jsonschema")
        if check:
            throughput.append(
                Command(
                    "check-jsonschema",
                    [check, "--schemafile", str(SCHEMA), *map(str, files)],
                    ok_codes=(0, 1),
                    runs=peer_runs,
                )
            )
        else:
            notes.append(
                "check-jsonschema is not installed: skipped (`pip install check-jsonschema`)."
            )

    large = []
    scaling_lint, scaling_report = [], []
    for factor in factors:
        path = corpus_dir / "large" / f"large-{factor}x.journey.yaml"
        large.append((factor, len(path.read_bytes().splitlines()), path.stat().st_size / 2**20))
        scaling_lint.append(
            Command(f"lint {factor}x", [*journey, "lint", str(path), *NO_LIMITS], ok_codes=(0, 1))
        )
        scaling_report.append(
            Command(
                f"report {factor}x",
                [*journey, "report", str(path), "--format", "json", *NO_LIMITS],
            )
        )

    memory = [
        Command(
            "journey lint (10 maps)", [*journey, "lint", *map(str, files[:10])], ok_codes=(0, 1)
        )
    ]
    return Plan(
        startup, throughput, scaling_lint, scaling_report, memory, len(files), lines, large, notes
    )


# ---------------------------------------------------------------- results


@dataclass
class Check:
    what: str
    value: float
    limit: float
    higher_is_better: bool = False

    @property
    def met(self) -> bool:
        return self.value >= self.limit if self.higher_is_better else self.value <= self.limit

    def verdict(self) -> str:
        return "met" if self.met else "NOT MET"


def by_name(commands: list[Command]) -> dict[str, Command]:
    return {c.name: c for c in commands}


def checks(plan: Plan) -> list[Check]:
    start = by_name(plan.startup)
    put = by_name(plan.throughput)
    base, lint = start["python -c 'import typer'"].seconds, put["journey lint"]
    floor = put["floor: CSafeLoader"].seconds
    found = [
        Check("journey --version / import typer", start["journey --version"].seconds / base, 1.3),
        Check(f"lint / CSafeLoader floor ({plan.maps:,} maps)", lint.seconds / floor, 1.0),
    ]
    for peer in ("yamllint", "check-jsonschema"):
        if peer in put:
            found.append(
                Check(
                    f"{peer} / lint", put[peer].seconds / lint.seconds, 10.0, higher_is_better=True
                )
            )
    for label, commands in (("lint", plan.scaling_lint), ("report", plan.scaling_report)):
        if len(commands) > 1:
            found.append(
                Check(
                    f"{label}: time({commands[-1].name.split()[-1]}) / time(1x)",
                    commands[-1].seconds / commands[0].seconds,
                    9.0 * int(commands[-1].name.split()[-1].rstrip("x")) / 8,
                )
            )
    ten = plan.memory[0].max_rss_mib
    found.append(Check("peak memory: lint of all maps / lint of 10", lint.max_rss_mib / ten, 1.2))
    return found


def unmet_notes(plan: Plan) -> list[str]:
    """What is known about a missed target, so the figures are read correctly."""
    notes = []
    for check in checks(plan):
        if check.met:
            continue
        if check.what.startswith("report"):
            notes.append(
                "report's funnel (`engine.funnel`) chains conversions as exact fractions; "
                "`Fraction(77.7)` is the exact binary float, so numerator and denominator "
                "gain some 20 digits per stage and each step costs more than the last "
                "(on the 8x map, `math.gcd` alone took most of the time). Rounding each "
                "reach to a fixed precision, or `Fraction(str(conversion))` plus rounding, "
                "makes it linear; pausing the collector around the analysis "
                "(`journeycli.core.gcpause.paused_gc`) removes the rest of the extra time."
            )
        elif check.what.startswith("lint / CSafeLoader"):
            notes.append("lint was slower than the floor in this run; see the figures above.")
    return notes


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def row(command: Command, ratio: float, name: str | None = None) -> list[str]:
    return [
        name or command.name,
        fmt_s(command.seconds),
        fmt_s(command.cpu),
        f"{ratio:.2f}x",
        f"{command.max_rss_mib:.0f} MiB",
    ]


def table(plan: Plan, runs: int) -> list[tuple[str, list[list[str]]]]:
    """Sections of rows: name, median wall time, median CPU time, ratio, peak memory."""
    start = plan.startup[0].seconds
    floor = plan.throughput[0].seconds
    sections = [
        (
            "Startup (ratio to `python -c 'import typer'`)",
            [row(c, c.seconds / start) for c in plan.startup],
        ),
        (
            f"Lint throughput: {plan.maps:,} maps of {plan.lines:.0f} lines on average "
            "(ratio to the floor)",
            [row(c, c.seconds / floor) for c in plan.throughput],
        ),
    ]
    for label, commands in (
        ("lint", plan.scaling_lint),
        ("report --format json", plan.scaling_report),
    ):
        first = commands[0].seconds
        rows = []
        for (_factor, lines, mib), c in zip(plan.large, commands, strict=True):
            rows.append(row(c, c.seconds / first, f"{c.name} ({lines:,} lines, {mib:.1f} MiB)"))
        sections.append((f"Scaling of {label} with map size (ratio to 1x)", rows))
    ten = plan.memory[0]
    lint = by_name(plan.throughput)["journey lint"]
    sections.append(
        (
            "Peak memory (ratio to 10 maps)",
            [
                row(ten, 1.0),
                row(lint, lint.max_rss_mib / ten.max_rss_mib, f"journey lint ({plan.maps:,} maps)"),
            ],
        )
    )
    return sections


def render_text(plan: Plan, runs: int) -> str:
    out = [f"journey benchmark: medians of {runs} interleaved run(s), whole processes", ""]
    for title, rows in table(plan, runs):
        out.append(title)
        width = max(len(r[0]) for r in rows)
        out.append(f"  {'':<{width}}  {'wall':>9}  {'cpu':>9}  {'ratio':>7}  {'memory':>8}")
        for name, secs, cpu, ratio, rss in rows:
            out.append(f"  {name:<{width}}  {secs:>9}  {cpu:>9}  {ratio:>7}  {rss:>8}")
        out.append("")
    out.append("Targets")
    for check in checks(plan):
        sign = ">=" if check.higher_is_better else "<="
        out.append(
            f"  {check.what:<45} {check.value:6.2f}  ({sign} {check.limit:g})  {check.verdict()}"
        )
    out.extend(f"note: {n}" for n in [*plan.notes, *unmet_notes(plan)])
    return "\n".join(out) + "\n"


def render_markdown(plan: Plan, runs: int, peer_runs: int, info: dict[str, str]) -> str:
    lines = [
        "# Performance",
        "",
        "journey runs on every commit, over repositories that can hold hundreds of maps, so it",
        "must never be the slow step. The bar is not other linters but the physical floor: how",
        "long PyYAML's C parser alone (`yaml.load(f, Loader=yaml.CSafeLoader)`) takes to read",
        "the same files in one Python process. These figures come from `python bench/run.py`.",
        "",
        "## Results",
        "",
        f"Measured on {info['date']}: {info['cpu']}, {info['nproc']} cores, {info['os']},",
        f"Python {info['python']}, PyYAML {info['pyyaml']}, {info['journey']}.",
        f"Every figure is the **median of {runs} interleaved runs** of a whole process (startup",
        f"included; the two peers: {peer_runs} runs each), timed from spawn to exit. The machine",
        "was shared with other work, so single runs vary by 10-20 %; interleaving spreads",
        "that noise over every command alike. Ratios are of the median wall-clock times; the",
        "CPU time (user + system of the process) is shown beside them as a steadier check.",
        "",
        "| Target | Measured | Limit | |",
        "|---|---:|---:|---|",
    ]
    for check in checks(plan):
        sign = ">=" if check.higher_is_better else "<="
        lines.append(
            f"| {check.what} | {check.value:.2f} | {sign} {check.limit:g} | {check.verdict()} |"
        )
    lines.append("")
    for title, rows in table(plan, runs):
        lines += [
            f"### {title}",
            "",
            "| Command | Median time | CPU time | Ratio | Peak memory |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {name} | {secs} | {cpu} | {ratio} | {rss} |" for name, secs, cpu, ratio, rss in rows
        ]
        lines.append("")
    notes = [*plan.notes, *unmet_notes(plan)]
    lines += [f"Note: {n}" for n in notes] + ([""] if notes else [])
    lines += METHOD.splitlines()
    return "\n".join(lines).rstrip() + "\n"


METHOD = """\
## What is measured

- **Corpus** (`bench/corpus.py`, seeded and deterministic, written to the git-ignored
  `bench/corpus/`): 1,000 maps of about 400 lines (5-9 stages, 3-8 touchpoints per stage,
  three personas, evidence, actions; English and Dutch text with accents). About half of
  the maps carry a few warnings, as in a real repository, so the reporting path is measured
  too. The large map has 500 stages of 20 touchpoints; its 2x, 4x and 8x versions have 2, 4
  and 8 times as many stages.
- **Floor** (`bench/floor.py`): one Python process that walks the corpus and loads every
  file with `yaml.load(f, Loader=yaml.CSafeLoader)`, and does nothing else.
- **journey lint** reads the same files, checks each against the schema with positions for
  every problem, runs every rule and prints the problems: more work than the floor, in no
  more time.
- **Peers**: `yamllint -f parsable DIR` (its default configuration) and
  `check-jsonschema --schemafile docs/journey.schema.json FILE...`; a peer that is not
  installed is skipped with a note.
- **Scaling**: `journey lint` and `journey report --format json` of the large map at each
  size, with `--max-file-size` and `--max-nodes` raised; time(8x) / time(1x) must stay at
  or below 9 (linear growth plus a margin). The startup cost is included, which favours
  the ratio a little; the table gives the absolute times.
- **Peak memory**: the maximum resident set size of the `journey lint` process, from
  `os.wait4` in a small launcher process that starts it (Linux counts the memory of the
  process that forks a child into the child's peak, so the benchmark cannot spawn it
  itself). lint keeps one map in memory at a time, so 1,000 maps
  need no more memory than 10.

## How journey reaches the floor

- **Instant startup**: `journey --version` is answered before Typer is imported
  (`python -X importtime -m journeycli --version` shows only journey's own two modules);
  the command modules import only Typer at module level, and pydantic, PyYAML, Jinja2 and
  Rich load inside the commands that use them. `journey lint PATH...` with no option skips
  Typer altogether (see "One map"). `--help` needs Rich to draw its panels, hence its cost.
- **One pass over the YAML events**: the loader drives libyaml's C event parser and builds
  the plain data and the position of every key and value in one iterative loop. Positions
  are the parser's own marks, turned into line and column only when a problem needs one;
  mapping keys are taken as text without being resolved. This is cheaper than PyYAML's own
  composer and constructor, which build a node tree first and then walk it again.
- **Validation once**: the Pydantic models are built once per process; each map is one
  `model_validate` call in pydantic-core.
- **No garbage collector in the hot path** (`journeycli.core.gcpause.paused_gc`): loading,
  validating and checking a map allocate many containers and keep them all, which makes
  Python's cyclic collector walk the growing map again and again; on the 8x map that cost
  more than the parse and grew faster than the file. Loaded data has no reference cycles
  (a recursive alias is E006), so reference counting frees it; lint pauses the collector
  for each file and lets it run between files, when the map is already gone. This took a
  fifth off linting the corpus and made loading the large maps linear.
- **Streaming**: each map is read, checked and dropped before the next; only its problems
  are kept, as plain text once written in the map's language (the catalogue template with
  its quoted values is dropped), and the text format writes them line by line. Memory
  grows with the number of problems, not of maps: the corpus's 11,820 warnings cost about
  4 MiB. A process pool was not needed: one core is under the floor, and a pool would
  add start-up cost and memory for every run above its threshold.
- **A short hot path in validation**: the field checks that run for every value (text,
  whole numbers, the `x-` keys of every item) return at once for the common case, so the
  Python calls Pydantic makes per value cost as little as possible.

## How to reproduce

```console
pip install -e '.[test]'          # journey, yamllint's peer check-jsonschema, ...
pip install yamllint              # the other peer (optional: skipped when absent)
python bench/run.py               # about 10 minutes; rewrites docs/performance.md
python bench/run.py --runs 3 --no-peers --output /tmp/perf.md   # a faster look
python bench/run.py --quick       # what CI runs: small corpus, one run, nothing written
python bench/single.py            # one map, side by side with yamllint ("One map")
python bench/imports.py           # the import budget of `journey lint` on one map
```

The quick mode only proves that the benchmark still works; no test asserts a timing, as
timings on shared CI machines are noise.
"""


def one_map_section(doc: Path) -> str:
    """The "One map" section of `doc`, kept as it is: bench/single.py measures it, not this."""
    try:
        text = doc.read_text(encoding="utf-8")
    except OSError:
        return ""
    start = text.find("\n## One map")
    return text[start:] if start >= 0 else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark journey (see docs/performance.md).")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small corpus, one run, no peers; writes no docs unless --output",
    )
    parser.add_argument("--runs", type=int, default=None, help="runs per command (default 5)")
    parser.add_argument("--peer-runs", type=int, default=3, help="runs of the slow peers")
    parser.add_argument("--no-peers", action="store_true", help="skip yamllint, check-jsonschema")
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="where the corpus is generated (default bench/corpus; --quick: a temporary directory)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="the Markdown report (default docs/performance.md; --quick: none)",
    )
    args = parser.parse_args(argv)

    quick = args.quick
    runs = args.runs or (1 if quick else 5)
    peers = not (quick or args.no_peers)
    output = args.output if (args.output or quick) else DOC

    def say(message: str) -> None:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()

    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp:
        work = args.work or (Path(tmp) if quick else corpus.DEFAULT_DIR)
        if quick:
            corpus.generate(work, maps=20, large_stages=10, large_touchpoints=5)
        else:
            corpus.generate(work)
        say(f"corpus ready in {work}")
        plan = make_plan(work, peers, min(args.peer_runs, runs), corpus.LARGE_FACTORS)
        say(f"measuring {len(plan.all())} commands, {runs} interleaved run(s) ...")
        try:
            measure(plan.all(), runs, ROOT, warmup=not quick, say=say)
        except BenchError as exc:
            say(f"bench: error: {exc}")
            return 1
    if quick:
        sys.stdout.write("quick mode: a check that the benchmark works; the figures mean nothing\n")
    sys.stdout.write(render_text(plan, runs))
    if output is not None:
        markdown = render_markdown(plan, runs, min(args.peer_runs, runs), machine())
        output.write_text(markdown + one_map_section(DOC), encoding="utf-8")
        say(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
