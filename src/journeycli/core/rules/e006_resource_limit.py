"""E006: the file exceeds a resource limit (size, depth, alias expansion, stages, touchpoints)."""

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Rule

RULE = Rule(
    code=Code.E006,
    name="resource-limit",
    severity=Severity.ERROR,
    summary=(
        "File size, nesting depth, the size with every alias expanded, or the number of "
        "stages or touchpoints is over the limit."
    ),
    why=(
        "Maps arrive in pull requests from anyone. A 'billion laughs' alias bomb (a few lines "
        "that expand to millions of nodes), one large value repeated by a thousand aliases (a "
        "gigabyte in every report), a file nested a thousand levels deep or a huge file"
        " must fail fast instead of stalling CI. The defaults let any real map through; raise "
        "them with --max-file-size, --max-depth, --max-nodes, --max-expanded-size, "
        "--max-stages and --max-touchpoints, or with the keys of the same names in "
        "[tool.journey] (docs/security.md)."
    ),
    bad=(
        "version: 1\n"
        "title: Hypotheek\n"
        "x-a: &a [x, x, x, x, x, x, x, x, x]\n"
        "x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "x-f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "x-g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
    ),
    good=(
        "version: 1\n"
        "title: Hypotheek\n"
        "personas:\n"
        "  - name: Sanne\n"
        "  - name: Mark\n"
        "stages:\n"
        "  - name: Oriëntatie\n"
        "    touchpoints:\n"
        "      - name: Rentecalculator\n"
        "        personas: &everyone [sanne, mark]\n"
        "      - name: Adviesgesprek\n"
        "        personas: *everyone\n"
    ),
)
