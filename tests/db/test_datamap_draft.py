"""``datamap draft`` on portals it has never seen, on SQLite, PostgreSQL and MariaDB: the record
shop, the demo portal and an ERP of Swedish names and undeclared joins. Each draft loads, check
accepts it apart from the items it marks for review, and ``find`` + ``collect`` with it give a
person every row the hand-written map gives; the draft never writes to the portal."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import (
    JSON,
    Column,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    insert,
    select,
    text,
)
from sqlalchemy.engine import URL, Engine

from privacy_desk.datamap import load_datamap, parse_datamap
from privacy_desk.datamap.check import check_datamap
from privacy_desk.datamap.draft import draft_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import make_engine
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.resources import resource_path
from tests.draft import compare
from tests.draft.erp_portal import KUNDER, create_erp_portal
from tests.draft.erp_portal import MAP_FILE as ERP_MAP
from tests.shop_portal import CUSTOMERS, EMPLOYEES, create_shop_portal
from tests.shop_portal import MAP_FILE as SHOP_MAP

AS_OF = dt.date(2026, 6, 1)
DEMO_MAP = resource_path("datamaps", "demo-portal.yaml")


def _demo(url: URL) -> list[tuple[str, str | None]]:
    generate_demo_portal(url, customers=40, seed=5, as_of=AS_OF)
    engine = make_engine(url)
    with engine.connect() as conn:
        people = conn.execute(text("SELECT personnummer, email, phone FROM customers "
                                   "WHERE personnummer IS NOT NULL ORDER BY id LIMIT 3")).all()
        outsider = conn.execute(text("SELECT email FROM contact_messages WHERE customer_id "
                                     "IS NULL AND email IS NOT NULL ORDER BY id LIMIT 1")).all()
    engine.dispose()
    out: list[tuple[str, str | None]] = []
    for pnr, email, phone in people:
        out += [(pnr, "personnummer"), (email, "email")]
        if phone:
            out.append((phone, "phone"))
    out += [(e, "email") for (e,) in outsider]
    return out


def _shop(url: URL) -> list[tuple[str, str | None]]:
    engine = make_engine(url)
    create_shop_portal(engine)
    engine.dispose()
    return [(c[7], "email") for c in CUSTOMERS] + [(e[9], "email") for e in EMPLOYEES] + \
        [("0701740605", "phone"), ("nils.okand@example.org", "email")]


def _erp(url: URL) -> list[tuple[str, str | None]]:
    engine = make_engine(url)
    create_erp_portal(engine)
    engine.dispose()
    return [(k[1], "personnummer") for k in KUNDER if k[1]] + \
        [(k[4], "email") for k in KUNDER] + [("+4722000003", "phone"),
                                              ("sara@energi.example", "email")]


PORTALS: dict[str, tuple[Callable[[URL], list[tuple[str, str | None]]], Path]] = {
    "shop": (_shop, SHOP_MAP), "demo": (_demo, DEMO_MAP), "erp": (_erp, ERP_MAP)}


@pytest.fixture(params=sorted(PORTALS))
def portal(request: pytest.FixtureRequest,
           db_url: URL) -> Iterator[tuple[Engine, DataMap, list[tuple[str, str | None]]]]:
    build, truth = PORTALS[request.param]
    identifiers = build(db_url)
    engine = make_engine(db_url)
    yield engine, load_datamap(truth), identifiers
    engine.dispose()


def test_a_draft_loads_passes_check_and_finds_every_row(portal) -> None:  # type: ignore[no-untyped-def]
    engine, truth, identifiers = portal
    result = draft_datamap(engine, sample=200)
    draft = parse_datamap(result.text)
    # every review marker of the file is listed with its reason
    assert {r.path for r in draft.review} <= {n.path for n in result.review}
    assert all(n.reason for n in result.review)
    report = check_datamap(engine, draft)
    assert compare.unreviewed_errors(report, draft) == [], report.render()
    for identifier, kind in identifiers:
        assert compare.missing_rows(engine, truth, draft, identifier, kind) == {}, identifier
    scores = compare.score_columns(truth, draft)
    assert scores.recall >= 0.95, scores.missed
    assert scores.precision >= 0.85, scores.extra


def test_the_erp_draft_recovers_undeclared_joins_holds_and_persons(db_url: URL) -> None:
    _erp(db_url)
    engine = make_engine(db_url)
    try:
        draft = parse_datamap(draft_datamap(engine).text)
    finally:
        engine.dispose()
    assert {t.kind for t in draft.subject_tables} == {"customer", "employee"}
    refs = compare.references(draft)
    assert ("fakturor", "kunder", (("kundnr", "kundnr"),)) in refs       # no FK declared
    assert ("fakturarader", "fakturor", (("fakturanr", "fakturanr"),)) in refs
    assert compare.holds(draft) >= {("fakturor", "fakturadatum", None),
                                    ("fakturarader", "fakturadatum", "fakturor"),
                                    ("betalningar", "betaldatum", None)}
    assert {"tariffer", "postorter", "v_kundsaldo"} <= set(draft.excluded)
    handler = draft.tables["arenden"].columns["handlaggare"]
    assert handler.person is not None and handler.person.table == "anstallda"
    assert draft.tables["matarvarden"].primary_key == ("anlnr", "avlast")  # a unique index
    review = {r.path for r in draft.review}
    assert "tables.fakturor.references[0]" in review  # a guessed join is for review


def test_update_keeps_the_dbas_edits_and_adds_what_is_new(db_url: URL) -> None:
    _shop(db_url)
    engine = make_engine(db_url)
    try:
        first = draft_datamap(engine).text
        edited = first.replace("      Notes: {category: communication, review: true}",
                               "      Notes: {category: communication}  # DBA: checked")
        edited = edited.replace("  SupportCall:\n", "  # DBA: the phone log\n  SupportCall:\n")
        assert edited.count("DBA") == 2
        md = MetaData()
        Table("GiftCard", md, Column("CardId", Integer, primary_key=True),
              Column("OwnerEmail", String(80)))
        md.create_all(engine)
        with engine.begin() as conn:
            conn.execute(text('ALTER TABLE "Customer" ADD COLUMN "Mobile" VARCHAR(24)'
                              if engine.dialect.name != "mysql" else
                              "ALTER TABLE `Customer` ADD COLUMN `Mobile` VARCHAR(24)"))
        result = draft_datamap(engine, update=edited)
    finally:
        engine.dispose()
    assert "# DBA: checked" in result.text and "# DBA: the phone log" in result.text
    dm = parse_datamap(result.text)
    assert "GiftCard" in dm.tables and "Mobile" in dm.tables["Customer"].columns
    assert not any(r.path == "tables.SupportCall.columns.Notes" for r in dm.review)
    assert set(result.added) >= {"table GiftCard", "column Customer.Mobile"}
    assert {n.path for n in result.review} >= {"tables.Customer.columns.Mobile"}


def test_odd_tables_become_review_items_and_the_portal_is_not_written(db_url: URL) -> None:
    engine = make_engine(db_url)
    md = MetaData()
    Table("person", md, Column("id", Integer, primary_key=True),
          Column("first_name", String(40)), Column("last_name", String(40)),
          Column("email", String(80)))
    Table("loose_notes", md, Column("person_id", Integer), Column("note", String(300)),
          Column("blob", LargeBinary), Column("doc", JSON))
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(md.tables["person"]), [
            {"id": 1, "first_name": "Ada", "last_name": "Berg", "email": "ada@example.se"}])
        conn.execute(insert(md.tables["loose_notes"]), [
            {"person_id": 1, "note": "Ringde och frågade om sin faktura från i våras.",
             "blob": b"\x00\x01", "doc": {"a": 1}}])
    before = _fingerprint(engine)
    seen: list[int] = []
    try:
        result = draft_datamap(engine, progress=lambda done, total, _t: seen.append(done))
        dm = parse_datamap(result.text)
    finally:
        engine.dispose()
    assert seen == [1, 2]
    review = {n.path: n.reason for n in result.review}
    assert "no primary key" in review["tables.loose_notes"]
    assert dm.tables["person"].subject
    assert _fingerprint(make_engine(db_url)) == before


def test_a_schema_with_no_person_is_a_clear_message(sqlite_url: URL) -> None:
    from privacy_desk.errors import UserError

    engine = make_engine(sqlite_url)
    md = MetaData()
    Table("genre", md, Column("id", Integer, primary_key=True), Column("title", String(20)))
    md.create_all(engine)
    with pytest.raises(UserError, match="No table looks like a table of persons"):
        draft_datamap(engine)
    engine.dispose()


def _fingerprint(engine: Engine) -> str:
    """A digest of every row of every table: equal before and after means nothing written."""
    from sqlalchemy import inspect

    h = hashlib.sha256()
    with engine.connect() as conn:
        for name in sorted(inspect(conn).get_table_names()):
            tbl = Table(name, MetaData(), autoload_with=conn)
            for row in conn.execute(select(tbl)).all():
                h.update(repr(sorted(map(str, row))).encode())
    engine.dispose()
    return h.hexdigest()


def test_review_reasons_read_in_swedish_while_the_map_stays_english(sqlite_url: URL) -> None:
    """Issue 15: the desk shows the draft's reasons in Swedish; the file and CLI keep English."""
    engine = make_engine(sqlite_url)
    create_erp_portal(engine)
    try:
        result = draft_datamap(engine)
    finally:
        engine.dispose()
    notes = {n.path: n for n in result.review}
    # English, as the CLI prints it, is unchanged: the message renders the same text.
    assert all(n.text("en") == n.reason for n in result.review)
    ref = notes["tables.fakturor.references[0]"]
    assert ref.reason.startswith("no declared foreign key: name kundnr matches kunder.kundnr")
    assert ref.text("sv").startswith(
        "ingen deklarerad främmande nyckel: namnet kundnr stämmer med kunder.kundnr")
    assert notes["tables.fakturarader.hold"].text("sv").startswith("rader i fakturor:")
    assert notes["excluded_tables.v_kundsaldo"].text("sv").startswith("en vy:")
    assert notes["categories.identity"].text("sv").startswith("allmänna texter:")
    assert notes["holds.bookkeeping"].text("sv").startswith("7 år efter räkenskapsåret")
    # The map's comments are the English reasons, whatever the desk's language.
    assert "no declared foreign key" in result.text
    assert "ingen deklarerad" not in result.text and "allmänna texter" not in result.text
    assert "# a person table: first and family names, an e-mail address, referenced from" \
        in result.text
