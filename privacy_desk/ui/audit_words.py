"""The audit trail's details in words: "från: Mottagen, till: Pågår", not "from=received".

The trail stores each entry's details as short ``key=value`` codes (the inspector's
machine format, kept as is in the CSV/PDF export and shown as the cell's tooltip). The
audit view shows them here in the interface language: every key the code records gets a
label, and values that are codes (case statuses, request types, channels, languages,
roles, yes/no flags...) get their words. Free values (numbers, dates, table names) are
shown as stored.

A test walks every ``record_audit(details=...)`` call and fails on a key missing from
:func:`detail_key_labels` (tests/unit/test_audit_detail_labels.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from privacy_desk.domain.allowance import DecisionKind
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.domain.roles import Role
from privacy_desk.messages import render
from privacy_desk.services.letters import LETTER_WORDS
from privacy_desk.ui.case_dialogs import decision_label, identity_method_label
from privacy_desk.ui.labels import channel_label, request_type_label, status_label


def detail_key_labels() -> dict[str, str]:
    """Every details key the code records, by its name in the interface language."""
    return {
        "active": QCoreApplication.translate("auditDetails", "active"),
        "admin": QCoreApplication.translate("auditDetails", "administrator"),
        "after_months": QCoreApplication.translate("auditDetails", "after months"),
        "anchors": QCoreApplication.translate("auditDetails", "anchors"),
        "attachment_id": QCoreApplication.translate("auditDetails", "scan"),
        "attachments": QCoreApplication.translate("auditDetails", "scans"),
        "by": QCoreApplication.translate("auditDetails", "by"),
        "bytes": QCoreApplication.translate("auditDetails", "bytes"),
        "candidates": QCoreApplication.translate("auditDetails", "matches"),
        "case": QCoreApplication.translate("auditDetails", "case"),
        "cases": QCoreApplication.translate("auditDetails", "cases"),
        "category": QCoreApplication.translate("auditDetails", "category"),
        "change": QCoreApplication.translate("auditDetails", "change"),
        "channel": QCoreApplication.translate("auditDetails", "channel"),
        "channels": QCoreApplication.translate("auditDetails", "channels"),
        "column": QCoreApplication.translate("auditDetails", "column"),
        "decision": QCoreApplication.translate("auditDetails", "decision"),
        "deleted": QCoreApplication.translate("auditDetails", "deleted"),
        "differences": QCoreApplication.translate("auditDetails", "differences"),
        "due_on": QCoreApplication.translate("auditDetails", "new due date"),
        "entries": QCoreApplication.translate("auditDetails", "entries"),
        "error": QCoreApplication.translate("auditDetails", "error"),
        "export": QCoreApplication.translate("auditDetails", "extract"),
        "extracts_in_period": QCoreApplication.translate("auditDetails", "extracts in the period"),
        "files": QCoreApplication.translate("auditDetails", "files"),
        "flag": QCoreApplication.translate("auditDetails", "marked by a flag"),
        "follow_up": QCoreApplication.translate("auditDetails", "follow-up"),
        "format": QCoreApplication.translate("auditDetails", "format"),
        "four_eyes_enforced": QCoreApplication.translate("auditDetails", "second person required"),
        "from": QCoreApplication.translate("auditDetails", "from"),
        "ground": QCoreApplication.translate("auditDetails", "ground"),
        "held": QCoreApplication.translate("auditDetails", "kept under a hold"),
        "identifier_kind": QCoreApplication.translate("auditDetails", "identifier kind"),
        "identifier_kinds": QCoreApplication.translate("auditDetails", "identifier kinds"),
        "identifiers": QCoreApplication.translate("auditDetails", "identifiers"),
        "key_id": QCoreApplication.translate("auditDetails", "key id"),
        "kind": QCoreApplication.translate("auditDetails", "kind"),
        "lang": QCoreApplication.translate("auditDetails", "language"),
        "language": QCoreApplication.translate("auditDetails", "language"),
        "late": QCoreApplication.translate("auditDetails", "late"),
        "left": QCoreApplication.translate("auditDetails", "still present"),
        "left_out": QCoreApplication.translate("auditDetails", "fields left out"),
        "letters": QCoreApplication.translate("auditDetails", "letters"),
        "lines": QCoreApplication.translate("auditDetails", "lines"),
        "method": QCoreApplication.translate("auditDetails", "method"),
        "none": QCoreApplication.translate("auditDetails", "recorded on the case only"),
        "officer": QCoreApplication.translate("auditDetails", "officer"),
        "outcome": QCoreApplication.translate("auditDetails", "outcome"),
        "plan": QCoreApplication.translate("auditDetails", "plan"),
        "postcode": QCoreApplication.translate("auditDetails", "postcode"),
        "problems": QCoreApplication.translate("auditDetails", "problems"),
        "profile": QCoreApplication.translate("auditDetails", "profile"),
        "reason": QCoreApplication.translate("auditDetails", "reason"),
        "register": QCoreApplication.translate("auditDetails", "in the restriction register"),
        "restriction": QCoreApplication.translate("auditDetails", "restriction"),
        "roles": QCoreApplication.translate("auditDetails", "roles"),
        "rows": QCoreApplication.translate("auditDetails", "rows"),
        "seq": QCoreApplication.translate("auditDetails", "entry"),
        "state": QCoreApplication.translate("auditDetails", "state"),
        "status": QCoreApplication.translate("auditDetails", "marked by a status"),
        "subject_table": QCoreApplication.translate("auditDetails", "person's table"),
        "table": QCoreApplication.translate("auditDetails", "table"),
        "tables": QCoreApplication.translate("auditDetails", "tables"),
        "to": QCoreApplication.translate("auditDetails", "to"),
        "told_on": QCoreApplication.translate("auditDetails", "person told on"),
        "updated": QCoreApplication.translate("auditDetails", "anonymised"),
        "verified": QCoreApplication.translate("auditDetails", "verified"),
        "was": QCoreApplication.translate("auditDetails", "was"),
        "withheld": QCoreApplication.translate("auditDetails", "withheld"),
        "year": QCoreApplication.translate("auditDetails", "year"),
    }


def _yes_no(value: str) -> str:
    words = {"1": QCoreApplication.translate("auditDetails", "yes"),
             "0": QCoreApplication.translate("auditDetails", "no")}
    return words.get(value, value)


def _language(value: str) -> str:
    words = {"sv": QCoreApplication.translate("auditDetails", "Swedish"),
             "en": QCoreApplication.translate("auditDetails", "English")}
    return words.get(value, value)


def _status(value: str) -> str:
    return status_label(value) if value in set(CaseStatus) else value


def _roles(value: str) -> str:
    words = {Role.OFFICER: QCoreApplication.translate("auditDetails", "officer"),
             Role.APPROVER: QCoreApplication.translate("auditDetails", "approver"),
             Role.AUDITOR: QCoreApplication.translate("auditDetails", "auditor")}
    return ", ".join(words.get(Role(r), r) if r in set(Role) else r
                     for r in value.split(",") if r)


def _kind(value: str) -> str:
    """A letter kind, an allowance decision or a request type, whichever it is."""
    if value in LETTER_WORDS:
        return render(LETTER_WORDS[value])
    if value in set(DecisionKind):
        return decision_label(DecisionKind(value))
    if value in set(RequestType):
        return request_type_label(value)
    return value


def _method(value: str) -> str:
    return identity_method_label(IdentityMethod(value)) if value in set(IdentityMethod) \
        else value


def _fixed(words: Callable[[], Mapping[str, str]]) -> Callable[[str], str]:
    return lambda value: words().get(value, value)


def _change(value: str) -> str:
    """A settings change (the connection dialog's, the CLI's, the organisation's)."""
    words = {
        "profile_saved": QCoreApplication.translate("auditDetails", "profile saved"),
        "profile_removed": QCoreApplication.translate("auditDetails", "profile removed"),
        "profile_activated": QCoreApplication.translate("auditDetails", "profile put in use"),
        "password_stored": QCoreApplication.translate("auditDetails",
                                                      "password kept in the keyring"),
        "organisation_saved": QCoreApplication.translate("auditDetails",
                                                         "organisation details saved"),
    }
    return words.get(value, value)


def _outcome(value: str) -> str:
    """An extract export's check, or an objection's balancing."""
    words = {
        "recorded": QCoreApplication.translate("auditDetails", "recorded"),
        "not written": QCoreApplication.translate("auditDetails", "not written"),
        "incomplete": QCoreApplication.translate("auditDetails", "incomplete"),
        "compelling_grounds": QCoreApplication.translate("auditDetails",
                                                         "compelling legitimate grounds"),
        "stop": QCoreApplication.translate("auditDetails", "processing stopped"),
    }
    return words.get(value, value)


#: Keys whose values are codes with words; any other value is shown as stored.
_VALUE_WORDS: dict[str, Callable[[str], str]] = {
    "from": _status,
    "to": _status,
    "channel": channel_label,
    "lang": _language,
    "language": _language,
    "active": _yes_no,
    "admin": _yes_no,
    "late": _yes_no,
    "verified": _yes_no,
    "four_eyes_enforced": _yes_no,
    "roles": _roles,
    "kind": _kind,
    "method": _method,
    "format": str.upper,
    "change": _change,
    "outcome": _outcome,
    "by": _fixed(lambda: {"claim and identity": QCoreApplication.translate(
        "auditDetails", "claim and identity check")}),
    "case": _fixed(lambda: {"none": QCoreApplication.translate("auditDetails", "none")}),
    "postcode": _fixed(lambda: {"given": QCoreApplication.translate("auditDetails",
                                                                     "given")}),
    "subject_table": _fixed(lambda: {"-": "—"}),
    "column": _fixed(lambda: {"(row)": QCoreApplication.translate("auditDetails",
                                                                   "(whole row)")}),
}


def detail_key_label(key: str) -> str:
    """A details key in words; an unknown (newer) key is shown as stored."""
    return detail_key_labels().get(key, key)


def detail_value_text(key: str, value: object) -> str:
    """A details value in words where it is a known code, else as stored."""
    text = str(value)
    words = _VALUE_WORDS.get(key)
    return words(text) if words is not None else text


def details_text(details: Mapping[str, object]) -> str:
    """One entry's details for people: "från: Mottagen, till: Pågår"."""
    labels = detail_key_labels()
    return ", ".join(f"{labels.get(k, k)}: {detail_value_text(k, v)}"
                     for k, v in sorted(details.items()))


def details_codes(details: Mapping[str, object]) -> str:
    """The same details as stored, ``k=v`` (the inspector's tooltip)."""
    return ", ".join(f"{k}={v}" for k, v in sorted(details.items()))
