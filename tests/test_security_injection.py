"""Every injection class of docs/security.md: a hostile payload in a map arrives inert.

The maps are written as JSON (JSON is YAML), so the payloads reach journey
byte for byte, without YAML quoting in the way. Each output is checked with
a real parser of its format (html.parser, markdown-it, json, csv), never by
searching for a string alone.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
STYLE_BREAK = "</style><script>alert(2)</script>"
MD_ROW = "Innocent | 100 | 0 | 100 |\n| Fake row"
MD_LINK = "[click me](javascript:alert(1))"
MD_IMAGE = "![x](https://evil.example/pixel.png)"
MD_HTML = "<img src=x onerror=alert(1)><!-- hidden -->"
FORMULAS = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "'=already quoted",
]


def hostile_map(**names: str) -> dict[str, Any]:
    """A valid map whose texts are the given payloads (stage, touchpoint, persona, ...)."""
    stage, touchpoint = names.get("stage", "Stage"), names.get("touchpoint", "Touchpoint")
    return {
        "version": 1,
        "title": names.get("title", "Title"),
        "language": "en",
        "description": names.get("description", "A map."),
        "personas": [{"id": "p", "name": names.get("persona", "Persona")}],
        "principles": [names.get("principle", "Keep promises.")],
        "stages": [
            {
                "id": "s1",
                "name": stage,
                "relevance": 90,
                "presence": 10,
                "customer_goal": names.get("goal", "Goal"),
                "questions": [names.get("question", "Why?")],
                "evidence": [{"type": "analytics", "source": names.get("source", "Dashboard")}],
                "opportunities": [names.get("opportunity", "Do better")],
                "touchpoints": [
                    {
                        "id": "t1",
                        "name": touchpoint,
                        "critical": True,
                        "experience": 1,
                        "personas": ["p"],
                        "channel": names.get("channel", "web"),
                        "owner": names.get("owner", "team"),
                    }
                ],
                "actions": [
                    {
                        "action": names.get("action", "Fix it"),
                        "owner": "team",
                        "channel": names.get("channel", "web"),
                        "horizon": "now",
                        "touchpoint": "t1",
                    }
                ],
            },
            {
                "id": "s2",
                "name": "Second",
                "relevance": 50,
                "presence": 45,
                "evidence": [{"type": "survey", "source": "Survey"}],
            },
        ],
    }


def write_map(tmp_path: Path, data: dict[str, Any], name: str = "m.journey.yaml") -> Path:
    """The map as JSON; a control character goes in as a `\\u` escape, as YAML requires."""
    text = json.dumps(data, ensure_ascii=False)
    text = "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cc" and c not in "\t" else c for c in text
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- HTML ----------------------------------------------------------------------------------


class _Elements(HTMLParser):
    """Every start tag with its attributes, and all text, as a browser would tokenise them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> _Elements:
    parser = _Elements()
    parser.feed(text)
    parser.close()
    return parser


@pytest.mark.parametrize("payload", [SCRIPT, ATTRIBUTE, STYLE_BREAK])
def test_html_report_shows_markup_in_names_as_text(cli: Any, tmp_path: Path, payload: str) -> None:
    path = write_map(
        tmp_path,
        hostile_map(
            stage=payload,
            touchpoint=payload,
            persona=payload,
            title=payload,
            action=payload,
            source=payload,
        ),
    )
    result = cli(["report", path, "--format", "html"])
    assert result.code == 0, result.err
    page = parse_html(result.out)
    assert not [tag for tag, _ in page.tags if tag in ("script", "img", "iframe", "object")]
    handlers = [name for _, attrs in page.tags for name, _ in attrs if name.startswith("on")]
    assert handlers == []
    assert any(payload in chunk for chunk in page.text), "the payload is shown as text"


def test_user_template_for_html_is_autoescaped(cli: Any, tmp_path: Path) -> None:
    path = write_map(tmp_path, hostile_map(stage=SCRIPT))
    template = tmp_path / "mine.html"
    template.write_text("<ul>{% for s in stages %}<li>{{ s.name }}</li>{% endfor %}</ul>\n")
    result = cli(["report", path, "--template", template])
    assert result.code == 0, result.err
    assert [tag for tag, _ in parse_html(result.out).tags] == ["ul", "li", "li"]
    assert "&lt;script&gt;" in result.out


