"""Finding a case's person in the portal from the identifiers the request gave.

Shared by the extract and the erasure: both start from a case, not from a typed
identifier. The identifiers are tried from the most to the least specific, and the
first that finds anyone wins (possibly several people: the officer chooses).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine

from privacy_desk.casestore.models import CaseIdentifier
from privacy_desk.casestore.store import CaseStore
from privacy_desk.datamap.model import DataMap
from privacy_desk.errors import UserError
from privacy_desk.identifiers import Identifier
from privacy_desk.messages import msg
from privacy_desk.portal.lookup import LookupResult, find_person

#: Identifier kinds tried, in order, to find a case's person in the portal.
SUBJECT_KINDS = ("personnummer", "orgnr", "customer_number", "email", "phone")


class NoSearchableIdentifier(UserError):
    """The case holds no identifier the data map can search by."""


def find_case_subject(store: CaseStore, portal: Engine, datamap: DataMap,
                      case_id: int) -> LookupResult:
    """The candidates for the case's person (checks on the case are the caller's)."""
    with store.sessions() as session:
        pairs = session.execute(select(CaseIdentifier.kind, CaseIdentifier.value)
                                .where(CaseIdentifier.case_id == case_id)).all()
    known = datamap.identity_kinds()
    last: LookupResult | None = None
    for kind in SUBJECT_KINDS:
        for k, value in pairs:
            if k != kind or kind not in known:
                continue
            result = find_person(portal, datamap, Identifier(kind, value))
            if result.candidates:
                return result
            last = result
    if last is None:
        raise NoSearchableIdentifier(
            msg("The request carries no identifier the data map can search by."),
            msg("Add the person's identifier to the case (personnummer, org.nr, customer "
                "number, e-mail or phone)."))
    return last
