"""The second reading of every letter as the person receives it (tools/sample_letters.py),
each finding pinned by the PDF's text."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.engine import URL

from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
from privacy_desk.domain.requests import RequestType
from privacy_desk.organisation import DEMO_ORGANISATION
from privacy_desk.services.casework import record_allowance_decision
from privacy_desk.services.erasure import erasure_subject, write_letter
from privacy_desk.services.portability import export_portability
from privacy_desk.services.queue import case_detail
from privacy_desk.services.rectify import withdraw_consent
from tests.db.test_erasure import TODAY
from tests.db.test_erasure import _case as _portal_case
from tests.db.test_erasure import _env as _erasure_env
from tests.db.test_export import Env, sqlite_env  # noqa: F401 (fixture)
from tests.db.test_extract_letter import _export
from tests.db.test_letters import _case, _letter, _second_extract
from tests.db.test_letters_review import _phone_change, datamap, sqlite_store  # noqa: F401

RECEIVED = {"sv": "som vi tog emot den 20 november 2026", "en": "which we received on "
                                                               "20 November 2026"}


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages)
                  .replace("\xa0", " "))


def _sqlite(tmp_path: Path) -> tuple[URL, URL]:
    return (URL.create("sqlite+pysqlite", database=str(tmp_path / "p.sqlite3")),
            URL.create("sqlite+pysqlite", database=str(tmp_path / "s.sqlite3")))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_consent_withdrawal_never_says_nothing_was_kept(tmp_path: Path, lang: str) -> None:
    """Finding 1: 'Vi har inte sparat något om dig' to a customer whose account, address and
    invoices all stay: the withdrawal ends only what rested on consent."""
    with _erasure_env(*_sqlite(tmp_path), customers=40) as e:
        with e.portal.connect() as conn:
            pnr = conn.execute(text(
                "SELECT c.personnummer FROM customers c JOIN newsletter_subscriptions n "
                "ON n.customer_id = c.id WHERE c.personnummer IS NOT NULL ORDER BY c.id "
                "LIMIT 1")).scalar_one()
        case_id = _portal_case(e.store, str(pnr), RequestType.CONSENT_WITHDRAWAL)
        cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
        done = withdraw_consent(e.store, e.portal, e.datamap, case_id, cand, actor="anna",
                                today=TODAY)
        letter = write_letter(e.store, e.datamap, done.view.id, out_dir=tmp_path, lang=lang,
                              organisation=DEMO_ORGANISATION, actor="anna", today=TODAY)
    got = _pdf_text(letter.path)
    if lang == "sv":
        assert "Vi har inte sparat något om dig" not in got
        assert "Det här påverkas inte" in got and "Övriga uppgifter om dig" in got
        assert "påverkar inte heller lagligheten" in got  # art. 7(3)
        assert "du har återkallat ditt samtycke" in got
        assert "kontaktval har avslutats" not in got
    else:
        assert "We have kept nothing about you" not in got
        assert "What is not affected" in got and "Other data about you" in got
        assert "lawfulness of the processing before you withdrew" in got
        assert "you have withdrawn your consent" in got


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_received_date_is_not_read_as_what_was_corrected(
        sqlite_store, tmp_path: Path, datamap, lang: str) -> None:  # noqa: F811
    """Finding 2: 'din begäran om rättelse av den 20 november' reads as correcting a date;
    the English 'rectification of 20 November' alike. Also 'We tell the rectification'."""
    cid = _case(sqlite_store, RequestType.RECTIFICATION)
    _phone_change(sqlite_store, cid, "0701111111", "+46701234567")
    got, _ = _letter(sqlite_store, cid, "rectification", tmp_path, lang=lang, datamap=datamap)
    assert RECEIVED[lang] in got
    assert "rättelse av den" not in got and "rectification of 20" not in got
    assert "We tell the rectification" not in got
    if lang == "en":
        assert "We will tell those we have disclosed the data to about the rectification" in got
    cid = _case(sqlite_store, RequestType.RESTRICTION)
    got, _ = _letter(sqlite_store, cid, "restriction", tmp_path, lang=lang,
                     facts={"what": ["Fakturaadress"]})
    assert RECEIVED[lang] in got
    assert "begränsning av den" not in got and "restriction of 20" not in got


def test_extension_and_objection_in_plain_words(sqlite_store, tmp_path: Path) -> None:  # noqa: F811
    """Finding 3: 'We were to answer by', 'du återkallar ditt samtycke'."""
    cid = _case(sqlite_store)
    got, _ = _letter(sqlite_store, cid, "extension", tmp_path, lang="en",
                     facts={"reason": "Three systems to go through."})
    assert "We were to answer" not in got
    assert "Our answer was due by 21 December 2026" in got
    cid = _case(sqlite_store, RequestType.CONSENT_WITHDRAWAL)
    for lang, said in (("sv", "du har återkallat ditt samtycke"),
                       ("en", "you have withdrawn your consent")):
        got, _ = _letter(sqlite_store, cid, "objection", tmp_path, lang=lang,
                         facts={"stopped": ["Nyhetsbrevet"]})
        assert said in got, lang


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_portability_letter_counts_in_words_and_is_addressed(tmp_path: Path,
                                                             lang: str) -> None:
    """Finding 4: '1 post(er)', field titles capitalised inside a sentence, the same reason
    three times, and no postal address in the address block."""
    with _erasure_env(*_sqlite(tmp_path)) as e:
        with e.portal.connect() as conn:
            street, postcode, city = conn.execute(text(
                "SELECT street, postal_code, city FROM addresses WHERE customer_id = :c "
                "ORDER BY CASE kind WHEN 'billing' THEN 0 ELSE 1 END, id"),
                {"c": e.customer_id}).first()
        case_id = _portal_case(e.store, e.pnr, RequestType.PORTABILITY)
        cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
        result = export_portability(e.store, e.portal, e.datamap, case_id, cand,
                                    out_dir=tmp_path, lang=lang, actor="anna")
    pdf = next(f.path for f in result.files if f.kind == "pdf")
    assert pdf is not None
    got = _pdf_text(pdf)
    assert "post(er)" not in got and "record(s)" not in got
    assert f"Testperson {street} {postcode} {city}" in got  # the address block
    if lang == "sv":
        assert re.search(r"\): 1 post\b", got) and re.search(r"\): \d+ poster\b", got)
        assert "(gatuadress, postnummer och ort)" in got
        assert got.count("omfattas inte av rätten till dataportabilitet.") == 1
    else:
        assert re.search(r"\): 1 record\b", got) and re.search(r"\): \d+ records\b", got)
        assert "(street address, postcode and city)" in got
        assert got.count("is not covered by the right to data portability.") == 1


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_desk_records_read_as_sentences(sqlite_env: Env, tmp_path: Path,  # noqa: F811
                                            lang: str) -> None:
    """Finding 5: 'registerutdrag (mottagen)', 'dataportabilitet (flytt av uppgifter)
    (under handläggning)': a status in brackets after a label in brackets."""
    e = sqlite_env
    got = _export(e, e.case_id, tmp_path / "out", lang)
    number = case_detail(e.store, e.case_id).case_number
    if lang == "sv":
        assert (f"{number}, registerutdrag, mottagen den 2 november 2026. "
                "Status: under handläggning.") in got
        assert "(under handläggning)" not in got
    else:
        assert (f"{number}, a copy of your personal data (access), received on 2 November "
                "2026. Status: in progress.") in got
        assert "(access) (in progress)" not in got


