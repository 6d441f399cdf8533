"""The portability panel (art. 20): what goes into the copy and what is left out, the export
(cover letter + JSON/CSV zip, optionally encrypted), and a direct transfer recorded.

It calls :mod:`privacy_desk.services.portability` on the worker thread, as the CLI does.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.domain.requests import RequestType
from privacy_desk.services.person_search import Candidate
from privacy_desk.services.portability import (
    LeftOut,
    PortabilityPreview,
    PortabilityResult,
    Transfer,
    export_portability,
    portability_preview,
    record_transfer,
)
from privacy_desk.ui.pickers import ui_language
from privacy_desk.ui.rights_base import RightsPanel, letters
from privacy_desk.ui.tasks import TaskRunner


class PortabilityPanel(RightsPanel):
    """Portability for one case: preview the scope, export, record a transfer."""

    TYPES = frozenset({RequestType.PORTABILITY})
    NAME = "portability"

    preview_shown = Signal(object)  # PortabilityPreview
    exported = Signal(object)  # PortabilityResult
    transferred = Signal(object)  # Transfer

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._preview: PortabilityPreview | None = None
        self._result: PortabilityResult | None = None
        self.person_ready.connect(self._preview_person)

        box = QGroupBox(self.tr("What the copy holds (art. 20)"))
        self.scope_tree = QTreeWidget()
        self.scope_tree.setObjectName("portabilityScope")
        self.scope_tree.setHeaderLabels([self.tr("Table"), self.tr("Fields"),
                                         self.tr("Rows")])
        self.scope_tree.setColumnWidth(0, 240)
        inner = QVBoxLayout(box)
        inner.addWidget(self.scope_tree)
        self.body.addWidget(box, 1)

        out = QGroupBox(self.tr("Cover letter and copy"))
        row, self.folder_row, self.lang_combo = self.letter_row(
            self.tr("Folder for the letter and the copy"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("portabilityPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password (optional: encrypts the zip)"))
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("portabilityExportButton")
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.password_edit)
        row.addWidget(self.export_button)
        out.setLayout(row)
        self.body.addWidget(out)

        tbox = QGroupBox(self.tr("Direct transfer to another controller (art. 20(2))"))
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setObjectName("transferRecipient")
        self.recipient_edit.textChanged.connect(self.update_buttons)
        self.channel_edit = QLineEdit()
        self.channel_edit.setObjectName("transferChannel")
        self.channel_edit.setPlaceholderText(self.tr("e.g. SFTP, registered mail"))
        self.channel_edit.textChanged.connect(self.update_buttons)
        self.transfer_button = QPushButton(self.tr("Record transfer"))
        self.transfer_button.setObjectName("transferButton")
        self.transfer_button.clicked.connect(self.transfer)
        form = QFormLayout(tbox)
        form.addRow(self.tr("Sent to"), self.recipient_edit)
        form.addRow(self.tr("How"), self.channel_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.transfer_button)
        form.addRow(buttons)
        self.body.addWidget(tbox)
        self.update_buttons()

    def on_context(self) -> None:
        if self._ctx is not None:
            self.folder_row.default_to_home()

    def clear_case(self) -> None:
        self._preview = self._result = None
        self.scope_tree.clear()

    def _reasons(self) -> dict[LeftOut, str]:
        return {LeftOut.INFERRED: self.tr("Left out: inferred or created by the company"),
                LeftOut.BASIS: self.tr("Left out: another legal basis than consent or "
                                       "contract"),
                LeftOut.UNDISCLOSED: self.tr("Left out: never disclosed"),
                LeftOut.OTHER_PERSON: self.tr("Left out: another person"),
                LeftOut.UNCLASSIFIED: self.tr("Left out: not classified in the data map")}

    def _preview_person(self, cand: Candidate) -> None:
        ctx, case_id = self._ctx, self._case_id
        if ctx is None or case_id is None:
            return
        self.submit(lambda: portability_preview(ctx.case_store, ctx.portal, ctx.datamap,
                                                case_id, cand, actor=ctx.officer),
                    self._show_preview, "portability_preview")

    def _show_preview(self, pv: PortabilityPreview) -> None:
        self._preview = pv
        self.scope_tree.clear()
        dm = self._ctx.datamap if self._ctx is not None else None
        lang = ui_language()

        def title(table: str) -> str:
            return dm.tables[table].title_in(lang) if dm and table in dm.tables else table

        def cols(table: str, names: tuple[str, ...]) -> str:
            spec = dm.tables.get(table) if dm else None
            return ", ".join(spec.column_title(c, lang) if spec else c for c in names)

        top = QTreeWidgetItem(self.scope_tree, [self.tr("Included")])
        top.setExpanded(True)
        for table, names in pv.included.items():
            QTreeWidgetItem(top, [title(table), cols(table, names), str(pv.rows.get(table, 0))])
        for reason, label in self._reasons().items():
            tables = pv.left_out.get(reason)
            if not tables:
                continue
            item = QTreeWidgetItem(self.scope_tree, [label])
            item.setExpanded(True)
            for table, names in tables.items():
                QTreeWidgetItem(item, [title(table), cols(table, names), ""])
        self.message.setText(self.tr("Case {case}: {rows} row(s) go into the copy.").format(
            case=pv.case_number, rows=sum(pv.rows.values())))
        self.preview_shown.emit(pv)

    def export(self) -> None:
        ctx, case_id, cand = self._ctx, self._case_id, self._candidate
        if ctx is None or case_id is None or cand is None:
            return
        folder, lang = self.folder_row.folder(), str(self.lang_combo.currentData())
        password = self.password_edit.text() or None
        self.submit(lambda: export_portability(ctx.case_store, ctx.portal, ctx.datamap,
                                               case_id, cand, out_dir=folder, lang=lang,
                                               password=password,
                                               actor=ctx.officer, **letters(ctx)),
                    self._on_exported, "portability_export")

    def _on_exported(self, result: PortabilityResult) -> None:
        self._result = result
        self.password_edit.clear()
        self.message.setText(self.tr("Written: {files}").format(
            files=", ".join(f.filename for f in result.files)))
        self.exported.emit(result)
        self.case_changed.emit(result.export.case_id)

    def transfer(self) -> None:
        ctx, case_id = self._ctx, self._case_id
        if ctx is None or case_id is None:
            return
        to, how = self.recipient_edit.text(), self.channel_edit.text()
        self.submit(lambda: record_transfer(ctx.case_store, case_id, recipient=to,
                                            channel=how, sent_on=date.today(),
                                            actor=ctx.officer),
                    self._on_transferred, "portability_transfer")

    def _on_transferred(self, t: Transfer) -> None:
        self.message.setText(self.tr("Recorded: the copy was sent to {to} ({how}).").format(
            to=t.recipient, how=t.channel))
        self.transferred.emit(t)
        self.case_changed.emit(t.case_id)

    def update_buttons(self, *_args: object) -> None:
        if not hasattr(self, "transfer_button"):
            return
        ready = self.ready()
        self.export_button.setEnabled(ready and self._preview is not None)
        self.transfer_button.setEnabled(
            self._ctx is not None and not self._busy and self._case_id is not None
            and bool(self.recipient_edit.text().strip())
            and bool(self.channel_edit.text().strip()))
