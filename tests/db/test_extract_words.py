"""The extract of a portal of another shape speaks the map's words, and shows the other
persons a row points at as the map says (art. 15(4)), on every backend.

A CamelCase shop schema (customers, invoices, the employees who serve them) with a v2 map:
titles for tables and columns, labels for coded values, and three links from a customer to
an employee, one for each way of showing them: the role only, withheld, disclosed by name.
All data is synthetic.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    event,
    insert,
)
from sqlalchemy.engine import URL, Engine

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.datamap import parse_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import make_engine
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.portal.linked import linked_labels
from privacy_desk.portal.lookup import Candidate, collect
from privacy_desk.services.access import (
    ExportResult,
    case_subject,
    export_extract,
    preview_case,
)
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from tests.officers import staff

TODAY = date(2026, 11, 20)

md = MetaData()
employee = Table(
    "Employee", md,
    Column("EmployeeId", Integer, primary_key=True, autoincrement=False),
    Column("FirstName", String(40), nullable=False),
    Column("LastName", String(40), nullable=False),
    Column("Email", String(120), nullable=False),
)
customer = Table(
    "Customer", md,
    Column("CustomerId", Integer, primary_key=True, autoincrement=False),
    Column("FirstName", String(40), nullable=False),
    Column("LastName", String(40), nullable=False),
    Column("Email", String(120)),
    Column("Fax", String(24)),
    Column("IsPaperless", Boolean, nullable=False),
    Column("SupportRepId", Integer, ForeignKey("Employee.EmployeeId")),
    Column("ReviewerId", Integer, ForeignKey("Employee.EmployeeId")),
    Column("AccountManagerId", Integer),  # no declared foreign key, as portals do
)
invoice = Table(
    "Invoice", md,
    Column("InvoiceId", Integer, primary_key=True, autoincrement=False),
    Column("CustomerId", Integer, ForeignKey("Customer.CustomerId"), nullable=False),
    Column("InvoiceDate", Date, nullable=False),
    Column("BillingTotal", Numeric(10, 2), nullable=False),
    Column("PaymentStatus", String(1), nullable=False),  # 'P' paid | 'O' open
    Column("ApprovedBy", Integer),  # the employee who approved a credit: disclosed
)

# Distinctive ids and names: any of them in an output is a leak.
REP, REVIEWER, MANAGER = 70301, 70302, 70303
REP_NAME, REVIEWER_NAME, MANAGER_NAME = ("Jane Peacock", "Margaret Park", "Steve Johnson")

MAP = """
datamap_version: 2
name: Shop with employees (test)
categories:
  customer:
    title: {sv: Kunduppgifter, en: Customer data}
    purpose: {sv: Avtal, en: Contract}
    legal_basis: {sv: Avtal, en: Contract}
    recipients: {sv: Inga, en: None}
    retention: {sv: Avtalstiden, en: The contract period}
  billing:
    title: {sv: Fakturering, en: Billing}
    purpose: {sv: Fakturering, en: Invoicing}
    legal_basis: {sv: Rättslig förpliktelse, en: Legal obligation}
    recipients: {sv: Revisorer, en: Auditors}
    retention: {sv: Sju år, en: Seven years}
