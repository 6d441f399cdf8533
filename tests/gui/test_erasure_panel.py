"""The erasure panel as two officers use it: plan with held invoices, a category decision,
dry run, own approval refused, a second officer approves, execute, outcome, letter."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from privacy_desk.casestore.erasure_models import ErasureExecutionRecord, ErasurePlanRecord
from privacy_desk.clock import utcnow
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.portal.erasure import KeepReason
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import AppContext, open_context
from privacy_desk.services.erasure import (
    APPROVED,
    COMMITTED,
    DRAFT,
    approve_plan,
    create_plan,
    erasure_subject,
    latest_plan,
)
from privacy_desk.services.queue import case_detail
from privacy_desk.services.roles import Role, add_officer, set_roles
from privacy_desk.ui.erasure_panel import PLAN_ROLE, ErasurePanel
from privacy_desk.ui.labels import event_label
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col
from privacy_desk.ui.tasks import TaskRunner
from tests.databases import BACKENDS, throwaway_database
from tests.gui.conftest import AS_OF, DEMO_MAP_FILE
from tests.organisations import set_demo_organisation

pytestmark = pytest.mark.gui

APPROVER = "bertil"


@dataclass
class Setup:
    panel: ErasurePanel
    runner: TaskRunner
    ctx: AppContext
    portal: Path
    case_id: int
    customer_id: int
    open_as: Callable[[str], AppContext]
    new_case: Callable[[RequestType], int]


def _open(runner: TaskRunner, qtbot: QtBot, connect: Callable[[], AppContext]) -> AppContext:
    """Open a context on the worker thread, where all its database work happens."""
    box: dict[str, AppContext] = {}
    runner.submit(connect, lambda ctx: box.update(ctx=ctx))
    qtbot.waitUntil(lambda: "ctx" in box, timeout=30_000)
    return box["ctx"]


def _customer(portal: Path) -> tuple[int, str]:
    """A private customer with the most invoices (some recent, so held by Bokföringslagen)."""
    engine = create_engine(f"sqlite:///{portal}")
    try:
        with engine.connect() as conn:
            cid, pnr = conn.execute(text(
                "SELECT c.id, c.personnummer FROM customers c JOIN invoices i "
                "ON i.customer_id = c.id WHERE c.kind = 'private' AND c.personnummer IS NOT NULL "
                "GROUP BY c.id, c.personnummer ORDER BY count(*) DESC, c.id LIMIT 1")).one()
    finally:
        engine.dispose()
    return int(cid), str(pnr)


def _scalar(portal: Path, sql: str, **params: object) -> object:
    engine = create_engine(f"sqlite:///{portal}")
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).scalar_one()
    finally:
        engine.dispose()


def _count(portal: Path, sql: str, **params: object) -> int:
    return int(str(_scalar(portal, sql, **params)))


@pytest.fixture
def store_backend() -> str:
    """The case store's backend (the end-to-end test runs on all three)."""
    return "sqlite"


@pytest.fixture
def setup(qtbot: QtBot, small_portal: Path, app_paths: AppPaths, tmp_path: Path,
          store_backend: str) -> Iterator[Setup]:
    with ExitStack() as stack:
        store_url = None if store_backend == "sqlite" else stack.enter_context(
            throwaway_database(store_backend, tmp_path, prefix="pdstore"))
        yield from _setup(qtbot, small_portal, app_paths, tmp_path, store_url)


