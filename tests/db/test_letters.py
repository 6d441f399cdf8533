"""Every letter kind as a PDF: what the law requires is in its text, in the company's name,
recorded on the case with its SHA-256; nothing is produced from a broken template."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.erasure_models import PortalChangeRecord
from privacy_desk.casestore.letters_models import CaseLetter
from privacy_desk.clock import utcnow
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError
from privacy_desk.organisation import DEMO_ORGANISATION, Organisation
from privacy_desk.reports.templating import LetterTemplateError
from privacy_desk.resources import resource_path
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import record_allowance_decision, verify_identity
from privacy_desk.services.letters import LetterRefused, letters_of, produce_letter
from privacy_desk.services.queue import case_detail
from tests.officers import staff

TODAY = date(2026, 12, 1)
PNR = "19850714-9873"  # synthetic
ORG = replace(DEMO_ORGANISATION, legal_name="Provbolaget Värme AB", org_number="556000-0001",
              email="integritet@provbolaget.example", signature="", dpo="",
              texts={})  # not the demo company's English signature either
ADDRESS = ["Provgatan 1", "111 11 Provstad"]


@pytest.fixture
def store(db_url: URL) -> Iterator[CaseStore]:
    s = open_case_store(db_url, actor="anna")
    staff(s, "anna", "bo")
    yield s
    s.close()


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


def _case(store: CaseStore, kind: RequestType = RequestType.ACCESS, *,
          received_on: date = date(2026, 11, 20), verified: bool = True,
          in_progress: bool = True) -> int:
    cid = register_case(store, request_type=kind, channel=Channel.PAPER,
                        received_on=received_on, person_label="Åsa Testsson",
                        identifiers=[(None, PNR)], today=TODAY, actor="anna").case_id
    if verified:
        d = case_detail(store, cid)
        version = verify_identity(store, cid, method=IdentityMethod.E_ID, evidence="BankID",
                                  verified_on=received_on, actor="anna",
                                  expected_version=d.version, today=TODAY).version
        if in_progress:
            transition_case(store, cid, CaseStatus.IN_PROGRESS, actor="anna", reason=None,
                            expected_version=version, today=TODAY)
    return cid


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\xa0", " "))


def _letter(store: CaseStore, cid: int, kind: str, out: Path, lang: str = "sv",
            **kwargs: object) -> tuple[str, Path]:
    [letter] = produce_letter(store, cid, kind, out_dir=out, organisation=ORG, lang=lang,
                              address=ADDRESS, today=TODAY, actor="anna", **kwargs)  # type: ignore[arg-type]
    return _text(letter.path), letter.path


def _common(text: str, number: str, lang: str = "sv") -> None:
    """The company, its org.nr, the case number, the date and the person's address."""
    for part in ("Provbolaget Värme AB", "556000-0001", number, "integritet@provbolaget.example",
                 "Åsa Testsson", "Provgatan 1", "111 11 Provstad"):
        assert part in text, part
    assert ("1 december 2026" if lang == "sv" else "1 December 2026") in text
    assert "Kundportalen Energi AB" not in text  # the demo company never leaks in


def test_acknowledgement_recorded_on_the_case_on_every_backend(store: CaseStore,
                                                               tmp_path: Path) -> None:
    cid = _case(store, verified=False, in_progress=False)
    text, path = _letter(store, cid, "acknowledgement", tmp_path)
    number = case_detail(store, cid).case_number
    _common(text, number)
    assert "20 november 2026" in text  # received
    assert "21 december 2026" in text  # due: one month (art. 12(3))
    assert "artikel 12.3" in text and "två månader" in text
    assert "bekräfta din identitet" in text  # not verified yet
    [row] = letters_of(store, cid, actor="bo")
    assert (row.kind, row.lang, row.recipient, row.letter_date) == (
        "acknowledgement", "sv", "", TODAY)
    assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    events = [e for e in case_detail(store, cid).events if e.kind == "letter"]
    assert len(events) == 1 and row.sha256 in events[0].text("en")
    assert events[0].note is None and "mottagningsbekräftelse" in events[0].text("sv")


def test_identity_request(sqlite_store: CaseStore, tmp_path: Path) -> None:
    cid = _case(sqlite_store, verified=False, in_progress=False)
    text, _ = _letter(sqlite_store, cid, "identity_request", tmp_path, lang="en")
    _common(text, case_detail(sqlite_store, cid).case_number, "en")
    assert "article 12(6)" in text
    assert "BankID" in text and "signed letter" in text and "identity document" in text
    verified = _case(sqlite_store)
    with pytest.raises(LetterRefused, match="already verified"):
        _letter(sqlite_store, verified, "identity_request", tmp_path)


