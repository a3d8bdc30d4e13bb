"""E001: the file cannot be read as one YAML mapping."""

from journeycli.core.problems import Code, Severity
from journeycli.core.rules.base import Rule

RULE = Rule(
    code=Code.E001,
    name="invalid-file",
    severity=Severity.ERROR,
    summary="Not valid YAML, not UTF-8, empty, more than one document, or not a mapping.",
    why=(
        "Nothing else can be checked until the file reads as one YAML mapping. A file that one "
        "tool reads and another rejects, or that holds two documents of which only the first is"
        " used, makes reviewers, editors and CI disagree about what the map says."
    ),
    bad=("version: 1\ntitle: Hypotheek\nstages: [Oriëntatie, Aankoop\n"),
    good=("version: 1\ntitle: Hypotheek\nstages:\n  - name: Oriëntatie\n  - name: Aankoop\n"),
)
