"""The cases that name a person: every case sharing one of the person's identifiers.

Matching is the one the person's request history uses (any shared normalised identifier
of a person kind); the rows are the queue's own, so the person search can list them as
the queue does.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, func, or_, select

from privacy_desk.casestore.models import Case, CaseIdentifier
from privacy_desk.casestore.persons import PERSON_KINDS
from privacy_desk.casestore.queries import QueueRow, _request_type, _status
from privacy_desk.casestore.store import CaseStore


def cases_naming(store: CaseStore, pairs: Iterable[tuple[str, str]]) -> list[QueueRow]:
    """Queue rows of every case that carries one of ``pairs`` (kind, canonical value)."""
    wanted = [(k, v) for k, v in dict.fromkeys(pairs) if k in PERSON_KINDS]
    if not wanted:
        return []
    ids = select(CaseIdentifier.case_id).where(
        or_(*(and_(CaseIdentifier.kind == k, CaseIdentifier.value == v) for k, v in wanted)))
    due = func.coalesce(Case.extended_due_on, Case.due_on)
    stmt = (select(Case.id, Case.case_number, Case.request_type, Case.status,
                   Case.received_on, due, Case.person_label, Case.assignee, Case.version)
            .where(Case.id.in_(ids)).order_by(Case.received_on.desc(), Case.id.desc()))
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return [QueueRow(cid, number, _request_type(rtype), _status(status), received, d, label,
                     assignee, version)
            for cid, number, rtype, status, received, d, label, assignee, version in rows]