# --- Markdown (pull-request comments) ------------------------------------------------------


def markdown_tokens(text: str) -> list[Any]:
    parser = MarkdownIt("commonmark").enable("table")
    tokens = []
    for token in parser.parse(text):
        tokens.append(token)
        tokens.extend(token.children or [])
    return tokens


def assert_inert(tokens: list[Any]) -> None:
    """No image, no raw HTML; a link only as an autolink of a visible http(s)/mail address.

    (A URL in map text is made an autolink on purpose, as GitHub would anyway.)
    """
    kinds = {t.type for t in tokens}
    assert not kinds & {"image", "html_inline", "html_block"}, kinds
    for token in tokens:
        if token.type == "link_open":
            assert token.markup in ("autolink", "linkify"), token
            assert str(token.attrs["href"]).startswith(("https://", "http://", "mailto:"))


def _table_rows(tokens: list[Any]) -> int:
    return sum(1 for t in tokens if t.type == "tr_open")


@pytest.mark.parametrize("payload", [MD_ROW, MD_LINK, MD_IMAGE, MD_HTML])
def test_markdown_report_keeps_names_inert(cli: Any, tmp_path: Path, payload: str) -> None:
    clean = cli(
        ["report", write_map(tmp_path, hostile_map(), "clean.journey.yaml"), "--format", "md"]
    )
    hostile = cli(
        [
            "report",
            write_map(
                tmp_path,
                hostile_map(
                    stage=payload,
                    touchpoint=payload,
                    action=payload,
                    title=payload,
                    persona=payload,
                    opportunity=payload,
                    owner=payload,
                    channel=payload,
                ),
            ),
            "--format",
            "md",
        ]
    )
    assert hostile.code == 0, hostile.err
    tokens = markdown_tokens(hostile.out)
    assert_inert(tokens)
    assert _table_rows(tokens) == _table_rows(markdown_tokens(clean.out)), "no extra table row"


@pytest.mark.parametrize("payload", [MD_ROW, MD_LINK, MD_HTML])
def test_markdown_diff_keeps_names_inert(cli: Any, tmp_path: Path, payload: str) -> None:
    old = write_map(tmp_path, hostile_map(), "old.journey.yaml")
    changed = hostile_map(stage=payload, touchpoint=payload)
    changed["stages"][0]["presence"] = 60
    changed["stages"].append({"id": "s3", "name": payload})
    new = write_map(tmp_path, changed, "new.journey.yaml")
    result = cli(["diff", old, new, "--format", "md"])
    assert result.code == 0, result.err
    assert_inert(markdown_tokens(result.out))


# --- GitHub annotations and SARIF ----------------------------------------------------------

# A key is echoed in its E003 message: the easiest way to put text into a lint message.
ANNOTATION_KEY = "x\n::error file=/etc/passwd,line=1::pwned %0A"


def _unknown_key_map(tmp_path: Path, name: str = "m.journey.yaml") -> Path:
    data = hostile_map()
    data["stages"][0][ANNOTATION_KEY] = 1
    return write_map(tmp_path, data, name)


