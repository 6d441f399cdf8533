"""Pure domain rules: request types, the case lifecycle, deadlines and the yearly allowance.

No Qt, no SQL, no I/O here, so every rule can be tested with nothing but pytest and is
shared unchanged by the UI, the CLI and the case store.
"""

from privacy_desk.domain.allowance import (
    AllowanceDecision,
    AllowancePeriod,
    DecisionKind,
    extracts_in_period,
    is_free,
    needs_decision,
    period_start,
)
from privacy_desk.domain.deadlines import (
    SwedishCalendar,
    Urgency,
    add_calendar_months,
    check_extension,
    days_left,
    due_date,
    extended_due_date,
    receipt_date,
    urgency,
)
from privacy_desk.domain.lifecycle import (
    OPEN_STATUSES,
    CaseStatus,
    InvalidTransition,
    Transition,
    allowed_transitions,
    check_transition,
    requires_verified_identity,
)
from privacy_desk.domain.requests import Channel, RequestType

__all__ = [
    "OPEN_STATUSES",
    "AllowanceDecision",
    "AllowancePeriod",
    "CaseStatus",
    "Channel",
    "DecisionKind",
    "InvalidTransition",
    "RequestType",
    "SwedishCalendar",
    "Transition",
    "Urgency",
    "add_calendar_months",
    "allowed_transitions",
    "check_extension",
    "check_transition",
    "days_left",
    "due_date",
    "extended_due_date",
    "extracts_in_period",
    "is_free",
    "needs_decision",
    "period_start",
    "receipt_date",
    "requires_verified_identity",
    "urgency",
]
