"""What a rule is: a code, a name, why it matters, and a pure check.

Like yamllint's rule modules, a check is a pure function of its input that
yields findings; it never prints and never knows about line numbers. The
runner turns a finding's location in the data into a line and column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from journeycli.core.loader import Loc
from journeycli.core.model import JourneyMap
from journeycli.core.problems import Severity
from journeycli.core.scoring import DEFAULT_GAP_THRESHOLD


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict about one place in the map (`at_key`: point at the key)."""

    loc: Loc
    message: str
    at_key: bool = False


@dataclass(frozen=True, slots=True)
class RuleContext:
    journey: JourneyMap
    gap_threshold: int = DEFAULT_GAP_THRESHOLD


Check = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One lint rule.

    `check` is None for the codes the loader and validation produce
    (E001-E003, E006): they are registered for their descriptions (SARIF,
    `--explain`, docs) but found while reading the file.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    bad: str = ""
    good: str = ""
    check: Check | None = None
