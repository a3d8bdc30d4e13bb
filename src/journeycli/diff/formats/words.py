"""The words of the text and Markdown diff, in English and Dutch.

A diff follows the language of the map (its new version's `language`), as
the reports do: a Dutch team reads "Oriëntatie: aanwezigheid 30 → 55" and
`18.000`, never `18,000` (which a Dutch reader takes for eighteen). Keys are
the English words or field names; docs/diff.md lists the output.
"""

from __future__ import annotations

from journeycli.core.enums import EvidenceType
from journeycli.core.labels import DUTCH_LABELS
from journeycli.core.model import Language

NL = Language.NL

# field names and section titles; a field not listed reads as its name with spaces
_NL: dict[str, str] = {
    # sections
    "Map": "Klantreis",
    "Breaking moments": "Breekmomenten",
    "Scores": "Scores",
    "Funnel": "Trechter",
    "Ranking": "Rangorde",
    "Personas": "Persona's",
    "Stages": "Fasen",
    "Touchpoints": "Contactmomenten",
    "Actions": "Acties",
    "Evidence": "Onderbouwing",
    "Lint problems": "Lintmeldingen",
    "Hints": "Tips",
    "Summary": "Samenvatting",
    "Score changes": "Gewijzigde scores",
    "Funnel changes": "Wijzigingen in de trechter",
    "Added": "Toegevoegd",
    "Removed": "Verwijderd",
    "Renamed": "Hernoemd",
    "Moved": "Verplaatst",
    "Changed": "Gewijzigd",
    "Journey map changes": "Wijzigingen in de klantreis",
    "Journey map changes since": "Wijzigingen in de klantreizen sinds",
    "Maps added": "Nieuwe klantreizen",
    "Maps removed": "Verwijderde klantreizen",
    "Invalid maps": "Ongeldige klantreizen",
    # kinds
    "Persona": "Persona",
    "Stage": "Fase",
    "Touchpoint": "Contactmoment",
    "Action": "Actie",
    # phrases
    "resolved": "opgelost",
    "introduced": "nieuw",
    "fixed": "opgelost",
    "experience was": "beleving was",
    "renamed": "hernoemd",
    "moved: stage": "verplaatst: fase",
    "in": "in",
    "none": "geen",
    "true": "ja",
    "false": "nee",
    "reordered": "in andere volgorde",
    "edited": "gewijzigd",
    "unranked": "zonder positie",
    "line": "regel",
    "was line": "was regel",
    "evidence": "bron",
    "No changes.": "Geen wijzigingen.",
    "no changes": "geen wijzigingen",
    "persona": "persona",
    "hint": "tip",
    # stage and item fields
    "relevance": "relevantie",
    "presence": "aanwezigheid",
    "gap": "gap",
    "rank": "positie",
    "confidence": "zekerheid",
    "conversion": "conversie",
    "reach": "bereik",
    "lost": "verloren",
    "value_at_stake": "waarde op het spel",
    "experience": "beleving",
    "persona_experience": "beleving per persona",
    "critical": "kritiek",
    "channel": "kanaal",
    "kind": "soort",
    "owner": "eigenaar",
    "personas": "persona's",
    "status": "status",
    "horizon": "horizon",
    "effort": "inspanning",
    "touchpoint": "contactmoment",
    "description": "beschrijving",
    "customer_goal": "klantdoel",
    "questions": "vragen",
    "feelings": "gevoelens",
    "pain_points": "pijnpunten",
    "review_questions": "evaluatievragen",
    "opportunities": "kansen",
    "persona_scores": "scores per persona",
    "age": "leeftijd",
    "needs": "behoeften",
    "goals": "doelen",
    "frustrations": "frustraties",
    "channels": "kanalen",
    "tone": "toon",
    "demographics": "kenmerken",
    "opportunity": "kans",
    "kpis": "KPI's",
    "customer_actions": "klantacties",
    "frontstage": "frontstage",
    "backstage": "backstage",
    "support": "ondersteuning",
    "systems": "systemen",
    "value": "waarde",
    "target": "streefwaarde",
    "unit": "eenheid",
    "impact": "impact",
    "lower is better": "lager is beter",
    "Stage content": "Inhoud van de fasen",
    # map fields
    "title": "titel",
    "language": "taal",
    "principles": "principes",
    "goal.why": "doel (waarom)",
    "goal.how": "doel (hoe)",
    "goal.what": "doel (wat)",
    "metrics.volume": "volume",
    "metrics.value": "waarde per klant",
    "metrics.currency": "valuta",
    "metrics.period": "periode",
    # evidence types: the words the Dutch report prints for them
    **{kind.value: DUTCH_LABELS[kind.value] for kind in EvidenceType},
}

