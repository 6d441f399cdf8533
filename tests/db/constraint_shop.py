"""A shop portal of another shape than the demo, for the constraint and hold tests.

CamelCase tables; invoice lines and payments without a date of their own; NOT NULL
columns; real foreign keys, one of them ON DELETE CASCADE to a unique column that is not
the primary key (so the map's references alone cannot tell the deletion order), and a
support-ticket table the map excludes whose rows reference customers. All data synthetic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    func,
    insert,
    select,
)
from sqlalchemy.engine import URL, Engine

from privacy_desk.dburl import make_engine

md = MetaData()
_last_name = Column("LastName", String(40), nullable=False)
Customer = Table(
    "Customer", md,
    Column("CustomerId", Integer, primary_key=True, autoincrement=False),
    Column("CustomerNumber", String(16), nullable=False),
    Column("FirstName", String(40), nullable=False),
    _last_name,
    Column("Email", String(60)),
    Column("Phone", String(10)),
    Column("Points", Integer),
    # the portal's own rule, which the desk does not read: execute meets it
    CheckConstraint(func.length(_last_name) >= 2, name="ck_customer_lastname"),
    Index("ix_customer_number", "CustomerNumber"),
    Index("ix_customer_email", "Email"),
)
Invoice = Table(
    "Invoice", md,
    Column("InvoiceId", Integer, primary_key=True, autoincrement=False),
    Column("InvoiceNumber", String(12), nullable=False, unique=True),
    Column("CustomerId", Integer, ForeignKey("Customer.CustomerId", name="fk_invoice_customer"),
           nullable=False, index=True),
    Column("InvoiceDate", Date, nullable=False),
    Column("Total", Numeric(10, 2), nullable=False),
)
InvoiceLine = Table(
    "InvoiceLine", md,
    Column("InvoiceLineId", Integer, primary_key=True, autoincrement=False),
    Column("InvoiceId", Integer, ForeignKey("Invoice.InvoiceId", name="fk_line_invoice"),
           nullable=False, index=True),
    Column("Description", String(80), nullable=False),
    Column("Quantity", Integer, nullable=False),
)
Payment = Table(
    "Payment", md,
    Column("PaymentId", Integer, primary_key=True, autoincrement=False),
    Column("InvoiceNumber", String(12),
           ForeignKey("Invoice.InvoiceNumber", name="fk_payment_invoice", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("PaidOn", Date, nullable=False),
    Column("Payer", String(80), nullable=False),
)
SupportTicket = Table(
    "SupportTicket", md,
    Column("TicketId", Integer, primary_key=True, autoincrement=False),
    Column("CustomerId", Integer, ForeignKey("Customer.CustomerId", name="fk_ticket_customer"),
           nullable=False),
    Column("Topic", String(80), nullable=False),
)

TODAY = dt.date(2026, 11, 20)
#: Customer 1's invoices: (id, number, date). With a July-June financial year and 7 years:
#: 2026-09-15 -> 2035-01-01, 2026-03-15 -> 2034-01-01, 2018-03-01 -> 2026-01-01 (released).
INVOICES = [(11, "F-11", dt.date(2026, 9, 15)), (12, "F-12", dt.date(2026, 3, 15)),
            (13, "F-13", dt.date(2018, 3, 1))]

HEAD = """
datamap_version: 2
name: Shop portal (constraints test)
identifier_patterns:
  customer_number: 'C\\d{4}'
categories:
  identity:
    title: {sv: Identitet, en: Identity}
    purpose: {sv: Avtal, en: Contract}
    legal_basis: {sv: Avtal, en: Contract}
    recipients: {sv: Inga, en: None}
    retention: {sv: Avtalstiden, en: The contract period}
  financial:
    title: {sv: Ekonomi, en: Financial}
    purpose: {sv: Fakturering, en: Invoicing}
    legal_basis: {sv: Rättslig förpliktelse, en: Legal obligation}
    recipients: {sv: Revisorer, en: Auditors}
    retention: {sv: Sju år, en: Seven years}
holds:
  bfl:
    law: Bokföringslagen (1999:1078) 7 kap. 2 §
    description: {sv: Sju år efter räkenskapsåret, en: Seven years after the financial year}
    years_after_year_end: 7
    financial_year_start: "07-01"
excluded_tables:
  SupportTicket: Kept by the support desk under its own retention; topics only.
