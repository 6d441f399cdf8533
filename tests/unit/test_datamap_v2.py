"""Format version 2: kinds of person, words for people, links to other persons, holds that
follow a reference or a financial year, and input that must fail cleanly (never a traceback)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privacy_desk.datamap import DataMapError, load_datamap, parse_datamap
from privacy_desk.datamap.model import Disclosure, HoldRule, Text
from privacy_desk.identifiers import PHONE, InvalidPattern, compile_pattern, parse_identifier
from privacy_desk.resources import resource_path

V2 = """\
datamap_version: 2
name: shop
phone_region: NO
identifier_patterns:
  staff_number: 'E\\d{3}'
categories:
  c:
    title: {sv: a, en: a}
    purpose: {sv: a, en: a}
    legal_basis: {sv: a, en: a}
    recipients: {sv: a, en: a}
    retention: {sv: a, en: a}
holds:
  bfl:
    law: Bokföringslagen (1999:1078) 7 kap. 2 §
    description: {sv: a, en: a}
    years_after_year_end: 7
    financial_year_start: "07-01"
excluded_tables:
  Genre:
    reason: The music catalogue; no person in it.
    columns: {Name: "a genre's name"}
  Stats: anonymous counts
tables:
  Customer:
    subject: true
    kind: customer
    kind_title: {sv: Kund, en: Customer}
    title: {sv: Kunder, en: Customers}
    primary_key: CustomerId
    label: [FirstName, LastName]
    identity:
      - {column: Email, kind: email}
      - {column: CustomerId, kind: staff_number, numeric: true}
    columns:
      CustomerId: {personal: false, reason: a surrogate key}
      FirstName: {category: c, title: {sv: Förnamn, en: First name}}
      LastName: {category: c}
      Email: {category: c, erasure: set_null}
      PostalCode: {category: c, meaning: postcode}
      Autogiro: {category: c, values: {"0": {sv: Nej, en: "No"}, "1": {sv: Ja, en: "Yes"}}}
      SupportRepId:
        personal: false
        person: {table: Employee, role: {sv: Kundansvarig, en: Account manager},
                 disclose: withheld}
  Employee:
    subject: true
    kind: employee
    primary_key: EmployeeId
    name: [FirstName, LastName]
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
  Invoice:
    primary_key: InvoiceId
    references:
      - {table: Customer, on: {CustomerId: CustomerId}}
    hold: {rule: bfl, date_column: InvoiceDate}
    columns:
      InvoiceId: {personal: false}
      CustomerId: {personal: false}
      InvoiceDate: {category: c}
  InvoiceLine:
    primary_key: InvoiceLineId
    references:
      - {table: Invoice, on: {InvoiceId: InvoiceId}}
    hold: {rule: bfl, date_column: InvoiceDate, via: Invoice}
    erasure: delete_row
    columns:
      InvoiceLineId: {personal: false}
      InvoiceId: {personal: false}
      UnitPrice: {category: c}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "shop.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> DataMapError:
    with pytest.raises(DataMapError) as info:
        load_datamap(write(tmp_path, text))
    return info.value


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_v2_map_loads_every_new_key() -> None:
    dm = parse_datamap(V2)
    assert dm.version == 2 and dm.phone_region == "NO"
    kinds = dm.person_kinds()
    assert sorted(kinds) == ["customer", "employee"]
    customer = kinds["customer"]
    assert customer.kind_label("sv") == "Kund" and kinds["employee"].kind_label("en") == "employee"
    assert customer.title_in("sv") == "Kunder" and dm.tables["Invoice"].title_in("sv") == "Invoice"
    assert customer.column_title("FirstName", "en") == "First name"
    assert customer.column_title("LastName", "sv") == "LastName"
    assert customer.name_columns == ("FirstName", "LastName")  # the label, by default
    assert customer.columns_with("postcode") == ("PostalCode",)
    assert customer.columns["Autogiro"].value_label(1, "sv") == "Ja"
    assert customer.columns["Autogiro"].value_label(2, "sv") is None
    link = customer.columns["SupportRepId"].person
    assert link is not None and link.table == "Employee" and link.disclose is Disclosure.WITHHELD
    boss = dm.tables["Employee"].columns["ReportsTo"].person
    assert boss is not None and boss.disclose is Disclosure.ROLE
    assert customer.columns["CustomerId"].reason == "a surrogate key"
    assert [i.numeric for i in customer.identity] == [False, True]
    assert dm.tables["InvoiceLine"].hold is not None
    assert dm.tables["InvoiceLine"].hold.via == "Invoice"
    assert dm.excluded["Genre"].columns == {"Name": "a genre's name"}
    assert dm.excluded["Stats"].reason == "anonymous counts"
    # links to other persons are not paths: an employee is not reached through a customer
    assert dm.paths["Invoice"][0][-1].table == "Customer"
    assert "Customer" not in {r.table for chain in dm.paths.get("Employee", ()) for r in chain}


