"""Identifiers: every written form, samordningsnummer, phones to E.164, bad check digits."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from stdnum import luhn

from privacy_desk.errors import UserError
from privacy_desk.identifiers import (
    EMAIL,
    ORGNR,
    PERSONNUMMER,
    PHONE,
    Identifier,
    InvalidIdentifier,
    interpretations,
    parse_identifier,
)

TODAY = dt.date(2026, 3, 1)
# Synthetic numbers, built with a correct Luhn digit.
PNR10 = "8112289874"


def with_check(nine: str) -> str:
    return nine + luhn.calc_check_digit(nine)


@pytest.mark.parametrize("written", [
    "811228-9874", "8112289874", "198112289874", "19811228-9874", " 811228 - 9874 ",
])
def test_personnummer_every_form_gives_one_canonical_value(written: str) -> None:
    ident = parse_identifier(written, today=TODAY)
    assert ident == Identifier(PERSONNUMMER, "198112289874")


def test_plus_sign_means_a_hundred_years_or_more() -> None:
    assert parse_identifier("811228+9874", today=TODAY).value == "188112289874"


def test_ten_digit_form_of_a_recent_birth_is_this_century() -> None:
    pnr = with_check("150315123")
    assert parse_identifier(f"{pnr[:6]}-{pnr[6:]}", today=TODAY).value == "20" + pnr


def test_samordningsnummer_is_accepted_and_labelled() -> None:
    coord = with_check("811288987")  # day 28 + 60
    ident = parse_identifier(f"{coord[:6]}-{coord[6:]}", today=TODAY)
    assert ident.kind == PERSONNUMMER
    assert ident.coordination
    assert ident.label == "samordningsnummer"
    assert ident.value == "19" + coord


@pytest.mark.parametrize("bad", ["811228-9875", "19811228-9873"])
def test_wrong_check_digit_names_the_kind_and_hides_the_value(bad: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        parse_identifier(bad, today=TODAY)
    assert info.value.kind == PERSONNUMMER
    assert "check digit" in str(info.value)
    assert "9875" not in str(info.value) and "9873" not in str(info.value)


def test_impossible_date_is_rejected() -> None:
    with pytest.raises(InvalidIdentifier, match="valid date"):
        parse_identifier("811332-9874", kind=PERSONNUMMER, today=TODAY)


def test_orgnr_forms_and_check_digit() -> None:
    assert parse_identifier("556036-0793") == Identifier(ORGNR, "5560360793")
    assert parse_identifier("5560360793", kind=ORGNR).value == "5560360793"
    assert parse_identifier("165560360793", kind=ORGNR).value == "5560360793"
    with pytest.raises(InvalidIdentifier, match="organisationsnummer has an invalid check"):
        parse_identifier("556036-0794")


def test_email_is_case_insensitive() -> None:
    assert parse_identifier(" Anna.Berg@Example.SE ") == Identifier(EMAIL, "anna.berg@example.se")
    with pytest.raises(InvalidIdentifier, match="e-mail"):
        parse_identifier("anna@", kind=EMAIL)


@pytest.mark.parametrize("written", [
    "070-123 45 67", "0701234567", "+46701234567", "+46 70 123 45 67", "0046 70-1234567",
    "+46 (0)70-123 45 67", "070/123 45 67",
])
def test_swedish_phone_in_any_format_to_e164(written: str) -> None:
    assert parse_identifier(written, kind=PHONE).value == "+46701234567"


def test_landline_and_foreign_numbers() -> None:
    assert parse_identifier("08-123 456 78", kind=PHONE).value == "+46812345678"
    assert parse_identifier("+47 22 12 34 56", kind=PHONE).value == "+4722123456"
    with pytest.raises(InvalidIdentifier, match="digits"):
        parse_identifier("070-12", kind=PHONE)


def test_phone_stored_forms_cover_common_spellings() -> None:
    forms = parse_identifier("+46701234567", kind=PHONE).stored_forms()
    assert forms[0] == "+46701234567"
    for spelling in ("070-123 45 67", "0701234567", "070 123 45 67", "+46 70 123 45 67",
                     "070-1234567"):
        assert spelling in forms
    assert len(forms) == len(set(forms))


def test_personnummer_stored_forms() -> None:
    forms = parse_identifier("811228-9874", today=TODAY).stored_forms()
    assert set(forms) >= {"198112289874", "19811228-9874", "811228-9874", "8112289874"}


def test_customer_and_invoice_numbers_by_map_pattern() -> None:
    patterns = {"customer_number": re.compile(r"K\d{7}"),
                "invoice_number": re.compile(r"F\d{9}")}
    assert parse_identifier("K1234567", patterns=patterns).kind == "customer_number"
    assert parse_identifier("F 000123456", patterns=patterns).value == "F000123456"
    with pytest.raises(InvalidIdentifier, match="customer number"):
        parse_identifier("X1", kind="customer_number", patterns=patterns)


def test_ambiguous_input_lists_every_reading() -> None:
    pnr = with_check("070123456")  # a valid personnummer (2007-01-23) that is also a phone
    readings = interpretations(pnr, today=TODAY)
    assert {r.kind for r in readings} == {PERSONNUMMER, PHONE}
    with pytest.raises(UserError, match="could be any of"):
        parse_identifier(pnr, today=TODAY)
    # a separator at the personnummer position settles it
    assert parse_identifier(f"{pnr[:6]}-{pnr[6:]}", today=TODAY).kind == PERSONNUMMER


def test_unrecognisable_input_is_a_user_error() -> None:
    with pytest.raises(UserError, match="not recognised"):
        parse_identifier("hello")
    with pytest.raises(UserError, match="No identifier"):
        parse_identifier("  ")


def test_masked_never_contains_the_value() -> None:
    ident = parse_identifier("anna@example.se")
    assert "anna" not in ident.masked()