def test_github_annotations_cannot_inject_a_command(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    weird = tmp_path / "a,b:c"
    weird.mkdir()
    _unknown_key_map(weird)
    result = cli(["lint", "--format", "github", "--select", "E"])
    assert result.code == 1
    lines = result.out.splitlines()
    assert len(lines) == 1, lines  # one problem, one workflow command
    assert lines[0].startswith("::error file=a%2Cb%3Ac/m.journey.yaml,line=")
    assert "\n::error file=/etc/passwd" not in result.out
    assert "%0A::error file=/etc/passwd" in lines[0]  # the newline arrives escaped
    assert "%250A" in lines[0]  # and a literal %0A cannot be mistaken for one


def test_sarif_carries_hostile_text_as_data(cli: Any, tmp_path: Path) -> None:
    path = _unknown_key_map(tmp_path)
    result = cli(["lint", "--format", "sarif", "--select", "E", path])
    assert result.code == 1
    log = json.loads(result.out)
    messages = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert len(messages) == 1 and ANNOTATION_KEY in messages[0]


def test_lint_text_output_is_one_line_per_problem(cli: Any, tmp_path: Path) -> None:
    result = cli(["lint", "--select", "E", _unknown_key_map(tmp_path)])
    problem_lines = [line for line in result.out.splitlines() if ": E003 " in line]
    assert len(problem_lines) == 1
    assert not any(line.startswith("::error") for line in result.out.splitlines())


# --- CSV (spreadsheets) --------------------------------------------------------------------


@pytest.mark.parametrize("payload", FORMULAS)
def test_csv_export_neutralises_formulas(cli: Any, tmp_path: Path, payload: str) -> None:
    data = hostile_map(stage=payload, touchpoint=payload, channel=payload, owner=payload)
    data["personas"][0]["name"] = "P"
    path = write_map(tmp_path, data)
    result = cli(["export", path, "--to", "csv"])
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    cells = [
        row[column]
        for row in rows[:1]
        for column in ("stage_name", "touchpoint", "channel", "owner")
    ]
    for cell in cells:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
        assert cell.startswith("'")
    # ...and the import takes exactly that quote off again: nothing is lost.
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text(result.out, encoding="utf-8")
    back = cli(["import", csv_file])
    assert back.code == 0, back.err
    out = tmp_path / "back.journey.yaml"
    out.write_text(back.out, encoding="utf-8")
    exported = cli(["export", out, "--to", "json"])
    stage = json.loads(exported.out)["stages"][0]
    assert stage["name"] == payload.strip() or stage["name"] == payload


# --- Mermaid -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    ["a: 5: Evil", "b # comment", "c\nsection Injected", "%% hidden", "title Hijack", "d;e"],
)
def test_mermaid_export_keeps_structure(cli: Any, tmp_path: Path, payload: str) -> None:
    path = write_map(tmp_path, hostile_map(stage=payload, touchpoint=payload, persona=payload))
    result = cli(["export", path, "--to", "mermaid"])
    assert result.code == 0, result.err
    sections = [line for line in result.out.splitlines() if line.strip().startswith("section ")]
    assert len(sections) == 2
    diagram = tmp_path / "d.mmd"
    diagram.write_text(result.out, encoding="utf-8")
    back = cli(["import", diagram, "--from", "mermaid"])
    assert back.code == 0, back.err
    yaml_path = tmp_path / "back.journey.yaml"
    yaml_path.write_text(back.out, encoding="utf-8")
    data = json.loads(cli(["export", yaml_path, "--to", "json"]).out)
    assert len(data["stages"]) == 2
    assert sum(len(s.get("touchpoints", [])) for s in data["stages"]) == 1


# --- Terminal: control characters, bidi overrides, Rich markup -----------------------------


@pytest.mark.parametrize(
    ("escape", "code_point"),
    [
        ("\u001b[2J\u001b[31m", "U+001B"),
        ("\u001b]8;;https://evil.example\u0007", "U+001B"),
        ("\u009b31m", "U+009B"),
        ("\u0000", "U+0000"),
        ("\u007f", "U+007F"),
        ("admin\u202e\u2066txt.exe", "U+202E"),
        ("\u2067isolate", "U+2067"),
    ],
)
def test_control_and_bidi_characters_are_refused_at_their_position(
    cli: Any, tmp_path: Path, escape: str, code_point: str
) -> None:
    data = hostile_map(touchpoint=f"Call {escape}")
    path = write_map(tmp_path, data)
    text = path.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Call " in row)
    result = cli(["lint", path, "--select", "E"])
    assert result.code == 1
    assert f"E003 stages[0].touchpoints[0].name: text contains {code_point}" in result.out
    assert f"{path}:{line}:" in result.out
    assert escape not in result.out + result.err
    for command in (["report", path], ["export", path, "--to", "csv"]):
        refused = cli(command)
        assert refused.code == 1 and refused.out == "", command
        assert "\u001b" not in refused.err and "\u202e" not in refused.err


