"""The restriction panel (art. 18): plan on a ground, dry run, apply in one transaction,
confirm, and lift only after the notice; with the desk's list of active restrictions.

It calls :mod:`privacy_desk.services.restriction` on the worker thread, as the CLI does;
the services have the last word (a refused step shows its message and hint).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from privacy_desk.domain.requests import RequestType
from privacy_desk.services.context import AppContext
from privacy_desk.services.letters import LetterResult
from privacy_desk.services.restriction import (
    ActiveRestriction,
    Ground,
    RestrictionLine,
    RestrictionView,
    active_restrictions,
    apply_restriction,
    case_restrictions,
    lift,
    plan_restriction,
    reconcile_restriction,
    restriction_dry_run,
    write_confirmation,
    write_lift_notice,
)
from privacy_desk.ui.pickers import ui_language
from privacy_desk.ui.rights_base import RightsPanel, letters
from privacy_desk.ui.tasks import TaskRunner


def _latest(ctx: AppContext, case_id: int) -> RestrictionView | None:
    """The case's newest restriction, settled if a dead process left it 'started'."""
    views = case_restrictions(ctx.case_store, case_id)
    if not views:
        return None
    if views[0].state == "started":
        return reconcile_restriction(ctx.case_store, ctx.portal, ctx.datamap, views[0].id)
    return views[0]


