"""A SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers.

Every rule of the registry is described in `tool.driver.rules` (id, name,
short and full description, help as text and Markdown, default level), so a
viewer can explain a result without knowing journey; each result points at
its rule by `ruleId` and `ruleIndex`. File URIs are relative to the working
directory (`uriBaseId` `%SRCROOT%`), percent-encoded, with `/`; standard input
is reported as the placeholder `stdin`. Columns count Unicode code points,
as the loader does, which the log says with `columnKind`. No timestamps or
absolute paths: the same input gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from journeycli import __version__
from journeycli.core.problems import Problem
from journeycli.core.rules import RULES, Rule
from journeycli.lint.explain import rule_markdown, rule_text
from journeycli.lint.formats.location import file_uri, is_stdin
from journeycli.lint.run import LintResult

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://example.invalid/journeycli"
SRCROOT = "%SRCROOT%"
RULE_INDEX = {code: index for index, code in enumerate(RULES)}


def _descriptor(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} {rule.why}"},
        "help": {"text": rule_text(rule), "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"tags": ["journey-map", rule.severity.value]},
    }


def _location(problem: Problem) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": file_uri(problem.path)}
    if is_stdin(problem.path):
        artifact["description"] = {"text": "standard input"}
    else:
        artifact["uriBaseId"] = SRCROOT
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": problem.line, "startColumn": problem.column},
        }
    }


def _result(problem: Problem) -> dict[str, Any]:
    return {
        "ruleId": problem.code,
        "ruleIndex": RULE_INDEX[problem.code],
        "level": problem.severity.value,
        "message": {"text": problem.message},
        "locations": [_location(problem)],
    }


def sarif_log(result: LintResult) -> dict[str, Any]:
    """The whole log as plain data (one run, every rule, one result per problem)."""
    driver = {
        "name": "journey",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(rule) for rule in RULES.values()],
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_result(problem) for problem in result.problems],
            }
        ],
    }


def write(result: LintResult, stream: TextIO) -> None:
    json.dump(sarif_log(result), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