tables:
  Employee:
    subject: true
    kind: employee
    kind_title: {sv: Anställd, en: Employee}
    title: {sv: Anställda, en: Employees}
    primary_key: EmployeeId
    label: [FirstName, LastName]
    identity:
      - {column: Email, kind: email}
    columns:
      EmployeeId: {personal: false}
      FirstName: {category: customer, title: {sv: Förnamn, en: First name}}
      LastName: {category: customer, title: {sv: Efternamn, en: Last name}}
      Email: {category: customer, title: {sv: E-post, en: E-mail}}
  Customer:
    subject: true
    kind: customer
    title: {sv: Dina kunduppgifter, en: Your customer record}
    primary_key: CustomerId
    label: [FirstName, LastName]
    identity:
      - {column: Email, kind: email}
    columns:
      CustomerId: {personal: false}
      FirstName: {category: customer, title: {sv: Förnamn, en: First name}}
      LastName: {category: customer, title: {sv: Efternamn, en: Last name}}
      Email: {category: customer, title: {sv: E-postadress, en: E-mail address}}
      Fax: {category: customer}
      IsPaperless:
        category: customer
        title: {sv: Fakturor som e-post, en: Invoices by e-mail}
        values:
          true: {sv: Ja, en: "Yes"}
          false: {sv: Nej, en: "No"}
      SupportRepId:
        category: customer
        title: {sv: Kontakt på kundtjänst, en: Support contact}
        person:
          table: Employee
          role: {sv: en anställd på kundtjänst, en: a member of our support staff}
          disclose: role
      ReviewerId:
        category: customer
        title: {sv: Kreditgranskare, en: Credit reviewer}
        person:
          table: Employee
          role: {sv: Kreditgranskare, en: Credit reviewer}
          disclose: withheld
      AccountManagerId:
        category: customer
        title: {sv: Kundansvarig, en: Account manager}
        person:
          table: Employee
          column: EmployeeId
          role: {sv: Kundansvarig, en: Account manager}
          disclose: disclosed
  Invoice:
    title: {sv: Fakturor, en: Invoices}
    primary_key: InvoiceId
    references:
      - {table: Customer, on: {CustomerId: CustomerId}}
    columns:
      InvoiceId: {category: billing, title: {sv: Fakturanummer, en: Invoice number}}
      CustomerId: {personal: false}
      InvoiceDate: {category: billing, title: {sv: Fakturadatum, en: Invoice date}}
      BillingTotal: {category: billing, title: {sv: Belopp (kr), en: Amount (SEK)}}
      PaymentStatus:
        category: billing
        title: {sv: Betalningsstatus, en: Payment status}
        values:
          P: {sv: Betald, en: Paid}
          O: {sv: Obetald, en: Unpaid}
      ApprovedBy:
        category: billing
        title: {sv: Godkänd av, en: Approved by}
        person:
          table: Employee
          role: {sv: en anställd, en: an employee}
          disclose: disclosed
