"""E006: the file exceeds a resource limit (size, depth, alias expansion)."""

from journeycli.lint.rules.base import Rule
from journeycli.problems import Severity

RULE = Rule(
    code="E006",
    name="resource-limit",
    severity=Severity.ERROR,
    summary="File size, nesting depth, or the size with every alias expanded is over the limit.",
    why="Maps arrive in pull requests from anyone; a 'billion laughs' alias bomb or a huge "
    "file must fail fast instead of stalling CI. The defaults let any real map through.",
    bad="a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# ...\n",
    good="personas: &everyone [starter, mover]\n",
)
