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
from privacy_desk.ui.keyboard import settle_keyboard


class DraftReviewDialog(QDialog):
    """The review list of one draft (``path: reason`` per item)."""

    def __init__(self, result: DraftResult, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftReview")
        self.setWindowTitle(self.tr("Data map draft"))
        self.summary = QLabel(self.tr(
            "Wrote {path} ({tables} tables). To review: {count}. Confirm each item in the "
            "file and remove its 'review: true'.").format(
                path=path, tables=result.tables, count=len(result.review)))
        self.summary.setWordWrap(True)
        self.summary.setObjectName("draftSummary")
        self.items = QListWidget()
        self.items.setObjectName("draftReviewItems")
        # reasons are long: wrapped, one item under the other, never cut off at the edge
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        for note in result.review:
            reason = note.text()  # in the desk's language; the map file's comments are English
            item = QListWidgetItem(f"{note.path}: {reason}")
            item.setData(Qt.ItemDataRole.UserRole, note.path)
            item.setToolTip(reason)
            self.items.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)  # Enter closes, from the list too
        if self.items.count():
            self.items.setCurrentRow(0)
        # Focus starts in the list (arrows walk the items); Tab goes to Close and back.
        settle_keyboard(self, [self.items, self.close_button])
        self.resize(900, 520)  # fits a 1024×700 screen