def _setup(qtbot: QtBot, small_portal: Path, app_paths: AppPaths, tmp_path: Path,
           store_url: URL | None) -> Iterator[Setup]:
    portal = tmp_path / "portal.sqlite3"
    shutil.copyfile(small_portal, portal)  # this test changes the portal: its own copy
    runner = TaskRunner()
    set_demo_organisation(app_paths)  # the letter is written in the company's name
    store_at: URL | str = store_url or str(app_paths.case_store_file)
    ctx = _open(runner, qtbot, partial(open_context, app_paths, portal=str(portal),
                                       datamap=DEMO_MAP_FILE, case_store=store_at))
    opened = [ctx]

    def open_as(officer: str) -> AppContext:
        """A second desk on the same case store, signed in as ``officer``."""
        paths = AppPaths.default(tmp_path / f"home-{officer}").ensure()
        other = _open(runner, qtbot, partial(
            open_context, paths, portal=str(portal), datamap=DEMO_MAP_FILE,
            case_store=store_at, officer=officer))
        opened.append(other)
        return other

    store = ctx.case_store
    # The author is an approver too, so only the own-plan rule stops their approval.
    set_roles(store, ctx.officer, [Role.OFFICER, Role.APPROVER], actor=ctx.officer)
    add_officer(store, APPROVER, [Role.APPROVER], actor=ctx.officer)
    cid, pnr = _customer(portal)

    def new_case(kind: RequestType) -> int:
        """A verified request of ``kind`` from the customer, in progress."""
        d = register_case(store, request_type=kind, channel=Channel.PAPER,
                          received_on=date(2026, 11, 2), person_label="Testperson",
                          identifiers=[(None, pnr)], today=AS_OF)
        d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                            evidence="signed letter", verified_on=date(2026, 11, 3),
                            expected_version=d.version, today=AS_OF)
        transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor=store.actor,
                        reason=None, expected_version=d.version, today=AS_OF)
        return d.case_id

    panel = ErasurePanel(runner)
    qtbot.addWidget(panel)
    panel.set_context(ctx)
    panel.show()
    try:
        yield Setup(panel, runner, ctx, portal, new_case(RequestType.ERASURE), cid, open_as,
                    new_case)
    finally:
        runner.shutdown()
        for c in opened:
            c.close()


