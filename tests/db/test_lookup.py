"""find_person and collect on every backend: demo schema rows we control, all synthetic."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import insert
from sqlalchemy.engine import Engine

from privacy_desk.portal.demo import schema as s

T0 = dt.datetime(2025, 1, 2, 10, 0)
ANNA_PNR = "198112289874"
BO_PNR = "197003151235"  # check digit valid (synthetic)


def fill_demo(engine: Engine) -> None:
    """Create the demo tables and the rows the lookup tests assert on."""
    s.metadata.create_all(engine)
    c = dict(kind="private", org_number=None, company_name=None, created_at=T0, closed_at=None)
    rows = {
        s.customers: [
            dict(c, id=1, customer_number="1000001", personnummer=ANNA_PNR, first_name="Anna",
                 last_name="Berg", email="Anna.Berg@Example.se", phone="070-123 45 67"),
            dict(c, id=2, customer_number="1000002", personnummer=BO_PNR, first_name="Bo",
                 last_name="Dahl", email="familjen@example.se", phone="+46701112233"),
            dict(c, id=3, customer_number="1000003", personnummer=None, first_name="Cia",
                 last_name="Dahl", email="FAMILJEN@example.se", phone=None),
            dict(c, id=4, customer_number="1000004", kind="business", personnummer=None,
                 org_number="5560360793", first_name=None, last_name=None,
                 company_name="Exempel AB", email="info@exempel.se", phone="08-123 456 78"),
        ],
        s.addresses: [
            dict(id=1, customer_id=1, kind="billing", street="Storgatan 1", postal_code="123 45",
                 city="Exempelby"),
            dict(id=2, customer_id=2, kind="billing", street="Lillgatan 2", postal_code="123 46",
                 city="Exempelby"),
        ],
        s.portal_accounts: [
            dict(id=10, username="anna", email="anna.berg@example.se", password_hash="x" * 60,
                 created_at=T0, last_login_at=T0),
            dict(id=11, username="bo", email="familjen@example.se", password_hash="y" * 60,
                 created_at=T0, last_login_at=None),
        ],
        s.account_customers: [
            dict(account_id=10, customer_id=1, role="owner"),
            dict(account_id=11, customer_id=2, role="owner"),
            dict(account_id=11, customer_id=3, role="co_holder"),
        ],
        s.login_events: [
            dict(id=100, account_id=10, logged_in_at=T0, ip_address="192.0.2.1", method="bankid"),
            dict(id=101, account_id=10, logged_in_at=T0, ip_address="192.0.2.2",
                 method="password"),
            dict(id=102, account_id=11, logged_in_at=T0, ip_address="192.0.2.3", method="bankid"),
        ],
        s.invoices: [
            dict(id=1000, invoice_number="300000001", customer_id=1, period="2026-01",
                 invoice_date=dt.date(2026, 2, 1), due_date=dt.date(2026, 2, 28),
                 energy_kwh=1200, amount_sek=Decimal("1534.50"), paid_at=None),
            dict(id=1001, invoice_number="300000002", customer_id=2, period="2026-01",
                 invoice_date=dt.date(2026, 2, 1), due_date=dt.date(2026, 2, 28),
                 energy_kwh=900, amount_sek=Decimal("999.00"), paid_at=None),
        ],
        s.bank_accounts: [
            dict(id=1, customer_id=1, bank_name="Exempelbanken", clearing_number="9999",
                 account_number="1234567", autogiro=True, mandate_signed_on=dt.date(2024, 5, 1)),
        ],
        s.contact_messages: [
            dict(id=500, received_at=T0, name="Anna Berg", email="ANNA.BERG@example.se",
                 phone=None, subject="Faktura", body="Fråga om fakturan.", customer_id=1),
            dict(id=501, received_at=T0, name="Doris Ek", email="doris.ek@example.se",
                 phone="+46 70 999 88 77", subject="Avbrott", body="Är det avbrott?",
                 customer_id=None),
        ],
        s.newsletter_subscriptions: [
            dict(id=600, email="doris.ek@example.se", customer_id=None, subscribed_at=T0,
                 unsubscribed_at=None, source="web_form"),
            dict(id=601, email="anna.berg@example.se", customer_id=1, subscribed_at=T0,
                 unsubscribed_at=None, source="min_sida"),
        ],
        s.contact_preferences: [
            dict(customer_id=1, allow_email=True, allow_sms=False, updated_at=T0),
        ],
        s.notices_sent: [
            dict(id=700, customer_id=1, kind="outage", channel="sms", sent_at=T0,
                 subject="Driftstörning"),
        ],
        s.web_statistics: [dict(day=dt.date(2026, 1, 1), page="/", visits=10)],
    }
    with engine.begin() as conn:
        for tbl in s.metadata.sorted_tables:
            if rows.get(tbl):
                conn.execute(insert(tbl), rows[tbl])


# --------------------------------------------------------------------------- tests

import json  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import URL  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402

from privacy_desk.datamap import DataMap, load_datamap  # noqa: E402
from privacy_desk.datamap.readonly import read_only  # noqa: E402
from privacy_desk.dburl import make_engine  # noqa: E402
from privacy_desk.errors import UserError  # noqa: E402
from privacy_desk.identifiers import InvalidIdentifier  # noqa: E402
from privacy_desk.portal.lookup import collect, find_person  # noqa: E402
from privacy_desk.resources import resource_path  # noqa: E402


def demo_map() -> DataMap:
    return load_datamap(resource_path("datamaps", "demo-portal.yaml"))


@pytest.fixture
def portal(db_url: URL) -> Iterator[Engine]:
    engine = make_engine(db_url)
    fill_demo(engine)
    yield engine
    engine.dispose()


def keys_by_table(data: object) -> dict[str, list[dict[str, object]]]:
    from privacy_desk.portal.lookup import PersonData

    assert isinstance(data, PersonData)
    return {t: sorted((dict(r.key) for r in rows), key=repr) for t, rows in data.tables().items()}


@pytest.mark.parametrize("written", ["811228-9874", "19811228-9874", "198112289874"])
def test_find_by_personnummer_and_collect_across_hops(portal: Engine, written: str) -> None:
    dm = demo_map()
    result = find_person(portal, dm, written)
    assert [(c.subject_table, c.key) for c in result.candidates] == [("customers", (1,))]
    assert result.candidates[0].label == "Anna Berg"
    data = collect(portal, dm, result.candidates[0])
    assert keys_by_table(data) == {
        "customers": [{"id": 1}],
        "addresses": [{"id": 1}],
        "account_customers": [{"account_id": 10, "customer_id": 1}],
        "portal_accounts": [{"id": 10}],
        "login_events": [{"id": 100}, {"id": 101}],  # two hops: account -> link -> customer
        "invoices": [{"id": 1000}],
        "bank_accounts": [{"id": 1}],
        "contact_messages": [{"id": 500}],
        "newsletter_subscriptions": [{"id": 601}],
        "contact_preferences": [{"customer_id": 1}],
        "notices_sent": [{"id": 700}],
    }
    cats = data.by_category()
    assert cats["financial"]["bank_accounts"][0].values["clearing_number"] == "9999"
    assert set(cats["usage"]["login_events"][0].values) == {"logged_in_at", "ip_address",
                                                            "method"}
    assert "id" not in cats["identity"]["customers"][0].values  # not personal: not in a category
    as_json = data.to_json()
    assert as_json["candidate"]["key"] == {"id": 1}
    amount = as_json["categories"]["financial"]["invoices"][0]["values"]["amount_sek"]
    assert Decimal(str(amount)) == Decimal("1534.50")  # SQLite has no decimal type
    json.dumps(as_json)  # everything is JSON-safe


def test_shared_email_gives_each_candidate_never_merged(portal: Engine) -> None:
    dm = demo_map()
    result = find_person(portal, dm, " Familjen@EXAMPLE.se")
    assert result.ambiguous
    assert sorted(c.key for c in result.candidates) == [(2,), (3,)]
    by_key = {c.key: c for c in result.candidates}
    # Bo matched on his own row and through the shared login (two hops); Cia likewise
    assert {(h.table, h.column) for h in by_key[(2,)].matched_by} == {
        ("customers", "email"), ("portal_accounts", "email")}
    cia = collect(portal, dm, by_key[(3,)])
    assert keys_by_table(cia)["login_events"] == [{"id": 102}]  # the shared account's login
    assert "invoices" not in keys_by_table(cia)  # Bo's invoice is not Cia's


def test_non_customer_found_by_phone_and_email(portal: Engine) -> None:
    dm = demo_map()
    by_phone = find_person(portal, dm, "070-999 88 77")
    assert len(by_phone.candidates) == 1
    cand = by_phone.candidates[0]
    assert cand.subject_table is None and cand.label == "Doris Ek"
    assert keys_by_table(collect(portal, dm, cand)) == {"contact_messages": [{"id": 501}]}
    by_email = find_person(portal, dm, "doris.ek@example.se")
    data = collect(portal, dm, by_email.candidates[0])
    assert keys_by_table(data) == {"contact_messages": [{"id": 501}],
                                   "newsletter_subscriptions": [{"id": 600}]}


def test_other_identifiers_lead_to_the_same_customer(portal: Engine) -> None:
    dm = demo_map()
    for ident, kind in [("+46 70 123 45 67", None), ("300000001", "invoice_number"),
                        ("1000001", "customer_number"), ("anna.berg@example.se", None)]:
        result = find_person(portal, dm, ident, kind=kind)
        assert [c.key for c in result.candidates if c.subject_table] == [(1,)], ident
    business = find_person(portal, dm, "556036-0793")
    assert [c.key for c in business.candidates] == [(4,)]
    assert business.candidates[0].label == "Exempel AB"


def test_unknown_person_gives_no_candidate(portal: Engine) -> None:
    assert find_person(portal, demo_map(), "nobody@example.se").candidates == ()


def test_bad_check_digit_is_refused_before_any_query(portal: Engine) -> None:
    with pytest.raises(InvalidIdentifier, match="personnummer has an invalid check digit"):
        find_person(portal, demo_map(), "811228-9875")


def test_lookup_transactions_are_read_only(portal: Engine) -> None:
    with pytest.raises(UserError, match="refused a query") as info, read_only(portal) as conn:
        conn.execute(text("DELETE FROM notices_sent"))
    assert isinstance(info.value.__cause__, DBAPIError)
    with portal.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM notices_sent")).scalar_one() == 1
