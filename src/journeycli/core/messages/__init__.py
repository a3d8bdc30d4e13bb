"""The message catalogue: every lint and command message, by id, in English and Dutch.

A problem or an error carries a `Message` (an id and its values), not only
finished text, so the words are chosen when the output is written: in the
map's own language (`language: nl`), or the one `--lang` asks for
(docs/lint.md, "Messages in Dutch"). Each language is one module here
(`en.py`, `nl.py`) that maps an id to its template; a test checks that both
have the same ids and the same `{fields}`. Codes, JSON keys and SARIF rule
metadata never change with the language. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeycli.core.enums import Language
from journeycli.core.messages import en, nl

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError

CATALOGUES: dict[Language, dict[str, str]] = {Language.EN: en.MESSAGES, Language.NL: nl.MESSAGES}


@dataclass(frozen=True, slots=True)
class Message:
    """One message before it is put into words: its catalogue id and its values.

    A value may itself be a Message (a word such as "persona" that is
    translated too); an int is written with the language's thousands
    separator (`1,000` / `1.000`).
    """

    id: str
    args: tuple[tuple[str, str | int | Message], ...] = ()

    def render(self, lang: Language | str = Language.EN) -> str:
        language = Language(lang)
        template = CATALOGUES[language].get(self.id) or en.MESSAGES[self.id]
        return template.format(**{name: _value(v, language) for name, v in self.args})

    def __str__(self) -> str:
        return self.render(Language.EN)


def _value(value: str | int | Message, lang: Language) -> str:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, bool) or not isinstance(value, int):
        return str(value)
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang is Language.NL else grouped


def msg(message_id: str, **args: str | int | Message) -> Message:
    """The message `message_id` with its values; an unknown id fails at once (KeyError)."""
    if message_id not in en.MESSAGES:
        raise KeyError(f"no message '{message_id}' in the catalogue")
    return Message(message_id, tuple(args.items()))


def text(message_id: str, lang: Language | str = Language.EN, **args: str | int | Message) -> str:
    """`msg(...)` put into words at once (command output that is printed right away)."""
    return msg(message_id, **args).render(lang)


def or_list(items: Iterable[str]) -> str | Message:
    """`'a', 'b' or 'c'` / `'a', 'b' of 'c'` (one item as it is)."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return msg("or_list", head=", ".join(words[:-1]), last=words[-1])


INVALID = "journey"
"""The Pydantic error type of a field's own check; its context holds the `Message`."""


def invalid(message: Message) -> PydanticCustomError:
    """The error a field's check raises: English text for Pydantic, the Message for lint.

    Validation (`journeycli.core.validation`) takes the Message from the
    error's context, so the problem can be written in the map's language.
    Pydantic is imported here, not at the top: problems (and so this module)
    are loaded by commands that never validate a map.
    """
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(INVALID, "{text}", {"text": message.render(), "message": message})


def language_of(value: object) -> Language | None:
    """A map's `language:` as written, when it is one journey knows (else None)."""
    try:
        return Language(value) if isinstance(value, str) else None
    except ValueError:
        return None


__all__ = [
    "CATALOGUES",
    "INVALID",
    "Message",
    "invalid",
    "language_of",
    "msg",
    "or_list",
    "text",
]
