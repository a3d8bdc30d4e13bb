#!/usr/bin/env bash
# Refresh the lock, .ci/constraints.txt: the newest release of every runtime and test
# dependency (and of theirs), pinned with ==. One command, from anywhere in the checkout:
#
#   bash .ci/lock.sh
#
# It installs '.[test]' unpinned into a throw-away venv made with the same `python3`
# that .ci/run uses (set PYTHON to use another), and writes what pip resolved. Commit the
# result with the change that needed it; .ci/run installs exactly this set and fails when
# the environment differs from it (a dependency added to pyproject.toml without a refresh).
set -euo pipefail
cd "$(dirname "$0")/.."

export PIP_DISABLE_PIP_VERSION_CHECK=1
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
# Editable, so that `pip freeze --exclude-editable` leaves journeycli itself out.
"$work/venv/bin/python" -m pip install -q -e '.[test]'
{
  echo "# The lock: every runtime and test dependency of journeycli, pinned (see CONTRIBUTING.md)."
  echo "# Made by \`bash .ci/lock.sh\` with $("$work/venv/bin/python" --version); do not edit by hand."
  "$work/venv/bin/python" -m pip freeze --exclude-editable
} > "$work/constraints.txt"
mv "$work/constraints.txt" .ci/constraints.txt
echo "wrote .ci/constraints.txt ($(grep -vc '^#' .ci/constraints.txt) pinned distributions)"
