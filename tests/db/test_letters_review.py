"""The reviewer's findings on the letters (docs/letters.md), each pinned by the PDF's text."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.erasure_models import PortalChangeRecord
from privacy_desk.clock import utcnow
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.resources import resource_path
from privacy_desk.services.cases import register_case
from privacy_desk.services.letters import LetterRefused, letters_of, produce_letter
from privacy_desk.services.queue import case_detail
from tests.db.test_export import Env, sqlite_env  # noqa: F401 (fixture)
from tests.db.test_letters import ORG, TODAY, _case, _letter, _text
from tests.officers import staff


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[CaseStore]:
    s = open_case_store(URL.create("sqlite+pysqlite", database=str(tmp_path / "cs.sqlite3")),
                        actor="anna")
    staff(s, "anna", "bo")
    yield s
    s.close()


@pytest.fixture(scope="module")
def datamap() -> DataMap:
    return load_datamap(resource_path("datamaps", "demo-portal.yaml"))


def _phone_change(store: CaseStore, cid: int, old: str | None, new: str) -> None:
    with store.sessions.begin() as session:
        session.add(PortalChangeRecord(
            case_id=cid, kind="rectification", table_name="customers", row_key='{"id":1}',
            column_name="phone", old_value=old, new_value=new, reason="Nytt nummer",
            changed_by="anna", changed_at=utcnow()))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_recipient_notice_of_a_rectification_without_one_is_refused(
        sqlite_store: CaseStore, tmp_path: Path, datamap: DataMap, lang: str) -> None:
    """Item 1: 'Uppgifterna har rättats:' followed by nothing, to every recipient."""
    cid = _case(sqlite_store, RequestType.RECTIFICATION)
    out = tmp_path / "out"
    with pytest.raises(LetterRefused, match="no rectification"):
        produce_letter(sqlite_store, cid, "recipient_notice", out_dir=out,
                       organisation=ORG, datamap=datamap, lang=lang, today=TODAY,
                       actor="anna")
    assert letters_of(sqlite_store, cid) == [] and not out.exists()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_recipient_notice_names_only_the_changed_categories(
        sqlite_store: CaseStore, tmp_path: Path, datamap: DataMap, lang: str) -> None:
    """Items 15, 22: national phone format, only the phone's category, a reference, and
    'this letter is sent on'."""
    cid = register_case(sqlite_store, request_type=RequestType.RECTIFICATION,
                        channel=Channel.PAPER, received_on=date(2026, 11, 20),
                        person_label="Åsa Testsson",
                        identifiers=[(None, "19850714-9873"), ("customer_number", "K-100234")],
                        today=TODAY, actor="anna").case_id
    _phone_change(sqlite_store, cid, None, "+46701234567")
    [notice] = produce_letter(sqlite_store, cid, "recipient_notice", out_dir=tmp_path,
                              organisation=ORG, datamap=datamap, lang=lang, today=TODAY,
                              actor="anna")
    assert notice.recipient == "messaging"
    text = _text(notice.path)
    assert "070-123 45 67" in text and "+46701234567" not in text
    if lang == "sv":
        assert "Det gäller: Kontaktuppgifter." in text
        assert "Detta brev skickas den 1 december 2026" in text and "meddelat den" not in text
    else:
        assert "It concerns: Contact details." in text
        assert "This letter is sent on 1 December 2026" in text
    assert "Utskick och meddelanden" not in text and "Messages and notices" not in text
    # how the recipient finds the person, and what the number is
    assert ("Åsa Testsson (kundnummer K-100234)" if lang == "sv"
            else "Åsa Testsson (customer number K-100234)") in text
    assert "19850714" not in text  # never the personnummer


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_rectification_says_the_old_value_was_missing(
        sqlite_store: CaseStore, tmp_path: Path, datamap: DataMap, lang: str) -> None:
    """Item 15: 'tidigare ""' reads as a blank in a legal letter."""
    cid = _case(sqlite_store, RequestType.RECTIFICATION)
    _phone_change(sqlite_store, cid, "", "+46701234567")
    text, _ = _letter(sqlite_store, cid, "rectification", tmp_path, lang=lang, datamap=datamap)
    if lang == "sv":
        assert 'Telefonnummer: tidigare (saknades), nu "070-123 45 67"' in text
    else:
        assert 'Phone number: was (none), now "070-123 45 67"' in text
    assert '""' not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_restriction_reason_stands_on_its_own(sqlite_store: CaseStore, tmp_path: Path,
                                              lang: str) -> None:
    """Item 18: the officer's reason ran into the next sentence without a full stop."""
    cid = _case(sqlite_store, RequestType.RESTRICTION)
    reason = "Du har bestritt uppgifternas riktighet"
    text, _ = _letter(sqlite_store, cid, "restriction", tmp_path, lang=lang,
                      facts={"what": ["Fakturaadress"], "reason": reason,
                             "until": date(2027, 1, 31)})
    heading = "Skäl" if lang == "sv" else "Reason"
    assert f"{heading} {reason} " in text  # heading, then the reason as its own block
    assert f"{reason} Begränsningen" not in text and f"{reason} The restriction" not in text
    assert ("Skäl: " if lang == "sv" else "Reason: ") not in text


