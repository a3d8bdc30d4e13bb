"""The site's index speaks the report's words (one catalogue, docs/site.md).

Its column headers for stage, relevance, presence, gap, owner and breaking
moments come from `core.i18n`, so a Dutch board reads "Gap" on the index as
in every report, not "Gat" on one page and "Gap" on the next.
"""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES
from journeycli.core import i18n
from journeycli.core.analysis import analyse
from journeycli.core.combined import combine
from journeycli.core.model import Language
from journeycli.core.validation import load_map
from journeycli.site.index import LABELS, render_index
from journeycli.site.pages import SitePage

SHARED = ("owner", "breaking_moments", "stage", "relevance", "presence", "gap")


def _index(lang: Language) -> str:
    path = EXAMPLES / "hypotheek.journey.yaml"
    model = load_map(path.read_bytes(), str(path)).model
    assert model is not None
    analysis = analyse(model, path=str(path))
    page = SitePage(analysis, "hypotheek", "maps/hypotheek.html", None)
    return render_index(combine([analysis, analysis]), [page], lang)


@pytest.mark.parametrize("lang", [Language.EN, Language.NL])
def test_shared_headers_are_the_reports_words(lang: Language) -> None:
    headers = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', _index(lang))
    for key in SHARED:
        assert i18n.text(key, lang) in headers, key
    assert not set(SHARED) & set(LABELS)  # not defined twice


def test_dutch_index_says_gap_as_the_report_does() -> None:
    index = _index(Language.NL)
    assert ">Gap</th>" in index and "Gat" not in index
    assert "Grootste gaps" in index
