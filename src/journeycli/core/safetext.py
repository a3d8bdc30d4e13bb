"""Text from outside the map, made inert for every output: one function, every format.

A map's own text is validated (E003 refuses control and bidi characters),
but file names, git commit subjects, revision names and a template's output
are not map text. A name such as `a<ESC>]52;c;...<BEL>.journey.yaml` would
set the reader's clipboard when `journey diff` prints it (OSC 52), `<ESC>]8;;`
would plant a link, `<ESC>[2J` would clear the screen, and a right-to-left
override would make a file name read backwards in review (Trojan Source).

`escape_controls` writes each such character as a visible escape (`\\x1b`,
`\\u202e`), the way Python's `repr` does, so the text stays readable and one
line, and the same on a terminal, in Markdown, HTML, JSON and SARIF. A byte
of a file name that is not UTF-8 (Python's surrogateescape, U+DC80-U+DCFF)
becomes `\\xNN`, its byte, so JSON and SARIF stay valid (docs/security.md,
"Output that lands somewhere trusted").
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, the line and paragraph separators, bidi embeddings,
# overrides and isolates, and lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(character: str) -> str:
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return {"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(character, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def escape_controls(text: str, keep: str = "") -> str:
    """`text` with every control, bidi and undecodable character written as an escape.

    `keep` names characters to leave as they are where the format allows them
    (`"\\n\\t"` for multi-line text); a file name or a commit subject keeps none.
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m.group(0) if m.group(0) in keep else _escape(m.group(0)), text)


_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_safe(text: str) -> str:
    """Serialised JSON with the characters JSON leaves raw (C1, bidi, separators) as `\\uXXXX`.

    `json.dumps(..., ensure_ascii=False)` escapes C0 controls but writes
    U+0080-U+009F and U+202E as they are; the same data written as `\\u`
    escapes is still the same JSON, and inert when the file is shown in a
    terminal. Run it on the serialised text, not on the data.
    """
    return _JSON_RAW.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if 0xD800 <= code <= 0xDFFF:  # never valid in UTF-8: the escaped byte, as text
        return _escape(match.group(0)).replace("\\", "\\\\")
    return f"\\u{code:04x}"