class RestrictionPanel(RightsPanel):
    """Restriction for one case, and the list of every restriction in force."""

    TYPES = frozenset({RequestType.RESTRICTION, RequestType.OBJECTION})
    NAME = "restriction"

    planned = Signal(object)  # RestrictionView
    dry_run_shown = Signal(int)
    applied = Signal(object)  # RestrictionView
    letter_written = Signal(object)  # LetterResult
    lifted = Signal(object)  # RestrictionView
    active_listed = Signal(int)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._view: RestrictionView | None = None

        box = QGroupBox(self.tr("Restriction plan"))
        self.ground_combo = QComboBox()
        self.ground_combo.setObjectName("restrictionGround")
        for g, label in self._grounds().items():
            self.ground_combo.addItem(label, g.value)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("restrictionReason")
        self.reason_edit.setPlaceholderText(self.tr("Why? (required, the person reads it)"))
        self.reason_edit.textChanged.connect(self.update_buttons)
        self.review_edit = QDateEdit()
        self.review_edit.setObjectName("restrictionReview")
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat("yyyy-MM-dd")
        self.review_edit.setDate(QDate.currentDate().addMonths(1))  # art. 18 is temporary
        self.plan_button = QPushButton(self.tr("Plan"))
        self.plan_button.setObjectName("restrictionPlanButton")
        self.plan_button.clicked.connect(self.plan)
        top = QHBoxLayout()
        top.addWidget(self.ground_combo)
        top.addWidget(self.reason_edit, 1)
        top.addWidget(QLabel(self.tr("Review on")))
        top.addWidget(self.review_edit)
        top.addWidget(self.plan_button)
        self.plan_tree = QTreeWidget()
        self.plan_tree.setObjectName("restrictionTree")
        self.plan_tree.setHeaderLabels([self.tr("Table"), self.tr("Row"),
                                        self.tr("How the portal is told"), self.tr("Fields")])
        self.plan_tree.setRootIsDecorated(False)
        for col, width in ((0, 200), (1, 150), (2, 300)):
            self.plan_tree.setColumnWidth(col, width)
        self.state_label = QLabel()
        self.state_label.setObjectName("restrictionState")
        self.dry_run_button = QPushButton(self.tr("Dry run"))
        self.dry_run_button.setObjectName("restrictionDryRunButton")
        self.dry_run_button.clicked.connect(self.dry_run)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setObjectName("restrictionApplyButton")
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.dry_run_button)
        buttons.addWidget(self.apply_button)
        inner = QVBoxLayout(box)
        inner.addLayout(top)
        inner.addWidget(self.plan_tree, 1)
        inner.addLayout(buttons)
        self.body.addWidget(box, 1)

        lbox = QGroupBox(self.tr("Letters and lifting (the person is told first, art. 18(3))"))
        row, self.folder_row, self.lang_combo = self.letter_row(self.tr("Folder for the letter"))
        self.letter_button = QPushButton(self.tr("Write confirmation"))
        self.letter_button.setObjectName("restrictionLetterButton")
        self.letter_button.clicked.connect(self.write_letter)
        row.addWidget(self.letter_button)
        self.lift_reason = QLineEdit()
        self.lift_reason.setObjectName("liftReason")
        self.lift_reason.setPlaceholderText(self.tr("Why is it lifted? (the notice says it)"))
        self.lift_reason.textChanged.connect(self.update_buttons)
        self.notice_button = QPushButton(self.tr("Write notice"))
        self.notice_button.setObjectName("liftNoticeButton")
        self.notice_button.clicked.connect(self.write_notice)
        self.lift_button = QPushButton(self.tr("Lift"))
        self.lift_button.setObjectName("liftButton")
        self.lift_button.clicked.connect(self.lift)
        lift_row = QHBoxLayout()
        lift_row.addWidget(self.lift_reason, 1)
        lift_row.addWidget(self.notice_button)
        lift_row.addWidget(self.lift_button)
        linner = QVBoxLayout(lbox)
        linner.addLayout(row)
        linner.addLayout(lift_row)
        self.body.addWidget(lbox)

        abox = QGroupBox(self.tr("Active restrictions"))
        self.active_tree = QTreeWidget()
        self.active_tree.setObjectName("activeRestrictions")
        self.active_tree.setHeaderLabels([self.tr("Case"), self.tr("Ground"), self.tr("Since"),
                                          self.tr("Review on"), self.tr("Rows"),
                                          self.tr("Notice written")])
        self.active_tree.setRootIsDecorated(False)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("activeRefreshButton")
        self.refresh_button.clicked.connect(self.refresh_active)
        ainner = QVBoxLayout(abox)
        ainner.addWidget(self.active_tree)
        ainner.addWidget(self.refresh_button)
        self.body.addWidget(abox)
        self.update_buttons()

    def _grounds(self) -> dict[Ground, str]:
        return {Ground.ACCURACY: self.tr("Accuracy contested (18(1)(a))"),
                Ground.UNLAWFUL: self.tr("Unlawful, kept at the person's wish (18(1)(b))"),
                Ground.LEGAL_CLAIMS: self.tr("Needed for the person's legal claims (18(1)(c))"),
                Ground.OBJECTION: self.tr("Objection being considered (18(1)(d))")}

    def _mechanisms(self) -> dict[str, str]:
        return {"flag": self.tr("Flag column"), "status": self.tr("Status value"),
                "register": self.tr("Restriction register"),
                "none": self.tr("No means in the portal: tell {systems}")}

    def on_context(self) -> None:
        if self._ctx is not None:
            self.folder_row.default_to_home()
            self.refresh_active()

    def clear_case(self) -> None:
        self._view = None
        self.plan_tree.clear()
        self.state_label.clear()

    def extra_load(self) -> Callable[[AppContext, int], Any] | None:
        return _latest

    def on_extra(self, extra: Any) -> None:
        if isinstance(extra, RestrictionView):
            self._show(extra)

    @property
    def restriction(self) -> RestrictionView | None:
        return self._view

    def _show(self, view: RestrictionView) -> None:
        self._view = view
        self.plan_tree.clear()
        mech = self._mechanisms()
        dm = self._ctx.datamap if self._ctx is not None else None
        lang = ui_language()
        for r in view.plan.rows:
            how = mech[r.mechanism.value].format(systems=", ".join(r.tell) or "—")
            if r.column:
                how += f" ({r.column})"
            spec = dm.tables.get(r.table) if dm else None
            fields = self.tr("whole row") if r.whole_row else ", ".join(
                spec.column_title(f, lang) if spec else f for f in r.fields)
            QTreeWidgetItem(self.plan_tree, [spec.title_in(lang) if spec else r.table,
                                             r.key_json(), how, fields])
        states = {"draft": self.tr("draft"), "started": self.tr("being applied"),
                  "active": self.tr("active"), "not executed": self.tr("not executed"),
                  "lifted": self.tr("lifted")}
        self.state_label.setText(self.tr("Restriction {id}: {state}").format(
            id=view.id, state=states.get(view.state, view.state))
            + (self.tr("; notice written") if view.notice_file else ""))

    def _changed(self, view: RestrictionView) -> None:
        self._show(view)
        self.case_changed.emit(view.case_id)
        self.refresh_active()

    # --- steps ------------------------------------------------------------------------------
    def plan(self) -> None:
        ctx, case_id, cand = self._ctx, self._case_id, self._candidate
        if ctx is None or case_id is None or cand is None:
            return
        ground, reason = str(self.ground_combo.currentData()), self.reason_edit.text()
        review = self.review_edit.date().toPython()
        self.submit(lambda: plan_restriction(ctx.case_store, ctx.portal, ctx.datamap, case_id,
                                             cand, ground=ground, reason=reason,
                                             review_on=review,  # type: ignore[arg-type]
                                             actor=ctx.officer),
                    self._on_planned, "restriction_plan")

    def _on_planned(self, view: RestrictionView) -> None:
        self._changed(view)
        self.planned.emit(view)

    def dry_run(self) -> None:
        ctx, view = self._ctx, self._view
        if ctx is None or view is None:
            return
        self.submit(lambda: restriction_dry_run(ctx.case_store, view.id, actor=ctx.officer),
                    self._on_dry_run, "restriction_dry_run")

    def _on_dry_run(self, lines: list[RestrictionLine]) -> None:
        self.message.setText(self.tr("Dry run: {n} row(s) would be marked; nothing was "
                                     "changed.").format(n=len(lines)))
        self.dry_run_shown.emit(len(lines))

    def apply(self) -> None:
        ctx, view = self._ctx, self._view
        if ctx is None or view is None:
            return
        self.submit(lambda: apply_restriction(ctx.case_store, ctx.portal_writer, ctx.datamap,
                                              view.id, actor=ctx.officer),
                    self._on_applied, "restriction_apply")

    def _on_applied(self, view: RestrictionView) -> None:
        self._changed(view)
        self.message.setText(self.tr("Applied and checked in the portal.") if view.verified
                             else self.tr("Applied, but the check found markers missing."))
        self.applied.emit(view)

    def write_letter(self) -> None:
        ctx, view = self._ctx, self._view
        if ctx is None or view is None:
            return
        folder, lang = self.folder_row.folder(), str(self.lang_combo.currentData())
        self.submit(lambda: write_confirmation(ctx.case_store, ctx.datamap, view.id,
                                               out_dir=folder, lang=lang,
                                               actor=ctx.officer, portal=ctx.portal,
                                               **letters(ctx)),
                    self._on_letter, "restriction_letter")

    def write_notice(self) -> None:
        ctx, view = self._ctx, self._view
        if ctx is None or view is None:
            return
        folder, lang = self.folder_row.folder(), str(self.lang_combo.currentData())
        reason = self.lift_reason.text()
        self.submit(lambda: write_lift_notice(ctx.case_store, ctx.datamap, view.id,
                                              reason=reason, out_dir=folder, lang=lang,
                                              actor=ctx.officer, portal=ctx.portal,
                                               **letters(ctx)),
                    self._on_notice, "restriction_notice")

    def _on_letter(self, letter: LetterResult) -> None:
        self.message.setText(self.tr("Written: {path}").format(path=str(letter.path)))
        self.letter_written.emit(letter)
        if self._view is not None:
            self.case_changed.emit(self._view.case_id)

    def _on_notice(self, letter: LetterResult) -> None:
        self._on_letter(letter)
        ctx, case_id = self._ctx, self._case_id
        if ctx is not None and case_id is not None:
            self.submit(lambda: _latest(ctx, case_id), self._on_extra_reload,
                        "restriction_reload")

    def _on_extra_reload(self, view: RestrictionView | None) -> None:
        if view is not None:
            self._changed(view)

    def lift(self) -> None:
        ctx, view = self._ctx, self._view
        if ctx is None or view is None:
            return
        self.submit(lambda: lift(ctx.case_store, ctx.portal_writer, ctx.datamap, view.id,
                                 actor=ctx.officer),
                    self._on_lifted, "restriction_lift")

    def _on_lifted(self, view: RestrictionView) -> None:
        self._changed(view)
        self.message.setText(self.tr("Lifted; the markers are gone from the portal."))
        self.lifted.emit(view)

    @Slot()
    def refresh_active(self) -> None:
        ctx = self._ctx
        if ctx is None:
            return
        self._runner.submit(lambda: active_restrictions(ctx.case_store, actor=ctx.officer),
                            self._show_active, self._on_error, name="restrictions_active")

    def _show_active(self, rows: list[ActiveRestriction]) -> None:
        self.active_tree.clear()
        grounds = self._grounds()
        for a in rows:
            QTreeWidgetItem(self.active_tree, [
                a.case_number, grounds[a.ground], a.since.strftime("%Y-%m-%d"),
                a.review_on.isoformat() if a.review_on else "—", str(a.rows),
                self.tr("yes") if a.notice_written else self.tr("no")])
        self.active_listed.emit(len(rows))

    def update_buttons(self, *_args: object) -> None:
        if not hasattr(self, "active_tree"):
            return
        ready = self.ready()
        state = self._view.state if self._view is not None else None
        self.plan_button.setEnabled(ready and bool(self.reason_edit.text().strip())
                                    and state not in ("active", "started"))
        self.dry_run_button.setEnabled(ready and state in ("draft", "not executed"))
        self.apply_button.setEnabled(ready and state in ("draft", "not executed"))
        self.letter_button.setEnabled(ready and state == "active")
        self.notice_button.setEnabled(ready and state == "active"
                                      and bool(self.lift_reason.text().strip()))
        # Enabled for an active restriction even without the notice: the service refuses
        # and says why (art. 18(3)), which the officer should read rather than guess.
        self.lift_button.setEnabled(ready and state == "active")
        self.refresh_button.setEnabled(self._ctx is not None)