_EN: dict[str, str] = {
    "value_at_stake": "value at stake",
    "customer_goal": "customer goal",
    "pain_points": "pain points",
    "review_questions": "review questions",
    "persona_scores": "persona scores",
    "persona_experience": "persona experience",
}

# counted phrases of the summary line: key -> (English one, many; Dutch one, many)
_COUNTED: dict[str, tuple[str, str, str, str]] = {
    "added": ("added", "added", "toegevoegd", "toegevoegd"),
    "removed": ("removed", "removed", "verwijderd", "verwijderd"),
    "renamed": ("renamed", "renamed", "hernoemd", "hernoemd"),
    "moved": ("moved", "moved", "verplaatst", "verplaatst"),
    "modified": ("modified", "modified", "gewijzigd", "gewijzigd"),
    "map_fields": (
        "map field changed",
        "map fields changed",
        "gegeven van de klantreis gewijzigd",
        "gegevens van de klantreis gewijzigd",
    ),
    "score_changes": (
        "stage with score changes",
        "stages with score changes",
        "fase met gewijzigde scores",
        "fasen met gewijzigde scores",
    ),
    "rank_moves": (
        "rank move",
        "rank moves",
        "verschuiving in de rangorde",
        "verschuivingen in de rangorde",
    ),
    "breaking_resolved": (
        "breaking moment resolved",
        "breaking moments resolved",
        "breekmoment opgelost",
        "breekmomenten opgelost",
    ),
    "breaking_introduced": (
        "breaking moment introduced",
        "breaking moments introduced",
        "nieuw breekmoment",
        "nieuwe breekmomenten",
    ),
    "content": (
        "stage content change",
        "stage content changes",
        "wijziging in de inhoud van een fase",
        "wijzigingen in de inhoud van fasen",
    ),
    "evidence": (
        "evidence change",
        "evidence changes",
        "wijziging in de onderbouwing",
        "wijzigingen in de onderbouwing",
    ),
    "lint_introduced": (
        "lint problem introduced",
        "lint problems introduced",
        "nieuwe lintmelding",
        "nieuwe lintmeldingen",
    ),
    "lint_fixed": (
        "lint problem fixed",
        "lint problems fixed",
        "lintmelding opgelost",
        "lintmeldingen opgelost",
    ),
}

# whole sentences with placeholders
_SENTENCES: dict[str, tuple[str, str]] = {
    "completed": (
        "Customers completing the journey: {old} → {new} per {period}{change}",
        "Klanten die de hele reis afleggen: {old} → {new} per {period}{change}",
    ),
    "completed_value": (
        "Their value: {old} → {new}{change}",
        "Waarde van deze klanten: {old} → {new}{change}",
    ),
    "maps_summary": (
        "{changed} of {total} maps changed",
        "{changed} van {total} klantreizen gewijzigd",
    ),
    "added_since": ("Maps added since {rev}", "Klantreizen toegevoegd sinds {rev}"),
    "removed_since": ("Maps removed since {rev}", "Klantreizen verwijderd sinds {rev}"),
    "invalid_now": ("Maps with lint errors", "Klantreizen met lintfouten"),
    "fixed_since": (
        "Maps whose lint errors at {rev} are fixed",
        "Klantreizen waarvan de lintfouten van {rev} zijn opgelost",
    ),
}


def word(key: str, lang: Language) -> str:
    """A section title, phrase or field name in `lang` (the key itself when not listed)."""
    if lang is NL:
        return _NL.get(key, key.replace("_", " "))
    return _EN.get(key, key.replace("_", " "))


def counted(key: str, count: int, lang: Language) -> str:
    """`3 stages with score changes`, `1 fase met gewijzigde scores`; empty for 0."""
    if not count:
        return ""
    one, many, nl_one, nl_many = _COUNTED[key]
    if lang is NL:
        return f"{count} {nl_one if count == 1 else nl_many}"
    return f"{count} {one if count == 1 else many}"


def sentence(key: str, lang: Language, **values: object) -> str:
    en, nl = _SENTENCES[key]
    return (nl if lang is NL else en).format(**values)
