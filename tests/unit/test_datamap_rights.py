"""The data map's keys for portability, restriction and objection: read as written, and
every mistake named with file and line (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_desk.datamap import parse_datamap
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import LawfulBasis, Provenance, RestrictionMechanism
from privacy_desk.reports.portability import LeftOut, portability_scope
from privacy_desk.resources import resource_path
from tests.unit.test_datamap_loader import error_of, line_of

MAP = """\
datamap_version: 2
name: t
categories:
  c:
    title: {sv: a, en: a}
    purpose: {sv: a, en: a}
    legal_basis: {sv: a, en: a}
    recipients: {sv: a, en: a}
    retention: {sv: a, en: a}
    basis: [contract, legal_obligation]
    provenance: provided
  li:
    title: {sv: a, en: a}
    purpose: {sv: a, en: a}
    legal_basis: {sv: a, en: a}
    recipients: {sv: a, en: a}
    retention: {sv: a, en: a}
    basis: legitimate_interest
    provenance: observed
tables:
  people:
    subject: true
    kind: customer
    primary_key: id
    identity:
      - {column: email, kind: email}
    restriction: {mechanism: flag, column: restricted, value: true}
    columns:
      id: {personal: false}
      restricted: {personal: false, reason: the portal's art. 18 marker}
      email: {category: c}
      score: {category: c, provenance: inferred}
      seen: {category: li}
      allow_mail: {category: c}
  orders:
    primary_key: id
    references:
      - {table: people, on: {person_id: id}}
    restriction: {mechanism: register}
    columns:
      id: {personal: false}
      person_id: {personal: false}
      item: {category: c}
  notes:
    primary_key: id
    references:
      - {table: people, on: {person_id: id}}
    restriction: {mechanism: none, tell: [CRM]}
    columns:
      id: {personal: false}
      person_id: {personal: false}
      text: {category: li}
restriction_register:
  table: restrictions
  columns: {table: t, key: k, ground: g, since: s}
marketing:
  mail:
    title: {sv: Post, en: Mail}
    table: people
    column: allow_mail
    value: false
"""


def test_rights_keys_are_read() -> None:
    dm = parse_datamap(MAP)
    assert dm.categories["c"].bases == (LawfulBasis.CONTRACT, LawfulBasis.LEGAL_OBLIGATION)
    people = dm.tables["people"]
    assert people.columns["email"].provenance is Provenance.PROVIDED  # from the category
    assert people.columns["score"].provenance is Provenance.INFERRED  # its own
    assert people.restriction is not None and people.restriction.value is True
    assert dm.tables["orders"].restriction.mechanism is RestrictionMechanism.REGISTER  # type: ignore[union-attr]
    assert dm.tables["notes"].restriction.tell == ("CRM",)  # type: ignore[union-attr]
    assert dm.restriction_register is not None and dm.restriction_register.table == "restrictions"
    assert dm.marketing["mail"].value is False and not dm.marketing["mail"].deletes
    scope = portability_scope(dm)
    assert scope.included["people"] == ("email", "allow_mail")
    assert scope.left_out[("people", "score")] is LeftOut.INFERRED
    assert scope.left_out[("people", "seen")] is LeftOut.BASIS


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("    provenance: provided\n", "    provenance: given\n", "provenance: given",
     "unknown provenance 'given'"),
    ("basis: legitimate_interest", "basis: legit", "basis: legit",
     "unknown legal basis 'legit'"),
    ("mechanism: flag, column: restricted", "mechanism: flag, column: nope", "column: nope",
     "restriction column 'nope'"),
    ("column: restricted, value: true", "column: restricted, value: yes please",
     "value: yes please", "flag restriction sets its column to true"),
    ("{mechanism: none, tell: [CRM]}", "{mechanism: none}", "mechanism: none",
     "say which systems must be told"),
    ("restriction_register:\n  table: restrictions\n  columns: {table: t, key: k, ground: g, "
     "since: s}\n", "", "mechanism: register", "has no 'restriction_register'"),
    ("columns: {table: t, key: k, ground: g, since: s}", "columns: {table: t, key: k}",
     "table: restrictions", "needs 'ground'"),
    ("    column: allow_mail\n", "    column: allow_post\n", "column: allow_post",
     "column 'allow_post' of marketing channel"),
    ("    table: people\n    column", "    table: folk\n    column", "table: folk",
     "names table 'folk'"),
    ("      id: {personal: false}\n      restricted:", "      id: {personal: false, "
     "provenance: observed}\n      restricted:", "provenance: observed}", "describes personal"),
])
def test_mistakes_name_their_line(tmp_path: Path, old: str, new: str, needle: str,
                                  message: str) -> None:
    assert old in MAP
    text = MAP.replace(old, new, 1)
    err = error_of(text, tmp_path)
    assert message in err.problem, err.problem
    assert err.line == line_of(text, needle), (err.line, err.problem)


def test_demo_map_says_what_the_rights_need() -> None:
    dm = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    assert set(dm.marketing) == {"newsletter", "email", "sms"}
    assert all(t.restriction is not None for t in dm.tables.values())
    assert all(c.bases for c in dm.categories.values())
    assert all(col.provenance is not None for t in dm.tables.values()
               for col in t.columns.values() if col.personal)
