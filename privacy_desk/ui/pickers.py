"""The two choices the case panels share: where output goes and which portal person it is.

The preview (extract) and the erasure panel (confirmation letter) both ask for an output
folder and, when a lookup finds several people, let the officer pick one. One widget each
keeps the two panels alike and the strings translated once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from privacy_desk.services.person_search import BIRTH_YEAR, POSTCODE, Candidate


def ui_language() -> str:
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


def candidate_text(cand: Candidate, lang: str | None = None) -> str:
    """How a candidate is listed: name, kind of person and what tells them apart,
    "August Karlström — kund, född 1954, 123 45". Personal data: shown, never logged."""
    lang = lang or ui_language()
    name = cand.label or QCoreApplication.translate("CandidateText", "(no name)")
    if not cand.is_subject:
        return QCoreApplication.translate(
            "CandidateText", "{label} (not a customer: {n} rows)").format(
                label=name, n=len(cand.rows))
    parts = [_kind_word(cand, lang)]
    # birth year and postcode first, as people tell namesakes apart; then the numbers
    first = {BIRTH_YEAR: 0, POSTCODE: 1}
    for kind, value in sorted(cand.details, key=lambda d: first.get(d[0], 2)):
        if kind == BIRTH_YEAR:
            parts.append(QCoreApplication.translate(
                "CandidateText", "born {year}").format(year=value))
        elif kind == POSTCODE:
            parts.append(value)
        elif kind == "customer_number":
            parts.append(QCoreApplication.translate(
                "CandidateText", "customer no. {number}").format(number=value))
        else:
            parts.append(value)
    return f"{name} — {', '.join(p for p in parts if p)}"


def _kind_word(cand: Candidate, lang: str) -> str:
    """The map's word for the kind of person; a map without ``kind_title`` (a version 1
    map says nothing: every subject is a "customer") gets ours for the common kinds, so a
    Swedish officer never reads "customer" in the list."""
    if cand.kind_title is not None:
        return cand.kind_label(lang)
    common = {
        "customer": QCoreApplication.translate("CandidateText", "customer"),
        "employee": QCoreApplication.translate("CandidateText", "employee"),
        "contact": QCoreApplication.translate("CandidateText", "contact"),
    }
    return common.get(cand.person_kind, cand.kind_label(lang))


class OutputFolderRow(QWidget):
    """The folder a panel writes into: an editable path and a "Browse…" button."""

    def __init__(self, dialog_title: str, object_name: str,
                 parent: QWidget | None = None) -> None:
        """``dialog_title`` is already translated by the panel, which knows what is written."""
        super().__init__(parent)
        self._dialog_title = dialog_title
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # lines up with the rows around it
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)

    def default_to_home(self) -> None:
        """Offer the home folder, unless the officer has already chosen one."""
        if not self.edit.text():
            self.edit.setText(str(Path.home()))

    def folder(self) -> str:
        return self.edit.text().strip()

    @Slot()
    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self._dialog_title, self.edit.text())
        if folder:
            self.edit.setText(folder)


class CandidateChooser(QComboBox):
    """The people a lookup found, hidden until there are several to choose from.

    Their data is never merged, so nothing is loaded until the officer picks one:
    :attr:`chosen` then carries that :class:`Candidate`.
    """

    chosen = Signal(object)  # Candidate

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.hide()
        self.activated.connect(self.choose)

    def offer(self, candidates: Iterable[Candidate]) -> None:
        """List ``candidates`` (the first one current) and show the chooser."""
        self.clear()
        for cand in candidates:
            self.addItem(candidate_text(cand), cand)
        self.show()

    def reset(self) -> None:
        """Empty and hidden again, for the next case."""
        self.clear()
        self.hide()

    @Slot(int)
    def choose(self, index: int) -> None:
        """The officer picked the item at ``index``: say which person that is."""
        cand = self.itemData(index)
        if isinstance(cand, Candidate):
            self.chosen.emit(cand)
