"""The erasure confirmation reaches the person after the erasure: the plan keeps the name and
postal address the portal held when it was made (migration 0012), an address abroad ends with
its country, and ``store minimise`` empties what the plan kept. On the record shop (a portal
of another shape, tests/shop_portal.py) through its map alone, on SQLite, PostgreSQL and
MariaDB, as the desk's services do it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.engine import URL, Engine

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.erasure_models import ErasurePlanRecord
from privacy_desk.clock import utcnow
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import make_engine
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.organisation import DEMO_ORGANISATION
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.erasure import (
    approve_plan,
    create_plan,
    erasure_subject,
    execute,
    write_letter,
)
from privacy_desk.services.minimise import minimise_cases
from privacy_desk.services.queue import case_detail
from privacy_desk.services.roles import Role, add_officer, sign_in
from tests.databases import throwaway_database
from tests.keyrings import MemoryKeyring
from tests.shop_portal import MAP_FILE, create_shop_portal

TODAY = date(2026, 12, 1)


@dataclass
class Shop:
    portal: Engine
    store: CaseStore
    datamap: DataMap


def _backend(url: URL) -> str:
    b = url.get_backend_name()
    return "mariadb" if b in ("mysql", "mariadb") else b


@pytest.fixture
def shop(db_url: URL, tmp_path: Path) -> Iterator[Shop]:
    portal = make_engine(db_url)
    create_shop_portal(portal)
    with throwaway_database(_backend(db_url), tmp_path, prefix="pdstore") as store_url:
        store = open_case_store(store_url, actor="anna")
        try:
            sign_in(store, "anna")
            add_officer(store, "bertil", [Role.APPROVER], actor="anna")
            yield Shop(portal, store, load_datamap(MAP_FILE))
        finally:
            store.close()
            portal.dispose()


def _erased_case(s: Shop, email: str) -> tuple[int, int]:
    """A verified erasure case for ``email``, planned, approved and executed: (case, plan)."""
    d = register_case(s.store, request_type=RequestType.ERASURE, channel=Channel.EMAIL,
                      received_on=date(2026, 11, 20), person_label=email,
                      identifiers=[(None, email)], today=TODAY, actor="anna")
    d = verify_identity(s.store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                        evidence="signed letter matched", verified_on=date(2026, 11, 21),
                        expected_version=d.version, actor="anna", today=TODAY)
    transition_case(s.store, d.case_id, CaseStatus.IN_PROGRESS, actor="anna", reason=None,
                    expected_version=d.version, today=TODAY)
    found = erasure_subject(s.store, s.portal, s.datamap, d.case_id)
    person = next(c for c in found.candidates if c.subject_table == "Customer")
    view = create_plan(s.store, s.portal, s.datamap, d.case_id, person, actor="anna",
                       today=TODAY)
    approve_plan(s.store, view.id, expected_sha256=view.sha256, actor="bertil")
    done = execute(s.store, s.portal, s.datamap, view.id, actor="anna", today=TODAY)
    assert done.verification.ok, done.verification.problems
    return d.case_id, view.id


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages)
                  .replace("\xa0", " "))


def test_the_letter_goes_to_the_address_the_portal_held_abroad_too(shop: Shop,
                                                                    tmp_path: Path) -> None:
    case_id, plan_id = _erased_case(shop, "ingrid.haugen@example.no")
    # the portal no longer holds her address: the letter takes the one the plan kept
    for lang, greeting in (("sv", "Hej Ingrid Haugen,"), ("en", "Dear Ingrid Haugen,")):
        (tmp_path / lang).mkdir()
        letter = write_letter(shop.store, shop.datamap, plan_id, out_dir=tmp_path / lang,
                              lang=lang, organisation=DEMO_ORGANISATION, actor="anna",
                              today=TODAY)
        got = _pdf_text(letter.path)
        assert "Ingrid Haugen Gatan 2 0150 Oslo NORWAY" in got  # the address block
        assert greeting in got
        assert "ingrid.haugen@example.no" not in got  # the case's label is not a name
    # an address given by the officer wins (she moved since)
    (tmp_path / "moved").mkdir()
    moved = write_letter(shop.store, shop.datamap, plan_id, out_dir=tmp_path / "moved",
                         lang="sv", organisation=DEMO_ORGANISATION, actor="anna",
                         today=TODAY, address=["Storgata 9", "0155 Oslo", "NORGE"])
    assert "Storgata 9 0155 Oslo NORGE" in _pdf_text(moved.path)
    assert case_detail(shop.store, case_id).case_number in _pdf_text(moved.path)
    # every confirmation is recorded with the case's letters: what, to whom, when, sha256
    from privacy_desk.services.letters import letters_of

    rows = letters_of(shop.store, case_id, actor="anna")
    assert [(r.kind, r.lang) for r in rows] == [("erasure_confirmation", "sv"),
                                                ("erasure_confirmation", "en"),
                                                ("erasure_confirmation", "sv")]
    assert rows[-1].sha256 == moved.sha256 and rows[0].recipient_name == "Ingrid Haugen"


def test_a_swedish_address_has_no_country_line(shop: Shop, tmp_path: Path) -> None:
    _case_id, plan_id = _erased_case(shop, "august.k@example.se")
    letter = write_letter(shop.store, shop.datamap, plan_id, out_dir=tmp_path, lang="sv",
                          organisation=DEMO_ORGANISATION, actor="anna", today=TODAY)
    got = _pdf_text(letter.path)
    assert "August Karlström Gatan 4 211 20 Malmö Bekräftelse på radering" in got
    assert "SWEDEN" not in got and "Sweden" not in got


def test_minimising_the_case_forgets_the_kept_address(shop: Shop,
                                                      memory_keyring: MemoryKeyring) -> None:
    case_id, plan_id = _erased_case(shop, "ingrid.haugen@example.no")
    with shop.store.sessions() as session:
        kept = session.scalars(select(ErasurePlanRecord.letter_address)
                               .where(ErasurePlanRecord.id == plan_id)).one()
    assert kept is not None and "Oslo" in kept
    d = case_detail(shop.store, case_id)  # an executed erasure is finished, whatever status
    later = utcnow() + timedelta(days=40 * 31)
    done = minimise_cases(shop.store, after_months=36, actor="anna", now=later)
    assert [m.case_number for m in done] == [d.case_number]
    with shop.store.sessions() as session:
        assert session.scalars(select(ErasurePlanRecord.letter_address)
                               .where(ErasurePlanRecord.case_id == case_id)).all() == [None]


def test_the_recipients_are_told_what_was_erased_and_what_the_law_keeps(
        shop: Shop, tmp_path: Path) -> None:
    """Art. 19 after the erasure: the recipient of purchases and contact data hears which
    of its categories were erased and which invoices the law still keeps (and until when),
    with the customer number kept with the plan; the portal no longer holds it."""
    from privacy_desk.services.letters import produce_letter

    case_id, _plan = _erased_case(shop, "ingrid.haugen@example.no")
    for lang, erased, kept in (
            ("sv", "Vi har raderat uppgifter om personen i: köp och fakturor och "
                   "kontaktuppgifter.",
             "Köp och fakturor: enligt bokföringslagen (1999:1078) 7 kap. 2 §, till och med "
             "den 31 december"),
            ("en", "We have erased data about the person in: purchases and invoices and "
                   "contact details.",
             "Purchases and invoices: under the Swedish Accounting Act")):
        [notice] = produce_letter(shop.store, case_id, "recipient_notice",
                                  out_dir=tmp_path, organisation=DEMO_ORGANISATION, lang=lang,
                                  datamap=shop.datamap, portal=shop.portal, today=TODAY,
                                  actor="anna")
        got = _pdf_text(notice.path)
        assert notice.recipient == "payment_provider" and "Betalbolaget Exempel AB" in got
        assert erased in got, got
        assert kept in got, got
        assert "Uppgifterna har raderats" not in got and "has been erased by us" not in got