def test_swedish_small_words(sqlite_store, tmp_path: Path) -> None:  # noqa: F811
    """Finding 6: 'gäller till och med 31 januari' (no 'den' where every other date has
    one), 'lämnar vi inte ut eller ändrar något' (the negation does not reach 'ändrar'),
    'denna begäran' where the letters say 'den här'."""
    cid = _case(sqlite_store, RequestType.RESTRICTION)
    got, _ = _letter(sqlite_store, cid, "restriction", tmp_path,
                     facts={"what": ["Fakturaadress"], "until": date(2027, 1, 31)})
    assert "Begränsningen gäller till och med den 31 januari 2027." in got
    cid = _case(sqlite_store, verified=False, in_progress=False)
    got, _ = _letter(sqlite_store, cid, "identity_request", tmp_path)
    assert "lämnar vi inte ut och ändrar inte något förrän" in got
    _, cid = _second_extract(sqlite_store)
    record_allowance_decision(sqlite_store, cid, AllowanceDecision(
        DecisionKind.FEE, "Andra kopian i år.", "100"), actor="anna",
        expected_version=case_detail(sqlite_store, cid).version)
    got, _ = _letter(sqlite_store, cid, "fee_notice", tmp_path)
    assert "behandlar vi inte den här begäran vidare" in got and "denna" not in got
