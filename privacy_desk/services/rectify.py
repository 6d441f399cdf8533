"""Rectification (art. 16) and consent withdrawal (art. 7(3), 21): change the portal for a case.

Rectification edits one mapped field of the person's row in one portal transaction,
guarded by the value the officer saw (someone else changed it meanwhile: nothing is
written), records the old and new value on the case and returns the recipients to tell
(art. 19), taken from the data map's category recipients.

Consent withdrawal plans the map's erasure for the ``consent`` category only (newsletter
subscriptions ended, contact preferences cleared) and executes it at once through the
same executor as erasure (one transaction, verified, recorded); it needs no approval,
since it only carries out what the person decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.erasure_models import PortalChangeRecord
from privacy_desk.casestore.models import Case, CaseEvent
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import run_retrying
from privacy_desk.clock import utcnow
from privacy_desk.datamap.model import DataMap, Erasure
from privacy_desk.dburl import backend
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.messages import msg
from privacy_desk.portal.erasure import (
    Action,
    ErasureFailed,
    ErasurePlan,
    FieldChange,
    PlanOutdated,
    RowPlan,
    check_write_access,
    key_json,
)
from privacy_desk.portal.lookup import Candidate, PersonData, _Sql, collect, jsonable
from privacy_desk.services.erasure import ErasureRefused, ExecuteResult, create_plan, execute
from privacy_desk.services.roles import Role, check_role, require_role

MAX_VALUE_LEN = 1000


@dataclass(frozen=True)
class Rectification:
    """What was corrected, and whom to tell (category title, recipients), art. 19."""

    case_number: str
    table: str
    column: str
    old_value: Any
    new_value: str | None
    recipients: tuple[tuple[str, str], ...]


def current_data(portal: Engine, datamap: DataMap, candidate: Candidate) -> PersonData:
    """What the portal holds about the person now: the values a rectification starts from."""
    return collect(portal, datamap, candidate)


def rectify(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
            candidate: Candidate, *, table: str, key: dict[str, Any], column: str,
            new_value: str | None, reason: str, actor: str | None = None,
            lang: str = "sv") -> Rectification:
    """Correct one field of the person's data, record old/new on the case, list recipients."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="rectify personal data")
    why = " ".join(reason.split())
    if not why:
        raise ErasureRefused(msg("A rectification needs a reason."),
                             msg("Say what the person asked to correct and how it was checked."))
    if new_value is not None and len(new_value) > MAX_VALUE_LEN:
        raise ErasureRefused(msg("The new value is too long."), msg("Shorten it."))
    spec = datamap.tables.get(table)
    col = spec.columns.get(column) if spec else None
    if spec is None or col is None or not col.personal or col.category is None:
        raise ErasureRefused(msg("{table}.{column} is not a personal field in the data map.",
                                 table=table, column=column),
                             msg("Choose a field of the person's data."))
    with store.sessions() as session:
        case = session.get(Case, case_id)
        if case is None or case.request_type != RequestType.RECTIFICATION.value:
            raise ErasureRefused(msg("The case is not a rectification request."),
                                 msg("Open the person's rectification request."))
        if case.identity_verified_on is None or CaseStatus(case.status) not in (
                CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED):
            raise ErasureRefused(msg("Case {case_number} must be verified and in progress.",
                                     case_number=case.case_number),
                                 msg("Verify the identity and move the case to 'in progress'."))
        number = case.case_number
    person = collect(portal, datamap, candidate)
    kj = key_json(key)
    row = next((r for r in person.rows if r.table == table and key_json(r.key) == kj), None)
    if row is None:
        raise ErasureRefused(msg("That row of {table} is not part of the person's data.",
                                 table=table),
                             msg("Choose the row from the person's data."))
    old = row.values.get(column)
    one = ErasurePlan("rectification", {}, date.today(), (RowPlan(
        table, dict(row.key), Action.UPDATE, (FieldChange(column, Erasure.REPLACE,
                                                          col.category),), ()),))
    check_write_access(portal, datamap, one)
    sql = _Sql(datamap, backend(portal.url))
    tbl = sql.t(table)
    guard = tbl.c[column].is_(None) if old is None else tbl.c[column] == old
    try:
        with portal.connect() as conn, conn.begin():
            done = conn.execute(update(tbl).where(and_(*(tbl.c[k] == v for k, v in
                                                         row.key.items()), guard))
                                .values({column: new_value}))
            if done.rowcount != 1:
                raise PlanOutdated(msg("The field changed in the portal since it was read; "
                                       "nothing was written."),
                                   msg("Reload the person's data and try again."))
    except DBAPIError as exc:
        raise ErasureFailed(msg("The portal refused the change ({error}); nothing was written.",
                                error=type(exc.orig).__name__),
                                msg("Check the connection and try again.")) \
            from exc
    info = datamap.categories[col.category]
    recipients = ((info.title.get(lang), info.recipients.get(lang)),)
    old_text = None if old is None else str(jsonable(old))

    def work(session: Session) -> None:
        check_role(session, who, Role.OFFICER, action="rectify personal data")
        now = utcnow()
        session.add(PortalChangeRecord(case_id=case_id, kind="rectification", table_name=table,
                                       row_key=kj, column_name=column, old_value=old_text,
                                       new_value=new_value, reason=why, changed_by=who,
                                       changed_at=now))
        said = msg("{field} corrected; tell: {recipients}. Reason:", field=f"{table}.{column}",
                   recipients="; ".join(f"{t}: {r}" for t, r in recipients))
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="rectified", note=why,
                              message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="data_rectified", case_id=case_id,
                     details={"table": table, "column": column})

    run_retrying(store, work)
    return Rectification(number, table, column, old, new_value, recipients)


def withdraw_consent(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                     candidate: Candidate, *, actor: str | None = None,
                     today: date | None = None) -> ExecuteResult:
    """End newsletters and clear contact choices through the map, in one transaction."""
    if "consent" not in datamap.categories:
        raise ErasureRefused(msg("The data map has no 'consent' category."),
                             msg("Mark newsletter and contact-choice columns as category "
                                 "consent."))
    view = create_plan(store, portal, datamap, case_id, candidate, actor=actor, today=today,
                       kind="consent_withdrawal")
    return execute(store, portal, datamap, view.id, actor=actor, today=today)
