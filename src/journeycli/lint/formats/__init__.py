"""Reporters looked up by name: one output format, one class."""

from __future__ import annotations

from journeycli.lint.reporters.base import Reporter
from journeycli.lint.reporters.github import GithubReporter
from journeycli.lint.reporters.json import JsonReporter
from journeycli.lint.reporters.sarif import SarifReporter
from journeycli.lint.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}

__all__ = ["REPORTERS", "Reporter"]
