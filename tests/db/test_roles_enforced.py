"""Roles are enforced in the services, so the CLI obeys them as the GUI does.

An auditor (read-only) may read the queue, a case and a person's history, but every
change is refused with NotPermitted and leaves the store exactly as it was; someone the
store does not know may not even read. Through the CLI a refusal is exit code 4.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit import read_entries
from privacy_desk.casestore.audit_models import AuditEntry
from privacy_desk.casestore.models import Case, CaseEvent
from privacy_desk.cli import main
from privacy_desk.dburl import make_engine
from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.services.attachments import AttachmentFile, attach_to_case, attachment_content
from privacy_desk.services.cases import assign_case, register_case, transition_case
from privacy_desk.services.casework import (
    claim_case,
    extend_case,
    record_allowance_decision,
    release_case,
    verify_identity,
)
from privacy_desk.services.intake import import_portal_requests
from privacy_desk.services.queue import allowance_status, case_detail, list_queue, person_history
from privacy_desk.services.roles import NotPermitted, Role, add_officer
from tests.officers import staff

PDF = b"%PDF-1.4\n% synthetic scan\n%%EOF\n"
TODAY = date(2026, 3, 10)


@pytest.fixture
def store(db_url: URL) -> Iterator[CaseStore]:
    s = open_case_store(db_url, actor="anna")
    staff(s, "anna")
    add_officer(s, "ivar", [Role.AUDITOR], actor="anna")
    yield s
    s.close()


def _case(store: CaseStore) -> int:
    return register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                         received_on=date(2026, 3, 2), person_label="Åsa Testsson",
                         identifiers=[(None, "19850714-9873")],
                         attachments=[AttachmentFile("letter.pdf", PDF)], today=TODAY,
                         actor="anna").case_id


def _snapshot(store: CaseStore) -> tuple[Any, ...]:
    with store.sessions() as s:
        return (s.scalar(select(func.count()).select_from(Case)),
                s.scalar(select(func.count()).select_from(CaseEvent)),
                s.scalar(select(func.count()).select_from(AuditEntry)),
                tuple(s.execute(select(Case.id, Case.status, Case.assignee, Case.version))))


def test_auditor_reads_but_every_change_is_refused(store: CaseStore) -> None:
    cid = _case(store)
    d = case_detail(store, cid)
    v = d.version
    as_ivar = CaseStore(store.engine, store.sessions, "ivar", store.allowance_period)
    # Reading is any active officer's right, the auditor's too.
    assert [r.case_id for r in list_queue(as_ivar)] == [cid]
    assert case_detail(as_ivar, cid).case_number == d.case_number
    assert person_history(store, cid, actor="ivar").entries
    assert allowance_status(as_ivar, cid).free
    assert attachment_content(store, d.attachments[0].id, actor="ivar")[1] == PDF

    changes: dict[str, Callable[[], object]] = {
        "register": lambda: register_case(
            store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
            received_on=date(2026, 3, 2), person_label="X", today=TODAY, actor="ivar"),
        "assign": lambda: assign_case(store, cid, "ivar", actor="ivar", expected_version=v),
        "transition": lambda: transition_case(store, cid, CaseStatus.REJECTED, actor="ivar",
                                              reason="Duplicate", expected_version=v),
        "claim": lambda: claim_case(as_ivar, cid),
        "claim for another": lambda: claim_case(as_ivar, cid, officer="anna"),
        "hand to an auditor": lambda: claim_case(store, cid, officer="ivar"),
        "release": lambda: release_case(as_ivar, cid),
        "verify": lambda: verify_identity(store, cid, method=IdentityMethod.E_ID,
                                          evidence="BankID", actor="ivar",
                                          expected_version=v, today=TODAY),
        "extend": lambda: extend_case(store, cid, reason="Many systems", told_on=TODAY,
                                      actor="ivar", expected_version=v, today=TODAY),
        "decide": lambda: record_allowance_decision(
            store, cid, AllowanceDecision(DecisionKind.FEE, "Second extract", 150),
            actor="ivar", expected_version=v),
        "attach": lambda: attach_to_case(store, cid, [AttachmentFile("more.pdf", PDF)],
                                         actor="ivar"),
    }
    before = _snapshot(store)
    refused = []
    for name, change in changes.items():
        with pytest.raises(NotPermitted) as err:
            change()
        assert "ivar may not" in err.value.message, name
        refused.append(name)
    assert refused == list(changes)
    assert _snapshot(store) == before


def test_strangers_may_not_even_read(store: CaseStore) -> None:
    cid = _case(store)
    stranger = CaseStore(store.engine, store.sessions, "mallory", store.allowance_period)
    for read in (lambda: list_queue(stranger), lambda: case_detail(stranger, cid),
                 lambda: person_history(stranger, cid),
                 lambda: allowance_status(stranger, cid)):
        with pytest.raises(NotPermitted, match="mallory is not an officer"):
            read()


def test_release_and_extension_are_audited(store: CaseStore) -> None:
    cid = _case(store)
    claim_case(store, cid)
    release_case(store, cid)
    d = case_detail(store, cid)
    d = verify_identity(store, cid, method=IdentityMethod.E_ID, evidence="BankID",
                        actor="anna", expected_version=d.version, today=TODAY)
    d = transition_case(store, cid, CaseStatus.IN_PROGRESS, actor="anna", reason=None,
                        expected_version=d.version)
    extend_case(store, cid, reason="Many systems", told_on=TODAY, actor="anna",
                expected_version=d.version, today=TODAY)
    with store.sessions() as s:
        rows = [r for r in read_entries(s) if r.case_id == cid]
    actions = [r.action for r in rows]
    assert actions.index("case_claimed") < actions.index("case_released")
    extended = [r for r in rows if r.action == "deadline_extended"]
    assert len(extended) == 1
    assert extended[0].details == {"due_on": "2026-06-02", "told_on": "2026-03-10"}


def test_an_auditor_does_not_import_portal_requests(store: CaseStore, tmp_path: Path) -> None:
    portal = make_engine(URL.create("sqlite+pysqlite", database=str(tmp_path / "none.db")))
    try:
        with pytest.raises(NotPermitted, match="ivar may not import"):
            import_portal_requests(store, portal, actor="ivar")
    finally:
        portal.dispose()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_cli_refuses_an_auditor_with_exit_code_4(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    base = ("--base-dir", str(tmp_path / "desk"))

    def login(name: str) -> None:
        for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
            monkeypatch.setenv(var, name)

    login("anna")
    code, err = _cli(capsys, *base, "case", "register", "--type", "access",
                     "--received", "2026-03-02", "--person", "Åsa Testsson")
    assert code == 0, err
    assert _cli(capsys, *base, "officer", "add", "ivar", "--role", "auditor")[0] == 0
    login("ivar")
    assert _cli(capsys, *base, "case", "list")[0] == 0  # reading is allowed
    for argv in (("case", "claim", "PD-2026-00001"),
                 ("case", "transition", "PD-2026-00001", "rejected", "--reason", "Dup"),
                 ("case", "register", "--type", "access", "--received", "2026-03-02",
                  "--person", "Bo Test")):
        code, err = _cli(capsys, *base, *argv)
        assert code == 4 and "ivar may not" in err and "Traceback" not in err, argv
    login("anna")
    code, err = _cli(capsys, *base, "case", "list")
    assert code == 0 and "1 case(s)" in err


def test_an_auditor_may_not_view_withhold_or_export_personal_data(
        store: CaseStore, tmp_path: Path) -> None:
    """Issue 5's services: the refusal comes before the portal is touched or a file
    written (the portal here is an empty file: reaching it would fail differently)."""
    from privacy_desk.datamap.loader import load_datamap
    from privacy_desk.identifiers import Identifier
    from privacy_desk.portal.lookup import Candidate
    from privacy_desk.resources import resource_path
    from privacy_desk.services.access import (
        case_subject,
        export_extract,
        list_exports,
        list_withheld,
        preview_case,
        withhold,
    )

    cid = _case(store)
    datamap = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    portal = make_engine(URL.create("sqlite+pysqlite", database=str(tmp_path / "none.db")))
    person = Candidate("customers", (1,), "Åsa Testsson",
                       Identifier("personnummer", "198507149873"), ())
    out = tmp_path / "out"
    out.mkdir()
    try:
        assert list_withheld(store, cid, actor="ivar") == ()
        assert list_exports(store, cid, actor="ivar") == ()
        before = _snapshot(store)
        for call in (lambda: case_subject(store, portal, datamap, cid, actor="ivar"),
                     lambda: preview_case(store, portal, datamap, cid, person, actor="ivar"),
                     lambda: withhold(store, cid, datamap, table="customers",
                                      key={"id": 1}, column="phone", reason="Co-holder",
                                      actor="ivar"),
                     lambda: export_extract(store, portal, datamap, cid, person,
                                            out_dir=out, actor="ivar")):
            with pytest.raises(NotPermitted, match="ivar may not"):
                call()
        assert _snapshot(store) == before
        assert list(out.iterdir()) == []
    finally:
        portal.dispose()