def _items(panel: ErasurePanel) -> list[QTreeWidgetItem]:
    out: list[QTreeWidgetItem] = []
    stack = [panel.plan_tree.topLevelItem(i) for i in range(panel.plan_tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        out.append(item)
        stack.extend(item.child(i) for i in range(item.childCount()))
    return out


def _table_item(panel: ErasurePanel, table: str) -> QTreeWidgetItem:
    for item in _items(panel):
        target = item.data(0, PLAN_ROLE)
        if isinstance(target, tuple) and target[1] == table:
            return item
    raise AssertionError(f"no {table} in the plan tree")


def _load(setup: Setup, qtbot: QtBot) -> None:
    with qtbot.waitSignal(setup.panel.plan_shown, timeout=30_000):
        setup.panel.load_case(setup.case_id)


def _click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("store_backend", BACKENDS)
def test_erasure_from_plan_to_letter_with_a_second_officer(setup: Setup, qtbot: QtBot,
                                                           tmp_path: Path,
                                                           store_backend: str) -> None:
    panel, ctx = setup.panel, setup.ctx
    _load(setup, qtbot)
    view = panel.plan
    assert view is not None and view.state == DRAFT
    held = len(view.plan.held)
    assert held > 0
    invoices = _table_item(panel, "invoices")
    title = ctx.datamap.tables["invoices"].title_in("en")
    # the map's words, not the portal's table name (which is the tooltip, for the DBA)
    assert invoices.text(0) == title != "invoices" and invoices.toolTip(0) == "invoices"
    assert "(s)" not in panel.message.text() and "rows to delete" in panel.message.text()
    assert "Bokföringslagen" in invoices.text(4)
    ends = sorted({r.hold.ends_on for r in view.plan.held if r.hold is not None})
    assert ends[0].isoformat() in invoices.text(4) and ends[-1].isoformat() in invoices.text(4)
    assert all(d.isoformat() in invoices.toolTip(4) for d in ends)
    assert int(invoices.text(3)) == sum(1 for r in view.plan.held if r.table == "invoices")
    # SQLite case store: the panel says plainly that four-eyes is not enforced.
    sqlite = store_backend == "sqlite"
    assert panel.notice.isVisible() is sqlite
    if sqlite:
        assert "not enforced" in panel.notice.text()

    # Retain the usage category (login history) with a reason.
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("usage"))
    assert not panel.decide_button.isEnabled()  # no reason yet
    qtbot.keyClicks(panel.reason_edit, "Needed for a pending dispute")
    with qtbot.waitSignal(panel.plan_shown, timeout=30_000) as shown:
        _click(qtbot, panel.decide_button)
    decided = shown.args[0]
    assert ("usage", "retain", "Needed for a pending dispute", ctx.officer) in decided.decisions
    usage = next(i for i in _items(panel) if i.data(0, PLAN_ROLE) == ("usage", None))
    assert "Needed for a pending dispute" in usage.text(4)
    assert all(r.table != "login_events" or r.kept_because is not None
               for r in decided.plan.rows)

    with qtbot.waitSignal(panel.dry_run_shown, timeout=30_000) as dry:
        _click(qtbot, panel.dry_run_button)
    assert dry.args[0] > 0 and panel.dry_tree.topLevelItemCount() == dry.args[0]
    tables = {panel.dry_tree.topLevelItem(i).text(0) for i in range(dry.args[0])}
    assert "customers" in tables and "login_events" not in tables

    # The author may not approve: the button says so, and the service refuses it too.
    assert not panel.approve_button.isEnabled()
    assert "another approver" in panel.approve_button.toolTip()
    with qtbot.waitSignal(panel.failed, timeout=30_000) as refused:
        panel.approve()
    assert "Nobody approves their own" in refused.args[0]
    assert panel.message.text() == refused.args[0]
    # Not approved yet: "Execute" is not offered, and says why.
    assert not panel.execute_button.isEnabled()
    assert "is not approved" in panel.execute_button.toolTip()

    # A second officer opens the same case on their desk and approves.
    approver = setup.open_as(APPROVER)
    panel.set_context(approver)
    _load(setup, qtbot)
    assert panel.approve_button.isEnabled()
    with qtbot.waitSignal(panel.approved, timeout=30_000) as ok:
        _click(qtbot, panel.approve_button)
    assert ok.args[0].state == APPROVED and ok.args[0].approved_by == APPROVER
    # Both desks share one database login here, so the server store cannot prove two
    # people took part either: the panel says so for this approval.
    assert panel.notice.isVisible()
    assert ("same database login" in panel.notice.text()) is not sqlite

    # Back at the author's desk: execute, see the outcome, write the letter.
    panel.set_context(ctx)
    _load(setup, qtbot)
    with qtbot.waitSignal(panel.executed, timeout=60_000) as done:
        _click(qtbot, panel.execute_button)
    result = done.args[0]
    assert result.verification.ok and result.view.state == COMMITTED
    outcome = panel.outcome.text()
    assert ctx.datamap.tables["invoices"].title_in("en") in outcome
    assert all(d.isoformat() in outcome for d in ends)
    assert _count(setup.portal, "SELECT count(*) FROM invoices WHERE customer_id = :c",
                  c=setup.customer_id) == sum(1 for r in view.plan.held
                                              if r.table == "invoices")
    assert not panel.execute_button.isEnabled() and panel.letter_button.isEnabled()

    out = tmp_path / "letters"
    out.mkdir()
    panel.folder_edit.setText(str(out))
    with qtbot.waitSignal(panel.letter_written, timeout=60_000) as written:
        _click(qtbot, panel.letter_button)
    pdf = written.args[0].path
    assert pdf.parent == out and pdf.exists()
    assert "IMY" in "".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_executing_an_unapproved_plan_is_refused(setup: Setup, qtbot: QtBot) -> None:
    panel = setup.panel
    _load(setup, qtbot)
    before = _count(setup.portal, "SELECT count(*) FROM invoices WHERE customer_id = :c",
                    c=setup.customer_id)
    # Not offered (the tooltip says why) …
    assert not panel.execute_button.isEnabled()
    assert "second officer" in panel.execute_button.toolTip()
    # … and refused in the same words when asked anyway.
    with qtbot.waitSignal(panel.failed, timeout=30_000) as refused:
        panel.execute()
    assert "not approved" in refused.args[0] and "second officer" in refused.args[0]
    assert panel.message.text() == refused.args[0]
    assert _count(setup.portal, "SELECT count(*) FROM invoices WHERE customer_id = :c",
                  c=setup.customer_id) == before
    view = latest_plan(setup.ctx.case_store, setup.case_id)
    assert view is not None and view.state == DRAFT and view.executions == ()
    assert not panel.letter_button.isEnabled()


def test_an_execution_left_started_by_a_dead_desk_shows_as_not_executed(
        setup: Setup, qtbot: QtBot) -> None:
    store, ctx = setup.ctx.case_store, setup.ctx
    found = erasure_subject(store, ctx.portal, ctx.datamap, setup.case_id)
    plan = create_plan(store, ctx.portal, ctx.datamap, setup.case_id, found.candidates[0],
                       actor=ctx.officer)
    approve_plan(store, plan.id, expected_sha256=plan.sha256, actor=APPROVER)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a desk process that has died
    # what execute stores before the portal transaction: the plan's whole after-state
    from privacy_desk.portal.erasure import expected_state
    from privacy_desk.portal.lookup import collect
    from privacy_desk.services.erasure import pseudonym_key

    person = collect(ctx.portal, ctx.datamap, found.candidates[0])
    expected = json.dumps([r.to_json() for r in expected_state(
        plan.plan, person, pseudonym_key(store))])
    with store.sessions.begin() as session:
        rec = session.get(ErasurePlanRecord, plan.id)
        assert rec is not None
        rec.state = "started"
        session.add(ErasureExecutionRecord(
            plan_id=plan.id, case_id=setup.case_id, state="started", executed_by=ctx.officer,
            started_at=utcnow(), host=socket.gethostname(), pid=gone.pid, expected=expected))
    invoices = _count(setup.portal, "SELECT count(*) FROM invoices WHERE customer_id = :c",
                      c=setup.customer_id)
    _load(setup, qtbot)
    panel = setup.panel
    assert panel.plan is not None and panel.plan.state == APPROVED
    assert "nothing was changed in the portal" in panel.outcome.text()
    assert panel.execute_button.isEnabled() and not panel.letter_button.isEnabled()
    assert _count(setup.portal, "SELECT count(*) FROM invoices WHERE customer_id = :c",
                  c=setup.customer_id) == invoices


def test_several_people_match_the_officer_chooses_one(setup: Setup, qtbot: QtBot) -> None:
    """A household's shared login e-mail names two customers: nothing is planned until the
    officer picks one, and the shared login is kept for the other."""
    store = setup.ctx.case_store
    email = _scalar(setup.portal, "SELECT a.email FROM portal_accounts a JOIN account_customers l "
                    "ON l.account_id = a.id GROUP BY a.id, a.email HAVING count(*) > 1 "
                    "ORDER BY a.id LIMIT 1")
    d = register_case(store, request_type=RequestType.ERASURE, channel=Channel.PORTAL,
                      received_on=date(2026, 11, 2), person_label="Testperson",
                      identifiers=[(None, email)], today=AS_OF)
    d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                        evidence="signed letter", verified_on=date(2026, 11, 3),
                        expected_version=d.version, today=AS_OF)
    transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor=store.actor, reason=None,
                    expected_version=d.version, today=AS_OF)
    panel = setup.panel
    with qtbot.waitSignal(panel.candidates_found, timeout=30_000) as found:
        panel.load_case(d.case_id)
    assert found.args[0] == 2 and panel.candidates.isVisible()
    assert panel.plan is None and latest_plan(store, d.case_id) is None
    chosen = panel.candidates.itemData(1)
    with qtbot.waitSignal(panel.plan_shown, timeout=30_000) as shown:
        panel.candidates.activated.emit(1)
    view = shown.args[0]
    assert tuple(view.plan.subject["key"]) == tuple(chosen.key)
    assert any(r.kept_because is KeepReason.SHARED for r in view.plan.rows)


