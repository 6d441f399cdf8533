"""Inställningar → Organisation: the controller every letter is written for.

The dialog gathers the fields; saving (validation, the settings file, the audit entry)
runs on the worker thread through :mod:`privacy_desk.services.organisation`, and a refused
field is shown in the dialog so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.errors import UserError
from privacy_desk.paths import AppPaths
from privacy_desk.services.context import CaseStore
from privacy_desk.services.organisation import (
    TEXT_KEYS,
    Organisation,
    load_organisation,
    save_organisation,
)
from privacy_desk.ui.tasks import TaskRunner

#: Organisation field -> object name of its line edit (tests find them by name).
FIELDS = ("legal_name", "org_number", "street", "postal_address", "email", "phone",
          "website", "dpo", "signature", "logo")


class OrganisationDialog(QDialog):
    """Edit the organisation; :attr:`saved` carries the saved, normalised organisation."""

    saved = Signal(object)

    def __init__(self, runner: TaskRunner, paths: AppPaths, *, store: CaseStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organisationDialog")
        self.setWindowTitle(self.tr("Organisation"))
        self._runner, self._paths, self._store = runner, paths, store
        try:
            current = load_organisation(paths)
        except UserError:
            current = None
        self._current = current or Organisation("", "", "", "", "")
        labels = {
            "legal_name": self.tr("Legal name"), "org_number": self.tr("Organisation number"),
            "street": self.tr("Street address"), "postal_address": self.tr("Postal code and town"),
            "email": self.tr("Privacy e-mail"), "phone": self.tr("Privacy phone"),
            "website": self.tr("Web site"), "dpo": self.tr("Data protection officer"),
            "signature": self.tr("Signature line"), "logo": self.tr("Logo (PNG or JPEG)"),
        }
        text_labels = {
            "sources": self.tr("Where the data comes from"),
            "automated": self.tr("Automated decisions"),
            "transfers": self.tr("Transfers to third countries and safeguards"),
            "complaint": self.tr("How to complain"),
        }
        self.edits: dict[str, QLineEdit] = {}
        company = QWidget()
        form = QFormLayout(company)
        for name in FIELDS:
            edit = QLineEdit(str(getattr(self._current, name)))
            edit.setObjectName(f"org_{name}")
            self.edits[name] = edit
            if name == "logo":
                row = QHBoxLayout()
                row.addWidget(edit)
                browse = QPushButton(self.tr("Choose…"))
                browse.clicked.connect(self._choose_logo)
                row.addWidget(browse)
                form.addRow(labels[name], row)
            else:
                form.addRow(labels[name], edit)
        self.texts: dict[tuple[str, str], QPlainTextEdit] = {}
        self.lines: dict[str, QLineEdit] = {}
        tabs = QTabWidget()
        tabs.addTab(company, self.tr("Company"))
        for lang, title in (("sv", self.tr("Standing texts (Swedish)")),
                            ("en", self.tr("Standing texts (English)"))):
            page = QWidget()
            texts_form = QFormLayout(page)
            for key in TEXT_KEYS:
                box = QPlainTextEdit(self._current.text(key, lang))
                box.setObjectName(f"text_{key}_{lang}")
                box.setTabChangesFocus(True)
                self.texts[(key, lang)] = box
                texts_form.addRow(text_labels[key], box)
            if lang == "en":  # the DPO and signature lines as an English letter prints them
                for key, label in (("dpo", self.tr("Data protection officer (in English)")),
                                   ("signature", self.tr("Signature line (in English)"))):
                    line = QLineEdit(self._current.texts.get(key, {}).get("en", ""))
                    line.setObjectName(f"line_{key}_en")
                    line.setPlaceholderText(self.tr("As on the Company tab"))
                    self.lines[key] = line
                    texts_form.addRow(label, line)
            tabs.addTab(page, title)
        self.error = QLabel()
        self.error.setObjectName("organisationError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every letter is written in this company's name.")))
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def organisation(self) -> Organisation:
        """What the dialog holds now (not yet validated)."""
        texts: dict[str, dict[str, str]] = {}
        for (key, lang), box in self.texts.items():
            text = box.toPlainText().strip()
            default = Organisation("", "", "", "", "").text(key, lang)
            if text and " ".join(text.split()) != default:
                texts.setdefault(key, {})[lang] = text
        for key, line in self.lines.items():
            if line.text().strip():
                texts.setdefault(key, {})["en"] = line.text().strip()
        values = {name: edit.text() for name, edit in self.edits.items()}
        return replace(self._current, **values, texts=texts)

    @Slot()
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.edits["logo"].setText(path)

    @Slot()
    def save(self) -> None:
        org = self.organisation()
        self.buttons.setEnabled(False)
        paths, store = self._paths, self._store
        self._runner.submit(lambda: save_organisation(paths, org, store=store), self._done,
                            self._failed, name="save organisation")

    def _done(self, saved: Organisation) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(saved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, UserError):
            self.error.setText(f"{exc.message} {exc.hint}".strip())
        else:
            self.error.setText(self.tr("The organisation could not be saved: {error}")
                               .format(error=type(exc).__name__))
