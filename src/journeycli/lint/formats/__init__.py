"""Reporters looked up by name: one output format, one class."""

from __future__ import annotations

from journeycli.lint.formats.base import Reporter
from journeycli.lint.formats.github import GithubReporter
from journeycli.lint.formats.json import JsonReporter
from journeycli.lint.formats.sarif import SarifReporter
from journeycli.lint.formats.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}

__all__ = ["REPORTERS", "Reporter"]
