"""Holds that have ended: data an erasure had to keep (e.g. invoices under Bokföringslagen)
whose legal hold is now over, so it must be erased too.

The list comes from :func:`privacy_desk.services.erasure.holds_ending`; "Plan erasure" calls
:func:`privacy_desk.services.erasure.plan_hold_release`, which only makes a draft plan: the data
is erased through the same plan → approve → execute path (and four-eyes rule) as any
erasure, in the Erasure tab, which the main window opens on :attr:`HoldsView.plan_ready`.
Every database call runs on the :class:`TaskRunner` worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.services.context import AppContext
from privacy_desk.services.erasure import HoldEnding, PlanView, holds_ending, plan_hold_release
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# The case id of a table row (on its first cell).
CASE_ROLE = Qt.ItemDataRole.UserRole + 40


@dataclass(frozen=True)
class HoldGroup:
    """The ended holds of one case, table and law: what one line of the list shows."""

    case_id: int
    case_number: str
    table: str
    law: str
    rows: int
    first_end: date
    last_end: date


def group_holds(holds: list[HoldEnding]) -> list[HoldGroup]:
    """One line per case, table and law (a person's 40 invoices are one line, not 40)."""
    groups: dict[tuple[int, str, str, str], list[date]] = {}
    for h in holds:
        groups.setdefault((h.case_id, h.case_number, h.table, h.law), []).append(h.ends_on)
    out = [HoldGroup(cid, number, table, law, len(ends), min(ends), max(ends))
           for (cid, number, table, law), ends in groups.items()]
    return sorted(out, key=lambda g: (g.first_end, g.case_number, g.table, g.law))


class HoldsView(QWidget):
    """Ended holds, one line per case/table/law, and a button to plan their erasure.

    ``today`` (default: the Stockholm date when the query runs) is the day the holds are
    judged against, for the list and for the plan alike, so a test or a look ahead can
    pass a later day.
    """

    # Emitted with the number of lines once the list is loaded.
    loaded = Signal(int)
    # Emitted with the case id once a plan for its ended holds has been made.
    plan_ready = Signal(int)
    # Emitted with a message when loading or planning failed.
    failed = Signal(str)

    COLUMNS = 5

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None
        self._busy = False
        self._groups: list[HoldGroup] = []
        self.today = today

        intro = QLabel(self.tr(
            "Data an erasure had to keep because a law required it, and whose hold has now "
            "ended. Plan its erasure: it then goes through approval like any erasure."))
        intro.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("holdsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("holdsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Case"), self.tr("Table"), self.tr("Rows"), self.tr("Law"),
            self.tr("Hold ended")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.plan_selected())

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("holdsRefresh")
        self.refresh_button.clicked.connect(self.load)
        self.plan_button = QPushButton(self.tr("Plan erasure"))
        self.plan_button.setObjectName("holdsPlan")
        self.plan_button.clicked.connect(self.plan_selected)

        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- wiring -------------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None) -> None:
        """Work as ``ctx``'s officer from now on (call :meth:`load` to see their list)."""
        self._ctx = ctx
        self._update_buttons()

    @property
    def groups(self) -> list[HoldGroup]:
        return list(self._groups)

    def showEvent(self, event: QShowEvent) -> None:
        # Holds end with the calendar, not with anything done in this window: show them
        # afresh whenever the tab is opened.
        super().showEvent(event)
        if self._ctx is not None and not self._busy:
            self.load()

    def _submit(self, fn: Callable[[], Any], done: Callable[[Any], None], name: str) -> None:
        self._busy = True
        self._update_buttons()

        def finish(result: object) -> None:
            self._busy = False
            done(result)
            self._update_buttons()

        def fail(exc: BaseException) -> None:
            self._busy = False
            text = error_text(exc)
            self.message.setText(text)
            self._update_buttons()
            self.failed.emit(text)

        self._runner.submit(fn, finish, fail, name=name)

    # --- loading ------------------------------------------------------------------------
    @Slot()
    def load(self) -> None:
        """Read the ended holds (in the background) and show them."""
        if self._ctx is None:
            return
        store, officer, today = self._ctx.case_store, self._ctx.officer, self.today
        self.message.setText(self.tr("Looking for holds that have ended…"))
        self._submit(lambda: group_holds(holds_ending(store, today=today, actor=officer)),
                     self._show, "holds_ending")

    def _show(self, groups: list[HoldGroup]) -> None:
        self._groups = groups
        self.table.setRowCount(0)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(groups))
        for row, g in enumerate(groups):
            ends = g.last_end.isoformat() if g.first_end == g.last_end else \
                f"{g.first_end.isoformat()} – {g.last_end.isoformat()}"
            cells = (g.case_number, g.table, str(g.rows), g.law, ends)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(CASE_ROLE, g.case_id)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.message.setText(
            self.tr("No hold has ended: nothing kept by law is due for erasure.")
            if not groups else
            self.tr("Select a line and plan the erasure of that case's data."))
        self.loaded.emit(len(groups))

    # --- planning -----------------------------------------------------------------------
    def selected_case(self) -> int | None:
        items = self.table.selectedItems()
        if not items:
            return None
        case_id = items[0].data(CASE_ROLE)
        return int(case_id) if case_id is not None else None

    @Slot()
    def plan_selected(self) -> None:
        """Plan the erasure of the selected case's ended holds, then hand it on."""
        ctx, case_id = self._ctx, self.selected_case()
        if ctx is None or case_id is None or self._busy:
            return
        today = self.today
        self.message.setText(self.tr("Planning the erasure…"))

        def work() -> PlanView:
            return plan_hold_release(ctx.case_store, ctx.portal, ctx.datamap, case_id,
                                     actor=ctx.officer, today=today)

        def done(view: PlanView) -> None:
            self.message.setText(self.tr(
                "Plan made for case {case}. Review and approve it in the Erasure tab.").format(
                    case=view.case_number))
            self.plan_ready.emit(view.case_id)

        self._submit(work, done, "holds_plan")

    def _update_buttons(self) -> None:
        roles = self._ctx.roles if self._ctx is not None else None
        may_change = roles is None or not roles.read_only
        idle = self._ctx is not None and not self._busy
        self.refresh_button.setEnabled(idle)
        self.plan_button.setEnabled(idle and may_change and bool(self.table.selectedItems()))
