"""datamap check on a v2 map and a portal of another shape, on every backend.

The portal is CamelCase (quoted identifiers), keeps two kinds of person (customers and
employees), declares no foreign keys, stores foreign phone numbers and has a lookup
table (genres) whose ``Name`` is not a person's. All data is synthetic.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, insert, text
from sqlalchemy.engine import URL, Engine

from privacy_desk.datamap import load_datamap
from privacy_desk.datamap.check import (
    CheckReport,
    Finding,
    FindingKind,
    Severity,
    _looks_personal_value,
    check_datamap,
    value_shape,
)
from privacy_desk.dburl import make_engine


def schema() -> MetaData:
    md = MetaData()
    Table("Customer", md,
          Column("CustomerId", Integer, primary_key=True, autoincrement=False),
          Column("CustomerNo", Integer),  # a numeric identity column
          Column("FirstName", String(40)),
          Column("LastName", String(40)),
          Column("Email", String(120)),
          Column("Phone", String(40)),
          Column("Fax", String(40)),  # personal: false, holds phone numbers
          Column("LoyaltyCode", String(12)),  # text, the map may wrongly call it numeric
          Column("SalesRepUserId", Integer))  # another person: an employee
    Table("Employee", md,
          Column("EmployeeId", Integer, primary_key=True, autoincrement=False),
          Column("FirstName", String(40)),
          Column("LastName", String(40)),
          Column("Email", String(120)),
          Column("ReportsTo", Integer),  # another person: the manager
          Column("JobTitle", String(40)))
    Table("Invoice", md,
          Column("InvoiceId", Integer, primary_key=True, autoincrement=False),
          Column("CustomerId", Integer),  # no declared foreign key, no index
          Column("InvoiceDate", Date))
    Table("Genre", md,
          Column("GenreId", Integer, primary_key=True, autoincrement=False),
          Column("Name", String(80)))
    return md


MAP = """\
datamap_version: 2
name: Music shop
phone_region: SE
identifier_patterns:
  customer_number: '\\d{1,8}'
categories:
  c:
    title: {sv: Kund, en: Customer}
    purpose: {sv: Avtal, en: Contract}
    legal_basis: {sv: Avtal, en: Contract}
    recipients: {sv: Inga, en: None}
    retention: {sv: Avtalstiden, en: The contract}
tables:
  Customer:
    subject: true
    kind: customer
    primary_key: CustomerId
    label: [FirstName, LastName]
    identity:
      - {column: CustomerNo, kind: customer_number, match: exact}
      - {column: Email, kind: email}
      - {column: Phone, kind: phone}
    columns:
      CustomerId: {personal: false}
      CustomerNo: {category: c}
      FirstName: {category: c}
      LastName: {category: c}
      Email: {category: c}
      Phone: {category: c}
      Fax: {personal: false}
      LoyaltyCode: {category: c}
      SalesRepUserId:
        personal: false
        person: {table: Employee, role: {sv: Säljare, en: Sales rep}}
  Employee:
    subject: true
    kind: employee
    primary_key: EmployeeId
    label: [FirstName, LastName]
    identity:
      - {column: Email, kind: email}
    columns:
      EmployeeId: {personal: false}
      FirstName: {category: c}
      LastName: {category: c}
      Email: {category: c}
      ReportsTo:
        personal: false
        person: {table: Employee, role: {sv: Chef, en: Manager}}
      JobTitle: {personal: false}
  Invoice:
    primary_key: InvoiceId
    references:
      - {table: Customer, on: {CustomerId: CustomerId}}
    columns:
      InvoiceId: {personal: false}
      CustomerId: {personal: false}
      InvoiceDate: {category: c}
excluded_tables:
  Genre:
    reason: Music genres, no person in them.
    columns:
      Name: a genre's name, not a person's
"""


def line_of(text_: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text_.splitlines(), 1) if needle in ln)


class Portal:
    """The test portal and its map file, which a test may edit before checking."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self.map_text = MAP

    def edit(self, old: str, new: str) -> None:
        assert old in self.map_text, old
        self.map_text = self.map_text.replace(old, new)

    def check(self) -> CheckReport:
        self.path.write_text(self.map_text, encoding="utf-8")
        return check_datamap(self.engine, load_datamap(self.path))

    def sql(self, statement: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(text(statement))

    def q(self, name: str) -> str:
        return self.engine.dialect.identifier_preparer.quote(name)


@pytest.fixture
def portal(db_url: URL, tmp_path: Path) -> Iterator[Portal]:
    engine = make_engine(db_url)
    md = schema()
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(md.tables["Customer"]), [
            {"CustomerId": i, "CustomerNo": 1000 + i, "FirstName": f"Förnamn{i}",
             "LastName": f"Efternamn{i}", "Email": f"kund{i}@example.invalid",
             "Phone": ["+55 (12) 3923-5555", "+47 22 44 22 22", "070-123 45 67"][i % 3],
             "Fax": "+47 22 44 22 23", "LoyaltyCode": f"L{i}", "SalesRepUserId": 1}
            for i in range(1, 31)])
        conn.execute(insert(md.tables["Employee"]), [
            {"EmployeeId": i, "FirstName": f"Anställd{i}", "LastName": "Prov",
             "Email": f"anst{i}@example.invalid", "ReportsTo": 1, "JobTitle": "Säljare"}
            for i in range(1, 4)])
        conn.execute(insert(md.tables["Genre"]), [
            {"GenreId": 1, "Name": "Rock"}, {"GenreId": 2, "Name": "Jazz"}])
    yield Portal(engine, tmp_path / "music.yaml")
    engine.dispose()


