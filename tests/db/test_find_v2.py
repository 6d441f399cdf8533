"""Finding people in a v2-shaped portal none of our code knows: two kinds of person
(customers and employees), CamelCase names, a numeric customer number, a custom
casefold kind, foreign phone numbers, a column pointing at another person, postcodes
in an address table, no declared foreign keys on some tables. All data synthetic."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    text,
)
from sqlalchemy.engine import URL, Engine

from privacy_desk.cli import main
from privacy_desk.datamap import DataMap, parse_datamap
from privacy_desk.datamap.names import fold, folded_sql, index_statement, quoter
from privacy_desk.dburl import backend, make_engine
from privacy_desk.errors import UserError
from privacy_desk.portal.lookup import (
    BIRTH_YEAR,
    POSTCODE,
    LookupResult,
    collect,
    find_by_name,
    find_person,
)

md = MetaData()
customer = Table(
    "Customer", md,
    Column("CustomerId", Integer, primary_key=True, autoincrement=False),
    Column("CustomerNo", BigInteger, nullable=False),  # numeric in the portal
    Column("FirstName", String(60), nullable=False),
    Column("LastName", String(60), nullable=False),
    Column("BirthDate", Date),
    Column("Email", String(120)),
    Column("Phone", String(30)),
    Column("MemberCode", String(20)),
    Column("AccountManager", Integer),  # an employee: another person, not a path
    Index("ix_Customer_CustomerNo", "CustomerNo"),
)
employee = Table(
    "Employee", md,
    Column("EmpId", Integer, primary_key=True, autoincrement=False),
    Column("Personnummer", String(13), nullable=False),
    Column("FullName", String(80), nullable=False),
    Column("WorkPhone", String(30)),
)
address = Table(
    "Address", md,
    Column("AddressId", Integer, primary_key=True, autoincrement=False),
    Column("CustomerRef", Integer, ForeignKey("Customer.CustomerId"), nullable=False),
    Column("Street", String(80)),
    Column("PostCode", String(10)),
)
ticket = Table(  # no declared foreign keys at all
    "Ticket", md,
    Column("TicketId", Integer, primary_key=True, autoincrement=False),
    Column("CustomerRef", Integer, nullable=False),
    Column("HandledBy", Integer),
    Column("Subject", String(80)),
)

CATS = """
categories:
  id:
    title: {sv: Identitet, en: Identity}
    purpose: {sv: Avtal, en: Contract}
    legal_basis: {sv: Avtal, en: Contract}
    recipients: {sv: Inga, en: None}
    retention: {sv: Avtalstiden, en: The contract period}
  work:
    title: {sv: Anställning, en: Employment}
    purpose: {sv: Anställning, en: Employment}
    legal_basis: {sv: Avtal, en: Contract}
    recipients: {sv: Inga, en: None}
    retention: {sv: Anställningstiden, en: The employment}
"""

MAP = f"""
datamap_version: 2
name: Two kinds of person
identifier_patterns:
  customer_number: '\\d{{5,7}}'
  member_code: 'M-[A-Za-z]{{4}}'
{CATS}
tables:
  Customer:
    subject: true
    kind: customer
    kind_title: {{sv: kund, en: customer}}
    primary_key: CustomerId
    label: [FirstName, LastName]
    identity:
      - {{column: CustomerNo, kind: customer_number, numeric: true}}
      - {{column: Email, kind: email}}
      - {{column: Phone, kind: phone}}
      - {{column: MemberCode, kind: member_code, match: casefold}}
    columns:
      CustomerId: {{personal: false}}
      CustomerNo: {{category: id}}
      FirstName: {{category: id}}
      LastName: {{category: id}}
      BirthDate: {{category: id, meaning: birth_date}}
      Email: {{category: id}}
      Phone: {{category: id}}
      MemberCode: {{category: id}}
      AccountManager:
        personal: false
        person: {{table: Employee, role: {{sv: Kundansvarig, en: Account manager}}}}
  Employee:
    subject: true
    kind: employee
    kind_title: {{sv: anställd, en: employee}}
    primary_key: EmpId
    label: FullName
    identity:
      - {{column: Personnummer, kind: personnummer}}
      - {{column: WorkPhone, kind: phone}}
    columns:
      EmpId: {{personal: false}}
      Personnummer: {{category: work}}
      FullName: {{category: work}}
      WorkPhone: {{category: work}}
  Address:
    primary_key: AddressId
    references:
      - {{table: Customer, on: {{CustomerRef: CustomerId}}}}
    columns:
      AddressId: {{personal: false}}
      CustomerRef: {{personal: false}}
      Street: {{category: id, meaning: street}}
      PostCode: {{category: id, meaning: postcode}}
  Ticket:
    primary_key: TicketId
    references:
      - {{table: Customer, on: {{CustomerRef: CustomerId}}}}
      # no reference through the handler: that would make tickets the employee's data (the
      # loader refuses a reference on a person: column)
    columns:
      TicketId: {{personal: false}}
      CustomerRef: {{personal: false}}
      HandledBy:
        personal: false
        person: {{table: Employee, role: {{sv: Handläggare, en: Handler}}}}
      Subject: {{category: id}}
