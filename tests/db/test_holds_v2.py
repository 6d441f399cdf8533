"""Holds of data map v2 through the whole erasure, on every backend (issue 11).

Invoice lines and payments have no date: ``hold: {..., via: Invoice}`` keeps them exactly as
long as their invoice. The rule's financial year runs July-June (``financial_year_start:
"07-01"``), so an invoice of 2026-09-15 is kept until 2035-01-01 and one of 2026-03-15 until
2034-01-01. The plan, the dry run, the executed record, the letter and the holds-ending list
all show each row's own first erasable day; the erasure meets no constraint. The map has no
``requests:`` section: the desk works without a portal intake.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, Engine

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.datamap import parse_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.portal.erasure import Action
from privacy_desk.reports.erasure_letter import letter_lines
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import open_context
from privacy_desk.services.erasure import (
    approve_plan,
    create_plan,
    dry_run,
    erasure_subject,
    execute,
    holds_ending,
    plan_hold_release,
)
from privacy_desk.services.roles import Role, add_officer, sign_in
from tests.databases import throwaway_database
from tests.db.constraint_shop import GOOD_MAP, TODAY, shop_portal, snapshot

LATE, EARLY = date(2035, 1, 1), date(2034, 1, 1)


@dataclass
class Shop:
    portal: Engine
    store: CaseStore
    datamap: DataMap
    case_id: int


@pytest.fixture
def shop(db_url: URL, tmp_path: Path) -> Iterator[Shop]:
    map_file = tmp_path / "shop.yaml"
    map_file.write_text(GOOD_MAP, encoding="utf-8")
    dm = parse_datamap(GOOD_MAP, source=map_file)
    assert dm.requests is None
    with shop_portal(db_url) as portal, \
            throwaway_database("sqlite", tmp_path, prefix="pdstore") as store_url:
        store = open_case_store(store_url, actor="anna")
        try:
            sign_in(store, "anna")
            add_officer(store, "bertil", [Role.APPROVER], actor="anna")
            d = register_case(store, request_type=RequestType.ERASURE, channel=Channel.PAPER,
                              received_on=date(2026, 11, 2), person_label="Testperson",
                              identifiers=[("email", "eva@example.se")], today=TODAY,
                              actor="anna")
            d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                                evidence="signed letter", verified_on=date(2026, 11, 3),
                                expected_version=d.version, actor="anna", today=TODAY)
            transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor="anna",
                            reason=None, expected_version=d.version, today=TODAY)
            yield Shop(portal, store, dm, d.case_id)
        finally:
            store.close()


def test_lines_follow_their_invoice_and_the_financial_year_counts(shop: Shop) -> None:
    s = shop
    found = erasure_subject(s.store, s.portal, s.datamap, s.case_id)
    assert [c.key for c in found.candidates] == [(1,)]
    view = create_plan(s.store, s.portal, s.datamap, s.case_id, found.candidates[0],
                       actor="anna", today=TODAY)
    plan = view.plan
    ends = {(r.table, next(iter(r.key.values()))): r.hold.ends_on
            for r in plan.rows if r.hold is not None}
    assert ends == {("Invoice", 11): LATE, ("Invoice", 12): EARLY,
                    ("InvoiceLine", 111): LATE, ("InvoiceLine", 112): LATE,
                    ("InvoiceLine", 121): EARLY, ("Payment", 1): LATE}
    deleted = sorted((r.table, next(iter(r.key.values())))
                     for r in plan.by_action(Action.DELETE))
    # the invoice of 2018 (financial year ending 2018-06-30) is released with its lines
    assert deleted == [("Invoice", 13), ("InvoiceLine", 131), ("InvoiceLine", 132),
                       ("Payment", 3)]
    lines = dry_run(s.store, s.portal, s.datamap, view.id, actor="anna")
    assert sorted((d.table, d.key) for d in lines if d.action is Action.DELETE) == [
        ("Invoice", '{"InvoiceId":13}'), ("InvoiceLine", '{"InvoiceLineId":131}'),
        ("InvoiceLine", '{"InvoiceLineId":132}'), ("Payment", '{"PaymentId":3}')]
    assert not any(d.table in ("InvoiceLine", "Payment") and d.action is Action.UPDATE
                   for d in lines)

    approve_plan(s.store, view.id, expected_sha256=view.sha256, actor="bertil")
    before = snapshot(s.portal)
    done = execute(s.store, s.portal, s.datamap, view.id, actor="anna", today=TODAY)
    assert done.verification.ok, done.verification.problems
    after = snapshot(s.portal)
    assert [r[0] for r in after["InvoiceLine"]] == [111, 112, 121, 211]
    assert [r[0] for r in after["Payment"]] == [1]
    assert [r[0] for r in after["Invoice"]] == [11, 12, 21]
    assert after["SupportTicket"] == before["SupportTicket"]
    recorded = sorted((t, e) for t, _law, e in done.view.executions[-1].holds)
    assert recorded == sorted((t, e) for (t, _k), e in ends.items())

    # the letter: each held row until its own end, not the latest of all
    kept = letter_lines(done.view.plan, s.datamap, "en").kept
    inv, line = (s.datamap.tables[t].title_in("en") for t in ("Invoice", "InvoiceLine"))
    assert any(f"({inv}): 1 record from " in k and "31 December 2034" in k for k in kept)
    assert any(f"({inv}): 1 record from " in k and "31 December 2033" in k for k in kept)
    assert any(f"({line}): 2 records from " in k and "31 December 2034" in k for k in kept)
    assert any(f"({line}): 1 record from " in k and "31 December 2033" in k for k in kept)

    # holds ending: on 2034-01-01 only the invoice of 2026-03 and its line are due
    assert holds_ending(s.store, today=date(2033, 12, 31), actor="anna") == []
    due = holds_ending(s.store, today=EARLY, actor="anna")
    assert sorted((h.table, h.row_key, h.ends_on) for h in due) == [
        ("Invoice", '{"InvoiceId":12}', EARLY), ("InvoiceLine", '{"InvoiceLineId":121}', EARLY)]
    release = plan_hold_release(s.store, s.portal, s.datamap, s.case_id, actor="anna",
                                today=EARLY)
    assert sorted((r.table, next(iter(r.key.values())))
                  for r in release.plan.by_action(Action.DELETE)) == [
        ("Invoice", 12), ("InvoiceLine", 121)]
    assert {(r.table, r.hold.ends_on) for r in release.plan.held if r.hold} == {
        ("Invoice", LATE), ("InvoiceLine", LATE), ("Payment", LATE)}


def test_a_map_without_requests_opens_the_desk_without_intake(
        db_url: URL, tmp_path: Path, app_paths: AppPaths) -> None:
    """``requests:`` absent means no portal intake; everything else works."""
    map_file = tmp_path / "shop.yaml"
    map_file.write_text(GOOD_MAP, encoding="utf-8")
    with shop_portal(db_url) as portal, \
            throwaway_database("sqlite", tmp_path, prefix="pdstore") as store_url:
        ctx = open_context(app_paths, portal=portal.url, case_store=store_url,
                           datamap=map_file, officer="anna")
        try:
            assert ctx.request_source is None
            result = ctx.import_requests()
            assert (result.imported, result.already_known, result.skipped) == (0, 0, 0)
            d = register_case(ctx.case_store, request_type=RequestType.ERASURE,
                              channel=Channel.PAPER, received_on=date(2026, 11, 2),
                              person_label="Testperson",
                              identifiers=[("email", "eva@example.se")], today=TODAY,
                              actor="anna")
            d = verify_identity(ctx.case_store, d.case_id,
                                method=IdentityMethod.SIGNED_LETTER, evidence="signed letter",
                                verified_on=date(2026, 11, 3), expected_version=d.version,
                                actor="anna", today=TODAY)
            transition_case(ctx.case_store, d.case_id, CaseStatus.IN_PROGRESS, actor="anna",
                            reason=None, expected_version=d.version, today=TODAY)
            found = erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, d.case_id)
            view = create_plan(ctx.case_store, ctx.portal, ctx.datamap, d.case_id,
                               found.candidates[0], actor="anna", today=TODAY)
            assert len(view.plan.held) == 6
        finally:
            ctx.close()
