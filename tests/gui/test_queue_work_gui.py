"""The queue's work driven as an officer does it: filters, claiming, dialogs, timed intake."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, insert, select

from privacy_desk.casestore.models import Case
from privacy_desk.dburl import make_engine, parse_target
from privacy_desk.domain.deadlines import Urgency
from privacy_desk.domain.lifecycle import OPEN_STATUSES, CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.portal.demo import schema as demo
from privacy_desk.services.cases import register_case
from privacy_desk.services.context import open_context
from privacy_desk.ui.case_dialogs import (
    CaseDialog,
    DecisionDialog,
    RegisterDialog,
    StatusDialog,
    VerifyIdentityDialog,
)
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.queue_model import URGENCY_ROLE, Col
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import DEMO_MAP_FILE

PNR = "19850714-9873"  # synthetic
PDF = b"%PDF-1.4\n% synthetic scan\n%%EOF\n"


def _rows(win: MainWindow) -> list[int]:
    return list(range(win.proxy.rowCount()))


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an item the way a keyboard user does: focus the box, type its first letters.

    ``text`` must hold no space: a space opens the combo's popup instead of searching.
    """
    assert " " not in text
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not a continuation
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def _select_first(win: MainWindow, qtbot: QtBot) -> int:
    rect = win.table.visualRect(win.proxy.index(0, Col.CASE))
    with qtbot.waitSignal(win.case_shown, timeout=10_000) as blocker:
        qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    case_id = blocker.args[0]
    assert isinstance(case_id, int)
    return case_id


def _dialog(win: MainWindow, kind: type[CaseDialog]) -> CaseDialog:
    dialog = win.active_dialog
    assert isinstance(dialog, kind) and dialog.isVisible()
    return dialog


