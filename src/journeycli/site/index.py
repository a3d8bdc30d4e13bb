"""The site's index page: every map in a table, and the stages ranked across all maps.

Rendered from `templates/site/index.html.j2`; every figure comes from the
`Analysis` of each map and the cross-map ranking of `core.combined.combine`
(docs/site.md#the-index), formatted in the maps' language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from journeycli.core import i18n
from journeycli.core.combined import Report
from journeycli.core.model import Language
from journeycli.site.pages import RANKING_ROWS, SitePage

EN, NL = Language.EN, Language.NL
# The words only the site's index uses; the rest (stage, relevance, gap, ...) are
# the report's own, from `core.i18n.MESSAGES`, so both say the same.
LABELS: dict[str, dict[Language, str]] = {
    "title": {EN: "Journey maps", NL: "Klantreiskaarten"},
    "intro": {
        EN: "Every journey map with its owner, its largest gaps, its breaking moments and the "
        "value of the customers who complete it.",
        NL: "Alle klantreiskaarten met eigenaar, grootste gaps, breekmomenten en de waarde "
        "van klanten die de klantreis afronden.",
    },
    "maps": {EN: "Maps", NL: "Klantreizen"},
    "map": {EN: "Journey", NL: "Klantreis"},
    "top_gaps": {EN: "Largest gaps", NL: "Grootste gaps"},
    "completed_value": {EN: "Completed value", NL: "Waarde afgerond"},
    "history": {EN: "History", NL: "Geschiedenis"},
    "no_history": {EN: "not in git", NL: "niet in git"},
    "none": {EN: "none", NL: "geen"},
    "ranking": {EN: "Ranking across maps", NL: "Ranglijst over alle klantreizen"},
    "ranking_intro": {
        EN: "The stages of all maps by gap (relevance minus presence), largest first.",
        NL: "De fasen van alle klantreizen, gesorteerd op gap (relevantie min aanwezigheid), "
        "grootste eerst.",
    },
    "rank": {EN: "Rank", NL: "Rang"},
    "footer": {
        EN: "Made with journey site. Every page works offline and loads nothing from elsewhere.",
        NL: "Gemaakt met journey site. Elke pagina werkt offline en laadt niets van elders.",
    },
}


def render_index(report: Report, pages: Sequence[SitePage], lang: Language) -> str:
    """The index page of the site; byte-identical for the same maps."""
    from journeycli.core.templates import environment

    slugs = {id(page.analysis): page.slug for page in pages}

    def money(value: Any, page: SitePage) -> str:
        return i18n.money(value, page.analysis.currency, lang)

    template = environment("site", autoescape=True).get_template("index.html.j2")
    text: str = template.render(
        pages=pages,
        ranking=report.combined[:RANKING_ROWS],
        slug_of=lambda analysis: slugs[id(analysis)],
        lang=lang.value,
        t=lambda key: i18n.text_from(LABELS, key, lang),
        signed=i18n.signed,
        money=money,
        absent=i18n.ABSENT,
    )
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
