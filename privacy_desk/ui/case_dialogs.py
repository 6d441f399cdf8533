"""Dialogs for work on a case: register a paper request, verify identity, extend, decide, move.

A dialog only gathers input. Pressing OK emits :attr:`CaseDialog.submitted`; the main
window runs the service on the worker thread and either closes the dialog
(:meth:`CaseDialog.succeed`) or shows the service's message in it
(:meth:`CaseDialog.fail`), so a typo never costs the officer what they typed. All
validation is the services' (one set of rules for GUI and CLI).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.domain.allowance import DecisionKind
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus, requires_reason
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.identifiers import EMAIL, ORGNR, PERSONNUMMER, PHONE
from privacy_desk.services.case_rules import Refusal
from privacy_desk.services.queue import AllowanceStatus
from privacy_desk.ui.keyboard import settle_keyboard
from privacy_desk.ui.labels import channel_label, request_type_label, status_label

# How many identifiers the register dialog offers (a request rarely gives more).
IDENTIFIER_ROWS = 3


def identity_method_label(method: IdentityMethod) -> str:
    labels = {
        IdentityMethod.SIGNED_LETTER: QCoreApplication.translate(
            "CaseDialogs", "Signed letter checked against the record"),
        IdentityMethod.ID_DOCUMENT: QCoreApplication.translate("CaseDialogs", "ID document seen"),
        IdentityMethod.E_ID: QCoreApplication.translate("CaseDialogs", "Swedish e-ID (BankID)"),
        IdentityMethod.MIN_SIDA_LOGIN: QCoreApplication.translate(
            "CaseDialogs", "Logged in to Min sida"),
    }
    return labels[method]


def decision_label(kind: DecisionKind) -> str:
    labels = {
        DecisionKind.FREE_ANYWAY: QCoreApplication.translate("CaseDialogs", "Free anyway"),
        DecisionKind.FEE: QCoreApplication.translate("CaseDialogs", "Charge a fee"),
        DecisionKind.REFUSED: QCoreApplication.translate(
            "CaseDialogs", "Refuse (manifestly unfounded or excessive)"),
    }
    return labels[kind]


def _form_fields(form: QFormLayout) -> list[QWidget]:
    """The input widgets of a form, row by row (labels and spanning notes left out)."""
    found: list[QWidget] = []

    def walk(item: QLayoutItem | None) -> None:
        if item is None:
            return
        widget, layout = item.widget(), item.layout()
        if widget is not None and not isinstance(widget, QLabel):
            found.append(widget)
        elif layout is not None:
            for i in range(layout.count()):
                walk(layout.itemAt(i))

    for row in range(form.rowCount()):
        for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
            walk(form.itemAt(row, role))
    return found


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date_edit(value: date, *, maximum: date | None = None) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if maximum is not None:
        edit.setMaximumDate(_qdate(maximum))
    return edit


def _py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class CaseDialog(QDialog):
    """OK submits (the dialog stays open); the caller closes it on success."""

    submitted = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("dialogError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a40000;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def open(self) -> None:
        """Open with the keyboard ready: focus on the first field, OK before Cancel."""
        settle_keyboard(self, [*_form_fields(self.form), self.ok_button, self.cancel_button])
        super().open()

    @property
    def cancel_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        return button

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    @Slot()
    def accept(self) -> None:
        self.error_label.hide()
        self.ok_button.setEnabled(False)  # one submission at a time
        self.submitted.emit()

    def succeed(self) -> None:
        self.ok_button.setEnabled(True)
        super().accept()

    def fail(self, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(message)
        self.error_label.show()


@dataclass(frozen=True)
class RegisterInput:
    request_type: RequestType
    channel: Channel
    received_on: date
    person_label: str
    identifiers: tuple[tuple[str | None, str], ...]
    attachment_paths: tuple[Path, ...]
    note: str
    taken_by: str | None = None


class RegisterDialog(CaseDialog):
    """A request that came by letter or e-mail: what, when it arrived, who, and the scans."""

    def __init__(self, today: date, parent: QWidget | None = None, *,
                 officer: str = "") -> None:
        super().__init__(self.tr("Register a request"), parent)
        self.setObjectName("registerDialog")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("requestType")
        for rt in RequestType:
            self.type_combo.addItem(request_type_label(rt), rt)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel")
        for ch in (Channel.PAPER, Channel.EMAIL, Channel.PHONE, Channel.IN_PERSON):
            self.channel_combo.addItem(channel_label(ch), ch)
        # A spoken request leaves no document: the case names who took it.
        self.taken_by_edit = QLineEdit(officer)
        self.taken_by_edit.setObjectName("takenBy")
        self.taken_by_edit.setPlaceholderText(self.tr("Who took the call or the visit"))
        self.received_edit = _date_edit(today, maximum=today)
        self.received_edit.setObjectName("receivedOn")
        self.person_edit = QLineEdit()
        self.person_edit.setObjectName("personLabel")
        self.person_edit.setPlaceholderText(self.tr("Name as the request gives it"))
        self.form.addRow(self.tr("Type"), self.type_combo)
        self.form.addRow(self.tr("Arrived by"), self.channel_combo)
        self.form.addRow(self.tr("Taken by"), self.taken_by_edit)
        self.form.addRow(self.tr("Received on (postmark, e-mail or call date)"),
                         self.received_edit)
        self.channel_combo.currentIndexChanged.connect(self._channel_changed)
        self._channel_changed()
        self.form.addRow(self.tr("Person"), self.person_edit)
        kinds: list[tuple[str, str | None]] = [
            (self.tr("Recognise"), None), (self.tr("Personnummer"), PERSONNUMMER),
            (self.tr("Organisationsnummer"), ORGNR), (self.tr("E-mail"), EMAIL),
            (self.tr("Phone"), PHONE), (self.tr("Customer number"), "customer_number"),
        ]
        self.identifier_rows: list[tuple[QComboBox, QLineEdit]] = []
        for i in range(IDENTIFIER_ROWS):
            kind = QComboBox()
            for text, value in kinds:
                kind.addItem(text, value)
            edit = QLineEdit()
            edit.setObjectName(f"identifier{i}")
            row = QHBoxLayout()
            row.addWidget(kind)
            row.addWidget(edit, 1)
            self.form.addRow(self.tr("Identifier {n}").format(n=i + 1), row)
            self.identifier_rows.append((kind, edit))
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachments")
        self.attachments.setMaximumHeight(80)
        add = QPushButton(self.tr("Add scan…"))
        add.clicked.connect(self._choose_files)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(self.attachments)
        box.addLayout(buttons)
        self.form.addRow(self.tr("Scans (PDF, PNG, JPEG)"), box)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("note")
        self.note_edit.setMaximumHeight(60)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self._paths: list[Path] = []

    def prefill(self, person_label: str, identifiers: Sequence[tuple[str, str]]) -> None:
        """Fill in the person from the portal ("new case for the person")."""
        self.person_edit.setText(person_label)
        for (kind_combo, edit), (kind, value) in zip(self.identifier_rows, identifiers,
                                                     strict=False):
            index = kind_combo.findData(kind)
            kind_combo.setCurrentIndex(max(index, 0))
            edit.setText(value)

    @Slot()
    def _channel_changed(self) -> None:
        oral = Channel(self.channel_combo.currentData()).is_oral
        self.taken_by_edit.setEnabled(oral)
        label = self.form.labelForField(self.taken_by_edit)
        self.taken_by_edit.setVisible(oral)
        if label is not None:
            label.setVisible(oral)

    def add_attachment_paths(self, paths: Sequence[Path | str]) -> None:
        for p in paths:
            path = Path(p)
            self._paths.append(path)
            self.attachments.addItem(path.name)

    @Slot()
    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add scans"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"))
        self.add_attachment_paths(files)

    @Slot()
    def _remove_selected(self) -> None:
        row = self.attachments.currentRow()
        if row >= 0:
            self.attachments.takeItem(row)
            del self._paths[row]

    def values(self) -> RegisterInput:
        return RegisterInput(
            request_type=RequestType(self.type_combo.currentData()),
            channel=Channel(self.channel_combo.currentData()),
            received_on=_py_date(self.received_edit),
            person_label=self.person_edit.text(),
            identifiers=tuple((kind.currentData(), edit.text())
                              for kind, edit in self.identifier_rows if edit.text().strip()),
            attachment_paths=tuple(self._paths),
            note=self.note_edit.toPlainText(),
            taken_by=self.taken_by_edit.text() if self.taken_by_edit.isEnabled() else None,
        )


class VerifyIdentityDialog(CaseDialog):
    """How identity was checked, the evidence, and when."""

    def __init__(self, case_number: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Verify identity – {case}").format(case=case_number), parent)
        self.setObjectName("verifyDialog")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("method")
        for m in IdentityMethod:
            self.method_combo.addItem(identity_method_label(m), m)
        self.evidence_edit = QPlainTextEdit()
        self.evidence_edit.setObjectName("evidence")
        self.evidence_edit.setPlaceholderText(
            self.tr("What was checked, e.g. signature matches the customer record"))
        self.date_edit = _date_edit(today, maximum=today)
        self.date_edit.setObjectName("verifiedOn")
        self.form.addRow(self.tr("Method"), self.method_combo)
        self.form.addRow(self.tr("Evidence"), self.evidence_edit)
        self.form.addRow(self.tr("Verified on"), self.date_edit)

    def values(self) -> tuple[IdentityMethod, str, date]:
        return (IdentityMethod(self.method_combo.currentData()),
                self.evidence_edit.toPlainText(), _py_date(self.date_edit))


class ExtendDialog(CaseDialog):
    """Two further months: why, and the day the person was told."""

    def __init__(self, case_number: str, first_month_ends: date, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Extend the deadline – {case}").format(case=case_number),
                         parent)
        self.setObjectName("extendDialog")
        info = QLabel(self.tr("The person must be told, with the reasons, by {day}.").format(
            day=first_month_ends.isoformat()))
        info.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.told_edit = _date_edit(today, maximum=today)
        self.told_edit.setObjectName("toldOn")
        self.form.addRow(info)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.form.addRow(self.tr("Person told on"), self.told_edit)

    def values(self) -> tuple[str, date]:
        return self.reason_edit.toPlainText(), _py_date(self.told_edit)


class DecisionDialog(CaseDialog):
    """The decision on an extract beyond the yearly allowance."""

    def __init__(self, case_number: str, status: AllowanceStatus,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Allowance decision – {case}").format(case=case_number), parent)
        self.setObjectName("decisionDialog")
        info = QLabel(self.tr(
            "%n extract(s) already since {start}: {cases}. This one is beyond the free "
            "allowance.", "", status.extracts_in_period).format(
                start=status.period_start.isoformat(), cases=", ".join(status.counted_cases)))
        info.setWordWrap(True)
        law = QLabel(self.tr(
            "The first copy is always free. A reasonable fee based on administrative cost may "
            "be charged only for further copies, or for a request that is manifestly unfounded "
            "or excessive; a refusal only for the latter. The company bears the burden of "
            "proof: write a reason a reviewer can follow."))
        law.setObjectName("decisionLaw")
        law.setWordWrap(True)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("decisionKind")
        for k in DecisionKind:
            self.kind_combo.addItem(decision_label(k), k)
        self.fee_edit = QLineEdit()
        self.fee_edit.setObjectName("fee")
        self.fee_edit.setPlaceholderText(self.tr("kronor, e.g. 150"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.form.addRow(info)
        self.form.addRow(law)
        self.form.addRow(self.tr("Decision"), self.kind_combo)
        self.form.addRow(self.tr("Fee (SEK)"), self.fee_edit)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    @Slot()
    def _kind_changed(self) -> None:
        self.fee_edit.setEnabled(self.kind_combo.currentData() == DecisionKind.FEE)

    def values(self) -> tuple[DecisionKind, str, str | None]:
        """Kind, reason, and the fee as typed (None unless a fee is chosen and given)."""
        kind = DecisionKind(self.kind_combo.currentData())
        fee = self.fee_edit.text().strip() if kind is DecisionKind.FEE else ""
        return kind, self.reason_edit.toPlainText(), fee or None


class StatusDialog(CaseDialog):
    """Move the case on: the statuses the lifecycle allows, the sensible next one chosen.

    A move the service would refuse now (answering before the allowance decision, work
    before identity) is listed but disabled, its reason as the item's tooltip.
    """

    def __init__(self, case_number: str,
                 targets: Sequence[CaseStatus | tuple[CaseStatus, Refusal | None]],
                 parent: QWidget | None = None, *, proposed: CaseStatus | None = None) -> None:
        super().__init__(self.tr("Change status – {case}").format(case=case_number), parent)
        self.setObjectName("statusDialog")
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("target")
        model = self.target_combo.model()
        assert isinstance(model, QStandardItemModel)
        first_allowed = -1
        for entry in targets:
            target, why = entry if isinstance(entry, tuple) else (entry, None)
            self.target_combo.addItem(status_label(target), target)
            item = model.item(self.target_combo.count() - 1)
            if why is not None:
                item.setEnabled(False)
                item.setToolTip(f"{why.message.render()} {why.hint.render()}".strip())
            elif first_allowed < 0:
                first_allowed = self.target_combo.count() - 1
        index = self.target_combo.findData(proposed) if proposed is not None else -1
        self.target_combo.setCurrentIndex(index if index >= 0 else max(first_allowed, 0))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_hint = QLabel()
        self.reason_hint.setWordWrap(True)
        self.form.addRow(self.tr("New status"), self.target_combo)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.form.addRow(self.reason_hint)
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    @Slot()
    def _target_changed(self) -> None:
        target = self.target_combo.currentData()
        needed = target is not None and requires_reason(CaseStatus(target))
        self.reason_hint.setText(
            self.tr("A reason is required for this move.") if needed else "")

    def values(self) -> tuple[CaseStatus, str]:
        return CaseStatus(self.target_combo.currentData()), self.reason_edit.toPlainText()


__all__ = [
    "CaseDialog",
    "DecisionDialog",
    "ExtendDialog",
    "RegisterDialog",
    "RegisterInput",
    "StatusDialog",
    "VerifyIdentityDialog",
    "decision_label",
    "identity_method_label",
]