def test_objection_names_the_request_and_when_it_came(sqlite_store: CaseStore,
                                                      tmp_path: Path) -> None:
    """Item 19."""
    cid = _case(sqlite_store, RequestType.CONSENT_WITHDRAWAL, received_on=date(2026, 10, 31))
    number = case_detail(sqlite_store, cid).case_number
    text, _ = _letter(sqlite_store, cid, "objection", tmp_path,
                      facts={"stopped": ["Nyhetsbrevet"]})
    assert f"din begäran (ärende {number}), som vi tog emot den 31 oktober 2026" in text
    assert "mottagen den" not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_late_acknowledgement_and_identity_request_apologise(
        sqlite_store: CaseStore, tmp_path: Path, lang: str) -> None:
    """Item 4: dated 1 December, 'we answer by 25 November' is a broken promise."""
    cid = _case(sqlite_store, received_on=date(2026, 10, 25), verified=False,
                in_progress=False)
    due = "25 november 2026" if lang == "sv" else "25 November 2026"
    # a late acknowledgement gives the day the answer comes, never "as soon as we can"
    with pytest.raises(LetterRefused, match="by when the person will have the answer"):
        _letter(sqlite_store, cid, "acknowledgement", tmp_path, lang=lang)
    with pytest.raises(LetterRefused, match="a day that has passed"):
        _letter(sqlite_store, cid, "acknowledgement", tmp_path, lang=lang,
                facts={"answer_by": date(2026, 11, 30)})
    for kind in ("acknowledgement", "identity_request"):
        text, _ = _letter(sqlite_store, cid, kind, tmp_path, lang=lang,
                          facts={"answer_by": date(2026, 12, 8)})
        assert due in text, kind
        if kind == "acknowledgement":
            assert ("Du får vårt svar senast den 8 december 2026" if lang == "sv"
                    else "You will have our answer by 8 December 2026") in text
        assert ("ber om ursäkt" if lang == "sv" else "apologise") in text, kind
        assert f"Vi svarar senast den {due}" not in text, kind
        assert f"We will answer by {due}" not in text, kind
    on_time = _case(sqlite_store, verified=False, in_progress=False)
    text, _ = _letter(sqlite_store, on_time, "acknowledgement", tmp_path, lang=lang)
    assert "ursäkt" not in text and "apologise" not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_letters_take_the_postal_address_from_the_portal(sqlite_env: Env, tmp_path: Path,  # noqa: F811
                                                         lang: str) -> None:
    """Item 9: without --address, the portal's address of the case's person (billing
    first), as the extract has it; an address given still wins."""
    e = sqlite_env
    with e.portal.connect() as conn:
        street, postcode, city = conn.execute(text(
            "SELECT street, postal_code, city FROM addresses WHERE customer_id = :c "
            "ORDER BY CASE kind WHEN 'billing' THEN 0 ELSE 1 END, id"),
            {"c": e.customer_id}).first()
    for kind in ("acknowledgement", "refusal"):
        [letter] = produce_letter(e.store, e.case_id, kind, out_dir=tmp_path, organisation=ORG,
                                  lang=lang, datamap=e.datamap, portal=e.portal, today=TODAY,
                                  actor="anna", facts={"reason": "Uppenbart ogrundad."})
        assert f"{street} {postcode} {city}" in _text(letter.path), kind
    (tmp_path / "own").mkdir()
    [given] = produce_letter(e.store, e.case_id, "acknowledgement", out_dir=tmp_path / "own",
                             organisation=ORG, lang=lang, datamap=e.datamap, portal=e.portal,
                             address=["Annan väg 2", "222 22 Annanstad"], today=TODAY,
                             actor="anna")
    got = _text(given.path)
    assert "Annan väg 2 222 22 Annanstad" in got and street not in got


def test_a_notice_to_recipients_names_the_customer_number_from_the_portal(
        sqlite_env: Env, tmp_path: Path) -> None:  # noqa: F811
    """Item 22: the person was identified by name only unless --reference was given."""
    e = sqlite_env
    with e.portal.connect() as conn:
        number = conn.execute(text("SELECT customer_number FROM customers WHERE id = :c"),
                              {"c": e.customer_id}).scalar_one()
    notices = produce_letter(e.store, e.case_id, "recipient_notice", out_dir=tmp_path,
                             organisation=ORG, datamap=e.datamap, portal=e.portal,
                             facts={"action": "restriction", "recipients": ["printing_house"]},
                             today=TODAY, actor="anna")
    got = _text(notices[0].path)
    assert f"(kundnummer {number})" in got and e.pnr not in got  # said what it is
