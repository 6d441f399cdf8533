"""The auditor's view of the audit trail: browse a period, verify the chain, export it.

Read-only by design: it calls only :mod:`privacy_desk.services.audit_trail`, whose
services check the auditor role (or administrator) and record each verification and
export in the trail themselves. All database work runs on the
:class:`~privacy_desk.ui.tasks.TaskRunner`; the table shows one page at a time so a
year's trail does not have to fit in memory.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.clock import stockholm_today
from privacy_desk.errors import UserError
from privacy_desk.services.audit_trail import (
    AuditRow,
    AuditVerification,
    ExportFormat,
    Period,
    browse_audit,
    export_audit,
    local_time,
    verify_trail,
)
from privacy_desk.services.context import CaseStore
from privacy_desk.ui.audit_words import details_codes, details_text
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.labels import audit_action_label
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Entries per page of the table.
PAGE_SIZE = 500
#: The period shown when the view opens: the last 30 days.
DEFAULT_DAYS = 30


class AuditTableModel(QAbstractTableModel):
    """One page of entries: when (Stockholm time), who, action, case, details.

    The action and the details are shown in words in the interface language; their
    stored codes (what the export and an inspector use) are the cells' tooltips.
    """

    WHEN, WHO, ACTION, CASE, DETAILS = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Case"),
                self.tr("Details"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.ACTION:  # the stored code, as the CSV/PDF export has it
                return r.action
            if col == self.DETAILS and r.details:  # likewise the stored key=value codes
                return details_codes(r.details)
            return f"#{r.seq} {r.entry_hash}"
        if col == self.WHEN:
            return local_time(r.at).strftime("%Y-%m-%d %H:%M:%S")
        if col == self.WHO:
            return r.actor
        if col == self.ACTION:
            return audit_action_label(r.action)
        if col == self.CASE:
            return r.case_number or ""
        return details_text(r.details) if r.details else ""


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class AuditView(QWidget):
    """Browse, verify and export the audit trail (auditors and administrators).

    Open it as a tab or a window once connected:
    ``AuditView(runner, ctx.case_store, ctx.officer)``; call :meth:`load` to fill it.
    """

    # Emitted with (entries shown, total in the period) after a page was loaded.
    loaded = Signal(int, int)
    # Emitted with the verification result.
    verified = Signal(object)
    # Emitted with (number of entries, file) after an export.
    exported = Signal(int, str)
    # Emitted with the message when a service refused or failed.
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, store: CaseStore, actor: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._store = store
        self._actor = actor
        self._offset = 0
        self._total = 0
        self.file_dialog: QFileDialog | None = None
        self.setObjectName("auditView")
        self.setWindowTitle(self.tr("Audit trail"))

        today = stockholm_today()
        self.from_edit = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS)))
        self.to_edit = QDateEdit(_qdate(today))
        for edit, name in ((self.from_edit, "auditFrom"), (self.to_edit, "auditTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("auditShow")
        self.show_button.clicked.connect(self.load)
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.clicked.connect(self.verify)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("auditExportCsv")
        self.csv_button.clicked.connect(lambda: self.choose_export_file(ExportFormat.CSV))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("auditExportPdf")
        self.pdf_button.clicked.connect(lambda: self.choose_export_file(ExportFormat.PDF))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("To")))
        bar.addWidget(self.to_edit)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)

        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

        self.prev_button = QPushButton(self.tr("Previous"))
        self.prev_button.setObjectName("auditPrevious")
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("auditNext")
        self.next_button.clicked.connect(self.next_page)
        self.page_label = QLabel()
        self.page_label.setObjectName("auditPage")
        pages = QHBoxLayout()
        pages.addWidget(self.page_label, 1)
        pages.addWidget(self.prev_button)
        pages.addWidget(self.next_button)

        self.status_label = QLabel()
        self.status_label.setObjectName("auditStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("auditProblems")
        self.problem_list.hide()

        # The view keeps itself current: a changed period reloads (after typing settles),
        # and so does coming back to the tab, so no stale rows wait for "Show".
        self.reload_timer = QTimer(self)
        self.reload_timer.setObjectName("auditReload")
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(400)
        self.reload_timer.timeout.connect(self.load)
        self.from_edit.dateChanged.connect(self.reload_timer.start)
        self.to_edit.dateChanged.connect(self.reload_timer.start)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(pages)
        layout.addWidget(self.status_label)
        layout.addWidget(self.problem_list)
        self._update_paging()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the tab shows the trail as it is now."""
        super().showEvent(event)
        if not event.spontaneous():
            self.reload_timer.start(0)

    # --- helpers -----------------------------------------------------------------------------
    _browse_failed = False

    def period(self) -> Period:
        """The chosen period (a :class:`UserError` if it ends before it starts)."""
        return Period(_py_date(self.from_edit), _py_date(self.to_edit))

    def _say(self, text: str, *, ok: bool) -> None:
        self.status_label.setStyleSheet("" if ok else "color: #a40000;")
        self.status_label.setText(text)

    def _fail(self, exc: BaseException) -> None:
        self._busy(False)
        text = error_text(exc)
        self._say(text, ok=False)
        self.failed.emit(text)

    def _busy(self, busy: bool) -> None:
        for b in (self.show_button, self.verify_button, self.csv_button, self.pdf_button):
            b.setEnabled(not busy)
        if busy:
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
        else:
            self._update_paging()

    def _update_paging(self) -> None:
        shown = self.model.rowCount()
        if self._total:
            self.page_label.setText(self.tr("Entries {first}–{last} of {total}").format(
                first=self._offset + 1, last=self._offset + shown, total=self._total))
        else:
            self.page_label.setText(self.tr("No entries in this period."))
        self.prev_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._offset + shown < self._total)

    # --- browsing ------------------------------------------------------------------------------
    @Slot()
    def load(self) -> None:
        """Show the first page of the chosen period."""
        self.reload_timer.stop()  # an automatic reload still pending is this one
        self._load_page(0)

    @Slot()
    def next_page(self) -> None:
        self._load_page(self._offset + PAGE_SIZE)

    @Slot()
    def previous_page(self) -> None:
        self._load_page(max(0, self._offset - PAGE_SIZE))

    def _load_page(self, offset: int) -> None:
        try:
            period = self.period()
        except UserError as exc:
            self._browse_failed = True
            self._fail(exc)
            return
        store, actor = self._store, self._actor
        self._busy(True)

        def done(result: tuple[list[AuditRow], int]) -> None:
            rows, total = result
            self._offset, self._total = offset, total
            self.model.set_rows(rows)
            self._busy(False)
            # Clear only a browsing error: a verification's verdict (an automatic reload
            # finishing after "Kontrollera kedjan") must stay on screen.
            if self._browse_failed:
                self._say("", ok=True)
                self._browse_failed = False
            self.loaded.emit(len(rows), total)

        def failed(exc: BaseException) -> None:
            self._browse_failed = True
            self._fail(exc)

        self._runner.submit(
            lambda: browse_audit(store, actor=actor, period=period, limit=PAGE_SIZE,
                                 offset=offset), done, failed, name="audit-browse")

    # --- verifying -----------------------------------------------------------------------------
    @Slot()
    def verify(self) -> None:
        """Check the whole chain; show OK with the head hash, or every problem found."""
        store, actor = self._store, self._actor
        self._busy(True)

        def done(result: AuditVerification) -> None:
            self._busy(False)
            self.problem_list.clear()
            if result.ok:
                self.problem_list.hide()
                self._say(self.tr("OK: the audit trail is intact ({entries} entries). "
                                  "Head #{seq}: {hash} — note it down to detect a later "
                                  "rewrite.").format(entries=result.entries,
                                                     seq=result.head_seq,
                                                     hash=result.head_hash), ok=True)
            else:
                for p in result.problems:
                    self.problem_list.addItem(p.text())
                self.problem_list.show()
                self._say(self.tr("TAMPERED: %n problem(s) found in {entries} entries.", "",
                                  len(result.problems)).format(entries=result.entries),
                          ok=False)
            self.verified.emit(result)

        self._runner.submit(lambda: verify_trail(store, actor=actor), done, self._fail,
                            name="audit-verify")

    # --- exporting ---------------------------------------------------------------------------
    def choose_export_file(self, fmt: ExportFormat) -> None:
        """Ask where to write the period's entries (then :meth:`export_to`)."""
        dialog = QFileDialog(self, self.tr("Export the audit trail"))
        dialog.setObjectName("auditExportFile")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix(fmt.value)
        dialog.setNameFilter(self.tr("CSV files (*.csv)") if fmt == ExportFormat.CSV
                             else self.tr("PDF files (*.pdf)"))
        try:
            period = self.period()
        except UserError as exc:
            self._fail(exc)
            return
        dialog.selectFile(f"audit-{period.start.isoformat()}-{period.end.isoformat()}"
                          f".{fmt.value}")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path), fmt))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, target: Path, fmt: ExportFormat) -> None:
        """Write the chosen period's entries to ``target`` on the worker."""
        try:
            period = self.period()
        except UserError as exc:
            self._fail(exc)
            return
        store, actor = self._store, self._actor
        self._busy(True)

        def done(count: int) -> None:
            self._busy(False)
            self._say(self.tr("Wrote {count} entries to {file}.").format(
                count=count, file=str(target)), ok=True)
            self.exported.emit(count, str(target))

        self._runner.submit(
            lambda: export_audit(store, actor=actor, period=period, fmt=fmt, target=target),
            done, self._fail, name="audit-export")

