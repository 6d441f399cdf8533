"""The Help menu's pieces: the keyboard help, "About", the documentation, shortcut tooltips.

The keyboard help is built from the menus' own actions, so it can never list a shortcut
that does not work (or miss one that does).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk import APP_NAME, __version__
from privacy_desk.resources import resources_dir


def shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut_tip(action: QAction) -> QAction:
    """Put the action's shortcut in its tooltip ("Refresh (F5)"): hovering teaches keys."""
    name = action.text().replace("&", "").rstrip("…")
    key = shortcut_text(action)
    action.setToolTip(f"{name} ({key})" if key else name)
    return action


class KeyboardHelp(QDialog):
    """Every menu action that has a shortcut, and the keys that work in every dialog."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardHelp")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(a.text().replace("&", ""), shortcut_text(a)) for a in actions
                if shortcut_text(a)]
        rows += [
            (self.tr("Next field (also out of a text box)"), "Tab"),
            (self.tr("Previous field"), "Shift+Tab"),
            (self.tr("Confirm a dialog"), self.tr("Enter (outside text boxes)")),
            (self.tr("Close a dialog without saving"), "Esc"),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, (name, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)
        self.table.setFocus()


def about_text() -> str:
    return QCoreApplication.translate(
        "Help",
        "<h3>{name} {version}</h3><p>Requests from data subjects under the GDPR: the queue, "
        "identity checks, extracts, erasures and the audit trail.</p><p>Complaints about "
        "the handling of personal data go to Integritetsskyddsmyndigheten (IMY).</p>",
    ).format(name=APP_NAME, version=__version__)


def documentation_url() -> QUrl:
    """The desk's guide: the installed copy if there is one, else the source checkout's."""
    base = resources_dir()
    for candidate in (base / "docs" / "desk.md", base.parent / "docs" / "desk.md"):
        if candidate.exists():
            return QUrl.fromLocalFile(str(candidate))
    return QUrl.fromLocalFile(str(base.parent / "README.md"))
