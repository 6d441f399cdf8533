"""The erasure panel: plan, decide, dry-run, approve, execute and confirm a person's erasure.

It drives the services of :mod:`privacy_desk.services.erasure` (and
:mod:`privacy_desk.services.rectify` for rectification and consent-withdrawal cases) exactly
as the CLI does, every call on the :class:`TaskRunner` worker, so a large portal never
freezes the window. The plan is shown as category → table with counts of rows and fields to
erase, anonymise/pseudonymise or retain (with the law and the day the hold ends); the
four-eyes notice is shown as the service words it, because on a SQLite store the officer must
know approval is not enforced. Buttons follow the plan's state, but the services have the
last word: a refused step is shown as message and hint, never as a traceback.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.datamap.model import Erasure
from privacy_desk.domain.requests import RequestType
from privacy_desk.services.case_rules import execute_refusal
from privacy_desk.services.context import AppContext
from privacy_desk.services.erasure import (
    APPROVED,
    COMMITTED,
    DRAFT,
    NOT_EXECUTED,
    SHARED_LOGIN_NOTICE,
    SQLITE_NOTICE,
    UNSETTLED,
    Action,
    DryRunLine,
    ErasurePlan,
    ErasureRefused,
    ExecuteResult,
    PlanView,
    approve_plan,
    create_plan,
    decide_category,
    dry_run,
    erasure_subject,
    execute,
    latest_plan,
    reconcile,
    write_letter,
)
from privacy_desk.services.letters import LetterResult
from privacy_desk.services.organisation import require_organisation
from privacy_desk.services.person_search import Candidate, LookupResult, PersonData
from privacy_desk.services.queue import CaseDetail, case_detail
from privacy_desk.services.rectify import Rectification, current_data, rectify, withdraw_consent
from privacy_desk.services.roles import Role
from privacy_desk.ui.errors import error_text
from privacy_desk.ui.pickers import CandidateChooser, OutputFolderRow, ui_language
from privacy_desk.ui.tasks import TaskRunner

#: Request types the panel works on, and which part of it they use.
ERASURE_TYPES = frozenset({RequestType.ERASURE})
CONSENT_TYPES = frozenset({RequestType.CONSENT_WITHDRAWAL, RequestType.OBJECTION})
RECTIFY_TYPES = frozenset({RequestType.RECTIFICATION})
PANEL_TYPES = ERASURE_TYPES | CONSENT_TYPES | RECTIFY_TYPES

#: (category, table) of a plan tree item; category alone on a category item.
PLAN_ROLE = Qt.ItemDataRole.UserRole + 30


@dataclass(frozen=True)
class Loaded:
    """What opening a case brings back from the worker."""

    detail: CaseDetail
    plan: PlanView | None
    lookup: LookupResult | None


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _load(ctx: AppContext, case_id: int) -> Loaded:
    """The case, its current plan if any, else the portal candidates. Worker thread."""
    detail = case_detail(ctx.case_store, case_id, actor=ctx.officer)
    if detail.request_type not in PANEL_TYPES:
        raise ErasureRefused(
            QCoreApplication.translate(
                "ErasurePanel", "Case {case} is not an erasure, rectification or "
                "consent-withdrawal request.").format(case=detail.case_number),
            QCoreApplication.translate("ErasurePanel", "Open such a case from the queue."))
    if detail.identity_verified_on is None:
        raise ErasureRefused(
            QCoreApplication.translate(
                "ErasurePanel", "The person's identity is not verified in case {case}."
            ).format(case=detail.case_number),
            QCoreApplication.translate(
                "ErasurePanel", "Verify the identity first; no data is shown or changed "
                "before that."))
    plan = None
    if detail.request_type not in RECTIFY_TYPES:
        plan = latest_plan(ctx.case_store, case_id)
    if plan is not None and plan.state in UNSETTLED:
        # Left 'started' by a desk that died, or 'unknown' (the connection broke at COMMIT):
        # compare the portal with the plan's whole after-state now, so the officer sees
        # 'executed', 'not executed' or 'changed by someone else — look'.
        plan = reconcile(ctx.case_store, ctx.portal, ctx.datamap, plan.id)
    if plan is not None:
        return Loaded(detail, plan, None)
    return Loaded(detail, None,
                  erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id))


class ErasurePanel(QWidget):
    """Erasure (and rectification / consent withdrawal) for one case.

    Call :meth:`set_context` once the app context exists (or to act as another officer)
    and :meth:`load_case` with the selected case's id.
    """

    candidates_found = Signal(int)  # several people match: the officer chooses
    plan_shown = Signal(object)  # PlanView
    dry_run_shown = Signal(int)  # lines
    approved = Signal(object)  # PlanView
    executed = Signal(object)  # ExecuteResult
    letter_written = Signal(object)  # LetterResult
    person_loaded = Signal(int)  # rows of a rectification case's person
    rectified = Signal(object)  # Rectification
    case_changed = Signal(int)  # case id, after anything was recorded on it
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ctx: AppContext | None = None
        self._case_id: int | None = None
        self._detail: CaseDetail | None = None
        self._candidate: Candidate | None = None
        self._view: PlanView | None = None
        self._person: PersonData | None = None
        self._busy = False

        self.message = QLabel()
        self.message.setObjectName("erasureMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel()
        self.notice.setObjectName("fourEyesNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c060;"
            " padding: 6px; }")
        self.notice.hide()
        self.candidates = CandidateChooser("erasureCandidates")
        self.candidates.chosen.connect(self._use)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addWidget(self.candidates)
        self.erasure_box = self._build_erasure()
        self.rectify_box = self._build_rectify()
        self.consent_box = self._build_consent()
        self.letter_box = self._build_letter()
        layout.addWidget(self.erasure_box, 1)
        layout.addWidget(self.rectify_box)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.letter_box)
        self.rectify_box.hide()
        self.consent_box.hide()
        self._update_buttons()

    # --- building -----------------------------------------------------------------------
    def _build_erasure(self) -> QGroupBox:
        box = QGroupBox(self.tr("Erasure plan"))
        self.plan_tree = QTreeWidget()
        self.plan_tree.setObjectName("planTree")
        self.plan_tree.setHeaderLabels([
            self.tr("Category / table"), self.tr("Erase (rows)"),
            self.tr("Anonymise / pseudonymise"), self.tr("Retain"),
            self.tr("Law and hold end")])
        self.plan_tree.setColumnWidth(0, 260)
        self.plan_tree.currentItemChanged.connect(self._on_plan_item)

        self.category_combo = QComboBox()
        self.category_combo.setObjectName("decisionCategory")
        self.category_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.decision_combo = QComboBox()
        self.decision_combo.setObjectName("decisionChoice")
        self.decision_combo.addItem(self.tr("Retain"), "retain")
        self.decision_combo.addItem(self.tr("Erase"), "erase")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("decisionReason")
        self.reason_edit.setPlaceholderText(
            self.tr("Why? (required, e.g. needed for a dispute, art. 17(3)(e))"))
        self.reason_edit.textChanged.connect(self._update_buttons)
        self.decide_button = QPushButton(self.tr("Change decision"))
        self.decide_button.setObjectName("decideButton")
        self.decide_button.clicked.connect(self.decide)
        decide_row = QHBoxLayout()
        decide_row.addWidget(self.category_combo)
        decide_row.addWidget(self.decision_combo)
        decide_row.addWidget(self.reason_edit, 1)
        decide_row.addWidget(self.decide_button)

        self.new_plan_button = QPushButton(self.tr("New plan"))
        self.new_plan_button.setObjectName("newPlanButton")
        self.new_plan_button.setToolTip(
            self.tr("Collect the person's data again and replace the current plan"))
        self.new_plan_button.clicked.connect(self.new_plan)
        self.dry_run_button = QPushButton(self.tr("Dry run"))
        self.dry_run_button.setObjectName("dryRunButton")
        self.dry_run_button.clicked.connect(self.show_dry_run)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(self.approve)
        self.execute_button = QPushButton(self.tr("Execute"))
        self.execute_button.setObjectName("executeButton")
        self.execute_button.clicked.connect(self.execute)
        self.state_label = QLabel()
        self.state_label.setObjectName("planState")
        # Wraps: a long refusal must not widen the window past 1024 pixels.
        self.state_label.setWordWrap(True)
        self.state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        for b in (self.new_plan_button, self.dry_run_button, self.approve_button,
                  self.execute_button):
            buttons.addWidget(b)

        self.dry_tree = QTreeWidget()
        self.dry_tree.setObjectName("dryRunTree")
        self.dry_tree.setHeaderLabels([
            self.tr("Table"), self.tr("Row"), self.tr("Change"), self.tr("Field"),
            self.tr("Now"), self.tr("After")])
        self.dry_tree.setRootIsDecorated(False)
        self.outcome = QLabel()
        self.outcome.setObjectName("erasureOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.plan_tree)
        split.addWidget(self.dry_tree)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        inner = QVBoxLayout(box)
        inner.addWidget(split, 1)
        inner.addLayout(decide_row)
        inner.addLayout(buttons)
        inner.addWidget(self.outcome)
        return box

    def _build_rectify(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rectify a field (art. 16)"))
        self.rect_table = QComboBox()
        self.rect_table.setObjectName("rectifyTable")
        self.rect_table.currentIndexChanged.connect(self._fill_rows)
        self.rect_row = QComboBox()
        self.rect_row.setObjectName("rectifyRow")
        self.rect_row.currentIndexChanged.connect(self._fill_fields)
        self.rect_field = QComboBox()
        self.rect_field.setObjectName("rectifyField")
        self.rect_field.currentIndexChanged.connect(self._show_old_value)
        self.rect_old = QLabel()
        self.rect_old.setObjectName("rectifyOld")
        self.rect_value = QLineEdit()
        self.rect_value.setObjectName("rectifyValue")
        self.rect_reason = QLineEdit()
        self.rect_reason.setObjectName("rectifyReason")
        self.rect_reason.setPlaceholderText(
            self.tr("What did the person ask to correct, and how was it checked?"))
        self.rect_reason.textChanged.connect(self._update_buttons)
        self.rectify_button = QPushButton(self.tr("Rectify"))
        self.rectify_button.setObjectName("rectifyButton")
        self.rectify_button.clicked.connect(self.rectify)
        form = QFormLayout(box)
        form.addRow(self.tr("Table"), self.rect_table)
        form.addRow(self.tr("Row"), self.rect_row)
        form.addRow(self.tr("Field"), self.rect_field)
        form.addRow(self.tr("Now"), self.rect_old)
        form.addRow(self.tr("New value"), self.rect_value)
        form.addRow(self.tr("Reason"), self.rect_reason)
        form.addRow(self.rectify_button)
        # What was corrected and whom to tell stays here while the data reloads.
        self.rect_done = QLabel()
        self.rect_done.setObjectName("rectifyDone")
        self.rect_done.setWordWrap(True)
        self.rect_done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.rect_done)
        return box

    def _build_consent(self) -> QGroupBox:
        box = QGroupBox(self.tr("Withdraw consent (art. 7(3), 21)"))
        text = QLabel(self.tr(
            "Ends newsletter subscriptions and clears contact choices through the data map, "
            "in one transaction; no approval is needed, since it carries out the person's "
            "own decision."))
        text.setWordWrap(True)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent"))
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.clicked.connect(self.withdraw)
        row = QHBoxLayout(box)
        row.addWidget(text, 1)
        row.addWidget(self.withdraw_button)
        return box

    def _build_letter(self) -> QGroupBox:
        box = QGroupBox(self.tr("Confirmation letter"))
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("letterLanguage")
        self.lang_combo.addItem(self.tr("Swedish"), "sv")
        self.lang_combo.addItem(self.tr("English"), "en")
        self.folder_row = OutputFolderRow(self.tr("Folder for the letter"), "letterFolder")
        self.folder_edit = self.folder_row.edit
        self.letter_button = QPushButton(self.tr("Write letter"))
        self.letter_button.setObjectName("letterButton")
        self.letter_button.clicked.connect(self.write_letter)
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("Folder")))
        row.addWidget(self.folder_row, 1)
        row.addWidget(self.lang_combo)
        row.addWidget(self.letter_button)
        return box

    # --- wiring -------------------------------------------------------------------------
    def set_context(self, ctx: AppContext | None) -> None:
        """Work as ``ctx``'s officer from now on (reload the case to see it their way)."""
        self._ctx = ctx
        if ctx is not None:
            self.folder_row.default_to_home()
        self._update_buttons()

    @property
    def plan(self) -> PlanView | None:
        return self._view

    @property
    def case_id(self) -> int | None:
        """The case the panel shows (None before one is opened)."""
        return self._case_id

    def load_case(self, case_id: int) -> None:
        """Show the case's plan, or find its person and make one (in the background)."""
        if self._ctx is None:
            return
        ctx = self._ctx
        self._case_id, self._detail, self._candidate = case_id, None, None
        self._view, self._person = None, None
        for tree in (self.plan_tree, self.dry_tree):
            tree.clear()
        self.candidates.reset()
        self.notice.hide()
        self.outcome.clear()
        self.state_label.clear()
        self.rect_done.clear()
        self.message.setText(self.tr("Looking the case and its person up…"))
        self._submit(lambda: _load(ctx, case_id), self._on_loaded, "erasure_load")

    def _submit(self, fn: Any, done: Any, name: str) -> None:
        self._busy = True
        self._update_buttons()

        def finish(result: object) -> None:
            self._busy = False
            done(result)
            self._update_buttons()

        self._runner.submit(fn, finish, self._on_error, name=name)

    def _on_loaded(self, loaded: Loaded) -> None:
        if loaded.detail.case_id != self._case_id:
            return
        self._detail = loaded.detail
        kind = loaded.detail.request_type
        self.erasure_box.setVisible(kind in ERASURE_TYPES or loaded.plan is not None)
        self.rectify_box.setVisible(kind in RECTIFY_TYPES)
        self.consent_box.setVisible(kind in CONSENT_TYPES)
        self.letter_box.setVisible(kind not in RECTIFY_TYPES)
        if loaded.plan is not None:
            self._show_plan(loaded.plan)
        elif loaded.lookup is not None:
            self._on_found(loaded.lookup)

    def _on_found(self, result: LookupResult) -> None:
        if not result.candidates:
            self._fail(self.tr("Nobody in the portal matches the identifiers of this request."))
            return
        if len(result.candidates) == 1:
            self._use(result.candidates[0])
            return
        self.candidates.offer(result.candidates)
        # Nobody preselected: the plan made for the one chosen may erase their data.
        self.candidates.setCurrentIndex(-1)
        self.message.setText(self.tr(
            "{n} people match. Choose one; their data is never merged.").format(
                n=len(result.candidates)))
        self.candidates_found.emit(len(result.candidates))

    @Slot(int)
    def _on_candidate(self, index: int) -> None:
        """Choose the candidate at ``index``, as activating that item does."""
        self.candidates.choose(index)

    def _use(self, cand: Candidate) -> None:
        """The person is known: plan (erasure), load the form (rectify) or wait (consent)."""
        self._candidate = cand
        if self._ctx is None or self._detail is None:
            return
        ctx, case_id, kind = self._ctx, self._detail.case_id, self._detail.request_type
        if kind in ERASURE_TYPES:
            self.message.setText(self.tr("Making the erasure plan…"))
            self._submit(lambda: create_plan(ctx.case_store, ctx.portal, ctx.datamap, case_id,
                                             cand, actor=ctx.officer),
                         self._after_plan_change, "erasure_plan")
        elif kind in RECTIFY_TYPES:
            self.message.setText(self.tr("Loading what the portal holds…"))
            self._submit(lambda: current_data(ctx.portal, ctx.datamap, cand), self._show_person,
                         "rectify_collect")
        else:
            self.message.setText(self.tr(
                "Case {case}: the person is found. Withdraw their consent when ready.").format(
                    case=self._detail.case_number))

    # --- the plan -----------------------------------------------------------------------
    def _after_plan_change(self, view: PlanView) -> None:
        self._show_plan(view)
        self.case_changed.emit(view.case_id)

    def _show_plan(self, view: PlanView) -> None:
        self._view = view
        self.dry_tree.clear()
        plan = view.plan
        dmap = self._ctx.datamap if self._ctx is not None else None
        lang = ui_language()
        retained = {c: (d, why, by) for c, d, why, by in view.decisions}
        pseudo = Counter((c.category, r.table) for r in plan.rows for c in r.changes
                         if c.strategy is Erasure.PSEUDONYMISE)
        current = self.category_combo.currentData()
        self.category_combo.clear()
        self.plan_tree.clear()
        cats: dict[str, QTreeWidgetItem] = {}
        for s in plan.summary():
            cat_item = cats.get(s.category)
            if cat_item is None:
                info = dmap.categories.get(s.category) if dmap is not None else None
                title = info.title.get(lang) if info is not None else s.category
                cat_item = QTreeWidgetItem(self.plan_tree, [title])
                cat_item.setData(0, PLAN_ROLE, (s.category, None))
                decision = retained.get(s.category)
                if decision is not None and decision[0] == "retain":
                    cat_item.setText(4, self.tr("Retained by decision: {reason} ({who})")
                                     .format(reason=decision[1], who=decision[2]))
                cat_item.setExpanded(True)
                cats[s.category] = cat_item
                self.category_combo.addItem(title, s.category)
            anon = (self.tr("%n row(s)", "", s.updated) + ", "
                    + self.tr("%n field(s)", "", s.fields_changed)) if s.updated else "0"
            if pseudo[(s.category, s.table)]:
                anon += " " + self.tr("({n} pseudonymised)").format(
                    n=pseudo[(s.category, s.table)])
            law = tip = ""
            if s.held and dmap is not None:
                spec = dmap.tables.get(s.table)
                rule = dmap.holds.get(spec.hold.rule) if spec and spec.hold else None
                first, last = s.hold_ends[0].isoformat(), s.hold_ends[-1].isoformat()
                law = self.tr("{law}; may be erased from {ends}").format(
                    law=rule.law if rule else "",
                    ends=first if first == last else f"{first} … {last}")
                tip = ", ".join(d.isoformat() for d in s.hold_ends)
            spec = dmap.tables.get(s.table) if dmap is not None else None
            table_item = QTreeWidgetItem(cat_item, [
                spec.title_in(lang) if spec is not None else s.table, str(s.deleted), anon,
                str(s.held + s.kept), law])
            table_item.setToolTip(0, s.table)  # the portal's own name, for the DBA
            table_item.setData(0, PLAN_ROLE, (s.category, s.table))
            if law:
                table_item.setToolTip(4, self.tr("Each row is held until its own date: {dates}")
                                      .format(dates=tip))
            for col in (1, 2, 3):
                table_item.setTextAlignment(col, Qt.AlignmentFlag.AlignCenter)
        for col in range(5):
            self.plan_tree.resizeColumnToContents(col)
        if current is not None:
            self.category_combo.setCurrentIndex(max(self.category_combo.findData(current), 0))
        self.notice.setText(self._notice_text(view.four_eyes_notice))
        self.notice.setVisible(bool(view.four_eyes_notice) and view.kind == "erasure")
        self._show_state(view)
        self._show_outcome(view)
        self.plan_shown.emit(view)

    def _notice_text(self, notice: str | None) -> str:
        """The service's four-eyes notice in the officer's language."""
        if notice == SQLITE_NOTICE:
            return self.tr(
                "Four-eyes approval is not enforced on this embedded SQLite case store: "
                "officer names are not tied to database logins, so anyone with the file "
                "could approve under another name. Use a PostgreSQL or MariaDB case store "
                "with one login per officer to enforce it.")
        if notice == SHARED_LOGIN_NOTICE:
            return self.tr(
                "Author and approver used the same database login, so the store cannot "
                "prove two people took part: four-eyes is not enforced for this approval.")
        return notice or ""

    def _strategy_label(self, strategy: Erasure) -> str:
        return {Erasure.DELETE_ROW: self.tr("whole row"), Erasure.SET_NULL: self.tr("emptied"),
                Erasure.REPLACE: self.tr("replaced"),
                Erasure.PSEUDONYMISE: self.tr("pseudonymised (keyed hash)"),
                Erasure.KEEP: self.tr("kept")}.get(strategy, strategy.value)

    def _show_state(self, view: PlanView) -> None:
        states = {DRAFT: self.tr("draft: not approved"), APPROVED: self.tr("approved"),
                  COMMITTED: self.tr("executed"), NOT_EXECUTED: self.tr("not executed"),
                  "started": self.tr("being executed"), "superseded": self.tr("superseded"),
                  "unknown": self.tr("outcome unknown: the connection broke at COMMIT"),
                  "changed": self.tr("changed by someone else — look")}
        text = self.tr("Plan {id} by {author}: {state}").format(
            id=view.id, author=view.created_by, state=states.get(view.state, view.state))
        if view.approved_by:
            text += " · " + self.tr("approved by {who}").format(who=view.approved_by)
        self.state_label.setText(text)
        c = _counts(view.plan)
        self.message.setText(self.tr(
            "Case {case}: rows to delete {deleted}, to anonymise {updated}, kept under a "
            "legal hold {held}.").format(case=view.case_number, **c))
        why = self._approve_refusal(view)
        self.approve_button.setToolTip(why or "")
        if why and view.state == DRAFT and view.kind == "erasure":
            self.state_label.setText(f"{text} – {why}")

    def _approve_refusal(self, view: PlanView) -> str | None:
        """Why this officer may not approve (None: they may), said before they try."""
        ctx = self._ctx
        if ctx is None:
            return None
        if ctx.officer == view.created_by or ctx.officer in view.deciders:
            return self.tr("You made or changed this plan, so another approver must "
                           "approve it.")
        if ctx.roles is not None and not ctx.roles.has(Role.APPROVER):
            return self.tr("You are not an approver: an approver must approve this plan.")
        return None

    def _show_outcome(self, view: PlanView) -> None:
        done = [e for e in view.executions if e.state == COMMITTED]
        failed = [e for e in view.executions if e.state == NOT_EXECUTED]
        last = view.executions[-1] if view.executions else None
        if last is not None and last.state in ("unknown", "changed"):
            self.outcome.setText(self.tr("No outcome recorded: {note}").format(
                note=last.note or ""))
            return
        if not done:
            self.outcome.setText(
                "" if not failed else self.tr("Not executed: {note}").format(
                    note=failed[-1].note or ""))
            return
        ex = done[-1]
        parts = [self.tr("<b>Executed</b> by {who} on {day}; verification: {check}").format(
            who=ex.executed_by, day=ex.started_at.strftime("%Y-%m-%d %H:%M"),
            check=self.tr("only the retained data remains") if ex.verified
            else self.tr("problems found: {note}").format(note=ex.note or ""))]
        parts.append("<table cellspacing='4'><tr><th align='left'>{}</th><th>{}</th>"
                     "<th>{}</th><th>{}</th></tr>".format(
                         self.tr("Table"), self.tr("Deleted"), self.tr("Anonymised"),
                         self.tr("Retained")))
        for table, c in sorted(ex.counts.items()):
            parts.append(f"<tr><td>{table}</td><td align='center'>{c['deleted']}</td>"
                         f"<td align='center'>{c['updated']}</td>"
                         f"<td align='center'>{c['retained']}</td></tr>")
        parts.append("</table>")
        holds: Counter[tuple[str, str, date]] = Counter(ex.holds)
        if holds:
            parts.append("<b>{}</b><ul>".format(self.tr("Kept under a legal hold")))
            for (table, law, ends), n in sorted(holds.items(), key=lambda kv: kv[0][2]):
                spec = self._ctx.datamap.tables.get(table) if self._ctx else None
                title = spec.title_in(ui_language()) if spec is not None else table
                parts.append("<li>" + self.tr(
                    "%n row(s) of {table}, may be erased from {ends} ({law})", "", n).format(
                        table=title, ends=ends.isoformat(), law=law) + "</li>")
            parts.append("</ul>")
        self.outcome.setText("".join(parts))

    @Slot()
    def _on_plan_item(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        target = item.data(0, PLAN_ROLE) if item is not None else None
        if isinstance(target, tuple):
            index = self.category_combo.findData(target[0])
            if index >= 0:
                self.category_combo.setCurrentIndex(index)

    # --- steps --------------------------------------------------------------------------
    @Slot()
    def new_plan(self) -> None:
        if self._ctx is None or self._case_id is None:
            return
        if self._candidate is not None:
            self._use(self._candidate)
            return
        ctx, case_id = self._ctx, self._case_id
        self.message.setText(self.tr("Looking the person up in the portal…"))
        self._submit(lambda: erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id),
                     self._on_found, "erasure_subject")

    @Slot()
    def decide(self) -> None:
        view, ctx = self._view, self._ctx
        if view is None or ctx is None:
            return
        category = str(self.category_combo.currentData())
        decision = str(self.decision_combo.currentData())
        reason = self.reason_edit.text()

        def done(new: PlanView) -> None:
            self.reason_edit.clear()
            self._after_plan_change(new)

        self._submit(lambda: decide_category(ctx.case_store, ctx.portal, ctx.datamap, view.id,
                                             category=category, decision=decision,
                                             reason=reason, actor=ctx.officer),
                     done, "erasure_decide")

    @Slot()
    def show_dry_run(self) -> None:
        view, ctx = self._view, self._ctx
        if view is None or ctx is None:
            return
        self.message.setText(self.tr("Working out exactly what would change…"))
        self._submit(lambda: dry_run(ctx.case_store, ctx.portal, ctx.datamap, view.id,
                                     actor=ctx.officer), self._show_dry_run, "erasure_dry_run")

    def _show_dry_run(self, lines: list[DryRunLine]) -> None:
        self.dry_tree.clear()
        actions = {Action.DELETE: self.tr("delete row"), Action.UPDATE: self.tr("change field"),
                   Action.KEEP: self.tr("keep")}
        for line in lines:
            strategy = "" if line.strategy in (None, Erasure.DELETE_ROW) else \
                f" ({self._strategy_label(line.strategy)})"
            QTreeWidgetItem(self.dry_tree, [
                line.table, line.key, actions.get(line.action, str(line.action)) + strategy,
                line.column or "", _text(line.old) if line.column else "",
                _text(line.new) if line.column else ""])
        for col in range(6):
            self.dry_tree.resizeColumnToContents(col)
        self.message.setText(self.tr("Dry run: changes that would be made {n}; nothing was "
                                     "changed.").format(n=len(lines)))
        self.dry_run_shown.emit(len(lines))

    @Slot()
    def approve(self) -> None:
        view, ctx = self._view, self._ctx
        if view is None or ctx is None:
            return

        def done(new: PlanView) -> None:
            self._after_plan_change(new)
            self.approved.emit(new)

        self._submit(lambda: approve_plan(ctx.case_store, view.id, expected_sha256=view.sha256,
                                          actor=ctx.officer), done, "erasure_approve")

    @Slot()
    def execute(self) -> None:
        view, ctx = self._view, self._ctx
        if view is None or ctx is None:
            return
        self.message.setText(self.tr("Executing the plan in one portal transaction…"))
        self._submit(lambda: execute(ctx.case_store, ctx.portal_writer, ctx.datamap, view.id,
                                     actor=ctx.officer), self._on_executed, "erasure_execute")

    def _on_executed(self, result: ExecuteResult) -> None:
        self.erasure_box.show()
        self._after_plan_change(result.view)
        self.executed.emit(result)

    @Slot()
    def withdraw(self) -> None:
        ctx, cand, case_id = self._ctx, self._candidate, self._case_id
        if ctx is None or cand is None or case_id is None:
            return
        self.message.setText(self.tr("Withdrawing consent in one portal transaction…"))
        self._submit(lambda: withdraw_consent(ctx.case_store, ctx.portal_writer, ctx.datamap,
                                              case_id, cand, actor=ctx.officer),
                     self._on_executed, "withdraw_consent")

    # --- rectification ------------------------------------------------------------------
    def _show_person(self, person: PersonData) -> None:
        self._person = person
        self.rect_table.blockSignals(True)
        self.rect_table.clear()
        dmap = person.datamap
        for table in sorted(person.tables()):
            spec = dmap.tables[table]
            if any(c.personal and c.category for c in spec.columns.values()):
                self.rect_table.addItem(table, table)
        self.rect_table.blockSignals(False)
        self._fill_rows()
        assert self._detail is not None
        self.message.setText(self.tr(
            "Case {case}: {rows} rows in {tables} tables. Choose the field to correct.").format(
                case=self._detail.case_number, rows=len(person.rows),
                tables=len(person.tables())))
        self.person_loaded.emit(len(person.rows))

    @Slot()
    def _fill_rows(self) -> None:
        self.rect_row.blockSignals(True)
        self.rect_row.clear()
        table = self.rect_table.currentData()
        if self._person is not None and table:
            for row in self._person.tables().get(str(table), []):
                label = ", ".join(f"{k}={_text(v)}" for k, v in row.key.items())
                self.rect_row.addItem(label, row)
        self.rect_row.blockSignals(False)
        self._fill_fields()

    @Slot()
    def _fill_fields(self) -> None:
        self.rect_field.blockSignals(True)
        self.rect_field.clear()
        table = self.rect_table.currentData()
        if self._person is not None and table:
            spec = self._person.datamap.tables[str(table)]
            for name, col in spec.columns.items():
                if col.personal and col.category:
                    self.rect_field.addItem(name, name)
        self.rect_field.blockSignals(False)
        self._show_old_value()

    @Slot()
    def _show_old_value(self) -> None:
        row, column = self.rect_row.currentData(), self.rect_field.currentData()
        value = row.values.get(column) if row is not None and column else None
        self.rect_old.setText(_text(value))
        self._update_buttons()

    @Slot()
    def rectify(self) -> None:
        ctx, cand, case_id = self._ctx, self._candidate, self._case_id
        row, column = self.rect_row.currentData(), self.rect_field.currentData()
        if ctx is None or cand is None or case_id is None or row is None or not column:
            return
        table, key = str(self.rect_table.currentData()), dict(row.key)
        value = self.rect_value.text()
        reason = self.rect_reason.text()
        lang = ui_language()

        def done(r: Rectification) -> None:
            tell = "; ".join(f"{t}: {who}" for t, who in r.recipients)
            self.rect_value.clear()
            self.rect_reason.clear()
            self.rect_done.setText(self.tr(
                "{table}.{column} corrected. Tell these recipients (art. 19): {tell}").format(
                    table=r.table, column=r.column, tell=tell))
            self.rectified.emit(r)
            self.case_changed.emit(case_id)
            self._use(cand)

        self._submit(lambda: rectify(ctx.case_store, ctx.portal_writer, ctx.datamap, case_id, cand,
                                     table=table, key=key, column=str(column),
                                     new_value=value or None, reason=reason,
                                     actor=ctx.officer, lang=lang),
                     done, "rectify")

    # --- letter -------------------------------------------------------------------------
    @Slot()
    def write_letter(self) -> None:
        view, ctx = self._view, self._ctx
        if view is None or ctx is None:
            return
        folder = self.folder_row.folder()
        lang = str(self.lang_combo.currentData())
        self.message.setText(self.tr("Writing the confirmation letter…"))

        def done(result: LetterResult) -> None:
            self.message.setText(self.tr("Letter written: {path}").format(path=result.path))
            self.letter_written.emit(result)
            self.case_changed.emit(view.case_id)

        self._submit(lambda: write_letter(ctx.case_store, ctx.datamap, view.id,
                                          out_dir=folder, lang=lang, actor=ctx.officer,
                                          organisation=require_organisation(ctx.paths),
                                          config_dir=ctx.paths.config_dir),
                     done, "erasure_letter")

    # --- state --------------------------------------------------------------------------
    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self._fail(error_text(exc))

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self._update_buttons()
        self.failed.emit(text)

    def _update_buttons(self, *_args: object) -> None:
        ready = self._ctx is not None and not self._busy
        view = self._view
        open_plan = ready and view is not None and view.state in (DRAFT, APPROVED,
                                                                  NOT_EXECUTED)
        self.decide_button.setEnabled(open_plan and self.category_combo.count() > 0
                                      and bool(self.reason_edit.text().strip()))
        self.dry_run_button.setEnabled(open_plan)
        self.approve_button.setEnabled(
            open_plan and view is not None and view.state == DRAFT and view.kind == "erasure"
            and self._approve_refusal(view) is None)
        # Only when the service would execute it; otherwise the tooltip says why
        # ("Planen är inte godkänd").
        why = None if view is None else execute_refusal(
            view.id, view.kind, view.state,
            approved_as_planned=view.state != APPROVED or view.approved_by is not None)
        self.execute_button.setEnabled(open_plan and why is None)
        self.execute_button.setToolTip(
            "" if why is None else f"{why.message.render()} {why.hint.render()}")
        self.new_plan_button.setEnabled(
            ready and self._detail is not None
            and self._detail.request_type in ERASURE_TYPES
            and (view is None or view.state not in UNSETTLED))
        self.letter_button.setEnabled(ready and view is not None and view.state == COMMITTED)
        self.withdraw_button.setEnabled(ready and self._candidate is not None
                                        and (view is None or view.state != COMMITTED))
        self.rectify_button.setEnabled(ready and self._person is not None
                                       and self.rect_row.currentData() is not None
                                       and bool(self.rect_field.currentData())
                                       and bool(self.rect_reason.text().strip()))


def _counts(plan: ErasurePlan) -> dict[str, int]:
    return {"deleted": len(plan.by_action(Action.DELETE)),
            "updated": len(plan.by_action(Action.UPDATE)), "held": len(plan.held)}

