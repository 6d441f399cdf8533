"""Find a person in the portal and see what it holds about them (read-only).

Every search and every view is a role-checked, audited service call
(:mod:`privacy_desk.services.person_search`), the same the ``find`` command uses.

The search box takes any identifier a request may carry (personnummer, org.nr,
e-mail, phone, customer or invoice number) or, with "Name" chosen, a person's name and
optionally a postcode. Lookups run on the worker thread. When a search fits several
people (a household's shared e-mail, two namesakes), every candidate is listed with
its kind of person and what tells it apart, and the officer picks one: nothing is
merged behind their back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.reports.words import cell_text
from privacy_desk.services.context import AppContext
from privacy_desk.services.person_cases import new_case_prefill, person_cases
from privacy_desk.services.person_search import (
    MAX_REASON_LEN,
    NAME,
    Candidate,
    LookupResult,
    PersonData,
    search_person,
    view_person_data,
)
from privacy_desk.services.queue import QueueRow
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.labels import request_type_label, status_label, value_text
from privacy_desk.ui.pickers import candidate_text, ui_language
from privacy_desk.ui.tasks import TaskRunner

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 10


class PersonSearchPanel(QWidget):
    """Search box, candidate list and a category → table → row tree."""

    # Emitted with the number of rows shown once a person's data has loaded.
    person_loaded = Signal(int)
    #: The person's cases are listed (their count).
    cases_loaded = Signal(int)
    #: The officer opens one of the person's cases (its id) in the queue.
    open_case = Signal(int)
    #: "New case for the person": a NewCasePrefill for the register dialog.
    new_case_requested = Signal(object)
    # Emitted with the candidates' count when the officer must choose.
    candidates_found = Signal(int)
    # Emitted with a message when a search found nothing or failed.
    search_failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None

        self.search_kind = QComboBox()
        self.search_kind.setObjectName("personSearchKind")
        self.search_kind.addItem(self.tr("Identifier"), "")
        self.search_kind.addItem(self.tr("Name"), NAME)
        self.search_kind.currentIndexChanged.connect(self._kind_changed)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("personSearch")
        self.search_edit.returnPressed.connect(self.search)
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setObjectName("personSearchPostcode")
        self.postcode_edit.setPlaceholderText(self.tr("Postcode (optional)"))
        # wide enough for its placeholder ("Postnummer (valfritt)"), narrow for "123 45"
        self.postcode_edit.setFixedWidth(
            self.postcode_edit.fontMetrics().horizontalAdvance(
                self.postcode_edit.placeholderText()) + 24)
        self.postcode_edit.returnPressed.connect(self.search)
        # A look-up here belongs to no case, so it needs a reason (kept in the trail).
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("personSearchReason")
        self.reason_edit.setMaxLength(MAX_REASON_LEN)
        self.reason_edit.setPlaceholderText(
            self.tr("Why you look, without a case (kept in the audit trail)"))
        self.reason_edit.setToolTip(self.tr(
            "A look-up that no case explains needs a reason, e.g. 'a caller asks what we "
            "hold'. It is written to the audit trail: no personal data in it."))
        self.reason_edit.returnPressed.connect(self.search)
        self._reason = ""
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
        # as high as its rows (up to eight): the person's data below gets the rest
        self.candidates.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.candidates.setSizePolicy(QSizePolicy.Policy.Preferred,
                                      QSizePolicy.Policy.Maximum)
        self.tree = QTreeWidget()
        self.tree.setObjectName("personData")
        self.tree.setHeaderLabels([self.tr("Data"), self.tr("Value")])
        self.tree.setColumnWidth(0, 320)

        row = QHBoxLayout()
        row.addWidget(self.search_kind)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.postcode_edit)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.candidates)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self._build_cases())
        self._person: PersonData | None = None
        self._kind_changed()

    def _build_cases(self) -> QWidget:
        """The person's cases and "New case for the person", below their data."""
        box = QWidget()
        box.setObjectName("personCasesBox")
        self.cases_title = QLabel()
        self.cases_title.setObjectName("personCasesTitle")
        self.cases_table = QTableWidget(0, 4)
        self.cases_table.setObjectName("personCases")
        self.cases_table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Received"), self.tr("Type"), self.tr("Status")])
        self.cases_table.verticalHeader().hide()
        self.cases_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cases_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cases_table.setTabKeyNavigation(False)
        self.cases_table.setMaximumHeight(150)
        header = self.cases_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.cases_table.cellActivated.connect(self._on_case_activated)
        self.cases_table.setToolTip(self.tr("Enter or double-click opens the case in the queue"))
        self.new_case_button = QPushButton(self.tr("New case for the person…"))
        self.new_case_button.setObjectName("newCaseForPerson")
        self.new_case_button.setToolTip(self.tr(
            "Register a request from this person, filled in from the portal"))
        self.new_case_button.clicked.connect(self._new_case)
        self.new_case_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.cases_title, 1)
        top.addWidget(self.new_case_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.cases_table)
        box.hide()
        self.cases_box = box
        return box

    def _load_cases(self, data: PersonData) -> None:
        ctx = self._ctx
        if ctx is None:
            return
        self._person = data
        self.cases_box.show()
        self.new_case_button.setEnabled(ctx.roles is None or not ctx.roles.read_only)
        self.cases_title.setText(self.tr("Their cases: loading…"))
        self._runner.submit(lambda: person_cases(ctx.case_store, data, actor=ctx.officer),
                            self._show_cases, self._on_error, name="person_cases")

    def _show_cases(self, rows: list[QueueRow]) -> None:
        self.cases_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [row.case_number, row.received_on.isoformat(),
                     request_type_label(row.request_type), status_label(row.status)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.case_id)
                self.cases_table.setItem(r, c, item)
        self.cases_title.setText(
            self.tr("Their cases: {n}").format(n=len(rows)) if rows
            else self.tr("Their cases: none yet"))
        self.cases_loaded.emit(len(rows))

    @Slot(int, int)
    def _on_case_activated(self, row: int, _column: int) -> None:
        item = self.cases_table.item(row, 0)
        case_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(case_id, int):
            self.open_case.emit(case_id)

    @Slot()
    def _new_case(self) -> None:
        if self._person is not None:
            self.new_case_requested.emit(new_case_prefill(self._person))

    @Slot()
    def _kind_changed(self) -> None:
        by_name = self.search_kind.currentData() == NAME
        self.search_edit.setPlaceholderText(
            self.tr("First and last name") if by_name else
            self.tr("Personnummer, org.nr, e-mail, phone, customer or invoice number"))
        self.postcode_edit.setVisible(by_name)

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
        reason = " ".join(self.reason_edit.text().split())
        if not reason:
            text = self.tr("A look-up without a case needs a reason: say why you look.")
            self.message.setText(text)
            self.reason_edit.setFocus()
            self.search_failed.emit(text)
            return
        self._reason = reason
        kind = self.search_kind.currentData() or None
        postcode = self.postcode_edit.text().strip() if kind == NAME else ""
        self.tree.clear()
        self.candidates.clear()
        self.candidates.hide()
        self.message.setText(self.tr("Searching…"))
        self.search_button.setEnabled(False)
        self._runner.submit(lambda: search_person(ctx.case_store, ctx.portal, ctx.datamap, text,
                                                  actor=ctx.officer, kind=kind,
                                                  postcode=postcode or None,
                                                  reason=reason),
                            self._on_found, self._on_error, name="find_person")

    def _on_found(self, result: LookupResult) -> None:
        self.search_button.setEnabled(True)
        if not result.candidates:
            text = self.tr("Nobody in the portal matches that name.") \
                if self.search_kind.currentData() == NAME else \
                self.tr("Nobody in the portal matches that identifier.")
            self.message.setText(text)
            self.search_failed.emit(text)
            return
        if len(result.candidates) == 1:
            self._load(result.candidates[0])
            return
        text = self.tr("{n} people match. Choose one; their data is never merged.").format(
            n=len(result.candidates))
        if result.truncated:
            text += " " + self.tr("More match than are listed: add a postcode.")
        self.message.setText(text)
        for cand in result.candidates:
            item = QListWidgetItem(self._candidate_text(cand))
            item.setData(CANDIDATE_ROLE, cand)
            self.candidates.addItem(item)
        rows = min(self.candidates.count(), 8)
        self.candidates.setMaximumHeight(
            self.candidates.sizeHintForRow(0) * rows + 2 * self.candidates.frameWidth())
        self.candidates.show()
        self.candidates.setCurrentRow(0)
        self.candidates.setFocus()
        self.candidates_found.emit(len(result.candidates))

    def _candidate_text(self, cand: Candidate) -> str:
        return candidate_text(cand)

    @Slot(QListWidgetItem)
    def _on_candidate(self, item: QListWidgetItem) -> None:
        cand = item.data(CANDIDATE_ROLE)
        if isinstance(cand, Candidate):
            self._load(cand)

    def _load(self, cand: Candidate) -> None:
        if self._ctx is None:
            return
        ctx = self._ctx
        reason = self._reason
        self.message.setText(self.tr("Loading what the portal holds…"))
        self._runner.submit(lambda: view_person_data(ctx.case_store, ctx.portal, ctx.datamap,
                                                     cand, actor=ctx.officer, reason=reason),
                            self._show, self._on_error, name="collect_person")

    def _on_error(self, exc: BaseException) -> None:
        self.search_button.setEnabled(self._ctx is not None)
        text = error_text(exc)
        self.message.setText(text)
        self.search_failed.emit(text)

    # --- showing ----------------------------------------------------------------------
    def _show(self, data: PersonData) -> None:
        """Category → table → row → field in the map's words (titles, value labels), in
        the map's order, as the extract shows them; the portal's names are tooltips."""
        lang = ui_language()
        self.tree.clear()
        dm = data.datamap
        categories = dm.categories
        by_category = data.by_category()
        order = [c for c in categories if c in by_category] + \
            sorted(set(by_category) - set(categories))
        table_order = {name: i for i, name in enumerate(dm.tables)}
        for category in order:
            tables = by_category[category]
            cat = categories.get(category)
            title = cat.title.get(lang) if cat else category
            count = sum(len(rows) for rows in tables.values())
            cat_item = QTreeWidgetItem(self.tree, [title, str(count)])
            for table, rows in sorted(tables.items(),
                                      key=lambda i: table_order.get(i[0], len(table_order))):
                spec = dm.tables.get(table)
                table_item = QTreeWidgetItem(
                    cat_item, [spec.title_in(lang) if spec else table, str(len(rows))])
                table_item.setToolTip(0, table)
                for n, r in enumerate(rows, start=1):
                    key = ", ".join(f"{k}={value_text(v)}" for k, v in r.key.items())
                    row_item = QTreeWidgetItem(table_item, [self.tr("Row {n}").format(n=n), ""])
                    row_item.setToolTip(0, f"{table} [{key}]")
                    for name, value in r.values.items():
                        col = spec.column(name) if spec else None
                        # what the map never discloses (a password hash) is not shown here
                        # either: the officer needs to know it exists, not its value
                        shown = self.tr("withheld (data map)") if col and not col.disclose \
                            else cell_text(col, value, lang)
                        field = QTreeWidgetItem(row_item, [
                            spec.column_title(name, lang) if spec else name, shown])
                        field.setToolTip(0, name)
            cat_item.setExpanded(True)
        self.message.setText(self.tr("{label}: {rows} rows in {tables} tables.").format(
            label=data.candidate.label, rows=len(data.rows), tables=len(data.tables())))
        self.person_loaded.emit(len(data.rows))
        self._load_cases(data)
