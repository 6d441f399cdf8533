"""Importing the demo portal's incoming requests into the case store, on every backend."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.engine import URL, Engine

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.models import Case, CaseEvent
from privacy_desk.datamap import parse_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.domain.deadlines import due_date
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError
from privacy_desk.portal.demo import schema as demo
from privacy_desk.resources import resource_path
from privacy_desk.services.intake import DEMO_REQUEST_SOURCE, ImportResult, import_portal_requests
from privacy_desk.services.queue import case_detail, list_queue
from tests.databases import throwaway_database
from tests.officers import staff

T0 = datetime(2026, 3, 2, 9, 0)
PNR = "198507149876"  # synthetic


@pytest.fixture
def store(db_url: URL, tmp_path: Path) -> Iterator[CaseStore]:
    s = open_case_store(db_url, actor="importer")
    staff(s, "importer", "anna", "bo")
    yield s
    s.close()


@pytest.fixture
def portal(db_url: URL, tmp_path: Path) -> Iterator[Engine]:
    """An empty demo portal on the same kind of server as the case store."""
    backend = {"mysql": "mariadb"}.get(db_url.get_backend_name(), db_url.get_backend_name())
    with throwaway_database(backend, tmp_path, prefix="pdportal") as url:
        engine = make_engine(url)
        demo.metadata.create_all(engine)
        try:
            yield engine
        finally:
            engine.dispose()


def _customers(engine: Engine) -> None:
    blank = dict.fromkeys(("personnummer", "org_number", "first_name", "last_name",
                           "company_name", "email", "phone"))
    with engine.begin() as conn:
        conn.execute(insert(demo.customers), [blank | c for c in [
            {"id": 1, "customer_number": "K1", "kind": "private", "personnummer": PNR,
             "first_name": "Åsa", "last_name": "Öberg", "email": "asa@example.invalid",
             "created_at": T0},
            {"id": 2, "customer_number": "K2", "kind": "business", "org_number": "5599999999",
             "company_name": "Prov Värme AB", "created_at": T0},
        ]])


def _requests(engine: Engine, rows: list[dict[str, Any]]) -> None:
    base = {"customer_id": None, "personnummer": None, "email": None, "phone": None,
            "message": None}
    with engine.begin() as conn:
        conn.execute(insert(demo.incoming_requests), [base | r for r in rows])


def _request(i: int, **kw: Any) -> dict[str, Any]:
    return {"id": i, "reference": f"MS-2026-{i:06d}", "submitted_at": T0 + timedelta(hours=i),
            "request_type": "access"} | kw


def _count(store: CaseStore, model: type[Case] | type[CaseEvent]) -> int:
    with store.sessions() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_import_creates_cases_and_reimport_creates_no_duplicates(
        store: CaseStore, portal: Engine) -> None:
    _customers(portal)
    _requests(portal, [
        _request(1, customer_id=1, personnummer=PNR, message="Jag vill ha ett registerutdrag."),
        _request(2, customer_id=2, request_type="erasure"),
        _request(3, email="ingen.kund@example.invalid", phone="+46701234567",
                 request_type="consent_withdrawal"),
        _request(4, personnummer=PNR),  # no customer, no e-mail
        _request(5, request_type="complaint", email="x@example.invalid"),  # not a known type
        # 22:30 UTC on 30 June is already 1 July in Stockholm (summer time).
        _request(6, submitted_at=datetime(2026, 6, 30, 22, 30), customer_id=1,
                 request_type="rectification"),
    ])
    assert import_portal_requests(store, portal, DEMO_REQUEST_SOURCE, actor="anna") == \
        ImportResult(imported=5, already_known=0, skipped=1)

    rows = {r.case_number: r for r in list_queue(store)}
    assert sorted(rows) == [f"PD-2026-{n:05d}" for n in range(1, 6)]  # in submission order
    first = rows["PD-2026-00001"]
    assert (first.request_type, first.status, first.person_label) == (
        RequestType.ACCESS, CaseStatus.RECEIVED, "Åsa Öberg")
    assert first.received_on == date(2026, 3, 2)
    assert first.due_on == due_date(date(2026, 3, 2))
    assert rows["PD-2026-00002"].person_label == "Prov Värme AB"
    assert rows["PD-2026-00003"].person_label == "ingen.kund@example.invalid"
    assert rows["PD-2026-00004"].person_label == "Portal request MS-2026-000004"
    assert all(PNR not in r.person_label and PNR[2:8] not in r.person_label
               for r in rows.values())
    summer = rows["PD-2026-00005"]
    assert (summer.request_type, summer.received_on) == (RequestType.RECTIFICATION,
                                                         date(2026, 7, 1))

    detail = case_detail(store, first.case_id)
    assert detail.channel is Channel.PORTAL
    assert detail.source_ref == "portal:MS-2026-000001"
    assert detail.received_at == T0 + timedelta(hours=1)
    assert detail.subject_identifiers == {"customer_id": 1, "personnummer": PNR,
                                          "portal_reference": "MS-2026-000001"}
    assert [(e.kind, e.actor, e.to_status) for e in detail.events] == [
        ("imported", "anna", CaseStatus.RECEIVED)]
    assert "registerutdrag" in (detail.events[0].note or "")
    assert case_detail(store, rows["PD-2026-00003"].case_id).subject_identifiers == {
        "email": "ingen.kund@example.invalid", "phone": "+46701234567",
        "portal_reference": "MS-2026-000003"}

    # Again: nothing new. Then one more request arrives: only that one is imported.
    assert import_portal_requests(store, portal, DEMO_REQUEST_SOURCE, actor="anna") == \
        ImportResult(imported=0, already_known=5, skipped=1)
    _requests(portal, [_request(7, customer_id=1)])
    assert import_portal_requests(store, portal, DEMO_REQUEST_SOURCE) == \
        ImportResult(imported=1, already_known=5, skipped=1)
    assert (_count(store, Case), _count(store, CaseEvent)) == (6, 6)
    newest = max(list_queue(store), key=lambda r: r.case_number)
    assert newest.case_number == "PD-2026-00006"
    assert case_detail(store, newest.case_id).events[0].actor == "importer"


def test_two_importers_at_once_make_no_duplicates(store: CaseStore, portal: Engine) -> None:
    _requests(portal, [_request(i, email=f"p{i}@example.invalid") for i in range(1, 301)])
    results: list[ImportResult] = []
    errors: list[BaseException] = []

    def importer(name: str) -> None:
        try:
            results.append(import_portal_requests(store, portal, DEMO_REQUEST_SOURCE,
                                                  actor=name, batch_size=40))
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=importer, args=(n,)) for n in ("anna", "bo")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(r.imported for r in results) == 300
    assert all(r.imported + r.already_known == 300 for r in results)
    rows = list_queue(store)
    assert len(rows) == 300 == len({r.case_number for r in rows})
    assert sorted(r.case_number for r in rows) == [f"PD-2026-{n:05d}" for n in range(1, 301)]
    assert _count(store, CaseEvent) == 300


def test_requests_spanning_years_are_numbered_per_year(store: CaseStore,
                                                       portal: Engine) -> None:
    _requests(portal, [
        _request(1, submitted_at=datetime(2025, 12, 31, 22, 59)),  # 23:59 in Stockholm
        _request(2, submitted_at=datetime(2025, 12, 31, 23, 1)),  # 00:01 on 1 January
        _request(3, submitted_at=datetime(2026, 1, 2, 8, 0)),
    ])
    import_portal_requests(store, portal, DEMO_REQUEST_SOURCE, batch_size=2)
    got = sorted((r.case_number, r.received_on) for r in list_queue(store))
    assert got == [("PD-2025-00001", date(2025, 12, 31)), ("PD-2026-00001", date(2026, 1, 1)),
                   ("PD-2026-00002", date(2026, 1, 2))]


def test_wrong_source_description_is_a_clear_error(store: CaseStore, portal: Engine) -> None:
    with pytest.raises(UserError, match="no table 'requests'"):
        import_portal_requests(store, portal, replace(DEMO_REQUEST_SOURCE, table="requests"))
    with pytest.raises(UserError, match=r"no column.*'kind_of_request'"):
        import_portal_requests(store, portal,
                               replace(DEMO_REQUEST_SOURCE, type_column="kind_of_request"))
    with pytest.raises(UserError, match="'Mars/Olympus' is not a time zone"):
        import_portal_requests(store, portal, replace(DEMO_REQUEST_SOURCE,
                                                      timezone="Mars/Olympus"))
    assert _count(store, Case) == 0


def test_naive_portal_times_are_read_in_the_maps_time_zone(store: CaseStore,
                                                           portal: Engine) -> None:
    """A portal that stores local Stockholm time: the receipt day is the local day."""
    text = resource_path("datamaps", "demo-portal.yaml").read_text(encoding="utf-8")
    assert "received_at_timezone: UTC" in text
    datamap = parse_datamap(text.replace("received_at_timezone: UTC",
                                         "received_at_timezone: Europe/Stockholm"))
    source = datamap.incoming_request_source()
    assert source is not None and source.timezone == "Europe/Stockholm"
    _requests(portal, [
        _request(1, submitted_at=datetime(2026, 3, 2, 0, 30)),  # 23:30 UTC on 1 March
        _request(2, submitted_at=datetime(2026, 3, 1, 23, 30)),  # UTC would make it 2 March
        _request(3, submitted_at=datetime(2026, 6, 30, 23, 30)),  # summer: 21:30 UTC
    ])
    assert import_portal_requests(store, portal, source).imported == 3
    got = {r.person_label: r for r in list_queue(store)}  # no customer: by reference
    first, second, summer = (got[f"Portal request MS-2026-{n:06d}"] for n in (1, 2, 3))
    assert second.received_on == date(2026, 3, 1)
    assert first.received_on == date(2026, 3, 2)
    assert first.due_on == due_date(date(2026, 3, 2))
    assert summer.received_on == date(2026, 6, 30)
    # stored as UTC
    assert case_detail(store, first.case_id).received_at == datetime(2026, 3, 1, 23, 30)
    assert case_detail(store, summer.case_id).received_at == datetime(2026, 6, 30, 21, 30)
