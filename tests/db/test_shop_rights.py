"""Portability, restriction and marketing on the record shop (tests/shop_portal.py), a portal
of another shape, through its map alone, on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL, Engine

from privacy_desk.datamap import load_datamap
from privacy_desk.datamap.model import RestrictionMechanism
from privacy_desk.dburl import make_engine
from privacy_desk.portal.lookup import collect, find_person
from privacy_desk.portal.marketing import channels_still_open, stop_marketing
from privacy_desk.portal.restriction import (
    apply_restriction,
    build_restriction_plan,
    markers_present,
)
from privacy_desk.reports.portability import LeftOut, build_portability
from tests import shop_portal
from tests.shop_portal import MAP_FILE, create_shop_portal


@pytest.fixture
def shop(db_url: URL) -> Iterator[Engine]:
    engine = make_engine(db_url)
    create_shop_portal(engine)
    yield engine
    engine.dispose()


def test_shop_portability_restriction_and_marketing(shop: Engine) -> None:
    dm = load_datamap(MAP_FILE)
    found = find_person(shop, dm, "astrid.lindqvist@example.se")
    customer = next(c for c in found.candidates if c.subject_table == "Customer")
    person = collect(shop, dm, customer)
    extract, scope = build_portability(person, case_number="PD-1", received_on=dt.date(2026, 11, 2),
                                       produced_at=dt.datetime(2026, 12, 1, 9))
    # the invoice lines' tracks and quantities are what she bought; prices and totals are not hers
    assert set(extract.table_columns["InvoiceLine"][1]) == {"TrackId", "Quantity"}
    assert "Total" not in extract.table_columns["Invoice"][1]
    assert scope.left_out[("Invoice", "Total")] is LeftOut.INFERRED
    assert "SupportCall" not in extract.table_rows  # legitimate interest
    # no markers in this portal: the restriction is recorded, with the systems to tell
    plan = build_restriction_plan(person, ground="legal_claims")
    assert {r.mechanism for r in plan.rows} == {RestrictionMechanism.NONE}
    assert "Kassasystemet" in plan.systems_to_tell
    assert apply_restriction(shop, dm, plan, dt.datetime(2026, 12, 1)) == 0
    assert markers_present(shop, dm, plan) == (0, 0)
    # the newsletter sign-up is known by e-mail only: its own candidate, rows deleted
    loose = next(c for c in found.candidates if c.subject_table is None)
    signup = collect(shop, dm, loose)
    assert channels_still_open(signup) == ["newsletter"]
    assert stop_marketing(shop, signup, dt.datetime(2026, 12, 1)) == {"newsletter": 1}
    assert channels_still_open(collect(shop, dm, loose)) == []
    with shop.connect() as conn:
        left = conn.execute(select(func.count()).select_from(shop_portal.NewsletterSignup)
                            ).scalar_one()
    assert left == 1  # the other person's sign-up is untouched
