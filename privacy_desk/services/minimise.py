"""Less personal data lying around: a finished case's identifiers after the retention period.

The rule (docs/erasure.md, "Minimising finished cases"): a case that is **closed**,
**rejected** or **withdrawn**, or whose erasure was **executed** (committed and verified),
keeps the person's identifiers only until ``minimise_after_months`` (the company's
setting, default 36) have passed since its last change (the later of the case's last
update and its last executed erasure). Then:

- every identifier (``case_identifiers``) becomes a keyed hash, ``h:`` + 40 hex of
  HMAC-SHA256 under the store's minimisation key, which lives in the OS keyring (not in
  the store): a new request of the same person still finds the case, so the yearly
  allowance and the history still count it; nobody can read the identifier back;
- the identifiers the request carried (``subject_identifiers``) are emptied, the person's
  label becomes "(minimised)", the identity evidence note becomes "(minimised)", the
  old and new values of rectifications are dropped, and so are the name and address an
  erasure plan kept for its confirmation letter;
- what the case did stays: dates, statuses, events, decisions, exports' checksums, holds
  and the plan's portal keys (so a hold that ends can still be erased).

``store minimise --dry-run`` lists what would be minimised and changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.erasure_models import (
    ErasureExecutionRecord,
    ErasurePlanRecord,
    PortalChangeRecord,
)
from privacy_desk.casestore.models import (
    Case,
    CaseEvent,
    CaseIdentifier,
    CaseMinimisation,
    IdentityVerificationRecord,
)
from privacy_desk.casestore.persons import (
    MINIMISED_PREFIX,
    minimised_value,
    store_minimisation_key,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import run_retrying
from privacy_desk.clock import utcnow
from privacy_desk.domain.deadlines import add_calendar_months
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.messages import msg
from privacy_desk.services.roles import Role, check_role, require_role

log = logging.getLogger(__name__)

#: Statuses of a finished case (an executed erasure counts whatever the status).
FINISHED = (CaseStatus.CLOSED.value, CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value)
MINIMISED_LABEL = "(minimised)"


@dataclass(frozen=True)
class Minimised:
    """One case minimised (or, in a dry run, to be)."""

    case_number: str
    finished_on: date
    identifiers: int


def _due(session: Session, before: datetime) -> list[tuple[int, str, datetime, int]]:
    """(case id, number, last change, identifiers) of finished cases due for minimising."""
    erased = (select(ErasureExecutionRecord.case_id,
                     func.max(ErasureExecutionRecord.finished_at).label("at"))
              .where(ErasureExecutionRecord.state == "committed",
                     ErasureExecutionRecord.verified.is_(True))
              .group_by(ErasureExecutionRecord.case_id).subquery())
    done = select(CaseMinimisation.case_id)
    rows = session.execute(
        select(Case.id, Case.case_number, Case.updated_at, erased.c.at)
        .outerjoin(erased, erased.c.case_id == Case.id)
        .where(Case.id.not_in(done))
        .where(Case.status.in_(FINISHED) | erased.c.at.is_not(None))
        .order_by(Case.id)).all()
    out = []
    for cid, number, updated, erased_at in rows:
        last = max(updated, erased_at) if erased_at is not None else updated
        if last < before:
            n = int(session.scalar(select(func.count()).select_from(CaseIdentifier)
                                   .where(CaseIdentifier.case_id == cid)) or 0)
            out.append((cid, number, last, n))
    return out


def minimise_cases(store: CaseStore, *, after_months: int, actor: str | None = None,
                   dry_run: bool = False, now: datetime | None = None) -> list[Minimised]:
    """Apply the rule (module docstring); an administrator's step. Each case in its own
    transaction, so an interruption leaves every case either whole or minimised."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="minimise finished cases")
    moment = now or utcnow()
    day = add_calendar_months(moment.date(), -after_months)
    before = datetime.combine(day, moment.time())
    with store.sessions() as session:
        due = _due(session, before)
    found = [Minimised(number, last.date(), n) for _cid, number, last, n in due]
    if dry_run or not due:
        return found
    key = store_minimisation_key(store.url, create=True)
    assert key is not None
    for cid, number, _last, _n in due:
        def work(session: Session, cid: int = cid, number: str = number) -> None:
            check_role(session, who, Role.OFFICER, action="minimise finished cases")
            if session.get(CaseMinimisation, cid) is not None:
                return  # another desk was first
            idents = list(session.scalars(select(CaseIdentifier)
                                          .where(CaseIdentifier.case_id == cid)))
            for ident in idents:
                if not ident.value.startswith(MINIMISED_PREFIX):
                    ident.value = minimised_value(key, ident.kind, ident.value)
            case = session.get(Case, cid)
            assert case is not None
            # Core UPDATEs: the case's version (optimistic lock) is not a reason to fail.
            session.execute(update(Case).where(Case.id == cid).values(
                person_label=MINIMISED_LABEL, subject_identifiers={})
                .execution_options(synchronize_session=False))
            session.execute(update(IdentityVerificationRecord)
                            .where(IdentityVerificationRecord.case_id == cid)
                            .values(evidence=MINIMISED_LABEL)
                            .execution_options(synchronize_session=False))
            session.execute(update(PortalChangeRecord)
                            .where(PortalChangeRecord.case_id == cid)
                            .values(old_value=None, new_value=None)
                            .execution_options(synchronize_session=False))
            session.execute(update(ErasurePlanRecord)
                            .where(ErasurePlanRecord.case_id == cid,
                                   ErasurePlanRecord.letter_address.is_not(None))
                            .values(letter_address=None)
                            .execution_options(synchronize_session=False))
            session.add(CaseMinimisation(case_id=cid, minimised_at=moment, minimised_by=who,
                                         identifiers=len(idents)))
            session.add(CaseEvent(case_id=cid, at=moment, actor=who, kind="case_minimised",
                                  message=msg("Identifiers minimised after {months} months: "
                                              "{count} kept as keyed hashes.",
                                              months=after_months,
                                              count=len(idents)).to_json()))
            session.flush()
            record_audit(session, actor=who, action="case_minimised", case_id=cid,
                         details={"identifiers": len(idents), "after_months": after_months})
            log.info("Case %s minimised", number)

        run_retrying(store, work)
    return found
