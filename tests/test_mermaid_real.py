"""Exported diagrams in the real Mermaid library (mermaid.min.js in headless Chromium).

Mermaid's own parser accepts a missing or non-numeric score and draws NaN,
and silently drops text after `#` or an extra `:`, so parsing alone proves
little. These tests read every task back from Mermaid's journey database and
check title, sections, task names, scores (numbers 1-5) and actors, then
render the SVG and fail on render errors, console errors or NaN.

Needs pip `playwright` (test extra; its own browsers are NOT used), Debian's
`/usr/bin/chromium` and npm `mermaid` under `.ci/node` (`.ci/system-deps.sh`
installs both); skips with the reason when one is missing. Override the
paths with `JOURNEY_MERMAID_JS` and `CHROMIUM`.
"""

from __future__ import annotations

import html
import os
import re
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkers import CHROMIUM
from conftest import DATA, ROOT, example_maps
from journeycli.core.errors import JourneyError
from journeycli.core.model import JourneyMap
from journeycli.core.validation import load_map
from journeycli.interop.mermaid import from_mermaid, to_mermaid
from journeycli.interop.mermaid_syntax import (
    ACTOR_UNSAFE,
    NAME_UNSAFE,
    TITLE_UNSAFE,
    fold,
    safe_actor,
    safe_section,
    safe_task,
    safe_title,
    unsafe_text,
)
from journeycli.interop.run import for_persona

pytestmark = pytest.mark.slow

