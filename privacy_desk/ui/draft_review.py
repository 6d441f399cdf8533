"""The items a drafted data map marks for review, each with its reason.

Shown after "Ny datakarta…" in the connection dialog: the map is written already; this
list is what a person must confirm in it (the same items ``datamap check`` lists), so the
DBA knows where to start. Paths name the map element (``tables.Customer.columns.Notes``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.services.datamap_draft import DraftResult


class DraftReviewDialog(QDialog):
    """The review list of one draft (``path: reason`` per item)."""

    def __init__(self, result: DraftResult, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftReview")
        self.setWindowTitle(self.tr("Data map draft"))
        self.summary = QLabel(self.tr(
            "Wrote {path}: {tables} tables in {seconds:.0f} s. {count} item(s) to review; "
            "confirm each and remove its 'review: true'.").format(
                path=path, tables=result.tables, seconds=result.seconds,
                count=len(result.review)))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("draftSummary")
        self.items = QListWidget()
        self.items.setObjectName("draftReviewItems")
        for note in result.review:
            item = QListWidgetItem(f"{note.path}: {note.reason}")
            item.setData(Qt.ItemDataRole.UserRole, note.path)
            item.setToolTip(note.reason)
            self.items.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
