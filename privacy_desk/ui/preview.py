"""The access-request preview: what the portal holds about the case's person, and the export.

Shows category → table → row → field with counts, loaded on the worker thread through the
data map. The officer selects a row or a field, types why, and withholds it (another
person's data, art. 15(4)); withheld items are struck through and kept with the case, so
every output leaves them out. "Export" writes the PDF letter and the JSON/CSV zip into the
chosen folder through the same service the CLI uses (:mod:`privacy_desk.services.access`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.reports.extract import row_key_json
from privacy_desk.services.access import (
    ExportResult,
    Preview,
    WithheldRow,
    case_subject,
    export_extract,
    preview_case,
    release_withheld,
    withhold,
)
from privacy_desk.services.context import AppContext
from privacy_desk.services.organisation import require_organisation
from privacy_desk.services.person_search import Candidate, LookupResult
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.labels import value_text
from privacy_desk.ui.pickers import CandidateChooser, OutputFolderRow
from privacy_desk.ui.tasks import TaskRunner

# (table, key, column or None) of a row or field item.
TARGET_ROLE = Qt.ItemDataRole.UserRole + 20
# The WithheldRow that covers the item, if any.
WITHHELD_ROLE = Qt.ItemDataRole.UserRole + 21


class PreviewPanel(QWidget):
    """Preview, withhold and export for one access-request case.

    Wire it by calling :meth:`set_context` once the app context exists and
    :meth:`load_case` with the selected case's id.
    """

    preview_loaded = Signal(int)  # rows shown
    candidates_found = Signal(int)  # several people match: the officer chooses
    withheld_changed = Signal(int)  # number of withheld items
    exported = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None
        self._case_id: int | None = None
        self._candidate: Candidate | None = None
        self._preview: Preview | None = None

        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.candidates = CandidateChooser("previewCandidates")
        self.candidates.chosen.connect(self._load)
        self.tree = QTreeWidget()
        self.tree.setObjectName("previewTree")
        self.tree.setHeaderLabels([self.tr("Data"), self.tr("Value")])
        self.tree.setColumnWidth(0, 320)
        self.tree.currentItemChanged.connect(self._update_buttons)

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("withholdReason")
        self.reason_edit.setPlaceholderText(
            self.tr("Why is this withheld? (e.g. another person's data, art. 15(4))"))
        self.reason_edit.textChanged.connect(self._update_buttons)
        self.withhold_button = QPushButton(self.tr("Withhold"))
        self.withhold_button.setObjectName("withholdButton")
        self.withhold_button.clicked.connect(self.withhold_selected)
        self.release_button = QPushButton(self.tr("Disclose again"))
        self.release_button.setObjectName("releaseButton")
        self.release_button.clicked.connect(self.release_selected)

        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("exportLanguage")
        self.lang_combo.addItem(self.tr("Swedish"), "sv")
        self.lang_combo.addItem(self.tr("English"), "en")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("exportPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("optional, for sending by e-mail"))
        self.folder_row = OutputFolderRow(self.tr("Folder for the extract"), "exportFolder")
        self.folder_edit = self.folder_row.edit
        self.export_button = QPushButton(self.tr("Export extract"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)

        withhold_row = QHBoxLayout()
        withhold_row.addWidget(self.reason_edit, 1)
        withhold_row.addWidget(self.withhold_button)
        withhold_row.addWidget(self.release_button)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.lang_combo)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Folder"), self.folder_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.candidates)
        layout.addWidget(self.tree, 1)
        layout.addLayout(withhold_row)
        layout.addLayout(form)
        layout.addWidget(self.export_button)
        self._update_buttons()

    # --- wiring -------------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None) -> None:
        self._ctx = ctx
        if ctx is not None:
            self.folder_row.default_to_home()
        self._update_buttons()

    @property
    def preview(self) -> Preview | None:
        return self._preview

    def load_case(self, case_id: int) -> None:
        """Find the case's person in the portal and show their data (in the background)."""
        if self._ctx is None:
            return
        ctx = self._ctx
        self._case_id, self._candidate, self._preview = case_id, None, None
        self.tree.clear()
        self.candidates.reset()
        self.message.setText(self.tr("Looking the person up in the portal…"))
        self._update_buttons()
        self._runner.submit(
            lambda: case_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id),
            self._on_found, self._on_error, name="case_subject")

    def _on_found(self, result: LookupResult) -> None:
        if not result.candidates:
            self._fail(self.tr("Nobody in the portal matches the identifiers of this request."))
            return
        if len(result.candidates) == 1:
            self._load(result.candidates[0])
            return
        self.candidates.offer(result.candidates)
        self.message.setText(self.tr(
            "{n} people match. Choose one; their data is never merged.").format(
                n=len(result.candidates)))
        self.candidates_found.emit(len(result.candidates))

    @Slot(int)
    def _on_candidate(self, index: int) -> None:
        """Choose the candidate at ``index``, as activating that item does."""
        self.candidates.choose(index)

    def _load(self, cand: Candidate) -> None:
        if self._ctx is None or self._case_id is None:
            return
        ctx, case_id = self._ctx, self._case_id
        self._candidate = cand
        self.message.setText(self.tr("Loading what the portal holds…"))
        self._runner.submit(
            lambda: preview_case(ctx.case_store, ctx.portal, ctx.datamap, case_id, cand,
                                 actor=ctx.officer),
            self._show, self._on_error, name="preview_case")

    # --- showing ------------------------------------------------------------------------
    def _show(self, preview: Preview) -> None:
        same_case = self._preview is not None and self._preview.case_id == preview.case_id
        expanded, current = self._tree_state() if same_case else (set(), None)
        scroll = self.tree.verticalScrollBar().value()
        self._preview = preview
        lang = "sv" if QLocale().language() == QLocale.Language.Swedish else "en"
        self.tree.clear()
        withheld = preview.withheld
        shown = preview.shown
        categories = shown.categories if shown is not None else ()
        for category in categories:
            cat_item = QTreeWidgetItem(self.tree, [category.title(lang),
                                                   str(category.row_count)])
            for table in category.tables:
                table_item = QTreeWidgetItem(cat_item, [table.title(lang), str(len(table.rows))])
                table_item.setToolTip(0, table.name)
                for n, r in enumerate(table.rows, start=1):
                    key = ", ".join(f"{k}={value_text(v)}" for k, v in r.key.items())
                    row_item = QTreeWidgetItem(table_item, [self.tr("Row {n}").format(n=n), ""])
                    row_item.setToolTip(0, f"{table.name} [{key}]")
                    row_item.setData(0, TARGET_ROLE, (table.name, dict(r.key), None))
                    self._mark(row_item, _covering(withheld, table.name, r.key, None))
                    for name in table.columns:
                        text = table.cell(r, name, lang, self.tr("withheld (data map)"))
                        field = QTreeWidgetItem(row_item, [table.column_title(name, lang), text])
                        field.setToolTip(0, name)
                        if name in r.withheld:  # the map withholds it: nothing to decide
                            font = QFont(field.font(1))
                            font.setItalic(True)
                            field.setFont(1, font)
                            continue
                        field.setData(0, TARGET_ROLE, (table.name, dict(r.key), name))
                        self._mark(field, _covering(withheld, table.name, r.key, name))
            cat_item.setExpanded(True)
        if same_case:
            # Withholding reloads the tree: the officer stays where they were.
            self._restore_tree(expanded, current)
            self.tree.verticalScrollBar().setValue(scroll)
        self.message.setText(self.tr(
            "Case {case}: {rows} rows in {tables} tables; {withheld} withheld.").format(
                case=preview.case_number, rows=len(preview.person.rows),
                tables=len(preview.person.tables()), withheld=len(withheld)))
        self._update_buttons()
        self.preview_loaded.emit(len(preview.person.rows))
        self.withheld_changed.emit(len(withheld))

    @staticmethod
    def _path(item: QTreeWidgetItem) -> tuple[str, ...]:
        parts: list[str] = []
        node: QTreeWidgetItem | None = item
        while node is not None:
            parts.append(node.text(0))
            node = node.parent()
        return tuple(reversed(parts))

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _tree_state(self) -> tuple[set[tuple[str, ...]], tuple[str, ...] | None]:
        """Which items are open and which is current, by their path of titles."""
        expanded = {self._path(i) for i in self._items() if i.isExpanded()}
        current = self.tree.currentItem()
        return expanded, (self._path(current) if current is not None else None)

    def _restore_tree(self, expanded: set[tuple[str, ...]],
                      current: tuple[str, ...] | None) -> None:
        for item in self._items():
            path = self._path(item)
            item.setExpanded(path in expanded)
            if path == current:
                self.tree.setCurrentItem(item)

    def _mark(self, item: QTreeWidgetItem, covering: WithheldRow | None) -> None:
        item.setData(0, WITHHELD_ROLE, covering)
        font = QFont(item.font(0))
        font.setStrikeOut(covering is not None)
        for col in (0, 1):
            item.setFont(col, font)
        if covering is not None:
            why = self.tr("Withheld: {reason}").format(reason=covering.reason)
            item.setToolTip(0, why)
            item.setToolTip(1, why)
            # The reason given is shown, not only a bare "withheld".
            item.setText(1, self.tr("withheld – {reason}").format(reason=covering.reason))

    # --- withholding --------------------------------------------------------------------
    def _selected_target(self) -> tuple[str, dict[str, Any], str | None] | None:
        item = self.tree.currentItem()
        target = item.data(0, TARGET_ROLE) if item is not None else None
        return target if isinstance(target, tuple) else None

    @Slot()
    def withhold_selected(self) -> None:
        target = self._selected_target()
        if target is None or self._ctx is None or self._case_id is None:
            return
        ctx, case_id = self._ctx, self._case_id
        table, key, column = target
        reason = self.reason_edit.text()
        self._runner.submit(
            lambda: withhold(ctx.case_store, case_id, ctx.datamap, table=table, key=key,
                             column=column, reason=reason, actor=ctx.officer),
            lambda _row: self._after_change(), self._on_error, name="withhold")

    @Slot()
    def release_selected(self) -> None:
        item = self.tree.currentItem()
        covering = item.data(0, WITHHELD_ROLE) if item is not None else None
        if not isinstance(covering, WithheldRow) or self._ctx is None:
            return
        ctx = self._ctx
        self._runner.submit(lambda: release_withheld(ctx.case_store, covering.id,
                                                     actor=ctx.officer),
                            lambda _none: self._after_change(), self._on_error,
                            name="release_withheld")

    def _after_change(self) -> None:
        self.reason_edit.clear()
        if self._candidate is not None:
            self._load(self._candidate)

    # --- export -------------------------------------------------------------------------
    @Slot()
    def export(self) -> None:
        if self._ctx is None or self._preview is None or self._candidate is None:
            return
        ctx, preview, cand = self._ctx, self._preview, self._candidate
        folder = self.folder_row.folder()
        lang = str(self.lang_combo.currentData())
        password = self.password_edit.text() or None
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Writing the extract…"))
        self._runner.submit(
            lambda: export_extract(ctx.case_store, ctx.portal, ctx.datamap, preview.case_id,
                                   cand, out_dir=folder, lang=lang, password=password,
                                   expected_fingerprint=preview.datamap_fingerprint,
                                   actor=ctx.officer,
                                   organisation=require_organisation(ctx.paths),
                                   config_dir=ctx.paths.config_dir),
            self._on_exported, self._on_error, name="export_extract")

    def _on_exported(self, result: ExportResult) -> None:
        self.password_edit.clear()
        names = ", ".join(f.filename for f in result.files)
        self.message.setText(self.tr("Extract written: {files}").format(files=names))
        self._update_buttons()
        self.exported.emit(result)

    # --- state --------------------------------------------------------------------------
    def _on_error(self, exc: BaseException) -> None:
        self._fail(error_text(exc))

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self._update_buttons()
        self.failed.emit(text)

    def _update_buttons(self, *_args: object) -> None:
        loaded = self._preview is not None and self._ctx is not None
        item = self.tree.currentItem()
        target = item.data(0, TARGET_ROLE) if item is not None else None
        covering = item.data(0, WITHHELD_ROLE) if item is not None else None
        self.withhold_button.setEnabled(loaded and isinstance(target, tuple)
                                        and covering is None
                                        and bool(self.reason_edit.text().strip()))
        self.release_button.setEnabled(loaded and isinstance(covering, WithheldRow))
        self.export_button.setEnabled(loaded)


def _covering(withheld: tuple[WithheldRow, ...], table: str, key: Mapping[str, Any],
              column: str | None) -> WithheldRow | None:
    """The withholding that hides this row (any column) or this field, if any."""
    rk = row_key_json(key)
    for w in withheld:
        if w.table == table and row_key_json(w.key) == rk and w.column in (None, column):
            return w
    return None
