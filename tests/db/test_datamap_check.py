"""datamap check on real databases: each kind of fault is caught, with the map's line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Date, Index, Integer, MetaData, String, Table, insert
from sqlalchemy.engine import URL, Engine

from privacy_desk.cli import main
from privacy_desk.datamap import load_datamap
from privacy_desk.datamap.check import (
    CheckReport,
    Finding,
    FindingKind,
    Severity,
    check_datamap,
)
from privacy_desk.dburl import make_engine
from privacy_desk.resources import resource_path
from tests.db.test_lookup import fill_demo

md = MetaData()
Table("person", md,
      Column("id", Integer, primary_key=True, autoincrement=False),
      Column("email", String(100)),  # identity, but no index at all
      Column("name", String(80)),
      Column("signed_up", String(10)),  # a date kept as text: a hold on it cannot work
      Column("hobby", String(40)),  # harmless, unmentioned
      Column("mobile_no", String(20)))  # personal by name, unmentioned
Table("orders", md,
      Column("id", Integer, primary_key=True, autoincrement=False),
      Column("person_ref", String(10)),  # joins person.id (integer): types do not match
      Column("placed_on", Date),
      Column("note", String(200)),  # unmentioned, holds e-mail addresses
      Index("ix_orders_person_ref", "person_ref"))
Table("audit_trail", md,  # neither mapped nor excluded
      Column("id", Integer, primary_key=True, autoincrement=False))

MAP = """\
datamap_version: 1
name: faulty
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
tables:
  person:
    subject: true
    primary_key: id
    identity:
      - {column: email, kind: email, match: exact}
    hold: {rule: bfl, date_column: signed_up}
    columns:
      id: {personal: false}
      email: {category: c}
      name: {category: c}
      signed_up: {category: c}
      shoe_size: {category: c}
  orders:
    primary_key: id
    references:
      - {table: person, on: {person_ref: id}}
    columns:
      id: {personal: false}
      person_ref: {personal: false}
      placed_on: {category: c}
  gone:
    primary_key: id
    references:
      - {table: person, on: {person_id: id}}
    columns:
      id: {personal: false}
      person_id: {personal: false}
"""


def line_of(needle: str) -> int:
    return next(i for i, ln in enumerate(MAP.splitlines(), 1) if needle in ln)


@pytest.fixture
def faulty(db_url: URL, tmp_path: Path) -> Iterator[tuple[Engine, Path]]:
    engine = make_engine(db_url)
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(md.tables["orders"]), [
            {"id": i, "person_ref": "1", "note": f"kontakt{i}@example.se"} for i in range(5)])
    path = tmp_path / "faulty.yaml"
    path.write_text(MAP, encoding="utf-8")
    yield engine, path
    engine.dispose()


def one(report: CheckReport, kind: FindingKind, table: str,
        column: str | None = None) -> Finding:
    found = [f for f in report.of_kind(kind) if f.table == table
             and (column is None or f.column == column)]
    assert len(found) == 1, (kind, table, column, report.render())
    return found[0]


def test_each_kind_of_fault_is_reported_with_its_line(faulty: tuple[Engine, Path]) -> None:
    engine, path = faulty
    report = check_datamap(engine, load_datamap(path))
    assert not report.sound
    assert one(report, FindingKind.MISSING_TABLE, "gone").line == line_of("  gone:")
    assert one(report, FindingKind.MISSING_COLUMN, "person", "shoe_size").line \
        == line_of("shoe_size:")
    hold = one(report, FindingKind.TYPE_MISMATCH, "person", "signed_up")
    assert hold.line == line_of("hold:") and "not a date" in hold.message
    join = one(report, FindingKind.BAD_REFERENCE, "orders", "person_ref")
    assert join.line == line_of("{table: person, on: {person_ref")
    idx = one(report, FindingKind.MISSING_INDEX, "person", "email")
    assert idx.severity is Severity.WARNING and idx.line == line_of("kind: email")
    assert idx.proposal == "CREATE INDEX ix_person_email ON person (email);"
    assert one(report, FindingKind.LOOKS_PERSONAL, "person", "mobile_no").severity \
        is Severity.ERROR
    by_value = one(report, FindingKind.LOOKS_PERSONAL, "orders", "note")
    assert "e-mail" in by_value.message
    assert one(report, FindingKind.UNMAPPED_COLUMN, "person", "hobby").severity \
        is Severity.WARNING
    assert one(report, FindingKind.UNMAPPED_TABLE, "audit_trail").severity is Severity.ERROR
    text = report.render()
    assert f"faulty.yaml:{line_of('shoe_size:')}: error:" in text
    assert text.endswith("NOT sound: " + text.rsplit("NOT sound: ", 1)[1])


def test_demo_map_is_sound_on_the_demo_portal(db_url: URL, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(db_url)
    fill_demo(engine)
    engine.dispose()
    demo = str(resource_path("datamaps", "demo-portal.yaml"))
    portal = db_url.render_as_string(hide_password=False)
    assert main(["datamap", "check", "--portal", portal, "--map", demo]) == 0
    assert "The data map is sound" in capsys.readouterr().out
    # find prints JSON on stdout: the shared e-mail gives two candidates
    assert main(["find", "--portal", portal, "--map", demo, "familjen@example.se",
                 "--reason", "test"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ambiguous"] is True
    assert sorted(c["candidate"]["key"]["id"] for c in out["candidates"]) == [2, 3]


def test_cli_exit_codes_for_unsound_map_and_bad_identifier(
        faulty: tuple[Engine, Path], capsys: pytest.CaptureFixture[str]) -> None:
    engine, path = faulty
    portal = engine.url.render_as_string(hide_password=False)
    assert main(["datamap", "check", "--portal", portal, "--map", str(path)]) == 1
    assert "NOT sound" in capsys.readouterr().out
    demo = str(resource_path("datamaps", "demo-portal.yaml"))
    assert main(["find", "--portal", portal, "--map", demo, "811228-9875",
                 "--reason", "test"]) == 2
    err = capsys.readouterr().err
    assert "check digit" in err and "9875" not in err and "Traceback" not in err
