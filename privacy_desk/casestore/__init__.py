"""The case store: the desk's own records of requests (SQLAlchemy ORM + Alembic).

Open it with :func:`open_case_store`; everything else takes the returned
:class:`CaseStore` and returns plain frozen dataclasses that may cross threads.
"""

from privacy_desk.casestore.attachments import (
    MAX_ATTACHMENT_BYTES,
    AttachmentFile,
    AttachmentRefused,
    attach_to_case,
    attachment_content,
    read_attachment,
)
from privacy_desk.casestore.cases import (
    StaleCase,
    allocate_case_numbers,
    assign_case,
    new_case_number,
    register_case,
    transition_case,
)
from privacy_desk.casestore.intake import (
    DEMO_REQUEST_SOURCE,
    CustomerNameSource,
    ImportResult,
    IncomingRequestSource,
    import_portal_requests,
)
from privacy_desk.casestore.persons import (
    AllowanceStatus,
    HistoryEntry,
    PersonHistory,
    allowance_status,
    person_history,
)
from privacy_desk.casestore.queries import (
    CaseDetail,
    CaseEventRow,
    CaseNotFound,
    QueueRow,
    case_detail,
    list_queue,
)
from privacy_desk.casestore.store import CaseStore, open_case_store
from privacy_desk.casestore.work import (
    CaseAlreadyClaimed,
    ClaimResult,
    claim_case,
    extend_case,
    record_allowance_decision,
    release_case,
    verify_identity,
)

__all__ = [
    "DEMO_REQUEST_SOURCE",
    "MAX_ATTACHMENT_BYTES",
    "AllowanceStatus",
    "AttachmentFile",
    "AttachmentRefused",
    "CaseAlreadyClaimed",
    "CaseDetail",
    "CaseEventRow",
    "CaseNotFound",
    "CaseStore",
    "ClaimResult",
    "CustomerNameSource",
    "HistoryEntry",
    "ImportResult",
    "IncomingRequestSource",
    "PersonHistory",
    "QueueRow",
    "StaleCase",
    "allocate_case_numbers",
    "allowance_status",
    "assign_case",
    "attach_to_case",
    "attachment_content",
    "case_detail",
    "claim_case",
    "extend_case",
    "import_portal_requests",
    "list_queue",
    "new_case_number",
    "open_case_store",
    "person_history",
    "read_attachment",
    "record_allowance_decision",
    "register_case",
    "release_case",
    "transition_case",
    "verify_identity",
]
