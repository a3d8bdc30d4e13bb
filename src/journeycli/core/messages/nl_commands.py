"""De Nederlandse berichten van de commando's zelf (`new.*`, `fix.*`, `lint.*`, `measure.*`).

The Dutch counterpart of `en_commands.py`, included by `nl.py`; the same word
choices as there (docs/lint.md, "Messages in Dutch").
"""

COMMANDS: dict[str, str] = {
    # journey new
    "new.created": "{path} aangemaakt ({template}, {language}, {stages}).",
    "new.stages.one": "{n} fase",
    "new.stages.other": "{n} fasen",
    "new.stages_from_flag.one": "{n} fase uit --stages",
    "new.stages_from_flag.other": "{n} fasen uit --stages",
    "new.next": (
        "Volgende stap: vul de vragen in en controleer de klantreiskaart dan met: journey lint "
        "{path}"
    ),
    "new.schema": "Voor controles tijdens het typen: journey schema > {target}",
    # journey fix
    "fix.fixed": "E003 hersteld: {before} → {after} ({reason})",
    "fix.label": "Nederlands label",
    "fix.quote": "tekst, geen ja/nee-waarde",
    "fix.list": "een lijst met één item",
    "fix.nothing": "niets te herstellen",
    "fix.to_fix": "{n} te herstellen",
    "fix.done": "{n} hersteld",
    "fix.left.none": "geen fouten meer",
    "fix.left.one": "nog 1 fout",
    "fix.left.other": "nog {n} fouten",
    "fix.diff_note": " (--diff: niets opgeslagen)",
    "fix.no_note": "",
    "fix.summary": "{done}, {left}{note}.",
    # journey lint
    "lint.maps.one": "{n} klantreiskaart",
    "lint.maps.other": "{n} klantreiskaarten",
    "lint.errors.one": "{n} fout",
    "lint.errors.other": "{n} fouten",
    "lint.warnings.one": "{n} waarschuwing",
    "lint.warnings.other": "{n} waarschuwingen",
    "lint.all_clear": "Alles in orde: {maps} gecontroleerd, geen problemen.",
    "lint.found": "{errors} en {warnings} gevonden in {maps}.",
    # journey measure
    "measure.row": "{table} rij {row}: {problem}",
    "measure.empty_cell": "de cel {column} is leeg; vul hem in of verwijder de rij",
    "measure.not_number": "{column} '{text}' is geen getal; vul een getal in binnen {what}",
    "measure.outside": "{column} '{text}' valt buiten {what}",
    "measure.what.scale": "de schaal {scale} (--scale)",
    "measure.what.customers": "het bereik van 0 of meer klanten",
    "measure.what.ratings": "de beoordelingsschaal 1 (zeer slecht) tot en met 5 (zeer goed)",
    "measure.unknown.stage": "geen fase '{value}' in de klantreiskaart; {tail}",
    "measure.unknown.persona": "geen persona '{value}' in de klantreiskaart; {tail}",
    "measure.unknown.touchpoint": "geen contactmoment '{value}' in de klantreiskaart; {tail}",
    "measure.known.stage": "bekende fasen: {listed}",
    "measure.known.persona": "bekende persona's: {listed}",
    "measure.known.touchpoint": "bekende contactmomenten: {listed}",
    "measure.did_you_mean": "bedoel je '{match}'?",
    "measure.no_rows": "{table}: geen rijen met gegevens onder de kopregel (rij 1)",
    "measure.not_whole": "entered '{text}' is geen geheel getal",
    "measure.twice": "fase '{stage}' staat al in rij {row}",
    "measure.grows": (
        "'{after}' heeft een instroom van {later} klanten, "
        "meer dan de {count} van de fase ervoor ('{here}'); een funnel kan niet groeien"
    ),
    "measure.line.scores": "fase {stage}: {scores} (n={n})",
    "measure.line.scores_margin": "fase {stage}: {scores} (n={n}, marge {margin})",
    "measure.line.volume": "volume (metrics): {volume}",
    "measure.line.conversion": "fase {stage}: conversion {value}",
    "measure.line.experience": "contactmoment {touchpoint}: experience {value} (n={n})",
    "measure.map_errors": (
        "{name}: de klantreiskaart bevat fouten; "
        "voer journey lint uit en herstel ze voordat je meet"
    ),
    "measure.edit_failed": (
        "{name}: de resultaten kunnen niet in het bestand worden gezet: {reason}"
    ),
    "measure.write_wrong": "{name}: het schrijven van {where} ging mis; er is niets opgeslagen",
    "measure.invalid_after": (
        "{name}: de gemeten klantreiskaart zou ongeldig worden; er is niets opgeslagen"
    ),
    "measure.summary": "{state}: {results} uit de gegevens",
    "measure.state.none": "geen wijziging",
    "measure.state.would": "zou wijzigen",
    "measure.state.done": "gemeten",
    "measure.results.one": "{n} resultaat",
    "measure.results.other": "{n} resultaten",
    "measure.no_column": (
        "{table} rij 1: geen kolom {missing} (gevonden kolommen: {found}); "
        "zet de kolomnamen in de eerste rij"
    ),
    "measure.no_columns": "geen",
    "measure.or": "{a} of {b}",
    "measure.too_large": "{table}: groter dan {mib} MiB; te groot om als meetgegevens in te lezen",
    "measure.too_many_rows": "{table}: meer dan {rows} rijen; splits het gegevensbestand",
    "measure.empty_file": (
        "{table}: het bestand is leeg; vul een kopregel in met daaronder één rij per antwoord"
    ),
    "measure.not_utf8": "{table}: geen UTF-8-tekst; sla het bestand op als CSV UTF-8",
    "measure.xlsx_size": "{table}: is uitgepakt groter dan {mib} MiB",
    "measure.xlsx_bad": "{table}: geen leesbare .xlsx-werkmap; sla hem opnieuw op vanuit Excel",
}
