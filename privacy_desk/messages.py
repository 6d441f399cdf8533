"""Texts for people, carried as an English template and its parameters.

The services and the domain do not know who reads their words: the Swedish desk, the
English desk, a CLI run in a script. So a refusal or an event note is a :class:`Message`
(``msg("Case {case} is closed.", case=number)``): the English template is its id, as in
gettext, and the parameters travel with it. It is rendered when someone reads it, in
their language, from the catalogues in ``resources/messages/<lang>/*.po``
(``privacy_desk/catalogues.py`` reads them with Babel; every file of a language is merged,
so each area of the code keeps its own file).

A case event stores the message as JSON (:meth:`Message.to_json`), so the history reads
in Swedish in the Swedish desk and in English after switching, years later. Rewording an
English template therefore changes its id: keep the old wording's entry in the catalogue
while events that use it exist.

A template without a translation renders in English; a test fails on every ``msg(...)``
in the code that has no Swedish entry (tests/unit/test_message_catalogue.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

LANGUAGES = ("sv", "en")
SOURCE_LANGUAGE = "en"

_default_language = SOURCE_LANGUAGE
_loader: Callable[[str], Mapping[str, str]] | None = None


def set_language(language: str) -> None:
    """The language messages render in from now on, for the whole process."""
    global _default_language  # noqa: PLW0603 (one language per process, set at start)
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _default_language = language


def current_language() -> str:
    return _default_language


@dataclass(frozen=True)
class Message:
    """An English template with named ``{placeholders}`` and their values."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> str:
        lang = language or current_language()
        template = translate(self.template, lang)
        values = {k: _param_text(v, lang) for k, v in self.params.items()}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation that names a placeholder the code no longer passes must not
            # hide the message: fall back to the English template, which the test checks.
            log.warning("Translation of %r does not fit its parameters", self.template)
            return self.template.format(**values)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> str:
        return json.dumps(_to_data(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Message:
        return _from_data(json.loads(text))


def msg(template: str, /, **params: Any) -> Message:
    """A message for people; ``template`` is English and is the catalogue's id."""
    return Message(template, params)


def render(text: str | Message | None, language: str | None = None) -> str:
    """A plain string as it is, a message in ``language`` (default: the current one)."""
    if text is None:
        return ""
    if isinstance(text, Message):
        return text.render(language)
    return text


def translate(template: str, language: str) -> str:
    """The catalogue's translation of ``template``, or the template itself."""
    if language == SOURCE_LANGUAGE:
        return template
    return catalogue(language).get(template) or template


def use_catalogues(loader: Callable[[str], Mapping[str, str]]) -> None:
    """Where translations come from (``privacy_desk.catalogues.install`` at start-up).

    Kept out of this module so that the domain, whose errors are messages, does no I/O.
    """
    global _loader  # noqa: PLW0603 (one catalogue source per process, set at start)
    _loader = loader
    catalogue.cache_clear()


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str) -> Mapping[str, str]:
    """Every translated template of ``language`` (empty before catalogues are installed)."""
    return _loader(language) if _loader is not None else {}


def _param_text(value: Any, language: str) -> str:
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def _to_data(message: Message) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, value in message.params.items():
        if isinstance(value, Message):
            params[key] = {"$msg": _to_data(value)}
        elif isinstance(value, datetime | date):
            params[key] = value.isoformat()
        elif value is None or isinstance(value, str | int | float):
            params[key] = value
        else:
            params[key] = str(value)
    return {"t": message.template, "p": params}


def _from_data(data: Mapping[str, Any]) -> Message:
    params = {
        k: _from_data(v["$msg"]) if isinstance(v, dict) and "$msg" in v else v
        for k, v in dict(data.get("p") or {}).items()
    }
    return Message(str(data["t"]), params)
