"""Find a person in the portal and see what it holds about them (read-only).

Every search and every view is a role-checked, audited service call
(:mod:`privacy_desk.services.person_search`), the same the ``find`` command uses.

The search box takes any identifier a request may carry (personnummer, org.nr,
e-mail, phone, customer or invoice number). Lookups run on the worker thread. When an
identifier fits several people (a household's shared e-mail), every candidate is
listed and the officer picks one: nothing is merged behind their back.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.services.context import AppContext
from privacy_desk.services.person_search import (
    Candidate,
    LookupResult,
    PersonData,
    search_person,
    view_person_data,
)
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.labels import value_text
from privacy_desk.ui.tasks import TaskRunner

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 10


def _language() -> str:
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"


class PersonSearchPanel(QWidget):
    """Search box, candidate list and a category → table → row tree."""

    # Emitted with the number of rows shown once a person's data has loaded.
    person_loaded = Signal(int)
    # Emitted with the candidates' count when the officer must choose.
    candidates_found = Signal(int)
    # Emitted with a message when a search found nothing or failed.
    search_failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("personSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Personnummer, org.nr, e-mail, phone, customer or invoice number"))
        self.search_edit.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Find"))
        self.search_button.setObjectName("personSearchButton")
        self.search_button.clicked.connect(self.search)
        self.search_button.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("personSearchMessage")
        self.message.setWordWrap(True)
        self.candidates = QListWidget()
        self.candidates.setObjectName("personCandidates")
        self.candidates.itemActivated.connect(self._on_candidate)
        self.candidates.hide()
        self.tree = QTreeWidget()
        self.tree.setObjectName("personData")
        self.tree.setHeaderLabels([self.tr("Data"), self.tr("Value")])
        self.tree.setColumnWidth(0, 320)

        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.candidates)
        layout.addWidget(self.tree, 1)

    def set_context(self, ctx: AppContext | None) -> None:
        self._ctx = ctx
        self.search_button.setEnabled(ctx is not None)

    # --- searching ------------------------------------------------------------------
    @Slot()
    def search(self) -> None:
        text = self.search_edit.text().strip()
        if not text or self._ctx is None:
            return
        ctx = self._ctx
        self.tree.clear()
        self.candidates.clear()
        self.candidates.hide()
        self.message.setText(self.tr("Searching…"))
        self.search_button.setEnabled(False)
        self._runner.submit(lambda: search_person(ctx.case_store, ctx.portal, ctx.datamap, text,
                                                  actor=ctx.officer),
                            self._on_found, self._on_error, name="find_person")

    def _on_found(self, result: LookupResult) -> None:
        self.search_button.setEnabled(True)
        if not result.candidates:
            text = self.tr("Nobody in the portal matches that identifier.")
            self.message.setText(text)
            self.search_failed.emit(text)
            return
        if len(result.candidates) == 1:
            self._load(result.candidates[0])
            return
        self.message.setText(self.tr(
            "{n} people match. Choose one; their data is never merged.").format(
                n=len(result.candidates)))
        for cand in result.candidates:
            item = QListWidgetItem(self._candidate_text(cand))
            item.setData(CANDIDATE_ROLE, cand)
            self.candidates.addItem(item)
        self.candidates.show()
        self.candidates.setCurrentRow(0)
        self.candidates.setFocus()
        self.candidates_found.emit(len(result.candidates))

    def _candidate_text(self, cand: Candidate) -> str:
        if cand.is_subject:
            return f"{cand.label} ({cand.subject_table})"
        return self.tr("{label} (not a customer: {n} rows)").format(
            label=cand.label, n=len(cand.rows))

    @Slot(QListWidgetItem)
    def _on_candidate(self, item: QListWidgetItem) -> None:
        cand = item.data(CANDIDATE_ROLE)
        if isinstance(cand, Candidate):
            self._load(cand)

    def _load(self, cand: Candidate) -> None:
        if self._ctx is None:
            return
        ctx = self._ctx
        self.message.setText(self.tr("Loading what the portal holds…"))
        self._runner.submit(lambda: view_person_data(ctx.case_store, ctx.portal, ctx.datamap,
                                                     cand, actor=ctx.officer),
                            self._show, self._on_error, name="collect_person")

    def _on_error(self, exc: BaseException) -> None:
        self.search_button.setEnabled(self._ctx is not None)
        text = error_text(exc)
        self.message.setText(text)
        self.search_failed.emit(text)

    # --- showing ----------------------------------------------------------------------
    def _show(self, data: PersonData) -> None:
        lang = _language()
        self.tree.clear()
        categories = data.datamap.categories
        for category, tables in sorted(data.by_category().items()):
            cat = categories.get(category)
            title = cat.title.get(lang) if cat else category
            count = sum(len(rows) for rows in tables.values())
            cat_item = QTreeWidgetItem(self.tree, [title, str(count)])
            for table, rows in sorted(tables.items()):
                table_item = QTreeWidgetItem(cat_item, [table, str(len(rows))])
                for r in rows:
                    key = ", ".join(f"{k}={value_text(v)}" for k, v in r.key.items())
                    row_item = QTreeWidgetItem(table_item, [f"{table} [{key}]", ""])
                    for name, value in r.values.items():
                        QTreeWidgetItem(row_item, [name, value_text(value)])
            cat_item.setExpanded(True)
        self.message.setText(self.tr("{label}: {rows} rows in {tables} tables.").format(
            label=data.candidate.label, rows=len(data.rows), tables=len(data.tables())))
        self.person_loaded.emit(len(data.rows))