@pytest.mark.parametrize("date, released", [
    (dt.date(2026, 9, 15), dt.date(2035, 1, 1)),   # financial year 2026-07..2027-06
    (dt.date(2026, 3, 15), dt.date(2034, 1, 1)),   # financial year 2025-07..2026-06
    (dt.date(2026, 6, 30), dt.date(2034, 1, 1)),
    (dt.date(2026, 7, 1), dt.date(2035, 1, 1)),
])
def test_broken_financial_year_counts_from_the_year_it_ends(date: dt.date,
                                                            released: dt.date) -> None:
    rule = parse_datamap(V2).holds["bfl"]
    assert rule.financial_year_start == (7, 1)
    assert rule.releases_on(date) == released


def test_calendar_financial_year_is_the_default() -> None:
    rule = HoldRule("b", "law", Text("a", "a"), 7)
    assert rule.releases_on(dt.date(2026, 12, 31)) == dt.date(2034, 1, 1)
    assert rule.releases_on(dt.date(2026, 1, 1)) == dt.date(2034, 1, 1)


def test_version_1_maps_still_load_and_their_subjects_are_customers() -> None:
    dm = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    assert dm.version == 1
    assert [t.kind for t in dm.subject_tables] == ["customer"]
    assert dm.requests is not None and dm.requests.customer_table == "customers"


@pytest.mark.parametrize("change, needle, expect", [
    ("    kind: employee\n", "  Employee:", "needs a 'kind'"),
    ("    kind: employee\n", "    kind: customer", "both have kind 'customer'"),
    ("financial_year_start: \"07-01\"", "financial_year_start", "MM-DD"),
    ("years_after_year_end: 7", "years_after_year_end", "between 0 and 100"),
    ("disclose: withheld", "disclose: withheld", "unknown disclosure"),
    ("meaning: postcode", "meaning: postcode", "unknown meaning"),
    ("phone_region: NO", "phone_region", "not a region code"),
    ("via: Invoice", "via: Invoice", "not one of its references"),
    ("person: {table: Employee, role: {sv: Chef", "person: {table: Employee, role: {sv: Chef",
     "not a subject table"),
    ("CustomerId: {personal: false, reason: a surrogate key}", "CustomerId: {personal",
     "this one is personal"),
])
def test_v2_mistakes_point_at_their_line(tmp_path: Path, change: str, needle: str,
                                         expect: str) -> None:
    replacements = {
        "    kind: employee\n": "",
        "financial_year_start: \"07-01\"": "financial_year_start: \"13-01\"",
        "years_after_year_end: 7": "years_after_year_end: 100000",
        "disclose: withheld": "disclose: sometimes",
        "meaning: postcode": "meaning: shoe_size",
        "phone_region: NO": "phone_region: XX",
        "via: Invoice": "via: Customer",
        "person: {table: Employee, role: {sv: Chef":
            "person: {table: Invoice, role: {sv: Chef",
        "CustomerId: {personal: false, reason: a surrogate key}":
            "CustomerId: {category: c, reason: a surrogate key}",
    }
    if needle == "    kind: customer":  # both subject tables claim the same kind
        text = V2.replace("    kind: employee\n", "    kind: customer\n")
    else:
        text = V2.replace(change, replacements[change], 1)
    err = error_of(tmp_path, text)
    assert expect in err.problem
    if needle in ("    kind: customer", "  Employee:"):
        assert err.line == line_of(text, "  Employee:")
    else:
        replaced = replacements[change]
        assert err.line == line_of(text, replaced if "person" in replaced
                                   else replaced.split("{")[0].strip())
    assert str(err).startswith(f"shop.yaml:{err.line}: ")


@pytest.mark.parametrize("text, expect", [
    ("datamap_version: 2\nname: x\n" + "a: " * 0 + "deep: " + "[" * 1000 + "]" * 1000 + "\n",
     "nested"),
    ("datamap_version: " + "9" * 4301 + "\nname: x\n", "cannot be read"),
    ("datamap_version: 2\nname: [unclosed\n", "not valid YAML"),
])
def test_hostile_files_fail_with_a_message(tmp_path: Path, text: str, expect: str) -> None:
    err = error_of(tmp_path, text)
    assert expect in err.problem


