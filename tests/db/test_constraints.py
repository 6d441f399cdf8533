"""The portal's live constraints, from check to execute, on every backend (issue 11).

A shop schema of another shape (tests/db/constraint_shop.py): check reports each strategy the
portal would refuse with the map's file:line; the plan refuses what execute would meet
(NOT NULL, foreign keys from a table the map excludes, ON DELETE CASCADE into held rows);
and when the portal refuses something the desk cannot see (a CHECK constraint), the message
names the table, the columns and the constraint, and nothing was changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import URL, Engine

from privacy_desk.datamap import parse_datamap
from privacy_desk.datamap.check import FindingKind, Severity, check_datamap
from privacy_desk.datamap.constraints import OnDelete, read_constraints
from privacy_desk.datamap.model import DataMap, Erasure
from privacy_desk.portal.erasure import (
    Action,
    ErasureFailed,
    ErasurePlan,
    FieldChange,
    PlanRefused,
    RowPlan,
    build_plan,
    deletion_order,
    execute_plan,
)
from privacy_desk.portal.lookup import PersonData, collect, find_person
from tests.db.constraint_shop import (
    CUSTOMER,
    GOOD_MAP,
    HEAD,
    INVOICE,
    LINES,
    PAYMENTS,
    TODAY,
    shop_portal,
    snapshot,
)

KEY = b"k" * 32


@pytest.fixture
def shop(db_url: URL) -> Iterator[Engine]:
    with shop_portal(db_url) as engine:
        yield engine


def _map(text: str, tmp_path: Path) -> DataMap:
    return parse_datamap(text, source=tmp_path / "shop.yaml")


def _line(text: str, fragment: str) -> int:
    """The 1-based line of the map text that holds ``fragment`` (what check must name)."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(hits) == 1, fragment
    return hits[0]


def _person(engine: Engine, dm: DataMap) -> PersonData:
    found = find_person(engine, dm, "C0001", kind="customer_number")
    assert len(found.candidates) == 1
    return collect(engine, dm, found.candidates[0])


def test_live_constraints_are_read_with_their_delete_rules(shop: Engine,
                                                            tmp_path: Path) -> None:
    with shop.connect() as conn:
        live = read_constraints(conn, _map(GOOD_MAP, tmp_path))
    assert live.column("Customer", "FirstName").nullable is False  # type: ignore[union-attr]
    assert live.column("Customer", "Email").nullable is True  # type: ignore[union-attr]
    assert live.column("Customer", "Phone").length == 10  # type: ignore[union-attr]
    assert live.column("Customer", "Points").numeric  # type: ignore[union-attr]
    rules = {(fk.table, fk.referred_table): (fk.columns, fk.referred_columns, fk.ondelete)
             for fk in live.foreign_keys}
    assert rules[("Payment", "Invoice")] == (("InvoiceNumber",), ("InvoiceNumber",),
                                             OnDelete.CASCADE)
    assert rules[("InvoiceLine", "Invoice")][2].blocks  # NO ACTION; MariaDB says RESTRICT
    # the excluded table's foreign key is read too, with its own columns
    assert rules[("SupportTicket", "Customer")][2].blocks
    assert live.primary_keys["SupportTicket"] == ("TicketId",)


def test_the_sound_map_is_sound(shop: Engine, tmp_path: Path) -> None:
    report = check_datamap(shop, _map(GOOD_MAP, tmp_path))
    assert report.sound, report.render()
    assert not report.of_kind(FindingKind.CONSTRAINT)
    assert not report.of_kind(FindingKind.HOLD)


BAD_COLUMNS = (HEAD + CUSTOMER.replace(
    'FirstName: {category: identity, erasure: replace, value: "-"}',
    "FirstName: {category: identity, erasure: set_null}").replace(
    'LastName: {category: identity, erasure: replace, value: "(raderad)"}',
    f'LastName: {{category: identity, erasure: replace, value: "{"x" * 45}"}}').replace(
    "Phone: {category: identity, erasure: set_null}",
    "Phone: {category: identity, erasure: pseudonymise}").replace(
    "Points: {personal: false}",
    'Points: {category: identity, erasure: replace, value: "none"}')
    + INVOICE
    + LINES.replace("    hold: {rule: bfl, date_column: InvoiceDate, via: Invoice}\n", "")
    + PAYMENTS.replace("hold: {rule: bfl, date_column: InvoiceDate, via: Invoice}",
                       "hold: {rule: bfl, date_column: PaidOn}"))


