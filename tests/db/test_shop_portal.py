"""The record shop (tests/shop_portal.py), a portal of another shape than the demo, through its
v2 map (docs/examples/shop-datamap.yaml) alone, on SQLite, PostgreSQL and MariaDB: the map
passes check honestly, every kind of person is found by each identifier (foreign phone numbers
too), and an erasure keeps every row the law keeps and never meets a constraint."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL, Engine

from privacy_desk.datamap import load_datamap
from privacy_desk.datamap.check import FindingKind, Severity, check_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import make_engine
from privacy_desk.portal.erasure import Action, build_plan, execute_plan, verify_erasure
from privacy_desk.portal.lookup import collect, find_by_name, find_person
from tests import shop_portal
from tests.shop_portal import MAP_FILE, create_shop_portal

TODAY = dt.date(2026, 12, 1)
KEY = b"k" * 32


@pytest.fixture
def shop(db_url: URL) -> Iterator[Engine]:
    engine = make_engine(db_url)
    create_shop_portal(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def datamap() -> DataMap:
    return load_datamap(MAP_FILE)


def test_the_map_passes_check_honestly(shop: Engine, datamap: DataMap) -> None:
    report = check_datamap(shop, datamap)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert errors == [], report.render()
    assert not report.of_kind(FindingKind.LOOKS_PERSONAL), report.render()
    # the catalogue is left out, not mapped as personal data; both kinds of person are mapped
    assert {"Artist", "Album", "Genre", "Track"} <= set(datamap.excluded)
    assert set(datamap.person_kinds()) == {"customer", "employee"}


@pytest.mark.parametrize("identifier, table, key", [
    ("astrid.lindqvist@EXAMPLE.se", "Customer", (1,)),
    ("0701740605", "Customer", (1,)),
    ("+47 22000001", "Customer", (2,)),              # stored as '+47 22 00 00 01'
    ("0047 22 00 00 01", "Customer", (2,)),
    ("+551239000001", "Customer", (3,)),             # stored as '+55 (12) 3900-0001'
    ("jonas@shop.example", "Employee", (3,)),
    ("+33100000004", "Employee", (4,)),              # stored as '+33 1 00 00 00 04'
    ("08-000 00 01", "Employee", (1,)),              # stored as '+46 8 000 00 01'
])
def test_every_kind_of_person_is_found_by_each_identifier(shop: Engine, datamap: DataMap,
                                                          identifier: str, table: str,
                                                          key: tuple[int, ...]) -> None:
    kind = "phone" if "@" not in identifier else None
    result = find_person(shop, datamap, identifier, kind=kind)
    subjects = [(c.subject_table, tuple(c.key)) for c in result.candidates if c.is_subject]
    assert subjects == [(table, key)]


def test_an_employee_is_collected_without_the_customers_they_serve(shop: Engine,
                                                                   datamap: DataMap) -> None:
    (claire,) = find_person(shop, datamap, "claire@shop.example").candidates
    data = collect(shop, datamap, claire)
    assert set(data.tables()) == {"Employee"}


def _count(engine: Engine, table: str) -> int:
    tbl = shop_portal.md.tables[table]
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(tbl)).scalar_one())


def test_erasure_keeps_held_invoices_with_their_lines(shop: Engine, datamap: DataMap) -> None:
    astrid = next(c for c in find_person(shop, datamap, "astrid.lindqvist@example.se").candidates
                  if c.is_subject)
    before = collect(shop, datamap, astrid)
    plan = build_plan(shop, before, today=TODAY)
    actions = {(r.table, tuple(r.key.values())): r for r in plan.rows}
    # invoice 10 (May 2016, financial year ended June 2016) may go; invoice 11 (Sept 2025,
    # financial year ends June 2026) is kept until 2034-01-01, and so are its lines
    assert actions[("Invoice", (10,))].action is Action.DELETE
    assert actions[("InvoiceLine", (100,))].action is Action.DELETE
    held = [actions[("Invoice", (11,))], actions[("InvoiceLine", (101,))],
            actions[("InvoiceLine", (102,))]]
    assert all(r.hold is not None and r.hold.ends_on == dt.date(2034, 1, 1) for r in held)
    assert all(r.action is not Action.DELETE for r in held)
    assert actions[("SupportCall", (1,))].action is Action.DELETE
    assert actions[("Customer", (1,))].action is Action.UPDATE  # anonymised, NOT NULLs kept
    lines_before = _count(shop, "InvoiceLine")
    execute_plan(shop, plan, before, KEY)  # no constraint is met at execute
    after = collect(shop, datamap, astrid)
    assert verify_erasure(plan, before, after, KEY).ok
    assert _count(shop, "InvoiceLine") == lines_before - 1
    assert _count(shop, "Track") == 2  # the catalogue is untouched
    # minimised while held: the held invoice keeps its amount, its billing address is replaced
    with shop.connect() as conn:
        tbl = shop_portal.Invoice
        address = conn.execute(select(tbl.c.BillingAddress, tbl.c.Total)
                               .where(tbl.c.InvoiceId == 11)).one()
    assert address.BillingAddress == "(raderad)" and address.Total is not None


def test_two_people_of_the_same_name_are_told_apart(shop: Engine, datamap: DataMap) -> None:
    result = find_by_name(shop, datamap, "august karlstrom")  # no accent, lower case
    people = sorted(result.candidates, key=lambda c: c.key)
    assert [(c.subject_table, tuple(c.key), c.person_kind) for c in people] == [
        ("Customer", (4,), "customer"), ("Customer", (5,), "customer")]
    assert [c.detail("postcode") for c in people] == ["211 20", "972 31"]
    only = find_by_name(shop, datamap, "KARLSTRÖM August", postcode="97231")
    assert [tuple(c.key) for c in only.candidates] == [(5,)]
    staff = find_by_name(shop, datamap, "Claire Moreau")
    assert [(c.subject_table, c.person_kind) for c in staff.candidates] == [
        ("Employee", "employee")]
