"""The extract's wording, in Swedish and English, from ``resources/letters/<lang>.yaml``.

The texts live in resources so the privacy officer (not a programmer) can adjust them;
both languages must define the same keys, which :func:`letter_texts` checks. A text that
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
    "document_title", "subject", "case_label", "date_label", "org_number_label", "page",
    "greeting", "intro", "machine_readable", "closing", "regards", "signature",
    "processing_heading", "category_purpose", "category_legal_basis", "category_recipients",
    "category_retention", "rights_heading", "rights", "complaint_heading", "complaint",
    "source_heading", "source", "automated_heading", "automated", "withheld_heading",
    "withheld", "withheld_mark", "data_heading", "data_intro", "table_caption", "no_data",
    "withheld_rows", "withheld_fields", "withheld_and", "withheld_marked", "undisclosed",
    "free", "fee", "transfers_heading", "transfer_line", "named_recipients", "desk_heading",
    "desk_intro", "desk_line", "desk_fee", "desk_refused",
})
#: Keys whose text is a mapping {one, other}: they depend on a number.
COUNTED_KEYS = frozenset({"withheld", "withheld_rows", "withheld_fields", "undisclosed",
                          "data_intro", "table_caption"})


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

    def items(self, rows: int, fields: int) -> str:
        """"1 post och 2 uppgifter" / "1 record and 2 items" (zero counts left out)."""
        parts = ([self.count("withheld_rows", rows)] if rows else []) + \
            ([self.count("withheld_fields", fields)] if fields else [])
        return f" {self.get('withheld_and')} ".join(parts)


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