"""

EMP_PNR = "198112289874"


@pytest.fixture
def portal(db_url: URL) -> Iterator[Engine]:
    engine = make_engine(db_url)
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(customer), [
            dict(CustomerId=1, CustomerNo=1000001, FirstName="August", LastName="Karlström",
                 BirthDate=dt.date(1954, 3, 2), Email="August@Example.se",
                 Phone="+55 (12) 3923-5555", MemberCode="M-AbCd", AccountManager=7),
            dict(CustomerId=2, CustomerNo=1000002, FirstName="August", LastName="Karlström",
                 BirthDate=dt.date(1988, 7, 9), Email="aug2@example.se",
                 Phone="+47 22 44 22 22", MemberCode=None, AccountManager=7),
            dict(CustomerId=3, CustomerNo=1000003, FirstName="Anna Maria", LastName="Svensson",
                 BirthDate=None, Email=None, Phone="070-123 45 67", MemberCode=None,
                 AccountManager=None),
            dict(CustomerId=4, CustomerNo=1000004, FirstName="Åsa", LastName="Ek",
                 BirthDate=None, Email=None, Phone=None, MemberCode=None, AccountManager=None),
        ])
        conn.execute(insert(employee), [
            dict(EmpId=7, Personnummer="811228-9874", FullName="Eva Lind",
                 WorkPhone="08-123 456 78"),
        ])
        conn.execute(insert(address), [
            dict(AddressId=1, CustomerRef=1, Street="Storgatan 1", PostCode="123 45"),
            dict(AddressId=2, CustomerRef=2, Street="Lillgatan 2", PostCode="543 21"),
        ])
        conn.execute(insert(ticket), [
            dict(TicketId=1, CustomerRef=1, HandledBy=7, Subject="Faktura"),
            dict(TicketId=2, CustomerRef=2, HandledBy=7, Subject="Flytt"),
        ])
    yield engine
    engine.dispose()


@pytest.fixture
def dm() -> DataMap:
    return parse_datamap(MAP)


def keys(result: LookupResult) -> list[tuple[str | None, tuple[object, ...]]]:
    return sorted(((c.subject_table, c.key) for c in result.candidates), key=repr)


# --------------------------------------------------------------------------- kinds of person


def test_an_employee_is_found_and_collected_without_the_customers_they_serve(
        portal: Engine, dm: DataMap) -> None:
    result = find_person(portal, dm, "19811228-9874")
    assert keys(result) == [("Employee", (7,))]
    cand = result.candidates[0]
    assert cand.person_kind == "employee"
    assert cand.kind_label("sv") == "anställd" and cand.kind_label("en") == "employee"
    assert cand.detail(BIRTH_YEAR) == "1981"
    data = collect(portal, dm, cand)
    # the tickets they handled and the customers they manage are other people's data
    assert {r.table for r in data.rows} == {"Employee"}
    as_json = data.to_json()
    assert as_json["candidate"]["person_kind"] == "employee"
    json.dumps(as_json)


def test_a_customer_is_collected_with_their_rows_only(portal: Engine, dm: DataMap) -> None:
    result = find_person(portal, dm, "august@EXAMPLE.se")
    assert keys(result) == [("Customer", (1,))]
    cand = result.candidates[0]
    assert cand.person_kind == "customer" and cand.kind_label("sv") == "kund"
    data = collect(portal, dm, cand)
    got = {t: sorted(r.key[next(iter(r.key))] for r in rows)
           for t, rows in data.tables().items()}
    assert got == {"Customer": [1], "Address": [1], "Ticket": [1]}
    # the work phone is an identifier of the employee only
    assert keys(find_person(portal, dm, "08-123 456 78")) == [("Employee", (7,))]


def test_details_tell_namesakes_apart(portal: Engine, dm: DataMap) -> None:
    result = find_by_name(portal, dm, "August Karlström")
    by_key = {c.key: c for c in result.candidates}
    assert set(by_key) == {(1,), (2,)}
    assert dict(by_key[(1,)].details) == {BIRTH_YEAR: "1954", POSTCODE: "123 45",
                                          "customer_number": "1000001",
                                          "member_code": "M-AbCd"}
    assert by_key[(2,)].detail(BIRTH_YEAR) == "1988"
    assert by_key[(2,)].detail(POSTCODE) == "543 21"
    as_json = by_key[(1,)].to_json(dm)
    assert {"kind": "postcode", "value": "123 45"} in as_json["details"]
    assert as_json["person_kind"] == "customer"
    assert "Karlström" not in repr(by_key[(1,)])  # the repr (and so any log) holds no name


# --------------------------------------------------------------------------- identifiers


def test_numeric_customer_number_is_compared_as_a_number(portal: Engine, dm: DataMap) -> None:
    assert keys(find_person(portal, dm, "1000002", kind="customer_number")) == [
        ("Customer", (2,))]


def test_custom_casefold_kind(portal: Engine, dm: DataMap) -> None:
    assert keys(find_person(portal, dm, "M-ABCD")) == [("Customer", (1,))]
    assert keys(find_person(portal, dm, "M-abcd", kind="member_code")) == [("Customer", (1,))]


@pytest.mark.parametrize(("typed", "who"), [
    ("+551239235555", 1), ("+55 12 3923 5555", 1),
    ("+47 22442222", 2), ("0047 22 44 22 22", 2), ("+4722442222", 2),
    ("+46701234567", 3),
])
def test_foreign_phone_numbers_as_stored(portal: Engine, dm: DataMap, typed: str,
                                         who: int) -> None:
    assert keys(find_person(portal, dm, typed, kind="phone")) == [("Customer", (who,))]


def test_phone_region_reads_a_number_without_country_code(portal: Engine) -> None:
    norwegian = parse_datamap(MAP.replace("name: Two kinds of person",
                                          "name: Two kinds of person\nphone_region: 'NO'"))
    assert keys(find_person(portal, norwegian, "22 44 22 22", kind="phone")) == [
        ("Customer", (2,))]


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize("typed", ["August Karlström", "august karlstrom", "KARLSTRÖM AUGUST",
                                   "  Karlstrom   August "])
def test_name_search_ignores_case_and_accents(portal: Engine, dm: DataMap, typed: str) -> None:
    result = find_by_name(portal, dm, typed)
    assert keys(result) == [("Customer", (1,)), ("Customer", (2,))]
    assert all(c.identifier.kind == "name" for c in result.candidates)


def test_name_search_word_of_a_double_first_name_and_accented_input(
        portal: Engine, dm: DataMap) -> None:
    assert keys(find_by_name(portal, dm, "anna svensson")) == [("Customer", (3,))]
    assert keys(find_by_name(portal, dm, "Maria Svensson")) == []  # the first word only
    assert keys(find_by_name(portal, dm, "asa ek")) == [("Customer", (4,))]
    assert keys(find_by_name(portal, dm, "ÅSA EK")) == [("Customer", (4,))]
    assert keys(find_by_name(portal, dm, "Eva Lind")) == [("Employee", (7,))]
    assert keys(find_by_name(portal, dm, "August Svensson")) == []  # every word must match


def test_postcode_narrows_a_name_search(portal: Engine, dm: DataMap) -> None:
    assert keys(find_by_name(portal, dm, "August Karlström", postcode="12345")) == [
        ("Customer", (1,))]
    assert keys(find_by_name(portal, dm, "August Karlström", postcode="543 21")) == [
        ("Customer", (2,))]
    assert keys(find_by_name(portal, dm, "August Karlström", postcode="999 99")) == []


def test_name_search_limit_says_it_left_people_out(portal: Engine, dm: DataMap) -> None:
    result = find_by_name(portal, dm, "August", limit=1)
    assert len(result.candidates) == 1 and result.truncated


def test_name_search_bad_input_is_explained(portal: Engine, dm: DataMap) -> None:
    # the deepest query we send still parses (SQLite limits nesting)
    assert find_by_name(portal, dm, "a b c d e f g h", postcode="12345").candidates == ()
    with pytest.raises(UserError, match="more than eight words"):
        find_by_name(portal, dm, "a b c d e f g h i")
    with pytest.raises(UserError, match="No name given"):
        find_by_name(portal, dm, "  %_ ")
    no_postcodes = parse_datamap(MAP.replace(", meaning: postcode", ""))
    with pytest.raises(UserError, match="marks no column as a postcode"):
        find_by_name(portal, no_postcodes, "August", postcode="12345", person_kind="customer")


def test_the_proposed_index_is_used_by_name_search(portal: Engine, dm: DataMap) -> None:
    be = backend(portal.url)
    q = quoter(be)
    plan: object
    with portal.begin() as conn:
        conn.execute(text(index_statement("Customer", "LastName", be, q)))
        conn.execute(text(index_statement("Customer", "FirstName", be, q)))
        if be == "postgresql":
            conn.execute(text("SET LOCAL enable_seqscan = off"))
        folded = folded_sql(f'{q("Customer")}.{q("LastName")}', be)
        value = fold("Karlström")
        if be == "postgresql":
            plan = conn.execute(text(f'EXPLAIN SELECT 1 FROM "Customer" WHERE {folded} = :v'),
                                {"v": value}).all()
        elif be == "sqlite":
            plan = conn.execute(text(f'EXPLAIN QUERY PLAN SELECT 1 FROM "Customer" '
                                     f'WHERE {folded} = :v'), {"v": value}).all()
        else:
            plan = conn.execute(text(f"EXPLAIN SELECT 1 FROM `Customer` WHERE {folded} = :v"),
                                {"v": value}).mappings().all()
    assert "ix_Customer_LastName" in repr(plan)
    assert keys(find_by_name(portal, dm, "karlstrom")) == [("Customer", (1,)),
                                                           ("Customer", (2,))]


# --------------------------------------------------------------------------- the command


def test_find_command_by_name_and_postcode(portal: Engine, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    map_file = tmp_path / "two-kinds.yaml"
    map_file.write_text(MAP, encoding="utf-8")
    url = portal.url.render_as_string(hide_password=False)
    common = ["find", "--portal", url, "--map", str(map_file), "--reason", "test"]
    assert main([*common, "--kind", "name", "karlstrom august", "--postcode", "123 45"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["readings"] == ["name"] and not out["ambiguous"] and not out["truncated"]
    [person] = out["candidates"]
    cand = person["candidate"]
    assert cand["person_kind"] == "customer" and cand["key"] == {"CustomerId": 1}
    assert {"kind": "birth_year", "value": "1954"} in cand["details"]
    assert set(person["categories"]["id"]) == {"Customer", "Address", "Ticket"}
    # an employee by personnummer, through the same command
    assert main([*common, "811228-9874"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["candidate"]["person_kind"] for c in out["candidates"]] == ["employee"]
    # nobody, and a postcode without a name search: clear messages, no traceback
    assert main([*common, "--kind", "name", "Nobody Atall"]) == 0
    assert "No one in the portal matches that name." in capsys.readouterr().err
    assert main([*common, "--postcode", "12345", "811228-9874"]) == 2
    err = capsys.readouterr().err
    assert "postcode narrows a name search only" in err and "Traceback" not in err


def test_check_proposes_the_name_index_until_it_is_there(portal: Engine, dm: DataMap) -> None:
    from privacy_desk.datamap.check_names import name_index_findings

    be = backend(portal.url)
    with portal.connect() as conn:
        before = name_index_findings(conn, dm)
    assert sorted((f.table, f.column) for f in before) == [
        ("Customer", "FirstName"), ("Customer", "LastName"), ("Employee", "FullName")]
    assert all(f.proposal and f.proposal.startswith("CREATE INDEX") and f.line
               for f in before)
    with portal.begin() as conn:
        for f in before:
            assert f.proposal is not None
            conn.execute(text(f.proposal))
    with portal.connect() as conn:
        assert name_index_findings(conn, dm) == [], be
