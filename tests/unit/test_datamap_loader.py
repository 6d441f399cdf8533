"""Loading data maps: the demo map is complete; every mistake names the file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privacy_desk.datamap import DataMapError, Erasure, load_datamap, parse_datamap
from privacy_desk.errors import UserError
from privacy_desk.resources import resource_path

HEAD = """\
datamap_version: 1
name: t
categories:
  c:
    title: {sv: a, en: a}
    purpose: {sv: a, en: a}
    legal_basis: {sv: a, en: a}
    recipients: {sv: a, en: a}
    retention: {sv: a, en: a}
"""
TABLES = """\
tables:
  people:
    subject: true
    primary_key: id
    identity:
      - {column: email, kind: email}
    columns:
      id: {personal: false}
      email: {category: c, erasure: set_null}
  orders:
    primary_key: id
    references:
      - {table: people, on: {person_id: id}}
    columns:
      id: {personal: false}
      person_id: {personal: false}
"""


def error_of(text: str, tmp_path: Path) -> DataMapError:
    path = tmp_path / "portal.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataMapError) as info:
        load_datamap(path)
    return info.value


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_demo_map_loads_completely() -> None:
    dm = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    assert [t.name for t in dm.subject_tables] == ["customers"]
    assert [r.table for r in dm.paths["login_events"][0]] == [
        "portal_accounts", "account_customers", "customers"]
    assert dm.tables["customers"].columns["personnummer"].erasure is Erasure.PSEUDONYMISE
    assert "not anonymisation" in Erasure.PSEUDONYMISE.description
    assert dm.excluded["web_statistics"].reason.startswith("Matomo")
    hold = dm.tables["invoices"].hold
    assert hold is not None and hold.date_column == "invoice_date"
    rule = dm.holds[hold.rule]
    assert "1999:1078" in rule.law
    assert rule.releases_on(dt.date(2026, 6, 30)) == dt.date(2034, 1, 1)
    for cat in dm.categories.values():
        assert cat.purpose.sv and cat.purpose.en and cat.retention.get("sv")
    src = dm.request_source()
    assert src is not None and src.table == "incoming_requests"
    assert src.columns["received_at"] == "submitted_at"
    assert src.type_values["consent_withdrawal"] == "consent_withdrawal"


def test_minimal_map_is_valid() -> None:
    dm = parse_datamap(HEAD + TABLES)
    assert [r.table for r in dm.paths["orders"][0]] == ["people"]


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    text = HEAD + "tables:\n  people: {subject: true\n  orders: 1\n"
    err = error_of(text, tmp_path)
    assert err.file == "portal.yaml"
    assert err.line >= line_of(text, "people:")
    assert "not valid YAML" in str(err) and f"portal.yaml:{err.line}" in str(err)


def test_reference_to_missing_table(tmp_path: Path) -> None:
    text = HEAD + TABLES.replace("{table: people, on:", "{table: persons, on:")
    err = error_of(text, tmp_path)
    assert err.line == line_of(text, "table: persons")
    assert "'persons', which is not a table in the map" in err.problem


def test_reference_loop(tmp_path: Path) -> None:
    text = HEAD + TABLES + """\
  a:
    primary_key: id
    references:
      - {table: b, on: {id: id}}
    columns: {id: {personal: false}}
  b:
    primary_key: id
    references:
      - {table: a, on: {id: id}}
    columns: {id: {personal: false}}
"""
    err = error_of(text, tmp_path)
    assert "a -> b -> a" in err.problem or "b -> a -> b" in err.problem
    assert err.line in {line_of(text, "{table: b, on"), line_of(text, "{table: a, on")}


@pytest.mark.parametrize(("change", "needle", "message"), [
    ("email: {category: c, erasure: set_null}", "email: {category: c, erasure: vanish}",
     "unknown erasure strategy 'vanish'"),
    ("email: {category: c, erasure: set_null}", "email: {category: nope}",
     "unknown category 'nope'"),
    ("    primary_key: id\n    identity:", "    primary_key: id\n    colums: {}\n    identity:",
     "unknown key 'colums'"),
    ("{column: email, kind: email}", "{column: email, kind: shoe_size}",
     "unknown identifier kind 'shoe_size'"),
    ("{column: email, kind: email}", "{column: mail, kind: email}",
     "identity column 'mail'"),
    ("      person_id: {personal: false}\n", "      person_id: {personal: false}\n"
     "      person_id: {personal: true}\n", "'person_id' appears twice"),
])
def test_mistakes_point_at_their_line(tmp_path: Path, change: str, needle: str,
                                      message: str) -> None:
    text = HEAD + TABLES.replace(change, needle)
    assert text != HEAD + TABLES
    err = error_of(text, tmp_path)
    assert message in err.problem
    marker = needle.strip().splitlines()[-1].strip()
    if "colums" in needle:
        marker = "colums"
    assert err.line == line_of(text, marker)


def test_wrong_version_and_missing_file(tmp_path: Path) -> None:
    err = error_of(HEAD.replace("datamap_version: 1", "datamap_version: 9") + TABLES, tmp_path)
    assert err.line == 1 and "version 9" in err.problem
    with pytest.raises(UserError, match="does not exist"):
        load_datamap(tmp_path / "missing.yaml")


def test_hold_needs_a_declared_rule(tmp_path: Path) -> None:
    text = HEAD + TABLES.replace("    primary_key: id\n    references:",
                                 "    primary_key: id\n    hold: {rule: bfl, date_column: id}\n"
                                 "    references:")
    err = error_of(text, tmp_path)
    assert "unknown hold rule 'bfl'" in err.problem and err.line == line_of(text, "hold:")


def test_request_source_feeds_the_request_queue() -> None:
    from privacy_desk.domain.requests import RequestType
    from privacy_desk.services.intake import DEMO_REQUEST_SOURCE

    built = load_datamap(resource_path("datamaps", "demo-portal.yaml")).incoming_request_source()
    assert built is not None
    for attr in ("table", "id_column", "reference_column", "submitted_at_column", "type_column",
                 "customer_id_column", "email_column", "message_column"):
        assert getattr(built, attr) == getattr(DEMO_REQUEST_SOURCE, attr), attr
    assert dict(built.identifier_columns) == dict(DEMO_REQUEST_SOURCE.identifier_columns)
    assert built.type_map["erasure"] is RequestType.ERASURE
    assert built.customer is not None and built.customer.table == "customers"
