"""Restriction (art. 18) on every backend: planned, applied as the map says, all-or-nothing
under kill -9, listed as active, lifted only after the notice (real portal, real PDF)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text
from sqlalchemy.engine import URL

from privacy_desk.datamap.model import RestrictionMechanism
from privacy_desk.domain.requests import RequestType
from privacy_desk.portal.restriction import PAUSE_ENV, PAUSE_SECONDS_ENV
from privacy_desk.services.erasure import erasure_subject
from privacy_desk.services.letters import letters_of
from privacy_desk.services.queue import case_detail
from privacy_desk.services.restriction import (
    Ground,
    RestrictionRefused,
    active_restrictions,
    apply_restriction,
    case_restrictions,
    lift,
    plan_restriction,
    reconcile_restriction,
    restriction_dry_run,
    write_confirmation,
    write_lift_notice,
)
from tests.databases import throwaway_database
from tests.db.test_erasure import MAP_FILE, Env, _case, _env, _snapshot, _store_name


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


@pytest.fixture
def env(db_url: URL, tmp_path: Path) -> Iterator[Env]:
    with throwaway_database(_store_name(db_url), tmp_path, prefix="pdstore") as store_url, \
            _env(db_url, store_url) as e:
        yield e


def _planned(e: Env, **kw: object) -> int:
    case_id = _case(e.store, e.pnr, RequestType.RESTRICTION)
    cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
    return plan_restriction(e.store, e.portal, e.datamap, case_id, cand,
                            ground=Ground.ACCURACY, reason="the person contests the address",
                            actor="anna", **kw).id  # type: ignore[arg-type]


def _register_rows(e: Env) -> list[tuple[str, str, str | None, str]]:
    with e.portal.connect() as conn:
        return sorted((str(r[0]), str(r[1]), r[2], str(r[3])) for r in conn.execute(text(
            "SELECT table_name, row_key, column_name, ground FROM processing_restrictions")))


def _flag(e: Env) -> bool:
    with e.portal.connect() as conn:
        return bool(conn.execute(text("SELECT processing_restricted FROM customers WHERE id = :i"),
                                 {"i": e.customer_id}).scalar_one())


def test_restriction_is_marked_as_the_map_says_listed_and_lifted_after_the_notice(
        env: Env, tmp_path: Path) -> None:
    e = env
    rid = _planned(e)
    view = case_restrictions(e.store, view_case := e.case_id + 1)[0]
    assert view.state == "draft" and view.case_id == view_case
    plan = view.plan
    mechanisms = {r.table: r.mechanism for r in plan.rows}
    assert mechanisms["customers"] is RestrictionMechanism.FLAG
    assert mechanisms["invoices"] is RestrictionMechanism.REGISTER
    assert plan.systems_to_tell == ("Utskickssystemet (e-post- och sms-leverantören)",)
    lines = restriction_dry_run(e.store, rid, actor="anna")
    assert len(lines) == len(plan.rows)
    assert not _flag(e) and _register_rows(e) == []  # a plan and a dry run change nothing

    active = apply_restriction(e.store, e.portal, e.datamap, rid, actor="anna")
    assert active.state == "active" and active.verified is True
    assert _flag(e)
    registered = _register_rows(e)
    expected = sorted((r.table, r.key_json(), None, "accuracy_contested") for r in plan.rows
                      if r.mechanism is RestrictionMechanism.REGISTER)
    assert registered == expected
    listed = active_restrictions(e.store, actor="anna")
    assert [a.id for a in listed] == [rid] and not listed[0].notice_written

    with pytest.raises(RestrictionRefused, match="not been told"):
        lift(e.store, e.portal, e.datamap, rid, actor="anna")
    assert _flag(e) and _register_rows(e) == registered  # refused: nothing changed

    letter = write_confirmation(e.store, e.datamap, rid, out_dir=tmp_path, actor="anna",
                                portal=e.portal)
    assert "begränsat" in _text(letter.path) and "IMY" in _text(letter.path)
    with e.portal.connect() as conn:  # the address block: the portal's address of the person
        street = conn.execute(text("SELECT street FROM addresses WHERE customer_id = :c "
                                   "ORDER BY CASE kind WHEN 'billing' THEN 0 ELSE 1 END, id"),
                              {"c": e.customer_id}).scalars().first()
    assert street and street in _text(letter.path)
    notice = write_lift_notice(e.store, e.datamap, rid, reason="the address was checked and "
                               "is correct", out_dir=tmp_path, lang="en", actor="anna")
    t = _text(notice.path)
    assert "18(3)" in t and "will be lifted" in t and "checked" in t
    lifted = lift(e.store, e.portal, e.datamap, rid, actor="anna")
    assert lifted.state == "lifted" and lifted.notice_file == notice.path.name
    assert [(r.kind, r.sha256) for r in letters_of(e.store, view_case, actor="anna")] == [
        ("restriction", letter.sha256), ("restriction_lift", notice.sha256)]
    assert not _flag(e) and _register_rows(e) == []
    assert active_restrictions(e.store, actor="anna") == []
    # The history reads in the reader's language; the officer's reason stays as typed.
    history = {ev.kind: ev for ev in case_detail(e.store, view_case).events}
    assert {"restriction_planned", "restriction_applied", "restriction_letter",
            "restriction_notice", "restriction_lifted"} <= history.keys()
    done = history["restriction_lifted"]
    assert done.note == "the address was checked and is correct"
    assert done.text("sv").startswith(f"Begränsning {rid} hävd efter beskedet {notice.path.name}")
    assert done.text("sv").endswith(": the address was checked and is correct")
    assert "borttagna markeringar" in done.text("sv")  # Swedish words, the reason as typed
    assert history["restriction_applied"].text("en").startswith(
        f"Restriction {rid} applied (art. 18(1)(a)):")
    assert history["restriction_planned"].text("sv").startswith(
        f"Begränsning {rid} (art. 18(1)(a))")
    assert "Bekräftelse av begränsning (sv)" in history["restriction_letter"].text("sv")


def test_restriction_of_some_categories_marks_fields_and_refuses_bad_input(env: Env) -> None:
    e = env
    rid = _planned(e, categories=("address", "contact"))
    view = case_restrictions(e.store, e.case_id + 1)[0]
    tables = {r.table for r in view.plan.rows}
    assert "invoices" not in tables and "addresses" in tables
    apply_restriction(e.store, e.portal, e.datamap, rid, actor="anna")
    rows = _register_rows(e)
    assert rows and all(t in ("addresses", "portal_accounts", "contact_messages",
                              "newsletter_subscriptions") for t, *_ in rows)
    # customers: only e-mail and phone restricted, so the flag (a whole-row marker) is set
    # and the plan records which fields
    cust = next(r for r in view.plan.rows if r.table == "customers")
    assert set(cust.fields) == {"email", "phone"} and not cust.whole_row
    with pytest.raises(RestrictionRefused, match="active"):
        apply_restriction(e.store, e.portal, e.datamap, rid, actor="anna")
    case_id = e.case_id  # an erasure case is not a restriction request
    cand = erasure_subject(e.store, e.portal, e.datamap, case_id).candidates[0]
    with pytest.raises(RestrictionRefused, match="not a restriction request"):
        plan_restriction(e.store, e.portal, e.datamap, case_id, cand, ground="legal_claims",
                         reason="x", actor="anna")
    with pytest.raises(RestrictionRefused, match="Unknown ground"):
        plan_restriction(e.store, e.portal, e.datamap, e.case_id + 1, cand, ground="because",
                         reason="x", actor="anna")


_KILL_SCRIPT = Path(__file__).with_name("restriction_subprocess.py")


@pytest.mark.slow
@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql", "mariadb"])
def test_killed_mid_restriction_leaves_the_portal_unchanged(backend_name: str,
                                                              tmp_path: Path) -> None:
    with throwaway_database(backend_name, tmp_path) as portal_url, \
            throwaway_database(backend_name, tmp_path, prefix="pdstore") as store_url, \
            _env(portal_url, store_url) as e:
        rid = _planned(e)
        statements = sum(r.mechanism is not RestrictionMechanism.NONE
                         for r in case_restrictions(e.store, e.case_id + 1)[0].plan.rows)
        before = _snapshot(e.portal)
        for point in (1, statements // 2, statements):
            ready = tmp_path / f"ready-{point}"
            env = dict(os.environ, **{PAUSE_ENV: f"{point}:{ready}", PAUSE_SECONDS_ENV: "60"})
            proc = subprocess.Popen(
                [sys.executable, str(_KILL_SCRIPT),
                 e.portal_url.render_as_string(hide_password=False),
                 e.store_url.render_as_string(hide_password=False), str(MAP_FILE), str(rid)],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            deadline = time.monotonic() + 60
            while not ready.exists():
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    raise AssertionError(proc.communicate()[1])
                time.sleep(0.05)
            proc.kill()  # SIGKILL: no clean-up in the process
            proc.communicate(timeout=30)
            assert _snapshot(e.portal) == before
            with e.portal.connect() as conn:
                assert conn.execute(text("SELECT count(*) FROM processing_restrictions")
                                    ).scalar_one() == 0
            settled = reconcile_restriction(e.store, e.portal, e.datamap, rid)
            assert settled.state == "not executed"
            assert active_restrictions(e.store, actor="anna") == []
        done = apply_restriction(e.store, e.portal, e.datamap, rid, actor="anna")
        assert done.state == "active" and done.verified
        assert [a.id for a in active_restrictions(e.store, actor="anna")] == [rid]
        assert json.loads(json.dumps(done.plan.to_json()))["ground"] == "accuracy_contested"