def _second_extract(store: CaseStore) -> tuple[int, int]:
    """A first extract answered, then a second one in the same year (beyond the allowance)."""
    first = _case(store, received_on=date(2026, 2, 2))
    d = case_detail(store, first)
    transition_case(store, first, CaseStatus.ANSWERED, actor="anna", reason=None,
                    expected_version=d.version, today=TODAY)
    second = _case(store)
    return first, second


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_fee_notice_states_the_recorded_fee_and_never_says_free(
        sqlite_store: CaseStore, tmp_path: Path, lang: str) -> None:
    _, cid = _second_extract(sqlite_store)
    with pytest.raises(LetterRefused, match="no recorded decision to charge a fee"):
        _letter(sqlite_store, cid, "fee_notice", tmp_path, lang=lang)
    d = case_detail(sqlite_store, cid)
    generous = replace(sqlite_store, max_fee_sek=Decimal("5000"))  # the maximum is a setting
    record_allowance_decision(generous, cid, AllowanceDecision(
        DecisionKind.FEE, "Andra kopian inom samma år", "4358.70"), actor="anna",
        expected_version=d.version)
    text, _ = _letter(sqlite_store, cid, "fee_notice", tmp_path, lang=lang,
                      facts={"pay_by": date(2026, 12, 31), "payment": "Bankgiro 000-0000"})
    _common(text, d.case_number, lang)
    assert ("4 358,70 kr" if lang == "sv" else "SEK 4,358.70") in text
    assert "Andra kopian inom samma år" in text
    assert ("artikel 15.3" if lang == "sv" else "article 15(3)") in text
    assert ("Om avgiften inte betalas" if lang == "sv" else "If the fee is not paid") in text
    assert ("31 december 2026" if lang == "sv" else "31 December 2026") in text
    for free in ("kostnadsfri", "free of charge", "utan kostnad", "costs nothing", "no cost"):
        assert free not in text.lower()
    assert "IMY" in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_refusal_gives_reasons_imy_and_court(sqlite_store: CaseStore, tmp_path: Path,
                                             lang: str) -> None:
    cid = _case(sqlite_store)
    with pytest.raises(LetterRefused, match="reasons"):
        _letter(sqlite_store, cid, "refusal", tmp_path, lang=lang)
    reason = "Begäran är den fjärde på två veckor om samma uppgifter och är uppenbart orimlig."
    text, _ = _letter(sqlite_store, cid, "refusal", tmp_path, lang=lang,
                      facts={"reason": reason})
    _common(text, case_detail(sqlite_store, cid).case_number, lang)
    assert reason in text
    assert "Integritetsskyddsmyndigheten (IMY)" in text
    assert ("allmän domstol" if lang == "sv" else "court of law") in text
    assert ("artikel 79" if lang == "sv" else "article 79") in text
    assert ("inom en månad" if lang == "sv" else "within one month") in text


def test_refusal_takes_the_recorded_refusal(sqlite_store: CaseStore, tmp_path: Path) -> None:
    _, cid = _second_extract(sqlite_store)
    reason = ("Fourth request in two weeks for the same extract, sent on 3 February; "
              "manifestly excessive by repetition.")
    d = case_detail(sqlite_store, cid)
    record_allowance_decision(sqlite_store, cid, AllowanceDecision(DecisionKind.REFUSED, reason),
                              actor="anna", expected_version=d.version)
    text, _ = _letter(sqlite_store, cid, "refusal", tmp_path, lang="en")
    assert reason in text


def test_extension_notice_is_the_telling_dated_the_letter_day(sqlite_store: CaseStore,
                                                              tmp_path: Path) -> None:
    cid = _case(sqlite_store)
    with pytest.raises(LetterRefused, match="reasons"):
        _letter(sqlite_store, cid, "extension", tmp_path)
    assert case_detail(sqlite_store, cid).extended_due_on is None  # nothing half done
    text, _ = _letter(sqlite_store, cid, "extension", tmp_path,
                      facts={"reason": "Uppgifterna finns i tre system som måste gås igenom."})
    d = case_detail(sqlite_store, cid)
    assert (d.status, d.extension_told_on) == (CaseStatus.EXTENDED, TODAY)
    assert d.extended_due_on == date(2027, 2, 22)  # 20 Feb 2027 is a Saturday
    _common(text, d.case_number)
    assert "tre system" in text and "22 februari 2027" in text and "21 december 2026" in text
    assert "artikel 12.3" in text
    # Another notice later cannot pose as the one that told the person.
    with pytest.raises(LetterRefused, match="told on 2026-12-01"):
        produce_letter(sqlite_store, cid, "extension", out_dir=tmp_path, organisation=ORG,
                       today=date(2026, 12, 5), actor="anna")


