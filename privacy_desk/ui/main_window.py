"""The main window: the request queue, a case's details, and where we are connected.

Every database call runs on the :class:`TaskRunner`'s worker thread; the GUI thread only
builds widgets and applies results, so nothing an officer does (or the intake timer)
freezes the window.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from privacy_desk import APP_NAME
from privacy_desk.clock import stockholm_today
from privacy_desk.domain.allowance import AllowanceDecision
from privacy_desk.domain.deadlines import due_date
from privacy_desk.domain.lifecycle import (
    OPEN_STATUSES,
    TERMINAL_STATUSES,
    CaseStatus,
    allowed_transitions,
)
from privacy_desk.domain.requests import RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.services.attachments import read_attachment
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import (
    claim_case,
    extend_case,
    record_allowance_decision,
    release_case,
    verify_identity,
)
from privacy_desk.services.context import AppContext
from privacy_desk.services.intake import ImportResult
from privacy_desk.services.queue import (
    AllowanceStatus,
    CaseDetail,
    PersonHistory,
    QueueRow,
    allowance_status,
    case_detail,
    list_queue,
    person_history,
)
from privacy_desk.services.roles import Role
from privacy_desk.ui.audit_view import AuditView
from privacy_desk.ui.case_dialogs import (
    CaseDialog,
    DecisionDialog,
    ExtendDialog,
    RegisterDialog,
    StatusDialog,
    VerifyIdentityDialog,
    decision_label,
    identity_method_label,
)
from privacy_desk.ui.connection_dialog import ConnectionDialog
from privacy_desk.ui.erasure_panel import PANEL_TYPES, ErasurePanel
from privacy_desk.ui.errors import describe_error
from privacy_desk.ui.holds_view import HoldsView
from privacy_desk.ui.idle_lock import IdleLock
from privacy_desk.ui.labels import channel_label, event_label, request_type_label, status_label
from privacy_desk.ui.person_search import PersonSearchPanel
from privacy_desk.ui.preview import PreviewPanel
from privacy_desk.ui.queue_filter import UNASSIGNED, QueueFilterProxy
from privacy_desk.ui.queue_model import CASE_ID_ROLE, Col, QueueModel
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Filter combo sentinel: "any value".
_ANY = None
_OPEN = "open"


@dataclass(frozen=True)
class QueueSnapshot:
    """What one refresh brings back from the worker thread."""

    rows: list[QueueRow]
    imported: ImportResult
    today: date


@dataclass(frozen=True)
class CaseView:
    """One case as the detail pane shows it: the case, its allowance, the person's history."""

    detail: CaseDetail
    allowance: AllowanceStatus
    history: PersonHistory


def load_queue(ctx: AppContext) -> QueueSnapshot:
    """Import new portal requests, then read the queue. Runs on the worker thread."""
    imported = ctx.import_requests()
    return QueueSnapshot(list_queue(ctx.case_store), imported, stockholm_today())


def load_case_view(ctx: AppContext, case_id: int) -> CaseView:
    """Everything the detail pane needs, read on the worker thread."""
    store = ctx.case_store
    return CaseView(case_detail(store, case_id), allowance_status(store, case_id),
                    person_history(store, case_id, actor=ctx.officer))


