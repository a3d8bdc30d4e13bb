"""Shell-completion callbacks for options whose values come from data, not from an Enum.

Typer completes Enum options (formats, languages) by itself; these callbacks add
template names, rule codes and the persona ids of the map on the command line.
They run while the user presses TAB, so they import lazily, read as little as
they can, and answer an empty list rather than raise: a completion that fails
must never print a traceback into the user's prompt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

# A completion reads at most this much of a map: enough for any real map's personas.
_MAX_READ = 4 * 1024 * 1024


def template_names(incomplete: str) -> list[tuple[str, str]]:
    """`journey new --template`: the shipped templates with their one-line description."""
    try:
        from journeycli.scaffold.run import list_templates

        rows = list_templates("en")
    except Exception:
        return []
    return [(name, help_) for name, help_ in rows if name.startswith(incomplete)]


def rule_codes(incomplete: str) -> list[tuple[str, str]]:
    """`journey lint --select/--ignore/--explain`: rule codes with their summary.

    A comma-separated value completes its last part: `W101,W1` offers `W101,W102`, ...
    """
    try:
        from journeycli.core.rules import RULES
    except Exception:
        return []
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [
        (prefix + code, rule.summary)
        for code, rule in RULES.items()
        if code.startswith(last.upper())
    ]


def persona_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`--persona`: the ids of the personas of the first map named on the command line.

    While Click resolves a completion it leaves a list argument (`paths`) unset and
    keeps the words in `ctx.args`, so both places are searched.
    """
    for candidate in _paths(ctx.params, ctx.args):
        found = _personas_in(candidate)
        if found:
            return [(pid, name) for pid, name in found if pid.startswith(incomplete)]
    return []


def _paths(params: dict[str, Any], words: list[str]) -> list[str]:
    paths: list[str] = []
    for key in ("paths", "path"):
        value = params.get(key)
        if isinstance(value, str):
            paths.append(value)
        elif isinstance(value, list | tuple):
            paths.extend(str(v) for v in value)
    paths.extend(word for word in words if not word.startswith("-"))
    return [p for p in dict.fromkeys(paths) if p != "-"]


def _personas_in(path: str) -> list[tuple[str, str]]:
    """(id, name) of each persona, ids defaulting to the slug of the name as in the model."""
    try:
        from journeycli.core.loader import load_document  # the one reader of YAML text
        from journeycli.core.slug import slugify

        file = Path(path)
        if not file.is_file() or file.stat().st_size > _MAX_READ:
            return []
        data = load_document(file.read_bytes(), path).data
        personas = data.get("personas") if isinstance(data, dict) else None
        found = []
        for persona in personas if isinstance(personas, list) else []:
            if not isinstance(persona, dict):
                continue
            name = str(persona.get("name") or "")
            pid = persona.get("id") or slugify(name)
            if isinstance(pid, str) and pid:
                found.append((pid, name))
        return found
    except Exception:
        return []