def test_check_reports_each_strategy_the_portal_would_refuse(shop: Engine,
                                                             tmp_path: Path) -> None:
    report = check_datamap(shop, _map(BAD_COLUMNS, tmp_path))
    assert not report.sound
    errors = {(f.table, f.column): f for f in report.of_kind(FindingKind.CONSTRAINT)}
    expected = {
        ("Customer", "FirstName"): ("FirstName: {category", "set_null on Customer.FirstName",
                                    "NOT NULL"),
        ("Customer", "LastName"): ("LastName: {category", "replace on Customer.LastName",
                                   "at most 40"),
        ("Customer", "Phone"): ("Phone: {category", "pseudonymise on Customer.Phone",
                                "holds 10 characters"),
        ("Customer", "Points"): ("Points: {category", "replace on Customer.Points",
                                 "not a valid"),
    }
    for key, (fragment, *words) in expected.items():
        f = errors.pop(key)
        assert f.severity is Severity.ERROR and f.line == _line(BAD_COLUMNS, fragment)
        assert all(w in f.message for w in words), f.message
    # ON DELETE CASCADE from Invoice into Payment, which has a hold of its own
    cascade = errors.pop(("Invoice", "InvoiceNumber"))
    assert "ON DELETE CASCADE" in cascade.message and "Payment" in cascade.message
    assert cascade.line == _line(BAD_COLUMNS, "{table: Invoice, on: {InvoiceNumber")
    assert not errors, errors
    hold = [f for f in report.of_kind(FindingKind.HOLD) if f.table == "InvoiceLine"]
    assert [f.message for f in hold] == [
        "InvoiceLine rows of held Invoice rows would be deleted; give InvoiceLine "
        "`hold: {rule: bfl, date_column: InvoiceDate, via: Invoice}`."]
    rendered = report.render()
    assert f"shop.yaml:{_line(BAD_COLUMNS, 'FirstName: {category')}: error: " in rendered


BAD_DELETE = (HEAD + CUSTOMER.replace('erasure: replace, value: "-"', "erasure: delete_row")
              + INVOICE + LINES.replace("date_column: InvoiceDate, via", "date_column: Total, "
                                        "via") + PAYMENTS)


def test_check_reports_deletions_that_foreign_keys_block(shop: Engine, tmp_path: Path) -> None:
    report = check_datamap(shop, _map(BAD_DELETE, tmp_path))
    errors = [f for f in report.of_kind(FindingKind.CONSTRAINT) if f.table == "Customer"]
    by_child = {next(t for t in ("SupportTicket", "Invoice") if f"from {t}" in f.message or
                     f"from the excluded table {t}" in f.message): f for f in errors}
    assert set(by_child) == {"SupportTicket", "Invoice"}
    assert "the excluded table SupportTicket" in by_child["SupportTicket"].message
    assert "fk_ticket_customer" in by_child["SupportTicket"].message \
        or report.map_file  # SQLite does not name its foreign keys
    assert "under the hold 'bfl'" in by_child["Invoice"].message \
        or "kept under the hold 'bfl'" in by_child["Invoice"].message
    via = [f for f in report.of_kind(FindingKind.TYPE_MISMATCH) if f.table == "InvoiceLine"]
    assert len(via) == 1 and "Invoice.Total" in via[0].message and "not a date" in \
        via[0].message and via[0].line == _line(BAD_DELETE, "date_column: Total")


def _set_null_plan(person: PersonData) -> ErasurePlan:
    """What a plan without the live check would have said: empty a NOT NULL column."""
    return ErasurePlan("erasure", {}, TODAY, (RowPlan(
        "Customer", {"CustomerId": 1}, Action.UPDATE,
        (FieldChange("FirstName", Erasure.SET_NULL, "identity"),), ("identity",)),))


