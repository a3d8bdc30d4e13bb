"""The default-id rule of docs/format.md: `Oriëntatie` -> `orientatie`.

Kept apart because the model (default ids), the scaffolder (ids for
`--stages`/`--persona`) and the importers (ids for Mermaid sections and
actors) must all agree on it.
"""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not decompose into ASCII but that people expect folded.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
    }
)


def slugify(text: str) -> str:
    """Fold to ASCII, lower-case, and turn runs of other characters into `-`.

    Returns an empty string when nothing slug-worthy is left (e.g. a name of
    only emoji); callers decide on a fallback.
    """
    folded = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub("-", ascii_text).strip("-")


def is_slug(text: str) -> bool:
    return bool(_SLUG_RE.match(text))


def unique_slug(
    text: str, taken: set[str], fallback: str = "item", next_suffix: dict[str, int] | None = None
) -> str:
    """A slug of `text` not yet in `taken` (suffixing -2, -3, ...); adds it to `taken`.

    Pass one `next_suffix` dict across calls when many names may repeat (an
    import): each base slug then remembers where its suffixes got to, so n
    equal names cost n steps instead of n²/2 (80,000 equal CSV rows took
    minutes). `taken` only grows, so a skipped suffix never frees up and the
    ids are the same as without it.
    """
    base = slugify(text) or fallback
    candidate = base
    if candidate in taken:
        n = next_suffix.get(base, 2) if next_suffix is not None else 2
        candidate = f"{base}-{n}"
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        if next_suffix is not None:
            next_suffix[base] = n + 1
    taken.add(candidate)
    return candidate
