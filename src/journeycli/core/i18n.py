"""The report labels in English and Dutch, and number and money formatting per language.

One catalogue for every renderer and template, so a label is translated in
one place and the terminal, Markdown and HTML reports use the same words.
Formatting is fixed per language (not the machine's locale), so a report is
byte-identical wherever it is rendered.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import Enum

from journeycli.core.labels import DUTCH_LABELS
from journeycli.core.model import Language

_ENGLISH_LABELS = {"todo": "to do"}
"""Enum values the English reports print differently; every other value is its own label."""

MESSAGES: dict[str, dict[Language, str]] = {
    "report": {Language.EN: "Journey report", Language.NL: "Klantreisrapport"},
    "persona": {Language.EN: "Persona", Language.NL: "Persona"},
    "all_personas": {Language.EN: "all customers", Language.NL: "alle klanten"},
    "owner": {Language.EN: "Owner", Language.NL: "Eigenaar"},
    "source": {Language.EN: "Source", Language.NL: "Bron"},
    "breaking_moments": {Language.EN: "Breaking moments", Language.NL: "Breekmomenten"},
    "breaking_intro": {
        Language.EN: "Critical touchpoints with a poor experience; one of them can break "
        "the whole journey.",
        Language.NL: "Kritieke contactmomenten met een slechte beleving; één ervan kan de "
        "hele reis breken.",
    },
    "no_breaking_moments": {
        Language.EN: "No breaking moments.",
        Language.NL: "Geen breekmomenten.",
    },
    "experience_of": {
        Language.EN: "experience {value} of 5",
        Language.NL: "beleving {value} van 5",
    },
    "addressed_by": {Language.EN: "addressed by", Language.NL: "aangepakt met"},
    "addressed_by_header": {Language.EN: "Addressed by", Language.NL: "Aangepakt met"},
    "not_addressed": {
        Language.EN: "no open action addresses it",
        Language.NL: "geen open actie pakt dit aan",
    },
    "ranked_stages": {Language.EN: "Stages by gap", Language.NL: "Fasen naar gap"},
    "ranked_intro": {
        Language.EN: "Gap = relevance − presence: the larger, the more there is to gain.",
        Language.NL: "Gap = relevantie − aanwezigheid: hoe groter, hoe meer er te winnen is.",
    },
    "no_scored_stages": {
        Language.EN: "No stage has both relevance and presence yet.",
        Language.NL: "Nog geen fase heeft zowel relevantie als aanwezigheid.",
    },
    "rank": {Language.EN: "#", Language.NL: "#"},
    "stage": {Language.EN: "Stage", Language.NL: "Fase"},
    "map": {Language.EN: "Map", Language.NL: "Kaart"},
    "relevance": {Language.EN: "Relevance", Language.NL: "Relevantie"},
    "presence": {Language.EN: "Presence", Language.NL: "Aanwezigheid"},
    "gap": {Language.EN: "Gap", Language.NL: "Gap"},
    "confidence": {Language.EN: "Confidence", Language.NL: "Zekerheid"},
    "conversion": {Language.EN: "Conversion", Language.NL: "Conversie"},
    "reach": {Language.EN: "Reach", Language.NL: "Bereik"},
    "lost": {Language.EN: "Lost", Language.NL: "Verloren"},
    "value_at_stake": {Language.EN: "Value at stake", Language.NL: "Waarde op het spel"},
    "overridden": {
        Language.EN: "scores for this persona",
        Language.NL: "scores voor deze persona",
    },
    "funnel_note": {
        Language.EN: "Funnel: {volume} customers per {period}, {value} per customer who "
        "completes the journey.",
        Language.NL: "Trechter: {volume} klanten per {period}, {value} per klant die de "
        "hele reis aflegt.",
    },
    "funnel_note_no_value": {
        Language.EN: "Funnel: {volume} customers per {period}.",
        Language.NL: "Trechter: {volume} klanten per {period}.",
    },
    "completed_note": {
        Language.EN: "Completed: {completed} customers per {period}, worth {value}.",
        Language.NL: "Afgerond: {completed} klanten per {period}, samen {value} waard.",
    },
    "completed_note_no_value": {
        Language.EN: "Completed: {completed} customers per {period}.",
        Language.NL: "Afgerond: {completed} klanten per {period}.",
    },
    "completed": {Language.EN: "Completed", Language.NL: "Afgerond"},
    "at_stake_note": {
        Language.EN: "Value at stake: what the journey would earn in addition if that stage lost "
        "no one.",
        Language.NL: "Waarde op het spel: wat de reis extra oplevert als die fase niemand "
        "verliest.",
    },
    "experience_per_stage": {Language.EN: "Experience per stage", Language.NL: "Beleving per fase"},
    "experience_intro": {
        Language.EN: "Mean and worst experience of the rated touchpoints per stage (1 very bad, "
        "3 neutral, 5 very good): one bad moment can break the journey, whatever the mean says.",
        Language.NL: "Gemiddelde en slechtste beleving van de beoordeelde contactmomenten per "
        "fase (1 zeer slecht, 3 neutraal, 5 zeer goed): één slecht moment kan de hele reis "
        "breken, wat het gemiddelde ook zegt.",
    },
    "experience_mean": {Language.EN: "Mean", Language.NL: "Gemiddelde"},
    "experience_worst": {Language.EN: "Worst", Language.NL: "Slechtste"},
    "experience_count": {Language.EN: "Rated", Language.NL: "Beoordeeld"},
    "focus": {Language.EN: "Focus stages", Language.NL: "Focusfasen"},
    "no_focus": {
        Language.EN: "No stage has a positive gap.",
        Language.NL: "Geen fase heeft een positieve gap.",
    },
    "opportunities": {Language.EN: "Opportunities", Language.NL: "Kansen"},
    "no_opportunities": {Language.EN: "No opportunities yet.", Language.NL: "Nog geen kansen."},
    "open_actions": {Language.EN: "Open actions", Language.NL: "Open acties"},
    "no_open_actions": {
        Language.EN: "No open actions yet.",
        Language.NL: "Nog geen open acties.",
    },
    "no_channel": {Language.EN: "(no channel)", Language.NL: "(geen kanaal)"},
    "no_owner": {Language.EN: "no owner", Language.NL: "geen eigenaar"},
    "action": {Language.EN: "Action", Language.NL: "Actie"},
    "channel": {Language.EN: "Channel", Language.NL: "Kanaal"},
    "horizon": {Language.EN: "Horizon", Language.NL: "Horizon"},
    "effort": {Language.EN: "Effort", Language.NL: "Inspanning"},
    "status": {Language.EN: "Status", Language.NL: "Status"},
    "touchpoint": {Language.EN: "Touchpoint", Language.NL: "Contactmoment"},
    "experience": {Language.EN: "Experience", Language.NL: "Beleving"},
    "roadmap": {Language.EN: "Roadmap", Language.NL: "Roadmap"},
    "no_roadmap": {Language.EN: "No open actions.", Language.NL: "Geen open acties."},
    "gaps_without_plan": {Language.EN: "Gaps without a plan", Language.NL: "Gaps zonder plan"},
    "gaps_without_plan_intro": {
        Language.EN: "Stages with a gap of {threshold} or more that lack an opportunity or an "
        "open action.",
        Language.NL: "Fasen met een gap van {threshold} of meer zonder kans of open actie.",
    },
    "no_gaps_without_plan": {
        Language.EN: "Every gap of {threshold} or more has a plan.",
        Language.NL: "Elke gap van {threshold} of meer heeft een plan.",
    },
    "lacks": {Language.EN: "lacks", Language.NL: "mist"},
    "an_opportunity": {Language.EN: "an opportunity", Language.NL: "een kans"},
    "an_open_action": {Language.EN: "an open action", Language.NL: "een open actie"},
    "and": {Language.EN: "and", Language.NL: "en"},
    "unscored": {Language.EN: "Unscored stages", Language.NL: "Fasen zonder score"},
    "unscored_intro": {
        Language.EN: "Stages without relevance or presence are not ranked.",
        Language.NL: "Fasen zonder relevantie of aanwezigheid worden niet gerangschikt.",
    },
    "missing": {Language.EN: "missing", Language.NL: "ontbreekt"},
    "goal": {Language.EN: "Goal and principles", Language.NL: "Doel en principes"},
    "why": {Language.EN: "Why", Language.NL: "Waarom"},
    "how": {Language.EN: "How", Language.NL: "Hoe"},
    "what": {Language.EN: "What", Language.NL: "Wat"},
    "principles": {Language.EN: "Principles", Language.NL: "Principes"},
    "combined": {Language.EN: "Combined ranking", Language.NL: "Gezamenlijke rangschikking"},
    "combined_intro": {
        Language.EN: "The scored stages of all maps, largest gap first.",
        Language.NL: "De gescoorde fasen van alle kaarten, grootste gap eerst.",
    },
    # blueprint, KPIs, opportunities and the future state (docs/format.md)
    "tone_of_voice": {Language.EN: "Tone of voice", Language.NL: "Tone of voice"},
    "opportunities_by_value": {
        Language.EN: "Opportunities, most impact for the least effort first",
        Language.NL: "Kansen, meeste impact voor de minste inspanning eerst",
    },
    "served_by": {Language.EN: "served by", Language.NL: "opgepakt in"},
    "impact_is": {Language.EN: "impact {level}", Language.NL: "impact {level}"},
    "effort_is": {Language.EN: "effort {level}", Language.NL: "inspanning {level}"},
    "kpis": {Language.EN: "KPIs", Language.NL: "KPI's"},
    "kpi": {Language.EN: "KPI", Language.NL: "KPI"},
    "value": {Language.EN: "Value", Language.NL: "Waarde"},
    "target": {Language.EN: "Target", Language.NL: "Doel"},
    "unit": {Language.EN: "Unit", Language.NL: "Eenheid"},
    "against_target": {Language.EN: "Against target", Language.NL: "Tegenover doel"},
    "worse_than_target": {Language.EN: "worse than target", Language.NL: "slechter dan doel"},
    "meets_target": {Language.EN: "meets target", Language.NL: "haalt het doel"},
    "lower_is_better": {Language.EN: "lower is better", Language.NL: "lager is beter"},
    "future_state": {Language.EN: "Future state", Language.NL: "Toekomstige situatie"},
    "future_intro": {
        Language.EN: "Current figures beside the targets of",
        Language.NL: "Huidige cijfers naast de doelen uit",
    },
    "state_note": {
        Language.EN: "This map shows the future state: its figures are targets.",
        Language.NL: "Deze klantreiskaart toont de toekomstige situatie: de cijfers zijn doelen.",
    },
    "added_in_future": {
        Language.EN: "Added in the future state",
        Language.NL: "Nieuw in de toekomstige situatie",
    },
    "dropped_in_future": {
        Language.EN: "Dropped in the future state",
        Language.NL: "Vervalt in de toekomstige situatie",
    },
    # values of enums
    "measured": {Language.EN: "measured", Language.NL: "gemeten"},
    "assumed": {Language.EN: "assumed", Language.NL: "aangenomen"},
    "stale": {Language.EN: "stale", Language.NL: "verouderd"},
    # horizon, status, effort, kind, evidence type: the Dutch words live in
    # journeycli.core.labels, where lint reads them too (`horizon: nu` is E003 "write now")
    **{
        value: {Language.EN: _ENGLISH_LABELS.get(value, value), Language.NL: dutch}
        for value, dutch in DUTCH_LABELS.items()
    },
}

_SEPARATORS = {Language.EN: (",", "."), Language.NL: (".", ",")}
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
ABSENT = "–"


def text(key: str, lang: Language, **values: object) -> str:
    """The label `key` in `lang`, with `{name}` placeholders filled in."""
    return text_from(MESSAGES, key, lang, **values)


def text_from(
    own: Mapping[str, Mapping[Language, str]], key: str, lang: Language, **values: object
) -> str:
    """`key` from a page's `own` labels, else from this catalogue.

    The HTML report and the site index keep the words only they use apart,
    and their templates still ask one function for every label.
    """
    message = (own.get(key) or MESSAGES[key])[lang]
    return message.format(**values) if values else message


def label(value: Enum | str | None, lang: Language) -> str:
    """The translated word for an enum value (horizon, status, effort, ...)."""
    if value is None:
        return ABSENT
    key = value.value if isinstance(value, Enum) else value
    entry = MESSAGES.get(str(key))
    return entry[lang] if entry else str(key)


def _rounded(value: float | Decimal, decimals: int) -> Decimal:
    """`value` rounded half up to `decimals` places, however many digits it has.

    The default decimal context holds 28 digits; a value at stake of 10^15
    customers x 10^15 per customer has 31, and `quantize` would fail
    (docs/security.md, extreme numbers). The precision is widened to fit.
    """
    exact = Decimal(str(value))
    with localcontext() as context:
        context.prec = max(context.prec, exact.adjusted() + decimals + 3)
        return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: float | Decimal | None, lang: Language, decimals: int = 0) -> str:
    """`7500000` -> `7,500,000` (en) / `7.500.000` (nl); rounded half up."""
    if value is None:
        return ABSENT
    exact = _rounded(value, decimals)
    if exact == 0:
        exact = abs(exact)
    thousands, point = _SEPARATORS[lang]
    formatted = f"{exact:,.{decimals}f}"
    return formatted.translate({ord(","): thousands, ord("."): point})


def with_sample(value: float | None, n: int | None, margin: float | None, lang: Language) -> str:
    """A score with what it rests on: `55 ± 9 (n=120)`, `55 (n=120)`, or just `55`.

    The margin is rounded to whole points as the score is (docs/measure.md).
    """
    text = number(value, lang)
    if value is None or n is None:
        return text
    spread = "" if margin is None else f" ± {number(margin, lang)}"
    return f"{text}{spread} (n={number(n, lang)})"


def decimal(value: float | Decimal | None, lang: Language) -> str:
    """A figure with at most one decimal, without a trailing `.0`: `12.5`, `40`."""
    if value is None:
        return ABSENT
    rounded = _rounded(value, 1)
    return number(rounded, lang, 0 if rounded == rounded.to_integral_value() else 1)


def measure(value: float | None, unit: str | None, lang: Language) -> str:
    """A KPI figure with its unit: `71%`, `4.65 points`, `-18`; at most two decimals.

    `%` is written against the number, any other unit after a space.
    """
    if value is None:
        return ABSENT
    rounded = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    places = max(0, -rounded.as_tuple().exponent)  # type: ignore[operator]
    text = number(rounded, lang, int(places))
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def levels(impact: Enum | None, effort: Enum | None, lang: Language) -> str:
    """An opportunity's weighing as words: `impact high, effort low` (only what is known)."""
    parts = []
    if impact is not None:
        parts.append(text("impact_is", lang, level=label(impact, lang)))
    if effort is not None:
        parts.append(text("effort_is", lang, level=label(effort, lang)))
    return ", ".join(parts)