def test_a_raw_control_character_is_e001_at_its_position(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "raw.journey.yaml"
    path.write_bytes(b"version: 1\ntitle: ab\x7fc\nstages: [{name: S}]\n")
    result = cli(["lint", path])
    assert result.code == 1
    assert f"{path}:2:10: E001 not valid YAML: the character U+007F is not allowed" in result.out


def test_plain_tabs_newlines_and_rtl_text_are_fine(cli: Any, tmp_path: Path) -> None:
    data = hostile_map(
        stage="שלום עולם",
        touchpoint="مرحبا \u200fbij\u200e de balie",
        description="Line one\nline\ttwo",
    )
    result = cli(["lint", write_map(tmp_path, data), "--select", "E"])
    assert result.code == 0, result.out


def test_bidi_in_a_key_is_refused_too(cli: Any, tmp_path: Path) -> None:
    data = hostile_map()
    data["x-\u202enote"] = "hidden"
    result = cli(["lint", write_map(tmp_path, data), "--select", "E"])
    assert result.code == 1 and "key contains U+202E" in result.out


def test_rich_markup_in_names_is_printed_literally(cli: Any, tmp_path: Path) -> None:
    payload = "[bold red]boom[/bold red] [link=https://evil.example]x[/link] [/]"
    path = write_map(tmp_path, hostile_map(stage="Aa " + payload))
    result = cli(["report", path, "--format", "terminal"])
    assert result.code == 0, result.err
    flat = " ".join(result.out.split())
    assert "[bold red]boom" in flat and "[/bold" in flat
    assert "\u001b" not in result.out


# --- Path-like ids and names ---------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "/abs", "a/b", "..", "C:\\x", "a b"])
def test_path_like_ids_are_refused(cli: Any, tmp_path: Path, bad_id: str) -> None:
    data = hostile_map()
    data["stages"][0]["id"] = bad_id
    result = cli(["lint", write_map(tmp_path, data), "--select", "E"])
    assert result.code == 1 and "is not a valid id" in result.out


def test_path_like_names_never_become_files(cli: Any, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    path = write_map(
        work, hostile_map(stage="../../escape", touchpoint="/tmp/x", title="../../../title")
    )
    before = sorted(p.name for p in tmp_path.rglob("*"))
    for args in (
        ["report", path, "-o", work / "r.html"],
        ["report", path, "-o", work / "r.md"],
        ["export", path, "-o", work / "r.csv"],
        ["export", path, "-o", work / "r.mmd"],
    ):
        assert cli(args).code == 0
    after = sorted(p.name for p in tmp_path.rglob("*"))
    assert sorted(set(after) - set(before)) == ["r.csv", "r.html", "r.md", "r.mmd"]


# --- User templates in the sandbox ---------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ map.__class__.__init__.__globals__ }}",
        "{{ stages.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
        "{{ self.__init__.__globals__.__builtins__ }}",
        "{{ map.model_config }}{{ map.__dict__ }}",
    ],
)
def test_template_sandbox_blocks_escapes(
    cli: Any, tmp_path: Path, source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    template = tmp_path / "evil.md.j2"
    template.write_text(source + "\n", encoding="utf-8")
    result = cli(["report", write_map(tmp_path, hostile_map()), "--template", template])
    assert result.code == 1, result.out
    assert result.out == ""
    assert f"{template}:1:" in result.err or f"{template}:" in result.err
    assert "internal error" not in result.err
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    "source",
    [
        "{% for i in range(10**9) %}x{% endfor %}",
        "{% include '/etc/passwd' %}",
        "{% import 'os' as os %}",
        "{{ '%s' % map }}{{ 'x' * 10**10 }}",
    ],
)
def test_template_cannot_read_files_or_exhaust_memory(
    cli: Any, tmp_path: Path, source: str
) -> None:
    template = tmp_path / "t.md.j2"
    template.write_text(source, encoding="utf-8")
    result = cli(["report", write_map(tmp_path, hostile_map()), "--template", template])
    assert result.code in (1, 2), result.out[:200]
    assert "root:" not in result.out
    assert "internal error" not in result.err
    assert str(template) in result.err
