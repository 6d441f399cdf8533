"""The extract reads as a letter in the company's name: the person's postal address from the
portal, free or the recorded fee (never "free" for a fee case), art. 15(1)(c) named
recipients, 15(2) transfers, the company's own standing texts, the desk's own records; and
a fee above the company's maximum is refused."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind, InvalidFee
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.organisation import DEMO_ORGANISATION
from privacy_desk.reports.templating import fmt_date
from privacy_desk.services.access import export_extract
from privacy_desk.services.cases import transition_case
from privacy_desk.services.casework import record_allowance_decision
from privacy_desk.services.queue import case_detail
from tests.db.test_export import Env, _candidate, _case, sqlite_env  # noqa: F401 (fixture)

ORG = replace(DEMO_ORGANISATION, legal_name="Provbolaget Värme AB", signature="", dpo="",
              texts={"sources": {"sv": "Uppgifterna kommer från dig och från vår elnätsägare."}})


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages)
                  .replace("\xa0", " "))


def _export(e: Env, case_id: int, out: Path, lang: str = "sv") -> str:
    out.mkdir(exist_ok=True)
    result = export_extract(e.store, e.portal, e.datamap, case_id, _candidate_of(e, case_id),
                            out_dir=out, lang=lang, organisation=ORG, actor="anna")
    pdf = next(f.path for f in result.files if f.kind == "pdf")
    assert pdf is not None
    return _pdf_text(pdf)


def _candidate_of(e: Env, case_id: int):  # type: ignore[no-untyped-def]
    return _candidate(replace(e, case_id=case_id))


def test_a_first_extract_is_a_letter_and_free(sqlite_env: Env, tmp_path: Path) -> None:  # noqa: F811
    e = sqlite_env
    with e.portal.connect() as conn:
        street, postcode, city = conn.execute(text(
            "SELECT street, postal_code, city FROM addresses WHERE customer_id = :c "
            "ORDER BY CASE kind WHEN 'billing' THEN 0 ELSE 1 END, id"),
            {"c": e.customer_id}).first()
    got = _export(e, e.case_id, tmp_path / "out")
    number = case_detail(e.store, e.case_id).case_number
    assert "Provbolaget Värme AB" in got and "Kundportalen Energi AB" not in got
    assert f"{street} {postcode} {city} Registerutdrag enligt" in got  # the address block
    assert "Utdraget är kostnadsfritt." in got
    assert "2 november 2026" in got  # received, in words
    assert "Uppgifterna kommer från dig och från vår elnätsägare." in got  # the company's text
    assert "Överföring till länder utanför EU/EES" in got  # art. 15(2)
    assert "Mottagare som vi lämnar ut uppgifter till:" in got  # art. 15(1)(c), by name
    assert "Det här har vi registrerat om dina begäranden" in got and number in got
    assert "Integritetsskyddsmyndigheten" in got


def test_a_fee_case_states_the_fee_and_never_says_free(sqlite_env: Env,  # noqa: F811
                                                        tmp_path: Path) -> None:
    e = sqlite_env
    d = case_detail(e.store, e.case_id)
    transition_case(e.store, e.case_id, CaseStatus.ANSWERED, actor="anna", reason=None,
                    expected_version=d.version)
    second = _case(e.store, e.pnr)
    d = case_detail(e.store, second)
    with pytest.raises(InvalidFee, match="above the maximum of 500"):
        record_allowance_decision(e.store, second, AllowanceDecision(
            DecisionKind.FEE, "Tredje kopian", "900"), actor="anna", expected_version=d.version)
    record_allowance_decision(e.store, second, AllowanceDecision(
        DecisionKind.FEE, "Andra kopian inom samma år.", "250"), actor="anna",
        expected_version=d.version)
    for lang, fee, free in (("sv", "250,00 kr", "kostnadsfri"), ("en", "SEK 250.00", "free")):
        got = _export(e, second, tmp_path / lang, lang)
        assert fee in got and "Andra kopian inom samma år." in got
        assert free not in got.lower()
    # the desk's own records list both requests, the second with its fee
    assert "250,00 kr" in _export(e, second, tmp_path / "again")


def test_the_maximum_fee_is_a_setting(sqlite_env: Env) -> None:  # noqa: F811
    e = sqlite_env
    d = case_detail(e.store, e.case_id)
    transition_case(e.store, e.case_id, CaseStatus.ANSWERED, actor="anna", reason=None,
                    expected_version=d.version)
    second = _case(e.store, e.pnr)
    store = replace(e.store, max_fee_sek=Decimal("1000"))
    d = record_allowance_decision(store, second, AllowanceDecision(
        DecisionKind.FEE, "Kopia nummer tre i år, omfattande", "900"), actor="anna",
        expected_version=case_detail(store, second).version)
    assert d.decision is not None and d.decision.fee_sek == Decimal("900.00")


def test_the_extract_names_only_the_recipients_of_the_persons_own_data(
        sqlite_env: Env, tmp_path: Path) -> None:  # noqa: F811
    """Review items 5, 6, 16, 17, 20, 21: no newsletter firm (USA) for a non-subscriber,
    "none outside the company except our processor", the personnummer and kWh as written,
    a heading over the named recipients, a contact line with the DPO."""
    e = sqlite_env
    org = replace(ORG, dpo="Dataskyddsombud: A. Ombud, dso@provbolaget.example")
    with e.portal.begin() as conn:
        email = conn.execute(text("SELECT email FROM customers WHERE id = :c"),
                             {"c": e.customer_id}).scalar_one()
        conn.execute(text("DELETE FROM newsletter_subscriptions WHERE customer_id = :c "
                          "OR lower(email) = lower(:m)"), {"c": e.customer_id, "m": email})
        kwh = conn.execute(text("SELECT max(energy_kwh) FROM invoices WHERE customer_id = :c"),
                           {"c": e.customer_id}).scalar_one()

    def export(out: Path, lang: str = "sv") -> str:
        out.mkdir()
        result = export_extract(e.store, e.portal, e.datamap, e.case_id,
                                _candidate_of(e, e.case_id), out_dir=out, lang=lang,
                                organisation=org, actor="anna")
        return _pdf_text(next(f.path for f in result.files if f.kind == "pdf"))

    got = export(tmp_path / "none")
    assert "Example Newsletter" not in got and "(USA)" not in got
    assert "Vi för inte över dina personuppgifter till länder utanför EU/EES" in got
    assert "Inga utanför bolaget utom vårt personuppgiftsbiträde: leverantören av e-post" in got
    assert "Inga utanför bolaget. Leverantör" not in got
    digits = e.pnr.replace("-", "")
    assert f"{digits[:8]}-{digits[8:]}" in got and digits not in got
    assert kwh >= 1000 and f"{kwh // 1000} {kwh % 1000:03d}" in got  # "2 877"
    assert "i stället för uppgiften" in got and "där den hade stått" not in got
    assert (f"kontakta oss på {ORG.email}" in got and "Ange ärendenummer" in got
            and "A. Ombud, dso@provbolaget.example" in got)
    assert "Mottagare Mottagare som vi lämnar ut uppgifter till:" in got  # a heading
    with e.portal.begin() as conn:
        conn.execute(text("INSERT INTO newsletter_subscriptions (id, email, customer_id, "
                          "subscribed_at, source) VALUES (999999, :m, :c, "
                          "'2026-01-02 10:00:00', 'portal')"), {"m": email, "c": e.customer_id})
    for lang in ("sv", "en"):
        got = export(tmp_path / f"subscriber-{lang}", lang)
        assert "Example Newsletter Inc. (USA)" in got
        assert "Example Newsletter Inc.." not in got and "Inc.." not in got


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_late_extract_apologises(sqlite_env: Env, tmp_path: Path,  # noqa: F811
                                   lang: str) -> None:
    """Review item 4: the extract of a late case said nothing about the delay."""
    e = sqlite_env
    due = case_detail(e.store, e.case_id).effective_due_on
    late = datetime.combine(due + timedelta(days=5), time(10, 0))
    out = tmp_path / "late"
    out.mkdir()
    result = export_extract(e.store, e.portal, e.datamap, e.case_id,
                            _candidate_of(e, e.case_id), out_dir=out, lang=lang,
                            organisation=ORG, actor="anna", now=late)
    got = _pdf_text(next(f.path for f in result.files if f.kind == "pdf"))
    assert fmt_date(due, lang) in got
    assert ("Vi ber om ursäkt för att det har dröjt." if lang == "sv"
            else "We apologise for the delay.") in got
    (tmp_path / "on-time").mkdir()
    result = export_extract(e.store, e.portal, e.datamap, e.case_id,
                            _candidate_of(e, e.case_id), out_dir=tmp_path / "on-time",
                            lang=lang, organisation=ORG, actor="anna",
                            now=datetime.combine(due, time(10, 0)))
    on_time = _pdf_text(next(f.path for f in result.files if f.kind == "pdf"))
    assert "ursäkt" not in on_time and "apologise" not in on_time


def test_phone_numbers_read_as_a_person_writes_them(sqlite_env: Env,  # noqa: F811
                                                     tmp_path: Path) -> None:
    """The extract showed '0732215763' (as stored) where every letter says '073-221 57 63'."""
    import phonenumbers

    e = sqlite_env
    with e.portal.connect() as conn:
        stored = conn.execute(text("SELECT phone FROM customers WHERE id = :c"),
                              {"c": e.customer_id}).scalar_one()
    assert stored
    national = phonenumbers.format_number(phonenumbers.parse(stored, "SE"),
                                          phonenumbers.PhoneNumberFormat.NATIONAL)
    got = _export(e, e.case_id, tmp_path / "out")
    assert national in got and national != stored
    assert f" {stored} " not in f" {got} "