def found(report: CheckReport, kind: FindingKind, table: str,
          column: str | None = None) -> list[Finding]:
    return [f for f in report.of_kind(kind)
            if f.table == table and (column is None or f.column == column)]


def one(report: CheckReport, kind: FindingKind, table: str,
        column: str | None = None) -> Finding:
    hits = found(report, kind, table, column)
    assert len(hits) == 1, (kind, table, column, report.render())
    return hits[0]


def sound_map(p: Portal) -> None:
    """The edits that make the base map fit the base portal."""
    p.edit("kind: customer_number, match: exact}", "kind: customer_number, match: exact, "
           "numeric: true}")
    p.edit("Fax: {personal: false}", "Fax: {personal: false, reason: the shop's fax line}")


def run_proposals(p: Portal, report: CheckReport) -> list[str]:
    """Run every proposed CREATE INDEX exactly as printed."""
    proposals = [f.proposal for f in report.of_kind(FindingKind.MISSING_INDEX) if f.proposal]
    for statement in proposals:
        p.sql(statement)
    return proposals


def test_proposed_indexes_are_quoted_for_the_dialect_and_run_as_printed(
        portal: Portal) -> None:
    sound_map(portal)
    before = portal.check()
    assert before.sound, before.render()
    email = one(before, FindingKind.MISSING_INDEX, "Customer", "Email")
    join = found(before, FindingKind.MISSING_INDEX, "Invoice", "CustomerId")
    assert len(join) == 1
    be = portal.engine.dialect.name
    if be == "mysql":  # ci collation: the plain index serves the case-insensitive lookup
        assert email.proposal == "CREATE INDEX `ix_Customer_Email` ON `Customer` (`Email`);"
    else:
        assert email.proposal == ('CREATE INDEX "ix_Customer_Email_lower" ON "Customer" '
                                  '(lower("Email"));')
    assert join[0].proposal == (f"CREATE INDEX {portal.q('ix_Invoice_CustomerId')} ON "
                                f"{portal.q('Invoice')} ({portal.q('CustomerId')});")
    proposals = run_proposals(portal, before)
    # both subject tables' identity columns, the phone column and the numeric column, and
    # the folded-name indexes of both subject tables' name columns (name search)
    assert {f.table for f in before.of_kind(FindingKind.MISSING_INDEX)} == {
        "Customer", "Employee", "Invoice"}
    names = {(f.table, f.column) for f in before.of_kind(FindingKind.MISSING_INDEX)
             if f.column in ("FirstName", "LastName")}
    assert names == {(t, c) for t in ("Customer", "Employee") for c in ("FirstName", "LastName")}
    assert len(proposals) == len(before.of_kind(FindingKind.MISSING_INDEX)) == 5 + len(names)
    after = portal.check()
    assert after.of_kind(FindingKind.MISSING_INDEX) == [], after.render()
    assert after.sound and after.findings == (), after.render()


def test_two_kinds_of_person_are_both_checked(portal: Portal) -> None:
    sound_map(portal)
    portal.sql(f"ALTER TABLE {portal.q('Employee')} ADD {portal.q('HomePhone')} VARCHAR(20)")
    portal.edit("      JobTitle: {personal: false}\n",
                "      JobTitle: {personal: false}\n      Badge: {category: c}\n")
    portal.edit("      - {column: Email, kind: email}\n    columns:\n      EmployeeId",
                "      - {column: Email, kind: email}\n      - {column: Badge, kind: email}\n"
                "    columns:\n      EmployeeId")
    report = portal.check()
    assert not report.sound
    assert one(report, FindingKind.LOOKS_PERSONAL, "Employee", "HomePhone").severity \
        is Severity.ERROR
    assert one(report, FindingKind.MISSING_COLUMN, "Employee", "Badge").line == \
        line_of(portal.map_text, "Badge: {category: c}")
    # the employee table's identity column is checked like the customer's
    assert one(report, FindingKind.MISSING_INDEX, "Employee", "Email").line == \
        line_of(portal.map_text, "  Employee:") + 6


