"""The physical floor: PyYAML's C loader alone reading every map, in one process.

`python bench/floor.py DIR` loads every `*.journey.yaml` under DIR with
`yaml.load(f, Loader=yaml.CSafeLoader)` and nothing else: no validation, no
rules, no output. `journey lint` does all of that on the same files, so the
time of this script is the bar lint is measured against.
"""

from __future__ import annotations

import os
import sys

import yaml


def main(roots: list[str]) -> int:
    count = 0
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith((".journey.yaml", ".journey.yml")):
                    with open(os.path.join(dirpath, name), "rb") as handle:  # noqa: PTH118, PTH123
                        yaml.load(handle, Loader=yaml.CSafeLoader)
                    count += 1
    sys.stdout.write(f"{count} files loaded\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
