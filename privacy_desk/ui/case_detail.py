"""The case detail pane: one case, its yearly allowance and the person's other requests.

:func:`load_case_view` reads everything the pane shows on the worker thread;
:class:`CaseDetailPane` shows it (or a placeholder, "loading", an error) on the GUI
thread. Every value is HTML-escaped: names and notes come from people and portals.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from privacy_desk.services.context import AppContext
from privacy_desk.services.queue import (
    AllowanceStatus,
    CaseDetail,
    PersonHistory,
    allowance_status,
    case_detail,
    person_history,
)
from privacy_desk.ui.case_dialogs import decision_label, identity_method_label
from privacy_desk.ui.labels import channel_label, event_label, request_type_label, status_label


@dataclass(frozen=True)
class CaseView:
    """One case as the detail pane shows it: the case, its allowance, the person's history."""

    detail: CaseDetail
    allowance: AllowanceStatus
    history: PersonHistory


def load_case_view(ctx: AppContext, case_id: int) -> CaseView:
    """Everything the detail pane needs, read on the worker thread."""
    store = ctx.case_store
    return CaseView(case_detail(store, case_id), allowance_status(store, case_id),
                    person_history(store, case_id, actor=ctx.officer))


class CaseDetailPane(QTextBrowser):
    """The selected case, read-only; links are not followed (nothing in it is a link)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.setOpenLinks(False)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        # tr() outside the f-string: lupdate does not look inside f-strings.
        text = self.tr("Select a case in the queue.")
        self.setHtml(f"<p><i>{html.escape(text)}</i></p>")

    def show_loading(self) -> None:
        text = self.tr("Loading…")
        self.setHtml(f"<p><i>{html.escape(text)}</i></p>")

    def show_error(self, message: str, hint: str) -> None:
        self.setHtml(f"<p><b>{html.escape(message)}</b></p><p>{html.escape(hint)}</p>")

    def show_view(self, view: CaseView) -> None:
        self.setHtml(render_case_html(view))


def render_case_html(view: CaseView) -> str:
    """The detail pane's content; every value escaped."""
    detail, allowance, history = view.detail, view.allowance, view.history
    e = html.escape
    due = detail.effective_due_on.isoformat()
    if detail.extended_due_on:
        due += " " + QCoreApplication.translate("CaseDetail", "(extended)")
    if detail.identity_verified_on:
        last = detail.verifications[-1] if detail.verifications else None
        identity = QCoreApplication.translate("CaseDetail", "Verified {day}").format(
            day=detail.identity_verified_on.isoformat())
        if last is not None:
            identity += f" – {identity_method_label(last.method)} ({last.officer})"
    else:
        identity = QCoreApplication.translate(
            "CaseDetail", "Not verified: no data may be shown or sent")
    fields = [
        (QCoreApplication.translate("CaseDetail", "Type"), request_type_label(detail.request_type)),
        (QCoreApplication.translate("CaseDetail", "Status"), status_label(detail.status)),
        (QCoreApplication.translate("CaseDetail", "Received"), detail.received_on.isoformat()),
        (QCoreApplication.translate("CaseDetail", "Due"), due),
        (QCoreApplication.translate("CaseDetail", "Channel"), channel_label(detail.channel)),
        (QCoreApplication.translate("CaseDetail", "Reference"), detail.source_ref or ""),
        (QCoreApplication.translate("CaseDetail", "Person"), detail.person_label),
        (
            QCoreApplication.translate("CaseDetail", "Assignee"),
            detail.assignee or QCoreApplication.translate("CaseDetail", "(nobody)"),
        ),
        (QCoreApplication.translate("CaseDetail", "Identity"), identity),
    ]
    if detail.extension_told_on:
        fields.append((QCoreApplication.translate("CaseDetail", "Extension"),
                       QCoreApplication.translate(
                           "CaseDetail", "Person told {day}: {reason}").format(
                           day=detail.extension_told_on.isoformat(),
                           reason=detail.extension_reason or "")))
    if allowance.applies:
        fields.append((QCoreApplication.translate("CaseDetail", "Yearly allowance"),
                       _allowance_text(allowance)))
    if detail.identifiers:
        fields.append((QCoreApplication.translate("CaseDetail", "Identifiers"),
                       ", ".join(f"{k}: {v}" for k, v in detail.identifiers)))
    parts = [f"<h2>{e(detail.case_number)}</h2><table>"]
    parts += [f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in fields]
    parts.append("</table>")
    if detail.attachments:
        scans = QCoreApplication.translate("CaseDetail", "Scans")
        parts.append(f"<h3>{e(scans)}</h3><ul>")
        parts += [f"<li>{e(a.filename)} ({e(a.media_type)}, {a.size_bytes:,} B, "
                  f"SHA-256 {e(a.sha256[:16])}…)</li>" for a in detail.attachments]
        parts.append("</ul>")
    if len(history.entries) > 1:
        title = QCoreApplication.translate("CaseDetail", "The person’s requests")
        parts.append(f"<h3>{e(title)}</h3><table cellspacing='4'>")
        for h in history.entries:
            mark = "▶ " if h.case_id == detail.case_id else ""
            decided = decision_label(h.decision) if h.decision else ""
            if h.fee_sek is not None:
                decided += f" ({h.fee_sek} kr)"
            parts.append(
                f"<tr><td>{mark}{e(h.case_number)}</td><td>{e(h.received_on.isoformat())}</td>"
                f"<td>{e(request_type_label(h.request_type))}</td>"
                f"<td>{e(status_label(h.status))}</td><td>{e(decided)}</td></tr>")
        parts.append("</table>")
    events_title = QCoreApplication.translate("CaseDetail", "Events")
    parts.append(f"<h3>{e(events_title)}</h3><table cellspacing='4'>")
    for ev in detail.events:
        parts.append(
            f"<tr><td>{e(ev.at.strftime('%Y-%m-%d %H:%M'))}</td><td>{e(ev.actor)}</td>"
            f"<td>{e(event_label(ev.kind))}</td><td>{e(ev.text())}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _allowance_text(a: AllowanceStatus) -> str:
    if a.decision is not None:
        text = QCoreApplication.translate("CaseDetail", "Decision: {kind} – {reason}").format(
            kind=decision_label(a.decision.kind), reason=a.decision.reason)
        if a.decision.fee_sek is not None:
            text += f" ({a.decision.fee_sek} kr)"
        return text
    if a.free:
        return QCoreApplication.translate(
            "CaseDetail", "Free: {count} earlier extract(s) since {start}").format(
            count=a.extracts_in_period, start=a.period_start.isoformat())
    return QCoreApplication.translate(
        "CaseDetail", "Beyond the allowance ({count} since {start}): a decision is needed"
    ).format(count=a.extracts_in_period, start=a.period_start.isoformat())
