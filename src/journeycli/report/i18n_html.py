"""Labels only the HTML report uses (nl/en), looked up before the shared catalogue.

Kept apart from `journeycli.core.i18n` so the visual map's row titles, chart
captions and legends do not crowd the catalogue the other formats share;
`text()` falls back to that catalogue, so a template asks one function for
every label.
"""

from __future__ import annotations

from journeycli.core import i18n
from journeycli.core.model import Language

EN, NL = Language.EN, Language.NL

MESSAGES: dict[str, dict[Language, str]] = {
    "the_map": {EN: "The journey map", NL: "De klantreis"},
    "map_intro": {
        EN: "Stages as columns, read from left to right.",
        NL: "Fasen als kolommen, van links naar rechts te lezen.",
    },
    "map_scroll": {EN: "The journey map, scrollable", NL: "De klantreis, scrollbaar"},
    "stage_n": {EN: "Stage {n}", NL: "Fase {n}"},
    "aspect": {EN: "Aspect", NL: "Aspect"},
    "customer_goal": {EN: "Customer goal", NL: "Doel van de klant"},
    "questions": {EN: "Questions", NL: "Vragen"},
    "feelings": {EN: "Feelings", NL: "Gevoelens"},
    "pain_points": {EN: "Pain points", NL: "Pijnpunten"},
    "touchpoints": {EN: "Touchpoints", NL: "Contactmomenten"},
    "critical": {EN: "moment of truth", NL: "moment van de waarheid"},
    "breaking": {EN: "breaking moment", NL: "breekmoment"},
    "no_experience": {EN: "experience not rated", NL: "beleving niet beoordeeld"},
    "tp_personas": {EN: "Personas", NL: "Persona's"},
    "tp_everyone": {EN: "everyone", NL: "iedereen"},
    "experience_short": {EN: "{value}/5", NL: "{value}/5"},
    "experience_row": {EN: "Experience", NL: "Beleving"},
    "experience_row_hint": {
        EN: "mean and worst of the touchpoints, 1–5",
        NL: "gemiddelde en slechtste contactmoment, 1–5",
    },
    "experience_title": {EN: "Experience curve", NL: "Belevingscurve"},
    "experience_desc": {
        EN: "Mean and worst touchpoint experience per stage on a scale of 1 (very bad) to 5 "
        "(very good), 3 is neutral.",
        NL: "Gemiddelde en slechtste beleving van de contactmomenten per fase op een schaal van "
        "1 (zeer slecht) tot 5 (zeer goed), 3 is neutraal.",
    },
    "experience_item": {
        EN: "{stage}: mean {value}, worst {worst}",
        NL: "{stage}: gemiddeld {value}, slechtste {worst}",
    },
    "experience_short_item": {EN: "{stage}: {value}", NL: "{stage}: {value}"},
    "persona_line_desc": {EN: "Mean for {persona}:", NL: "Gemiddelde voor {persona}:"},
    "mean_all": {EN: "Mean of all customers", NL: "Gemiddelde van alle klanten"},
    "mean_for": {EN: "Mean for {persona}", NL: "Gemiddelde voor {persona}"},
    "worst_touchpoint": {
        EN: "Worst touchpoint of the stage",
        NL: "Slechtste contactmoment van de fase",
    },
    "not_rated": {EN: "{stage}: not rated", NL: "{stage}: niet beoordeeld"},
    "neutral": {EN: "neutral", NL: "neutraal"},
    "poor": {EN: "below neutral", NL: "onder neutraal"},
    "scores": {EN: "Relevance and presence", NL: "Relevantie en aanwezigheid"},
    "evidence": {EN: "Evidence", NL: "Onderbouwing"},
    "no_evidence": {EN: "no evidence", NL: "geen onderbouwing"},
    "not_scored": {EN: "not scored", NL: "geen score"},
    "review_questions": {EN: "We ask", NL: "Wij vragen"},
    "actions_by_channel": {EN: "Actions by channel", NL: "Acties per kanaal"},
    "rank_n": {EN: "rank {n}", NL: "rang {n}"},
    "focus_badge": {EN: "focus", NL: "focus"},
    "score_title": {EN: "Relevance against presence", NL: "Relevantie tegenover aanwezigheid"},
    "score_desc": {
        EN: "Relevance (solid line, circles) and presence (dashed line, squares) per stage on "
        "a scale of 0 to 100; the shaded band between them is the gap.",
        NL: "Relevantie (doorgetrokken lijn, rondjes) en aanwezigheid (gestippelde lijn, "
        "vierkantjes) per fase op een schaal van 0 tot 100; het gearceerde vlak ertussen is "
        "de gap.",
    },
    "score_item": {
        EN: "{stage}: relevance {relevance}, presence {presence}, gap {gap}",
        NL: "{stage}: relevantie {relevance}, aanwezigheid {presence}, gap {gap}",
    },
    "gap_positive": {EN: "gap: more relevant than present", NL: "gap: relevanter dan aanwezig"},
    "gap_negative": {EN: "more present than relevant", NL: "aanweziger dan relevant"},
    "gap_label": {EN: "gap {gap}", NL: "gap {gap}"},
    "goal_card": {EN: "Goal", NL: "Doel"},
    "charts": {EN: "Charts", NL: "Grafieken"},
    "funnel": {EN: "Funnel", NL: "Trechter"},
    "funnel_caption": {
        EN: "{volume} customers per {period}, {value} per customer who completes the journey.",
        NL: "{volume} klanten per {period}, {value} per klant die de hele reis aflegt.",
    },
    "funnel_caption_no_value": {
        EN: "{volume} customers per {period}.",
        NL: "{volume} klanten per {period}.",
    },
    "funnel_desc": {
        EN: "Customers reaching each stage; the bar is the reach.",
        NL: "Klanten die elke fase bereiken; de balk is het bereik.",
    },
    "funnel_stopped": {
        EN: "The funnel stops at a stage without conversion.",
        NL: "De trechter stopt bij een fase zonder conversie.",
    },
    "details": {EN: "Ranking and plan", NL: "Rangschikking en plan"},
    "personas": {EN: "Personas", NL: "Persona's"},
    "age": {EN: "{age} years", NL: "{age} jaar"},
    "needs": {EN: "Needs", NL: "Behoeften"},
    "persona_goals": {EN: "Goals", NL: "Doelen"},
    "frustrations": {EN: "Frustrations", NL: "Frustraties"},
    "channels": {EN: "Channels", NL: "Kanalen"},
    "tone": {EN: "Tone", NL: "Toon"},
    "report_of": {EN: "Journey report of {count} maps", NL: "Klantreisrapport van {count} kaarten"},
    "contents": {EN: "Maps in this report", NL: "Kaarten in dit rapport"},
    "source_file": {EN: "File", NL: "Bestand"},
    "footer": {
        EN: "Made with journey. Gap = relevance − presence. Measured: the scores rest on "
        "evidence; assumed: on assumptions only. Experience: 1 very bad, 3 neutral, 5 very good.",
        NL: "Gemaakt met journey. Gap = relevantie − aanwezigheid. Gemeten: de scores rusten op "
        "onderbouwing; aangenomen: alleen op aannames. Beleving: 1 zeer slecht, 3 neutraal, "
        "5 zeer goed.",
    },
    "stage_count": {EN: "{count} stages", NL: "{count} fasen"},
    "lacks_plan": {EN: "lacks {what}", NL: "mist {what}"},
    "line_of_visibility": {EN: "Line of visibility", NL: "Zichtlijn"},
    "line_of_visibility_note": {
        EN: "Above the line the customer sees it; below it, not.",
        NL: "Boven de lijn ziet de klant het, eronder niet.",
    },
    "lane_customer_actions": {EN: "Customer actions", NL: "Klantacties"},
    "lane_customer_actions_hint": {EN: "what the customer does", NL: "wat de klant doet"},
    "lane_frontstage": {EN: "Front stage", NL: "Frontstage"},
    "lane_frontstage_hint": {EN: "what we do in view", NL: "wat wij zichtbaar doen"},
    "lane_backstage": {EN: "Backstage", NL: "Backstage"},
    "lane_backstage_hint": {EN: "behind the scenes", NL: "achter de schermen"},
    "lane_support": {EN: "Support processes", NL: "Ondersteunende processen"},
    "lane_support_hint": {EN: "what makes it possible", NL: "wat het mogelijk maakt"},
    "lane_systems": {EN: "Systems", NL: "Systemen"},
    "lane_systems_hint": {EN: "tools and systems", NL: "tools en systemen"},
    "kpis_hint": {EN: "value against target", NL: "waarde tegenover doel"},
    "kpi_target": {EN: "target {value}", NL: "doel {value}"},
    "kpi_future": {EN: "future state {value}", NL: "toekomst {value}"},
    "matrix_title": {
        EN: "Opportunities: impact against effort",
        NL: "Kansen: impact tegenover inspanning",
    },
    "matrix_intro": {
        EN: "Opportunities with both impact and effort, with the actions that serve them. Start "
        "top left: the most impact for the least effort.",
        NL: "Kansen met zowel impact als inspanning, met de acties die ze oppakken. Begin "
        "linksboven: de meeste impact voor de minste inspanning.",
    },
    "matrix_corner": {EN: "Impact ↓ · effort →", NL: "Impact ↓ · inspanning →"},
    "quick_wins": {EN: "Quick wins", NL: "Quick wins"},
    "no_linked_action": {EN: "no action serves it yet", NL: "nog geen actie"},
    "matrix_unrated": {
        EN: "Opportunities without impact or effort, not in the matrix: {count}.",
        NL: "Kansen zonder impact of inspanning, niet in de matrix: {count}.",
    },
    "future_line": {
        EN: "Future state: relevance {relevance}, presence {presence}, gap {gap}",
        NL: "Toekomst: relevantie {relevance}, aanwezigheid {presence}, gap {gap}",
    },
    "dropped_tag": {EN: "dropped in the future state", NL: "vervalt in de toekomst"},
    "future_marks": {
        EN: "White ticks on the bars, dashed outlines in the chart and dashed squares on the "
        "experience curve show its figures.",
        NL: "Witte streepjes op de balken, gestippelde vormen in de grafiek en gestippelde "
        "vierkantjes op de belevingscurve tonen de cijfers daarvan.",
    },
    "future_chart_key": {
        EN: "future state (dashed outline)",
        NL: "toekomstige situatie (gestippeld)",
    },
    "future_curve_key": {
        EN: "future state: mean experience",
        NL: "toekomstige situatie: gemiddelde beleving",
    },
}


def text(key: str, lang: Language, **values: object) -> str:
    """The HTML label `key` in `lang`, else the shared one (`journeycli.core.i18n.text`)."""
    return i18n.text_from(MESSAGES, key, lang, **values)
