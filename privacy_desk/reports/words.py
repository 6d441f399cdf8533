"""How a portal value reads to a person: the map's value labels, yes/no, amounts, dates, and
other persons shown as the map says (art. 15(4)).

The PDF letter and the preview both call :func:`cell_text`, so the officer previews the words
the person will read. JSON and CSV keep the raw values (and machine names); the labels go
into the bundle's manifest instead.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from privacy_desk.datamap.model import ColumnSpec, Text

_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$")
#: No-break space: "4 358,70" never wraps inside the number.
_NBSP = "\u00a0"
_CENT = Decimal("0.01")
#: Spellings of a boolean a portal may hand back (SQLite and MariaDB give 1/0).
_TRUE, _FALSE = ("true", "1"), ("false", "0")


@dataclass(frozen=True)
class OtherPerson:
    """A column that points at another person, as an extract may show it: never the id.

    ``name`` is only set when the map says ``disclose: disclosed`` and the portal has a
    label for that person; otherwise only the role is shown.
    """

    role: Text
    name: str | None = None

    def text(self, lang: str) -> str:
        return self.name or self.role.get(lang)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"role": {"sv": self.role.sv, "en": self.role.en}}
        if self.name:
            out["name"] = self.name
        return out


def value_label(column: ColumnSpec, value: Any, lang: str) -> str | None:
    """The map's label for a coded value; ``1``/``True`` find a label written ``true`` (and
    back), and keys are compared case-insensitively, as a DBA writes them either way."""
    if not column.values or value is None:
        return None
    labels = {k.strip().lower(): t for k, t in column.values.items()}
    raw = str(value).lower() if isinstance(value, bool) else str(value).strip().lower()
    keys = [raw]
    for group in (_TRUE, _FALSE):
        if raw in group:
            keys += [k for k in group if k != raw]
    for key in keys:
        if key in labels:
            return labels[key].get(lang)
    return None


def format_number(value: Decimal | float, lang: str) -> str:
    """Grouped digits and the language's decimal sign: ``4 358,70`` / ``4,358.70``.

    A Decimal keeps its scale (the column's); a float (SQLite's NUMERIC) with at most two
    decimals is an amount and gets two, any other float keeps its digits.
    """
    try:
        if isinstance(value, float):
            if not math.isfinite(value):
                return str(value)
            number = Decimal(repr(value))
            if number == number.quantize(_CENT):
                number = number.quantize(_CENT)
        else:
            number = value
        text = f"{number:,f}"
    except (InvalidOperation, ValueError):
        return str(value)
    if lang == "sv":
        return text.replace(",", _NBSP).replace(".", ",")
    return text


def format_value(value: Any, lang: str) -> str:
    """A value without a label: dates ISO 8601, times to the minute, booleans as words,
    amounts as the language writes them."""
    if value is None:
        return "—"
    if isinstance(value, OtherPerson):
        return value.text(lang)
    if isinstance(value, bool):
        return ("Ja" if value else "Nej") if lang == "sv" else ("Yes" if value else "No")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return format_number(value, lang)
    text = str(value)
    # SQLite hands timestamps back as text: show them like datetimes from the servers.
    return text[:16] if _ISO_DATETIME.match(text) else text


def cell_text(column: ColumnSpec | None, value: Any, lang: str) -> str:
    """What a person reads for ``value`` of ``column``: its label, else the formatted value."""
    if column is not None and not isinstance(value, OtherPerson):
        label = value_label(column, value, lang)
        if label is not None:
            return label
    return format_value(value, lang)