def test_plan_refuses_set_null_on_not_null_where_execute_would_fail(
        shop: Engine, tmp_path: Path) -> None:
    dm = _map(BAD_COLUMNS.replace("Phone: {category: identity, erasure: pseudonymise}",
                                  "Phone: {category: identity, erasure: set_null}"), tmp_path)
    person = _person(shop, dm)
    with pytest.raises(PlanRefused) as refused:
        build_plan(shop, person, today=TODAY)
    msg = refused.value.message
    assert "set_null on Customer.FirstName: the column is NOT NULL" in msg
    assert "replace on Customer.LastName" in msg and "replace on Customer.Points" in msg
    assert "Eva" not in msg and "eva@" not in msg
    before = snapshot(shop)
    with pytest.raises(ErasureFailed) as failed:
        execute_plan(shop, _set_null_plan(person), person, KEY)
    text = failed.value.message
    assert "refused to update Customer (FirstName): a NOT NULL column" in text, text
    assert "nothing was changed" in text and "IntegrityError" not in text
    assert snapshot(shop) == before


def test_plan_refuses_deleting_rows_an_excluded_table_references(shop: Engine,
                                                                  tmp_path: Path) -> None:
    dm = _map(HEAD + CUSTOMER.replace('erasure: replace, value: "-"', "erasure: delete_row")
              + INVOICE + LINES + PAYMENTS, tmp_path)
    person = _person(shop, dm)
    with pytest.raises(PlanRefused) as refused:
        build_plan(shop, person, today=TODAY)
    msg = refused.value.message
    # counted per referencing table: one ticket, the two held invoices
    assert "1 row(s) of SupportTicket refer to Customer rows the plan deletes" in msg
    assert "2 row(s) of Invoice refer to Customer rows the plan deletes" in msg
    before = snapshot(shop)
    plan = ErasurePlan("erasure", {}, TODAY, (RowPlan(
        "Customer", {"CustomerId": 1}, Action.DELETE, (), ("identity",)),))
    with pytest.raises(ErasureFailed) as failed:
        execute_plan(shop, plan, person, KEY)
    text = failed.value.message
    assert text.startswith("The portal refused to delete rows of Customer: ")
    assert "foreign key" in text and "nothing was changed" in text
    if shop.dialect.name != "sqlite":  # SQLite does not name the constraint it enforces
        assert "(constraint fk_" in text
    assert snapshot(shop) == before


def test_plan_refuses_a_cascade_into_held_rows(shop: Engine, tmp_path: Path) -> None:
    """Payment counts from its own date (held) while its invoice of 2018 is released: the
    invoice's deletion would cascade into the held payment."""
    text = GOOD_MAP.replace(PAYMENTS, PAYMENTS.replace(
        "hold: {rule: bfl, date_column: InvoiceDate, via: Invoice}",
        "hold: {rule: bfl, date_column: PaidOn}"))
    dm = _map(text, tmp_path)
    report = check_datamap(shop, dm)
    assert any("ON DELETE CASCADE" in f.message for f in report.of_kind(FindingKind.CONSTRAINT))
    person = _person(shop, dm)
    with pytest.raises(PlanRefused) as refused:
        build_plan(shop, person, today=TODAY)
    assert ("deleting Invoice rows would delete 1 Payment row(s) the plan keeps"
            in refused.value.message)


def test_a_check_constraint_the_desk_cannot_see_is_named_at_execute(
        shop: Engine, tmp_path: Path) -> None:
    dm = _map(GOOD_MAP.replace('value: "(raderad)"', 'value: "-"'), tmp_path)
    person = _person(shop, dm)
    plan = build_plan(shop, person, today=TODAY)  # the desk reads no CHECK constraints
    before = snapshot(shop)
    with pytest.raises(ErasureFailed) as failed:
        execute_plan(shop, plan, person, KEY)
    text = failed.value.message
    assert text.startswith("The portal refused to update Customer (")
    assert "LastName" in text and "a CHECK constraint" in text
    assert "ck_customer_lastname" in text and "nothing was changed" in text
    assert snapshot(shop) == before


def test_deletions_follow_the_live_foreign_keys(shop: Engine, tmp_path: Path) -> None:
    """Payment refers to Invoice by a unique column that is not the key: only the live
    foreign key says Payment goes first."""
    dm = _map(GOOD_MAP, tmp_path)
    order = deletion_order(dm)
    assert order.index("Payment") > order.index("Invoice")  # the map alone gets it wrong
    with shop.connect() as conn:
        live = read_constraints(conn, dm)
    order = deletion_order(dm, live.foreign_keys)
    assert order.index("Payment") < order.index("Invoice")
    assert order.index("InvoiceLine") < order.index("Invoice") < order.index("Customer")
    assert inspect(shop).get_table_names()  # the schema is still there
