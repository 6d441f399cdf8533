"""Write a letter of a case (issue 13): choose the kind, the language and the folder.

The dialog gathers what the case store cannot know (reasons, what was restricted or
stopped, the person's postal address); producing the letter — checking the template,
writing the PDF, recording it on the case — runs on the worker thread through
:func:`privacy_desk.services.letters.produce_letter`. A refusal (no recorded fee decision,
no reasons, a broken template with its file:line) is shown in the dialog; nothing typed is
lost and nothing was produced.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.clock import stockholm_today
from privacy_desk.errors import UserError
from privacy_desk.services.context import AppContext
from privacy_desk.services.letters import LETTER_KINDS, ProducedLetter, produce_letter
from privacy_desk.services.organisation import require_organisation
from privacy_desk.ui.tasks import TaskRunner


class LetterDialog(QDialog):
    """One letter (or one notice per recipient) for ``case_id``; :attr:`written` on success."""

    written = Signal(object)  # list[ProducedLetter]

    def __init__(self, runner: TaskRunner, ctx: AppContext, case_id: int, case_number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterDialog")
        self.setWindowTitle(self.tr("Write a letter – {case}").format(case=case_number))
        self._runner, self._ctx, self._case_id = runner, ctx, case_id
        labels = {
            "acknowledgement": self.tr("Acknowledgement of the request"),
            "identity_request": self.tr("Request for proof of identity (art. 12(6))"),
            "fee_notice": self.tr("Fee notice (art. 12(5), 15(3))"),
            "refusal": self.tr("Refusal (art. 12(4))"),
            "extension": self.tr("Extension notice (art. 12(3)): extends the case today"),
            "rectification": self.tr("Rectification confirmation (art. 16)"),
            "restriction": self.tr("Restriction confirmation (art. 18)"),
            "objection": self.tr("Objection or consent withdrawal confirmation (art. 21, 7(3))"),
            "recipient_notice": self.tr("Notices to recipients (art. 19), one per recipient"),
        }
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("letterKind")
        for kind in LETTER_KINDS:
            self.kind_combo.addItem(labels[kind], kind)
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("letterLang")
        self.lang_combo.addItem(self.tr("Swedish"), "sv")
        self.lang_combo.addItem(self.tr("English"), "en")
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("letterFolder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit)
        folder_row.addWidget(browse)
        self.address_edit = QPlainTextEdit()
        self.address_edit.setObjectName("letterAddress")
        self.address_edit.setPlaceholderText(self.tr("Street\nPostcode and town"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("letterReason")
        self.items_edit = QPlainTextEdit()
        self.items_edit.setObjectName("letterItems")
        self.items_edit.setPlaceholderText(self.tr(
            "What was restricted or stopped, one per line"))
        # A late acknowledgement must say when the answer comes: no day until one is chosen
        # (the earliest value, shown as a dash, means "not given").
        self.answer_by_edit = QDateEdit()
        self.answer_by_edit.setObjectName("letterAnswerBy")
        self.answer_by_edit.setCalendarPopup(True)
        self.answer_by_edit.setDisplayFormat("yyyy-MM-dd")
        day = stockholm_today()
        today = QDate(day.year, day.month, day.day)
        self.answer_by_edit.setMinimumDate(today.addDays(-1))
        self.answer_by_edit.setSpecialValueText("–")
        self.answer_by_edit.setDate(today.addDays(-1))
        self.answer_by_edit.setToolTip(self.tr(
            "Acknowledgement of a late case: the day the person will have the answer"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form = QFormLayout()
        form.addRow(self.tr("Letter"), self.kind_combo)
        form.addRow(self.tr("Language"), self.lang_combo)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Postal address"), self.address_edit)
        form.addRow(self.tr("Reasons"), self.reason_edit)
        form.addRow(self.tr("Items"), self.items_edit)
        form.addRow(self.tr("Answer by"), self.answer_by_edit)
        self.message = QLabel()
        self.message.setObjectName("letterMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._kind_changed()

    def facts(self) -> dict[str, Any]:
        """What the officer typed, as the letter's facts."""
        kind = str(self.kind_combo.currentData())
        facts: dict[str, Any] = {}
        reason = self.reason_edit.toPlainText().strip()
        if reason:
            facts["reason"] = reason
        items = [x.strip() for x in self.items_edit.toPlainText().splitlines() if x.strip()]
        if items:
            facts["what" if kind == "restriction" else "stopped"] = items
        answer_by = self.answer_by_edit.date()
        if kind == "acknowledgement" and answer_by > self.answer_by_edit.minimumDate():
            facts["answer_by"] = answer_by.toPython()
        return facts

    @Slot()
    def _kind_changed(self) -> None:
        self.answer_by_edit.setEnabled(self.kind_combo.currentData() == "acknowledgement")

    @Slot()
    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the letter"))
        if folder:
            self.folder_edit.setText(folder)

    @Slot()
    def write(self) -> None:
        folder = self.folder_edit.text().strip()
        if not folder:
            self.message.setText(self.tr("Choose the folder the letter is written to."))
            return
        ctx, case_id = self._ctx, self._case_id
        kind, lang = str(self.kind_combo.currentData()), str(self.lang_combo.currentData())
        facts = self.facts()
        address = [x for x in self.address_edit.toPlainText().splitlines() if x.strip()]
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Writing the letter…"))
        self._runner.submit(
            lambda: produce_letter(ctx.case_store, case_id, kind, out_dir=folder,
                                   organisation=require_organisation(ctx.paths), lang=lang,
                                   facts=facts, address=address, datamap=ctx.datamap,
                                   config_dir=ctx.paths.config_dir, actor=ctx.officer),
            self._done, self._failed, name="write_letter")

    def _done(self, letters: list[ProducedLetter]) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(self.tr("{n} letter(s) written and recorded on the case: {files}")
                             .format(n=len(letters),
                                     files=", ".join(x.path.name for x in letters)))
        self.written.emit(letters)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, UserError):
            self.message.setText(f"{exc.message} {exc.hint}".strip())
        else:
            self.message.setText(self.tr("The letter could not be written: {error}")
                                 .format(error=type(exc).__name__))
