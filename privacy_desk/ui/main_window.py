"""The main window: the request queue, a case's details, and where we are connected."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from privacy_desk import APP_NAME
from privacy_desk.bootstrap import AppContext
from privacy_desk.casestore.intake import ImportResult
from privacy_desk.casestore.queries import CaseDetail, QueueRow, case_detail, list_queue
from privacy_desk.domain.deadlines import Urgency
from privacy_desk.errors import UserError
from privacy_desk.ui.labels import channel_label, event_label, request_type_label, status_label
from privacy_desk.ui.queue_filter import QueueFilterProxy
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col, QueueModel
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueueSnapshot:
    """What one refresh brings back from the worker thread."""

    rows: list[QueueRow]
    imported: ImportResult
    today: date


def load_queue(ctx: AppContext) -> QueueSnapshot:
    """Import new portal requests, then read the queue. Runs on the worker thread."""
    imported = ctx.import_requests()
    return QueueSnapshot(list_queue(ctx.case_store), imported, date.today())


def describe_error(exc: BaseException) -> tuple[str, str]:
    """A message and a hint for the person, never a traceback."""
    if isinstance(exc, UserError):
        return exc.message, exc.hint
    log.error("Unexpected error in a background task", exc_info=exc)
    return (
        QCoreApplication.translate(
            "MainWindow", "Something unexpected went wrong ({name})."
        ).format(name=type(exc).__name__),
        QCoreApplication.translate(
            "MainWindow", "Nothing was changed. The details are in the log file."
        ),
    )


class MainWindow(QMainWindow):
    """The queue on the left, the selected case on the right, connections at the bottom."""

    #: Emitted with the number of cases once the queue has been loaded.
    queue_loaded = Signal(int)
    #: Emitted with a message when connecting or loading failed.
    load_failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        connect: Callable[[], AppContext],
        *,
        show_error_dialogs: bool = True,
    ) -> None:
        super().__init__()
        self._runner = runner
        self._connect = connect
        self._show_error_dialogs = show_error_dialogs
        self.ctx: AppContext | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 720)

        self.model = QueueModel(parent=self)
        self.proxy = QueueFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("queueFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by case number or person…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)

        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Col.DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = QTextBrowser()
        self.detail.setObjectName("caseDetail")
        self.detail.setOpenLinks(False)
        self._set_detail_placeholder()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)

        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setObjectName("refreshAction")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.refresh_action.setEnabled(False)
        find_action = QAction(self.tr("Filter"), self)
        find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find_action.triggered.connect(self.filter_edit.setFocus)
        toolbar = QToolBar(self.tr("Queue"))
        toolbar.setObjectName("queueToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.refresh_action)
        self.addAction(find_action)
        self.addToolBar(toolbar)

        self.portal_label = QLabel(self.tr("Portal: connecting…"))
        self.portal_label.setObjectName("portalLabel")
        self.store_label = QLabel(self.tr("Case store: connecting…"))
        self.store_label.setObjectName("storeLabel")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        bar = self.statusBar()
        bar.addWidget(self.counts_label, 1)
        bar.addPermanentWidget(self.portal_label)
        bar.addPermanentWidget(self.store_label)

    # --- start-up -----------------------------------------------------------------------
    def start(self) -> None:
        """Connect (on the worker thread), then load the queue."""
        self.statusBar().showMessage(self.tr("Connecting to the portal and case store…"))
        self._runner.submit(self._connect, self._on_connected, self._on_load_error, name="connect")

    @Slot()
    def refresh(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        self.refresh_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Loading the queue…"))
        self._runner.submit(
            lambda: load_queue(ctx), self._on_queue, self._on_load_error, name="load_queue"
        )

    def _on_connected(self, ctx: AppContext) -> None:
        self.ctx = ctx
        demo = self.tr(" (demo)") if ctx.demo else ""
        self.portal_label.setText(self.tr("Portal: {url}").format(url=ctx.portal_label) + demo)
        self.store_label.setText(self.tr("Case store: {url}").format(url=ctx.case_store_label))
        self.refresh()

    def _on_queue(self, snap: QueueSnapshot) -> None:
        self.model.set_rows(snap.rows, today=snap.today)
        self.table.resizeColumnsToContents()
        self.refresh_action.setEnabled(True)
        self._update_counts()
        self.statusBar().showMessage(
            self.tr("{new} new request(s) imported from the portal.").format(
                new=snap.imported.imported
            ),
            10_000,
        )
        self.queue_loaded.emit(len(snap.rows))

    def _on_load_error(self, exc: BaseException) -> None:
        message, hint = describe_error(exc)
        self.refresh_action.setEnabled(self.ctx is not None)
        self.statusBar().showMessage(message)
        self.load_failed.emit(f"{message} {hint}".strip())
        if self._show_error_dialogs:
            box = QMessageBox(
                QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self
            )
            box.setInformativeText(hint)
            box.open()

    def _update_counts(self) -> None:
        rows = [self.model.row_at(i) for i in range(self.model.rowCount())]
        open_rows = [r for r in rows if self.model.is_open(r)]
        week_end = self.model.today + timedelta(days=7)
        due_week = sum(1 for r in open_rows if self.model.today <= r.due_on <= week_end)
        overdue = sum(1 for r in open_rows if self.model.urgency_of(r) == Urgency.OVERDUE)
        self.counts_label.setText(
            self.tr("Open: {open} · Due within 7 days: {week} · Overdue: {late}").format(
                open=len(open_rows), week=due_week, late=overdue
            )
        )

    # --- the detail pane -------------------------------------------------------------
    def _set_detail_placeholder(self) -> None:
        self.detail.setHtml(f"<p><i>{html.escape(self.tr('Select a case in the queue.'))}</i></p>")

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self.ctx is None:
            self._set_detail_placeholder()
            return
        case_id = self.proxy.data(indexes[0], CASE_ID_ROLE)
        ctx = self.ctx
        self.detail.setHtml(f"<p><i>{html.escape(self.tr('Loading…'))}</i></p>")
        self._runner.submit(
            lambda: case_detail(ctx.case_store, case_id),
            self._show_detail,
            self._on_detail_error,
            name="case_detail",
        )

    def _on_detail_error(self, exc: BaseException) -> None:
        message, hint = describe_error(exc)
        self.detail.setHtml(f"<p><b>{html.escape(message)}</b></p><p>{html.escape(hint)}</p>")

    def _show_detail(self, detail: CaseDetail) -> None:
        current = self.table.currentIndex()
        if current.isValid() and self.proxy.data(current, CASE_ID_ROLE) != detail.case_id:
            return  # the officer has moved on to another case meanwhile
        self.detail.setHtml(render_case_html(detail))

    def current_case_id(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        return self.proxy.data(index, CASE_ID_ROLE) if index.isValid() else None

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.shutdown()
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        super().closeEvent(event)


def render_case_html(detail: CaseDetail) -> str:
    """The detail pane's content; every value escaped."""
    e = html.escape
    due = detail.effective_due_on.isoformat()
    if detail.extended_due_on:
        due += " " + QCoreApplication.translate("CaseDetail", "(extended)")
    fields = [
        (QCoreApplication.translate("CaseDetail", "Type"), request_type_label(detail.request_type)),
        (QCoreApplication.translate("CaseDetail", "Status"), status_label(detail.status)),
        (QCoreApplication.translate("CaseDetail", "Received"), detail.received_on.isoformat()),
        (QCoreApplication.translate("CaseDetail", "Due"), due),
        (QCoreApplication.translate("CaseDetail", "Channel"), channel_label(detail.channel)),
        (QCoreApplication.translate("CaseDetail", "Reference"), detail.source_ref or ""),
        (QCoreApplication.translate("CaseDetail", "Person"), detail.person_label),
        (
            QCoreApplication.translate("CaseDetail", "Assignee"),
            detail.assignee or QCoreApplication.translate("CaseDetail", "(nobody)"),
        ),
    ]
    events_title = QCoreApplication.translate("CaseDetail", "Events")
    parts = [f"<h2>{e(detail.case_number)}</h2><table>"]
    parts += [f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in fields]
    parts.append(f"</table><h3>{e(events_title)}</h3><table cellspacing='4'>")
    for ev in detail.events:
        parts.append(
            f"<tr><td>{e(ev.at.strftime('%Y-%m-%d %H:%M'))}</td><td>{e(ev.actor)}</td>"
            f"<td>{e(event_label(ev.kind))}</td><td>{e(ev.note or '')}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)
