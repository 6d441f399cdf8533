"""A desk that leads, on every backend: claiming and verifying move a case to in progress,
and the "may I?" rules the desk shows are the ones the services enforce."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit_models import AuditEntry
from privacy_desk.domain.deadlines import ExtensionTooLate
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus, InvalidTransition
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError
from privacy_desk.services.case_rules import ActionRefused, CaseAction, case_permissions
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import claim_case, extend_case, verify_identity
from privacy_desk.services.queue import allowance_status, case_detail
from tests.officers import staff

TODAY = date(2026, 11, 20)
PNR = "19850714-9873"  # synthetic, valid check digit


@pytest.fixture
def store(db_url: URL, tmp_path: Path) -> Iterator[CaseStore]:
    s = open_case_store(db_url, actor="officer")
    staff(s, "officer", "anna", "bo")
    yield s
    s.close()


def _paper(store: CaseStore, received_on: date = date(2026, 11, 2)) -> int:
    return register_case(
        store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
        received_on=received_on, person_label="Åsa Testsson", identifiers=[(None, PNR)],
        today=TODAY, actor="anna").case_id


def _verify(store: CaseStore, cid: int) -> CaseStatus:
    d = case_detail(store, cid)
    return verify_identity(store, cid, method=IdentityMethod.SIGNED_LETTER,
                           evidence="Signature matches the customer record",
                           verified_on=d.received_on, actor="anna",
                           expected_version=d.version, today=TODAY).status


def _permissions(store: CaseStore, cid: int, officer: str = "anna",
                 today: date = TODAY) -> dict[CaseAction, str | None]:
    d = case_detail(store, cid)
    p = case_permissions(d, allowance_status(store, cid), officer=officer, may_write=True,
                         today=today)
    return {a: (None if p.reason(a) is None else p.reason(a).message.render("en"))  # type: ignore[union-attr]
            for a in CaseAction}


def test_claiming_a_verified_case_starts_the_work(store: CaseStore) -> None:
    cid = _paper(store)
    assert _verify(store, cid) is CaseStatus.RECEIVED  # nobody holds it: it waits
    d = claim_case(store, cid, officer="anna").detail
    assert d.status is CaseStatus.IN_PROGRESS
    assert [(e.kind, e.to_status) for e in d.events][-2:] == [
        ("claimed", None), ("status", CaseStatus.IN_PROGRESS)]
    with store.sessions() as s:
        audit = s.scalars(select(AuditEntry.action).where(AuditEntry.case_id == cid)).all()
    assert list(audit).count("status_changed") == 1


def test_verifying_a_claimed_case_starts_the_work(store: CaseStore) -> None:
    cid = _paper(store)
    assert claim_case(store, cid, officer="anna").detail.status is CaseStatus.RECEIVED
    d = case_detail(store, cid)
    d = transition_case(store, cid, CaseStatus.AWAITING_IDENTITY, actor="anna", reason=None,
                        expected_version=d.version)
    assert _verify(store, cid) is CaseStatus.IN_PROGRESS
    # The desk's next step is then the answer, and no refused move is proposed.
    perms = case_permissions(case_detail(store, cid), allowance_status(store, cid),
                             officer="anna", may_write=True, today=TODAY)
    assert perms.proposed is CaseStatus.ANSWERED


def test_what_the_desk_offers_is_what_the_services_accept(store: CaseStore) -> None:
    cid = _paper(store)
    perms = _permissions(store, cid)
    assert perms[CaseAction.CLAIM] is None and perms[CaseAction.VERIFY] is None
    assert perms[CaseAction.RELEASE] == "You do not hold case PD-2026-00001."
    assert perms[CaseAction.PREVIEW] == (
        "The person's identity is not verified in case PD-2026-00001.")
    assert perms[CaseAction.ANSWER] == "Case PD-2026-00001 is not in progress yet."
    assert perms[CaseAction.EXTEND] == "Only a case in progress can be extended."
    # The service refuses the same: not answered, not extended.
    d = case_detail(store, cid)
    with pytest.raises(InvalidTransition):
        transition_case(store, cid, CaseStatus.ANSWERED, actor="anna", reason=None,
                        expected_version=d.version)
    # Bo sees it is Anna's once she claimed it.
    claim_case(store, cid, officer="anna")
    assert _permissions(store, cid, "bo")[CaseAction.CLAIM] == (
        "Case PD-2026-00001 is held by anna.")
    assert _permissions(store, cid)[CaseAction.RELEASE] is None


def test_an_overdue_case_offers_no_extension(store: CaseStore) -> None:
    cid = _paper(store, received_on=date(2026, 9, 1))
    _verify(store, cid)
    claim_case(store, cid, officer="anna")
    why = _permissions(store, cid)[CaseAction.EXTEND]
    assert why == "Too late to extend: the person had to be told by 2026-10-01."
    d = case_detail(store, cid)
    with pytest.raises(ExtensionTooLate):
        extend_case(store, cid, reason="Many systems", told_on=TODAY, actor="anna",
                    expected_version=d.version, today=TODAY)
    # In time it is offered, and the service accepts it.
    cid2 = _paper(store, received_on=date(2026, 11, 2))
    _verify(store, cid2)
    claim_case(store, cid2, officer="anna")
    assert _permissions(store, cid2)[CaseAction.EXTEND] is None
    d = case_detail(store, cid2)
    extend_case(store, cid2, reason="Many systems", told_on=TODAY, actor="anna",
                expected_version=d.version, today=TODAY)
    assert _permissions(store, cid2)[CaseAction.EXTEND] == (
        "Case PD-2026-00002 has already been extended.")


def test_a_closed_case_offers_nothing_and_refuses_a_decision(store: CaseStore) -> None:
    cid = _paper(store)
    d = case_detail(store, cid)
    transition_case(store, cid, CaseStatus.WITHDRAWN, actor="anna", reason="By phone",
                    expected_version=d.version)
    perms = _permissions(store, cid)
    for action in (CaseAction.CLAIM, CaseAction.VERIFY, CaseAction.STATUS,
                   CaseAction.DECIDE):
        assert perms[action] == "Case PD-2026-00001 is closed.", action
    from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
    from privacy_desk.services.casework import record_allowance_decision
    d = case_detail(store, cid)
    with pytest.raises(UserError, match="closed") as info:
        record_allowance_decision(store, cid, AllowanceDecision(DecisionKind.FREE_ANYWAY, "ok"),
                                  actor="anna", expected_version=d.version)
    assert isinstance(info.value, ActionRefused)


def test_a_reader_is_told_why_nothing_is_offered(store: CaseStore) -> None:
    cid = _paper(store)
    d = case_detail(store, cid)
    p = case_permissions(d, allowance_status(store, cid), officer="anna", may_write=False,
                         today=TODAY)
    why = p.reason(CaseAction.CLAIM)
    assert why is not None
    assert why.message.render("sv") == "Din roll får läsa ärenden men inte ändra dem."


def test_requests_by_phone_and_in_person_name_who_took_them(store: CaseStore) -> None:
    def register(channel: Channel, taken_by: str | None) -> int:
        return register_case(store, request_type=RequestType.ERASURE, channel=channel,
                             received_on=date(2026, 11, 2), person_label="Åsa Testsson",
                             identifiers=[(None, PNR)], today=TODAY, actor="anna",
                             taken_by=taken_by).case_id

    with pytest.raises(UserError, match="must name who took it"):
        register(Channel.PHONE, "  ")
    with pytest.raises(UserError, match="longer than 80"):
        register(Channel.IN_PERSON, "x" * 81)
    phone = case_detail(store, register(Channel.PHONE, " Karin   Kundtjänst "))
    assert (phone.channel, phone.taken_by) == (Channel.PHONE, "Karin Kundtjänst")
    visit = case_detail(store, register(Channel.IN_PERSON, "anna"))
    assert (visit.channel, visit.taken_by) == (Channel.IN_PERSON, "anna")
    # A letter has its document; a stray name is not stored with it.
    letter = case_detail(store, register(Channel.PAPER, "anna"))
    assert letter.taken_by is None
    assert case_detail(store, phone.case_id).case_number == "PD-2026-00001"  # no number lost


def test_queue_markers_agree_with_each_cases_allowance(store: CaseStore) -> None:
    from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
    from privacy_desk.services.casework import record_allowance_decision
    from privacy_desk.services.queue import list_queue_marks

    other = "19850714-9881"  # synthetic, another person (valid check digit)
    days = [date(2026, 2, 1), date(2026, 5, 1), date(2026, 9, 1), date(2026, 11, 2)]
    mine = [_paper(store, d) for d in days]
    theirs = [register_case(store, request_type=RequestType.ACCESS, channel=Channel.EMAIL,
                            received_on=d, person_label="Bo", identifiers=[(None, other)],
                            today=TODAY, actor="anna").case_id for d in days[:1]]
    d = case_detail(store, mine[1])
    record_allowance_decision(store, mine[1], AllowanceDecision(DecisionKind.FREE_ANYWAY,
                                                                "Goodwill"),
                              actor="anna", expected_version=d.version)
    d = case_detail(store, mine[2])
    transition_case(store, mine[2], CaseStatus.WITHDRAWN, actor="anna", reason="By phone",
                    expected_version=d.version)
    marks = list_queue_marks(store)
    for cid in [*mine, *theirs]:
        status = allowance_status(store, cid)
        open_case = case_detail(store, cid).status.is_open
        assert (cid in marks.decision_needed) == (status.needs_decision and open_case), cid
    assert marks.decision_needed == {mine[3]}  # the first is free, the second decided
    assert marks.approval_needed == frozenset()