def _back_to_queue(win: MainWindow, qtbot: QtBot) -> None:
    """The window is active again once a dialog closes (shortcuts go to the active window)."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5_000)


def _ok(win: MainWindow, qtbot: QtBot, dialog: CaseDialog) -> None:
    with qtbot.waitSignal(win.action_done, timeout=20_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    _back_to_queue(win, qtbot)


def _ok_fails(win: MainWindow, qtbot: QtBot, dialog: CaseDialog) -> str:
    with qtbot.waitSignal(win.action_failed, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    message = blocker.args[0]
    assert isinstance(message, str) and message in dialog.error_label.text()
    return message


# --- filters -----------------------------------------------------------------------------

def test_overdue_only_shows_exactly_the_overdue_count(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentIndex(window.queue_tab)  # the window opens on the overview
    qtbot.mouseClick(window.overdue_check, Qt.MouseButton.LeftButton)
    assert window.overdue_check.isChecked()
    shown = _rows(window)
    assert shown
    assert all(window.proxy.index(r, Col.DUE).data(URGENCY_ROLE) == Urgency.OVERDUE
               for r in shown)
    assert f"Overdue: {len(shown)}" in window.counts_label.text()
    qtbot.mouseClick(window.overdue_check, Qt.MouseButton.LeftButton)
    assert window.proxy.rowCount() == window.model.rowCount()


def test_type_and_status_filters_combine(window: MainWindow, qtbot: QtBot) -> None:
    _choose(qtbot, window.type_filter, "Erasure")
    erasures = _rows(window)
    assert erasures and len(erasures) < window.model.rowCount()
    assert {window.proxy.index(r, Col.TYPE).data() for r in erasures} == {"Erasure"}
    _choose(qtbot, window.status_filter, "Closed")
    assert window.proxy.rowCount() == 0  # freshly imported: nothing is closed yet
    _choose(qtbot, window.status_filter, "Open")
    assert window.proxy.rowCount() == len(erasures)


# --- claiming ----------------------------------------------------------------------------

def test_claiming_with_the_keyboard_assigns_the_case(window: MainWindow, qtbot: QtBot) -> None:
    assert window.ctx is not None
    me = window.ctx.officer
    case_id = _select_first(window, qtbot)
    assert window.claim_action.isEnabled()
    with qtbot.waitSignal(window.action_done, timeout=20_000):
        qtbot.keyClick(window.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.current_case_id() == case_id
    row = window.table.currentIndex().row()
    assert window.proxy.index(row, Col.ASSIGNEE).data() == me
    assert "Claimed" in window.detail.toPlainText()
    assert not window.claim_action.isEnabled() and window.release_action.isEnabled()
    _choose(qtbot, window.assignee_filter, "Unassigned")
    assert window.proxy.rowCount() == window.model.rowCount() - 1
    _choose(qtbot, window.assignee_filter, me)
    assert window.proxy.rowCount() == 1


# --- dialogs -----------------------------------------------------------------------------

def test_register_a_paper_request_with_a_scan(window: MainWindow, qtbot: QtBot,
                                              tmp_path: Path) -> None:
    before = window.model.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(window, RegisterDialog)
    assert isinstance(dialog, RegisterDialog)
    qtbot.keyClicks(dialog.person_edit, "Åsa Brevsson")
    qtbot.keyClicks(dialog.identifier_rows[0][1], PNR)
    # A wrong check digit first: the dialog stays open and says what is wrong.
    qtbot.keyClicks(dialog.identifier_rows[1][1], "19850714-9874")
    message = _ok_fails(window, qtbot, dialog)
    assert "check digit" in message
    dialog.identifier_rows[1][1].clear()
    scan = tmp_path / "brev.pdf"
    scan.write_bytes(PDF)
    dialog.add_attachment_paths([scan])
    _ok(window, qtbot, dialog)
    assert window.model.rowCount() == before + 1
    qtbot.waitUntil(lambda: "brev.pdf" in window.detail.toPlainText(), timeout=10_000)
    text = window.detail.toPlainText()
    assert "Åsa Brevsson" in text and "Not verified" in text
    assert "Personnummer: 198507149873" in text  # the kind in words, not "personnummer"


def test_identity_is_verified_before_the_case_moves_on(window: MainWindow, qtbot: QtBot) -> None:
    _select_first(window, qtbot)
    qtbot.keyClick(window.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    status = _dialog(window, StatusDialog)
    assert isinstance(status, StatusDialog)
    # Not verified: the dialog proposes waiting for identity; "In progress" is offered
    # disabled, its tooltip saying why (the service would refuse it).
    assert status.target_combo.currentText() == "Awaiting identity"
    index = status.target_combo.findText("In progress")
    model = status.target_combo.model()
    item = model.item(index)  # type: ignore[attr-defined]
    assert not item.isEnabled() and "identity is not verified" in item.toolTip()
    # Focus on the first field, not on a button.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is status.target_combo, timeout=5_000)
    qtbot.keyClick(status.target_combo, Qt.Key.Key_Escape)
    _back_to_queue(window, qtbot)
    qtbot.keyClick(window.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    verify = _dialog(window, VerifyIdentityDialog)
    assert isinstance(verify, VerifyIdentityDialog)
    _choose(qtbot, verify.method_combo, "Sw")
    qtbot.keyClick(verify.method_combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is verify.evidence_edit
    qtbot.keyClicks(verify.evidence_edit, "BankID signature on the request")
    qtbot.keyClick(verify.evidence_edit, Qt.Key.Key_Tab)  # Tab leaves the text box
    assert verify.evidence_edit.toPlainText() == "BankID signature on the request"
    assert QApplication.focusWidget() is verify.date_edit
    _ok(window, qtbot, verify)
    assert "Verified" in window.detail.toPlainText()

    qtbot.keyClick(window.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    status = _dialog(window, StatusDialog)
    assert isinstance(status, StatusDialog)
    assert status.target_combo.currentText() == "In progress"  # the next sensible step
    _ok(window, qtbot, status)
    row = window.table.currentIndex().row()
    assert window.proxy.index(row, Col.STATUS).data() == "In progress"


def test_second_extract_needs_a_decision_made_in_the_dialog(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    ctx = window.ctx
    assert ctx is not None
    today = date.today()
    for days in (20, 10):
        register_case(ctx.case_store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                      received_on=today - timedelta(days=days), person_label="Zeta Upprepsson",
                      identifiers=[(None, PNR)])
    with qtbot.waitSignal(window.queue_loaded, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClicks(window.filter_edit, "Zeta Upprepsson")
    assert window.proxy.rowCount() == 2
    window.table.setFocus()
    window.table.sortByColumn(Col.RECEIVED, Qt.SortOrder.DescendingOrder)
    _select_first(window, qtbot)  # the later request
    assert window.decision_action.isEnabled()
    assert "a decision is needed" in window.detail.toPlainText()
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = _dialog(window, DecisionDialog)
    assert isinstance(dialog, DecisionDialog)
    _choose(qtbot, dialog.kind_combo, "Charge")
    assert dialog.fee_edit.isEnabled()
    qtbot.keyClicks(dialog.fee_edit, "150,50")
    qtbot.keyClicks(dialog.reason_edit, "Second copy within the same year")
    _ok(window, qtbot, dialog)
    text = window.detail.toPlainText()
    assert "Decision: Charge a fee" in text and "150.50 kr" in text
    assert "The person’s requests" in text
    assert not window.decision_action.isEnabled()


# --- intake on a timer -------------------------------------------------------------------

@pytest.fixture
def timed_window(qtbot: QtBot, small_portal: Path, app_paths: AppPaths,
                 tmp_path: Path) -> Iterator[tuple[MainWindow, Path]]:
    portal = tmp_path / "portal-copy.sqlite3"
    shutil.copy(small_portal, portal)
    runner = TaskRunner()
    connect = partial(open_context, app_paths, portal=str(portal), datamap=DEMO_MAP_FILE)
    win = MainWindow(runner, connect, show_error_dialogs=False, intake_interval_ms=150)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.queue_loaded, timeout=60_000):
        win.start()
    yield win, portal
    win.close()


def test_timer_imports_new_requests_once(timed_window: tuple[MainWindow, Path],
                                         qtbot: QtBot) -> None:
    win, portal = timed_window
    assert win.intake_timer.isActive()
    before = win.model.rowCount()
    engine = make_engine(parse_target(portal))
    try:
        with engine.begin() as conn:
            next_id = (conn.scalar(select(func.max(demo.incoming_requests.c.id))) or 0) + 1
            conn.execute(insert(demo.incoming_requests).values(
                id=next_id, reference="MS-2099-999999", submitted_at=datetime.now() - timedelta(
                    hours=1), request_type="access", customer_id=None, personnummer=None,
                email="ny@example.invalid", phone=None, message=None))
    finally:
        engine.dispose()
    qtbot.waitUntil(lambda: win.model.rowCount() == before + 1, timeout=20_000)
    # Later ticks find nothing new: the timer never imports the same request twice.
    for _ in range(2):
        with qtbot.waitSignal(win.intake_done, timeout=20_000) as blocker:
            pass
        assert blocker.args == [0]
    assert win.model.rowCount() == before + 1
    assert win.ctx is not None
    with win.ctx.case_store.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Case).where(
            Case.source_ref == "portal:MS-2099-999999")) == 1
    open_rows = [win.model.row_at(i) for i in range(win.model.rowCount())]
    assert sum(r.status in OPEN_STATUSES for r in open_rows) >= 1
    assert CaseStatus.RECEIVED in {r.status for r in open_rows}
