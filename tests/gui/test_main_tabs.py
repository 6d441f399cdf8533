"""The main window's tabs: queue, an access case's extract preview, finding a person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.services.cases import transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.queue import case_detail
from privacy_desk.ui.connection_dialog import ConnectionDialog
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col


def _first_access_row(window: MainWindow) -> int:
    for r in range(window.proxy.rowCount()):
        case_id = window.proxy.index(r, 0).data(CASE_ID_ROLE)
        assert window.ctx is not None
        detail = case_detail(window.ctx.case_store, case_id)
        if detail.request_type == RequestType.ACCESS and detail.status == CaseStatus.RECEIVED:
            return r
    raise AssertionError("the demo queue has an open access request")


def test_ctrl_shift_f_opens_the_person_search(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.tabs.currentIndex() == window.person_tab
    assert window.person_panel.search_button.isEnabled()


def test_preview_of_an_access_case_needs_verified_identity_then_shows_data(
    window: MainWindow, qtbot: QtBot
) -> None:
    row = _first_access_row(window)
    rect = window.table.visualRect(window.proxy.index(row, Col.CASE))
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    # Not offered before the identity is verified; the tooltip says why.
    assert not window.preview_action.isEnabled()
    assert "identity is not verified" in window.preview_action.toolTip()

    # Asked anyway (a stale window, a script), the service refuses the same way.
    with qtbot.waitSignal(window.preview_panel.failed, timeout=20_000) as refused:
        window.open_preview()
    assert window.tabs.currentIndex() == window.preview_tab
    assert "identity" in refused.args[0].lower()
    assert window.preview_panel.tree.topLevelItemCount() == 0

    assert window.ctx is not None
    ctx, case_id = window.ctx, window.current_case_id()
    assert case_id is not None
    d = case_detail(ctx.case_store, case_id)
    d = verify_identity(ctx.case_store, case_id, method="signed_letter",
                        evidence="Signed letter checked against the customer record",
                        actor=ctx.officer, expected_version=d.version)
    transition_case(ctx.case_store, case_id, CaseStatus.IN_PROGRESS, actor=ctx.officer,
                    reason=None, expected_version=d.version)
    with qtbot.waitSignals([window.preview_panel.preview_loaded], timeout=20_000,
                           raising=False) as loaded:
        window.open_preview()
    if not loaded.signal_triggered:  # several candidates: choose the first, as an officer does
        with qtbot.waitSignal(window.preview_panel.preview_loaded, timeout=20_000):
            window.preview_panel._on_candidate(0)
    assert window.preview_panel.tree.topLevelItemCount() > 0


def test_the_administrator_sees_the_audit_trail_tab(window: MainWindow, qtbot: QtBot) -> None:
    # The first officer of a new case store is its administrator.
    assert window.audit_view is not None
    qtbot.waitUntil(lambda: window.audit_view is not None
                    and window.audit_view.model.rowCount() > 0, timeout=20_000)
    assert window.tabs.tabText(window.audit_tab) == "Audit trail"


def test_file_menu_opens_the_connection_profiles(window: MainWindow, qtbot: QtBot) -> None:
    assert window.connections_action.isEnabled()
    window.connections_action.trigger()
    dialog = window.findChild(ConnectionDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
