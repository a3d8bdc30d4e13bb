"""Every command's formats come from one `FormatRegistry`; the CLI reads its choices there."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from journeycli.core.errors import UsageError
from journeycli.core.formats import Format, FormatRegistry
from journeycli.diff.formats import FORMATS as DIFF
from journeycli.history.formats import FORMATS as HISTORY
from journeycli.interop.formats import EXPORT_FORMATS, IMPORT_FORMATS
from journeycli.lint.formats import FORMATS as LINT
from journeycli.report.formats import FORMATS as REPORT

REGISTRIES = {
    "lint": LINT,
    "report": REPORT,
    "diff": DIFF,
    "history": HISTORY,
    "export": EXPORT_FORMATS,
    "import": IMPORT_FORMATS,
}
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "hypotheek.journey.yaml"


@pytest.mark.parametrize("registry", REGISTRIES.values(), ids=REGISTRIES)
def test_every_registered_format_loads(registry: FormatRegistry) -> None:
    for fmt in registry:
        loaded = registry.load(fmt.name)
        if fmt.binary:  # an xlsx workbook: bytes, never text
            assert loaded.render_data is not None and loaded.render_text is None, fmt.name
        else:
            assert loaded.render_text is not None or loaded.write_stream is not None, fmt.name


@pytest.mark.parametrize(("command", "registry"), REGISTRIES.items())
def test_the_help_lists_the_registry(
    cli, monkeypatch: pytest.MonkeyPatch, command: str, registry: FormatRegistry
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # the choices on one line, however many there are
    result = cli([command, "--help"])
    assert result.code == 0
    assert f"<{registry.choices()}>" in result.out.replace("│", "").replace(" ", "")


def test_a_mistyped_format_gets_a_did_you_mean(cli) -> None:
    result = cli(["report", str(EXAMPLE), "--format", "htm"])
    assert result.code == 2
    assert "'htm' is not a report format" in result.err
    assert "did you mean 'html'?" in result.err
    result = cli(["export", str(EXAMPLE), "--to", "mermiad"])
    assert result.code == 2
    assert "did you mean 'mermaid'?" in result.err


def test_output_extension_picks_the_format_through_the_registry(cli, tmp_path: Path) -> None:
    for fmt in REPORT:
        for extension in fmt.extensions:
            target = tmp_path / f"out{extension}"
            result = cli(["report", str(EXAMPLE), "-o", str(target)])
            assert result.code == 0, (extension, result.err)
            if fmt.binary:  # pdf, png: tests/test_report_layout.py reads them back
                assert target.stat().st_size > 0, extension
                continue
            shown = cli(["report", str(EXAMPLE), "-f", fmt.name])
            assert target.read_text(encoding="utf-8") == shown.out, extension


def test_the_registry_type() -> None:
    registry = FormatRegistry(
        "demo",
        [Format("upper", (".up",), "shouting", render="builtins:str"), Format("plain")],
    )
    assert registry.names() == ("upper", "plain")
    assert registry.for_path("a/b.UP") == "upper"
    assert registry.for_path("b.txt") is None
    assert registry.for_path("-") is None
    assert registry.complete("u") == [("upper", "shouting")]
    with pytest.raises(UsageError) as caught:
        registry.get("uper")
    assert "unknown demo format 'uper'" in caught.value.message
    assert "did you mean 'upper'?" in str(caught.value.hint)
    stream = io.StringIO()
    registry.load("upper").write(12, stream=stream)
    assert stream.getvalue() == "12"
