"""The letters' words, in Swedish and English, from ``resources/letters/<lang>.yaml``.

The letters themselves are templates (:mod:`~privacy_desk.reports.templating`); these are
the words the program puts around and into them: the labels on every page, the extract's
table captions, and what a request type, a case status or a way to prove one's identity
is called. Both languages must define the same keys, which :func:`letter_texts` checks. A text that
depends on a number is a mapping ``{one: ..., other: ...}`` ("1 post" / "2 poster"), read
with :meth:`LetterTexts.count`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.resources import resource_path

LANGUAGES = ("sv", "en")

REQUIRED_KEYS = frozenset({
    "document_title", "case_label", "date_label", "org_number_label", "page", "withheld_mark",
    "table_caption",
    *(f"status_{s}" for s in ("received", "awaiting_identity", "in_progress", "extended",
                              "answered", "closed", "rejected", "withdrawn")),
    *(f"request_{r}" for r in ("access", "rectification", "erasure", "restriction",
                               "portability", "objection", "consent_withdrawal")),
    *(f"identity_{m}" for m in ("e_id", "signed_letter", "id_document")),
})
#: Keys whose text is a mapping {one, other}: they depend on a number.
COUNTED_KEYS = frozenset({"table_caption"})


class UnknownLanguage(UserError):
    """An extract was asked for in a language we have no letter texts for."""


@dataclass(frozen=True)
class LetterTexts:
    """One language's texts; :meth:`get` fills the placeholders."""

    lang: str
    texts: Mapping[str, str | Mapping[str, str]]

    def get(self, key: str, **values: Any) -> str:
        raw = self.texts[key]
        if not isinstance(raw, str):
            raise KeyError(f"{key} depends on a number; use count()")
        text = " ".join(raw.split())
        return text.format(**values) if values else text

    def count(self, key: str, count: int, **values: Any) -> str:
        """The text for ``count`` things: its ``one`` form for 1, else ``other``."""
        raw = self.texts[key]
        form = raw if isinstance(raw, str) else raw["one" if count == 1 else "other"]
        return " ".join(form.split()).format(count=count, **values)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UnknownLanguage(msg("There are no extract texts in the language {lang}.",
                                  lang=repr(lang)),
                              msg("Choose sv (Swedish) or en (English)."))
    return lang


@cache
def letter_texts(lang: str) -> LetterTexts:
    """The texts for ``lang`` ('sv' or 'en'), checked for completeness."""
    check_language(lang)
    path = resource_path("letters", f"{lang}.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise UserError(msg("The letter texts in {path} are not a mapping of keys to texts.",
                            path=path.name),
                        msg("Reinstall Privacy Desk or restore the file."))
    missing = sorted(REQUIRED_KEYS - data.keys())
    if missing:
        raise UserError(msg("The letter texts in {path} lack {choices}.",
                            path=path.name, choices=', '.join(missing)),
                        msg("Add the missing texts (see the other language's file)."))
    texts: dict[str, str | Mapping[str, str]] = {}
    for key, value in data.items():
        if key in COUNTED_KEYS:
            if not (isinstance(value, dict) and {"one", "other"} <= value.keys()):
                raise UserError(msg("The letter text {key} in {path} depends on a number and "
                                    "needs two forms.",
                                    key=repr(key), path=path.name),
                                msg("Write it as 'one: ...' and 'other: ...' (see the other "
                                    "language's file)."))
            texts[key] = {"one": str(value["one"]), "other": str(value["other"])}
        else:
            texts[key] = str(value)
    return LetterTexts(lang, texts)
