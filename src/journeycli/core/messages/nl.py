"""The Dutch catalogue: the ids and `{fields}` of `en.py`, in the Dutch of a CX team.

Word choice (docs/lint.md, "Messages in Dutch"): a journey map is a
klantreis(kaart), never a "map" (a folder in Dutch); stage = fase, touchpoint
= contactmoment, evidence = onderbouwing, breaking moment = breekmoment, gap
stays gap (as in the Dutch report). Keys and values the user writes in the
YAML (`relevance`, `todo`, `x-`) stay English: that is how the file spells them.
"""

from journeycli.core.messages.nl_commands import COMMANDS

MESSAGES: dict[str, str] = {
    "or_list": "{head} of {last}",
    "word.nothing": "niets",
    "word.persona": "persona",
    "word.touchpoint": "contactmoment",
    "word.opportunity": "kans",
    "word.octal": "octale",
    "word.base-60": "zestigtallige",
    # E001
    "e001.not_utf8": (
        "het bestand is geen UTF-8: byte {byte} is niet te lezen; sla het bestand op als UTF-8"
    ),
    "e001.unreadable": "onleesbaar",
    "e001.yaml": "geen geldige YAML ({reason})",
    "e001.yaml_hint": "geen geldige YAML: {hint}",
    "yaml.unclosed_quote": (
        "het aanhalingsteken dat hier opent (regel {line}) wordt nergens gesloten; sluit "
        "de tekst af met {quote}"
    ),
    "yaml.key_expected": (
        "regel {line} heeft tekst waar een sleutel hoort; zet ': ' na de sleutel, of zet "
        "de tekst tussen aanhalingstekens"
    ),
    "yaml.reserved": (
        "YAML reserveert '{char}' aan het begin van een waarde; zet de tekst tussen "
        "aanhalingstekens"
    ),
    "yaml.escape": (
        "een backslash tussen dubbele aanhalingstekens begint een escapereeks; schrijf "
        "\\\\ voor een backslash, of gebruik enkele aanhalingstekens"
    ),
    "yaml.tab_indent": (
        "regel {line} springt in met een tab; YAML staat alleen spaties toe om in te springen"
    ),
    "yaml.tab": "YAML staat hier geen tab toe; gebruik spaties",
    "yaml.the_list": "de lijst",
    "yaml.the_mapping": "het blok",
    "yaml.flow_open": "{kind} wordt niet gesloten; sluit af met '{closing}'",
    "yaml.flow_bad": (
        "{kind} vanaf '{opening}' op regel {line} is niet geschreven zoals YAML verwacht; "
        "scheid de items met ', ' en zet tekst met ': ' of '{closing}' tussen "
        "aanhalingstekens"
    ),
    "yaml.flow_unclosed": (
        "de '{opening}' op regel {line} wordt nergens gesloten; sluit {kind} af met '{closing}'"
    ),
    "yaml.tight_colon": "'{token}' heeft een spatie na ':' nodig; schrijf '{key}: {value}'",
    "yaml.colon_in_text": (
        "de tekst na '{key}:' bevat ': '; zet hem tussen aanhalingstekens: {key}: \"{text}\""
    ),
    "yaml.dash": (
        "'{head}' heeft een spatie na '-' nodig om een lijstitem te beginnen; schrijf '- {rest}'"
    ),
    "yaml.indented_further": (
        "regel {line} springt verder in dan regel {above} ({here} spaties, niet "
        "{prefix}), dus leest YAML hem als vervolg van de tekst op regel {above}; laat de "
        "sleutels van één blok even ver inspringen"
    ),
    "yaml.after_quote": (
        "er staat tekst na het sluitende aanhalingsteken op regel {line}; zet de hele "
        'tekst tussen aanhalingstekens: "{whole}"'
    ),
    "yaml.no_level": (
        "regel {line} springt {here} spaties in, en dat past bij geen enkele regel "
        "erboven (regel {above} heeft er {there}); laat de sleutels van één blok, en de "
        "items van één lijst, even ver inspringen"
    ),
    "yaml.misfit": (
        "regel {line} ({here} spaties ingesprongen) past niet bij de regels erboven "
        "(regel {above} heeft er {there}); controleer het inspringen, en of er een '- ' "
        "voor moet"
    ),
    "e001.control_character": (
        "geen geldige YAML: het teken {char} mag niet in YAML staan (een stuurteken); haal het weg"
    ),
    "e001.empty": (
        "het bestand is leeg; een klantreiskaart heeft minstens version, title en stages nodig"
    ),
    "e001.documents": "het bestand bevat meer dan één document; zet één klantreiskaart per bestand",
    "e001.top_level_empty": (
        "het bestand moet op het bovenste niveau sleutels met waarden bevatten, maar is leeg"
    ),
    "e001.top_level": (
        "het bestand moet op het bovenste niveau sleutels met waarden bevatten, geen {kind}"
    ),
    "e001.top_level.list": "lijst",
    "e001.top_level.text": "losse tekst",
    "e001.top_level.number": "los getal",
    "e001.top_level.yes_no": "ja/nee-waarde",
    "e001.top_level.date": "losse datum",
    "e001.top_level.value": "losse waarde",
    "e001.unknown_alias": "onbekende alias *{anchor}",
    "e001.unexpected": "onverwacht {event}",
    # E002
    "e002.duplicate_key": "sleutel '{key}' komt twee keer voor (de eerste keer op regel {line})",
    # E003
    "e003.complex_key": "een sleutel moet gewone tekst zijn, geen lijst of geneste sleutels",
    "e003.unsupported_tag": (
        "YAML-tag '{tag}' wordt niet ondersteund: journey leest alleen gewone YAML "
        "(tags worden nooit uitgevoerd)"
    ),
    "e003.bad_tagged": "'{text}' is geen geldige !!{kind}",
    "e003.unsafe_key": "{where}: de sleutel bevat {char}, {why}; haal het teken weg",
    "e003.unsafe_text": "{where}: de tekst bevat {char}, {why}; haal het teken weg",
    "e003.why_bidi": (
        "een richtingsteken waardoor tekst in een andere volgorde verschijnt dan waarin hij "
        "is opgeslagen"
    ),
    "e003.why_control": (
        "een stuurteken dat de weergave in een terminal kan verstoren of een uitvoerformaat kan "
        "breken"
    ),
    "e003.missing": "{where}: de verplichte sleutel '{key}' ontbreekt",
    "e003.unknown_key": "{where}: onbekende sleutel '{key}'",
    "e003.unknown_key_match": "{where}: onbekende sleutel '{key}'; bedoel je '{match}'?",
    "e003.unknown_key_prefix": (
        "{where}: onbekende sleutel '{key}'; eigen sleutels moeten beginnen met '{prefix}'"
    ),
    "e003.value": "{where}: {detail}",
    "e003.at_least": "{where}: {value} valt buiten het bereik (minimaal {bound})",
    "e003.at_most": "{where}: {value} valt buiten het bereik (maximaal {bound})",
    "e003.bad_id": (
        "{where}: {value} is geen geldige id; gebruik kleine letters, cijfers en losse "
        "koppeltekens (zoals 'eerste-bezoek')"
    ),
    "e003.empty": "{where}: mag niet leeg zijn",
    "e003.no_items": "{where}: moet minstens één item bevatten",
    "e003.not_allowed": "{where}: {value} is hier niet toegestaan; kies uit {expected}",
    "e003.dutch_label": (
        "{where}: '{label}' is het Nederlandse label uit het rapport; schrijf {value}"
    ),
    "e003.expected": "{where}: hier hoort {expected}, maar er staat {value}",
    "e003.future_date": (
        "{where}: {date} ligt na de peildatum {today}; onderbouwing kan niet uit de toekomst "
        "komen: vul de datum in waarop die is verzameld"
    ),
    "expect.whole_number": "een geheel getal",
    "expect.text": "tekst",
    "expect.bool": "true of false",
    "expect.list": "een lijst",
    "expect.mapping": "sleutels met waarden",
    "expect.date": "een datum (JJJJ-MM-DD)",
    "expect.date_only": "een datum zonder tijd (JJJJ-MM-DD)",
    # de eigen controle van een veld
    "value.ambiguous_bool": (
        "YAML leest '{text}' als de ja/nee-waarde {value}; zet het tussen aanhalingstekens "
        '("{text}") als je tekst bedoelt'
    ),
    "value.ambiguous_number": (
        "YAML 1.1 leest '{text}' als het {kind} getal {value}; schrijf het gewone getal of zet "
        'het tussen aanhalingstekens ("{text}") als je tekst bedoelt'
    ),
    "value.text_got_bool": (
        "hier hoort tekst, maar er staat de ja/nee-waarde {value}; zet het tussen aanhalingstekens"
    ),
    "value.text_got_number": (
        "hier hoort tekst, maar er staat het getal {value}; zet het tussen aanhalingstekens "
        '("{text}")'
    ),
    "value.blank": "'{text}' bevat alleen spaties; vul een naam of tekst in",
    "value.flag": "hier mag alleen true of false staan, niet '{text}' (schrijf {value})",
    "value.mapping_null": (
        "hier horen sleutels met waarden, maar er staat niets; schrijf {{}} voor een leeg "
        "blok, of haal de sleutel weg"
    ),
    "value.list_null": (
        "hier hoort een lijst, maar er staat niets; schrijf [] voor een lege lijst, of haal de "
        "sleutel weg"
    ),
    "value.out_of_range": "{value} valt buiten het bereik: hier hoort een getal {bounds}",
    "value.between": "tussen {low} en {high}",
    "value.at_least": "van {low} of meer",
    "value.any_number": "zoals 12 of -3.5",
    "value.text_got_list": "hier hoort tekst, maar er staat een lijst",
    "value.text_got": "hier hoort tekst, maar er staat {value}",
    "value.key_and_value": (
        "'{text}' is door de ': ' gelezen als een sleutel met een waarde; zet de tekst "
        'tussen aanhalingstekens: "{text}"'
    ),
    "value.quoted_bool": (
        "hier hoort true of false, maar er staat de tekst {value}; haal de aanhalingstekens weg"
    ),
    "value.dash_item": (
        "hier hoort een lijst, maar er staan sleutels met waarden; '{dashed}' heeft een "
        "spatie na '-' nodig om een lijstitem te beginnen ('- {rest}')"
    ),
    "value.list_got_mapping": (
        "hier hoort een lijst, maar er staan sleutels met waarden; begin elk item op een "
        "eigen regel met '- ', of schrijf [{{...}}]"
    ),
    "value.list_got": "hier hoort een lijst, maar er staat {value}; schrijf {suggestion}",
    "value.quoted_item": '["{text}"], of één item per regel',
    "value.one_item": "[{text}]",
    "value.number_hint": "hier hoort {expected}, maar er staat {value}; {hint}",
    "value.quoted_number": (
        "hier hoort {expected}, maar er staat de tekst {value}; haal de aanhalingstekens weg"
    ),
    "value.a_number": "een getal {bounds}",
    "value.number": "hier hoort een getal {bounds}, maar er staat {value}",
    "value.finite": "hier hoort een eindig getal {bounds}, maar er staat {value}",
    "value.twelve_months": "een jaar heeft 12 maanden",
    "value.days_from_one": "een maand begint bij dag 1",
    "value.month_days": "{month} {year} heeft {days} dagen",
    "value.no_such_date": "'{text}' is een datum die niet bestaat ({why})",
    "value.date_time": (
        "hier hoort een datum zonder tijd (JJJJ-MM-DD), maar er staat {value}; schrijf {date}"
    ),
    "value.date_write": "hier hoort een datum (JJJJ-MM-DD), maar er staat {value}; schrijf {date}",
    "value.date": "hier hoort een datum (JJJJ-MM-DD), maar er staat {value}",
    "value.thousands_decimal": (
        "YAML leest '{text}' als {number}; schrijf {digits} (zonder scheidingsteken voor "
        "duizendtallen), of {decimal} voor een decimaal getal"
    ),
    "value.thousands_text_decimal": (
        "YAML leest '{text}' als tekst; schrijf {digits} (zonder scheidingsteken voor "
        "duizendtallen), of {decimal} voor een decimaal getal"
    ),
    "value.thousands": (
        "YAML leest '{text}' als tekst; schrijf {digits} (zonder scheidingsteken voor "
        "duizendtallen)"
    ),
    "hint.separators": (
        "schrijf {number} (zonder scheidingsteken voor duizendtallen, met een punt voor "
        "de decimalen)"
    ),
    "hint.write": "schrijf {number}",
    "hint.percent": "schrijf {number} (het percentage zonder %)",
    "hint.currency": "schrijf {number} (de valuta hoort in metrics.currency)",
    "month.1": "januari",
    "month.2": "februari",
    "month.3": "maart",
    "month.4": "april",
    "month.5": "mei",
    "month.6": "juni",
    "month.7": "juli",
    "month.8": "augustus",
    "month.9": "september",
    "month.10": "oktober",
    "month.11": "november",
    "month.12": "december",
    "value.a_mapping": "sleutels met waarden ({keys})",
    "value.a_list": "een lijst",
    "value.other_kind": "een waarde van een ander soort",
    "value.no_id": "van de naam '{name}' is geen id te maken; geef zelf een id op",
    # E004-E005
    "e004.persona": (
        "persona-id '{id}' komt twee keer voor (ook bij de persona op {where}); "
        "geef elke persona een eigen id"
    ),
    "e004.stage": (
        "fase-id '{id}' komt twee keer voor (ook bij de fase op {where}); "
        "geef elke fase een eigen id"
    ),
    "e004.touchpoint": (
        "contactmoment-id '{id}' komt twee keer voor (ook bij het contactmoment op {where}); "
        "geef elk contactmoment een eigen id"
    ),
    "e004.action": (
        "actie-id '{id}' komt twee keer voor (ook bij de actie op {where}); "
        "geef elke actie een eigen id"
    ),
    "e004.opportunity": (
        "kans-id '{id}' komt twee keer voor (ook bij de kans op {where}); "
        "geef elke kans een eigen id"
    ),
    "e005.match": "{kind} '{ref}' bestaat niet; bedoel je '{match}'?",
    "e005.define_opportunity": (
        "kans '{ref}' bestaat niet; voeg die toe onder opportunities als {{text: ..., id: {ref}}}"
    ),
    "e005.define": "{kind} '{ref}' bestaat niet; voeg die toe onder {key}",
    "e005.known": "{kind} '{ref}' bestaat niet; wel bekend onder {key}: {known}",
    # E006
    "e006.file_size": (
        "het bestand is groter dan de grens van {limit} bytes; verhoog die met --max-file-size"
    ),
    "e006.expanded_size": (
        "het document zou uitgroeien tot meer dan {limit} bytes tekst ({mib}; een alias die een "
        "grote waarde herhaalt?); verhoog de grens met --max-expanded-size als deze "
        "klantreiskaart echt zo groot is"
    ),
    "e006.nodes": (
        "het document zou uitgroeien tot meer dan {limit} knooppunten (een aliasbom?); verhoog "
        "de grens met --max-nodes als deze klantreiskaart echt zo groot is"
    ),
    "e006.depth": (
        "dieper genest dan {limit} niveaus; verhoog de grens met --max-depth als deze "
        "klantreiskaart echt zo diep is"
    ),
    "e006.recursive_alias": "alias *{anchor} verwijst naar zichzelf (een oneindige structuur)",
    "e006.stages": (
        "meer dan {limit} fasen ({count}); verhoog de grens met --max-stages als deze "
        "klantreiskaart echt zo groot is"
    ),
    "e006.touchpoints": (
        "meer dan {limit} contactmomenten; verhoog de grens met --max-touchpoints "
        "als deze klantreiskaart echt zo groot is"
    ),
    # W101-W112
    "w101": (
        "fase '{stage}' heeft nog geen score voor {missing}; daardoor telt de fase niet mee in de "
        "rangschikking (geef een score van 0 tot 100)"
    ),
    "w101.relevance": "relevantie (relevance)",
    "w101.presence": "aanwezigheid (presence)",
    "w101.both": "relevantie (relevance) en aanwezigheid (presence)",
    "w102": (
        "fase '{stage}' heeft scores {reason}; voeg de data-analyse, enquête of het "
        "interview toe waar de scores op steunen"
    ),
    "w102.assumptions": "met alleen aannames als onderbouwing",
    "w102.no_evidence": "zonder onderbouwing",
    "w103": "fase '{stage}' heeft een gap van {gap} (drempel {threshold}), maar nog {lacking}",
    "w103.opportunity": "geen kans",
    "w103.action": "geen open actie",
    "w103.both": "geen kans en geen open actie",
    "w104": "open actie '{action}' heeft geen eigenaar",
    "w105": (
        "fase '{stage}' heeft geen contactmomenten; waar heeft de klant in deze fase contact met "
        "je?"
    ),
    "w106": (
        "breekmoment '{touchpoint}'{who} (kritiek contactmoment, beleving {experience}) wordt "
        "door geen open "
        "actie aangepakt; voeg een actie toe met touchpoint: {id}"
    ),
    "w106.everyone": "",
    "w106.persona": " voor persona {ids}",
    "w106.personas": " voor persona's {ids}",
    "w107": (
        "kritiek contactmoment '{touchpoint}' heeft geen belevingsscore; geef een score van "
        "1 (zeer slecht) tot 5 (zeer goed), zodat een breekmoment niet onopgemerkt blijft"
    ),
    "w108": (
        "onderbouwing '{source}' is van {date}, meer dan {months} maanden vóór de peildatum "
        "{today}; "
        "meet opnieuw en werk de scores en de datum bij"
    ),
    "w109": (
        "persona '{persona}' ({id}) komt bij geen enkel contactmoment voor en heeft geen "
        "personascores; zet '{id}' onder personas bij de contactmomenten die deze persona "
        "doorloopt, of haal de persona weg"
    ),
    "w110": (
        "open actie '{action}' heeft geen kanaal; noem het kanaal waarop de actie iets "
        "verandert, zoals website, app of telefoon"
    ),
    "w111": (
        "breekmoment '{touchpoint}' (kritiek contactmoment, beleving {experience}) heeft alleen "
        "open acties met horizon 'later'; plan er ook een met horizon 'now' of 'next'"
    ),
    "w112": (
        "KPI '{kpi}' staat op {value}, slechter dan de streefwaarde {target}, en fase '{stage}' "
        "heeft "
        "geen open actie; voeg een actie toe (status todo of doing) die de KPI verbetert"
    ),
    **COMMANDS,
}
