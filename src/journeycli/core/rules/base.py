"""What a rule is: a code, a name, why it matters, and a pure check.

Like yamllint's rule modules, a check is a pure function of its input that
yields findings; it never prints and never knows about line numbers. The
runner turns a finding's location in the data into a line and column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from journeycli.core.dates import DEFAULT_EVIDENCE_MAX_AGE, reference_date
from journeycli.core.document import Loc
from journeycli.core.model import JourneyMap
from journeycli.core.problems import Code, Severity
from journeycli.core.scoring import DEFAULT_GAP_THRESHOLD


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict about one place in the map (`at_key`: point at the key)."""

    loc: Loc
    message: str
    at_key: bool = False


@dataclass(frozen=True, slots=True)
class RuleContext:
    """The map and the settings the rules judge it by (docs/lint.md, "Configuration")."""

    journey: JourneyMap
    gap_threshold: int = DEFAULT_GAP_THRESHOLD
    today: dt.date = field(default_factory=reference_date)  # the reference date
    evidence_max_age: int = DEFAULT_EVIDENCE_MAX_AGE  # months


Check = Callable[[RuleContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """One lint rule.

    `check` is None for the codes the loader and validation produce
    (E001, E002, E006): they are registered for their descriptions (SARIF,
    `--explain`, docs) but found while reading the file. E003 is found there
    too, except the one check that needs the reference date (a future
    evidence date), which its rule module runs.
    """

    code: Code
    name: str
    severity: Severity
    summary: str
    why: str
    bad: str = ""
    good: str = ""
    check: Check | None = None
