"""How a value reads in a letter: value labels whatever the backend hands back, amounts and
yes/no per language, other persons never as an id; counted texts in singular and plural."""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

import pytest

from privacy_desk.datamap.model import ColumnSpec, Erasure, Text
from privacy_desk.reports.texts import letter_texts
from privacy_desk.reports.words import OtherPerson, cell_text, format_value

YES_NO = MappingProxyType({"true": Text("Ja", "Yes"), "false": Text("Nej", "No")})
FLAG = ColumnSpec("Flag", "c", True, Erasure.KEEP, values=YES_NO)


@pytest.mark.parametrize("stored", [True, 1, "1", "true"])  # PostgreSQL, SQLite/MariaDB, text
def test_a_boolean_label_is_found_however_the_portal_stores_it(stored: object) -> None:
    assert cell_text(FLAG, stored, "sv") == "Ja"
    assert cell_text(FLAG, stored, "en") == "Yes"


def test_labels_written_as_numbers_match_booleans_too() -> None:
    col = ColumnSpec("Flag", "c", True, Erasure.KEEP,
                     values=MappingProxyType({"0": Text("Nej", "No"), "1": Text("Ja", "Yes")}))
    assert cell_text(col, False, "sv") == "Nej" and cell_text(col, True, "en") == "Yes"
    assert cell_text(col, 7, "sv") == "7"  # no label: the value itself


@pytest.mark.parametrize(("value", "sv", "en"), [
    (Decimal("4358.70"), "4 358,70", "4,358.70"),
    (4358.7, "4 358,70", "4,358.70"),  # SQLite's NUMERIC comes back as a float
    (Decimal("-12.5"), "-12,5", "-12.5"),
    (59.329323, "59,329323", "59.329323"),
    (True, "Ja", "Yes"),
    (None, "—", "—"),
    ("2026-11-20 09:30:00.000000", "2026-11-20 09:30", "2026-11-20 09:30"),
])
def test_values_read_as_the_language_writes_them(value: object, sv: str, en: str) -> None:
    assert format_value(value, "sv").replace("\u00a0", " ") == sv
    assert format_value(value, "en") == en


def test_another_person_is_a_role_or_a_name_never_an_id() -> None:
    role = Text("Kundansvarig", "Account manager")
    assert cell_text(FLAG, OtherPerson(role), "sv") == "Kundansvarig"
    assert cell_text(FLAG, OtherPerson(role, "Steve Johnson"), "en") == "Steve Johnson"


def test_counted_texts_have_a_singular_and_a_plural() -> None:
    sv, en = letter_texts("sv"), letter_texts("en")
    assert sv.count("table_caption", 1, table="Fakturor") == "Fakturor: 1 post"
    assert sv.count("table_caption", 2, table="Fakturor") == "Fakturor: 2 poster"
    assert en.count("table_caption", 1, table="Invoices") == "Invoices: 1 record"
