"""Keyboard manners shared by every dialog: where focus starts, where Tab goes.

An officer types into a dialog as soon as it opens; focus on a button (or a first Tab to
"Avbryt") loses what they typed. So each dialog hands :func:`settle_keyboard` its fields
in reading order followed by its buttons (OK before Cancel): the tab order is set to
exactly that chain, Tab leaves multi-line text boxes instead of inserting a tab, and the
first field gets the focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget


def takes_tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isEnabled()


def settle_keyboard(root: QWidget, chain: Sequence[QWidget]) -> None:
    """Tab through ``chain`` in order and focus its first field; Tab leaves text boxes."""
    for edit in root.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)
    for text in root.findChildren(QTextEdit):
        text.setTabChangesFocus(True)
    widgets = [w for w in chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
    for w in widgets:
        if takes_tab_focus(w):
            w.setFocus(Qt.FocusReason.TabFocusReason)
            break
