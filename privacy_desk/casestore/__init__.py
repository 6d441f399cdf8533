"""The case store: the desk's own records of requests (SQLAlchemy ORM + Alembic).

Open it with :func:`open_case_store`; everything else takes the returned
:class:`CaseStore` and returns plain frozen dataclasses that may cross threads.
"""

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
from privacy_desk.casestore.queries import (
    CaseDetail,
    CaseEventRow,
    CaseNotFound,
    QueueRow,
    case_detail,
    list_queue,
)
from privacy_desk.casestore.store import CaseStore, open_case_store

__all__ = [
    "DEMO_REQUEST_SOURCE",
    "CaseDetail",
    "CaseEventRow",
    "CaseNotFound",
    "CaseStore",
    "CustomerNameSource",
    "ImportResult",
    "IncomingRequestSource",
    "QueueRow",
    "StaleCase",
    "allocate_case_numbers",
    "assign_case",
    "case_detail",
    "import_portal_requests",
    "list_queue",
    "new_case_number",
    "open_case_store",
    "register_case",
    "transition_case",
]
