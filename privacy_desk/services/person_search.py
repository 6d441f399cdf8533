"""Looking at a person's data, with the role check and the audit entry every look needs.

The GUI's person search and the CLI's ``find`` call these instead of
:mod:`privacy_desk.portal.lookup` directly, so no one sees a person's data without an
entry in the trail. The entry names tables, counts and the identifier's *kind* — never
the identifier or any value.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.store import CaseStore
from privacy_desk.datamap.model import DataMap
from privacy_desk.identifiers import Identifier
from privacy_desk.portal.lookup import Candidate, LookupResult, PersonData, collect, find_person
from privacy_desk.services.roles import WRITERS, Role, require_role

#: Who may look people up: those who work cases (an auditor reads the trail, not people).
VIEWERS = (*WRITERS,)


def search_person(store: CaseStore, portal: Engine, datamap: DataMap,
                  identifier: Identifier | str, *, actor: str, kind: str | None = None,
                  case_id: int | None = None) -> LookupResult:
    """Find candidates for ``identifier`` (their labels are personal data: audited)."""
    require_role(store, actor, *VIEWERS, action="look up a person")
    result = find_person(portal, datamap, identifier, kind=kind)
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="person_searched", case_id=case_id,
                     details={"identifier_kinds": ",".join(r.kind for r in result.readings),
                              "candidates": len(result.candidates)})
    return result


def view_person_data(store: CaseStore, portal: Engine, datamap: DataMap,
                     candidate: Candidate, *, actor: str,
                     case_id: int | None = None) -> PersonData:
    """Every mapped row of one candidate, after the role check, recorded in the trail."""
    require_role(store, actor, *VIEWERS, action="view a person's data")
    data = collect(portal, datamap, candidate)
    tables = data.tables()
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="person_data_viewed", case_id=case_id,
                     details={"tables": ",".join(sorted(tables))[:200],
                              "rows": len(data.rows),
                              "subject_table": candidate.subject_table or "-",
                              "identifier_kind": candidate.identifier.kind})
    return data


__all__ = [
    "VIEWERS",
    "Candidate",
    "LookupResult",
    "PersonData",
    "Role",
    "search_person",
    "view_person_data",
]
