"""Connection profiles in a dialog, and the password prompt for computers without a keyring.

:class:`ConnectionDialog` creates, edits, tests and deletes the portal and case-store
profiles of :mod:`privacy_desk.config`. The password field goes only to the keyring
(:mod:`privacy_desk.services.profiles`); where no secure keyring exists the dialog says so and
the password is used for "Test connection" only. Saving, deleting and testing run on
the :class:`~privacy_desk.ui.tasks.TaskRunner` (a keyring or a server may take its
time), and when the app is connected each change is written to the audit trail.

:class:`PasswordPrompt` is the ``ask_password`` callback of
:func:`privacy_desk.services.context.open_context`, which runs on the worker thread: it hands
the question to the GUI thread and waits for the answer there.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from privacy_desk import secrets
from privacy_desk.config import (
    DEFAULT_PORTS,
    TLS_MODES,
    Backend,
    ConnectionProfile,
    ProfileKind,
    Settings,
    load_settings,
)
from privacy_desk.errors import UserError
from privacy_desk.paths import AppPaths
from privacy_desk.services.context import AppContext
from privacy_desk.services.datamap_draft import DraftResult, draft_for_profile
from privacy_desk.services.profiles import (
    ConnectionCheck,
    SavedProfile,
    check_profile,
    delete_profile,
    record_settings_change,
    save_profile,
)
from privacy_desk.ui.draft_review import DraftReviewDialog
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.keyboard import settle_keyboard
from privacy_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ConnectionDialog(QDialog):
    """Create, edit, test and delete connection profiles (portal and case store).

    Open it with ``ConnectionDialog(runner, paths, ctx=window.ctx, parent=window).open()``;
    ``ctx`` (optional) is where settings changes are audited.
    """

    # A profile was saved (its name).
    saved = Signal(str)
    # A profile was deleted (its name).
    deleted = Signal(str)
    # "Test connection" finished: success and the message shown.
    tested = Signal(bool, str)
    # Saving or deleting failed (the message shown).
    failed = Signal(str)
    # "Ny datakarta…": the file chooser about to open (tests choose the file in it).
    choosing_draft_file = Signal(QFileDialog)
    # A draft was written: its path and the number of items to review.
    drafted = Signal(str, int)
    # Progress of a draft, from the worker thread (queued to the GUI thread).
    _draft_progress = Signal(int, int)

    def __init__(self, runner: TaskRunner, paths: AppPaths, *, ctx: AppContext | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._paths = paths
        self._ctx = ctx
        self._editing: str | None = None  # the saved name of the profile in the form
        self._settings = Settings()
        self.setWindowTitle(self.tr("Connections"))
        self.setObjectName("connectionDialog")

        self.profile_list = QListWidget()
        self.profile_list.setObjectName("profileList")
        self.profile_list.currentItemChanged.connect(self._on_pick)
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.setObjectName("newProfile")
        self.new_button.clicked.connect(self.new_profile)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteProfile")
        self.delete_button.clicked.connect(self.delete_current)
        left = QVBoxLayout()
        left.addWidget(self.profile_list)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("profileName")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("profileKind")
        self.kind_combo.addItem(self.tr("Portal"), ProfileKind.PORTAL)
        self.kind_combo.addItem(self.tr("Case store"), ProfileKind.CASE_STORE)
        self.backend_combo = QComboBox()
        self.backend_combo.setObjectName("profileBackend")
        for be, label in ((Backend.SQLITE, "SQLite"), (Backend.POSTGRESQL, "PostgreSQL"),
                          (Backend.MARIADB, "MariaDB")):
            self.backend_combo.addItem(label, be)
        self.backend_combo.currentIndexChanged.connect(self._backend_changed)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("sqlitePath")
        self.path_button = QPushButton(self.tr("Browse…"))
        self.path_button.clicked.connect(self._browse_sqlite)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit)
        path_row.addWidget(self.path_button)
        self.path_widget = QWidget()
        self.path_widget.setLayout(path_row)
        path_row.setContentsMargins(0, 0, 0, 0)
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("host")
        self.port_spin = QSpinBox()
        self.port_spin.setObjectName("port")
        self.port_spin.setRange(0, 65535)
        self.port_spin.setSpecialValueText(self.tr("default"))
        self.database_edit = QLineEdit()
        self.database_edit.setObjectName("database")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls_combo = QComboBox()
        self.tls_combo.setObjectName("tlsMode")
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("caFile")
        self.ca_button = QPushButton(self.tr("Browse…"))
        self.ca_button.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_edit)
        ca_row.addWidget(self.ca_button)
        self.ca_widget = QWidget()
        self.ca_widget.setLayout(ca_row)
        self.activate_check = QCheckBox(self.tr("Use this profile when the app starts"))
        self.activate_check.setObjectName("activate")

        self.form = QFormLayout()
        self.form.addRow(self.tr("Name"), self.name_edit)
        self.form.addRow(self.tr("Used for"), self.kind_combo)
        self.form.addRow(self.tr("Database type"), self.backend_combo)
        self.form.addRow(self.tr("SQLite file"), self.path_widget)
        self.form.addRow(self.tr("Host"), self.host_edit)
        self.form.addRow(self.tr("Port"), self.port_spin)
        self.form.addRow(self.tr("Database"), self.database_edit)
        self.form.addRow(self.tr("User"), self.user_edit)
        self.form.addRow(self.tr("Password"), self.password_edit)
        self.form.addRow(self.tr("TLS mode"), self.tls_combo)
        self.form.addRow(self.tr("CA file"), self.ca_widget)
        self.form.addRow("", self.activate_check)

        self.keyring_label = QLabel()
        self.keyring_label.setObjectName("keyringStatus")
        self.keyring_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("connectionMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveProfile")
        self.save_button.clicked.connect(self.save)
        self.draft_button = QPushButton(self.tr("New data map…"))
        self.draft_button.setObjectName("draftDatamap")
        self.draft_button.setToolTip(self.tr(
            "Draft a data map of this portal from its tables and sampled values (read-only)"))
        self.draft_button.clicked.connect(self.draft_datamap)
        self.draft_progress = QProgressBar()
        self.draft_progress.setObjectName("draftProgress")
        self.draft_progress.setVisible(False)
        self._draft_progress.connect(self._show_draft_progress)
        self.draft_file_dialog: QFileDialog | None = None
        self.review_dialog: DraftReviewDialog | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.keyring_label)
        right.addWidget(self.message_label)
        right.addWidget(self.draft_progress)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.buttons)

        self._show_keyring_status()
        self._backend_changed()
        self.reload()
        # Keyboard: the form top to bottom (the rows of the other backend are hidden and
        # skipped), then Save (the default: Enter in a field saves), Test, the draft and
        # Close, then the profile list and its buttons; focus starts in Name.
        self.save_button.setDefault(True)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        settle_keyboard(self, [
            self.name_edit, self.kind_combo, self.backend_combo, self.path_edit,
            self.path_button, self.host_edit, self.port_spin, self.database_edit,
            self.user_edit, self.password_edit, self.tls_combo, self.ca_edit, self.ca_button,
            self.activate_check, self.save_button, self.test_button, self.draft_button, close,
            self.profile_list, self.new_button, self.delete_button])

    # --- the form ----------------------------------------------------------------------------
    def _show_keyring_status(self) -> None:
        status = secrets.secure_keyring()
        if status.secure:
            self.keyring_label.setText(self.tr(
                "Passwords are kept in the system keyring, never in a file."))
            self.password_edit.setPlaceholderText(self.tr("stored in the keyring"))
        else:
            self.keyring_label.setText(self.tr(
                "No secure keyring is available on this computer: the password is not "
                "saved. It is used to test the connection, and the app asks for it each "
                "time it connects."))
            self.keyring_label.setStyleSheet("color: #a40000;")
            self.password_edit.setPlaceholderText(self.tr("not saved: no secure keyring"))

    @property
    def backend(self) -> Backend:
        return Backend(self.backend_combo.currentData())

    @Slot()
    def _backend_changed(self) -> None:
        be = self.backend
        server = be != Backend.SQLITE
        for widget in (self.host_edit, self.port_spin, self.database_edit, self.user_edit,
                       self.password_edit, self.tls_combo, self.ca_widget):
            widget.setVisible(server)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(server)
        self.path_widget.setVisible(not server)
        path_label = self.form.labelForField(self.path_widget)
        if path_label is not None:
            path_label.setVisible(not server)
        current = self.tls_combo.currentText()
        self.tls_combo.clear()
        self.tls_combo.addItems([m for m in TLS_MODES[be] if m])
        if current:
            self.tls_combo.setCurrentText(current)
        if server:
            self.port_spin.setToolTip(self.tr("Default: {port}").format(port=DEFAULT_PORTS[be]))

    def _browse_sqlite(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("SQLite database file"), self.path_edit.text(),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path)

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA certificate (PEM)"),
                                              self.ca_edit.text())
        if path:
            self.ca_edit.setText(path)

    def form_profile(self) -> ConnectionProfile:
        """The profile as typed (not yet validated)."""
        be = self.backend
        kind = ProfileKind(self.kind_combo.currentData())
        name = self.name_edit.text()
        if be == Backend.SQLITE:
            return ConnectionProfile(name, kind, be, database=self.path_edit.text())
        return ConnectionProfile(name, kind, be, host=self.host_edit.text(),
                                 port=self.port_spin.value() or None,
                                 database=self.database_edit.text(),
                                 user=self.user_edit.text(),
                                 tls_mode=self.tls_combo.currentText(),
                                 ca_file=self.ca_edit.text())

    def _fill(self, p: ConnectionProfile | None, active: bool = False) -> None:
        self._editing = p.name if p else None
        self.name_edit.setText(p.name if p else "")
        self.kind_combo.setCurrentIndex(
            self.kind_combo.findData(p.kind if p else ProfileKind.PORTAL))
        self.backend_combo.setCurrentIndex(
            self.backend_combo.findData(p.backend if p else Backend.POSTGRESQL))
        self._backend_changed()
        sqlite = p is not None and p.backend == Backend.SQLITE
        self.path_edit.setText(p.database if p and sqlite else "")
        self.host_edit.setText(p.host if p else "")
        self.port_spin.setValue(p.port or 0 if p else 0)
        self.database_edit.setText(p.database if p and not sqlite else "")
        self.user_edit.setText(p.user if p else "")
        self.password_edit.clear()
        if p and p.tls_mode:
            self.tls_combo.setCurrentText(p.tls_mode)
        self.ca_edit.setText(p.ca_file if p else "")
        self.activate_check.setChecked(active)
        self.delete_button.setEnabled(p is not None)

    # --- the list ----------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Re-read the settings file and list its profiles."""
        try:
            settings = load_settings(self._paths)
        except UserError as exc:
            self._say(str(exc), ok=False)
            settings = Settings()
        self._settings = settings
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        chosen: QListWidgetItem | None = None
        for p in settings.profiles:
            kind = self.tr("portal") if p.kind == ProfileKind.PORTAL else self.tr("case store")
            active = p.name in (settings.active_portal, settings.active_case_store)
            text = f"{p.name} ({kind})" + (" ✓" if active else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.name)
            self.profile_list.addItem(item)
            if p.name == select:
                chosen = item
        self.profile_list.blockSignals(False)
        if chosen is not None:
            self.profile_list.setCurrentItem(chosen)
        elif settings.profiles:
            self.profile_list.setCurrentRow(0)
        else:
            self._fill(None)

    def _on_pick(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            self._fill(None)
            return
        name = str(item.data(Qt.ItemDataRole.UserRole))
        p = self._settings.profile(name)
        self._fill(p, name in (self._settings.active_portal, self._settings.active_case_store))

    @Slot()
    def new_profile(self) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.setCurrentRow(-1)
        self.profile_list.blockSignals(False)
        self._fill(None)
        self.name_edit.setFocus()

    # --- actions -------------------------------------------------------------------------------
    def _say(self, text: str, *, ok: bool) -> None:
        self.message_label.setStyleSheet("" if ok else "color: #a40000;")
        self.message_label.setText(text)

    def _busy(self, busy: bool) -> None:
        for b in (self.test_button, self.save_button, self.delete_button, self.new_button,
                  self.draft_button):
            b.setEnabled(not busy)

    def _audit(self, change: str, profile: str) -> None:
        """Record a settings change in the connected case store (on the worker)."""
        ctx = self._ctx
        if ctx is not None:
            record_settings_change(ctx.case_store, actor=ctx.officer, change=change,
                                   profile=profile)

    @Slot()
    def test_connection(self) -> None:
        profile, password = self.form_profile(), self.password_edit.text() or None
        self._say(self.tr("Connecting…"), ok=True)
        self._busy(True)

        def done(check: ConnectionCheck) -> None:
            self._busy(False)
            text = self.tr("Connected to {where}.").format(where=check.where)
            if check.server_version:
                text += " " + self.tr("Server version {version}.").format(
                    version=check.server_version)
            self._say(text, ok=True)
            self.tested.emit(True, text)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            text = error_text(exc)
            self._say(text, ok=False)
            self.tested.emit(False, text)

        self._runner.submit(lambda: check_profile(profile, password), done, failed,
                            name="test-connection")

    @Slot()
    def save(self) -> None:
        profile, password = self.form_profile(), self.password_edit.text() or None
        activate, replaces = self.activate_check.isChecked(), self._editing
        self._busy(True)

        def work() -> SavedProfile:
            result = save_profile(self._paths, profile, password, activate=activate,
                                  replaces=replaces)
            self._audit("profile_saved", result.profile.name)
            if result.password_stored:
                self._audit("password_stored", result.profile.name)
            return result

        def done(result: SavedProfile) -> None:
            self._busy(False)
            self.reload(select=result.profile.name)
            if result.password_stored:
                text = self.tr("Saved profile {name}; its password is in the system "
                               "keyring.").format(name=result.profile.name)
            elif password and result.profile.needs_password:
                text = self.tr("Saved profile {name} WITHOUT its password: there is no "
                               "secure keyring on this computer, so the app will ask for "
                               "it each time.").format(name=result.profile.name)
            else:
                text = self.tr("Saved profile {name}.").format(name=result.profile.name)
            self._say(text, ok=True)
            self.saved.emit(result.profile.name)

        self._runner.submit(work, done, self._failed, name="save-profile")

    @Slot()
    def delete_current(self) -> None:
        name = self._editing
        if name is None:
            return
        self._busy(True)

        def work() -> str:
            delete_profile(self._paths, name)
            self._audit("profile_removed", name)
            return name

        def done(gone: str) -> None:
            self._busy(False)
            self.reload()
            if not self._settings.profiles:
                self._fill(None)
            self._say(self.tr("Deleted profile {name} and forgot its password.").format(
                name=gone), ok=True)
            self.deleted.emit(gone)

        self._runner.submit(work, done, self._failed, name="delete-profile")

    @Slot()
    def draft_datamap(self) -> None:
        """Ask where to write the draft, then draft the portal of the form's profile."""
        if ProfileKind(self.kind_combo.currentData()) != ProfileKind.PORTAL:
            self._say(self.tr("A data map is drafted from a portal profile."), ok=False)
            return
        chooser = QFileDialog(self, self.tr("Save the data map draft"))
        chooser.setObjectName("draftFileDialog")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same on every desktop
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setNameFilter(self.tr("Data maps (*.yaml *.yml)"))
        chooser.setDefaultSuffix("yaml")
        chooser.fileSelected.connect(self._draft_into)
        self.draft_file_dialog = chooser
        self.choosing_draft_file.emit(chooser)
        chooser.open()

    @Slot(str)
    def _draft_into(self, path: str) -> None:
        from pathlib import Path

        profile, password = self.form_profile(), self.password_edit.text() or None
        out = Path(path)
        self._say(self.tr("Drafting a data map of the portal…"), ok=True)
        self._busy(True)
        self.draft_progress.setRange(0, 0)  # busy until the first table is sampled
        self.draft_progress.setVisible(True)

        def work() -> DraftResult:
            return draft_for_profile(profile, password, out,
                                     progress=lambda done, total, _t:
                                     self._draft_progress.emit(done, total))

        def done(result: DraftResult) -> None:
            self._busy(False)
            self.draft_progress.setVisible(False)
            self._say(self.tr("Wrote the data map draft {path}. To review: {count}.").format(
                path=path, count=len(result.review)), ok=True)
            self.review_dialog = DraftReviewDialog(result, path, self)
            self.review_dialog.open()
            self.drafted.emit(path, len(result.review))

        def failed(exc: BaseException) -> None:
            self.draft_progress.setVisible(False)
            self._failed(exc)

        self._runner.submit(work, done, failed, name="draft-datamap")

    @Slot(int, int)
    def _show_draft_progress(self, done: int, total: int) -> None:
        self.draft_progress.setRange(0, total)
        self.draft_progress.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.delete_button.setEnabled(self._editing is not None)
        text = error_text(exc)
        self._say(text, ok=False)
        self.failed.emit(text)


class PasswordPrompt(QObject):
    """``ask_password`` for :func:`~privacy_desk.services.context.open_context`, from any thread.

    Called on the worker thread, it asks the GUI thread through a blocking queued
    signal and waits for the answer; on the GUI thread it asks directly. The password
    is returned to the caller only: it is never stored or logged. Create it on the GUI
    thread, e.g. ``partial(open_context, paths, ask_password=PasswordPrompt(window))``.
    """

    _ask = Signal(object)
    # The dialog about to be shown (tests type into it).
    asking = Signal(QInputDialog)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._answer: str | None = None
        self._lock = threading.Lock()  # one question at a time
        self._ask.connect(self._ask_here, Qt.ConnectionType.BlockingQueuedConnection)

    def __call__(self, profile: ConnectionProfile) -> str | None:
        with self._lock:
            self._answer = None
            if QThread.currentThread() is self.thread():
                self._ask_here(profile)
            else:
                self._ask.emit(profile)
            answer, self._answer = self._answer, None
            return answer

    @Slot(object)
    def _ask_here(self, profile: ConnectionProfile) -> None:
        dialog = QInputDialog(self._parent_widget)
        dialog.setObjectName("passwordPrompt")
        dialog.setWindowTitle(self.tr("Database password"))
        dialog.setLabelText(self.tr(
            "Password for {user} on {host} (profile {name}).\nIt is not saved: there is no "
            "password in the keyring for this profile.").format(
                user=profile.user, host=profile.host, name=profile.name))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        self.asking.emit(dialog)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        text = dialog.textValue()
        dialog.deleteLater()
        self._answer = text if ok and text else None

