"""The English messages of the commands' own output (`new.*`, `fix.*`, `lint.*`, `measure.*`).

Kept apart from the lint catalogue in `en.py`, which includes them; `nl_commands.py`
has the same ids and fields in Dutch.
"""

COMMANDS: dict[str, str] = {
    # journey new
    "new.created": "Created {path} ({template}, {language}, {stages}).",
    "new.stages.one": "{n} stage",
    "new.stages.other": "{n} stages",
    "new.stages_from_flag.one": "{n} stage from --stages",
    "new.stages_from_flag.other": "{n} stages from --stages",
    "new.next": "Next: fill in the prompts, then run: journey lint {path}",
    "new.schema": "For checks while you type: journey schema > {target}",
    # journey fix
    "fix.fixed": "fixed E003 {before} → {after} ({reason})",
    "fix.label": "Dutch label",
    "fix.quote": "text, not a boolean",
    "fix.list": "a list of one",
    "fix.nothing": "nothing to fix",
    "fix.to_fix": "{n} to fix",
    "fix.done": "{n} fixed",
    "fix.left.none": "no errors remain",
    "fix.left.one": "1 error remains",
    "fix.left.other": "{n} errors remain",
    "fix.diff_note": " (--diff: nothing written)",
    "fix.no_note": "",
    "fix.summary": "{done}, {left}{note}.",
    # journey lint
    "lint.maps.one": "{n} map",
    "lint.maps.other": "{n} maps",
    "lint.errors.one": "{n} error",
    "lint.errors.other": "{n} errors",
    "lint.warnings.one": "{n} warning",
    "lint.warnings.other": "{n} warnings",
    "lint.all_clear": "All clear: {maps} checked, no problems.",
    "lint.found": "Found {errors} and {warnings} in {maps}.",
    # journey measure
    "measure.row": "{table} row {row}: {problem}",
    "measure.empty_cell": "the {column} cell is empty; fill it in or delete the row",
    "measure.not_number": "{column} '{text}' is not a number; write {what}",
    "measure.outside": "{column} '{text}' is outside {what}",
    "measure.what.scale": "the scale {scale} (--scale)",
    "measure.what.customers": "a number of customers, 0 or more",
    "measure.what.ratings": "the ratings 1 (very bad) to 5 (very good)",
    "measure.unknown.stage": "no stage '{value}' in the map; {tail}",
    "measure.unknown.persona": "no persona '{value}' in the map; {tail}",
    "measure.unknown.touchpoint": "no touchpoint '{value}' in the map; {tail}",
    "measure.known.stage": "the map's stages are {listed}",
    "measure.known.persona": "the map's personas are {listed}",
    "measure.known.touchpoint": "the map's touchpoints are {listed}",
    "measure.did_you_mean": "did you mean '{match}'?",
    "measure.no_rows": "{table}: no rows with data under the header (row 1)",
    "measure.not_whole": "entered '{text}' is not a whole number",
    "measure.twice": "stage '{stage}' is already on row {row}",
    "measure.grows": (
        "{later} entered '{after}' but only {count} entered '{here}' before it; "
        "a funnel cannot grow"
    ),
    "measure.line.scores": "stage {stage}: {scores} (n={n})",
    "measure.line.scores_margin": "stage {stage}: {scores} (n={n}, margin {margin})",
    "measure.line.volume": "metrics volume: {volume}",
    "measure.line.conversion": "stage {stage}: conversion {value}",
    "measure.line.experience": "touchpoint {touchpoint}: experience {value} (n={n})",
    "measure.map_errors": (
        "{name}: the map has errors; run journey lint and fix them before measuring"
    ),
    "measure.edit_failed": "{name}: cannot write the results in place: {reason}",
    "measure.write_wrong": "{name}: writing {where} went wrong; nothing written",
    "measure.invalid_after": "{name}: the measured map would not validate; nothing written",
    "measure.summary": "{state}: {results} from the data",
    "measure.state.none": "no change",
    "measure.state.would": "would change",
    "measure.state.done": "measured",
    "measure.results.one": "{n} result",
    "measure.results.other": "{n} results",
    "measure.no_column": (
        "{table} row 1: no column {missing} (columns found: {found}); "
        "name the columns in the first row"
    ),
    "measure.no_columns": "none",
    "measure.or": "{a} or {b}",
    "measure.too_large": "{table}: larger than {mib} MiB; not a data file to measure",
    "measure.too_many_rows": "{table}: more than {rows} rows; split the data file",
    "measure.empty_file": "{table}: the file is empty; write a header row and one row per answer",
    "measure.not_utf8": "{table}: not UTF-8 text; save the file as CSV UTF-8",
    "measure.xlsx_size": "{table}: unpacks to more than {mib} MiB",
    "measure.xlsx_bad": "{table}: not a readable .xlsx workbook; save it again from Excel",
}