def verdict(worse_than_target: bool | None, lang: Language) -> str:
    """A KPI against its target in words; `–` when it cannot be judged."""
    if worse_than_target is None:
        return ABSENT
    return text("worse_than_target" if worse_than_target else "meets_target", lang)


def percent(value: float | None, lang: Language) -> str:
    """`40` -> `40%`; `12.5` -> `12.5%` (en) / `12,5%` (nl)."""
    return ABSENT if value is None else f"{decimal(value, lang)}%"


def money(value: float | None, currency: str, lang: Language) -> str:
    """`€7,500,000` (en), `€ 7.500.000` (nl), `CHF 1,200` for other codes.

    Whole units, except an amount under 1,000 that is not whole (the value of
    one customer, say 12.50), which keeps its cents.
    """
    if value is None:
        return ABSENT
    cents = _rounded(value, 2)
    whole = cents == cents.to_integral_value() or abs(cents) >= 1000
    amount = number(value, lang, 0 if whole else 2)
    symbol = _SYMBOLS.get(currency.upper())
    if symbol is None:
        return f"{currency} {amount}"
    return f"{symbol} {amount}" if lang is Language.NL else f"{symbol}{amount}"


def signed(value: int | None) -> str:
    """A gap as shown: `55`, `-5` (ASCII minus, so it copies into a spreadsheet)."""
    return ABSENT if value is None else str(value)