"""

#: Machine names that must not reach the letter (the person reads words).
MACHINE = ("Customer", "Invoice", "SupportRepId", "ReviewerId", "AccountManagerId",
           "IsPaperless", "BillingTotal", "PaymentStatus", "InvoiceDate", "FirstName",
           "ApprovedBy")


@dataclass
class Shop:
    portal: Engine
    store: CaseStore
    datamap: DataMap
    case_id: int


@pytest.fixture
def shop(db_url: URL, tmp_path: Path) -> Iterator[Shop]:
    portal = make_engine(db_url)
    md.create_all(portal)
    with portal.begin() as conn:
        conn.execute(insert(employee), [
            dict(EmployeeId=REP, FirstName="Jane", LastName="Peacock",
                 Email="jane@shop.example"),
            dict(EmployeeId=REVIEWER, FirstName="Margaret", LastName="Park",
                 Email="margaret@shop.example"),
            dict(EmployeeId=MANAGER, FirstName="Steve", LastName="Johnson",
                 Email="steve@shop.example"),
        ])
        conn.execute(insert(customer), [
            dict(CustomerId=1, FirstName="Eva", LastName="Ström", Email="eva@kund.example",
                 Fax=None, IsPaperless=True, SupportRepId=REP, ReviewerId=REVIEWER,
                 AccountManagerId=MANAGER),
            dict(CustomerId=2, FirstName="Ola", LastName="Nord", Email="ola@kund.example",
                 Fax="+47 22 44 22 22", IsPaperless=False, SupportRepId=None,
                 ReviewerId=None, AccountManagerId=None),
        ])
        conn.execute(insert(invoice), [
            dict(InvoiceId=90001, CustomerId=1, InvoiceDate=date(2025, 3, 1),
                 BillingTotal=Decimal("4358.70"), PaymentStatus="P", ApprovedBy=MANAGER),
            dict(InvoiceId=90002, CustomerId=1, InvoiceDate=date(2025, 4, 1),
                 BillingTotal=Decimal("12.00"), PaymentStatus="O", ApprovedBy=None),
            dict(InvoiceId=90003, CustomerId=2, InvoiceDate=date(2025, 4, 1),
                 BillingTotal=Decimal("99.00"), PaymentStatus="O", ApprovedBy=REP),
        ])
    store = open_case_store(URL.create("sqlite+pysqlite",
                                       database=str(tmp_path / "store.sqlite3")), actor="anna")
    staff(store, "anna")
    try:
        d = register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                          received_on=date(2026, 11, 2), person_label="Eva Ström",
                          identifiers=[(None, "eva@kund.example")], today=TODAY, actor="anna")
        d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                            evidence="signed letter", verified_on=date(2026, 11, 3),
                            expected_version=d.version, actor="anna", today=TODAY)
        transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor="anna", reason=None,
                        expected_version=d.version, today=TODAY)
        yield Shop(portal, store, parse_datamap(MAP), d.case_id)
    finally:
        store.close()
        portal.dispose()


def _candidate(s: Shop) -> Candidate:
    [cand] = case_subject(s.store, s.portal, s.datamap, s.case_id).candidates
    assert (cand.subject_table, cand.key) == ("Customer", (1,))
    return cand


def _export(s: Shop, out: Path, lang: str) -> tuple[str, dict[str, bytes]]:
    out.mkdir()
    minute = 30 if lang == "sv" else 31
    result: ExportResult = export_extract(s.store, s.portal, s.datamap, s.case_id,
                                          _candidate(s), out_dir=out, lang=lang,
                                          now=datetime(2026, 11, 20, 9, minute))
    pdf = next(f.path for f in result.files if f.kind == "pdf")
    bundle = next(f.path for f in result.files if f.kind == "bundle")
    assert pdf is not None and bundle is not None
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    with zipfile.ZipFile(bundle) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    return text, members


def _no_leak(blob: str | bytes, *secrets: str) -> None:
    data = blob if isinstance(blob, str) else blob.decode("utf-8-sig")
    for secret in secrets:
        assert secret not in data, secret


def test_the_letter_speaks_the_maps_words(shop: Shop, tmp_path: Path) -> None:
    sv, _ = _export(shop, tmp_path / "sv", "sv")
    for words in ("Dina kunduppgifter: 1 post", "Fakturor: 2 poster", "Kunduppgifter",
                  "Fakturering", "Förnamn", "Fakturor som e-post", "Ja", "Betald", "Obetald",
                  "Belopp (kr)", "4 358,70", "12,00", "Fakturadatum", "2025-03-01",
                  "Kontakt på kundtjänst", "en anställd på kundtjänst", "Kreditgranskare",
                  "[undantagen]", "Kundansvarig", MANAGER_NAME, "Godkänd av",
                  "1 uppgift har inte tagits med eftersom den rör en annan person",
                  "Totalt 3 poster"):
        assert words in sv, words
    assert "Fax" in sv  # no title in the map: the machine name is the fallback
    for machine in MACHINE:
        assert machine not in sv, machine
    assert "4358.7" not in sv and "(er)" not in sv
    _no_leak(sv, str(REP), str(REVIEWER), str(MANAGER), REP_NAME, REVIEWER_NAME, "Jane",
             "Margaret", "Peacock")

    en, _ = _export(shop, tmp_path / "en", "en")
    for words in ("Your customer record: 1 record", "Invoices: 2 records", "Invoices by e-mail",
                  "Yes", "Paid", "Unpaid", "Amount (SEK)", "4,358.70",
                  "a member of our support staff", "[withheld]", "Account manager",
                  MANAGER_NAME, "1 item was left out because it concerns someone other "
                  "than you", "3 records in total"):
        assert words in en, words
    # English titles may say "Customer data" and "Invoices"; no table is headed by its name.
    for machine in (*MACHINE[2:], "Customer:", "Invoice:"):
        assert machine not in en, machine
    _no_leak(en, str(REP), str(REVIEWER), str(MANAGER), REP_NAME, REVIEWER_NAME)


def test_json_and_csv_keep_machine_names_and_the_manifest_has_the_words(
        shop: Shop, tmp_path: Path) -> None:
    _, members = _export(shop, tmp_path / "sv", "sv")
    manifest = json.loads(members.pop("manifest.json"))
    doc = json.loads(members["extract.json"])
    [row] = doc["categories"]["customer"]["tables"]["Customer"]
    values: dict[str, Any] = row["values"]
    assert values["FirstName"] == "Eva" and values["IsPaperless"] in (True, 1)
    # Other persons: the role only, the field withheld, the name; never a bare id.
    assert values["SupportRepId"] == {"role": {"sv": "en anställd på kundtjänst",
                                               "en": "a member of our support staff"}}
    assert "ReviewerId" not in values and row["withheld"] == ["ReviewerId"]
    assert values["AccountManagerId"] == {"role": {"sv": "Kundansvarig",
                                                   "en": "Account manager"},
                                          "name": MANAGER_NAME}
    invoices = doc["categories"]["billing"]["tables"]["Invoice"]
    assert {r["values"]["PaymentStatus"] for r in invoices} == {"P", "O"}
    assert doc["withheld"] == {"rows": 0, "fields": 1, "undisclosed_fields": 0}

    header, first = list(csv.reader(io.StringIO(members["csv/Customer.csv"]
                                                .decode("utf-8-sig"))))
    cells = dict(zip(header, first, strict=True))
    assert cells["SupportRepId"] == "en anställd på kundtjänst"
    assert cells["ReviewerId"] == "" and cells["AccountManagerId"] == MANAGER_NAME
    for data in members.values():
        _no_leak(data, str(REP), str(REVIEWER), REP_NAME, REVIEWER_NAME, "Jane", "Margaret")

    tables = manifest["tables"]
    assert set(tables) == {"Customer", "Invoice"}
    assert tables["Invoice"]["title"] == {"sv": "Fakturor", "en": "Invoices"}
    status = tables["Invoice"]["columns"]["PaymentStatus"]
    assert status["title"] == {"sv": "Betalningsstatus", "en": "Payment status"}
    assert status["values"]["P"] == {"sv": "Betald", "en": "Paid"}
    cust = tables["Customer"]["columns"]
    assert cust["Fax"]["title"] == {"sv": "Fax", "en": "Fax"}
    assert cust["ReviewerId"]["person"]["disclose"] == "withheld"
    assert cust["SupportRepId"]["person"] == {
        "role": {"sv": "en anställd på kundtjänst", "en": "a member of our support staff"},
        "disclose": "role"}


def test_disclosed_names_are_read_in_one_query_per_linked_table(shop: Shop) -> None:
    """Two disclosed links into Employee (the account manager, who approved an invoice):
    one read of Employee; links shown by role or withheld are not looked up at all."""
    data = collect(shop.portal, shop.datamap, _candidate(shop))
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(shop.portal, "before_cursor_execute", seen)
    try:
        labels = linked_labels(shop.portal, shop.datamap, data.rows)
    finally:
        event.remove(shop.portal, "before_cursor_execute", seen)
    assert labels == {("Employee", "EmployeeId"): {str(MANAGER): MANAGER_NAME}}
    assert len([s for s in statements if "Employee" in s]) == 1


def test_the_preview_shows_what_the_letter_shows(shop: Shop) -> None:
    preview = preview_case(shop.store, shop.portal, shop.datamap, shop.case_id,
                           _candidate(shop))
    assert preview.shown is not None
    [cat] = [c for c in preview.shown.categories if c.name == "customer"]
    [table] = cat.tables
    [row] = table.rows
    cells = {table.column_title(c, "sv"): table.cell(row, c, "sv", "[undantagen]")
             for c in table.columns}
    assert cells["Kontakt på kundtjänst"] == "en anställd på kundtjänst"
    assert cells["Kreditgranskare"] == "[undantagen]"
    assert cells["Kundansvarig"] == MANAGER_NAME
    assert cells["Fakturor som e-post"] == "Ja"
    assert table.title("en") == "Your customer record"
