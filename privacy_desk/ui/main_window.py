"""The main window: it composes the tabs, the menus, the toolbar and the status bar.

The queue and the selected case are :class:`~privacy_desk.ui.queue_tab.QueueTab`, what
an officer does to a case is :class:`~privacy_desk.ui.case_actions.CaseActions`, and
each other way of working is a tab of its own. The window connects once, loads the
queue and runs the timed intake; every database call runs on the :class:`TaskRunner`'s
worker thread, so nothing an officer does (or the intake timer) freezes the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
)

from privacy_desk import APP_NAME
from privacy_desk.clock import stockholm_today
from privacy_desk.paths import AppPaths
from privacy_desk.services.context import AppContext
from privacy_desk.services.intake import ImportResult
from privacy_desk.services.queue import QueueMarks, QueueRow, list_queue, list_queue_marks
from privacy_desk.services.roles import Role
from privacy_desk.ui.audit_view import AuditView
from privacy_desk.ui.case_actions import CaseActions
from privacy_desk.ui.case_detail import CaseView
from privacy_desk.ui.case_dialogs import CaseDialog
from privacy_desk.ui.connection_dialog import ConnectionDialog
from privacy_desk.ui.erasure_panel import ErasurePanel
from privacy_desk.ui.errors import describe_error
from privacy_desk.ui.help import KeyboardHelp, about_text, documentation_url, with_shortcut_tip
from privacy_desk.ui.holds_view import HoldsView
from privacy_desk.ui.idle_lock import IdleLock
from privacy_desk.ui.letter_dialog import LetterDialog
from privacy_desk.ui.objection_panel import ObjectionPanel
from privacy_desk.ui.organisation_dialog import OrganisationDialog
from privacy_desk.ui.overview_tab import OverviewTab
from privacy_desk.ui.person_search import PersonSearchPanel
from privacy_desk.ui.portability_panel import PortabilityPanel
from privacy_desk.ui.preview import PreviewPanel
from privacy_desk.ui.queue_filter import QueueView, view_label
from privacy_desk.ui.queue_tab import QUEUE_VIEWS, QueueTab
from privacy_desk.ui.reminders import Reminders
from privacy_desk.ui.restriction_panel import RestrictionPanel
from privacy_desk.ui.tasks import TaskRunner
from privacy_desk.ui.year_report_dialog import YearReportDialog

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueueSnapshot:
    """What one refresh brings back from the worker thread."""

    rows: list[QueueRow]
    imported: ImportResult
    today: date
    marks: QueueMarks = field(default_factory=QueueMarks)
    #: what the start check settled (first load only), in the services' words
    settled: tuple[str, ...] = ()


def load_queue(ctx: AppContext) -> QueueSnapshot:
    """Settle what an earlier session left (first load), import new portal requests,
    then read the queue. Runs on the worker thread."""
    report = ctx.start_checks()
    imported = ctx.import_requests()
    return QueueSnapshot(list_queue(ctx.case_store), imported, stockholm_today(),
                         list_queue_marks(ctx.case_store),
                         tuple(report.lines()) if report is not None else ())


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
        self._layout_restored = False
        self.ctx: AppContext | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 760)

        self.queue_panel = QueueTab(runner)
        self.queue_panel.case_shown.connect(self.case_shown)
        # The parts of the queue a person (and a test) reaches from the window.
        q = self.queue_panel
        self.model, self.proxy, self.table, self.detail = q.model, q.proxy, q.table, q.detail
        self.filter_edit, self.status_filter = q.filter_edit, q.status_filter
        self.type_filter, self.assignee_filter = q.type_filter, q.assignee_filter
        self.overdue_check = q.overdue_check

        self.case_actions = CaseActions(runner, self)
        self.queue_panel.view_changed.connect(self.case_actions.set_view)
        self.case_actions.case_changed.connect(self.queue_panel.apply_change)
        self.case_actions.action_done.connect(self.action_done)
        self.case_actions.action_failed.connect(self.action_failed)
        self.case_actions.error.connect(self._on_action_error)
        # Keyboard shortcuts go to the active window: hand it back to the queue.
        self.case_actions.dialog_closed.connect(self.activateWindow)
        self.case_actions.dialog_closed.connect(self.table.setFocus)
        self.case_actions.preview_action.triggered.connect(self.open_preview)
        self.case_actions.erasure_action.triggered.connect(self.open_erasure)
        a = self.case_actions
        self.register_action, self.claim_action = a.register_action, a.claim_action
        self.release_action, self.verify_action = a.release_action, a.verify_action
        self.status_action, self.extend_action = a.status_action, a.extend_action
        self.decision_action, self.preview_action = a.decision_action, a.preview_action
        self.erasure_action, self.answer_action = a.erasure_action, a.answer_action

        # One tab per way of working: the queue, an access case's preview and extract,
        # and a free search for a person (read-only, audited).
        self.preview_panel = PreviewPanel(runner)
        self.preview_panel.setObjectName("previewPanel")
        self.person_panel = PersonSearchPanel(runner)
        self.person_panel.setObjectName("personPanel")
        self.person_panel.open_case.connect(self.open_case_in_queue)
        self.person_panel.new_case_requested.connect(self.case_actions.open_register_dialog)
        self.erasure_panel = ErasurePanel(runner)
        self.erasure_panel.setObjectName("erasurePanel")
        self.erasure_panel.case_changed.connect(self._on_case_changed)
        # The answer went out: the desk offers the next step, marking the case answered.
        self.preview_panel.exported.connect(self._on_extract_sent)
        self.erasure_panel.letter_written.connect(self._on_letter_written)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        # The overview comes first: where the work stands (issue 15).
        self.overview_panel = OverviewTab(runner)
        self.overview_panel.setObjectName("overviewPanel")
        self.overview_panel.open_case.connect(self.open_case)
        self.overview_panel.year_report_requested.connect(self.open_year_report)
        self.overview_tab = self.tabs.addTab(self.overview_panel, self.tr("Overview"))
        self.queue_tab = self.tabs.addTab(self.queue_panel, self.tr("Queue"))
        self.preview_tab = self.tabs.addTab(self.preview_panel, self.tr("Extract"))
        self.erasure_tab = self.tabs.addTab(self.erasure_panel, self.tr("Erasure"))
        # Portability, restriction, objection (issue 17): a tab each, opened on the selected case.
        self.rights_panels = {
            self.tabs.addTab(panel, title): panel for panel, title in (
                (PortabilityPanel(runner), self.tr("Portability")),
                (RestrictionPanel(runner), self.tr("Restriction")),
                (ObjectionPanel(runner), self.tr("Objection")))}
        for panel in self.rights_panels.values():
            panel.setObjectName(type(panel).__name__[0].lower() + type(panel).__name__[1:])
            panel.case_changed.connect(self._on_case_changed)
        self.tabs.currentChanged.connect(self._open_rights_tab)
        # Data kept by law whose hold has ended: planned here, erased in the Erasure tab.
        self.holds_view = HoldsView(runner)
        self.holds_view.setObjectName("holdsView")
        self.holds_view.plan_ready.connect(self.open_erasure_case)
        self.holds_tab = self.tabs.addTab(self.holds_view, self.tr("Holds that have ended"))
        self.person_tab = self.tabs.addTab(self.person_panel, self.tr("Find a person"))
        # Added once connected, for auditors and administrators only.
        self.audit_view: AuditView | None = None
        # Back on the overview after working cases: read the figures again.
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)
        self.idle_lock: IdleLock | None = None

        self._build_toolbar()
        self._build_menus()

        self.portal_label = QLabel(self.tr("Portal: connecting…"))
        self.portal_label.setObjectName("portalLabel")
        self.store_label = QLabel(self.tr("Case store: connecting…"))
        self.store_label.setObjectName("storeLabel")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.queue_panel.counts_changed.connect(self.counts_label.setText)
        bar = self.statusBar()
        bar.addWidget(self.counts_label, 1)
        bar.addPermanentWidget(self.portal_label)
        bar.addPermanentWidget(self.store_label)

        self.reminders = Reminders(runner, self)
        self.reminders.open_case.connect(self.open_case)
        self.reminders.fallback = lambda text: self.statusBar().showMessage(text, 30_000)

        self.intake_timer = QTimer(self)
        self.intake_timer.setObjectName("intakeTimer")
        self.intake_timer.timeout.connect(self.run_intake)
        self.restore_geometry()

    # --- building ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setObjectName("refreshAction")
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.refresh_action.setEnabled(False)
        self.find_person_action = QAction(self.tr("Find a person"), self)
        self.find_person_action.setObjectName("findPersonAction")
        self.find_person_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.find_person_action.triggered.connect(self.open_person_search)
        self.addAction(self.find_person_action)
        self.find_action = QAction(self.tr("Filter the queue"), self)
        self.find_action.setObjectName("filterAction")
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self._focus_filter)
        self.addAction(self.find_action)
        # Two toolbars: side by side when the window is wide, in two rows when it is not,
        # so no action hides behind "»" at 1024 pixels (see _fit_toolbars).
        toolbar = QToolBar(self.tr("Queue"))
        toolbar.setObjectName("queueToolbar")
        toolbar.setMovable(False)
        for a in (self.refresh_action, self.register_action):
            toolbar.addAction(a)
        toolbar.addSeparator()
        work = self.case_actions.work_actions
        for a in work[:4]:
            toolbar.addAction(a)
        answer_bar = QToolBar(self.tr("Answer"))
        answer_bar.setObjectName("answerToolbar")
        answer_bar.setMovable(False)
        for a in work[4:]:
            answer_bar.addAction(a)
        answer_bar.addSeparator()
        answer_bar.addAction(self.preview_action)
        answer_bar.addAction(self.erasure_action)
        self.addToolBar(toolbar)
        self.addToolBar(answer_bar)
        self.toolbar, self.answer_toolbar = toolbar, answer_bar
        self._toolbar_break = False
        for a in (self.refresh_action, self.find_person_action, self.find_action):
            with_shortcut_tip(a)

    def _fit_toolbars(self) -> None:
        """Put the second toolbar on a row of its own when both do not fit side by side."""
        needed = self.toolbar.sizeHint().width() + self.answer_toolbar.sizeHint().width()
        wrap = needed > self.width()
        if wrap != self._toolbar_break:
            if wrap:
                self.insertToolBarBreak(self.answer_toolbar)
            else:
                self.removeToolBarBreak(self.answer_toolbar)
            self._toolbar_break = wrap

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbars()

    @Slot()
    def _focus_filter(self) -> None:
        self.tabs.setCurrentIndex(self.queue_tab)
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

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

        def work() -> tuple[ImportResult, QueueSnapshot | None]:
            result = ctx.import_requests()
            if not result.imported:
                return result, None
            return result, QueueSnapshot(list_queue(ctx.case_store), result, stockholm_today(),
                                         list_queue_marks(ctx.case_store))

        self._runner.submit(work, self._on_intake, self._on_intake_error, name="intake")

    def _on_intake(self, outcome: tuple[ImportResult, QueueSnapshot | None]) -> None:
        self._intake_running = False
        result, snap = outcome
        if snap is not None:
            self.queue_panel.set_marks(snap.marks)
            self.queue_panel.set_rows(snap.rows, snap.today)
            self.statusBar().showMessage(
                self.tr("%n new request(s) imported from the portal.", "", result.imported),
                10_000)
        self.intake_done.emit(result.imported)

    def _on_intake_error(self, exc: BaseException) -> None:
        self._intake_running = False
        message, _hint = describe_error(exc)
        # A timer must not pop up dialogs every few minutes; the status bar says it.
        self.statusBar().showMessage(self.tr("Import failed: {message}").format(message=message))
        self.intake_done.emit(-1)

    def _build_menus(self) -> None:
        """Arkiv / Ärende / Visa / Hjälp: every action, with its shortcut beside it."""
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.connections_action = QAction(self.tr("Connections…"), self)
        self.connections_action.setObjectName("connectionsAction")
        self.connections_action.triggered.connect(self.open_connections)
        self.connections_action.setEnabled(self._paths is not None)
        file_menu.addAction(self.connections_action)
        file_menu.addAction(self.refresh_action)
        self.year_report_action = QAction(self.tr("Yearly report…"), self)
        self.year_report_action.setObjectName("yearReportAction")
        self.year_report_action.triggered.connect(self.open_year_report)
        file_menu.addAction(self.year_report_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

        case_menu = bar.addMenu(self.tr("&Case"))
        case_menu.setObjectName("caseMenu")
        case_menu.addAction(self.register_action)
        case_menu.addSeparator()
        for a in self.case_actions.work_actions:
            case_menu.addAction(a)
        case_menu.addSeparator()
        case_menu.addAction(self.preview_action)
        case_menu.addAction(self.erasure_action)
        self.letter_action = QAction(self.tr("Write a letter…"), self)
        self.letter_action.setObjectName("letterAction")
        self.letter_action.setShortcut(QKeySequence("Ctrl+L"))
        self.letter_action.triggered.connect(self.open_letter)
        case_menu.addAction(self.letter_action)
        self.case_menu = case_menu

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.view_actions: dict[QueueView, QAction] = {}
        for n, view in enumerate(QUEUE_VIEWS, start=1):
            action = QAction(view_label(view), self)
            action.setObjectName(f"view_{view.value}")
            action.setCheckable(True)
            action.setChecked(view is QueueView.OPEN)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, v=view: self.show_queue_view(v))
            group.addAction(action)
            view_menu.addAction(action)
            self.view_actions[view] = action
        self.queue_panel.queue_view_changed.connect(self._sync_view_menu)
        view_menu.addSeparator()
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.find_person_action)
        self.view_menu = view_menu

        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.setObjectName("settingsMenu")
        self.organisation_action = settings_menu.addAction(self.tr("Organisation…"))
        self.organisation_action.setObjectName("organisationAction")
        self.organisation_action.triggered.connect(self.open_organisation)
        self.settings_menu = settings_menu

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.keys_action = QAction(self.tr("Keyboard shortcuts"), self)
        self.keys_action.setObjectName("keysAction")
        self.keys_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.keys_action.triggered.connect(self.show_keyboard_help)
        self.docs_action = QAction(self.tr("Documentation"), self)
        self.docs_action.setObjectName("docsAction")
        self.docs_action.triggered.connect(self.open_documentation)
        self.about_action = QAction(self.tr("About Privacy Desk"), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.triggered.connect(self.show_about)
        for a in (self.keys_action, self.docs_action, self.about_action):
            help_menu.addAction(a)
        self.help_menu = help_menu
        for a in (self.connections_action, quit_action, *self.view_actions.values(),
                  self.keys_action, self.docs_action, self.about_action):
            with_shortcut_tip(a)

    @Slot(object)
    def show_queue_view(self, view: QueueView) -> None:
        """Show one view of the queue (the View menu, Ctrl+1 … Ctrl+7)."""
        self.tabs.setCurrentIndex(self.queue_tab)
        self.queue_panel.set_queue_view(view)
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str)
    def _sync_view_menu(self, value: str) -> None:
        self.view_actions[QueueView(value)].setChecked(True)

    def menu_actions(self) -> list[QAction]:
        """Every action in the menus, in menu order (for the keyboard help)."""
        found: list[QAction] = []
        for menu in (self.file_menu, self.case_menu, self.view_menu, self.settings_menu,
                     self.help_menu):
            found += [a for a in menu.actions() if not a.isSeparator()]
        return found

    @Slot()
    def show_keyboard_help(self) -> KeyboardHelp:
        dialog = KeyboardHelp(self.menu_actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.keyboard_help = dialog
        return dialog

    @Slot()
    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Privacy Desk"),
                          about_text(), QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.about_box = box
        return box

    @Slot()
    def open_documentation(self) -> None:
        """The user guide in the system's browser (the installed copy, or the repository's)."""
        QDesktopServices.openUrl(documentation_url())

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

    @Slot()
    def open_organisation(self) -> OrganisationDialog | None:
        """The company every letter is written for (Inställningar → Organisation)."""
        paths = self.ctx.paths if self.ctx is not None else self._paths
        if paths is None:
            return None
        dialog = OrganisationDialog(self._runner, paths, parent=self,
                                    store=self.ctx.case_store if self.ctx else None)
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
        for panel in self.rights_panels.values():
            panel.set_context(ctx)
        self.holds_view.set_context(ctx)
        self.overview_panel.set_context(ctx)
        self.reminders.set_context(ctx)
        if self.idle_lock is None:
            self.idle_lock = IdleLock(self, minutes=ctx.settings.idle_lock_minutes)
        demo = self.tr(" (demo)") if ctx.demo else ""
        portal = self.tr("Portal: {url}").format(url=ctx.portal_label) + demo
        store = self.tr("Case store: {url}").format(url=ctx.case_store_label)
        for label, text in ((self.portal_label, portal), (self.store_label, store)):
            # Long paths must not push the status messages off the bar: elided, whole
            # in the tooltip.
            label.setToolTip(text)
            label.setText(label.fontMetrics().elidedText(
                text, Qt.TextElideMode.ElideMiddle, 320))
        self.queue_panel.set_context(ctx)
        self.case_actions.set_context(ctx)
        interval = self._intake_interval_ms
        if interval is None:
            interval = ctx.queue.intake_interval_seconds * 1000
        if interval > 0:
            self.intake_timer.start(interval)
        self.refresh()

    def _on_queue(self, snap: QueueSnapshot) -> None:
        self._loading = False
        first = self.model.rowCount() == 0 and not self._layout_restored
        self.queue_panel.set_marks(snap.marks)
        self.queue_panel.set_rows(snap.rows, snap.today)
        if first:
            self._layout_restored = True
            settings = self.layout_settings()
            if settings is None or not self.queue_panel.restore_layout(settings):
                self.table.resizeColumnsToContents()
        self.refresh_action.setEnabled(True)
        # "0 new requests" after a start that imported fifty (the demo's first start does
        # it while connecting) would mislead: say what the queue holds instead.
        if snap.imported.imported:
            text = self.tr("%n new request(s) imported from the portal.", "",
                           snap.imported.imported)
        else:
            text = self.tr("Queue loaded: %n case(s).", "", len(snap.rows))
        self.statusBar().showMessage(text, 10_000)
        if snap.settled:
            self.statusBar().showMessage(
                self.tr("Checked what an earlier session left: {lines}").format(
                    lines=" · ".join(snap.settled)), 30_000)
        self.queue_loaded.emit(len(snap.rows))
        self.overview_panel.load()

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

    # --- the selected case ---------------------------------------------------------------
    def select_case(self, case_id: int) -> bool:
        """Make ``case_id`` the queue's current row (if it is loaded and passes the filters)."""
        return self.queue_panel.select_case(case_id)

    def current_case_id(self) -> int | None:
        return self.queue_panel.current_case_id()

    @property
    def current_view(self) -> CaseView | None:
        return self.queue_panel.current_view

    @property
    def active_dialog(self) -> CaseDialog | None:
        """The case dialog currently open (tests fill it in), if any."""
        return self.case_actions.active_dialog

    @Slot()
    def claim_current(self) -> None:
        self.case_actions.claim_current()

    @Slot(str, str)
    def _on_action_error(self, message: str, hint: str) -> None:
        self.statusBar().showMessage(message, 15_000)
        self._error_box(message, hint)

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

    @Slot()
    def open_letter(self) -> LetterDialog | None:
        """A letter of the selected case (acknowledgement … art. 19 notices), in the
        organisation's name, recorded on the case."""
        view = self.current_view
        if self.ctx is None or view is None:
            self.statusBar().showMessage(self.tr("Select a case in the queue."), 5_000)
            return None
        dialog = LetterDialog(self._runner, self.ctx, view.detail.case_id,
                              view.detail.case_number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.written.connect(lambda _letters, cid=view.detail.case_id:
                               self._on_case_changed(cid))
        dialog.open()
        return dialog

    @Slot(int)
    def open_erasure_case(self, case_id: int) -> None:
        """Open the Erasure tab on ``case_id`` (it need not be in the queue's selection)."""
        self.tabs.setCurrentIndex(self.erasure_tab)
        self.erasure_panel.load_case(case_id)

    @Slot(int)
    def _open_rights_tab(self, index: int) -> None:
        """A rights tab opened: show the selected case there, if it is of its kind."""
        panel, view = self.rights_panels.get(index), self.current_view
        if panel is not None and view is not None and \
                view.detail.request_type in panel.TYPES:
            panel.load_case(view.detail.case_id)

    @Slot(int)
    def _on_case_changed(self, case_id: int) -> None:
        """The panel recorded something on a case: show it afresh if it is the selected one."""
        if self.ctx is not None and self.current_case_id() == case_id:
            self.queue_panel.reload_case(case_id)

    @Slot(object)
    def _on_extract_sent(self, _result: object) -> None:
        preview = self.preview_panel.preview
        if preview is not None:
            self.case_actions.offer_answer(preview.case_id)

    @Slot(object)
    def _on_letter_written(self, _result: object) -> None:
        case_id = self.erasure_panel.case_id
        if case_id is not None:
            self.case_actions.offer_answer(case_id)

    @Slot(int)
    def open_case_in_queue(self, case_id: int) -> None:
        """Show ``case_id`` in the queue (switching to "All cases" if the view hides it)."""
        self.tabs.setCurrentIndex(self.queue_tab)
        if not self.select_case(case_id):
            self.filter_edit.clear()
            self.queue_panel.set_queue_view(QueueView.ALL)
            self.select_case(case_id)
        self.table.setFocus()

    @Slot()
    def open_person_search(self) -> None:
        self.tabs.setCurrentIndex(self.person_tab)
        self.person_panel.search_edit.setFocus()

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if index == self.overview_tab and self.overview_panel.data is not None:
            self.overview_panel.load()

    @Slot(int)
    def open_case(self, case_id: int) -> None:
        """Show ``case_id`` in the queue (from the overview or a reminder), clearing the
        queue's filters if they hide it."""
        self.tabs.setCurrentIndex(self.queue_tab)
        if self.select_case(case_id):
            return
        self.filter_edit.clear()
        self.overdue_check.setChecked(False)
        for combo in (self.status_filter, self.type_filter, self.assignee_filter):
            combo.setCurrentIndex(0)
        if not self.select_case(case_id):
            self.statusBar().showMessage(
                self.tr("The case is not in the queue yet; refresh (F5)."), 10_000)

    @Slot()
    def open_year_report(self) -> YearReportDialog | None:
        """The yearly report as PDF or CSV (the dialog writes it on the worker thread)."""
        if self.ctx is None:
            return None
        dialog = YearReportDialog(self._runner, self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def layout_settings(self) -> QSettings | None:
        """Where the window's layout is remembered: beside settings.json, per computer."""
        paths = self.ctx.paths if self.ctx is not None else self._paths
        if paths is None:
            return None
        return QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)

    def save_layout(self) -> None:
        settings = self.layout_settings()
        if settings is None or not self._layout_restored:
            return
        settings.setValue("window/geometry", self.saveGeometry())
        self.queue_panel.save_layout(settings)
        settings.sync()

    def restore_geometry(self) -> None:
        settings = self.layout_settings()
        geometry = settings.value("window/geometry") if settings is not None else None
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.reminders.stop()
        self.intake_timer.stop()
        self._runner.shutdown()
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        super().closeEvent(event)
