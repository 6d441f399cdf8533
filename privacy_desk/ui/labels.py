"""Translated display names for domain values (request types, statuses, urgency).

Domain enums stay language-free; the UI turns them into words here, through Qt's
translation system, so Swedish and English come from the same .ts/.qm files.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from privacy_desk.domain.deadlines import Urgency
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType

_CTX = "labels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def request_type_label(value: str) -> str:
    labels = {
        RequestType.ACCESS: _tr("Access (extract)"),
        RequestType.RECTIFICATION: _tr("Rectification"),
        RequestType.ERASURE: _tr("Erasure"),
        RequestType.RESTRICTION: _tr("Restriction"),
        RequestType.PORTABILITY: _tr("Portability"),
        RequestType.OBJECTION: _tr("Objection"),
        RequestType.CONSENT_WITHDRAWAL: _tr("Consent withdrawal"),
    }
    try:
        return labels[RequestType(value)]
    except ValueError:
        return value


def status_label(value: str) -> str:
    labels = {
        CaseStatus.RECEIVED: _tr("Received"),
        CaseStatus.AWAITING_IDENTITY: _tr("Awaiting identity"),
        CaseStatus.IN_PROGRESS: _tr("In progress"),
        CaseStatus.EXTENDED: _tr("Extended"),
        CaseStatus.ANSWERED: _tr("Answered"),
        CaseStatus.CLOSED: _tr("Closed"),
        CaseStatus.REJECTED: _tr("Rejected"),
        CaseStatus.WITHDRAWN: _tr("Withdrawn"),
    }
    try:
        return labels[CaseStatus(value)]
    except ValueError:
        return value


def urgency_label(value: Urgency) -> str:
    labels = {
        Urgency.PLENTY: _tr("On time"),
        Urgency.SOON: _tr("Due soon"),
        Urgency.OVERDUE: _tr("Overdue"),
        Urgency.DONE: _tr("Done"),
    }
    return labels.get(value, str(value))


def channel_label(value: str) -> str:
    labels = {
        Channel.PORTAL: _tr("Min sida (portal)"),
        Channel.PAPER: _tr("Letter"),
        Channel.EMAIL: _tr("E-mail"),
    }
    try:
        return labels[Channel(value)]
    except ValueError:
        return value


def event_label(kind: str) -> str:
    """Case event kinds; unknown (newer) kinds are shown as stored."""
    labels = {
        "imported": _tr("Imported from the portal"),
        "registered": _tr("Registered"),
        "status": _tr("Status changed"),
    }
    return labels.get(kind, kind)
