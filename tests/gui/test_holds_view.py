"""The "Holds that have ended" tab: invoices an executed erasure had to keep show up once
their Bokföringslagen hold is over, and "Plan erasure" opens the Erasure tab on a plan
that erases them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.portal.erasure import Action
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import open_context
from privacy_desk.services.erasure import (
    COMMITTED,
    DRAFT,
    approve_plan,
    create_plan,
    erasure_subject,
    execute,
)
from privacy_desk.services.queue import case_detail
from privacy_desk.services.roles import Role, add_officer, set_roles
from privacy_desk.ui.erasure_panel import PLAN_ROLE
from privacy_desk.ui.holds_view import CASE_ROLE
from privacy_desk.ui.main_window import MainWindow
from privacy_desk.ui.tasks import TaskRunner
from tests.gui.conftest import AS_OF, DEMO_MAP_FILE

pytestmark = pytest.mark.gui

APPROVER = "bertil"
#: Long after any hold of the demo portal's invoices (they end 1 January, year + 8).
FAR_FUTURE = date(2045, 1, 1)


@pytest.fixture
def window(qtbot: QtBot, small_portal: Path, app_paths: AppPaths,
           tmp_path: Path) -> Iterator[MainWindow]:
    """The main window on its own copy of the portal (the test erases from it)."""
    portal = tmp_path / "portal.sqlite3"
    shutil.copyfile(small_portal, portal)
    runner = TaskRunner()
    connect = partial(open_context, app_paths, portal=str(portal), datamap=DEMO_MAP_FILE)
    win = MainWindow(runner, connect, show_error_dialogs=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.queue_loaded, timeout=60_000):
        win.start()
    yield win
    win.close()


def _customer(portal: Path) -> str:
    """The personnummer of a private customer with the most invoices (recent ones held)."""
    engine = create_engine(f"sqlite:///{portal}")
    try:
        with engine.connect() as conn:
            return str(conn.execute(text(
                "SELECT c.personnummer FROM customers c JOIN invoices i "
                "ON i.customer_id = c.id WHERE c.kind = 'private' AND c.personnummer IS NOT NULL "
                "GROUP BY c.id, c.personnummer ORDER BY count(*) DESC, c.id LIMIT 1")).scalar_one())
    finally:
        engine.dispose()


def _executed_erasure(win: MainWindow, portal: Path) -> tuple[int, int]:
    """An erasure planned, approved by a second officer and executed on AS_OF.

    Returns the case id and how many invoices it had to keep.
    """
    ctx = win.ctx
    assert ctx is not None
    store = ctx.case_store
    set_roles(store, ctx.officer, [Role.OFFICER, Role.APPROVER], actor=ctx.officer)
    add_officer(store, APPROVER, [Role.APPROVER], actor=ctx.officer)
    d = register_case(store, request_type=RequestType.ERASURE, channel=Channel.PAPER,
                      received_on=date(2026, 11, 2), person_label="Testperson",
                      identifiers=[(None, _customer(portal))], today=AS_OF)
    d = verify_identity(store, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                        evidence="signed letter", verified_on=date(2026, 11, 3),
                        expected_version=d.version, today=AS_OF)
    transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor=store.actor,
                    reason=None, expected_version=d.version, today=AS_OF)
    found = erasure_subject(store, ctx.portal, ctx.datamap, d.case_id)
    plan = create_plan(store, ctx.portal, ctx.datamap, d.case_id, found.candidates[0],
                       actor=ctx.officer, today=AS_OF)
    held = [r for r in plan.plan.held if r.table == "invoices"]
    assert held, "the demo customer has invoices still under Bokföringslagen's hold"
    approve_plan(store, plan.id, expected_sha256=plan.sha256, actor=APPROVER)
    result = execute(store, ctx.portal_writer, ctx.datamap, plan.id, actor=ctx.officer,
                     today=AS_OF)
    assert result.view.state == COMMITTED
    return d.case_id, len(held)


def _click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ended_holds_are_listed_and_planned_for_erasure(window: MainWindow, qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    case_id, held = _executed_erasure(window, tmp_path / "portal.sqlite3")
    view, panel = window.holds_view, window.erasure_panel
    assert window.tabs.tabText(window.holds_tab) == "Holds that have ended"

    # On the day of the erasure the invoices are still held: nothing is listed.
    view.today = AS_OF
    with qtbot.waitSignal(view.loaded, timeout=30_000) as shown:
        window.tabs.setCurrentIndex(window.holds_tab)  # opening the tab loads it
    assert shown.args == [0] and view.table.rowCount() == 0
    assert not view.plan_button.isEnabled()

    # Years later the holds have ended: one line for the case's invoices.
    view.today = FAR_FUTURE
    with qtbot.waitSignal(view.loaded, timeout=30_000) as shown:
        _click(qtbot, view.refresh_button)
    assert shown.args == [1] and view.table.rowCount() == 1
    cells = [_cell(window, 0, c).text() for c in range(view.table.columnCount())]
    assert window.ctx is not None
    number = case_detail(window.ctx.case_store, case_id).case_number
    assert cells[0] == number
    assert _cell(window, 0, 0).data(CASE_ROLE) == case_id
    assert cells[1] == "invoices" and int(cells[2]) == held
    assert "Bokföringslagen" in cells[3]
    group = view.groups[0]
    assert group.last_end <= FAR_FUTURE and group.last_end.isoformat() in cells[4]

    # Plan erasure: a new draft that erases exactly those invoices, shown in the Erasure tab.
    assert not view.plan_button.isEnabled()  # nothing selected yet
    view.table.selectRow(0)
    assert view.plan_button.isEnabled()
    with qtbot.waitSignal(panel.plan_shown, timeout=60_000), \
            qtbot.waitSignal(view.plan_ready, timeout=60_000) as ready:
        _click(qtbot, view.plan_button)
    assert ready.args == [case_id]
    assert window.tabs.currentIndex() == window.erasure_tab
    plan = panel.plan
    assert plan is not None and plan.case_id == case_id and plan.state == DRAFT
    assert plan.case_number == number
    deleted = plan.plan.by_action(Action.DELETE)
    assert {r.table for r in deleted} == {"invoices"} and len(deleted) == held
    assert not plan.plan.held
    assert int(_plan_item(window, "invoices").text(1)) == held


def _cell(window: MainWindow, row: int, col: int) -> QTableWidgetItem:
    item = window.holds_view.table.item(row, col)
    assert item is not None
    return item


def _plan_item(window: MainWindow, table: str) -> QTreeWidgetItem:
    """The Erasure tab's plan line for ``table`` (under its category)."""
    tree = window.erasure_panel.plan_tree
    for i in range(tree.topLevelItemCount()):
        category = tree.topLevelItem(i)
        assert category is not None
        for j in range(category.childCount()):
            item = category.child(j)
            target = item.data(0, PLAN_ROLE) if item is not None else None
            if item is not None and isinstance(target, tuple) and target[1] == table:
                return item
    raise AssertionError(f"no {table} in the plan tree")