tables:
"""

CUSTOMER = """
  Customer:
    subject: true
    kind: customer
    primary_key: CustomerId
    label: [FirstName, LastName]
    identity:
      - {column: CustomerNumber, kind: customer_number}
      - {column: Email, kind: email, match: exact}
    columns:
      CustomerId: {personal: false}
      CustomerNumber: {category: identity, erasure: pseudonymise}
      FirstName: {category: identity, erasure: replace, value: "-"}
      LastName: {category: identity, erasure: replace, value: "(raderad)"}
      Email: {category: identity, erasure: set_null}
      Phone: {category: identity, erasure: set_null}
      Points: {personal: false}
"""

INVOICE = """
  Invoice:
    primary_key: InvoiceId
    references:
      - {table: Customer, on: {CustomerId: CustomerId}}
    hold: {rule: bfl, date_column: InvoiceDate}
    erasure: delete_row
    columns:
      InvoiceId: {personal: false}
      InvoiceNumber: {category: financial}
      CustomerId: {personal: false}
      InvoiceDate: {category: financial}
      Total: {category: financial}
"""

LINES = """
  InvoiceLine:
    primary_key: InvoiceLineId
    references:
      - {table: Invoice, on: {InvoiceId: InvoiceId}}
    hold: {rule: bfl, date_column: InvoiceDate, via: Invoice}
    erasure: delete_row
    columns:
      InvoiceLineId: {personal: false}
      InvoiceId: {personal: false}
      Description: {category: financial}
      Quantity: {category: financial}
"""

PAYMENTS = """
  Payment:
    primary_key: PaymentId
    references:
      - {table: Invoice, on: {InvoiceNumber: InvoiceNumber}}
    hold: {rule: bfl, date_column: InvoiceDate, via: Invoice}
    erasure: delete_row
    columns:
      PaymentId: {personal: false}
      InvoiceNumber: {personal: false}
      PaidOn: {category: financial}
      Payer: {category: financial}
"""

#: The sound map: lines and payments follow their invoice's hold.
GOOD_MAP = HEAD + CUSTOMER + INVOICE + LINES + PAYMENTS


@contextmanager
def shop_portal(url: URL) -> Iterator[Engine]:
    """The shop schema with two customers; customer 1 has three invoices of several ages."""
    engine = make_engine(url)
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(Customer), [
            dict(CustomerId=1, CustomerNumber="C0001", FirstName="Eva", LastName="Ström",
                 Email="eva@example.se", Phone="0701234567", Points=5),
            dict(CustomerId=2, CustomerNumber="C0002", FirstName="Ola", LastName="Nord",
                 Email="ola@example.no", Phone=None, Points=None),
        ])
        conn.execute(insert(Invoice), [
            dict(InvoiceId=i, InvoiceNumber=n, CustomerId=1, InvoiceDate=d, Total=100)
            for i, n, d in INVOICES] + [
            dict(InvoiceId=21, InvoiceNumber="F-21", CustomerId=2,
                 InvoiceDate=dt.date(2017, 1, 10), Total=50)])
        conn.execute(insert(InvoiceLine), [
            dict(InvoiceLineId=111, InvoiceId=11, Description="Kaffe", Quantity=1),
            dict(InvoiceLineId=112, InvoiceId=11, Description="Te", Quantity=2),
            dict(InvoiceLineId=121, InvoiceId=12, Description="Bullar", Quantity=3),
            dict(InvoiceLineId=131, InvoiceId=13, Description="Kaka", Quantity=1),
            dict(InvoiceLineId=132, InvoiceId=13, Description="Saft", Quantity=4),
            dict(InvoiceLineId=211, InvoiceId=21, Description="Kaffe", Quantity=1),
        ])
        conn.execute(insert(Payment), [
            dict(PaymentId=1, InvoiceNumber="F-11", PaidOn=dt.date(2026, 10, 1), Payer="Eva"),
            # paid long after the invoice date: its own date would be held, its invoice's not
            dict(PaymentId=3, InvoiceNumber="F-13", PaidOn=dt.date(2026, 2, 1), Payer="Eva"),
        ])
        conn.execute(insert(SupportTicket), [
            dict(TicketId=1, CustomerId=1, Topic="Leverans"),
            dict(TicketId=2, CustomerId=2, Topic="Faktura"),
        ])
    try:
        yield engine
    finally:
        engine.dispose()


def snapshot(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to show that nothing changed."""
    with engine.connect() as conn:
        return {t.name: sorted(tuple(r) for r in conn.execute(select(t)))
                for t in md.sorted_tables}
