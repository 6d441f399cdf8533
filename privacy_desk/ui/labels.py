"""Translated display names for domain values (request types, statuses, urgency).

Domain enums stay language-free; the UI turns them into words here, through Qt's
translation system, so Swedish and English come from the same .ts/.qm files.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from privacy_desk.domain.deadlines import Urgency
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType


def request_type_label(value: str) -> str:
    labels = {
        RequestType.ACCESS: QCoreApplication.translate("labels", "Access (extract)"),
        RequestType.RECTIFICATION: QCoreApplication.translate("labels", "Rectification"),
        RequestType.ERASURE: QCoreApplication.translate("labels", "Erasure"),
        RequestType.RESTRICTION: QCoreApplication.translate("labels", "Restriction"),
        RequestType.PORTABILITY: QCoreApplication.translate("labels", "Portability"),
        RequestType.OBJECTION: QCoreApplication.translate("labels", "Objection"),
        RequestType.CONSENT_WITHDRAWAL: QCoreApplication.translate("labels", "Consent withdrawal"),
    }
    try:
        return labels[RequestType(value)]
    except ValueError:
        return value


def status_label(value: str) -> str:
    labels = {
        CaseStatus.RECEIVED: QCoreApplication.translate("labels", "Received"),
        CaseStatus.AWAITING_IDENTITY: QCoreApplication.translate("labels", "Awaiting identity"),
        CaseStatus.IN_PROGRESS: QCoreApplication.translate("labels", "In progress"),
        CaseStatus.EXTENDED: QCoreApplication.translate("labels", "Extended"),
        CaseStatus.ANSWERED: QCoreApplication.translate("labels", "Answered"),
        CaseStatus.CLOSED: QCoreApplication.translate("labels", "Closed"),
        CaseStatus.REJECTED: QCoreApplication.translate("labels", "Rejected"),
        CaseStatus.WITHDRAWN: QCoreApplication.translate("labels", "Withdrawn"),
    }
    try:
        return labels[CaseStatus(value)]
    except ValueError:
        return value


def urgency_label(value: Urgency) -> str:
    labels = {
        Urgency.PLENTY: QCoreApplication.translate("labels", "On time"),
        Urgency.SOON: QCoreApplication.translate("labels", "Due soon"),
        Urgency.OVERDUE: QCoreApplication.translate("labels", "Overdue"),
        Urgency.DONE: QCoreApplication.translate("labels", "Done"),
    }
    return labels.get(value, str(value))


def channel_label(value: str) -> str:
    labels = {
        Channel.PORTAL: QCoreApplication.translate("labels", "Min sida (portal)"),
        Channel.PAPER: QCoreApplication.translate("labels", "Letter"),
        Channel.EMAIL: QCoreApplication.translate("labels", "E-mail"),
        Channel.PHONE: QCoreApplication.translate("labels", "Phone"),
        Channel.IN_PERSON: QCoreApplication.translate("labels", "In person"),
    }
    try:
        return labels[Channel(value)]
    except ValueError:
        return value


def event_labels() -> dict[str, str]:
    """Every case event kind the services write, by its name in the interface language.

    A test walks the services and fails on a kind that is missing here
    (tests/unit/test_event_messages.py).
    """
    return {
        "imported": QCoreApplication.translate("labels", "Imported from the portal"),
        "registered": QCoreApplication.translate("labels", "Registered"),
        "status": QCoreApplication.translate("labels", "Status changed"),
        "assigned": QCoreApplication.translate("labels", "Assigned"),
        "claimed": QCoreApplication.translate("labels", "Claimed"),
        "released": QCoreApplication.translate("labels", "Released"),
        "identity_verified": QCoreApplication.translate("labels", "Identity verified"),
        "attachment": QCoreApplication.translate("labels", "Scan attached"),
        "allowance_decision": QCoreApplication.translate("labels", "Allowance decision"),
        "rectified": QCoreApplication.translate("labels", "Data rectified"),
        "data_withheld": QCoreApplication.translate("labels", "Data withheld"),
        "data_released": QCoreApplication.translate("labels", "Withholding undone"),
        "extract_produced": QCoreApplication.translate("labels", "Extract produced"),
        "letter": QCoreApplication.translate("labels", "Letter written"),
        "case_minimised": QCoreApplication.translate("labels", "Identifiers minimised"),
        "erasure_planned": QCoreApplication.translate("labels", "Erasure planned"),
        "erasure_decision": QCoreApplication.translate("labels", "Erasure decision"),
        "erasure_approved": QCoreApplication.translate("labels", "Erasure approved"),
        "erasure_committed": QCoreApplication.translate("labels", "Erasure executed"),
        "erasure_not_executed": QCoreApplication.translate("labels", "Erasure not executed"),
        "erasure_changed": QCoreApplication.translate(
            "labels", "Erasure: data changed by someone else"),
        "erasure_unknown": QCoreApplication.translate("labels", "Erasure outcome unknown"),
        "erasure_letter": QCoreApplication.translate("labels", "Erasure confirmation written"),
        "restriction_planned": QCoreApplication.translate("labels", "Restriction planned"),
        "restriction_applied": QCoreApplication.translate("labels", "Restriction applied"),
        "restriction_active": QCoreApplication.translate(
            "labels", "Restriction recovered as applied"),
        "restriction_not_executed": QCoreApplication.translate("labels", "Restriction not applied"),
        "restriction_letter": QCoreApplication.translate(
            "labels", "Restriction confirmation written"),
        "restriction_notice": QCoreApplication.translate("labels", "Notice before lifting written"),
        "restriction_lifted": QCoreApplication.translate("labels", "Restriction lifted"),
        "portability_produced": QCoreApplication.translate("labels", "Portability copy produced"),
        "direct_transfer": QCoreApplication.translate("labels", "Copy sent to another controller"),
        "marketing_stopped": QCoreApplication.translate("labels", "Direct marketing stopped"),
        "objection_decided": QCoreApplication.translate("labels", "Objection decided"),
        "objection_letter": QCoreApplication.translate("labels", "Objection confirmation written"),
    }


def event_label(kind: str) -> str:
    """Case event kinds; unknown (newer) kinds are shown as stored."""
    return event_labels().get(kind, kind)


def audit_action_labels() -> dict[str, str]:
    """Every audit action the code records, by its name in the interface language.

    The trail stores short codes (an inspector's machine format, kept in the CSV/PDF
    export); the audit view shows these words with the code as tooltip. A test walks the
    package (``record_audit`` calls and the server-side ``privacy_desk_audit_append``) and
    fails on an action missing here (tests/unit/test_audit_action_labels.py).
    """
    return {
        "allowance_decision": QCoreApplication.translate("labels", "Allowance decision"),
        "attachment_viewed": QCoreApplication.translate("labels", "Scan viewed"),
        "attachments_added": QCoreApplication.translate("labels", "Scans attached"),
        "audit_anchored": QCoreApplication.translate("labels", "Audit trail anchored"),
        "audit_exported": QCoreApplication.translate("labels", "Audit trail exported"),
        "audit_verified": QCoreApplication.translate("labels", "Audit trail verified"),
        "case_claimed": QCoreApplication.translate("labels", "Case claimed"),
        "case_minimised": QCoreApplication.translate("labels", "Identifiers minimised"),
        "case_registered": QCoreApplication.translate("labels", "Case registered"),
        "case_released": QCoreApplication.translate("labels", "Case released"),
        "data_rectified": QCoreApplication.translate("labels", "Data rectified"),
        "data_withheld": QCoreApplication.translate("labels", "Data withheld"),
        "minimisation_key_exported": QCoreApplication.translate(
            "labels", "Minimisation key exported"),
        "minimisation_key_imported": QCoreApplication.translate(
            "labels", "Minimisation key imported"),
        "deadline_extended": QCoreApplication.translate("labels", "Deadline extended"),
        "erasure_approved": QCoreApplication.translate("labels", "Erasure approved"),
        "erasure_decided": QCoreApplication.translate("labels", "Erasure decision changed"),
        "erasure_dry_run": QCoreApplication.translate("labels", "Erasure dry run viewed"),
        "erasure_executed": QCoreApplication.translate("labels", "Erasure executed"),
        "erasure_letter_written": QCoreApplication.translate(
            "labels", "Erasure confirmation written"),
        "erasure_not_executed": QCoreApplication.translate("labels", "Erasure not executed"),
        "erasure_outcome_unknown": QCoreApplication.translate("labels", "Erasure outcome unknown"),
        "erasure_planned": QCoreApplication.translate("labels", "Erasure planned"),
        "erasure_reconciled": QCoreApplication.translate("labels", "Erasure outcome reconciled"),
        "erasure_started": QCoreApplication.translate("labels", "Erasure started"),
        "export_checked": QCoreApplication.translate("labels", "Extract checked"),
        "extract_exported": QCoreApplication.translate("labels", "Extract exported"),
        "identity_verified": QCoreApplication.translate("labels", "Identity verified"),
        "letter_written": QCoreApplication.translate("labels", "Letter written"),
        "login": QCoreApplication.translate("labels", "Signed in"),
        "marketing_stopped": QCoreApplication.translate("labels", "Direct marketing stopped"),
        "objection_decided": QCoreApplication.translate("labels", "Objection decided"),
        "objection_letter_written": QCoreApplication.translate(
            "labels", "Objection confirmation written"),
        "officer_added": QCoreApplication.translate("labels", "Officer added"),
        "officer_bootstrapped": QCoreApplication.translate("labels", "First administrator set up"),
        "officer_changed": QCoreApplication.translate("labels", "Officer changed"),
        "person_cases_viewed": QCoreApplication.translate("labels", "Person's cases viewed"),
        "person_data_viewed": QCoreApplication.translate("labels", "Person's data viewed"),
        "person_history_viewed": QCoreApplication.translate("labels", "Person's history viewed"),
        "person_searched": QCoreApplication.translate("labels", "Person searched for"),
        "personal_data_viewed": QCoreApplication.translate("labels", "Personal data viewed"),
        "portability_exported": QCoreApplication.translate("labels", "Portability copy exported"),
        "portability_previewed": QCoreApplication.translate(
            "labels", "Portability copy previewed"),
        "portability_transferred": QCoreApplication.translate(
            "labels", "Copy sent to another controller"),
        "restriction_applied": QCoreApplication.translate("labels", "Restriction applied"),
        "restriction_dry_run": QCoreApplication.translate("labels", "Restriction dry run viewed"),
        "restriction_letter_written": QCoreApplication.translate(
            "labels", "Restriction confirmation written"),
        "restriction_lifted": QCoreApplication.translate("labels", "Restriction lifted"),
        "restriction_not_executed": QCoreApplication.translate(
            "labels", "Restriction not applied"),
        "restriction_notice_written": QCoreApplication.translate(
            "labels", "Notice before lifting written"),
        "restriction_planned": QCoreApplication.translate("labels", "Restriction planned"),
        "restriction_reconciled": QCoreApplication.translate(
            "labels", "Restriction outcome reconciled"),
        "restriction_started": QCoreApplication.translate("labels", "Restriction started"),
        "settings_changed": QCoreApplication.translate("labels", "Settings changed"),
        "status_changed": QCoreApplication.translate("labels", "Status changed"),
        "withholding_released": QCoreApplication.translate("labels", "Withholding undone"),
        "year_report_exported": QCoreApplication.translate("labels", "Yearly report exported"),
    }


def audit_action_label(action: str) -> str:
    """An audit action code in words; an unknown (newer) code is shown as stored."""
    return audit_action_labels().get(action, action)


def value_text(value: object) -> str:
    """A portal value as the officer reads it: dates in ISO form, nothing as a dash."""
    if value is None:
        return "—"
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else str(value)