MERMAID_JS = Path(
    os.environ.get(
        "JOURNEY_MERMAID_JS",
        ROOT / ".ci" / "node" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js",
    )
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

READ_BACK = r"""async ([src, id]) => {
  const m = window.mermaid;
  const r = {parseError: null, renderError: null, type: null, title: null, tasks: [], nan: false};
  try { r.type = (await m.parse(src)).diagramType; }
  catch (e) { r.parseError = String((e && e.message) || e); return r; }
  const d = await m.mermaidAPI.getDiagramFromText(src);
  if (d.type === 'journey') {
    r.title = d.db.getDiagramTitle();
    r.tasks = d.db.getTasks().map((t) => ({
      section: t.section, task: t.task, people: t.people,
      score: Number.isFinite(t.score) ? t.score : String(t.score)}));
  }
  const geometry = /\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|points|transform)="[^"]*NaN/;
  try {
    const {svg} = await m.render(id, src);
    r.nan = geometry.test(svg);
    r.style = [...svg.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((x) => x[1]).join(' ');
  }
  catch (e) { r.renderError = String((e && e.message) || e); }
  return r;
}"""

Check = Callable[[str], dict[str, Any]]


@pytest.fixture(scope="module")
def mermaid() -> Iterator[Check]:
    """`check(text)` -> what real Mermaid read and whether it rendered."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="pip playwright (in the test extra) is not installed"
    )
    if not MERMAID_JS.is_file():
        pytest.skip(f"{MERMAID_JS} not found: run .ci/system-deps.sh (npm install mermaid)")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} not found: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.abort())  # offline: no request may leave
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.set_content(
            '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>'
        )
        page.add_script_tag(content=MERMAID_JS.read_text(encoding="utf-8"))
        page.evaluate("window.mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
        counter = iter(range(1_000_000))

        def check(text: str) -> dict[str, Any]:
            errors.clear()
            result: dict[str, Any] = page.evaluate(READ_BACK, [text, f"d{next(counter)}"])
            result["console"] = list(errors)
            return result

        yield check
        browser.close()


def decode(text: str) -> str:
    """Undo Mermaid's entity placeholders (`#35;` is kept as `ﬂ°°35¶ß` in its database)."""
    text = re.sub(r"ﬂ°°(\d+)¶ß", lambda m: chr(int(m.group(1))), text)
    return re.sub(r"ﬂ°(\w+)¶ß", lambda m: html.unescape(f"&{m.group(1)};"), text)


def assert_rendered(result: dict[str, Any]) -> None:
    assert result["parseError"] is None, result["parseError"]
    assert result["renderError"] is None, result["renderError"]
    assert result["type"] == "journey"
    assert not result["console"], result["console"]
    assert not result["nan"], "NaN in the geometry of the rendered SVG"
    for task in result["tasks"]:
        assert isinstance(task["score"], int | float), task
        assert 1 <= task["score"] <= 5, task


def expected_tasks(journey: JourneyMap) -> list[dict[str, Any]]:
    """What Mermaid must read for every touchpoint of an exported map."""
    names = {p.id: p.name for p in journey.personas}
    out = []
    for stage in journey.stages:
        for tp in stage.touchpoints:
            ids = tp.personas or list(names)
            actors = [safe_actor(names[i]) for i in ids] or [
                "Klant" if journey.language.value == "nl" else "Customer"
            ]
            out.append(
                {
                    "section": safe_section(stage.name),
                    "task": safe_task(tp.name),
                    "score": tp.experience or 3,
                    "people": actors,
                }
            )
    return out


def assert_read_back(journey: JourneyMap, result: dict[str, Any]) -> None:
    assert_rendered(result)
    assert result["title"].strip() == safe_title(journey.title)
    assert unsafe_text(result["title"], TITLE_UNSAFE) == fold(journey.title)
    got = [
        {
            "section": t["section"].strip(),
            "task": t["task"].strip(),
            "score": t["score"],
            "people": t["people"],
        }
        for t in result["tasks"]
    ]
    assert got == expected_tasks(journey)
    for task, (_, tp) in zip(result["tasks"], journey.touchpoints(), strict=True):
        assert unsafe_text(task["task"], NAME_UNSAFE) == fold(tp.name)


def _variants() -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for path in example_maps():
        model = load_map(path.read_bytes(), str(path)).model
        assert model is not None
        out.append((path.name, None))
        out.extend((path.name, p.id) for p in model.personas)
    return out


@pytest.mark.parametrize(("name", "persona"), _variants(), ids=lambda v: str(v))
def test_every_example_export_renders_in_real_mermaid(
    mermaid: Check, name: str, persona: str | None
) -> None:
    path = ROOT / "examples" / name
    journey = load_map(path.read_bytes(), name).model
    assert journey is not None
    if persona is not None:
        journey = for_persona(journey, persona)
    assert_read_back(journey, mermaid(to_mermaid(journey)))


def test_fenced_export_content_renders(mermaid: Check) -> None:
    journey = load_map(example_maps()[0].read_bytes(), "x").model
    assert journey is not None
    fenced = to_mermaid(journey, fence=True)
    assert fenced.startswith("```mermaid\n") and fenced.endswith("\n```\n")
    assert_read_back(journey, mermaid(fenced.removeprefix("```mermaid\n").removesuffix("```\n")))


NASTY = [
    "Time 10:30: check-in",
    "C# course",
    "a; b",
    "Title search",
    "title",
    "Section 2",
    "section B",
    "journey planner",
    "Journey",
    "%start",
    "%% comment-like",
    "x%%y",
    "5%% off",
    "accTitle: x",
    "accDescr { y }",
    "R&D <b>bold</b> <script>x</script>",
    "#35; literal",
    "line\nbreak",
    "tab\there",
    "  padded  ",
    "Oriëntatie 🚀",
    "a, b, c",
    "{braces} [x] `t`",
]


def _nasty_map() -> JourneyMap:
    return JourneyMap.model_validate(
        {
            "version": 1,
            "title": "R&D #1; <Launch>: a:b",
            "personas": [{"id": f"p{i}", "name": n} for i, n in enumerate(NASTY[:6])],
            "stages": [
                {
                    "id": f"s{i}",
                    "name": name,
                    "touchpoints": [
                        {
                            "id": f"t{i}",
                            "name": name,
                            "experience": 1 + i % 5,
                            "personas": [f"p{i % 6}"] if i % 2 else [],
                        }
                    ],
                }
                for i, name in enumerate(NASTY)
            ],
        }
    )


def test_names_that_break_naive_exports_render_intact(mermaid: Check) -> None:
    journey = _nasty_map()
    text = to_mermaid(journey)
    assert_read_back(journey, mermaid(text))
    back = from_mermaid(text)
    assert [tp.name for _, tp in back.touchpoints()] == [fold(n) for n in NASTY]


def _diagram_text(path: Path) -> str:
    """The diagram as Mermaid gets it: the file, or the journey fence of a Markdown file."""
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    if path.suffix != ".md":
        return text
    blocks = re.findall(r"^ *(?:```|~~~)mermaid\n(.*?)^ *(?:```|~~~) *$", text, re.M | re.S)
    return next(
        textwrap.dedent(b) for b in blocks if re.search(r"^\s*journey\b", textwrap.dedent(b), re.M)
    )


FIXTURES = sorted(p for p in (DATA / "mermaid").iterdir() if p.suffix in (".mmd", ".md"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_import_reads_fixtures_as_mermaid_does(mermaid: Check, path: Path) -> None:
    """Our importer and Mermaid agree on every section, task, score and actor."""
    text = _diagram_text(path)
    result = mermaid(text)
    assert_rendered(result)
    journey = from_mermaid(path.read_bytes().decode("utf-8"), source=path.name)
    names = {p.id: p.name for p in journey.personas}
    ours = [
        (
            stage.name,
            tp.name,
            tp.experience,
            sorted(names[i] for i in tp.personas) if tp.personas else sorted(names.values()),
        )
        for stage in journey.stages
        for tp in stage.touchpoints
    ]
    placeholder = (
        [] if journey.personas else ["Klant" if journey.language.value == "nl" else "Customer"]
    )
    theirs = [
        (
            decode(t["section"]).strip() or "Start",
            decode(t["task"]).strip(),
            t["score"],
            sorted({decode(p).strip() for p in t["people"] if p.strip()} - set(placeholder))
            or (sorted(names.values()) if names else []),
        )
        for t in result["tasks"]
    ]
    assert ours == theirs
    if result["title"]:
        assert decode(result["title"]).strip() == journey.title


names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\ue000\ue001"),
    min_size=1,
    max_size=24,
).filter(lambda s: fold(s) != "")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    title=names,
    stage_names=st.lists(names, min_size=1, max_size=3),
    task_names=st.lists(names, min_size=1, max_size=4),
    persona_names=st.lists(names, max_size=3, unique_by=fold),
)
def test_random_names_render_intact_in_real_mermaid(
    mermaid: Check,
    title: str,
    stage_names: list[str],
    task_names: list[str],
    persona_names: list[str],
) -> None:
    journey = JourneyMap.model_validate(
        {
            "version": 1,
            "title": title,
            "personas": [{"id": f"p{i}", "name": n} for i, n in enumerate(persona_names)],
            "stages": [
                {
                    "id": f"s{i}",
                    "name": s,
                    "touchpoints": [
                        {"id": f"s{i}-t{j}", "name": t, "experience": 1 + j % 5}
                        for j, t in enumerate(task_names)
                    ],
                }
                for i, s in enumerate(stage_names)
            ],
        }
    )
    result = mermaid(to_mermaid(journey))
    assert_read_back(journey, result)
    for task in result["tasks"]:
        for person, persona in zip(task["people"], persona_names, strict=False):
            assert unsafe_text(person, ACTOR_UNSAFE) == fold(persona)


def test_the_check_catches_what_mermaid_silently_accepts(mermaid: Check) -> None:
    """Guards the guard: Mermaid parses these, draws NaN, and our importer refuses them."""
    for text in (
        "journey\n  section A\n    Make tea: x: Me\n",
        "journey\n  section A\n    Make tea: Me\n",
    ):
        result = mermaid(text)
        assert result["parseError"] is None and result["renderError"] is None
        assert result["tasks"][0]["score"] == "NaN"
        assert result["nan"]
        with pytest.raises(AssertionError):
            assert_rendered(result)
        with pytest.raises(JourneyError, match=":3: task 'Make tea' has score"):
            from_mermaid(text)


# Mermaid reads `%%{init: ...}%%` anywhere in a diagram as configuration: in a title or a
# description it changed the theme CSS and made the browser fetch an image from anywhere.
DIRECTIVES = [
    '%%{init: {"themeCSS": ".pwned{fill:red}"}}%%',
    '%%{init: {"themeCSS": "g{background-image:url(https://evil.example/x.png)}"}}%%',
    '%%{init: {"fontFamily": "pwnedfont"}}%%',
]
PLACES = ["title", "description", "stage", "touchpoint", "persona"]


def _map_with_text(place: str, text: str) -> JourneyMap:
    texts = dict.fromkeys(PLACES, "Plain") | {place: f"Before {text} after"}
    return JourneyMap.model_validate(
        {
            "version": 1,
            "title": texts["title"],
            "description": texts["description"],
            "personas": [{"id": "p", "name": texts["persona"]}],
            "stages": [
                {
                    "id": "s",
                    "name": texts["stage"],
                    "touchpoints": [{"id": "t", "name": texts["touchpoint"], "experience": 2}],
                }
            ],
        }
    )


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("directive", DIRECTIVES)
def test_directives_in_map_text_never_configure_mermaid(
    mermaid: Check, place: str, directive: str
) -> None:
    journey = _map_with_text(place, directive)
    text = to_mermaid(journey)
    assert "%%" not in text
    result = mermaid(text)
    assert_read_back(journey, result)
    assert "pwned" not in result["style"] and "evil.example" not in result["style"]
    plain = mermaid(to_mermaid(_map_with_text(place, "no directive")))
    same_id = re.compile(r"#d\d+\b")
    assert same_id.sub("#d", result["style"]) == same_id.sub("#d", plain["style"]), "same theme"
    back = from_mermaid(text)
    shown = {
        "title": back.title,
        "description": back.description,
        "stage": back.stages[0].name,
        "touchpoint": back.stages[0].touchpoints[0].name,
        "persona": back.personas[0].name if back.personas else None,
    }
    assert shown[place] == f"Before {directive} after", "the import restores the text"
