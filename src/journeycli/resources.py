"""Alias of `journeycli.templates` (the home of `template_dir()`), kept for callers that
import it from here; new code should import `journeycli.templates.template_dir`."""

from __future__ import annotations

from journeycli.templates import template_dir

__all__ = ["template_dir"]