def test_excluded_table_column_reasons_and_new_columns(portal: Portal) -> None:
    sound_map(portal)
    report = portal.check()
    assert found(report, FindingKind.LOOKS_PERSONAL, "Genre") == [], report.render()
    # Without the column's reason, Genre.Name looks personal by its name.
    portal.edit("    columns:\n      Name: a genre's name, not a person's\n", "")
    report = portal.check()
    assert one(report, FindingKind.LOOKS_PERSONAL, "Genre", "Name").severity is Severity.ERROR
    portal.map_text = MAP
    sound_map(portal)
    # The portal grows: a personal column in the excluded table, one holding e-mail
    # addresses under a harmless name, and a new table.
    q = portal.q
    portal.sql(f"ALTER TABLE {q('Genre')} ADD {q('CuratorEmail')} VARCHAR(80)")
    portal.sql(f"ALTER TABLE {q('Genre')} ADD {q('Note')} VARCHAR(80)")
    portal.sql(f"UPDATE {q('Genre')} SET {q('Note')} = 'curator@example.invalid'")
    portal.sql(f"CREATE TABLE {q('Playlist')} ({q('PlaylistId')} INTEGER PRIMARY KEY)")
    report = portal.check()
    assert not report.sound
    assert one(report, FindingKind.LOOKS_PERSONAL, "Genre", "CuratorEmail").line == \
        line_of(portal.map_text, "  Genre:")
    assert "e-mail" in one(report, FindingKind.LOOKS_PERSONAL, "Genre", "Note").message
    assert found(report, FindingKind.LOOKS_PERSONAL, "Genre", "Name") == []
    assert one(report, FindingKind.UNMAPPED_TABLE, "Playlist").severity is Severity.ERROR
    # a reason for a column the portal does not have is stale
    portal.edit("      Name: a genre's name, not a person's\n",
                "      Name: a genre's name, not a person's\n      Colour: a colour\n")
    assert one(portal.check(), FindingKind.MISSING_COLUMN, "Genre", "Colour").severity \
        is Severity.WARNING


def test_personal_false_that_looks_personal_needs_a_reason(portal: Portal) -> None:
    portal.edit("kind: customer_number, match: exact}", "kind: customer_number, match: exact, "
                "numeric: true}")
    report = portal.check()
    fax = one(report, FindingKind.NEEDS_REASON, "Customer", "Fax")
    fax_line = line_of(portal.map_text, "Fax: {personal: false}")
    assert fax.severity is Severity.WARNING and fax.line == fax_line
    assert f"music.yaml:{fax_line}" in fax.message and "phone numbers" in fax.message
    assert "+47" not in report.render()  # never a value
    # Links to other persons are neither unmapped personal data nor in need of a reason,
    # though SalesRepUserId looks personal by its name.
    assert [f for f in report.findings if f.column in ("SalesRepUserId", "ReportsTo")] == []
    assert found(report, FindingKind.NEEDS_REASON, "Employee") == []
    portal.edit("Fax: {personal: false}", "Fax: {personal: false, reason: the shop's fax}")
    assert found(portal.check(), FindingKind.NEEDS_REASON, "Customer") == []


def test_person_link_must_join_its_target_type_for_type(portal: Portal) -> None:
    sound_map(portal)
    q = portal.q
    portal.sql(f"ALTER TABLE {q('Employee')} ADD {q('Mentor')} VARCHAR(10)")
    portal.edit("      JobTitle: {personal: false}\n",
                "      JobTitle: {personal: false}\n      Mentor:\n        personal: false\n"
                "        person: {table: Employee, role: {sv: Mentor, en: Mentor}}\n")
    report = portal.check()
    bad = one(report, FindingKind.BAD_REFERENCE, "Employee", "Mentor")
    assert "types do not match" in bad.message
    assert bad.line == line_of(portal.map_text, "person: {table: Employee, role: {sv: Mentor")
    assert found(report, FindingKind.BAD_REFERENCE, "Customer") == []
    portal.edit("person: {table: Employee, role: {sv: Mentor, en: Mentor}}",
                "person: {table: Employee, column: Code, role: {sv: Mentor, en: Mentor}}")
    assert "Employee.Code, which does not exist" in one(
        portal.check(), FindingKind.BAD_REFERENCE, "Employee", "Mentor").message


