"""A differently shaped portal (Swedish names, composite keys, three-level invoices) works
through a data map alone: no code knows this schema. All data is synthetic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import (
    Column,
    Date,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    insert,
)
from sqlalchemy.engine import URL, Engine

from privacy_desk.datamap import parse_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.portal.lookup import collect, find_person

md = MetaData()
kund = Table(
    "kund", md,
    Column("land", String(2), primary_key=True),
    Column("kundnr", String(8), primary_key=True),
    Column("namn", String(80), nullable=False),
    Column("epost", String(120)),
    Column("mobil", String(20)),
    Index("ix_kund_epost", "epost"),
)
faktura = Table(
    "faktura", md,
    Column("fakturanr", String(12), primary_key=True),
    Column("kund_land", String(2), nullable=False),
    Column("kund_nr", String(8), nullable=False),
    Column("datum", Date, nullable=False),
    ForeignKeyConstraint(["kund_land", "kund_nr"], ["kund.land", "kund.kundnr"]),
    Index("ix_faktura_kund", "kund_land", "kund_nr"),
)
fakturarad = Table(
    "fakturarad", md,
    Column("fakturanr", String(12), primary_key=True),
    Column("radnr", Integer, primary_key=True, autoincrement=False),
    Column("text", String(80), nullable=False),
    ForeignKeyConstraint(["fakturanr"], ["faktura.fakturanr"]),
)

MAP = """
datamap_version: 1
name: Kund/faktura test portal
identifier_patterns:
  customer_number: 'K\\d{5}'
categories:
  kund:
    title: {sv: Kunduppgifter, en: Customer data}
    purpose: {sv: Avtal, en: Contract}
    legal_basis: {sv: Avtal, en: Contract}
    recipients: {sv: Inga, en: None}
    retention: {sv: Avtalstiden, en: The contract period}
  ekonomi:
    title: {sv: Ekonomi, en: Financial}
    purpose: {sv: Fakturering, en: Invoicing}
    legal_basis: {sv: Rättslig förpliktelse, en: Legal obligation}
    recipients: {sv: Revisorer, en: Auditors}
    retention: {sv: Sju år, en: Seven years}
holds:
  bfl:
    law: Bokföringslagen (1999:1078) 7 kap. 2 §
    description: {sv: Sju år efter fakturaåret, en: Seven years after the invoice year}
    years_after_year_end: 7
tables:
  kund:
    subject: true
    primary_key: [land, kundnr]
    label: namn
    identity:
      - {column: kundnr, kind: customer_number}
      - {column: epost, kind: email}
      - {column: mobil, kind: phone}
    columns:
      land: {personal: false}
      kundnr: {category: kund}
      namn: {category: kund, erasure: replace, value: "-"}
      epost: {category: kund, erasure: set_null}
      mobil: {category: kund, erasure: set_null}
  faktura:
    primary_key: fakturanr
    references:
      - table: kund
        on: {kund_land: land, kund_nr: kundnr}
    hold: {rule: bfl, date_column: datum}
    columns:
      fakturanr: {category: ekonomi}
      kund_land: {personal: false}
      kund_nr: {personal: false}
      datum: {category: ekonomi}
  fakturarad:
    primary_key: [fakturanr, radnr]
    references:
      - {table: faktura, on: {fakturanr: fakturanr}}
    columns:
      fakturanr: {personal: false}
      radnr: {personal: false}
      text: {category: ekonomi}
"""


@pytest.fixture
def kund_portal(db_url: URL) -> Iterator[Engine]:
    engine = make_engine(db_url)
    md.create_all(engine)
    d = dt.date(2025, 3, 1)
    with engine.begin() as conn:
        conn.execute(insert(kund), [
            dict(land="SE", kundnr="K10001", namn="Eva Ström", epost="EVA@example.se",
                 mobil="0731234567"),
            # same customer number in another country: the composite key tells them apart
            dict(land="NO", kundnr="K10001", namn="Ola Nord", epost="ola@example.no",
                 mobil=None),
        ])
        conn.execute(insert(faktura), [
            dict(fakturanr="F1", kund_land="SE", kund_nr="K10001", datum=d),
            dict(fakturanr="F2", kund_land="NO", kund_nr="K10001", datum=d),
        ])
        conn.execute(insert(fakturarad), [
            dict(fakturanr="F1", radnr=1, text="Fjärrvärme"),
            dict(fakturanr="F1", radnr=2, text="Fast avgift"),
            dict(fakturanr="F2", radnr=1, text="Fjärrvärme"),
        ])
    yield engine
    engine.dispose()


def test_other_schema_through_a_map_alone(kund_portal: Engine) -> None:
    dm = parse_datamap(MAP)
    assert [len(c) for c in dm.paths["fakturarad"]] == [2]
    by_phone = find_person(kund_portal, dm, "+46 73-123 45 67")
    assert [(c.subject_table, c.key, c.label) for c in by_phone.candidates] == [
        ("kund", ("SE", "K10001"), "Eva Ström")]
    data = collect(kund_portal, dm, by_phone.candidates[0])
    got = {t: sorted(tuple(r.key.values()) for r in rows) for t, rows in data.tables().items()}
    assert got == {"kund": [("SE", "K10001")], "faktura": [("F1",)],
                   "fakturarad": [("F1", 1), ("F1", 2)]}
    assert set(data.by_category()) == {"kund", "ekonomi"}


def test_customer_number_shared_across_countries_is_two_candidates(kund_portal: Engine) -> None:
    dm = parse_datamap(MAP)
    result = find_person(kund_portal, dm, "K10001")
    assert result.ambiguous
    assert sorted(c.key for c in result.candidates) == [("NO", "K10001"), ("SE", "K10001")]
    email = find_person(kund_portal, dm, "eva@EXAMPLE.se")
    assert [c.key for c in email.candidates] == [("SE", "K10001")]
