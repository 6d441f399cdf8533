"""What an officer can do to the selected case: claim, verify, change status, extend, decide.

Each action opens its dialog (if it needs one) and runs the service on the worker; the
case is then read afresh and handed back (:attr:`CaseActions.case_changed`) for the queue
tab to show. Actions are enabled only where the services would allow them, and never
for a read-only (auditor's) window, though the services have the last word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from privacy_desk.clock import stockholm_today
from privacy_desk.domain.allowance import AllowanceDecision
from privacy_desk.domain.deadlines import due_date
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.services.attachments import read_attachment
from privacy_desk.services.case_rules import CaseAction, Permissions, Refusal, case_permissions
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import (
    claim_case,
    extend_case,
    record_allowance_decision,
    release_case,
    verify_identity,
)
from privacy_desk.services.context import AppContext
from privacy_desk.services.person_cases import NewCasePrefill
from privacy_desk.services.queue import CaseDetail
from privacy_desk.ui.case_detail import CaseView, load_case_view
from privacy_desk.ui.case_dialogs import (
    CaseDialog,
    DecisionDialog,
    ExtendDialog,
    RegisterDialog,
    StatusDialog,
    VerifyIdentityDialog,
)
from privacy_desk.ui.errors import describe_error
from privacy_desk.ui.tasks import TaskRunner


class CaseActions(QObject):
    """The case actions (for the toolbar) and the dialogs and service calls behind them."""

    #: A service changed a case: the case as it now is (a :class:`CaseView`).
    case_changed = Signal(object)
    #: Emitted with the case id after an action on a case succeeded.
    action_done = Signal(int)
    #: Emitted with message and hint when an action without a dialog failed.
    error = Signal(str, str)
    #: Emitted with a message when an action failed.
    action_failed = Signal(str)
    #: A dialog closed: keyboard focus goes back to the queue.
    dialog_closed = Signal()
    #: The desk offers to mark the case (id) answered (:attr:`answer_offer` is the box).
    answer_offered = Signal(int)

    def __init__(self, runner: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._ctx: AppContext | None = None
        self._view: CaseView | None = None
        # The case dialog currently open (tests fill it in), if any.
        self.active_dialog: CaseDialog | None = None
        # The "mark answered?" question currently open, if any.
        self.answer_offer: QMessageBox | None = None

        self.register_action = self._action(
            self.tr("Register request…"), "registerAction", self.open_register_dialog,
            "Ctrl+N")
        self.claim_action = self._action(
            self.tr("Claim"), "claimAction", self.claim_current, "Ctrl+M")
        self.release_action = self._action(
            self.tr("Release"), "releaseAction", self.release_current)
        self.verify_action = self._action(
            self.tr("Verify identity…"), "verifyAction", self.open_verify_dialog, "Ctrl+I")
        self.status_action = self._action(
            self.tr("Change status…"), "statusAction", self.open_status_dialog, "Ctrl+T")
        self.extend_action = self._action(
            self.tr("Extend…"), "extendAction", self.open_extend_dialog, "Ctrl+E")
        self.decision_action = self._action(
            self.tr("Allowance decision…"), "decisionAction", self.open_decision_dialog,
            "Ctrl+D")
        # These two open another tab; the window connects them.
        self.preview_action = self._action(
            self.tr("Preview extract"), "previewAction", None, "Ctrl+P")
        self.erasure_action = self._action(
            self.tr("Erasure plan…"), "erasureAction", None, "Ctrl+R")
        self.answer_action = self._action(
            self.tr("Mark answered"), "answerAction", self.mark_answered, "Ctrl+Shift+A")
        #: The rule behind each action (the services' "may I?", see case_rules).
        self._by_rule: dict[CaseAction, QAction] = {
            CaseAction.CLAIM: self.claim_action, CaseAction.RELEASE: self.release_action,
            CaseAction.VERIFY: self.verify_action, CaseAction.STATUS: self.status_action,
            CaseAction.EXTEND: self.extend_action, CaseAction.DECIDE: self.decision_action,
            CaseAction.ANSWER: self.answer_action, CaseAction.PREVIEW: self.preview_action,
            CaseAction.ERASURE: self.erasure_action,
        }
        self._tips: dict[QAction, str] = {
            self.register_action: self.tr("Register a request that came by letter, e-mail, "
                                          "phone or in person"),
            self.claim_action: self.tr("Take the case: you handle it"),
            self.release_action: self.tr("Give the case back to the queue"),
            self.verify_action: self.tr("Record how the person's identity was verified"),
            self.status_action: self.tr("Move the case to another status"),
            self.extend_action: self.tr("Extend the deadline by two months"),
            self.decision_action: self.tr("Decide on an extract beyond the yearly allowance"),
            self.answer_action: self.tr("The answer has been sent: mark the case answered"),
            self.preview_action: self.tr("Preview the extract and withhold data"),
            self.erasure_action: self.tr("Plan, approve and execute the erasure"),
        }
        #: What the shown case allows (None: no case shown).
        self.permissions: Permissions | None = None
        self._set_tip(self.register_action, None)
        for action in self._by_rule.values():
            self._set_tip(action, None)

    def _action(self, text: str, name: str, slot: Callable[[], None] | None,
                shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        action.setEnabled(False)
        return action

    @property
    def work_actions(self) -> tuple[QAction, ...]:
        """The actions that change the selected case, in toolbar order."""
        return (self.claim_action, self.release_action, self.verify_action,
                self.status_action, self.extend_action, self.decision_action,
                self.answer_action)

    # --- state -------------------------------------------------------------------------------
    def set_context(self, ctx: AppContext) -> None:
        self._ctx = ctx
        self.register_action.setEnabled(self.may_change())

    @Slot(object)
    def set_view(self, view: CaseView | None) -> None:
        """The case the officer is looking at (None: none): enable what it allows.

        The rules are the services' own (:func:`case_permissions`); a disabled action says
        why in its tooltip, so nothing is offered that would then be refused.
        """
        self._view = view
        ctx = self._ctx
        if view is None or ctx is None:
            self.permissions = None
            for action in self._by_rule.values():
                action.setEnabled(False)
                self._set_tip(action, None)
            return
        self.permissions = perms = case_permissions(
            view.detail, view.allowance, officer=ctx.officer, may_write=self.may_change(),
            today=stockholm_today(),
            clock_stops_for_identity=ctx.case_store.clock_stops_for_identity)
        for rule, action in self._by_rule.items():
            why = perms.reason(rule)
            action.setEnabled(why is None)
            self._set_tip(action, why)

    def _set_tip(self, action: QAction, why: Refusal | None) -> None:
        """The action's name and shortcut, and when disabled the reason (for the tooltip)."""
        base = self._tips.get(action, action.text().replace("&", "").rstrip("…"))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{base} ({shortcut})" if shortcut else base
        if why is not None:
            tip += "\n" + f"{why.message.render()} {why.hint.render()}".strip()
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def may_change(self) -> bool:
        roles = self._ctx.roles if self._ctx is not None else None
        return roles is None or not roles.read_only

    # --- running a service -------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], *, dialog: CaseDialog | None = None,
             name: str) -> None:
        """Run a service on the worker; hand back the case afresh, or say what went wrong."""
        ctx = self._ctx
        assert ctx is not None

        def work() -> CaseView:
            result = fn()
            detail = result if isinstance(result, CaseDetail) else result.detail
            return load_case_view(ctx, detail.case_id)

        def done(view: CaseView) -> None:
            if dialog is not None:
                dialog.succeed()
            self.case_changed.emit(view)
            self.action_done.emit(view.detail.case_id)

        def failed(exc: BaseException) -> None:
            message, hint = describe_error(exc)
            text = f"{message} {hint}".strip()
            if dialog is not None:
                dialog.fail(text)
            else:
                self.error.emit(message, hint)
            self.action_failed.emit(text)

        self._runner.submit(work, done, failed, name=name)

    def _open(self, dialog: CaseDialog, submit: Callable[[], None]) -> None:
        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self.dialog_closed.emit())
        self.active_dialog = dialog
        dialog.open()

    # --- the actions -------------------------------------------------------------------------
    @Slot()
    def claim_current(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, case_id = self._ctx, self._view.detail.case_id
        self._run(lambda: claim_case(ctx.case_store, case_id, officer=ctx.officer),
                  name="claim")

    @Slot()
    def release_current(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, case_id = self._ctx, self._view.detail.case_id
        self._run(lambda: release_case(ctx.case_store, case_id, officer=ctx.officer),
                  name="release")

    @Slot()
    def open_register_dialog(self, prefill: NewCasePrefill | None = None) -> None:
        """Register a request; ``prefill`` (from the person search) fills in the person."""
        if self._ctx is None or not self.may_change():
            return
        ctx = self._ctx
        dialog = RegisterDialog(stockholm_today(), self._window, officer=ctx.officer)
        if isinstance(prefill, NewCasePrefill):
            dialog.prefill(prefill.person_label, prefill.identifiers)

        def submit() -> None:
            v = dialog.values()

            def work() -> CaseDetail:
                files = [read_attachment(p) for p in v.attachment_paths]
                return register_case(
                    ctx.case_store, request_type=v.request_type, channel=v.channel,
                    received_on=v.received_on, person_label=v.person_label,
                    identifiers=v.identifiers, attachments=files, actor=ctx.officer,
                    note=v.note.strip() or None, taken_by=v.taken_by)

            self._run(work, dialog=dialog, name="register")

        self._open(dialog, submit)

    @Slot()
    def open_verify_dialog(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, d = self._ctx, self._view.detail
        dialog = VerifyIdentityDialog(d.case_number, stockholm_today(), self._window)

        def submit() -> None:
            method, evidence, on = dialog.values()
            self._run(lambda: verify_identity(
                ctx.case_store, d.case_id, method=method, evidence=evidence, verified_on=on,
                actor=ctx.officer, expected_version=d.version), dialog=dialog, name="verify")

        self._open(dialog, submit)

    @Slot()
    def open_status_dialog(self) -> None:
        if self._view is None or self._ctx is None or self.permissions is None:
            return
        ctx, d, perms = self._ctx, self._view.detail, self.permissions
        # Extending has its own dialog (it needs the day the person was told). A move the
        # service would refuse is shown disabled, with the reason.
        targets = [(s, perms.targets[s]) for s in CaseStatus if s in perms.targets]
        dialog = StatusDialog(d.case_number, targets, self._window, proposed=perms.proposed)

        def submit() -> None:
            target, reason = dialog.values()
            self._run(lambda: transition_case(
                ctx.case_store, d.case_id, target, actor=ctx.officer, reason=reason,
                expected_version=d.version), dialog=dialog, name="transition")

        self._open(dialog, submit)

    @Slot(int)
    def offer_answer(self, case_id: int) -> None:
        """An extract or letter went out: offer to mark the case answered, if it may be."""
        ctx = self._ctx
        if ctx is None or not self.may_change():
            return

        def offer(view: CaseView) -> None:
            perms = case_permissions(
                view.detail, view.allowance, officer=ctx.officer, may_write=True,
                today=stockholm_today(),
                clock_stops_for_identity=ctx.case_store.clock_stops_for_identity)
            if not perms.allowed(CaseAction.ANSWER):
                return
            box = QMessageBox(
                QMessageBox.Icon.Question, self.tr("Mark answered?"),
                self.tr("The answer to case {case} has been sent. Mark the case answered?"
                        ).format(case=view.detail.case_number),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._window)
            box.setObjectName("answerOffer")
            box.setDefaultButton(QMessageBox.StandardButton.Yes)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            d = view.detail

            def chosen(button: int) -> None:
                self.answer_offer = None
                if button == QMessageBox.StandardButton.Yes:
                    self._run(lambda: transition_case(
                        ctx.case_store, d.case_id, CaseStatus.ANSWERED, actor=ctx.officer,
                        reason=None, expected_version=d.version), name="answer")

            box.finished.connect(chosen)
            self.answer_offer = box
            box.open()
            self.answer_offered.emit(d.case_id)

        self._runner.submit(lambda: load_case_view(ctx, case_id), offer,
                            lambda _exc: None, name="answer_offer")

    @Slot()
    def mark_answered(self) -> None:
        """The answer went out: move the shown case to answered (no reason needed)."""
        if self._view is None or self._ctx is None:
            return
        ctx, d = self._ctx, self._view.detail
        self._run(lambda: transition_case(
            ctx.case_store, d.case_id, CaseStatus.ANSWERED, actor=ctx.officer, reason=None,
            expected_version=d.version), name="answer")

    @Slot()
    def open_extend_dialog(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, d = self._ctx, self._view.detail
        dialog = ExtendDialog(d.case_number, due_date(d.received_on), stockholm_today(),
                              self._window)

        def submit() -> None:
            reason, told_on = dialog.values()
            self._run(lambda: extend_case(
                ctx.case_store, d.case_id, reason=reason, told_on=told_on, actor=ctx.officer,
                expected_version=d.version), dialog=dialog, name="extend")

        self._open(dialog, submit)

    @Slot()
    def open_decision_dialog(self) -> None:
        if self._view is None or self._ctx is None:
            return
        ctx, view = self._ctx, self._view
        d = view.detail
        dialog = DecisionDialog(d.case_number, view.allowance, self._window)

        def submit() -> None:
            kind, reason, fee = dialog.values()

            def work() -> CaseDetail:
                # The domain reads a typed amount exactly ("150,50" too) and explains
                # a bad one; it is declared Decimal for callers that already have one.
                decision = AllowanceDecision(kind, reason, fee)  # type: ignore[arg-type]
                return record_allowance_decision(
                    ctx.case_store, d.case_id, decision,
                    actor=ctx.officer, expected_version=d.version)

            self._run(work, dialog=dialog, name="decision")

        self._open(dialog, submit)