def test_numeric_identity_columns(portal: Portal) -> None:
    portal.edit("Fax: {personal: false}", "Fax: {personal: false, reason: the shop's fax}")
    report = portal.check()
    no_flag = one(report, FindingKind.TYPE_MISMATCH, "Customer", "CustomerNo")
    assert no_flag.severity is Severity.ERROR and no_flag.proposal == "numeric: true"
    assert no_flag.line == line_of(portal.map_text, "{column: CustomerNo")
    assert "add `numeric: true`" in no_flag.message
    assert "proposed: numeric: true" in report.render()
    portal.edit("kind: customer_number, match: exact}", "kind: customer_number, match: exact, "
                "numeric: true}")
    assert found(portal.check(), FindingKind.TYPE_MISMATCH, "Customer") == []
    # numeric: true on a text column
    portal.edit("      - {column: Email, kind: email}\n      - {column: Phone",
                "      - {column: Email, kind: email}\n"
                "      - {column: LoyaltyCode, kind: customer_number, numeric: true}\n"
                "      - {column: Phone")
    wrong = one(portal.check(), FindingKind.TYPE_MISMATCH, "Customer", "LoyaltyCode")
    assert wrong.severity is Severity.ERROR and "not a number" in wrong.message


def test_phone_spellings_find_will_not_match_are_shown_as_shapes(portal: Portal) -> None:
    sound_map(portal)
    assert portal.check().of_kind(FindingKind.PHONE_SPELLING) == []  # all findable
    q = portal.q
    portal.sql(f"UPDATE {q('Customer')} SET {q('Phone')} = '+55.12.3923.5555' "
               f"WHERE {q('CustomerId')} <= 6")
    portal.sql(f"UPDATE {q('Customer')} SET {q('Phone')} = 'ring kontoret' "
               f"WHERE {q('CustomerId')} = 7")
    report = portal.check()
    warn = one(report, FindingKind.PHONE_SPELLING, "Customer", "Phone")
    assert warn.severity is Severity.WARNING and report.sound
    assert "7 of 30" in warn.message
    assert "'+99.99.9999.9999' (6)" in warn.message and "'xxxx xxxxxxxx' (1)" in warn.message
    assert "3923" not in report.render() and "kontoret" not in report.render()
    # With match: exact only the canonical E.164 spelling is found.
    portal.sql(f"UPDATE {q('Customer')} SET {q('Phone')} = '+4722442222' "
               f"WHERE {q('CustomerId')} <= 7")
    portal.edit("{column: Phone, kind: phone}", "{column: Phone, kind: phone, match: exact}")
    exact = one(portal.check(), FindingKind.PHONE_SPELLING, "Customer", "Phone")
    assert "'+99 (99) 9999-9999'" in exact.message and "match: forms" in exact.message


def test_sampler_recognises_foreign_phone_numbers(portal: Portal) -> None:
    sound_map(portal)
    q = portal.q
    portal.sql(f"ALTER TABLE {q('Invoice')} ADD {q('Contact')} VARCHAR(30)")
    portal.sql(f"INSERT INTO {q('Invoice')} ({q('InvoiceId')}, {q('CustomerId')}, "
               f"{q('Contact')}) VALUES (1, 1, '+55 (12) 3923-5555'), "
               "(2, 2, '+47 22 44 22 22')")
    hit = one(portal.check(), FindingKind.LOOKS_PERSONAL, "Invoice", "Contact")
    assert "phone numbers" in hit.message


@pytest.mark.parametrize("value", ["+55 (12) 3923-5555", "+47 22 44 22 22", "0047 22 44 22 22",
                                   "+49 711 2842222", "070-123 45 67"])
def test_foreign_phone_values_look_personal(value: str) -> None:
    assert _looks_personal_value(value) == "phone numbers"


def test_national_numbers_are_read_in_the_maps_region() -> None:
    assert _looks_personal_value("(12) 3923-5555", "BR") == "phone numbers"
    assert _looks_personal_value("(12) 3923-5555", "SE") is None
    assert _looks_personal_value("Rock") is None and _looks_personal_value(12345678) is None


def test_value_shape_masks_every_digit_and_letter() -> None:
    assert value_shape("+55 (12) 3923-5555") == "+99 (99) 9999-9999"
    assert value_shape("Ring Åsa") == "xxxx xxx"
    assert value_shape("1" * 40) == "9" * 24 + "…"


def test_name_index_findings_read_in_swedish_and_the_report_stays_english(
        portal: Portal) -> None:
    """Issue 15: a finding carries its words as a message for the desk; the CLI's report
    (``message``) is the English text it always was."""
    sound_map(portal)
    report = portal.check()
    first = one(report, FindingKind.MISSING_INDEX, "Customer", "FirstName")
    english = ("name search on Customer.FirstName reads the whole table: no index on the "
               "folded name (case and accents removed).")
    assert first.message == english == first.text("en")
    assert first.text("sv") == ("namnsökning i Customer.FirstName läser hela tabellen: inget "
                                "index på det normaliserade namnet (utan skiftläge och "
                                "accenter).")
    assert english in report.render() and "namnsökning" not in report.render()
