"""The import budget of one command: which top-level import costs what.

    python bench/imports.py                      # journey lint on the Dutch example
    python bench/imports.py report examples/hypotheek.journey.yaml

Runs the command under `python -X importtime` several times and prints the
median time spent executing the modules of each package (the "self" column
of importtime, summed per package; journey's own modules one by one, the
standard library as one line), largest first. The table in
docs/performance.md ("Import budget") comes from here.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ["lint", "examples/hypotheek.journey.yaml"]  # relative to ROOT, the cwd


def group(name: str) -> str:
    """The line of the budget a module belongs to."""
    top = name.split(".", 1)[0]
    if top == "journeycli":
        return name
    if top in ("pydantic_core", "typing_extensions", "annotated_types", "typing_inspection"):
        return "pydantic (with pydantic_core, typing_extensions, ...)"
    if top == "pydantic":
        return "pydantic (with pydantic_core, typing_extensions, ...)"
    if top in sys.stdlib_module_names or top.startswith("_"):
        return "standard library"
    return top


def budget(stderr: str) -> dict[str, int]:
    """Microseconds spent in the modules of each group (`import time: self | cum | name`)."""
    costs: dict[str, int] = defaultdict(int)
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        costs[group(name.strip())] += int(own)
    return costs


def main(argv: list[str]) -> int:
    command = argv or DEFAULT
    runs = 7
    samples: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "journeycli", *command],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        for name, micros in budget(proc.stderr).items():
            samples[name].append(micros)
    rows = sorted(
        ((float(statistics.median(v + [0] * (runs - len(v)))), k) for k, v in samples.items()),
        reverse=True,
    )
    total = sum(m for m, _ in rows) or 1.0
    sys.stdout.write(f"`journey {' '.join(command)}`, median of {runs} runs\n\n")
    sys.stdout.write("| Modules | Time | Share |\n|---|---:|---:|\n")
    for cost, name in rows:
        if cost >= 0.01 * total:
            sys.stdout.write(f"| {name} | {cost / 1000:.0f} ms | {cost / total:.0%} |\n")
    rest = sum(m for m, _ in rows if m < 0.01 * total) or 0.0
    sys.stdout.write(f"| everything else | {rest / 1000:.0f} ms | {rest / total:.0%} |\n")
    sys.stdout.write(f"| **all imports** | {total / 1000:.0f} ms | 100% |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