def test_catastrophic_regex_is_linear_or_refused(tmp_path: Path) -> None:
    text = V2.replace("staff_number: 'E\\d{3}'", "staff_number: '(a+)+$'")
    dm = load_datamap(write(tmp_path, text))
    pattern = dm.identifier_patterns["staff_number"]
    assert pattern.fullmatch("a" * 50_000 + "b") is None  # RE2: linear time, no blow-up
    backref = V2.replace("staff_number: 'E\\d{3}'", "staff_number: '(a)\\1'")
    err = error_of(tmp_path, backref)
    assert "cannot be used" in err.problem and err.line == line_of(backref, "staff_number:")
    with pytest.raises(InvalidPattern):
        compile_pattern("x" * 2000)


def test_time_zone_must_be_real(tmp_path: Path) -> None:
    text = V2 + """requests:
  table: Requests
  columns: {id: Id, received_at: At, type: Kind, customer_id: CustomerId}
  received_at_timezone: Mars/Olympus
"""
    err = error_of(tmp_path, text)
    assert "not a time zone" in err.problem
    ok = load_datamap(write(tmp_path, text.replace("Mars/Olympus", "Europe/Stockholm")
                            + "  customer_table: Customer\n"))
    assert ok.requests is not None and ok.requests.customer_table == "Customer"
    ambiguous = error_of(tmp_path, text.replace("Mars/Olympus", "UTC").replace(
        "    kind: customer\n", "    kind: client\n"))
    assert "several kinds of person" in ambiguous.problem


@pytest.mark.parametrize("written, e164", [
    ("+55 (12) 3923-5555", "+551239235555"),
    ("+47 22 44 22 22", "+4722442222"),
    ("0047 22 44 22 22", "+4722442222"),
    ("+49 0711 2842222", "+497112842222"),
    ("+1 (403) 262-3443", "+14032623443"),
    ("070-123 45 67", "+46701234567"),
])
def test_phone_numbers_of_every_country(written: str, e164: str) -> None:
    ident = parse_identifier(written, kind=PHONE)
    assert ident.value == e164
    # the spelling the portal stored is among the forms find sends
    assert written in ident.stored_forms() or written.replace("0047", "+47") in \
        ident.stored_forms()


def test_phone_region_reads_national_numbers() -> None:
    assert parse_identifier("22 44 22 22", kind=PHONE, region="NO").value == "+4722442222"
    assert parse_identifier("(403) 262-3443", kind=PHONE, region="CA").value == "+14032623443"


def test_an_identifier_of_absurd_length_is_refused() -> None:
    from privacy_desk.errors import UserError
    with pytest.raises(UserError, match="longer than"):
        parse_identifier("1" * 5000)


def test_review_markers_are_listed_with_their_lines() -> None:
    old = "      LastName: {category: c}\n      Email: {category: c, erasure: set_null}"
    text = V2.replace(old, "      LastName: {category: c, review: true}\n"
                      "      Email: {category: c, erasure: set_null}", 1)
    text = text.replace("  Invoice:\n", "  Invoice:\n    review: true\n", 1)
    dm = parse_datamap(text)
    assert [(r.path, r.line) for r in dm.review] == [
        ("tables.Customer.columns.LastName", line_of(text, "LastName: {category: c, review")),
        ("tables.Invoice", line_of(text, "    review: true"))]
    assert parse_datamap(V2).review == ()


def test_a_link_to_another_person_is_not_a_path(tmp_path: Path) -> None:
    text = V2.replace("""      ReportsTo:
        personal: false""", """      ReportsTo:
        personal: false""").replace("""  Invoice:
    primary_key: InvoiceId
    references:
      - {table: Customer, on: {CustomerId: CustomerId}}""", """  Invoice:
    primary_key: InvoiceId
    references:
      - {table: Customer, on: {CustomerId: CustomerId}}
      - {table: Employee, on: {SoldBy: EmployeeId}}""").replace(
        "      InvoiceDate: {category: c}\n", "      InvoiceDate: {category: c}\n"
        "      SoldBy:\n        personal: false\n"
        "        person: {table: Employee, role: {sv: säljare, en: seller}}\n", 1)
    err = error_of(tmp_path, text)
    assert "cannot also be a reference" in err.problem
    assert err.line == line_of(text, "{table: Employee, on: {SoldBy")
