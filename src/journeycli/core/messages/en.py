"""The English catalogue: message id -> template (`{name}` fields; see `journeycli.core.messages`).

Ids are grouped by where the message comes from: `e001.*`-`e006.*` the
loader and validation, `value.*` a field's own check, `w1xx` the warning
rules, `word.*` words used inside other messages, `lint.*` and `cli.*` the
commands. The Dutch catalogue (`nl.py`) has exactly the same ids and fields.
"""

from journeycli.core.messages.en_commands import COMMANDS

MESSAGES: dict[str, str] = {
    # lists and small words used inside other messages
    "or_list": "{head} or {last}",
    "word.nothing": "nothing",
    "word.persona": "persona",
    "word.touchpoint": "touchpoint",
    "word.opportunity": "opportunity",
    "word.octal": "octal",
    "word.base-60": "base-60",
    # E001: the file cannot be read as one YAML mapping
    "e001.not_utf8": "not UTF-8: byte {byte} cannot be decoded; save the file as UTF-8",
    "e001.unreadable": "unreadable",
    "e001.yaml": "not valid YAML: {reason}",
    "e001.yaml_hint": "not valid YAML: {hint}",
    "yaml.unclosed_quote": (
        "the quote that opens here (line {line}) is never closed; end the text with {quote}"
    ),
    "yaml.key_expected": (
        "line {line} has text where a key is expected; add ': ' after the key, or put the "
        "text in quotes"
    ),
    "yaml.reserved": "YAML reserves '{char}' at the start of a value; put the text in quotes",
    "yaml.escape": (
        "a backslash in double quotes starts an escape; write \\\\ for a backslash, or use "
        "single quotes"
    ),
    "yaml.tab_indent": (
        "line {line} is indented with a tab; YAML allows only spaces for indentation"
    ),
    "yaml.tab": "YAML does not allow a tab here; use spaces",
    "yaml.the_list": "the list",
    "yaml.the_mapping": "the mapping",
    "yaml.flow_open": "{kind} is not closed; end it with '{closing}'",
    "yaml.flow_bad": (
        "{kind} that starts with '{opening}' on line {line} is not written as YAML "
        "expects; separate its items with ', ' and quote text with ': ' or '{closing}'"
    ),
    "yaml.flow_unclosed": (
        "the '{opening}' on line {line} is never closed; end {kind} with '{closing}'"
    ),
    "yaml.tight_colon": "'{token}' needs a space after ':'; write '{key}: {value}'",
    "yaml.colon_in_text": (
        "the text after '{key}:' contains ': '; put it in quotes: {key}: \"{text}\""
    ),
    "yaml.dash": "'{head}' needs a space after '-' to start a list item; write '- {rest}'",
    "yaml.indented_further": (
        "line {line} is indented further than line {above} ({here} spaces, not {prefix}), "
        "so YAML reads it as more text of line {above}; give keys of one mapping the same "
        "indentation"
    ),
    "yaml.after_quote": (
        "there is text after the closing quote on line {line}; put the whole text in "
        'quotes: "{whole}"'
    ),
    "yaml.no_level": (
        "line {line} is indented {here} spaces, which matches no line above it (line "
        "{above} has {there}); give keys of one mapping, and items of one list, the same "
        "indentation"
    ),
    "yaml.misfit": (
        "line {line} (indented {here} spaces) does not fit the lines above it (line "
        "{above} has {there}); check its indentation, and whether it needs a '- '"
    ),
    "e001.control_character": (
        "not valid YAML: the character {char} is not allowed in YAML (a control character); "
        "remove it"
    ),
    "e001.empty": "the file is empty; a map needs at least version, title and stages",
    "e001.documents": "more than one document in the file; keep one map per file",
    "e001.top_level_empty": "the top level must be a mapping of keys, not empty",
    "e001.top_level": "the top level must be a mapping of keys, not {kind}",
    "e001.top_level.list": "a list",
    "e001.top_level.text": "a text",
    "e001.top_level.number": "a number",
    "e001.top_level.yes_no": "a yes/no value",
    "e001.top_level.date": "a date",
    "e001.top_level.value": "a single value",
    "e001.unknown_alias": "unknown alias *{anchor}",
    "e001.unexpected": "unexpected {event}",
    # E002
    "e002.duplicate_key": "duplicated key '{key}' (first at line {line})",
    # E003: the format
    "e003.complex_key": "a key must be plain text, not a list or mapping",
    "e003.unsupported_tag": (
        "unsupported YAML tag '{tag}': journey reads plain YAML only (tags are never executed)"
    ),
    "e003.bad_tagged": "'{text}' is not a valid !!{kind}",
    "e003.unsafe_key": "{where}: key contains {char}, {why}; remove it",
    "e003.unsafe_text": "{where}: text contains {char}, {why}; remove it",
    "e003.why_bidi": (
        "a bidirectional control that makes text display in another order than it is stored"
    ),
    "e003.why_control": "a control character that can rewrite a terminal or break an output format",
    "e003.missing": "{where}: missing required key '{key}'",
    "e003.unknown_key": "{where}: unknown key '{key}'",
    "e003.unknown_key_match": "{where}: unknown key '{key}'; did you mean '{match}'?",
    "e003.unknown_key_prefix": (
        "{where}: unknown key '{key}'; keys of your own must start with '{prefix}'"
    ),
    "e003.value": "{where}: {detail}",
    "e003.at_least": "{where}: {value} is out of range (must be at least {bound})",
    "e003.at_most": "{where}: {value} is out of range (must be at most {bound})",
    "e003.bad_id": (
        "{where}: {value} is not a valid id; use lower-case letters, digits and single hyphens "
        "(like 'first-visit')"
    ),
    "e003.empty": "{where}: must not be empty",
    "e003.no_items": "{where}: needs at least one item",
    "e003.not_allowed": "{where}: {value} is not allowed; expected {expected}",
    "e003.dutch_label": "{where}: '{label}' is the Dutch label; write {value}",
    "e003.expected": "{where}: expected {expected}, got {value}",
    "e003.future_date": (
        "{where}: {date} is after the reference date {today}; evidence cannot come from the "
        "future: write the date it was gathered"
    ),
    "expect.whole_number": "a whole number",
    "expect.text": "text",
    "expect.bool": "true or false",
    "expect.list": "a list",
    "expect.mapping": "a mapping of keys",
    "expect.date": "a date (YYYY-MM-DD)",
    "expect.date_only": "a date without a time (YYYY-MM-DD)",
    # a field's own check (the detail of e003.value)
    "value.ambiguous_bool": (
        "'{text}' is read by YAML as the boolean {value}; quote it (\"{text}\") if you mean text"
    ),
    "value.ambiguous_number": (
        "'{text}' is read by YAML 1.1 as the {kind} number {value}; write the plain number or "
        'quote it ("{text}") if you mean text'
    ),
    "value.text_got_bool": "expected text, got the boolean {value}; quote it",
    "value.text_got_number": 'expected text, got the number {value}; quote it ("{text}")',
    "value.blank": "'{text}' is only spaces; write a name or text",
    "value.flag": "only true and false are accepted here, not '{text}' (write {value})",
    "value.mapping_null": "expected a mapping, got nothing; write {{}} for none or remove the key",
    "value.list_null": "expected a list, got nothing; write [] for none or remove the key",
    "value.out_of_range": "{value} is out of range: expected a number {bounds}",
    "value.between": "between {low} and {high}",
    "value.at_least": "{low} or more",
    "value.any_number": "such as 12 or -3.5",
    "value.text_got_list": "expected text, got a list",
    "value.text_got": "expected text, got {value}",
    "value.key_and_value": (
        "'{text}' was read as a key and a value because of the ': '; put the text in "
        'quotes: "{text}"'
    ),
    "value.quoted_bool": "expected true or false, got the text {value}; remove the quotes",
    "value.dash_item": (
        "expected a list, got a mapping; '{dashed}' needs a space after '-' to start a "
        "list item ('- {rest}')"
    ),
    "value.list_got_mapping": (
        "expected a list, got a mapping; start each item with '- ' on its own line, or "
        "write [{{...}}]"
    ),
    "value.list_got": "expected a list, got {value}; write {suggestion}",
    "value.quoted_item": '["{text}"], or one item per line',
    "value.one_item": "[{text}]",
    "value.number_hint": "expected {expected}, got {value}; {hint}",
    "value.quoted_number": "expected {expected}, got the text {value}; remove the quotes",
    "value.a_number": "a number {bounds}",
    "value.number": "expected a number {bounds}, got {value}",
    "value.finite": "expected a finite number {bounds}, got {value}",
    "value.twelve_months": "a year has 12 months",
    "value.days_from_one": "days start at 1",
    "value.month_days": "{month} {year} has {days} days",
    "value.no_such_date": "'{text}' is not a date that exists ({why})",
    "value.date_time": "expected a date without a time (YYYY-MM-DD), got {value}; write {date}",
    "value.date_write": "expected a date (YYYY-MM-DD), got {value}; write {date}",
    "value.date": "expected a date (YYYY-MM-DD), got {value}",
    "value.thousands_decimal": (
        "'{text}' reads as {number}; write {digits} (no thousands separator), or "
        "{decimal} for a decimal"
    ),
    "value.thousands_text_decimal": (
        "'{text}' reads as text; write {digits} (no thousands separator), or {decimal} "
        "for a decimal"
    ),
    "value.thousands": "'{text}' reads as text; write {digits} (no thousands separator)",
    "hint.separators": "write {number} (no thousands separator, a point before the decimals)",
    "hint.write": "write {number}",
    "hint.percent": "write {number} (percent without %)",
    "hint.currency": "write {number} (the currency goes in metrics.currency)",
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
    "value.a_mapping": "a mapping (with the keys {keys})",
    "value.a_list": "a list",
    "value.other_kind": "a value of another kind",
    "value.no_id": "no id can be made from the name '{name}'; add an id",
    # E004-E005
    "e004.persona": (
        "duplicate persona id '{id}' (also used by the persona at {where}); "
        "give each persona its own id"
    ),
    "e004.stage": (
        "duplicate stage id '{id}' (also used by the stage at {where}); give each stage its own id"
    ),
    "e004.touchpoint": (
        "duplicate touchpoint id '{id}' (also used by the touchpoint at {where}); "
        "give each touchpoint its own id"
    ),
    "e004.action": (
        "duplicate action id '{id}' (also used by the action at {where}); "
        "give each action its own id"
    ),
    "e004.opportunity": (
        "duplicate opportunity id '{id}' (also used by the opportunity at {where}); "
        "give each opportunity its own id"
    ),
    "e005.match": "unknown {kind} '{ref}'; did you mean '{match}'?",
    "e005.define_opportunity": (
        "unknown opportunity '{ref}'; define it under opportunities as {{text: ..., id: {ref}}}"
    ),
    "e005.define": "unknown {kind} '{ref}'; define it under {key}",
    "e005.known": "unknown {kind} '{ref}'; known {key}: {known}",
    # E006: resource limits
    "e006.file_size": "file is over the limit of {limit} bytes; raise it with --max-file-size",
    "e006.expanded_size": (
        "the document would expand to more than {limit} bytes of text ({mib}; an alias "
        "repeating a large value?); raise the limit with --max-expanded-size if this map is real"
    ),
    "e006.nodes": (
        "the document would expand to more than {limit} nodes (an alias bomb?); raise the limit "
        "with --max-nodes if this map is real"
    ),
    "e006.depth": (
        "nesting deeper than {limit} levels; raise the limit with --max-depth if this map is real"
    ),
    "e006.recursive_alias": "alias *{anchor} refers to itself (a recursive structure)",
    "e006.stages": (
        "more than {limit} stages ({count}); raise the limit with --max-stages if this map is real"
    ),
    "e006.touchpoints": (
        "more than {limit} touchpoints; raise the limit with --max-touchpoints if this map is real"
    ),
    # W101-W112
    "w101": "stage '{stage}' has no {missing}; it cannot be ranked (score it 0-100)",
    "w101.relevance": "relevance",
    "w101.presence": "presence",
    "w101.both": "relevance or presence",
    "w102": (
        "stage '{stage}' is scored with {reason}; add the analytics, survey or interview the "
        "scores come from"
    ),
    "w102.assumptions": "only assumptions as evidence",
    "w102.no_evidence": "no evidence",
    "w103": "stage '{stage}' has a gap of {gap} (threshold {threshold}) but lacks {lacking}",
    "w103.opportunity": "an opportunity",
    "w103.action": "an open action",
    "w103.both": "an opportunity and an open action",
    "w104": "open action '{action}' has no owner",
    "w105": "stage '{stage}' has no touchpoints; where does the customer meet you here?",
    "w106": (
        "breaking moment '{touchpoint}'{who} (critical, experience {experience}) has no open "
        "action with touchpoint: {id}"
    ),
    "w106.everyone": "",
    "w106.persona": " for persona {ids}",
    "w106.personas": " for personas {ids}",
    "w107": (
        "critical touchpoint '{touchpoint}' has no experience score; score it from 1 (very bad) "
        "to 5 (very good), so a breaking moment cannot hide"
    ),
    "w108": (
        "evidence '{source}' is dated {date}, more than {months} months before {today}; "
        "measure again and update the scores and the date"
    ),
    "w109": (
        "persona '{persona}' ({id}) meets no touchpoint and has no persona scores; name "
        "'{id}' in the personas of the touchpoints it meets, or remove the persona"
    ),
    "w110": (
        "open action '{action}' has no channel; name the channel it changes, such as website, "
        "app or phone"
    ),
    "w111": (
        "breaking moment '{touchpoint}' (critical, experience {experience}) has open actions "
        "only on the 'later' horizon; plan one for now or next"
    ),
    "w112": (
        "KPI '{kpi}' is {value}, worse than its target {target}, and stage '{stage}' has no "
        "open action; add one (status todo or doing) that works on it"
    ),
    **COMMANDS,
}
