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
from privacy_desk.errors import UserError
from privacy_desk.identifiers import Identifier
from privacy_desk.messages import msg
from privacy_desk.portal.lookup import (
    BIRTH_YEAR,
    NAME,
    POSTCODE,
    Candidate,
    LookupResult,
    PersonData,
    collect,
    find_by_name,
    find_person,
)
from privacy_desk.services.roles import WRITERS, Role, require_role

#: Who may look people up: those who work cases (an auditor reads the trail, not people).
VIEWERS = (*WRITERS,)


def search_person(store: CaseStore, portal: Engine, datamap: DataMap,
                  identifier: Identifier | str, *, actor: str, kind: str | None = None,
                  postcode: str | None = None, case_id: int | None = None) -> LookupResult:
    """Find candidates for ``identifier`` (their labels are personal data: audited).

    With ``kind="name"`` the text is a person's name, searched in every kind of person's
    name columns, narrowed by ``postcode`` when given.
    """
    require_role(store, actor, *VIEWERS, action="look up a person")
    if kind == NAME and not isinstance(identifier, Identifier):
        result = find_by_name(portal, datamap, identifier, postcode=postcode)
    elif postcode:
        raise UserError(msg("A postcode narrows a name search only."),
                        msg("Search by name, or leave the postcode out."))
    else:
        result = find_person(portal, datamap, identifier, kind=kind)
    details: dict[str, str | int] = {
        "identifier_kinds": ",".join(r.kind for r in result.readings),
        "candidates": len(result.candidates)}
    if postcode:
        details["postcode"] = "given"  # that one was given, never which
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="person_searched", case_id=case_id,
                     details=details)
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
    "BIRTH_YEAR",
    "NAME",
    "POSTCODE",
    "VIEWERS",
    "Candidate",
    "LookupResult",
    "PersonData",
    "Role",
    "search_person",
    "view_person_data",
]