def test_rectification_shows_old_and_new_and_recipients(sqlite_store: CaseStore,
                                                         tmp_path: Path,
                                                         datamap: DataMap) -> None:
    cid = _case(sqlite_store, RequestType.RECTIFICATION)
    with pytest.raises(LetterRefused, match="no rectification"):
        _letter(sqlite_store, cid, "rectification", tmp_path, datamap=datamap)
    with sqlite_store.sessions.begin() as session:
        session.add(PortalChangeRecord(
            case_id=cid, kind="rectification", table_name="addresses", row_key='{"id":1}',
            column_name="street", old_value="Felgatan 9", new_value="Provgatan 1",
            reason="Flyttat", changed_by="anna", changed_at=utcnow()))
    text, _ = _letter(sqlite_store, cid, "rectification", tmp_path, datamap=datamap)
    _common(text, case_detail(sqlite_store, cid).case_number)
    assert 'Gatuadress: tidigare "Felgatan 9", nu "Provgatan 1"' in text
    assert "Exempeltryckeriet AB" in text and "artikel 19" in text and "artikel 16" in text
    # art. 19: one notice per recipient of the changed data, recorded on the case
    notices = produce_letter(sqlite_store, cid, "recipient_notice", out_dir=tmp_path,
                             organisation=ORG, datamap=datamap, today=TODAY, actor="anna")
    assert [n.recipient for n in notices] == ["printing_house"]
    notice = _text(notices[0].path)
    assert "Exempeltryckeriet AB" in notice and "Tryckargatan 3" in notice
    assert "artikel 19" in notice and 'Gatuadress: nu "Provgatan 1"' in notice
    assert "Felgatan 9" not in notice  # the recipient needs the new value only
    told = [(r.kind, r.recipient) for r in letters_of(sqlite_store, cid)]
    assert told == [("rectification", ""), ("recipient_notice", "printing_house")]


def test_no_erasure_notice_before_the_erasure(sqlite_store: CaseStore, tmp_path: Path,
                                             datamap: DataMap) -> None:
    """A notice says what was erased: before an executed erasure it would be untrue."""
    cid = _case(sqlite_store, RequestType.ERASURE)
    out = tmp_path / "letters"
    out.mkdir()
    with pytest.raises(LetterRefused, match="no executed erasure"):
        produce_letter(sqlite_store, cid, "recipient_notice", out_dir=out,
                       organisation=ORG, datamap=datamap, today=TODAY, actor="anna",
                       lang="en", facts={"subject_reference": "customer no. 1001"})
    assert list(out.iterdir()) == [] and letters_of(sqlite_store, cid) == []


def test_restriction_and_objection(sqlite_store: CaseStore, tmp_path: Path,
                                   datamap: DataMap) -> None:
    cid = _case(sqlite_store, RequestType.RESTRICTION)
    with pytest.raises(LetterRefused, match="what was restricted"):
        _letter(sqlite_store, cid, "restriction", tmp_path)
    text, _ = _letter(sqlite_store, cid, "restriction", tmp_path, datamap=datamap,
                      facts={"what": ["Fakturor från 2025"], "categories": ["financial"],
                             "until": date(2027, 1, 31)})
    _common(text, case_detail(sqlite_store, cid).case_number)
    assert "Fakturor från 2025" in text and "artikel 18" in text
    assert "31 januari 2027" in text and "Exempeltryckeriet AB" in text
    cid = _case(sqlite_store, RequestType.CONSENT_WITHDRAWAL)
    text, _ = _letter(sqlite_store, cid, "objection", tmp_path, lang="en",
                      facts={"stopped": ["The newsletter"],
                             "kept": ["Invoices, which the Accounting Act requires"]})
    _common(text, case_detail(sqlite_store, cid).case_number, "en")
    assert "article 7(3)" in text and "The newsletter" in text and "Accounting Act" in text
    assert "does not affect the lawfulness" in text


def test_a_broken_template_produces_and_records_nothing(sqlite_store: CaseStore,
                                                        tmp_path: Path) -> None:
    config = tmp_path / "config"
    own = config / "letters" / "sv"
    own.mkdir(parents=True)
    (own / "acknowledgement.txt.j2").write_text("# Tack\n\n{{ case.numbr }}\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    cid = _case(sqlite_store)
    with pytest.raises(LetterTemplateError, match=r"acknowledgement\.txt\.j2:3"):
        _letter(sqlite_store, cid, "acknowledgement", out, config_dir=config)
    assert list(out.iterdir()) == []
    with sqlite_store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(CaseLetter)) == 0
    # the extension is not recorded either when its letter cannot be written
    (own / "extension.txt.j2").write_text("# Mer tid\n{{ facts.oops }}\n", encoding="utf-8")
    with pytest.raises(LetterTemplateError, match="extension"):
        _letter(sqlite_store, cid, "extension", out, config_dir=config,
                facts={"reason": "Många system"})
    assert case_detail(sqlite_store, cid).extended_due_on is None


def test_no_letter_from_an_unusable_organisation(sqlite_store: CaseStore,
                                                 tmp_path: Path) -> None:
    cid = _case(sqlite_store)
    bad = Organisation("Provbolaget AB", "556000-0000", "Gatan 1", "111 11 Stad", "a@b.example")
    with pytest.raises(UserError, match="organisation number"):
        produce_letter(sqlite_store, cid, "acknowledgement", out_dir=tmp_path, organisation=bad)