def test_rectify_a_field_from_the_form(setup: Setup, qtbot: QtBot) -> None:
    panel = setup.panel
    case_id = setup.new_case(RequestType.RECTIFICATION)
    with qtbot.waitSignal(panel.person_loaded, timeout=30_000):
        panel.load_case(case_id)
    assert panel.rectify_box.isVisible() and not panel.erasure_box.isVisible()
    panel.rect_table.setCurrentIndex(panel.rect_table.findData("customers"))
    panel.rect_field.setCurrentIndex(panel.rect_field.findData("phone"))
    old = _count(setup.portal, "SELECT count(*) FROM customers WHERE id = :c AND phone = "
                 "'070-000 00 00'", c=setup.customer_id)
    assert old == 0 and panel.rect_old.text() not in ("", "070-000 00 00")
    qtbot.keyClicks(panel.rect_value, "070-000 00 00")
    assert not panel.rectify_button.isEnabled()  # a reason is required
    qtbot.keyClicks(panel.rect_reason, "New number given in the signed letter")
    with qtbot.waitSignal(panel.rectified, timeout=30_000) as done:
        _click(qtbot, panel.rectify_button)
    r = done.args[0]
    assert (r.table, r.column, r.new_value) == ("customers", "phone", "070-000 00 00")
    assert r.recipients and "art. 19" in panel.rect_done.text()
    assert r.recipients[0][1] in panel.rect_done.text()
    assert _count(setup.portal, "SELECT count(*) FROM customers WHERE id = :c AND phone = "
                  "'070-000 00 00'", c=setup.customer_id) == 1


