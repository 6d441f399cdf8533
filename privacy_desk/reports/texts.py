"""The extract's wording, in Swedish and English, from ``resources/letters/<lang>.yaml``.

The texts live in resources so the privacy officer (not a programmer) can adjust them;
both languages must define the same keys, which :func:`letter_texts` checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from privacy_desk.errors import UserError
from privacy_desk.resources import resource_path

LANGUAGES = ("sv", "en")

REQUIRED_KEYS = frozenset({
    "document_title", "subject", "case_label", "date_label", "org_number_label", "page",
    "greeting", "intro", "machine_readable", "closing", "regards", "signature",
    "processing_heading", "category_purpose", "category_legal_basis", "category_recipients",
    "category_retention", "rights_heading", "rights", "complaint_heading", "complaint",
    "source_heading", "source", "automated_heading", "automated", "withheld_heading",
    "withheld", "withheld_mark", "data_heading", "data_intro", "table_caption", "no_data",
})


class UnknownLanguage(UserError):
    """An extract was asked for in a language we have no letter texts for."""


@dataclass(frozen=True)
class LetterTexts:
    """One language's texts; :meth:`get` fills the placeholders."""

    lang: str
    texts: Mapping[str, str]

    def get(self, key: str, **values: Any) -> str:
        text = " ".join(self.texts[key].split())
        return text.format(**values) if values else text


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"There are no extract texts in the language {lang!r}.",
                              "Choose sv (Swedish) or en (English).")
    return lang


@cache
def letter_texts(lang: str) -> LetterTexts:
    """The texts for ``lang`` ('sv' or 'en'), checked for completeness."""
    check_language(lang)
    path = resource_path("letters", f"{lang}.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise UserError(f"The letter texts in {path.name} are not a mapping of keys to texts.",
                        "Reinstall Privacy Desk or restore the file.")
    missing = sorted(REQUIRED_KEYS - data.keys())
    if missing:
        raise UserError(f"The letter texts in {path.name} lack {', '.join(missing)}.",
                        "Add the missing texts (see the other language's file).")
    return LetterTexts(lang, {k: str(v) for k, v in data.items()})
