"""Objection (art. 21) on every backend: marketing stopped in every channel the map names,
only for the person; a balancing decision recorded, then the matching erasure plan."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.engine import URL

from privacy_desk.domain.requests import RequestType
from privacy_desk.services.erasure import ErasureRefused, create_plan, erasure_subject
from privacy_desk.services.objection import (
    ObjectionRefused,
    decide_balancing,
    decisions,
    stop_marketing,
    write_confirmation,
)
from privacy_desk.services.queue import case_detail
from tests.databases import throwaway_database
from tests.db.test_erasure import TODAY, Env, _case, _env, _store_name

CHANNELS = ("SELECT "
            "(SELECT count(*) FROM newsletter_subscriptions WHERE customer_id = :c "
            " AND unsubscribed_at IS NULL), "
            "(SELECT count(*) FROM contact_preferences WHERE customer_id = :c "
            " AND (allow_email = :t OR allow_sms = :t))")


@pytest.fixture
def env(db_url: URL, tmp_path: Path) -> Iterator[Env]:
    with throwaway_database(_store_name(db_url), tmp_path, prefix="pdstore") as store_url, \
            _env(db_url, store_url, customers=60) as e:
        yield e


def _others(e: Env, cid: int) -> list[tuple[object, ...]]:
    with e.portal.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT customer_id, allow_email, allow_sms FROM contact_preferences "
            "WHERE customer_id <> :c ORDER BY customer_id"), {"c": cid})] + \
            [tuple(r) for r in conn.execute(text(
                "SELECT id, unsubscribed_at FROM newsletter_subscriptions "
                "WHERE customer_id IS NULL OR customer_id <> :c ORDER BY id"), {"c": cid})]


def test_objection_to_marketing_clears_every_channel(env: Env, tmp_path: Path) -> None:
    e = env
    with e.portal.connect() as conn:
        row = conn.execute(text(
            "SELECT c.id, c.personnummer FROM customers c "
            "JOIN newsletter_subscriptions n ON n.customer_id = c.id "
            "JOIN contact_preferences p ON p.customer_id = c.id "
            "WHERE c.personnummer IS NOT NULL AND n.unsubscribed_at IS NULL "
            "AND (p.allow_email = :t OR p.allow_sms = :t) ORDER BY c.id"), {"t": True}).first()
        assert row is not None
        cid, pnr = int(row[0]), str(row[1])
        assert conn.execute(text(CHANNELS), {"c": cid, "t": True}).one() != (0, 0)
    others = _others(e, cid)
    case_id = _case(e.store, pnr, RequestType.OBJECTION)
    cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
    done = stop_marketing(e.store, e.portal, e.datamap, case_id, cand, actor="anna")
    assert done.verified and done.still_open == ()
    assert set(done.channels) == {"newsletter", "email", "sms"}
    with e.portal.connect() as conn:
        assert tuple(conn.execute(text(CHANNELS), {"c": cid, "t": True}).one()) == (0, 0)
        assert conn.execute(text("SELECT count(*) FROM newsletter_subscriptions WHERE "
                                 "customer_id = :c"), {"c": cid}).scalar_one() > 0  # kept
    assert _others(e, cid) == others  # nobody else's choices changed
    again = stop_marketing(e.store, e.portal, e.datamap, case_id, cand, actor="anna")
    assert again.verified and all(n == 0 for _t, n in again.channels.values())
    letter = write_confirmation(e.store, e.datamap, case_id, out_dir=tmp_path, actor="anna",
                                portal=e.portal)
    t = " ".join(" ".join((p.extract_text() or "").split())
                 for p in PdfReader(io.BytesIO(letter.path.read_bytes())).pages)
    assert "Nyhetsbrev" in t and "Utskick via sms" in t and "21.3" in t
    with e.portal.connect() as conn:  # addressed to where the portal says the person lives
        postcode = conn.execute(text("SELECT postal_code FROM addresses WHERE customer_id = :c"),
                                {"c": cid}).scalars().first()
    assert postcode and postcode in t
    stopped = [ev for ev in case_detail(e.store, case_id).events
               if ev.kind == "marketing_stopped"]
    assert len(stopped) == 2 and all(ev.note is None for ev in stopped)
    assert "kontrollerat: ingen kanal når personen" in stopped[0].text("sv")
    assert "verified: no channel reaches the person" in stopped[0].text("en")


def test_balancing_is_recorded_and_only_stop_then_erasure_plans_an_erasure(
        tmp_path: Path) -> None:
    portal_url = URL.create("sqlite+pysqlite", database=str(tmp_path / "p.sqlite3"))
    store_url = URL.create("sqlite+pysqlite", database=str(tmp_path / "s.sqlite3"))
    with _env(portal_url, store_url) as e:
        case_id = _case(e.store, e.pnr, RequestType.OBJECTION)
        cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
        with pytest.raises(ErasureRefused, match="not an erasure request"):
            create_plan(e.store, e.portal, e.datamap, case_id, cand, actor="anna", today=TODAY)
        with pytest.raises(ObjectionRefused, match="reasons"):
            decide_balancing(e.store, case_id, outcome="stop", reason=" ", actor="anna")
        with pytest.raises(ObjectionRefused, match="what follows"):
            decide_balancing(e.store, case_id, outcome="stop", reason="no grounds",
                             actor="anna")
        decide_balancing(e.store, case_id, outcome="compelling_grounds",
                         reason="login logs are needed to detect account takeover",
                         actor="anna")
        with pytest.raises(ErasureRefused):
            create_plan(e.store, e.portal, e.datamap, case_id, cand, actor="anna", today=TODAY)
        assert "compelling legitimate grounds" in _letter(e, case_id, tmp_path)
        d = decide_balancing(e.store, case_id, outcome="stop", follow_up="erasure",
                             reason="the security purpose is met by shorter logs",
                             actor="anna")
        assert d.details == {"follow_up": "erasure"}
        plan = create_plan(e.store, e.portal, e.datamap, case_id, cand, actor="anna",
                           today=TODAY)
        assert plan.kind == "erasure" and plan.plan.rows
        assert [x.outcome for x in decisions(e.store, case_id)] == ["compelling_grounds",
                                                                   "stop"]
        t = _letter(e, case_id, tmp_path / "second")
        assert "shorter logs" in t and "compelling" not in t
        decided = [ev for ev in case_detail(e.store, case_id).events
                   if ev.kind == "objection_decided"]
        assert [ev.note for ev in decided] == [
            "login logs are needed to detect account takeover",
            "the security purpose is met by shorter logs"]
        assert decided[0].text("sv") == ("Intresseavvägning (art. 21.1): tvingande berättigade "
                                         "skäl, behandlingen fortsätter: login logs are needed "
                                         "to detect account takeover")
        assert decided[1].text("en").startswith("Balancing test (art. 21(1)): processing "
                                                "stops, then an erasure: the security")


def _letter(e: Env, case_id: int, folder: Path) -> str:
    folder.mkdir(exist_ok=True)
    letter = write_confirmation(e.store, e.datamap, case_id, out_dir=folder, lang="en",
                                actor="anna")
    return " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(letter.path.read_bytes())).pages)