def test_withdraw_consent_then_write_the_letter(setup: Setup, qtbot: QtBot,
                                                 tmp_path: Path) -> None:
    panel = setup.panel
    case_id = setup.new_case(RequestType.CONSENT_WITHDRAWAL)
    panel.load_case(case_id)
    qtbot.waitUntil(panel.withdraw_button.isEnabled, timeout=30_000)
    assert panel.consent_box.isVisible() and not panel.rectify_box.isVisible()
    with qtbot.waitSignal(panel.executed, timeout=60_000) as done:
        _click(qtbot, panel.withdraw_button)
    result = done.args[0]
    assert result.verification.ok and result.view.kind == "consent_withdrawal"
    assert result.view.plan.rows and all("consent" in r.categories
                                         for r in result.view.plan.rows)
    assert not panel.withdraw_button.isEnabled() and panel.letter_button.isEnabled()
    panel.folder_edit.setText(str(tmp_path))
    panel.lang_combo.setCurrentIndex(panel.lang_combo.findData("en"))
    with qtbot.waitSignal(panel.letter_written, timeout=60_000) as written:
        _click(qtbot, panel.letter_button)
    assert written.args[0].path.name.startswith("consent-withdrawn-")
    assert "IMY" in "".join(p.extract_text() for p in PdfReader(written.args[0].path).pages)


def test_ctrl_r_opens_the_erasure_tab_for_an_erasure_case(window: MainWindow,
                                                          qtbot: QtBot) -> None:
    assert window.ctx is not None
    ctx = window.ctx
    row = next(r for r in range(window.proxy.rowCount())
               if case_detail(ctx.case_store, window.proxy.index(r, 0).data(CASE_ID_ROLE))
               .request_type == RequestType.ERASURE)
    rect = window.table.visualRect(window.proxy.index(row, Col.CASE))
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # Not offered before the identity is verified, and the tooltip says why.
    assert not window.erasure_action.isEnabled() and not window.preview_action.isEnabled()
    assert "identity is not verified" in window.erasure_action.toolTip()
    assert "not an access or portability request" in window.preview_action.toolTip()

    panel = window.erasure_panel
    with qtbot.waitSignal(panel.failed, timeout=20_000) as refused:
        window.open_erasure()  # asked anyway: the service refuses the same way
    assert window.tabs.currentIndex() == window.erasure_tab
    assert "identity" in refused.args[0].lower() and panel.plan_tree.topLevelItemCount() == 0

    case_id = window.current_case_id()
    assert case_id is not None
    d = case_detail(ctx.case_store, case_id)
    d = verify_identity(ctx.case_store, case_id, method=IdentityMethod.SIGNED_LETTER,
                        evidence="Signed letter checked against the customer record",
                        actor=ctx.officer, expected_version=d.version)
    transition_case(ctx.case_store, case_id, CaseStatus.IN_PROGRESS, actor=ctx.officer,
                    reason=None, expected_version=d.version)
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        window.queue_panel.reload_case(case_id)
    assert window.erasure_action.isEnabled()
    with qtbot.waitSignals([panel.plan_shown, panel.candidates_found], timeout=20_000,
                           order="none", raising=False):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    if panel.plan is None:  # several people match: choose the first, as an officer does
        with qtbot.waitSignal(panel.plan_shown, timeout=20_000):
            panel._on_candidate(0)
    assert panel.plan is not None and panel.plan.case_id == case_id
    assert panel.plan_tree.topLevelItemCount() > 0
    # The plan was recorded on the case: the queue's detail pane shows the event.
    planned = event_label("erasure_planned")
    qtbot.waitUntil(lambda: planned in window.detail.toPlainText(), timeout=10_000)