class MainWindow(QMainWindow):
    """The queue on the left, the selected case on the right, connections at the bottom."""

    #: Emitted with the number of cases once the queue has been loaded.
    queue_loaded = Signal(int)
    #: Emitted with a message when connecting or loading failed.
    load_failed = Signal(str)
    # Emitted after each timed intake with the number of new requests.
    intake_done = Signal(int)
    # Emitted with the case id once its details are shown.
    case_shown = Signal(int)
    # Emitted with the case id after an action on a case succeeded.
    action_done = Signal(int)
    # Emitted with a message when an action failed.
    action_failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        connect: Callable[[], AppContext],
        *,
        show_error_dialogs: bool = True,
        intake_interval_ms: int | None = None,
        paths: AppPaths | None = None,
    ) -> None:
        super().__init__()
        self._paths = paths
        self._runner = runner
        self._connect = connect
        self._show_error_dialogs = show_error_dialogs
        self._intake_interval_ms = intake_interval_ms
        self._intake_running = False
        self._loading = False
        self._view: CaseView | None = None
        # The case dialog currently open (tests fill it in), if any.
        self.active_dialog: CaseDialog | None = None
        self.ctx: AppContext | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 760)

        self.model = QueueModel(parent=self)
        self.proxy = QueueFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self._build_filters()
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
        left_layout.addLayout(self._filter_bar)
        left_layout.addWidget(self.table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        # One tab per way of working: the queue, an access case's preview and extract,
        # and a free search for a person (read-only, audited).
        self.preview_panel = PreviewPanel(runner)
        self.preview_panel.setObjectName("previewPanel")
        self.person_panel = PersonSearchPanel(runner)
        self.person_panel.setObjectName("personPanel")
        self.erasure_panel = ErasurePanel(runner)
        self.erasure_panel.setObjectName("erasurePanel")
        self.erasure_panel.case_changed.connect(self._on_case_changed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.queue_tab = self.tabs.addTab(splitter, self.tr("Queue"))
        self.preview_tab = self.tabs.addTab(self.preview_panel, self.tr("Extract"))
        self.erasure_tab = self.tabs.addTab(self.erasure_panel, self.tr("Erasure"))
        # Data kept by law whose hold has ended: planned here, erased in the Erasure tab.
        self.holds_view = HoldsView(runner)
        self.holds_view.setObjectName("holdsView")
        self.holds_view.plan_ready.connect(self.open_erasure_case)
        self.holds_tab = self.tabs.addTab(self.holds_view, self.tr("Holds that have ended"))
        self.person_tab = self.tabs.addTab(self.person_panel, self.tr("Find a person"))
        # Added once connected, for auditors and administrators only.
        self.audit_view: AuditView | None = None
        self._build_menus()
        self.setCentralWidget(self.tabs)
        self.idle_lock: IdleLock | None = None

        self._build_actions()

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

        self.intake_timer = QTimer(self)
        self.intake_timer.setObjectName("intakeTimer")
        self.intake_timer.timeout.connect(self.run_intake)

    # --- building ------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("queueFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by case number or person…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), _ANY)
        self.status_filter.addItem(self.tr("Open"), _OPEN)
        for s in CaseStatus:
            self.status_filter.addItem(status_label(s), s.value)
        self.status_filter.currentIndexChanged.connect(self._status_filter_changed)

        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.addItem(self.tr("All types"), _ANY)
        for t in RequestType:
            self.type_filter.addItem(request_type_label(t), t.value)
        self.type_filter.currentIndexChanged.connect(self._type_filter_changed)

        self.assignee_filter = QComboBox()
        self.assignee_filter.setObjectName("assigneeFilter")
        self.assignee_filter.addItem(self.tr("Anyone"), _ANY)
        self.assignee_filter.addItem(self.tr("Unassigned"), UNASSIGNED)
        self.assignee_filter.currentIndexChanged.connect(self._assignee_filter_changed)

        self.overdue_check = QCheckBox(self.tr("Overdue only"))
        self.overdue_check.setObjectName("overdueOnly")
        self.overdue_check.toggled.connect(self.proxy.set_overdue_only)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.type_filter)
        bar.addWidget(self.assignee_filter)
        bar.addWidget(self.overdue_check)
        self._filter_bar = bar

    def _action(self, text: str, name: str, slot: Callable[[], None],
                shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setEnabled(False)
        return action

    def _build_actions(self) -> None:
        self.refresh_action = self._action(
            self.tr("Refresh"), "refreshAction", self.refresh,
            QKeySequence(QKeySequence.StandardKey.Refresh))
        self.register_action = self._action(
            self.tr("Register request…"), "registerAction", self.open_register_dialog,
            "Ctrl+N")
        self.claim_action = self._action(
            self.tr("Claim"), "claimAction", self.claim_current, "Ctrl+M")
        self.release_action = self._action(
            self.tr("Release"), "releaseAction", self.release_current)
        self.verify_action = self._action(
            self.tr("Verify identity…"), "verifyAction", self.open_verify_dialog, "Ctrl+I")
        self.status_action = self._action(
            self.tr("Change status…"), "statusAction", self.open_status_dialog, "Ctrl+T")
        self.extend_action = self._action(
            self.tr("Extend…"), "extendAction", self.open_extend_dialog, "Ctrl+E")
        self.decision_action = self._action(
            self.tr("Allowance decision…"), "decisionAction", self.open_decision_dialog,
            "Ctrl+D")
        self.preview_action = self._action(
            self.tr("Preview extract"), "previewAction", self.open_preview, "Ctrl+P")
        self.erasure_action = self._action(
            self.tr("Erasure plan…"), "erasureAction", self.open_erasure, "Ctrl+R")
        find_person_action = QAction(self.tr("Find a person"), self)
        find_person_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        find_person_action.triggered.connect(self.open_person_search)
        self.addAction(find_person_action)
        find_action = QAction(self.tr("Filter"), self)
        find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find_action.triggered.connect(self.filter_edit.setFocus)
        self.addAction(find_action)
        toolbar = QToolBar(self.tr("Queue"))
        toolbar.setObjectName("queueToolbar")
        toolbar.setMovable(False)
        for a in (self.refresh_action, self.register_action):
            toolbar.addAction(a)
        toolbar.addSeparator()
        for a in (self.claim_action, self.release_action, self.verify_action,
                  self.status_action, self.extend_action, self.decision_action):
            toolbar.addAction(a)
        toolbar.addSeparator()
        toolbar.addAction(self.preview_action)
        toolbar.addAction(self.erasure_action)
        self.addToolBar(toolbar)

    # --- filters ---------------------------------------------------------------------------
    @Slot()
    def _status_filter_changed(self) -> None:
        value = self.status_filter.currentData()
        if value is _ANY:
            self.proxy.set_statuses(None)
        elif value == _OPEN:
            self.proxy.set_statuses(OPEN_STATUSES)
        else:
            self.proxy.set_statuses({CaseStatus(value)})

    @Slot()
    def _type_filter_changed(self) -> None:
        value = self.type_filter.currentData()
        self.proxy.set_request_type(None if value is _ANY else RequestType(value))

    @Slot()
    def _assignee_filter_changed(self) -> None:
        self.proxy.set_assignee(self.assignee_filter.currentData())

    def _refresh_assignees(self) -> None:
        current = self.assignee_filter.currentData()
        names = self.model.assignees()
        if self.ctx is not None and self.ctx.officer not in names:
            names.append(self.ctx.officer)
        self.assignee_filter.blockSignals(True)
        while self.assignee_filter.count() > 2:
            self.assignee_filter.removeItem(2)
        for name in names:
            self.assignee_filter.addItem(name, name)
        index = self.assignee_filter.findData(current)
        self.assignee_filter.setCurrentIndex(max(index, 0))
        self.assignee_filter.blockSignals(False)
        self._assignee_filter_changed()

    # --- start-up and loading -------------------------------------------------------------
    def start(self) -> None:
        """Connect (on the worker thread), then load the queue."""
        self.statusBar().showMessage(self.tr("Connecting to the portal and case store…"))
        connect = self._connect
        self._runner.submit(connect, self._on_connected,
                            self._on_load_error, name="connect")

    @Slot()
    def refresh(self) -> None:
        if self.ctx is None or self._loading:
            return
        ctx = self.ctx
        self._loading = True
        self.refresh_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Loading the queue…"))
        self._runner.submit(
            lambda: load_queue(ctx), self._on_queue, self._on_load_error, name="load_queue"
        )

    @Slot()
    def run_intake(self) -> None:
        """Import new portal requests (timer or on demand); reload the list only if any came."""
        if self.ctx is None or self._intake_running or self._loading:
            return
        ctx = self.ctx
        self._intake_running = True

        def work() -> tuple[ImportResult, list[QueueRow] | None]:
            result = ctx.import_requests()
            return result, (list_queue(ctx.case_store) if result.imported else None)

        self._runner.submit(work, self._on_intake, self._on_intake_error, name="intake")

    def _on_intake(self, outcome: tuple[ImportResult, list[QueueRow] | None]) -> None:
        self._intake_running = False
        result, rows = outcome
        if rows is not None:
            self._set_rows(rows, stockholm_today())
            self.statusBar().showMessage(
                self.tr("{new} new request(s) imported from the portal.").format(
                    new=result.imported), 10_000)
        self.intake_done.emit(result.imported)

    def _on_intake_error(self, exc: BaseException) -> None:
        self._intake_running = False
        message, _hint = describe_error(exc)
        # A timer must not pop up dialogs every few minutes; the status bar says it.
        self.statusBar().showMessage(self.tr("Import failed: {message}").format(message=message))
        self.intake_done.emit(-1)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.connections_action = QAction(self.tr("Connections…"), self)
        self.connections_action.setObjectName("connectionsAction")
        self.connections_action.triggered.connect(self.open_connections)
        self.connections_action.setEnabled(self._paths is not None)
        file_menu.addAction(self.connections_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    @Slot()
    def open_connections(self) -> ConnectionDialog | None:
        """Connection profiles; passwords go to the OS keyring, never to a file."""
        paths = self.ctx.paths if self.ctx is not None else self._paths
        if paths is None:
            return None
        dialog = ConnectionDialog(self._runner, paths, ctx=self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _add_audit_tab(self, ctx: AppContext) -> None:
        roles = ctx.roles
        if self.audit_view is not None or roles is None:
            return
        if not (roles.admin or roles.has(Role.AUDITOR)):
            return
        self.audit_view = AuditView(self._runner, ctx.case_store, ctx.officer)
        self.audit_view.setObjectName("auditView")
        self.audit_tab = self.tabs.addTab(self.audit_view, self.tr("Audit trail"))
        self.audit_view.load()

    def _on_connected(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.connections_action.setEnabled(True)
        self._add_audit_tab(ctx)
        self.preview_panel.set_context(ctx)
        self.person_panel.set_context(ctx)
        self.erasure_panel.set_context(ctx)
        self.holds_view.set_context(ctx)
        if self.idle_lock is None:
            self.idle_lock = IdleLock(self, minutes=ctx.settings.idle_lock_minutes)
        demo = self.tr(" (demo)") if ctx.demo else ""
        self.portal_label.setText(self.tr("Portal: {url}").format(url=ctx.portal_label) + demo)
        self.store_label.setText(self.tr("Case store: {url}").format(url=ctx.case_store_label))
        self.register_action.setEnabled(self._may_change())
        interval = self._intake_interval_ms
        if interval is None:
            interval = ctx.queue.intake_interval_seconds * 1000
        if interval > 0:
            self.intake_timer.start(interval)
        self.refresh()

    def _set_rows(self, rows: list[QueueRow], today: date) -> None:
        keep = self.current_case_id()
        self.model.set_rows(rows, today=today)
        self._refresh_assignees()
        self._update_counts()
        if keep is not None:
            self.select_case(keep)

    def _on_queue(self, snap: QueueSnapshot) -> None:
        self._loading = False
        first = self.model.rowCount() == 0
        self._set_rows(snap.rows, snap.today)
        if first:
            self.table.resizeColumnsToContents()
        self.refresh_action.setEnabled(True)
        self.statusBar().showMessage(
            self.tr("{new} new request(s) imported from the portal.").format(
                new=snap.imported.imported
            ),
            10_000,
        )
        self.queue_loaded.emit(len(snap.rows))

    def _on_load_error(self, exc: BaseException) -> None:
        self._loading = False
        message, hint = describe_error(exc)
        self.refresh_action.setEnabled(self.ctx is not None)
        self.statusBar().showMessage(message)
        self.load_failed.emit(f"{message} {hint}".strip())
        self._error_box(message, hint)

    def _error_box(self, message: str, hint: str) -> None:
        if self._show_error_dialogs:
            box = QMessageBox(
                QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self
            )
            box.setInformativeText(hint)
            box.open()

    def _update_counts(self) -> None:
        today = self.model.today
        week_end = today + timedelta(days=7)
        open_count = due_week = overdue = 0
        for i in range(self.model.rowCount()):
            r = self.model.row_at(i)
            if r.status not in OPEN_STATUSES:
                continue
            open_count += 1
            if today <= r.due_on <= week_end:
                due_week += 1
            elif r.due_on < today:
                overdue += 1
        self.counts_label.setText(
            self.tr("Open: {open} · Due within 7 days: {week} · Overdue: {late}").format(
                open=open_count, week=due_week, late=overdue
            )
        )

    # --- selection and the detail pane --------------------------------------------------
    def _set_detail_placeholder(self) -> None:
        self.detail.setHtml(f"<p><i>{html.escape(self.tr('Select a case in the queue.'))}</i></p>")

    def select_case(self, case_id: int) -> bool:
        """Make ``case_id`` the current row (if it is loaded and passes the filters)."""
        pos = self.model.position_of(case_id)
        if pos is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(pos, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self.ctx is None:
            self._view = None
            self._update_case_actions()
            self._set_detail_placeholder()
            return
        case_id = self.proxy.data(indexes[0], CASE_ID_ROLE)
        if self._view is not None and self._view.detail.case_id == case_id:
            return
        self._view = None
        self._update_case_actions()
        self.detail.setHtml(f"<p><i>{html.escape(self.tr('Loading…'))}</i></p>")
        self._load_view(case_id)

    def _load_view(self, case_id: int) -> None:
        ctx = self.ctx
        assert ctx is not None
        self._runner.submit(lambda: load_case_view(ctx, case_id), self._show_view,
                            self._on_detail_error, name="case_detail")

    def _on_detail_error(self, exc: BaseException) -> None:
        message, hint = describe_error(exc)
        self.detail.setHtml(f"<p><b>{html.escape(message)}</b></p><p>{html.escape(hint)}</p>")

    def _show_view(self, view: CaseView) -> None:
        current = self.current_case_id()
        if current is not None and current != view.detail.case_id:
            return  # the officer has moved on to another case meanwhile
        self._view = view
        self.model.put_row(view.detail.as_queue_row())
        self._update_counts()
        self.detail.setHtml(render_case_html(view))
        self._update_case_actions()
        self.case_shown.emit(view.detail.case_id)

    def _update_case_actions(self) -> None:
        view, ctx = self._view, self.ctx
        d = view.detail if view else None
        # An auditor's window offers no changes; the services refuse them anyway.
        if not self._may_change():
            d = None
        is_open = d is not None and d.status not in TERMINAL_STATUSES
        self.claim_action.setEnabled(is_open and d is not None and d.assignee is None)
        self.release_action.setEnabled(
            d is not None and ctx is not None and d.assignee == ctx.officer)
        self.verify_action.setEnabled(is_open)
        self.status_action.setEnabled(d is not None and bool(allowed_transitions(d.status)))
        self.extend_action.setEnabled(
            d is not None and CaseStatus.EXTENDED in allowed_transitions(d.status))
        self.decision_action.setEnabled(
            view is not None and view.allowance.needs_decision and is_open)
        self.preview_action.setEnabled(d is not None and d.request_type.discloses_data)
        self.erasure_action.setEnabled(d is not None and d.request_type in PANEL_TYPES)

    def _may_change(self) -> bool:
        roles = self.ctx.roles if self.ctx is not None else None
        return roles is None or not roles.read_only

    def current_case_id(self) -> int | None:
        index: QModelIndex = self.table.currentIndex()
        return self.proxy.data(index, CASE_ID_ROLE) if index.isValid() else None

    @property
    def current_view(self) -> CaseView | None:
        return self._view

    # --- actions ---------------------------------------------------------------------------
    def _run_action(self, fn: Callable[[], Any], *, dialog: CaseDialog | None = None,
                    name: str) -> None:
        """Run a service on the worker; show the case afresh, or the error where it belongs."""
        ctx = self.ctx
        assert ctx is not None

        def work() -> CaseView:
            result = fn()
            detail = result if isinstance(result, CaseDetail) else result.detail
            return load_case_view(ctx, detail.case_id)

        def done(view: CaseView) -> None:
            if dialog is not None:
                dialog.succeed()
            self.model.put_row(view.detail.as_queue_row())
            self._refresh_assignees()
            self._update_counts()
            if self.current_case_id() != view.detail.case_id:
                self.select_case(view.detail.case_id)
            self._view = None
            self._show_view(view)
            self.action_done.emit(view.detail.case_id)

        def failed(exc: BaseException) -> None:
            message, hint = describe_error(exc)
            text = f"{message} {hint}".strip()
            if dialog is not None:
                dialog.fail(text)
            else:
                self.statusBar().showMessage(message, 15_000)
                self._error_box(message, hint)
            self.action_failed.emit(text)

        self._runner.submit(work, done, failed, name=name)

    def _open(self, dialog: CaseDialog, submit: Callable[[], None]) -> None:
        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        # Keyboard shortcuts go to the active window: hand it back to the queue.
        dialog.finished.connect(self.activateWindow)
        dialog.finished.connect(self.table.setFocus)
        self.active_dialog = dialog
        dialog.open()

    @Slot()
    def claim_current(self) -> None:
        if self._view is None or self.ctx is None:
            return
        ctx, case_id = self.ctx, self._view.detail.case_id
        self._run_action(lambda: claim_case(ctx.case_store, case_id, officer=ctx.officer),
                         name="claim")

    @Slot()
    def release_current(self) -> None:
        if self._view is None or self.ctx is None:
            return
        ctx, case_id = self.ctx, self._view.detail.case_id
        self._run_action(lambda: release_case(ctx.case_store, case_id, officer=ctx.officer),
                         name="release")

    @Slot()
    def open_register_dialog(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        dialog = RegisterDialog(stockholm_today(), self)

        def submit() -> None:
            v = dialog.values()

            def work() -> CaseDetail:
                files = [read_attachment(p) for p in v.attachment_paths]
                return register_case(
                    ctx.case_store, request_type=v.request_type, channel=v.channel,
                    received_on=v.received_on, person_label=v.person_label,
                    identifiers=v.identifiers, attachments=files, actor=ctx.officer,
                    note=v.note.strip() or None)

            self._run_action(work, dialog=dialog, name="register")

        self._open(dialog, submit)

    @Slot()
    def open_verify_dialog(self) -> None:
        if self._view is None or self.ctx is None:
            return
        ctx, d = self.ctx, self._view.detail
        dialog = VerifyIdentityDialog(d.case_number, stockholm_today(), self)

        def submit() -> None:
            method, evidence, on = dialog.values()
            self._run_action(lambda: verify_identity(
                ctx.case_store, d.case_id, method=method, evidence=evidence, verified_on=on,
                actor=ctx.officer, expected_version=d.version), dialog=dialog, name="verify")

        self._open(dialog, submit)

    @Slot()
    def open_status_dialog(self) -> None:
        if self._view is None or self.ctx is None:
            return
        ctx, d = self.ctx, self._view.detail
        # Extending has its own dialog (it needs the day the person was told).
        targets = [s for s in CaseStatus
                   if s in allowed_transitions(d.status) and s is not CaseStatus.EXTENDED]
        dialog = StatusDialog(d.case_number, targets, self)

        def submit() -> None:
            target, reason = dialog.values()
            self._run_action(lambda: transition_case(
                ctx.case_store, d.case_id, target, actor=ctx.officer, reason=reason,
                expected_version=d.version), dialog=dialog, name="transition")

        self._open(dialog, submit)

    @Slot()
    def open_extend_dialog(self) -> None:
        if self._view is None or self.ctx is None:
            return
        ctx, d = self.ctx, self._view.detail
        dialog = ExtendDialog(d.case_number, due_date(d.received_on), stockholm_today(), self)

        def submit() -> None:
            reason, told_on = dialog.values()
            self._run_action(lambda: extend_case(
                ctx.case_store, d.case_id, reason=reason, told_on=told_on, actor=ctx.officer,
                expected_version=d.version), dialog=dialog, name="extend")

        self._open(dialog, submit)

    @Slot()
    def open_decision_dialog(self) -> None:
        if self._view is None or self.ctx is None:
            return
        ctx, view = self.ctx, self._view
        d = view.detail
        dialog = DecisionDialog(d.case_number, view.allowance, self)

        def submit() -> None:
            kind, reason, fee = dialog.values()

            def work() -> CaseDetail:
                # The domain reads a typed amount exactly ("150,50" too) and explains
                # a bad one; it is declared Decimal for callers that already have one.
                decision = AllowanceDecision(kind, reason, fee)  # type: ignore[arg-type]
                return record_allowance_decision(
                    ctx.case_store, d.case_id, decision,
                    actor=ctx.officer, expected_version=d.version)

            self._run_action(work, dialog=dialog, name="decision")

        self._open(dialog, submit)

    @Slot()
    def open_preview(self) -> None:
        """Show the selected case's person and their data, ready to withhold and export."""
        case_id = self.current_case_id()
        if case_id is None:
            return
        self.tabs.setCurrentIndex(self.preview_tab)
        self.preview_panel.load_case(case_id)

    @Slot()
    def open_erasure(self) -> None:
        """Plan, approve and execute the selected case's erasure (or rectify, or withdraw)."""
        case_id = self.current_case_id()
        if case_id is None:
            return
        self.tabs.setCurrentIndex(self.erasure_tab)
        self.erasure_panel.load_case(case_id)

    @Slot(int)
    def open_erasure_case(self, case_id: int) -> None:
        """Open the Erasure tab on ``case_id`` (it need not be in the queue's selection)."""
        self.tabs.setCurrentIndex(self.erasure_tab)
        self.erasure_panel.load_case(case_id)

    @Slot(int)
    def _on_case_changed(self, case_id: int) -> None:
        """The panel recorded something on a case: show it afresh if it is the selected one."""
        if self.ctx is not None and self.current_case_id() == case_id:
            self._load_view(case_id)

    @Slot()
    def open_person_search(self) -> None:
        self.tabs.setCurrentIndex(self.person_tab)
        self.person_panel.search_edit.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.intake_timer.stop()
        self._runner.shutdown()
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        super().closeEvent(event)


def render_case_html(view: CaseView) -> str:
    """The detail pane's content; every value escaped."""
    detail, allowance, history = view.detail, view.allowance, view.history
    e = html.escape
    due = detail.effective_due_on.isoformat()
    if detail.extended_due_on:
        due += " " + QCoreApplication.translate("CaseDetail", "(extended)")
    if detail.identity_verified_on:
        last = detail.verifications[-1] if detail.verifications else None
        identity = QCoreApplication.translate("CaseDetail", "Verified {day}").format(
            day=detail.identity_verified_on.isoformat())
        if last is not None:
            identity += f" – {identity_method_label(last.method)} ({last.officer})"
    else:
        identity = QCoreApplication.translate(
            "CaseDetail", "Not verified: no data may be shown or sent")
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
        (QCoreApplication.translate("CaseDetail", "Identity"), identity),
    ]
    if detail.extension_told_on:
        fields.append((QCoreApplication.translate("CaseDetail", "Extension"),
                       QCoreApplication.translate(
                           "CaseDetail", "Person told {day}: {reason}").format(
                           day=detail.extension_told_on.isoformat(),
                           reason=detail.extension_reason or "")))
    if allowance.applies:
        fields.append((QCoreApplication.translate("CaseDetail", "Yearly allowance"),
                       _allowance_text(allowance)))
    if detail.identifiers:
        fields.append((QCoreApplication.translate("CaseDetail", "Identifiers"),
                       ", ".join(f"{k}: {v}" for k, v in detail.identifiers)))
    parts = [f"<h2>{e(detail.case_number)}</h2><table>"]
    parts += [f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in fields]
    parts.append("</table>")
    if detail.attachments:
        parts.append(f"<h3>{e(QCoreApplication.translate('CaseDetail', 'Scans'))}</h3><ul>")
        parts += [f"<li>{e(a.filename)} ({e(a.media_type)}, {a.size_bytes:,} B, "
                  f"SHA-256 {e(a.sha256[:16])}…)</li>" for a in detail.attachments]
        parts.append("</ul>")
    if len(history.entries) > 1:
        title = QCoreApplication.translate("CaseDetail", "The person’s requests")
        parts.append(f"<h3>{e(title)}</h3><table cellspacing='4'>")
        for h in history.entries:
            mark = "▶ " if h.case_id == detail.case_id else ""
            decided = decision_label(h.decision) if h.decision else ""
            if h.fee_sek is not None:
                decided += f" ({h.fee_sek} kr)"
            parts.append(
                f"<tr><td>{mark}{e(h.case_number)}</td><td>{e(h.received_on.isoformat())}</td>"
                f"<td>{e(request_type_label(h.request_type))}</td>"
                f"<td>{e(status_label(h.status))}</td><td>{e(decided)}</td></tr>")
        parts.append("</table>")
    events_title = QCoreApplication.translate("CaseDetail", "Events")
    parts.append(f"<h3>{e(events_title)}</h3><table cellspacing='4'>")
    for ev in detail.events:
        parts.append(
            f"<tr><td>{e(ev.at.strftime('%Y-%m-%d %H:%M'))}</td><td>{e(ev.actor)}</td>"
            f"<td>{e(event_label(ev.kind))}</td><td>{e(ev.note or '')}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _allowance_text(a: AllowanceStatus) -> str:
    if a.decision is not None:
        text = QCoreApplication.translate("CaseDetail", "Decision: {kind} – {reason}").format(
            kind=decision_label(a.decision.kind), reason=a.decision.reason)
        if a.decision.fee_sek is not None:
            text += f" ({a.decision.fee_sek} kr)"
        return text
    if a.free:
        return QCoreApplication.translate(
            "CaseDetail", "Free: {count} earlier extract(s) since {start}").format(
            count=a.extracts_in_period, start=a.period_start.isoformat())
    return QCoreApplication.translate(
        "CaseDetail", "Beyond the allowance ({count} since {start}): a decision is needed"
    ).format(count=a.extracts_in_period, start=a.period_start.isoformat())
